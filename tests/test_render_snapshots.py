"""Snapshots (syrupy) of what people read, at a fixed width of 80 columns, so a layout change is a reviewed diff.

Update with `pytest tests/test_render_snapshots.py --snapshot-update` and read the diff before committing.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion
from typer.testing import CliRunner

from pathfinder.catalog import load_catalog
from pathfinder.cli import app
from pathfinder.models import Catalog
from pathfinder.questions import QUESTIONS, defaults
from pathfinder.render import compare_table, make_console, questions_table, recommendation_view
from pathfinder.advice import advise as score

WIDTH = 80
EXAMPLES: dict[str, dict[str, Any]] = {
    "defaults": {},
    "billing-4000": {"budget_usd": 4000, "timeline_months": 12, "goal": "billing", "learning_style": "hands_on"},
    "management-45000": {"budget_usd": 45000, "timeline_months": 40, "goal": "management",
                         "learning_style": "analytical"},
    "informatics-5000": {"budget_usd": 5000, "timeline_months": 12, "goal": "informatics",
                         "learning_style": "analytical"},
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def rendered(renderable: Any) -> str:
    out = io.StringIO()
    console = make_console(out, no_color=True, width=WIDTH)
    console.print(renderable)
    return out.getvalue()


def _check_plain(text: str) -> None:
    assert "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= WIDTH


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_recommendation(catalog: Catalog, snapshot: SnapshotAssertion, name: str) -> None:
    result = score({**defaults(), **EXAMPLES[name]}, catalog)
    text = rendered(recommendation_view(result, catalog))
    _check_plain(text)
    assert text == snapshot


def test_compare_table(catalog: Catalog, snapshot: SnapshotAssertion) -> None:
    text = rendered(compare_table(catalog))
    _check_plain(text)
    assert text == snapshot


def test_questions_table(snapshot: SnapshotAssertion) -> None:
    text = rendered(questions_table(QUESTIONS))
    _check_plain(text)
    assert text == snapshot


def test_compare_command_prints_the_same_table(catalog: Catalog, snapshot: SnapshotAssertion) -> None:
    result = CliRunner().invoke(app, ["compare"], env={"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"})
    assert result.exit_code == 0, result.output
    assert result.stdout == rendered(compare_table(catalog))
    assert result.stdout == snapshot


def test_quiz_command_prints_the_recommendation(catalog: Catalog, snapshot: SnapshotAssertion) -> None:
    args = ["quiz", "--defaults"] + [a for k, v in EXAMPLES["informatics-5000"].items() for a in ("--set", f"{k}={v}")]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"})
    assert result.exit_code == 0, result.output
    from pathfinder.advice import advise

    expected = advise({**defaults(), **EXAMPLES["informatics-5000"]}, catalog)
    assert result.stdout == rendered(recommendation_view(expected, catalog))
    assert result.stdout == snapshot


@pytest.mark.parametrize("args", [[], ["quiz"], ["compare"], ["questions"], ["schema"]],
                         ids=["top", "quiz", "compare", "questions", "schema"])
def test_help(snapshot: SnapshotAssertion, args: list[str]) -> None:
    # TERMINAL_WIDTH=80 and no FORCE_COLOR/PY_COLORS come from the autouse fixture in conftest.py.
    result = CliRunner().invoke(app, [*args, "--help"], env={"TERMINAL_WIDTH": "80", "COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    _check_plain(result.stdout)
    assert result.stdout == snapshot
