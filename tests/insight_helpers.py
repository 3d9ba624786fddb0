"""Shared helpers for the issue-5 tests (projection, what would change, stackable path, exports, formats)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from pathfinder.core.catalog import load_catalog, shipped_path, validate_catalog
from pathfinder.core.programs import Catalog
from pathfinder.core.questions import defaults

ENV = {"COLUMNS": "100", "NO_COLOR": "", "TERM": "xterm-256color"}

# The examples (issue 2) and a few more, as --set arguments and as answer dicts.
INFORMATICS_ON_A_BUDGET: dict[str, Any] = {"budget_usd": 5000, "timeline_months": 12, "goal": "informatics",
                                           "learning_style": "analytical"}
MANAGEMENT: dict[str, Any] = {"budget_usd": 45000, "timeline_months": 40, "goal": "management",
                              "learning_style": "analytical"}


def answers(**changes: Any) -> dict[str, Any]:
    """Complete answers: the defaults with ``changes`` applied."""
    result = defaults()
    result.update(changes)
    return result


def catalog() -> Catalog:
    return load_catalog()


def custom_catalog(mutate: Callable[[dict[str, Any]], None]) -> Catalog:
    data = copy.deepcopy(json.loads(shipped_path().read_text(encoding="utf-8")))
    mutate(data)
    return validate_catalog(data)


def write_custom_catalog(folder: Path, mutate: Callable[[dict[str, Any]], None]) -> Path:
    data = copy.deepcopy(json.loads(shipped_path().read_text(encoding="utf-8")))
    mutate(data)
    path = folder / "programs.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def set_args(values: dict[str, Any]) -> list[str]:
    args: list[str] = []
    for key, value in values.items():
        args += ["--set", f"{key}={json.dumps(value) if not isinstance(value, str) else value}"]
    return args


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Any:
    from pathfinder.cli.app import app

    return CliRunner().invoke(app, list(args), input=input, env={**ENV, **(env or {})})
