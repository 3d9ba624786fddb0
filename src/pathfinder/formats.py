"""Text formats that need no terminal: Markdown and CSV, the export suffixes, and sentences shared with
the terminal view. Pure: no typer, rich or questionary.

Markdown escapes every character that could start formatting in a data string (a pipe would split a
table cell; ``$`` can start maths on some sites); CSV goes through the csv module, and a cell that a
spreadsheet would read as a formula is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pathfinder import factsheet
from pathfinder.errors import PathfinderError
from pathfinder.models import Catalog, Program

if TYPE_CHECKING:
    from pathfinder.results import Result

EXPORT_FORMATS = {".html": "html", ".htm": "html", ".svg": "svg", ".md": "markdown", ".txt": "text"}
SHOWN_CHANGES = 3
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$&])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_format(path: Path) -> str:
    """The export format a file name asks for, by its suffix; anything else is a usage error."""
    fmt = EXPORT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        shown = path.suffix or "no suffix"
        raise PathfinderError(f"--export {path}: {shown} is not a format pathfinder writes; "
                              f"use one of {', '.join(EXPORT_FORMATS)}")
    return fmt


# --- sentences shared with the terminal ----------------------------------------------------------


def usd(value: float | None) -> str:
    if value is None:
        return "not projected"
    return f"-${-value:,.0f}" if value < 0 else f"${value:,.0f}"


def catch_up(name: str, other: str, low: int | None, mid: int | None, high: int | None, years: int) -> str:
    """'HIM catches up with MBC in year 6 (middle of the ranges); year 3 at the low end, ...'."""
    def when(value: int | None) -> str:
        return f"year {value}" if value is not None else f"not within {years} years"

    head = (f"{name} catches up with {other} in year {mid}" if mid is not None
            else f"{name} does not catch up with {other} within {years} years")
    return f"{head} (middle of the ranges); {when(low)} at the low end, {when(high)} at the high end."


def change_lines(result: Result) -> list[str]:
    """The nearest changes as sentences, or why no single change is enough."""
    lines = [c.sentence for c in result.what_would_change[:SHOWN_CHANGES]]
    if not lines:
        lines.append("No single change to one answer or one weight would put another program first.")
        for entry in result.ranking[1:]:
            failed = [c.id for c in entry.constraints if not c.ok]
            if len(failed) > 1:
                lines.append(f"{entry.name} is ruled out by your {' and your '.join(failed)} at once, "
                             "so changing one answer is not enough.")
    more = len(result.what_would_change) - SHOWN_CHANGES
    if more > 0:
        lines.append(f"{more} more in the JSON (what_would_change).")
    return lines


def path_label(catalog: Catalog, program_id: str, pathway_name: str) -> str:
    return f"{short_name(catalog, program_id)} {pathway_name}"


def short_name(catalog: Catalog, program_id: str | None) -> str:
    program = catalog.program(program_id) if program_id else None
    return program.short_name if program else (program_id or "")


def span(low: float | None, high: float | None, unit: str = "") -> str:
    """'9-18' or '$3,000-$17,000' from two scenario figures in either order."""
    figures = [v for v in (low, high) if v is not None]
    if not figures:
        return "not given"
    a, b = min(figures), max(figures)
    if unit == "usd":
        return factsheet.money_span(a, b)
    return f"{a:g}" if a == b else f"{a:g}-{b:g}"


# --- Markdown --------------------------------------------------------------------------------------


def md_escape(text: str) -> str:
    """A data string as literal Markdown text: special characters escaped, newlines as <br>."""
    escaped = _MARKDOWN_LINE_START.sub(_escape_last, _MARKDOWN_SPECIAL.sub(r"\\\1", text))
    return escaped.replace("\r\n", "\n").replace("\n", "<br>")


def _escape_last(match: re.Match[str]) -> str:
    """A heading, list or rule marker at the start of a string: escape its last character."""
    lead, marker = match.group(1), match.group(2)
    return lead + marker[:-1] + "\\" + marker[-1]


def md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(md_escape(h) for h in headers) + " |", "|" + " --- |" * len(headers)]
    lines.extend("| " + " | ".join(md_escape(cell) for cell in row) + " |" for row in rows)
    return "\n".join(lines)


def _md_list(items: Sequence[str], numbered: bool = False) -> str:
    return "\n".join(f"{f'{i}.' if numbered else '-'} {md_escape(item)}" for i, item in enumerate(items, 1))


def compare_markdown(catalog: Catalog, programs: Sequence[Program], sources: bool = False) -> str:
    table = factsheet.rows(programs)
    notes = factsheet.footnotes(table) if sources else {}
    body = [[row.label, *(_with_notes(cell.text(), cell.sources, notes) for cell in row.cells)] for row in table]
    text = md_table(["", *(factsheet.header(p) for p in programs)], body)
    if sources:
        text += "\n\nSources:\n\n" + _md_list([factsheet.describe_source(catalog, ref) for ref in notes], numbered=True)
    return text + "\n"


def _with_notes(text: str, refs: Sequence[str], notes: dict[str, int]) -> str:
    return text + (" " + "".join(f"[{notes[r]}]" for r in refs) if notes else "")


def compare_csv(catalog: Catalog, programs: Sequence[Program], sources: bool = False) -> str:
    """One row per fact, one column per program (then one column of source refs per program with ``sources``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = ["fact", *(p.id for p in programs)]
    if sources:
        header.extend(f"{p.id}_sources" for p in programs)
    writer.writerow(header)
    for row in factsheet.rows(programs):
        cells = [row.label, *(cell.text(bullets=False) for cell in row.cells)]
        if sources:
            cells.extend("; ".join(cell.sources) for cell in row.cells)
        writer.writerow([_csv_safe(c) for c in cells])
    return out.getvalue()


def _csv_safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def result_markdown(result: Result, catalog: Catalog) -> str:
    """The whole recommendation as a Markdown document."""
    rec = result.recommendation
    out: list[str] = ["# pathfinder recommendation", ""]
    margin = "" if rec.margin is None else f", margin {rec.margin:.1f} points"
    out += [f"**Recommended:** {md_escape(rec.program_name)}, {md_escape(rec.pathway_name)}  ",
            f"Score {rec.score:.1f} / 100, confidence **{rec.confidence}**{margin}", ""]
    if result.what_if is not None:
        out += ["## What if", "", _what_if_markdown(result, catalog), ""]
    out += ["## Why", "", _md_list(rec.reasons), ""]
    programs = [p for p in (catalog.program(e.program_id) for e in result.ranking) if p is not None]
    out += ["## Programs side by side", "", compare_markdown(catalog, programs)]
    out += ["## How each program scored", "", _breakdown_markdown(result), ""]
    if result.projection:
        out += _projection_markdown(result, catalog)
    if result.stackable_path is not None:
        out += _stack_markdown(result, catalog)
    out += ["## What would change the advice", "", _md_list(change_lines(result)), ""]
    if result.warnings:
        out += ["## Warnings", "", _md_list(result.warnings), ""]
    out += ["## Next steps", "", _md_list(rec.next_steps), ""]
    return "\n".join(out)


def _breakdown_markdown(result: Result) -> str:
    headers = ["Criterion", "Weight", *(f"{e.program_id} ({e.pathway})" + ("" if e.eligible else ", ruled out") for e in result.ranking)]
    by_program = [{c.id: c for c in e.criteria} for e in result.ranking]
    rows = [[c.label, f"{c.weight:.1f}", *(f"{p[c.id].contribution:.1f}" if p[c.id].fit is not None else "not weighed" for p in by_program)]
            for c in result.ranking[0].criteria]
    rows.append(["Total", "100", *(f"{e.score:.1f}" for e in result.ranking)])
    return md_table(headers, rows)


def _projection_markdown(result: Result, catalog: Catalog) -> list[str]:
    projection = result.projection
    years = len(projection[0].years)
    labels = {p.program_id: path_label(catalog, p.program_id, p.pathway_name) for p in projection}
    out = [f"## Money and time over {years} years", "",
           "Earnings so far minus school costs at the end of each year since school starts: low / middle / high.", ""]
    headers = ["Year", *labels.values()]
    rows = [[str(i + 1), *(f"{usd(p.years[i].low)} / {usd(p.years[i].mid)} / {usd(p.years[i].high)}" for p in projection)]
            for i in range(years)]
    out += [md_table(headers, rows), ""]
    summary = [[labels[p.program_id], f"{span(p.school_months.low, p.school_months.high)} + "
                f"{span(p.job_search_months.low, p.job_search_months.high)} months",
                span(p.cost_usd.low, p.cost_usd.high, "usd"), span(p.salary_usd.low, p.salary_usd.high, "usd")]
               for p in projection]
    out += [md_table(["Path", "School + job search", "Cost", "Pay a year"], summary), ""]
    lines = [catch_up(labels[p.program_id], short_name(catalog, p.compared_with), p.break_even.low, p.break_even.mid,
                      p.break_even.high, years) for p in projection if p.compared_with is not None]
    lines += [note for p in projection for note in p.notes]
    if lines:
        out += [_md_list(lines), ""]
    out += ["### Assumptions", "", _md_list(result.assumptions), ""]
    return out


def _stack_markdown(result: Result, catalog: Catalog) -> list[str]:
    path = result.stackable_path
    assert path is not None
    first, goal = short_name(catalog, path.first_program_id), short_name(catalog, path.goal_program_id)
    out = [f"## A two-step path toward {md_escape(goal)}", "", md_escape(path.reason), "",
           _md_list([s.summary for s in path.steps], numbered=True), ""]
    alone = next((p for p in result.projection if p.program_id == path.compared_with), None)
    headers = ["Year", f"{first}, then {goal}"] + ([f"{first} only"] if alone else [])
    rows = []
    for i, year in enumerate(path.years):
        row = [str(year.year), f"{usd(year.low)} / {usd(year.mid)} / {usd(year.high)}"]
        if alone is not None:
            row.append(f"{usd(alone.years[i].low)} / {usd(alone.years[i].mid)} / {usd(alone.years[i].high)}")
        rows.append(row)
    spread = path.break_even
    out += [md_table(headers, rows), "",
            md_escape(catch_up("The two-step path", f"staying in {first}", spread.low, spread.mid, spread.high, len(path.years))), ""]
    return out


def _what_if_markdown(result: Result, catalog: Catalog) -> str:
    from pathfinder.questions import QUESTIONS_BY_ID

    what_if = result.what_if
    assert what_if is not None
    rows: list[list[str]] = []
    for key, change in what_if.changed.items():
        question = QUESTIONS_BY_ID[key]
        rows.append([question.title, question.label_for(change["from"]), question.label_for(change["to"])])
    before, after = result.recommendation, what_if.recommendation
    rows.append(["Recommended", f"{before.program_name}, {before.pathway_name}", f"{after.program_name}, {after.pathway_name}"])
    rows.append(["Confidence", before.confidence, after.confidence])
    others = {e.program_id: e for e in what_if.ranking}
    for entry in result.ranking:
        rows.append([f"{entry.program_id} score", score_text(entry), score_text(others[entry.program_id])])
    return md_table(["", "Your answers", "What if"], rows) + "\n\n" + md_escape(what_if_verdict(result))


def score_text(entry: Any) -> str:
    text = f"{entry.score:.1f} ({entry.pathway})"
    return text if entry.eligible else text + ", ruled out"


def what_if_verdict(result: Result) -> str:
    assert result.what_if is not None
    before, after = result.recommendation, result.what_if.recommendation
    if after.program_id != before.program_id:
        return f"The recommendation changes: {after.program_name} instead of {before.program_name}."
    return f"The recommendation stays: {after.program_name}."
