"""Measures of regional specialisation: location quotients and node rules, cluster-strength
measures, industrial ecosystems, and the node tables compared with the published ones.
"""
