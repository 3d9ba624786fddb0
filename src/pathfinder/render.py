"""Rich renderables for people: the only module that imports rich.

Renderers return renderables and never print; the Console is made in one place
(``make_console``). Every string that comes from a data file or from the user goes in
as ``Text``, so it is never read as markup.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pathfinder import factsheet, formats
from pathfinder.factsheet import cite, money_range, month_range  # noqa: F401  (kept importable from here)
from pathfinder.models import Catalog, Program
from pathfinder.questions import Question

if TYPE_CHECKING:
    from pathfinder.results import Result


def make_console(file: IO[str] | None = None, *, no_color: bool = False, width: int | None = None,
                 record: bool = False) -> Console:
    # --no-color and NO_COLOR give plain text: no colour and no other escape codes either.
    return Console(file=file, no_color=no_color or None, color_system=None if no_color else "auto", width=width, record=record,
                   highlight=False, emoji=False, soft_wrap=False)


def _box(console: Console | None) -> box.Box:
    """ASCII box drawing where the terminal cannot encode the Unicode lines."""
    encoding = (console.encoding if console else "utf-8").lower()
    return box.ROUNDED if encoding.startswith("utf") else box.ASCII


def compare_table(catalog: Catalog, programs: Sequence[Program] | None = None, console: Console | None = None,
                  notes: Mapping[str, int] | None = None) -> Table:
    """Side-by-side table: one row per fact, one column per program; ``notes`` numbers the sources to mark."""
    chosen = list(programs) if programs is not None else catalog.programs
    table = Table(box=_box(console), show_lines=True, title="Programs side by side", expand=False)
    table.add_column("", style="bold", no_wrap=False, min_width=8)
    for program in chosen:
        table.add_column(Text(factsheet.header(program)), overflow="fold")
    for row in factsheet.rows(chosen):
        cells = []
        for cell in row.cells:
            text = Text(cell.text())
            if notes:
                text.append(" " + "".join(f"[{notes[ref]}]" for ref in cell.sources), style="dim")
            cells.append(text)
        table.add_row(Text(row.label), *cells)
    return table


def compare_view(catalog: Catalog, programs: Sequence[Program], console: Console | None = None,
                 sources: bool = False) -> RenderableType:
    """The table, with numbered source footnotes under it when ``sources`` is set."""
    if not sources:
        return compare_table(catalog, programs, console)
    notes = factsheet.footnotes(factsheet.rows(programs))
    body = Text()
    body.append("Sources\n", style="bold")
    for ref, number in notes.items():
        body.append(f"[{number}] ", style="dim")
        body.append(factsheet.describe_source(catalog, ref) + "\n")
    return Group(compare_table(catalog, programs, console, notes), Padding(body, (1, 0, 0, 0)))


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
        other = runner_up.name if runner_up else "the next"
        if abs(rec.margin) < 0.05:
            headline.append(f" (level with {other}: your answers do not separate them)")
        else:
            headline.append(f" (ahead of {other} by {rec.margin:.1f} points)")
    parts: list[RenderableType] = [Panel(headline, box=_box(console), expand=False)]
    if result.what_if is not None:
        parts.append(what_if_view(result, catalog, console))
    parts.append(_section("Why", rec.reasons))
    parts.append(compare_table(catalog, _ranked_programs(result, catalog), console))
    parts.append(breakdown_table(result, console))
    if result.projection:
        parts.append(projection_view(result, catalog, console))
    if result.stackable_path is not None:
        parts.append(stackable_view(result, catalog, console))
    parts.append(changes_view(result))
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
            cells.append(Text(f"{c.contribution:.1f}" if c.fit is not None else "not weighed"))
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



# --- money and time ------------------------------------------------------------------------------

BAR_MAX = 60
SERIES_COLOURS = ("green", "cyan", "magenta", "yellow")  # gains; losses are red
CHART_ROWS = 12  # years shown in a chart; longer horizons show every second (third...) year
EXPORT_WIDTH = 100
NARROW = 80  # below this many columns, charts label bars with short names


Series = Sequence[tuple[str, str, Sequence[int | None]]]


class Chart:
    """Horizontal bars year by year, one per series, around a zero line (losses to the left).

    Each series is (label, short label, values). The bars are sized when the chart is
    rendered, to the width it is given, so it fits any console, export or panel.
    """

    def __init__(self, series: Series) -> None:
        self.series = series

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self._grid(console, options.max_width)

    def _grid(self, console: Console, room: int) -> Table:
        unicode = _box(console) is not box.ASCII
        block, axis = ("\u2588", "\u2502") if unicode else ("#", "|")
        series = [(short if room < NARROW else label, values) for label, short, values in self.series]
        known = [v for _, values in series for v in values if v is not None]
        low, high = min([0, *known]), max([0, *known])
        years = max((len(values) for _, values in series), default=0)
        fixed = (len(f"year {years}") + max((len(label) for label, _ in series), default=0)
                 + max((len(formats.usd(v)) for _, values in series for v in values), default=0) + 4)
        width = max(4, min(BAR_MAX, room - fixed))
        scale = width / (high - low) if high > low else 0.0
        zero = round(-low * scale)
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True, overflow="crop")
        grid.add_column(justify="right", no_wrap=True)
        step = math.ceil(years / CHART_ROWS)
        for year in sorted({0, *range(step - 1, years, step), years - 1}):
            for index, (label, values) in enumerate(series):
                value = values[year] if year < len(values) else None
                length = 0 if value is None else round(abs(value) * scale)
                bar = Text(" " * (zero - length if value is not None and value < 0 else zero))
                if value is not None and value < 0:
                    bar.append(block * length, style="red")
                    bar.append(axis, style="dim")
                elif value is not None:
                    bar.append(axis, style="dim")
                    bar.append(block * length, style=SERIES_COLOURS[index % len(SERIES_COLOURS)])
                grid.add_row(Text(f"year {year + 1}" if index == 0 else ""),
                             Text(label, style=SERIES_COLOURS[index % len(SERIES_COLOURS)]), bar,
                             Text(formats.usd(value)))
        return grid


def projection_view(result: Result, catalog: Catalog, console: Console | None = None) -> RenderableType:
    """The chart, a small table of the inputs and the end of the horizon, who catches up, and every assumption."""
    projection = result.projection
    years = len(projection[0].years)
    intro = Text()
    intro.append(f"Money and time over {years} years\n", style="bold")
    intro.append("Earnings so far minus school costs, at the end of each year since school starts "
                 "(middle of the ranges; the table gives the low and high ends).")
    labels = {p.program_id: formats.path_label(catalog, p.program_id, p.pathway_name) for p in projection}
    table = Table(box=_box(console), title=f"After {years} years", expand=False)
    table.add_column("")
    for p in projection:
        table.add_column(Text(labels[p.program_id]), justify="right")
    rows = {
        "School + job search": [f"{formats.span(p.school_months.low, p.school_months.high)} + "
                                f"{formats.span(p.job_search_months.low, p.job_search_months.high)} months" for p in projection],
        "Cost, paid up front": [formats.span(p.cost_usd.low, p.cost_usd.high, "usd") for p in projection],
        "Pay a year": [formats.span(p.salary_usd.low, p.salary_usd.high, "usd") for p in projection],
        f"After {years} years: low": [formats.usd(p.years[-1].low) for p in projection],
        "middle": [formats.usd(p.years[-1].mid) for p in projection],
        "high": [formats.usd(p.years[-1].high) for p in projection],
    }
    for label, cells in rows.items():
        table.add_row(Text(label), *(Text(cell) for cell in cells))
    lines = [formats.catch_up(labels[p.program_id], formats.short_name(catalog, p.compared_with),
                              p.break_even.low, p.break_even.mid, p.break_even.high, years)
             for p in projection if p.compared_with is not None]
    lines.extend(note for p in projection for note in p.notes)
    parts: list[RenderableType] = [
        Padding(intro, (1, 0, 0, 0)),
        Chart([(labels[p.program_id], formats.short_name(catalog, p.program_id), [y.mid for y in p.years])
               for p in projection]),
        table,
    ]
    if lines:
        parts.append(Text("\n".join(lines)))
    parts.append(_section("Assumptions", result.assumptions, style="bold dim"))
    return Group(*parts)


def stackable_view(result: Result, catalog: Catalog, console: Console | None = None) -> RenderableType:
    """Why a two-step path, its steps, and its earnings beside staying with the first step."""
    path = result.stackable_path
    assert path is not None
    first, goal = formats.short_name(catalog, path.first_program_id), formats.short_name(catalog, path.goal_program_id)
    body = Text()
    body.append(f"A two-step path toward {goal}\n", style="bold")
    body.append(path.reason + "\n")
    for number, step in enumerate(path.steps, 1):
        body.append(f"{number}. ", style="bold")
        body.append(step.summary + "\n")
    alone = next((p for p in result.projection if p.program_id == path.compared_with), None)
    series = [(f"{first}, then {goal}", f"{first}, then {goal}", [y.mid for y in path.years])]
    if alone is not None:
        series.insert(0, (f"{first} only", f"{first} only", [y.mid for y in alone.years]))
    years, last, spread = len(path.years), path.years[-1], path.break_even
    summary = Text(f"After {years} years, two steps: {formats.usd(last.low)} / {formats.usd(last.mid)} / "
                   f"{formats.usd(last.high)} (low / middle / high).\n")
    summary.append(formats.catch_up("The two-step path", f"staying in {first}", spread.low, spread.mid, spread.high, years))
    return Group(Padding(body, (1, 0, 0, 0)), Chart(series), summary)


def changes_view(result: Result) -> RenderableType:
    """The two or three nearest changes that would put another program first, as sentences."""
    return _section("What would change the advice", formats.change_lines(result))


def what_if_view(result: Result, catalog: Catalog, console: Console | None = None) -> RenderableType:
    """Your answers and the what-if answers side by side: the changed answers, the recommendation, every score."""
    from pathfinder.questions import QUESTIONS_BY_ID

    what_if = result.what_if
    assert what_if is not None
    table = Table(box=_box(console), title="What if", expand=False)
    table.add_column("")
    table.add_column("Your answers")
    table.add_column("What if")
    for key, change in what_if.changed.items():
        question = QUESTIONS_BY_ID[key]
        table.add_row(Text(question.title), Text(question.label_for(change["from"])), Text(question.label_for(change["to"])))
    before, after = result.recommendation, what_if.recommendation
    changed = after.program_id != before.program_id
    table.add_row(Text("Recommended", style="bold"), Text(f"{before.program_name} - {before.pathway_name}"),
                  Text(f"{after.program_name} - {after.pathway_name}", style="bold" if changed else ""))
    table.add_row(Text("Confidence"), Text(before.confidence), Text(after.confidence))
    others = {e.program_id: e for e in what_if.ranking}
    for entry in result.ranking:
        table.add_row(Text(f"{entry.program_id} score"), Text(formats.score_text(entry)),
                      Text(formats.score_text(others[entry.program_id])))
    return Group(Padding(table, (1, 0, 0, 0)), Text(formats.what_if_verdict(result), style="bold"))


# --- exports ---------------------------------------------------------------------------------------

_HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pathfinder recommendation</title>
<style>
{stylesheet}
body {{
    color: {foreground};
    background-color: {background};
    margin: 0;
    padding: 1.5em;
}}
pre {{ margin: 0; }}
</style>
</head>
<body>
<pre style="font-family:Menlo,'DejaVu Sans Mono',consolas,'Courier New',monospace"><code style="font-family:inherit">{code}</code></pre>
</body>
</html>
"""
_REMOTE_FONT = re.compile(r',\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)')


def export_document(result: Result, catalog: Catalog, fmt: str, *, no_color: bool = False) -> str:
    """The full recommendation as HTML, SVG or plain text from a recorded console ``EXPORT_WIDTH`` wide.

    The SVG's web-font links are removed, so opening the file fetches nothing.
    """
    from rich.terminal_theme import SVG_EXPORT_THEME

    console = make_console(io.StringIO(), no_color=no_color, width=EXPORT_WIDTH, record=True)
    console.print(recommendation_view(result, catalog, console))
    if fmt == "html":
        return console.export_html(theme=SVG_EXPORT_THEME, code_format=_HTML_PAGE, inline_styles=False)
    if fmt == "svg":
        return _REMOTE_FONT.sub("", console.export_svg(title="pathfinder recommendation", theme=SVG_EXPORT_THEME))
    return console.export_text(styles=False)


def progress_bar(total: int, label: str, console: Console) -> tuple[Any, Any]:
    """A transient byte-count progress bar, and the function that moves it to a position."""
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("{task.description}", markup=False), BarColumn(), TaskProgressColumn(),
                   TimeRemainingColumn(), console=console, transient=True)
    task = bar.add_task(label, total=total)

    def update(position: int) -> None:
        bar.update(task, completed=position)

    return bar, update
