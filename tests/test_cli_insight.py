"""quiz --years/--part-time-income/--what-if through Typer's CliRunner, the result schema, and the layering."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from insight_helpers import INFORMATICS_ON_A_BUDGET, MANAGEMENT, run, set_args

NEW_FIELDS = {"projection", "assumptions", "what_would_change", "stackable_path", "what_if"}


def _quiz_json(*args: str) -> dict[str, Any]:
    result = run("quiz", "--defaults", "--json", *args)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_quiz_json_carries_the_projection_and_the_changes() -> None:
    data = _quiz_json(*set_args(MANAGEMENT))
    assert NEW_FIELDS <= set(data)
    assert [p["program_id"] for p in data["projection"]] == [r["program_id"] for r in data["ranking"]]
    him = data["projection"][0]
    assert him["pathway"] == data["ranking"][0]["pathway"]
    assert len(him["years"]) == 10 and set(him["years"][0]) == {"year", "low", "mid", "high"}
    assert "break_even_year" in him
    assert data["assumptions"] and data["stackable_path"] is None and data["what_if"] is None
    change = data["what_would_change"][0]
    assert {"from", "to", "new_program_id", "sentence"} <= set(change)
    assert (change["answer"] is None) != (change["weight"] is None)


def test_years_and_part_time_income_change_the_projection() -> None:
    data = _quiz_json("--years", "3", "--part-time-income", "12000")
    mbc = next(p for p in data["projection"] if p["program_id"] == "mbc")
    assert [y["year"] for y in mbc["years"]] == [1, 2, 3]
    assert mbc["years"][0]["mid"] == 2000  # -10,000 up front + 12 months at 1,000
    assert any("$12,000 a year from part-time work" in line for line in data["assumptions"])


@pytest.mark.parametrize("args", [["--years", "0"], ["--years", "41"], ["--part-time-income", "-5"],
                                  ["--part-time-income", "nan"]])
def test_bad_projection_options_exit_2(args: list[str]) -> None:
    result = run("quiz", "--defaults", *args)
    assert result.exit_code == 2, result.output


def test_stackable_path_in_json_and_on_screen() -> None:
    data = _quiz_json(*set_args(INFORMATICS_ON_A_BUDGET))
    path = data["stackable_path"]
    assert path["goal_program_id"] == "him" and path["first_program_id"] == "mbc"
    assert [s["program_id"] for s in path["steps"]] == ["mbc", "him"]
    assert path["break_even_year"] == 7
    screen = run("quiz", "--defaults", *set_args(INFORMATICS_ON_A_BUDGET), "--details")
    assert screen.exit_code == 0, screen.output
    assert "A two-step path toward HIM" in screen.stdout
    assert "1. Now: the MBC certificate or diploma" in " ".join(screen.stdout.split())
    assert "The two-step path catches up with staying in MBC in year 7" in " ".join(screen.stdout.split())
    summary = run("quiz", "--defaults", *set_args(INFORMATICS_ON_A_BUDGET))
    assert "A two-step path gets there: the MBC certificate or diploma now" in " ".join(summary.stdout.split())


def test_quiz_shows_projection_assumptions_and_changes() -> None:
    result = run("quiz", "--defaults", *set_args(MANAGEMENT), "--details")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Money and time over 10 years" in text
    assert "After 10 years" in text
    assert "HIM bachelor's degree" in text
    assert "Assumptions" in text and "paid up front" in text
    assert "What would change the advice" in text
    # the certificate needs 13 months at the quickest (9 of school, 4 of search); the bachelor's 24
    assert "If your timeline were from 13 to 23 months, MBC would lead." in text


def test_what_if_is_a_sentence_in_the_summary_and_side_by_side_in_the_details() -> None:
    args = ("quiz", "--defaults", *set_args(INFORMATICS_ON_A_BUDGET),
            "--what-if", "budget_usd=8000", "--what-if", "timeline_months=24")
    result = run(*args)
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    # $8,000 and 24 months make the HIM associate degree ($7,000-$25,000, 24 months) fit, but only in 1/18 of its
    # cost range, while the certificate fits in 5/14 of its own: first on the typical figures, a toss-up across
    # the ranges.
    assert ("What if With budget: $8,000 (you said $5,000) and timeline: 24 months (you said 12 months), the "
            "recommendation changes: the HIM associate degree (a toss-up), "
            "instead of the MBC certificate or diploma.") in out
    details = run(*args, "--details")
    assert details.exit_code == 0, details.output
    out = details.stdout
    assert "Your answers" in out and "What if" in out and "HIM score" in out
    assert "The recommendation changes: Health Information Management instead of Medical Billing and Coding." in out


def test_a_what_if_that_changes_only_the_pathway_says_so() -> None:
    """Management with $12,000: the HIM bachelor's (from $20,000 in the article) is out of reach, so HIM's
    associate degree leads; with $45,000 the bachelor's, the goal's own route, fits and takes over. Same
    program, another pathway: the verdict names both pathways."""
    result = run("quiz", "--defaults", "--set", "goal=management", "--set", "budget_usd=12000",
                 "--set", "timeline_months=48", "--what-if", "budget_usd=45000", "--details")
    assert result.exit_code == 0, result.output
    assert ("The recommendation changes: Health Information Management, bachelor's degree instead of associate "
            "degree.") in " ".join(result.stdout.split())


def test_the_same_what_if_twice_is_refused_before_any_question() -> None:
    result = run("quiz", "--what-if", "budget_usd=20000", "--what-if", "budget_usd=3000")
    assert result.exit_code == 2
    assert result.stderr == ("pathfinder: --what-if budget_usd is given twice ('20000' and '3000'); give each "
                             "answer one value, and run again for another\n")


def test_what_if_in_json() -> None:
    data = _quiz_json(*set_args(INFORMATICS_ON_A_BUDGET), "--what-if", "goal=billing")
    what_if = data["what_if"]
    assert what_if["changed"] == {"goal": {"from": "informatics", "to": "billing"}}
    assert what_if["answers"]["goal"] == "billing"
    assert what_if["recommendation"]["program_id"] == "mbc"
    assert [r["program_id"] for r in what_if["ranking"]] == ["mbc", "him"]
    assert data["answers"]["goal"] == "informatics"  # the person's own answers are untouched


@pytest.mark.parametrize("pair, message", [
    ("budgt=4", "did you mean 'budget_usd'"),
    ("goal=astronaut", "goal: 'astronaut' is not a choice"),
    ("nothing", "--what-if 'nothing': expected id=value"),
])
def test_bad_what_if_exits_2_before_any_question(pair: str, message: str) -> None:
    result = run("quiz", "--what-if", pair)  # no --defaults and no terminal: the what-if is checked first
    assert result.exit_code == 2
    assert message in result.stderr
    assert "missing" not in result.stderr


def test_schema_result_describes_the_new_fields() -> None:
    result = run("schema", "result")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert NEW_FIELDS <= set(schema["properties"])
    assert {"ProgramProjection", "ProjectionYear", "Change", "StackablePath", "WhatIf"} <= set(schema["$defs"])
    assert "from" in schema["$defs"]["Change"]["properties"]


def test_version_imports_none_of_the_new_modules() -> None:
    code = ("import sys\nfrom pathfinder.cli import app\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'pydantic') "
            "or m in ('pathfinder.core.projection', 'pathfinder.core.changes', 'pathfinder.layouts.csvtext', "
            "'pathfinder.report.factsheet')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_help_states_the_limits_the_options_enforce() -> None:
    """The limits are stated once (core/limits.py); the help's words, which cannot read them, say the same."""
    from pathfinder.core import limits

    words = " ".join(run("quiz", "--help").output.split())
    assert f"1 to {limits.MAX_YEARS}. Default: {limits.DEFAULT_YEARS}." in words
    assert run("quiz", "--defaults", "--years", str(limits.MAX_YEARS + 1)).exit_code == 2
    assert run("quiz", "--defaults", "--json", "--years", str(limits.MAX_YEARS)).exit_code == 0
