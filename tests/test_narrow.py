"""Narrow terminals: at 60 and 80 columns, wrapped lines keep their hanging indent, cut text ends with an ellipsis,
and the summary keeps the reasons for the pick before any against it."""

from __future__ import annotations

import csv
import io
import subprocess

import pytest

from helpers import find_pathfinder
from insight_helpers import run
from pathfinder.cli import prompts


def _run_at(columns: int, *args: str) -> list[str]:
    done = subprocess.run([find_pathfinder(), "--no-color", *args], capture_output=True, text=True,
                          env={"COLUMNS": str(columns), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.mark.parametrize("columns", [60, 79])
def test_a_table_stacked_as_a_list_keeps_its_hanging_indent(columns: int) -> None:
    # A framed table (compare --details) becomes a list below 80 columns; its row labels are the CSV's first column.
    labels = {row[0] for row in csv.reader(io.StringIO(run("compare", "--format", "csv", "--details").stdout))}
    body = [line for line in _run_at(columns, "compare", "--details") if line.strip()]
    assert any(line.startswith("    ") for line in body)  # some value did wrap
    for line in body:
        if line in labels:
            continue
        # A value starts two columns in ("  Heading: value"); what wraps, and a cell's further lines, four.
        assert line.startswith("  "), line
        if not line.startswith("    "):
            assert line[2] != " " and ": " in line, line


@pytest.mark.parametrize("columns", [60, 80])
def test_bullets_wrap_under_their_text(columns: int) -> None:
    lines = _run_at(columns, "quiz", "--defaults", "--details")
    start = lines.index("Assumptions") + 1
    bullets = lines[start:lines.index("", start)]
    assert len(bullets) > 2
    assert all(line.startswith(("\u2022 ", "  ")) and len(line) <= columns for line in bullets)
    assert any(line.startswith("  ") for line in bullets)


def _why(lines: list[str]) -> list[str]:
    start = lines.index("Why") + 1
    return [" ".join(r.split()) for r in " ".join(lines[start:lines.index("", start)]).split("\u2022")[1:]]


def test_at_60_columns_the_reasons_for_the_pick_come_before_any_against_it() -> None:
    # The defaults are a toss-up that MBC leads: its lower cost and sooner start speak for it, HIM's growth
    # against it.
    # At 60 columns the headline's chances and the wrapped table leave room for one reason in 40 lines: it is
    # one for the pick, never the one against it.
    for columns in (60, 80, 100):
        reasons = _why(_run_at(columns, "quiz", "--defaults"))
        assert len(reasons) >= (1 if columns == 60 else 2), (columns, reasons)
        assert reasons[0].startswith("The MBC certificate or diploma costs")
        if columns > 60:  # 9-18 months of school, then the usual 4-6 to a job
            assert reasons[1].startswith("You could be working in 13-24 months with the MBC")
        assert all(not r.startswith("HIM jobs") for r in reasons[:-1] or reasons), (columns, reasons)
    assert any(r.startswith("HIM jobs") for r in _why(_run_at(100, "quiz", "--defaults")))


def test_the_review_screen_cuts_long_answers_with_an_ellipsis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prompts, "_pointer", lambda: "\u00bb")
    assert prompts._fit("What matters most: No single thing in particular", 30) == "What matters most: No single\u2026"
    assert len(prompts._fit("x" * 100, 30)) == 30
    assert prompts._fit("Budget: $5,000", 30) == "Budget: $5,000"  # what fits is left whole
    monkeypatch.setattr(prompts, "_pointer", lambda: ">")
    assert prompts._fit("What matters most: No single thing in particular", 30).endswith("...")


def test_a_stacked_table_with_an_empty_cell_keeps_its_heading() -> None:
    from pathfinder.layouts.terminal import _stacked, make_console
    from pathfinder.report import document as model

    table = model.Table("Facts", ("", "HIM"), (("Skills", ((),)), ("Cost", ((model.Text("$7,000"),),))))
    console = make_console(io.StringIO(), no_color=True, width=60)
    console.print(_stacked(table))
    assert console.file.getvalue().splitlines() == ["Skills", "  HIM:", "Cost", "  HIM: $7,000"]  # type: ignore[attr-defined]
