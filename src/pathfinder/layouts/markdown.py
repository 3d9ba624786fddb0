"""The Markdown layout of a report: headings, lists and real tables, ready to paste into a document.

Only what Markdown would misread is escaped: ``\\``, backticks, ``*``, ``_``, brackets, angle brackets,
``|`` (inside tables) and ``$`` (some sites read a pair of dollars as mathematics). Digits, hyphens and
full stops are left alone, except where one would start a list or a heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pathfinder.i18n import _, pgettext
from pathfinder.report import document as model

if TYPE_CHECKING:
    from pathfinder.core.programs import Catalog, Program

_SPECIAL = re.compile(r"([\\`*_\[\]<>$])")
_LINE_START = re.compile(r"^(\s*)([#+>-]|\d+[.)])(?=\s|$)")


def escape(text: str, in_table: bool = False) -> str:
    out = _SPECIAL.sub(r"\\\1", text)
    out = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), out)
    if in_table:
        out = out.replace("|", "\\|").replace("\n", "<br>")
    return out


def _text(item: model.Text, in_table: bool = False) -> str:
    notes = f" [{', '.join(str(n) for n in item.notes)}]" if item.notes else ""
    return escape(item.text, in_table) + notes


def _cell(cell: model.Cell) -> str:
    return "<br>".join(_text(line, in_table=True) for line in cell)


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def _block(block: model.Block) -> str:
    if isinstance(block, model.Paragraph):
        return _text(block.text)
    if isinstance(block, model.Bullets):
        return "\n".join(f"{f'{i}.' if block.numbered else '-'} {_text(item)}" for i, item in enumerate(block.items, 1))
    if isinstance(block, model.Table):
        headers = [escape(h, True) for h in block.columns]
        return table(headers, [[escape(label, True), *(_cell(c) for c in cells)] for label, cells in block.rows])
    # A chart becomes its words; the year-by-year figures follow it as a table.
    return escape(block.description)  # the section's heading names the chart


def to_markdown(report: model.Report) -> str:
    out = [f"# {escape(report.title)}", ""]
    if report.date:
        out += [_("Made on {date}.").format(date=escape(report.date)), ""]
    headline = report.headline
    if headline is not None:
        out += ["## " + _("Your recommendation"), "", f"**{escape(headline.program)}: {escape(headline.pathway)}**", "",
                f"{escape(headline.verdict)}. {_text(headline.line)}", ""]
    for section in report.sections:
        if section.heading != report.title or report.headline is not None:  # a report of one table: one heading
            out += [f"## {escape(section.heading)}", ""]
        for block in section.blocks:
            out += [_block(block), ""]
    if report.sources:
        out += ["## " + pgettext("report heading", "Sources"), ""]
        for work in model.works(report.sources):  # each work once, the sections cited beside it
            link = f" <{work.url}>" if work.url else ""
            if len(work.parts) == 1 and work.parts[0][1] is None:
                out.append(f"- {escape(work.title)}{link} [{work.parts[0][0]}]")
                continue
            cited = "; ".join(f"[{number}] " + (f'"{escape(part)}"' if part else _("the whole work"))
                              for number, part in work.parts)
            out.append(f"- {escape(work.title)}{link}: {cited}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def compare_markdown(catalog: Catalog, programs: Sequence[Program], *, sources: bool, details: bool) -> str:
    """``compare --format markdown``: the quick table (or with ``details`` the programs in full) as Markdown."""
    return to_markdown(model.compare_report(catalog, programs, sources, details))
