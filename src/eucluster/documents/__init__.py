"""Analyses of the documents' own tables: profiles of the best-practice cluster organisations and
the cross-walk of policy recommendations.
"""
