"""The side-by-side facts as plain strings, each with the sources it comes from.

One place builds the rows; the Rich table, the Markdown and the CSV only lay them out.
Pure: no typer, rich or questionary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pathfinder.models import Catalog, Program, Range


@dataclass(frozen=True)
class Cell:
    """One program's entry for one fact: lines (a leading space marks a continuation) and source refs."""

    lines: tuple[str, ...]
    sources: tuple[str, ...]
    bulleted: bool = True

    def text(self, bullets: bool = True) -> str:
        if not (bullets and self.bulleted):
            return "\n".join(line.strip() for line in self.lines)
        return "\n".join(line if line.startswith(" ") else f"- {line}" for line in self.lines)


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]


def money(value: float | None) -> str:
    return "?" if value is None else f"${value:,.0f}"


def money_range(rng: Range | None) -> str:
    if rng is None or not rng.known:
        return "not given"
    return money_span(rng.low, rng.high)


def money_span(low: float | None, high: float | None) -> str:
    if low is None and high is None:
        return "not given"
    if low is None:
        return f"up to {money(high)}"
    if high is None:
        return f"{money(low)} or more"
    return money(low) if low == high else f"{money(low)}-{money(high)}"


def month_range(rng: Range) -> str:
    return month_span(rng.low, rng.high, below="up to")


def month_span(low: float | None, high: float | None, below: str = "under") -> str:
    if low is None and high is None:
        return "not given"
    if low is None:
        return f"{below} {high:g} months"
    if high is None or low == high:
        return f"{low:g} months"
    return f"{low:g}-{high:g} months"


def cite(source: str) -> str:
    """'article#key-points' -> 'article: key points'; other sources by their id."""
    name, _, section = source.partition("#")
    return f"{name}: {section.replace('-', ' ')}" if section else name


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _cell(lines: list[str], sources: list[str], bulleted: bool = True) -> Cell:
    return Cell(tuple(lines), _unique(sources), bulleted)


def program_cells(program: Program) -> dict[str, Cell]:
    """Every fact shown for one program, keyed by its row label."""
    outcomes = program.outcomes
    growth = outcomes.job_growth
    growth_lines = ["not given" if growth.percent is None else f"{growth.percent:g}% ({growth.period or 'no period'})"]
    others = [f"{a.percent:g}% ({a.period or 'no period'}, {cite(a.source)})" for a in growth.alternates
              if a.percent is not None and (a.percent != growth.percent or a.period != growth.period)]
    if others:
        growth_lines.append("also reported: " + "; ".join(others))
    costs: list[str] = []
    cost_sources: list[str] = []
    for pathway in program.pathways:
        line = f"{pathway.name}: {money_range(pathway.cost_usd)}"
        cost_sources.append(pathway.cost_usd.source)
        if pathway.extra_costs_usd is not None and pathway.extra_costs_usd.known:
            line += f" + {money_range(pathway.extra_costs_usd)} extras"
            cost_sources.append(pathway.extra_costs_usd.source)
        costs.append(line)
        for alt in pathway.cost_usd.alternates:
            costs.append(f"  also: {money_span(alt.low, alt.high)}{' ' + alt.period if alt.period else ''} ({cite(alt.source)})")
            cost_sources.append(alt.source)
    for note in program.notes:
        if note.about == "cost":
            costs.append(f"also: {money_span(note.low, note.high)}{' ' + note.period if note.period else ''}: {note.note} ({cite(note.source)})")
            cost_sources.append(note.source)
    lengths: list[str] = []
    length_sources: list[str] = []
    for pathway in program.pathways:
        lengths.append(f"{pathway.name}: {month_range(pathway.duration_months)}")
        length_sources.append(pathway.duration_months.source)
        for alt in pathway.duration_months.alternates:
            lengths.append(f"  also: {month_span(alt.low, alt.high)} ({cite(alt.source)})")
            length_sources.append(alt.source)
    for note in program.notes:
        if note.about == "length":
            lengths.append(f"also: {month_span(note.low, note.high)}: {note.note} ({cite(note.source)})")
            length_sources.append(note.source)
    certs: list[str] = []
    cert_sources: list[str] = []
    for cert in program.certifications:
        rate = cert.pass_rate_percent
        known_rate = rate is not None and rate.low is not None and rate.high is not None
        certs.append(cert.name + (f", {rate.low:g}-{rate.high:g}% pass first time" if known_rate and rate else ""))
        cert_sources.append(cert.source)
        if known_rate and rate:
            cert_sources.append(rate.source)
    difficulty = program.difficulty
    return {
        "Cost": _cell(costs, cost_sources),
        "Length": _cell(lengths, length_sources),
        "Early salary": _cell([money_range(outcomes.salary_usd) + " a year"], [outcomes.salary_usd.source], False),
        "Job growth": _cell(growth_lines, [growth.source, *(a.source for a in growth.alternates)], False),
        "Certifications": _cell(certs, cert_sources),
        "Roles": _cell([r.title for r in outcomes.roles], [outcomes.roles_source]),
        "Skills": _cell(list(program.skills), [program.skills_source]),
        "Admission": _cell([f"{p.name}: {'; '.join(p.admission)}" for p in program.pathways],
                           [p.admission_source for p in program.pathways]),
        "Difficulty": _cell([f"{difficulty.level}: {difficulty.note or ''}".rstrip(": ")], [difficulty.source], False),
        "Remote work": _cell([program.remote_work.level], [program.remote_work.source], False),
        "Formats": _cell([", ".join(sorted({f.id.replace("_", " ") for p in program.pathways for f in p.formats}))],
                         [f.source for p in program.pathways for f in p.formats], False),
    }


def rows(programs: Sequence[Program]) -> list[Row]:
    """One row per fact, one cell per program, in the order the programs are given."""
    per_program = [program_cells(p) for p in programs]
    if not per_program:
        return []
    return [Row(label, tuple(cells[label] for cells in per_program)) for label in per_program[0]]


def header(program: Program) -> str:
    return f"{program.name} ({program.short_name})"


def footnotes(table: Sequence[Row]) -> dict[str, int]:
    """Each source ref used in the table, numbered in order of first appearance."""
    numbers: dict[str, int] = {}
    for row in table:
        for cell in row.cells:
            for ref in cell.sources:
                numbers.setdefault(ref, len(numbers) + 1)
    return numbers


def describe_source(catalog: Catalog, ref: str) -> str:
    """'article#cost' -> the section, the title, the publisher and the address where known."""
    source_id, _, section = ref.partition("#")
    source = next((s for s in catalog.sources if s.id == source_id), None)
    where = f"{source_id}, section \"{section.replace('-', ' ')}\"" if section else source_id
    if source is None:
        return where
    parts = [f"{where}: {source.title}"]
    if source.publisher:
        parts.append(source.publisher)
    if source.url:
        parts.append(source.url)
    return ", ".join(parts)


def choose_programs(catalog: Catalog, ids: Sequence[str] | None) -> list[Program]:
    """The programs named (in that order), or all of them; an unknown id raises PathfinderError."""
    from pathfinder.errors import PathfinderError

    if not ids:
        return list(catalog.programs)
    valid = [p.id for p in catalog.programs]
    unknown = [i for i in ids if i not in valid]
    if unknown:
        raise PathfinderError(f"--programs: unknown program id {', '.join(repr(u) for u in unknown)}; valid ids: {', '.join(valid)}")
    return [p for p in (catalog.program(i) for i in dict.fromkeys(ids)) if p is not None]
