"""Geography: NUTS versions and recoding between them, the study's regions and their boundaries,
and structural weakness (cohesion categories from GDP per head).
"""
