"""Build tooling: reading the table of contents and chapters, re-running a chapter under other
parameters, the Sphinx hooks and the command line.
"""
