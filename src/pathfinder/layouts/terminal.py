"""The terminal layout: the only module that imports rich.

Lays out a ``report.Report`` and never works out a figure. Renderers return renderables and never print;
the Console is made in one place (``make_console``). Every string from a data file or the user goes in as
``Text``, so it is never read as markup. Boxes follow the terminal's width; below 80 columns (or when the
columns would be too narrow for their words) tables become stacked lists, so no word is split.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from pathfinder.core import wording
from pathfinder.i18n import _, pgettext
from pathfinder.report import document as model

if TYPE_CHECKING:
    from pathfinder.core.programs import Catalog, Program
    from pathfinder.core.questions import Question
    from pathfinder.core.result import Result

NARROW = 80  # below this many columns, tables become stacked lists
BAR_MAX = 60
SERIES_COLOURS = ("green", "cyan", "magenta", "yellow")  # gains; losses are red
CHART_ROWS = 12  # years shown in a chart; longer horizons show every second (third...) year
EXPORT_WIDTH = 80
CONFIDENCE_STYLES = {"clear": "bold green", "lean": "bold yellow", "toss-up": "bold magenta", "none": "bold red"}


def make_console(file: IO[str] | None = None, *, no_color: bool = False, width: int | None = None,
                 record: bool = False) -> Console:
    # --no-color and NO_COLOR give plain text: no colour and no other escape codes either.
    return Console(file=file, no_color=no_color or None, color_system=None if no_color else "auto", width=width,
                   record=record, highlight=False, emoji=False, soft_wrap=False)


def _unicode(console: Console) -> bool:
    return console.encoding.lower().startswith("utf")


def _box(console: Console) -> box.Box:
    """ASCII box drawing where the terminal cannot encode the Unicode lines."""
    return box.ROUNDED if _unicode(console) else box.ASCII


def _marks(notes: Sequence[int]) -> str:
    return f" [{', '.join(str(n) for n in notes)}]" if notes else ""


def _text(item: model.Text, style: str = "") -> Text:
    text = Text(item.text, style=style)
    if item.notes:
        text.append(_marks(item.notes), style="dim")
    return text


def _cell(cell: model.Cell) -> Text:
    if len(cell) == 1:
        return _text(cell[0])
    lines = Text()
    for i, line in enumerate(cell):
        if i:
            lines.append("\n")
        lines.append_text(_text(line))
    return lines


class ReportView:
    """A report laid out for this console: headline, sections, sources, and how to see more."""

    def __init__(self, report: model.Report, *, headings: bool = True) -> None:
        self.report = report
        self.headings = headings

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if self.report.headline is not None:
            yield _headline(self.report.headline, console)
        for index, section in enumerate(self.report.sections):
            if index or self.report.headline is not None:  # a blank line between parts, none before the first
                yield Text()
            if self.headings:
                yield Text(section.heading, style="bold")
            for block in section.blocks:
                yield _block(block, console, width)
        if self.report.sources:
            yield Text()
            yield Text(pgettext("report heading", "Sources"), style="bold")
            yield from _sources(self.report.sources)
        if self.report.more:
            yield Text()
            yield Text(self.report.more, style="dim")


def _sources(sources: Sequence[model.Footnote]) -> list[RenderableType]:
    """One line per work, its cited sections with their numbers: compact enough for a one-screen summary.
    Titles link to their address where the terminal shows links (the HTML report prints them)."""
    works: dict[str, list[model.Footnote]] = {}
    for source in sources:
        works.setdefault(source.title, []).append(source)
    lines: list[RenderableType] = []
    for title, parts in works.items():
        url = next((p.url for p in parts if p.url), None)
        text = Text()
        if len(parts) == 1 and parts[0].part is None:
            text.append(f"[{parts[0].number}] ", style="dim")
            text.append(title, style=Style(link=url) if url else "")
        else:
            text.append(title, style=Style(link=url) if url else "")
            text.append(": ")
            for i, part in enumerate(parts):
                text.append(("; " if i else "") + f"[{part.number}] ", style="dim")
                text.append(f'"{part.part}"' if part.part else _("the whole work"))
        lines.append(text)
    return lines


def _headline(headline: model.Headline, console: Console) -> RenderableType:
    body = Text()
    body.append(headline.program, style="bold cyan")
    body.append(": ")
    body.append(headline.pathway, style="bold")
    body.append("\n")
    body.append(headline.verdict + ". ", style=CONFIDENCE_STYLES.get(headline.confidence, "bold"))
    body.append_text(_text(headline.line))
    return Panel(body, title=_("Your recommendation"), title_align="left", box=_box(console), expand=True)


def _bulleted(mark: Text, body: Text) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(mark, body)
    return grid


def _block(block: model.Block, console: Console, width: int) -> RenderableType:
    if isinstance(block, model.Paragraph):
        return _text(block.text)
    if isinstance(block, model.Bullets):
        bullet = "\u2022" if _unicode(console) else "-"
        items = [_bulleted(Text(f"{n}." if block.numbered else bullet), _text(item))
                 for n, item in enumerate(block.items, 1)]
        return Group(*items)
    if isinstance(block, model.Table):
        return _table(block, console, width)
    return ChartView(block)


def _longest_word(texts: Sequence[str]) -> int:
    return max((len(word) for text in texts for word in text.split()), default=1)


def _table(table: model.Table, console: Console, width: int) -> RenderableType:
    """A framed table when every column can hold its longest word; otherwise (and below 80 columns) a list."""
    columns = [[table.columns[0], *(label for label, _cells in table.rows)]]
    for index in range(1, len(table.columns)):
        columns.append([table.columns[index], *(line.text + _marks(line.notes) for _label, cells in table.rows
                                                for line in cells[index - 1])])
    narrowest = [max(_longest_word(texts), 6 if i else 10) for i, texts in enumerate(columns)]
    light = table.key in ("figures", "quick")  # the summary's and compare's tables: no frame, to fit one screen
    # A framed column takes its text, a space each side and a rule; an unframed one a space each side but
    # none at the table's edges.
    needed = sum(narrowest) + (2 * len(columns) - 2 if light else 3 * len(columns) + 1)
    # Below 80 columns a framed table becomes a list; an unframed one stays a table while its words fit.
    if (width < NARROW and not light) or needed > width:
        return _stacked(table)
    grid = Table(box=None if light else _box(console), show_lines=table.key in ("compare", "answers"), expand=False,
                 header_style="bold underline" if light else "bold", pad_edge=not light)
    # compare's quick table gives its figures the room: its row labels wrap at their longest word. The summary's
    # key figures give them the room their longest lines need, when the labels can wrap to leave it.
    label_width = narrowest[0] if table.key == "quick" else None
    if table.key == "figures":
        # (the figures' lines, not the headings, which wrap freely over them)
        room = width - (2 * len(columns) - 2) - sum(max(map(len, texts[1:]), default=0) for texts in columns[1:])
        label_width = max(narrowest[0], room) if max(map(len, columns[0])) > room else None
    grid.add_column(Text(table.columns[0]), style="bold", no_wrap=False, min_width=narrowest[0],
                    max_width=label_width)
    widths: list[int | None] = [None] * len(columns)
    if table.key == "quick" and sum(max(map(len, texts)) for texts in columns) + needed - sum(narrowest) > width:
        # compare's columns are alike (one a pathway): when their text is wider than the screen, Rich would shrink
        # the widest evenly and, when the longest words need every column of the screen, take one below its
        # longest word and crop the table's last column. The widths are set here instead: each column its longest
        # word, and the columns left over shared out from the last.
        fixed = list(narrowest)
        for i in [*range(len(fixed) - 1, 0, -1)] * (width - needed):
            if sum(fixed) + needed - sum(narrowest) >= width:
                break
            if fixed[i] == min(fixed[1:]):
                fixed[i] += 1
        widths = [None, *fixed[1:]]
    for heading, least, fixed_width in zip(table.columns[1:], narrowest[1:], widths[1:], strict=True):
        grid.add_column(Text(heading), no_wrap=False, min_width=least, width=fixed_width,
                        justify="right" if table.key in ("scores", "yearly") else "left")
    for label, cells in table.rows:
        grid.add_row(Text(label), *(_cell(c) for c in cells))
    return grid


def _stacked(table: model.Table) -> RenderableType:
    """A table as a list: each row's label, then each column's value under it; a value that wraps keeps its
    hanging indent, and a cell's further lines stand under its first."""
    parts: list[RenderableType] = []
    for label, cells in table.rows:
        parts.append(Text(label, style="bold"))
        for heading, cell in zip(table.columns[1:], cells, strict=True):
            first = Text(f"{heading}: " if heading else "")
            if cell:  # a fact with no lines (an empty list in a programs file) keeps its heading
                first.append_text(_text(cell[0]))
            parts.append(Hanging(first, 2, 4))
            parts.extend(Hanging(_text(line), 4, 4) for line in cell[1:])
    return Group(*parts)


class Hanging:
    """Text whose first line starts ``first`` columns in and whose wrapped lines start ``rest`` columns in."""

    def __init__(self, text: Text, first: int, rest: int) -> None:
        self.text, self.first, self.rest = text, first, rest

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = max(10, options.max_width - max(self.first, self.rest))
        for index, line in enumerate(self.text.wrap(console, room)):
            line.rstrip()
            yield Text(" " * (self.rest if index else self.first)) + line


class ChartView:
    """Horizontal bars year by year, one per series, around a zero line (losses to the left), sized to the
    width it is given."""

    def __init__(self, chart: model.Chart) -> None:
        self.chart = chart

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # No title: the section's heading names the chart (its title is the HTML chart's accessible name).
        yield self._grid(console, options.max_width)

    def _grid(self, console: Console, room: int) -> Table:
        unicode = _unicode(console)
        block, axis = ("\u2588", "\u2502") if unicode else ("#", "|")
        series = self.chart.series
        known = [v for s in series for v in s.values if v is not None]
        low, high = min([0, *known]), max([0, *known])
        years = max((len(s.values) for s in series), default=0)
        label = max((len(s.label) for s in series), default=0)
        fixed = (len(_("year {number}").format(number=years)) + label
                 + max((len(wording.money(v)) for v in known), default=0) + 4)
        width = max(4, min(BAR_MAX, room - fixed))
        scale = width / (high - low) if high > low else 0.0
        zero = round(-low * scale)
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(no_wrap=room >= fixed + 4)
        grid.add_column(no_wrap=True, overflow="crop")
        grid.add_column(justify="right", no_wrap=True)
        step = math.ceil(years / CHART_ROWS)
        for year in sorted({0, *range(step - 1, years, step), years - 1}):
            for index, one in enumerate(series):
                value = one.values[year] if year < len(one.values) else None
                length = 0 if value is None else round(abs(value) * scale)
                colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
                bar = Text(" " * (zero - length if value is not None and value < 0 else zero))
                if value is not None and value < 0:
                    bar.append(block * length, style="red")
                    bar.append(axis, style="dim")
                elif value is not None:
                    bar.append(axis, style="dim")
                    bar.append(block * length, style=colour)
                grid.add_row(Text(_("year {number}").format(number=year + 1) if index == 0 else ""),
                             Text(one.label, style=colour), bar,
                             Text(wording.money(value) if value is not None else _("not projected")))
        return grid


def report_view(report: model.Report) -> RenderableType:
    return ReportView(report)


def summary_view(build: Callable[[int | None], model.Report], console: Console, least: int = 1) -> RenderableType:
    """The summary with as many of the result's reasons as let it fit SUMMARY_LINES lines on this console;
    ``build(n)`` makes it with the first n reasons (``None``: all). ``least`` reasons are the fewest it gives,
    however narrow the console: one, or as many as it takes to show every warning that undercuts the verdict."""
    report = build(None)
    reasons = report.section("reasons")
    given = len(reasons.blocks[0].items) if reasons is not None and isinstance(reasons.blocks[0], model.Bullets) else 1
    least = max(1, min(least, given))
    for count in range(given, least, -1):
        view = ReportView(report if count == given else build(count))
        if len(console.render_lines(view, console.options, pad=False)) <= model.SUMMARY_LINES:
            return view
    return ReportView(report if least == given else build(least))


def _undercut(result: Result) -> int:
    """How many of the result's first reasons it takes to give every caveat (a warning that undercuts the verdict)."""
    rec = result.recommendation
    caveats = set(rec.caveats)
    return max((i + 1 for i, reason in enumerate(rec.reasons) if reason in caveats), default=1)


def result_view(result: Result, catalog: Catalog, *, details: bool, more: str | None,
                console: Console) -> RenderableType:
    """The quiz's result on the terminal: the one-screen summary (ending on ``more``), or the whole report."""
    if details:
        return report_view(model.build(result, catalog, details=True))
    least = _undercut(result)
    view = summary_view(lambda reasons: model.build(result, catalog, more=more, reasons=reasons), console, least)
    if more and len(console.render_lines(view, console.options, pad=False)) > model.SUMMARY_LINES:
        # Every warning that undercuts the verdict is shown, even when it takes the screen past SUMMARY_LINES; the
        # pointer to the whole report is left out first (--help names --details too).
        return summary_view(lambda reasons: model.build(result, catalog, reasons=reasons), console, least)
    return view


def compare_view(report: model.Report) -> RenderableType:
    """The side-by-side table alone, titled, with its sources when asked for."""
    return ReportView(report, headings=False)


def compare_table(catalog: Catalog, programs: Sequence[Program], *, sources: bool, details: bool,
                  console: Console) -> RenderableType:
    """``compare``'s table on the terminal: the quick table, or with ``details`` the programs in full."""
    return compare_view(model.compare_report(catalog, programs, sources, details))


def questions_table(questions: Sequence[Question], *, console: Console) -> Table:
    from pathfinder.core.questions import KIND_WORDS
    from pathfinder.i18n import _

    table = Table(box=_box(console), title=_("Questions"), show_lines=True,
                  caption=_("In an answers file, use the id; in a class file for pathfinder score, the id, the title "
                            "or any of the words it is also read as."))
    table.add_column(_("id and title"))
    table.add_column(_("kind"))
    table.add_column(_("allowed values"))
    table.add_column(_("default"))
    for q in questions:
        if q.kind == "choice":
            allowed = "\n".join(f"{'null' if c.value is None else c.value}: {c.label}" for c in q.choices)
        else:
            allowed = q.allowed()
        default = "null" if q.default is None else str(q.default)
        name = Text(q.id, style="bold")
        name.append(f"\n{q.title}")
        if q.also_read_as:
            name.append("\n" + _("also read as: {wordings}").format(wordings="; ".join(q.also_read_as)), style="dim")
        table.add_row(name, Text(_(KIND_WORDS[q.kind])), Text(allowed), Text(default))
    return table


def plain_text(report: model.Report, width: int = EXPORT_WIDTH) -> str:
    """The report as plain text, as an 80-column terminal without colour would show it."""
    import io

    console = make_console(io.StringIO(), no_color=True, width=width, record=True)
    console.print(report_view(report))
    return "\n".join(line.rstrip() for line in console.export_text(styles=False).splitlines()) + "\n"


def progress_bar(total: int, label: str, console: Console) -> tuple[Any, Any]:
    """A transient byte-count progress bar, and the function that moves it to a position."""
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("{task.description}", markup=False), BarColumn(), TaskProgressColumn(),
                   TimeRemainingColumn(), console=console, transient=True,
                   auto_refresh=False)  # drawn on each update: no drawing thread, so helper processes fork cleanly
    task = bar.add_task(label, total=total)

    def update(position: int) -> None:
        bar.update(task, completed=position, refresh=True)

    return bar, update
