"""The projection's limits, stated once: read by the projection and by the command line's options (a module of
its own, so --help loads nothing else of the core)."""

DEFAULT_YEARS = 10
MAX_YEARS = 40
MAX_PART_TIME_INCOME_USD = 1_000_000
