"""The HTML layout of a report: one self-contained, semantic page (Jinja2, autoescaped), and the
money-and-time chart as an inline SVG with a text alternative. No scripts, fonts or images are fetched:
the page makes no request of its own.
"""

from __future__ import annotations

import math
import textwrap
from importlib import resources

from jinja2 import Environment, select_autoescape
from markupsafe import Markup, escape

from pathfinder import i18n
from pathfinder.i18n import _
from pathfinder.report import document as model

# Colours that keep 3:1 against white (lines and marks), with a dash pattern each, so colour is never
# the only way to tell the series apart.
SERIES = (("#1b6e3c", ""), ("#0b5394", "8 4"), ("#a0215f", "2 3"), ("#7a4d00", "10 3 2 3"))
# Drawn about as wide as a phone's page (a 390-pixel screen shows it at 0.9 scale), so its 14-unit text is read
# at 12 pixels or more there; on a wider page the stylesheet caps how far it grows.
WIDTH, HEIGHT = 400, 280
LEFT, RIGHT, TOP, BOTTOM = 64, 12, 16, 44
TEXT = 14
BAR_HEIGHT, LINE_HEIGHT = 16, 18
FITS_LOOK = 'fill="#1b6e3c" stroke="#1b6e3c"'
MISSES_LOOK = 'fill="#9a9a9a" stroke="#444444" stroke-dasharray="4 3"'
LINE_CHARS = 48  # a line of 14-unit text across the chart's width


def _environment() -> Environment:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True)
    # The template's words through the run's catalog, autoescaped like any value: {{ _("...") }}, with values
    # {{ _("Made on {date}.").format(date=...) }}.
    env.globals.update(_=i18n._, ngettext=i18n.ngettext, pgettext=i18n.pgettext)
    env.filters["notes"] = _notes
    env.tests.update(paragraph=lambda b: isinstance(b, model.Paragraph), bullets=lambda b: isinstance(b, model.Bullets),
                     table=lambda b: isinstance(b, model.Table))
    return env


def _notes(item: model.Text) -> Markup:
    """A text and its footnote marks, each a link to its source."""
    name = _("source {number}")  # a footnote mark's name, read aloud
    marks = "".join(f'<sup><a href="#source-{n}" aria-label="{escape(name.format(number=n))}">[{n}]</a></sup>'
                    for n in item.notes)
    return escape(item.text) + Markup(marks)


def _nice_step(span: float, count: int = 5) -> float:
    raw = span / max(count, 1)
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= raw)


def _money_short(value: float) -> str:
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value >= 1_000_000:
        return f"{sign}${value / 1_000_000:g}M"
    if value >= 1000:
        return f"{sign}${value / 1000:g}k"
    return f"{sign}${value:g}"


def chart_svg(chart: model.Chart, standalone: bool = False, ident: str = "chart") -> str:
    """A line chart of running totals, one line per series, with axes, a legend, and a title and description
    for screen readers."""
    values = [v for s in chart.series for v in s.values if v is not None]
    years = max((len(s.values) for s in chart.series), default=1)
    step = _nice_step(max([0, *values]) - min([0, *values]) or 1)
    low = math.floor(min([0, *values]) / step) * step
    high = math.ceil(max([0, *values]) / step) * step
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    legend_h = 22 * len(chart.series)
    total_h = HEIGHT + legend_h

    def x(year: float) -> float:
        return LEFT + plot_w * (year - 1) / max(years - 1, 1)

    def y(value: float) -> float:
        return TOP + plot_h * (high - value) / (high - low or 1)

    parts = []
    xmlns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    parts.append(f'<svg{xmlns} viewBox="0 0 {WIDTH} {total_h}" role="img" aria-labelledby="{ident}-title {ident}-desc" '
                 f'class="chart" preserveAspectRatio="xMidYMid meet">')
    parts.append(f'<title id="{ident}-title">{escape(chart.title)}</title>')
    parts.append(f'<desc id="{ident}-desc">{escape(chart.description)}</desc>')
    parts.append(f'<rect x="0" y="0" width="{WIDTH}" height="{total_h}" fill="#ffffff"/>')
    ticks = [low + i * step for i in range(int(round((high - low) / step)) + 1)]
    for value in ticks:
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
                     f'stroke="{"#444444" if value == 0 else "#d0d0d0"}" stroke-width="1"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="{TEXT}" '
                     f'fill="#333333">{escape(_money_short(value))}</text>')
    every = max(1, math.ceil(years / 12))
    for year in range(1, years + 1):
        if (year - 1) % every and year != years:
            continue
        parts.append(f'<text x="{x(year):.1f}" y="{TOP + plot_h + 20}" text-anchor="middle" font-size="{TEXT}" '
                     f'fill="#333333">{year}</text>')
    axis = escape(_("years from today"))
    parts.append(f'<text x="{LEFT + plot_w / 2:.1f}" y="{TOP + plot_h + 38}" text-anchor="middle" '
                 f'font-size="{TEXT}" fill="#333333">{axis}</text>')
    for index, series in enumerate(chart.series):
        colour, dash = SERIES[index % len(SERIES)]
        points = [(x(i + 1), y(v)) for i, v in enumerate(series.values) if v is not None]
        if points:
            dashed = f' stroke-dasharray="{dash}"' if dash else ""
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3"{dashed}/>')
            for px, py in points:
                parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{colour}"/>')
        ly = HEIGHT + 6 + 22 * index
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<line x1="{LEFT}" x2="{LEFT + 36}" y1="{ly + 6}" y2="{ly + 6}" stroke="{colour}" '
                     f'stroke-width="3"{dashed}/>')
        parts.append(f'<text x="{LEFT + 44}" y="{ly + 11}" font-size="{TEXT}" fill="#222222">'
                     f"{escape(series.label)}</text>")
    parts.append("</svg>")
    svg = "\n".join(parts)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n") if standalone else svg


def decision_svg(chart: model.BarChart, ident: str = "decision") -> str:
    """Horizontal bars, one per program: its line of words above (the figure and whether it fits; wrapped to
    the chart's width), the bar under it on a light track the length of the scale. A pathway that does not fit is
    drawn grey with a dashed edge, and its words say so: colour is never the only cue."""
    inner = WIDTH - 2
    rows = []
    top = 4
    for bar in chart.bars:
        lines = textwrap.wrap(bar.label, LINE_CHARS, break_long_words=False) or [""]
        rows.append((top, lines, bar))
        top += LINE_HEIGHT * len(lines) + BAR_HEIGHT + 18
    parts = [f'<svg viewBox="0 0 {WIDTH} {top}" role="img" aria-labelledby="{ident}-title {ident}-desc" '
             'class="chart decision" preserveAspectRatio="xMidYMid meet">',
             f'<title id="{ident}-title">{escape(chart.title)}</title>',
             f'<desc id="{ident}-desc">{escape(chart.description)}</desc>']
    for index, (row_top, lines, bar) in enumerate(rows):
        weight = ' font-weight="700"' if index == 0 else ""  # the first is the one recommended
        for number, line in enumerate(lines):
            parts.append(f'<text x="1" y="{row_top + TEXT + LINE_HEIGHT * number}" font-size="{TEXT}" '
                         f'fill="#1a1a1a"{weight}>{escape(line)}</text>')
        bar_top = row_top + LINE_HEIGHT * len(lines) + 6
        length = max(0.0, min(1.0, bar.value / chart.scale)) * inner
        parts.append(f'<rect x="1" y="{bar_top}" width="{inner}" height="{BAR_HEIGHT}" fill="#f1f1f1" '
                     'stroke="#c4c4c4"/>')
        look = FITS_LOOK if bar.fits else MISSES_LOOK
        parts.append(f'<rect x="1" y="{bar_top}" width="{length:.1f}" height="{BAR_HEIGHT}" {look}/>')
    parts.append("</svg>")
    return "\n".join(parts)


def to_html(report: model.Report) -> str:
    """The page: a first page that stands alone on paper (the decision, the chart of it when given, why, the key
    figures, what would change it, the next step), then the rest as an appendix, each source work listed once."""
    template = _environment().from_string(resources.files("pathfinder.layouts").joinpath("templates/report.html.j2")
                                          .read_text(encoding="utf-8"))
    charts = {}
    for section in report.sections:
        for b_index, block in enumerate(section.blocks):
            if isinstance(block, model.Chart):
                charts[(section.key, b_index)] = Markup(chart_svg(block, ident=f"chart-{section.key}-{b_index}"))
    first, appendix = model.first_page(report)
    made_on = Markup(escape(_("Made on {date}."))).format(date=Markup("<time>{}</time>").format(report.date))
    return template.render(language=i18n.language(), made_on=made_on, report=report, first=first, appendix=appendix,
                           charts=charts,
                           works=model.works(report.sources),
                           decision=report.decision,
                           decision_svg=Markup(decision_svg(report.decision)) if report.decision else None)


def chart_only(report: model.Report) -> str:
    """The money-and-time chart alone, as a standalone SVG (``--export report.svg``)."""
    chart = next((b for s in report.sections for b in s.blocks if isinstance(b, model.Chart)), None)
    if chart is None:
        chart = model.Chart(_("Money and time"), _("No projection to chart."), ())
    return chart_svg(chart, standalone=True)
