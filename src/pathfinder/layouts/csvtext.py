"""CSV as text: the guard every CSV cell a person's data can reach goes through, and compare's side-by-side table.

CSV goes through the csv module, and a cell that a spreadsheet would read as a formula gets a leading
apostrophe (OWASP's "CSV injection"). Pure: no typer, rich or questionary.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathfinder.core.programs import Catalog, Program

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
