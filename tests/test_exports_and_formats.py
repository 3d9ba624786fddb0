"""quiz --export for every suffix (the whole report, written atomically), and compare --format
table|json|markdown|csv with --programs and --sources."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from insight_helpers import INFORMATICS_ON_A_BUDGET, run, set_args, write_custom_catalog
from pathfinder.layouts.markdown import escape as md_escape

QUIZ = ["quiz", "--defaults", *set_args(INFORMATICS_ON_A_BUDGET)]


@pytest.mark.parametrize("suffix", [".html", ".htm", ".svg", ".md", ".txt", ".HTML"])
def test_export_writes_every_format(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"report{suffix}"
    result = run(*QUIZ, "--export", str(target))
    assert result.exit_code == 0, result.output
    assert f"wrote the report to {target}" in result.stderr
    text = target.read_text(encoding="utf-8")
    assert os.listdir(tmp_path) == [target.name]  # written atomically: no temp file left behind
    kind = suffix.lower()
    if kind == ".svg":  # the money-and-time chart alone
        assert text.startswith("<?xml") and "<svg" in text and "Money and time over 10 years" in text
        assert "Key figures" not in text
        return
    if kind in (".html", ".htm"):
        assert text.startswith("<!DOCTYPE html>") and "<title>Your pathfinder recommendation</title>" in text
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    elif kind == ".md":
        assert text.startswith("# Your pathfinder recommendation")
        assert "## Money and time over 10 years" in text and "## A two-step path toward HIM" in text
        assert "| Cost |" in text
    else:
        assert "\x1b[" not in text and max(len(line) for line in text.splitlines()) <= 80
    for phrase in ("Your recommendation", "Medical Billing and Coding", "The programs side by side", "Money and time",
                   "What would change the advice", "Assumptions", "Sources"):
        assert phrase in text, phrase


def test_the_text_export_is_the_whole_report_as_the_terminal_shows_it(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    assert run(*QUIZ, "--export", str(target)).exit_code == 0
    details = run(*QUIZ, "--details", env={"COLUMNS": "80"})
    assert details.exit_code == 0
    exported = [line.rstrip() for line in target.read_text(encoding="utf-8").splitlines()]
    assert exported == [line.rstrip() for line in details.stdout.splitlines()]


def test_export_with_json_writes_both(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = run(*QUIZ, "--json", "--export", str(target))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["recommendation"]["program_id"] == "mbc"
    assert target.exists()


def test_export_includes_the_what_if(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = run(*QUIZ, "--what-if", "budget_usd=8000", "--what-if", "timeline_months=24", "--export", str(target))
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "## What if" in text and "| Budget | \\$5,000 | \\$8,000 |" in text, text


@pytest.mark.parametrize("name", ["report.pdf", "report", "report.html.bak"])
def test_unknown_export_suffix_exits_2_before_any_question(tmp_path: Path, name: str) -> None:
    result = run("quiz", "--export", str(tmp_path / name))  # answers missing and no terminal: suffix is checked first
    assert result.exit_code == 2
    assert "is not a format pathfinder writes" in result.stderr and ".html, .htm, .svg, .md, .txt" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_folder_is_checked_before_any_question(tmp_path: Path) -> None:
    result = run("quiz", "--export", str(tmp_path / "missing" / "report.html"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr and "missing:" not in result.stderr


def test_export_replaces_an_old_report(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old")
    assert run(*QUIZ, "--export", str(target)).exit_code == 0
    assert target.read_text().count("Your recommendation") == 1 and "old" not in target.read_text()


# --- compare formats -----------------------------------------------------------------------------


def test_compare_table_is_the_default_and_json_alias_still_works() -> None:
    table = run("compare")
    assert table.exit_code == 0 and "HIM is Health Information Management" in table.stdout
    alias, long = run("compare", "--json"), run("compare", "--format", "json")
    assert alias.exit_code == long.exit_code == 0
    assert alias.stdout == long.stdout
    assert [p["id"] for p in json.loads(alias.stdout)["programs"]] == ["him", "mbc"]


def test_json_with_another_format_is_refused() -> None:
    result = run("compare", "--json", "--format", "csv")
    assert result.exit_code == 2 and "--json is the same as --format json" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "csv"])
def test_programs_chooses_and_orders(fmt: str) -> None:
    result = run("compare", "--format", fmt, "--programs", "mbc,him")
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "json":
        assert [p["id"] for p in json.loads(out)["programs"]] == ["mbc", "him"]
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(out))) == ["Fact", "MBC certificate or diploma", "MBC associate degree",
                                                       "HIM associate degree", "HIM bachelor's degree"]
    else:
        assert out.index("MBC certificate") < out.index("MBC associate") < out.index("HIM associate")
    only = run("compare", "--format", fmt, "--programs", "him")
    assert only.exit_code == 0
    if fmt != "json":
        assert "MBC" not in only.stdout and "Medical Billing" not in only.stdout


@pytest.mark.parametrize("value", ["him,xyz", "nope", " , "])
def test_unknown_program_exits_2_naming_the_valid_ids(value: str) -> None:
    result = run("compare", "--programs", value)
    assert result.exit_code == 2
    assert "valid ids: him, mbc" in result.stderr or "at least one program id" in result.stderr


def test_compare_markdown_is_a_table_with_escaped_cells() -> None:
    result = run("compare", "--format", "markdown", "--details")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("| "))
    assert lines[header] == "| Figure | Health Information Management (HIM) | Medical Billing and Coding (MBC) |" or \
        lines[header] == "|  | Health Information Management (HIM) | Medical Billing and Coding (MBC) |"
    assert lines[header + 1] == "| --- | --- | --- |"
    assert all(line.count(" | ") == 2 for line in lines if line.startswith("| "))
    assert "\\$2,500-\\$15,000" in result.stdout  # '$' could start maths where the Markdown is pasted


def test_compare_csv_round_trips_through_the_csv_module() -> None:
    result = run("compare", "--format", "csv", "--details")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["Fact", "Health Information Management (HIM)", "Medical Billing and Coding (MBC)"]
    facts = {row[0]: row[1:] for row in rows[1:]}
    # The article's figure, then the others beside it, newest first and each labelled by its kind, then the note.
    assert facts["Early salary"][1].splitlines()[:3] == [
        "The article: $42,000-$58,000 a year", "Secondary, medical records specialists: median $50,250 (May 2024)",
        "Official, medical records specialists: median $44,090 (May 2020)"]
    assert facts["Early salary"][1].splitlines()[3].startswith("Note: No official starting pay was found")
    assert facts["Length"][1].startswith("Certificate or diploma: 9-18 months, then 4-6 months to a first job\n"
                                         "Also reported: The program overview says 10 months to one year.\n"
                                         "Associate degree: 24 months\n")


def _figureless_alternates(data: dict[str, Any]) -> None:
    """An alternate that gives neither a low nor a high figure (only a note) for a length and a cost."""
    mbc = data["programs"][1]["pathways"][0]
    del mbc["duration_months"]["alternates"][0]["low"], mbc["duration_months"]["alternates"][0]["high"]
    del mbc["cost_usd"]["alternates"][1]["high"]


def _figureless_alternates_bare(data: dict[str, Any]) -> None:
    _figureless_alternates(data)
    mbc = data["programs"][1]["pathways"][0]
    mbc["duration_months"]["alternates"][0]["note"] = "No figure."
    mbc["cost_usd"]["alternates"][1]["note"] = "No figure either."


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_an_alternate_without_figures_reads_not_given(tmp_path: Path, fmt: str) -> None:
    path = str(write_custom_catalog(tmp_path, _figureless_alternates_bare))
    result = run("--data", path, "compare", "--format", fmt, "--details")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert text.count("Also reported: not given") == 2  # the length and the cost alternate
    assert "None" not in text and "null" not in text


def test_sources_add_footnotes_in_every_text_format() -> None:
    table = run("compare", "--sources")
    assert table.exit_code == 0
    words = " ".join(table.stdout.split())
    assert "Sources" in words and "[1]" in words
    assert ('HIM vs. Medical Billing and Coding: Explaining the Difference in 2026 (Imed Bouchrika, PhD): '
            '[1] "Cost"') in words
    markdown = run("compare", "--format", "markdown", "--sources", "--details").stdout
    assert "## Sources" in markdown and "[1]" in markdown and "<https://www.bls.gov/" in markdown
    rows = list(csv.reader(io.StringIO(run("compare", "--format", "csv", "--sources").stdout)))
    assert rows[0][5:] == ["Sources: HIM associate degree", "Sources: HIM bachelor's degree",
                           "Sources: MBC certificate or diploma", "Sources: MBC associate degree"]
    assert {r[0]: r[5] for r in rows[1:]}["Early salary"].startswith(
        'HIM vs. Medical Billing and Coding: Explaining the Difference in 2026 (Imed Bouchrika, PhD), '
        'section "Career outcomes"')


HOSTILE = "[bold red]Boom[/] | =cmd(1) *x* $5"


def _hostile(data: dict[str, Any]) -> None:
    data["programs"][0]["skills"][0] = HOSTILE
    data["programs"][0]["outcomes"]["roles"][0]["title"] = "=HYPERLINK(\"http://x\")"


def test_data_is_never_markup_and_is_escaped_in_every_format(tmp_path: Path) -> None:
    path = str(write_custom_catalog(tmp_path, _hostile))
    table = run("--data", path, "compare", "--details")
    assert table.exit_code == 0 and "[bold red]Boom[/]" in table.stdout
    markdown = run("--data", path, "compare", "--format", "markdown", "--details").stdout
    assert md_escape(HOSTILE, in_table=True) in markdown and "\\| =cmd" in markdown
    assert all(line.count(" | ") == 2 for line in markdown.splitlines() if line.startswith("| "))
    rows = list(csv.reader(io.StringIO(run("--data", path, "compare", "--format", "csv", "--details").stdout)))
    facts = {row[0]: row[1:] for row in rows}
    assert HOSTILE in facts["Skills"][0]
    assert facts["Roles"][0].startswith("'=HYPERLINK")  # a spreadsheet would run it as a formula


def test_markdown_escape() -> None:
    assert md_escape("a|b", in_table=True) == "a\\|b"
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("- not a list") == "\\- not a list"
    assert md_escape("two\nlines", in_table=True) == "two<br>lines"
    assert md_escape("<script>") == "\\<script\\>"
    assert (md_escape("Certified Coding Associate (CCA), 12.5-13 months")
            == "Certified Coding Associate (CCA), 12.5-13 months")
