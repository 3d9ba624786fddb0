"""Snapshots (syrupy) of what the commands print at 80 columns, so a layout change is a reviewed diff.

They guard the layout only: every figure in them is also checked by name elsewhere (test_data_figures.py,
test_scoring.py, test_projection.py), so updating a snapshot can never be the only check of a figure.
Update with `pytest tests/test_render_snapshots.py --snapshot-update` and read the diff before committing.
"""

from __future__ import annotations

from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion
from typer.testing import CliRunner

from pathfinder.cli.app import app

WIDTH = 80
ENV = {"COLUMNS": str(WIDTH), "NO_COLOR": "1", "TERM": "dumb"}
EXAMPLES: dict[str, dict[str, Any]] = {
    "defaults": {},
    "billing-4000": {"budget_usd": 4000, "timeline_months": 12, "goal": "billing", "learning_style": "hands_on"},
    "management-45000": {"budget_usd": 45000, "timeline_months": 40, "goal": "management",
                         "learning_style": "analytical"},
    "nothing-fits": {"budget_usd": 0, "timeline_months": 1, "goal": "management"},
}


def printed(args: list[str]) -> str:
    result = CliRunner().invoke(app, args, env=ENV)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= WIDTH
    return result.stdout


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_quiz_summary(snapshot: SnapshotAssertion, name: str) -> None:
    args = ["quiz", "--defaults"] + [a for k, v in EXAMPLES[name].items() for a in ("--set", f"{k}={v}")]
    text = printed(args)
    assert len(text.splitlines()) <= 40
    assert text == snapshot


def test_compare_table(snapshot: SnapshotAssertion) -> None:
    assert printed(["compare"]) == snapshot


def test_questions_table(snapshot: SnapshotAssertion) -> None:
    assert printed(["questions"]) == snapshot


@pytest.mark.parametrize("args", [[], ["quiz"], ["compare"], ["questions"], ["schema"], ["score"]],
                         ids=["top", "quiz", "compare", "questions", "schema", "score"])
def test_help(snapshot: SnapshotAssertion, args: list[str]) -> None:
    # TERMINAL_WIDTH=80 and no FORCE_COLOR/PY_COLORS come from the autouse fixture in conftest.py.
    result = CliRunner().invoke(app, [*args, "--help"], env={"TERMINAL_WIDTH": "80", "COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= WIDTH
    assert result.stdout == snapshot
