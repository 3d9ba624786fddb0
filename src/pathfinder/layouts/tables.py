"""Batch results laid out for scripts and counselors: JSON Lines (lean, or the quiz's whole result), a CSV table,
an .xlsx workbook, and the class summary.

Each writer has two halves: ``encode`` lays out one scored line (its line number, the class's own columns, the
answers, the ranking, and with ``--full`` the whole advice) wherever it is scored, in this process or a helper,
and ``join`` a run of them; ``emit`` writes a run here, in input order, so memory stays flat. Words (the first
reason, the first warning) are built only for the layouts that print them.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from pathfinder.core import explain
from pathfinder.core.programs import Catalog
from pathfinder.layouts.formats import csv_safe

if TYPE_CHECKING:
    from pathfinder.core.result import Result, ScoreLine
    from pathfinder.core.scoring import Ranking

WRITE_CHUNK = 64 * 1024
RESULT_COLUMNS = ("recommended_program", "pathway", "confidence", "margin", "fits_limits", "reason", "warning")
CATEGORIES = (("clear", "clear"), ("lean", "lean"), ("toss-up", "toss-up"), ("none", "fits no program"))


def lean_line(line: int, columns: dict[str, Any], answers: dict[str, Any], ranking: Ranking) -> ScoreLine:
    """The default score line: the recommendation, every program's score, and the warnings."""
    first = ranking.first
    best = first.best
    margin = ranking.margin
    return {
        "line": line, "columns": columns, "answers": answers,
        "recommendation": {
            "program_id": first.program.id, "program_name": first.program.name, "pathway": best.pathway.id,
            "pathway_name": best.pathway.name, "score": best.score / 10, "confidence": ranking.confidence,
            "margin": None if margin is None else margin / 10,
        },
        "ranking": [{"program_id": p.program.id, "pathway": p.best.pathway.id, "score": p.best.score / 10,
                     "eligible": p.fits, "fit_chance": p.fit_chance, "win_chance": round(p.win_chance, 2)}
                    for p in ranking.programs],
        "warnings": explain.warnings(ranking),
    }


class _Buffered:
    """Collects encoded lines and writes them in chunks."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.chunk: list[bytes] = []
        self.size = 0

    @staticmethod
    def join(lines: list[bytes]) -> bytes:
        return b"".join(lines)

    def emit(self, data: bytes) -> None:
        self.chunk.append(data)
        self.size += len(data)
        if self.size >= WRITE_CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.chunk:
            self.out.write(b"".join(self.chunk))
            self.chunk.clear()
            self.size = 0
        self.out.flush()

    def close(self) -> None:
        self.flush()


class JsonLines(_Buffered):
    """One JSON object a line: the lean score line (see ``results.ScoreLine``), or with ``--full`` the quiz's
    whole result with ``line`` and ``columns`` first."""

    settled = True  # the layout is the same for every line: any process can encode one

    def encode(self, line: int, columns: dict[str, Any], answers: dict[str, Any], ranking: Ranking,
               advice: Result | None) -> bytes:
        from pydantic_core import to_json

        if advice is None:
            return to_json(lean_line(line, columns, answers, ranking)) + b"\n"
        head = b'{"line":%d,"columns":%s,' % (line, to_json(columns))
        return head + advice.model_dump_json().encode()[1:] + b"\n"


def table_header(catalog: Catalog, columns: Sequence[str]) -> list[str]:
    return [*columns, *RESULT_COLUMNS, *(f"{p.short_name} score" for p in catalog.programs), "line"]


def table_result(catalog: Catalog, line: int, ranking: Ranking) -> list[Any]:
    """One student's result: the recommendation in words and every program's score as shown."""
    first = ranking.first
    scores = {p.program.id: p.best.score / 10 for p in ranking.programs}
    return [
        first.program.name, first.best.pathway.name, ranking.confidence,
        "" if ranking.margin is None else ranking.margin / 10, "yes" if ranking.fits else "no",
        explain.first_reason(ranking), explain.first_warning(ranking),
        *(scores[p.id] for p in catalog.programs), line,
    ]


class _Rows:
    """The table layouts' shared half: one row of cells, the class's own columns first, in the order of the first
    row's (so the layout is settled once the first row is laid out)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.names: list[str] | None = None

    @property
    def settled(self) -> bool:
        return self.names is not None

    def own(self, columns: dict[str, Any]) -> list[str]:
        """The class's own cells, as text, in the first row's order (settling it)."""
        if self.names is None:
            self.names = list(columns)
        return [_cell(columns.get(name)) for name in self.names]


class Table(_Rows, _Buffered):
    """A CSV table, one row per student, ready for a spreadsheet. The header comes with the first row, so a
    run that cannot start writes nothing."""

    def __init__(self, out: IO[bytes], catalog: Catalog) -> None:
        _Rows.__init__(self, catalog)
        _Buffered.__init__(self, out)
        self.last = _Last()
        self.csv = csv.writer(self.last, lineterminator="\r\n")

    def encode(self, line: int, columns: dict[str, Any], answers: dict[str, Any], ranking: Ranking,
               advice: Result | None) -> bytes:
        head = b""
        if self.names is None:
            self.csv.writerow([csv_safe(name) for name in table_header(self.catalog, list(columns))])
            head = self.last.text.encode()
        # The class's own cells are kept from reading as formulas; the results are pathfinder's own words.
        self.csv.writerow([*map(csv_safe, self.own(columns)),
                           *(f"{v:.1f}" if type(v) is float else v for v in table_result(self.catalog, line, ranking))])
        return head + self.last.text.encode()


class _Last:
    """A file for csv.writer that keeps the last row written."""

    text = ""

    def write(self, text: str) -> None:
        self.text = text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    import json

    return json.dumps(value, ensure_ascii=False)


class Workbook(_Rows):
    """The same table as an .xlsx spreadsheet: a bold, frozen header row with a filter, and columns as wide as
    their first rows need. Rows stream to the file (openpyxl's write-only mode) after the first hundred,
    which size the columns."""

    SAMPLE = 100
    WIDEST = 60

    def __init__(self, out: IO[bytes], catalog: Catalog) -> None:
        from openpyxl import Workbook as Book

        super().__init__(catalog)
        self.out = out
        self.book = Book(write_only=True)
        self.book.properties.creator = "pathfinder"
        self.sheet = self.book.create_sheet("Recommendations")
        self.heads: list[str] = []
        self.waiting: list[list[Any]] | None = []
        self.rows = 0

    def encode(self, line: int, columns: dict[str, Any], answers: dict[str, Any], ranking: Ranking,
               advice: Result | None) -> list[Any]:
        if self.names is None:
            self.heads = table_header(self.catalog, list(columns))
        return [*self.own(columns), *table_result(self.catalog, line, ranking)]

    @staticmethod
    def join(rows: list[list[Any]]) -> list[list[Any]]:
        return rows

    def emit(self, rows: list[list[Any]]) -> None:
        for cells in rows:
            if self.waiting is not None and len(self.waiting) < self.SAMPLE:
                self.waiting.append(cells)
                continue
            self._start()
            self.sheet.append(self._row(cells))
            self.rows += 1

    def _row(self, cells: list[Any]) -> list[Any]:
        """The cells as the sheet takes them: a cell of the class's own that starts with "=" stays text, not a
        formula."""
        own = len(self.names or ())
        if not any(type(c) is str and c.startswith("=") for c in cells[:own]):
            return cells
        from openpyxl.cell import WriteOnlyCell

        out = list(cells)
        for index in range(own):
            if type(out[index]) is str and out[index].startswith("="):
                cell = WriteOnlyCell(self.sheet, value=out[index])
                cell.data_type = "s"
                out[index] = cell
        return out

    def _start(self) -> None:
        """Size the columns from the header and the first rows, write the header, then the rows held back."""
        if self.waiting is None:
            return
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        if not self.heads:  # nothing scored: the result columns alone
            self.heads = table_header(self.catalog, [])
        for index, name in enumerate(self.heads, 1):
            longest = max([len(name), *(len(str(row[index - 1])) for row in self.waiting)])
            self.sheet.column_dimensions[get_column_letter(index)].width = min(self.WIDEST, longest + 2)
        self.sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        cells = []
        for name in self.heads:
            cell = WriteOnlyCell(self.sheet, value=name)
            cell.font = bold
            cells.append(cell)
        self.sheet.append(cells)
        for row in self.waiting:
            self.sheet.append(self._row(row))
        self.rows = len(self.waiting)
        self.waiting = None

    def close(self) -> None:
        from openpyxl.utils import get_column_letter

        self._start()
        self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(self.heads))}{self.rows + 1}"
        self.book.save(self.out)


class Discard:
    """For --summary-only: scores every line, writes none."""

    settled = True

    def encode(self, *line: Any) -> None:
        return None

    def join(self, lines: list[None]) -> None:
        return None

    def emit(self, item: Any) -> None:
        pass

    def close(self) -> None:
        pass


def writer_for(fmt: str, out: IO[bytes], catalog: Catalog) -> JsonLines | Table | Workbook:
    if fmt == "csv":
        return Table(out, catalog)
    if fmt == "xlsx":
        return Workbook(out, catalog)
    return JsonLines(out)


def class_summary(tally: Counter[tuple[str, str]], catalog: Catalog) -> str:
    """How many students got each program, split by confidence, and how many fit no program, as a plain table."""
    heads = ["Program", *(name for _, name in CATEGORIES), "total"]
    rows = []
    for program in catalog.programs:
        counts = [tally.get((program.name, key), 0) for key, _ in CATEGORIES]
        rows.append([program.name, *map(str, counts), str(sum(counts))])
    totals = [sum(tally.get((p.name, key), 0) for p in catalog.programs) for key, _ in CATEGORIES]
    rows.append(["All students", *map(str, totals), str(sum(totals))])
    widths = [max(len(r[i]) for r in [heads, *rows]) for i in range(len(heads))]
    lines = ["  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                       for i, cell in enumerate(row)).rstrip() for row in [heads, *rows]]
    note = ["A student who fits no program is counted under the program nearest to fitting",
            "their budget, timeline and education."]
    return "\n".join(["Class summary", *lines, *note]) + "\n"
