"""Shared fixtures: a fixed terminal (80 columns, no colour), a private HOME, and catalog helpers.

Also the hypothesis profiles, chosen by the HYPOTHESIS_PROFILE environment variable: "dev" (the default:
random examples, failures remembered in .hypothesis/) and "ci" (set by .ci/run: the same examples on every
run, nothing remembered, no timing limits). Both print a failure's ``@reproduce_failure`` blob.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from helpers import raw_catalog

# Loaded here, before any test module is imported, because a test's own @settings(...) takes every value it
# does not name (derandomize, print_blob, ...) from the profile loaded when the decorator runs.
settings.register_profile("dev", print_blob=True)
settings.register_profile(
    "ci",
    derandomize=True,  # examples depend on the test itself, not on a random seed: a failure happens again
    print_blob=True,
    deadline=None,  # a busy machine must not turn slowness into a failure
    suppress_health_check=[HealthCheck.too_slow],
    max_examples=100,
)
# `python3 scripts/dev.py mutation` runs the tests once per mutant: the same examples each time, fewer of them.
settings.register_profile("mutation", derandomize=True, deadline=None, max_examples=20,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# Variables that would switch Rich or Typer into terminal/colour mode behind a test's back.
FORCING_VARS = ("FORCE_COLOR", "PY_COLORS", "GITHUB_ACTIONS", "CLICOLOR_FORCE", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


@pytest.fixture(autouse=True)
def fixed_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every test sees an 80-column, colourless, dumb terminal, English and a HOME of its own."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "40")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    # Typer reads TERMINAL_WIDTH (and the forcing variables) once, when it first renders help.
    monkeypatch.setenv("TERMINAL_WIDTH", "80")
    for name in FORCING_VARS:
        monkeypatch.delenv(name, raising=False)
    # English, whatever the machine's locale: a test that wants another language asks for it.
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.delenv("PATHFINDER_PSEUDO", raising=False)
    return home


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def catalog_data() -> dict[str, Any]:
    """A fresh, mutable copy of the shipped programs.json as plain data."""
    return raw_catalog()


@pytest.fixture
def write_json(tmp_path: Path) -> Callable[..., Path]:
    """Write a JSON-able value (or raw str/bytes) to a file under tmp_path and return its path."""

    def write(value: Any, name: str = "catalog.json") -> Path:
        path = tmp_path / name
        if isinstance(value, bytes):
            path.write_bytes(value)
        elif isinstance(value, str):
            path.write_text(value, encoding="utf-8")
        else:
            path.write_text(json.dumps(value, indent=2), encoding="utf-8")
        return path

    return write


@pytest.fixture
def spanish() -> Iterator[None]:
    """Spanish for a test that calls pathfinder's functions directly (a CLI run sets its own language)."""
    from pathfinder import i18n

    i18n.set_language("es")
    try:
        yield
    finally:
        i18n.set_language("en")
