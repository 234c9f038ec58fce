"""What the book shows: the key-figure registry (numbers with definitions, glued into the prose),
the chart theme and builders, and tables.
"""
