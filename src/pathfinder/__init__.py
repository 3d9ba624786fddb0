"""pathfinder: a terminal career advisor for choosing between HIM and medical billing and coding."""

__version__ = "1.0.0"
