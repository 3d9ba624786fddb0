"""Formats that need no layout engine: which export a file name asks for, and the side-by-side CSV.

CSV goes through the csv module, and a cell that a spreadsheet would read as a formula gets a leading
apostrophe. Pure: no typer, rich or questionary.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pathfinder.errors import PathfinderError

if TYPE_CHECKING:  # the quiz checks --export's suffix before any question: no models to build for that
    from pathfinder.core.programs import Catalog, Program

EXPORT_FORMATS = {".html": "html", ".htm": "html", ".svg": "svg", ".md": "markdown", ".txt": "text"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_format(path: Path) -> str:
    """The export format a file name asks for, by its suffix; anything else is a usage error."""
    fmt = EXPORT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        shown = path.suffix or "no suffix"
        raise PathfinderError(f"--export {path}: {shown} is not a format pathfinder writes; "
                              f"use one of {', '.join(EXPORT_FORMATS)}")
    return fmt


def csv_safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def compare_csv(catalog: Catalog, programs: Sequence[Program], sources: bool = False) -> str:
    """One row per fact, one column per program (then, with ``sources``, one column of sources per program)."""
    from pathfinder.report import factsheet

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = ["Fact", *(factsheet.header(p) for p in programs)]
    if sources:
        header.extend(f"Sources: {p.short_name}" for p in programs)
    writer.writerow(header)
    for row in factsheet.rows(programs, catalog):
        cells = [row.label, *("\n".join(line.text for line in cell) for cell in row.cells)]
        if sources:
            for cell in row.cells:
                refs = dict.fromkeys(ref for line in cell for ref in line.sources)
                cells.append("; ".join(factsheet.source_words(catalog, ref) for ref in refs))
        writer.writerow([csv_safe(c) for c in cells])
    return out.getvalue()


def sources_json(catalog: Catalog) -> str:
    """``pathfinder sources --json``: every source, with the figures that rest on it."""
    from pydantic_core import to_json

    from pathfinder.report.factsheet import source_uses

    uses = source_uses(catalog)
    listed = [{**s.model_dump(exclude={"sections"}), "figures": uses.get(s.id, [])} for s in catalog.sources]
    return to_json({"schema_version": 1, "sources": listed}, indent=2).decode()


def sources_text(catalog: Catalog, width: int = 80) -> str:
    """``pathfinder sources``: every source as a short block of plain text, official ones marked."""
    import textwrap

    from pathfinder.report.factsheet import source_uses

    uses = source_uses(catalog)
    blocks = []
    for source in catalog.sources:
        lines = [source.title + (" (official)" if source.official
                                 else f" (secondary: quotes {source.quotes})" if source.quotes else "")]
        lines.append("  " + " | ".join(part for part in (source.publisher, source.url or "no link") if part))
        lines.append(f"  Figures as of: {source.as_of}; read {source.retrieved}")
        figures = uses.get(source.id, [])
        rests = "; ".join(figures) if figures else "nothing shown (kept for reference)"
        lines += textwrap.wrap(f"Rests on it: {rests}.", width, initial_indent="  ", subsequent_indent="    ",
                               break_on_hyphens=False, break_long_words=False)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
