"""Rich renderables for people: the only module that imports rich.

Renderers return renderables and never print; the Console is made in one place
(``make_console``). Every string that comes from a data file or from the user goes in
as ``Text``, so it is never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import IO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pathfinder.models import Catalog, Program, Range, Result
from pathfinder.questions import Question


def make_console(file: IO[str] | None = None, *, no_color: bool = False, width: int | None = None,
                 record: bool = False) -> Console:
    # --no-color and NO_COLOR give plain text: no colour and no other escape codes either.
    return Console(file=file, no_color=no_color or None, color_system=None if no_color else "auto", width=width, record=record,
                   highlight=False, emoji=False, soft_wrap=False)


def _box(console: Console | None) -> box.Box:
    """ASCII box drawing where the terminal cannot encode the Unicode lines."""
    encoding = (console.encoding if console else "utf-8").lower()
    return box.ROUNDED if encoding.startswith("utf") else box.ASCII


def _money(value: float | None) -> str:
    return "?" if value is None else f"${value:,.0f}"


def money_range(rng: Range | None) -> str:
    if rng is None or not rng.known:
        return "not given"
    if rng.low is None:
        return f"up to {_money(rng.high)}"
    if rng.high is None:
        return f"{_money(rng.low)} or more"
    if rng.low == rng.high:
        return _money(rng.low)
    return f"{_money(rng.low)}-{_money(rng.high)}"


def month_range(rng: Range) -> str:
    if rng.low is None:
        return f"up to {rng.high:g} months"
    if rng.high is None or rng.low == rng.high:
        return f"{rng.low:g} months"
    return f"{rng.low:g}-{rng.high:g} months"


def _lines(items: Iterable[str]) -> Text:
    """One bullet per item; items that start with spaces continue the bullet above."""
    return Text("\n".join(item if item.startswith(" ") else f"- {item}" for item in items))


def _program_rows(program: Program) -> dict[str, Text]:
    outcomes = program.outcomes
    growth = outcomes.job_growth
    growth_text = "not given" if growth.percent is None else f"{growth.percent:g}% ({growth.period or 'no period'})"
    others = [f"{a.percent:g}% ({a.period or 'no period'}, {cite(a.source)})" for a in growth.alternates
              if a.percent is not None and (a.percent != growth.percent or a.period != growth.period)]
    if others:
        growth_text += "\nalso reported: " + "; ".join(others)
    costs = []
    for pathway in program.pathways:
        line = f"{pathway.name}: {money_range(pathway.cost_usd)}"
        if pathway.extra_costs_usd is not None and pathway.extra_costs_usd.known:
            line += f" + {money_range(pathway.extra_costs_usd)} extras"
        costs.append(line)
        costs.extend(f"  also: {money_range_alt(a.low, a.high)}{' ' + a.period if a.period else ''} ({cite(a.source)})"
                     for a in pathway.cost_usd.alternates)
    certs = []
    for cert in program.certifications:
        rate = cert.pass_rate_percent
        certs.append(cert.name + (f", {rate.low:g}-{rate.high:g}% pass first time" if rate and rate.low is not None and rate.high is not None else ""))
    return {
        "Cost": _lines(costs),
        "Length": _lines(f"{p.name}: {month_range(p.duration_months)}" for p in program.pathways),
        "Early salary": Text(money_range(outcomes.salary_usd) + " a year"),
        "Job growth": Text(growth_text),
        "Certifications": _lines(certs),
        "Roles": _lines(r.title for r in outcomes.roles),
        "Skills": _lines(program.skills),
        "Admission": _lines(f"{p.name}: {'; '.join(p.admission)}" for p in program.pathways),
        "Difficulty": Text(f"{program.difficulty.level}: {program.difficulty.note or ''}".rstrip(": ")),
        "Remote work": Text(program.remote_work.level),
        "Formats": Text(", ".join(sorted({f.replace('_', ' ') for p in program.pathways for f in p.formats}))),
    }


def cite(source: str) -> str:
    """'article#key-points' -> 'article: key points'; other sources by their id."""
    name, _, section = source.partition("#")
    return f"{name}: {section.replace('-', ' ')}" if section else name


def money_range_alt(low: float | None, high: float | None) -> str:
    if low is None:
        return f"up to {_money(high)}"
    if high is None:
        return f"{_money(low)} or more"
    return _money(low) if low == high else f"{_money(low)}-{_money(high)}"


def compare_table(catalog: Catalog, programs: Sequence[Program] | None = None, console: Console | None = None) -> Table:
    """Side-by-side table: one row per fact, one column per program."""
    chosen = list(programs) if programs is not None else catalog.programs
    table = Table(box=_box(console), show_lines=True, title="Programs side by side", expand=False)
    table.add_column("", style="bold", no_wrap=False, min_width=8)
    rows = [_program_rows(p) for p in chosen]
    for program in chosen:
        table.add_column(Text(f"{program.name} ({program.short_name})"), overflow="fold")
    for label in rows[0] if rows else []:
        table.add_row(Text(label), *(row[label] for row in rows))
    return table


def recommendation_view(result: Result, catalog: Catalog, console: Console | None = None) -> RenderableType:
    rec = result.recommendation
    style = {"clear": "bold green", "lean": "bold yellow", "toss-up": "bold magenta"}[rec.confidence]
    headline = Text()
    headline.append("Recommended: ", style="bold")
    headline.append(rec.program_name, style="bold cyan")
    headline.append(f" - {rec.pathway_name}\n")
    headline.append(f"Score {rec.score:.1f} / 100   Confidence: ")
    headline.append(rec.confidence, style=style)
    runner_up = result.ranking[1] if len(result.ranking) > 1 else None
    if runner_up is not None and result.ranking[0].eligible and not runner_up.eligible:
        headline.append(f" ({runner_up.name} is ruled out by your limits)")
    elif rec.margin is not None:
        headline.append(f" (ahead of {runner_up.name if runner_up else 'the next'} by {rec.margin:.1f} points)")
    parts: list[RenderableType] = [Panel(headline, box=_box(console), expand=False)]
    parts.append(_section("Why", rec.reasons))
    parts.append(compare_table(catalog, _ranked_programs(result, catalog), console))
    parts.append(breakdown_table(result, console))
    if result.warnings:
        parts.append(_section("Warnings", result.warnings, style="bold yellow"))
    parts.append(_section("Next steps", rec.next_steps))
    return Group(*parts)


def _ranked_programs(result: Result, catalog: Catalog) -> list[Program]:
    found = (catalog.program(entry.program_id) for entry in result.ranking)
    return [p for p in found if p is not None]


def _section(title: str, items: Sequence[str], style: str = "bold") -> RenderableType:
    body = Text()
    body.append(title + "\n", style=style)
    for item in items:
        body.append("- ")
        body.append(item)
        body.append("\n")
    return Padding(body, (1, 0, 0, 0))


def breakdown_table(result: Result, console: Console | None = None) -> Table:
    """Criterion by criterion: weight, then fit and points for each program."""
    table = Table(box=_box(console), title="How each program scored", expand=False)
    table.add_column("Criterion")
    table.add_column("Weight", justify="right")
    for entry in result.ranking:
        label = Text(f"{entry.program_id} ({entry.pathway})")
        if not entry.eligible:
            label.append(" ruled out", style="yellow")
        table.add_column(label, justify="right")
    by_program = [{c.id: c for c in entry.criteria} for entry in result.ranking]
    for criterion in result.ranking[0].criteria:
        cells = []
        for scores in by_program:
            c = scores[criterion.id]
            cells.append(Text(f"{c.contribution:.1f} (fit {c.fit:.2f})"))
        table.add_row(Text(criterion.label), Text(f"{criterion.weight:.1f}"), *cells)
    table.add_row(Text("Total", style="bold"), Text("100"), *(Text(f"{e.score:.1f}", style="bold") for e in result.ranking))
    return table


def questions_table(questions: Sequence[Question], console: Console | None = None) -> Table:
    table = Table(box=_box(console), title="Questions", show_lines=True)
    table.add_column("id", style="bold")
    table.add_column("kind")
    table.add_column("allowed values")
    table.add_column("default")
    for q in questions:
        if q.kind == "choice":
            allowed = "\n".join(f"{'null' if c.value is None else c.value}: {c.label}" for c in q.choices)
        else:
            allowed = q.allowed()
        default = "null" if q.default is None else str(q.default)
        table.add_row(Text(q.id), Text(q.kind), Text(allowed), Text(default))
    return table

