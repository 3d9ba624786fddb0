"""CSV as text: the guard every CSV cell a person's data can reach goes through, and compare's side-by-side table.

CSV goes through the csv module, and a cell that a spreadsheet would read as a formula gets a leading
apostrophe (OWASP's "CSV injection"). Pure: no typer, rich or questionary.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pathfinder.i18n import _

if TYPE_CHECKING:
    from pathfinder.core.programs import Catalog, Program

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may read as the start of a formula


def csv_safe(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading ``'`` where it would otherwise start a formula."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def compare_csv(catalog: Catalog, programs: Sequence[Program], sources: bool = False, details: bool = False) -> str:
    """The quick table's rows, one column per pathway (with ``details``, every fact, one column per program); then,
    with ``sources``, one column of sources per column."""
    from pathfinder.report import factsheet

    if details:
        headings, rows = [factsheet.header(p) for p in programs], factsheet.rows(programs, catalog)
    else:
        headings, rows = factsheet.quick_table(programs)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = [_("Fact"), *headings]
    if sources:
        header.extend(_("Sources: {column}").format(column=heading) for heading in headings)
    writer.writerow([csv_safe(c) for c in header])
    for row in rows:
        cells = [row.label, *("\n".join(line.text for line in cell) for cell in row.cells)]
        if sources:
            for cell in row.cells:
                refs = dict.fromkeys(ref for line in cell for ref in line.sources)
                cells.append("; ".join(factsheet.source_words(catalog, ref) for ref in refs))
        writer.writerow([csv_safe(c) for c in cells])
    return out.getvalue()
