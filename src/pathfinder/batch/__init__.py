"""Scoring a class: reading class files and running many answer sets."""
