"""Models of prosperity on cluster strength: the regression dataset, estimation, spatial
diagnostics and the specification curve.
"""
