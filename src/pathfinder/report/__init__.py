"""The document a person reads, built from the result's sentences and figures, before any layout."""
