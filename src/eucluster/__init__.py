"""eucluster: industrial clusters in Europe's regions, computed from official statistics."""

__version__ = "0.1.0"
