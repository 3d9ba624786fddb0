"""Batch results laid out for scripts and counselors: JSON Lines (lean, or the quiz's whole result), a CSV table,
an .xlsx workbook (with the class summary on a second sheet), and the class summary.

Each writer has two halves: ``encode`` lays out one scored line (its line number, the class's own columns, the
answers, the ranking, and with ``--full`` the whole advice) wherever it is scored, in this process or a helper,
``encode_error`` a row that could not be scored (every student has a row), and ``join`` a run of them; ``emit``
writes a run here, in input order, so memory stays flat. Words (the first reason, the first warning) are built
only for the layouts that print them. ``start`` names the columns before the first row: the class's own (None:
from the first row, for JSON Lines) and the questions the class answered.

Safe to open: in CSV every cell that a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) gets a leading ``'``; in a workbook every such text is stored as text. That
holds for every cell: headers, the class's own cells, answers and the catalog's words.
"""

from __future__ import annotations

import csv
import textwrap
from collections import Counter
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from pydantic_core import to_json

from pathfinder.core import explain
from pathfinder.core.advice import score_line
from pathfinder.core.programs import Catalog
from pathfinder.core.wording import to_points
from pathfinder.i18n import N_, _
from pathfinder.layouts.csvtext import csv_safe

if TYPE_CHECKING:
    from pathfinder.core.questions import Question
    from pathfinder.core.result import Result
    from pathfinder.core.scoring import Ranking

WRITE_CHUNK = 64 * 1024
RESULT_COLUMNS = ("recommended_program", "pathway", "confidence", "margin", "fits_limits", "reason", "warning")
CATEGORIES = ("clear", "lean", "toss-up", "none")  # the class summary's columns: the confidences, as the rows say them
# The result's columns and the confidences as a counselor's table names them, in the run's language (the English
# names are the ids scripts know).
COLUMN_WORDS = {"recommended_program": N_("recommended_program"), "pathway": N_("pathway"),
                "confidence": N_("confidence"), "margin": N_("margin"), "fits_limits": N_("fits_limits"),
                "reason": N_("reason"), "warning": N_("warning"), "error": N_("error"), "line": N_("line")}
CONFIDENCE_WORDS = {"clear": N_("clear"), "lean": N_("lean"), "toss-up": N_("toss-up"), "none": N_("none")}


def column_words(name: str) -> str:
    """A result column's header in the run's language ('confidence' -> 'confianza')."""
    return _(COLUMN_WORDS[name])


def confidence_words(confidence: str) -> str:
    """A confidence as the table says it ('toss-up' -> 'empate')."""
    return _(CONFIDENCE_WORDS[confidence]) if confidence in CONFIDENCE_WORDS else confidence


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

    def close(self, summary: Summary | None = None) -> None:
        self.flush()


class JsonLines(_Buffered):
    """One JSON object a line: the lean score line (see ``results.ScoreLine``), or with ``--full`` the quiz's
    whole result with ``line`` and ``columns`` first; a row that could not be scored is
    ``{"line", "columns", "error"}``."""

    settled = True  # the layout is the same for every line: any process can encode one

    def __init__(self, out: IO[bytes], catalog: Catalog | None = None) -> None:  # every score layout's arguments
        super().__init__(out)

    def start(self, carried: list[str] | None, questions: list[Question]) -> None:
        pass

    def encode(self, line: int, columns: dict[str, Any], answers: dict[str, Any], ranking: Ranking,
               advice: Result | None) -> bytes:
        if advice is None:
            return to_json(score_line(line, columns, answers, ranking)) + b"\n"
        # The quiz's whole result, its fields after the line's own (each model serialises itself, by its aliases).
        return to_json({"line": line, "columns": columns, **dict(advice)}, by_alias=True) + b"\n"

    @staticmethod
    def encode_error(line: int, columns: dict[str, Any], written: dict[str, str], error: str) -> bytes:
        from pydantic_core import to_json

        return to_json({"line": line, "columns": columns, "error": error}) + b"\n"


def table_header(catalog: Catalog, columns: Sequence[str], questions: Sequence[Question] = ()) -> list[str]:
    """The class's own columns, the questions' titles, the result's columns, each program's score, the error and
    the line."""
    return [*columns, *(_(q.title) for q in questions), *map(column_words, RESULT_COLUMNS),
            *(_("{program} score").format(program=p.short_name) for p in catalog.programs),
            column_words("error"), column_words("line")]


def table_result(catalog: Catalog, ranking: Ranking) -> list[Any]:
    """One student's result: the recommendation in words and every program's score as shown."""
    first = ranking.first
    scores = {p.program.id: to_points(p.best.score) for p in ranking.programs}
    return [
        first.program.name, first.best.pathway.name, confidence_words(ranking.confidence),
        "" if ranking.margin is None else to_points(ranking.margin), _("yes") if ranking.fits else _("no"),
        explain.first_reason(ranking), explain.first_warning(ranking),
        *(scores[p.id] for p in catalog.programs),
    ]


class _Rows:
    """The table layouts' shared half: one row of cells, the class's own columns first (named by ``start``, or
    by the first row's, so the layout is settled once the first row is laid out), then the answers in words,
    then the result, the error (for a row that could not be scored) and the line."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.names: list[str] | None = None
        self.questions: list[Question] = []
        self.blank = [""] * (len(RESULT_COLUMNS) + len(catalog.programs))  # a row that could not be scored
        # Rows that could not be scored before the class's own columns were known (JSON Lines, whose first good
        # line names them): written, in order, once they are.
        self.pending: list[list[Any]] = []

    def start(self, carried: list[str] | None, questions: list[Question]) -> None:
        self.names = carried
        self.questions = questions

    @property
    def settled(self) -> bool:
        return self.names is not None

    def own(self, columns: dict[str, Any]) -> list[str]:
        """The class's own cells, as text, in the first row's order (settling it)."""
        if self.names is None:
            self.names = list(columns)
        return [_cell(columns.get(name)) for name in self.names]

    def cells(self, line: int, columns: dict[str, Any], answers: dict[str, Any], ranking: Ranking) -> list[Any]:
        return [*self.own(columns), *(_(q.label_for(answers[q.id])) for q in self.questions),
                *table_result(self.catalog, ranking), "", line]

    def scored_rows(self, line: int, columns: dict[str, Any], answers: dict[str, Any],
                    ranking: Ranking) -> list[list[Any]]:
        """A scored row's cells, after any rows held back until the columns were known."""
        cells = self.cells(line, columns, answers, ranking)
        return [*self.held(), cells] if self.pending else [cells]

    def error_rows(self, line: int, columns: dict[str, Any], written: dict[str, str],
                   error: str) -> list[list[Any]]:
        """A row that could not be scored (after any held back), or none while it is held until the columns are
        known."""
        rest = [*(written.get(q.id, "") for q in self.questions), *self.blank, error, line]
        if self.names is None and not columns:
            self.pending.append(rest)
            return []
        cells = [*self.own(columns), *rest]
        return [*self.held(), cells] if self.pending else [cells]

    def held(self) -> list[list[Any]]:
        """The rows held back, now that the columns are known (with none, if no row named any)."""
        if self.names is None:
            self.names = []
        rows = [[*([""] * len(self.names)), *rest] for rest in self.pending]
        self.pending = []
        return rows

    def header(self) -> list[str]:
        return table_header(self.catalog, self.names or [], self.questions)


class CsvTable(_Rows, _Buffered):
    """A CSV table, one row per student, ready for a spreadsheet. The header comes with the first row, so a
    run that cannot start writes nothing."""

    def __init__(self, out: IO[bytes], catalog: Catalog) -> None:
        _Rows.__init__(self, catalog)
        _Buffered.__init__(self, out)
        self.last = _Last()
        self.csv = csv.writer(self.last, lineterminator="\r\n")
        self.headed = False

    def _write(self, cells: list[Any]) -> bytes:
        head = b""
        if not self.headed:
            self.headed = True
            self.csv.writerow([csv_safe(name) for name in self.header()])
            head = self.last.text.encode()
        self.csv.writerow([csv_safe(v) if type(v) is str else f"{v:.1f}" if type(v) is float else v for v in cells])
        return head + self.last.text.encode()

    def encode(self, line: int, columns: dict[str, Any], answers: dict[str, Any], ranking: Ranking,
               advice: Result | None) -> bytes:
        rows = self.scored_rows(line, columns, answers, ranking)
        return self._write(rows[0]) if len(rows) == 1 else b"".join(map(self._write, rows))

    def encode_error(self, line: int, columns: dict[str, Any], written: dict[str, str], error: str) -> bytes:
        return b"".join(map(self._write, self.error_rows(line, columns, written, error)))

    def close(self, summary: Summary | None = None) -> None:
        for row in self.held():
            self.emit(self._write(row))
        if not self.headed:  # no row at all: the header alone
            self.headed = True
            self.csv.writerow([csv_safe(name) for name in self.header()])
            self.emit(self.last.text.encode())
        super().close()


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
    their first rows need; a second sheet holds the class summary. Rows stream to the file (openpyxl's
    write-only mode) after the first hundred, which size the columns."""

    SAMPLE = 100
    WIDEST = 60

    def __init__(self, out: IO[bytes], catalog: Catalog) -> None:
        from openpyxl import Workbook as Book

        super().__init__(catalog)
        self.out = out
        self.book = Book(write_only=True)
        self.book.properties.creator = "pathfinder"
        self.sheet = self.book.create_sheet(_("Recommendations"))
        self.heads: list[str] = []
        self.waiting: list[list[Any]] | None = []
        self.rows = 0

    # Each encodes to a list of rows (rows held back come out with the first that names the columns). An empty
    # cell is left out of the sheet (None) rather than written as an empty text: fewer cells to write.
    def encode(self, line: int, columns: dict[str, Any], answers: dict[str, Any], ranking: Ranking,
               advice: Result | None) -> list[list[Any]]:
        return [[None if c == "" else c for c in row] for row in self.scored_rows(line, columns, answers, ranking)]

    def encode_error(self, line: int, columns: dict[str, Any], written: dict[str, str],
                     error: str) -> list[list[Any]]:
        return [[None if c == "" else c for c in row] for row in self.error_rows(line, columns, written, error)]

    @staticmethod
    def join(runs: list[list[list[Any]]]) -> list[list[Any]]:
        return [row for rows in runs for row in rows]

    def emit(self, rows: list[list[Any]]) -> None:
        for cells in rows:
            if self.waiting is not None and len(self.waiting) < self.SAMPLE:
                self.waiting.append(cells)
                continue
            self._start()
            self.sheet.append(self._row(cells))
            self.rows += 1

    def _row(self, cells: list[Any]) -> list[Any]:
        """The cells as the sheet takes them: a text that starts with "=" stays text, not a formula (openpyxl
        stores any other text as text already)."""
        if not any(type(c) is str and c[:1] == "=" for c in cells):
            return cells
        return [self._text(c) if type(c) is str and c[:1] == "=" else c for c in cells]

    def _text(self, value: str, bold: bool = False) -> Any:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.sheet, value=value)
        cell.data_type = "s"
        if bold:
            from openpyxl.styles import Font

            cell.font = Font(bold=True)
        return cell

    def _start(self) -> None:
        """Size the columns from the header and the first rows, write the header, then the rows held back."""
        if self.waiting is None:
            return
        from openpyxl.utils import get_column_letter

        self.heads = self.header()
        for index, name in enumerate(self.heads, 1):
            longest = max([len(name), *(len(str(row[index - 1] or "")) for row in self.waiting)])
            self.sheet.column_dimensions[get_column_letter(index)].width = min(self.WIDEST, longest + 2)
        self.sheet.freeze_panes = "A2"
        self.sheet.append([self._text(name, bold=True) for name in self.heads])
        for row in self.waiting:
            self.sheet.append(self._row(row))
        self.rows = len(self.waiting)
        self.waiting = None

    def close(self, summary: Summary | None = None) -> None:
        from openpyxl.utils import get_column_letter

        self.emit(self.held())
        self._start()
        self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(self.heads))}{self.rows + 1}"
        if summary is not None:
            sheet = self.book.create_sheet(_("Class summary"))
            sheet.column_dimensions["A"].width = max(len(str(row[0])) for row in summary.rows) + 2
            sheet.append([self._text(str(cell), bold=True) for cell in summary.heads])
            for row in summary.rows:
                sheet.append([self._text(row[0]), *row[1:]])
            sheet.append([])
            for line in summary.note:
                sheet.append([line])
        self.book.save(self.out)


class Discard:
    """For --summary-only: scores every line, writes none."""

    settled = True

    def start(self, carried: list[str] | None, questions: list[Question]) -> None:
        pass

    def encode(self, *line: Any) -> None:
        return None

    def encode_error(self, *line: Any) -> None:
        return None

    def join(self, lines: list[None]) -> None:
        return None

    def emit(self, item: Any) -> None:
        pass

    def close(self, summary: Summary | None = None) -> None:
        pass


class Summary(NamedTuple):
    """The class summary as a table: how many students got each program, by confidence, and how many could not
    be scored."""

    heads: list[str]
    rows: list[list[Any]]  # a name, then counts (None where a count does not apply)
    note: list[str]


def summary_table(tally: Counter[tuple[str, str]], catalog: Catalog, failed: int = 0) -> Summary:
    heads = [_("Program"), *map(confidence_words, CATEGORIES), _("total")]
    rows: list[list[Any]] = []
    for program in catalog.programs:
        counts = [tally.get((program.name, key), 0) for key in CATEGORIES]
        rows.append([program.name, *counts, sum(counts)])
    totals = [sum(tally.get((p.name, key), 0) for p in catalog.programs) for key in CATEGORIES]
    rows.append([_("All students scored"), *totals, sum(totals)])
    rows.append([_("Could not be scored"), *(None for _category in CATEGORIES), failed])
    rows.append([_("Class total"), *(None for _category in CATEGORIES), sum(totals) + failed])
    note = textwrap.wrap(_('{none} = "{verdict}": the student is counted under the program nearest to fitting '
                           "their budget, timeline and education. A student who could not be scored has a row with "
                           "the error that says which answer to correct.").format(
        none=confidence_words("none"), verdict=explain.verdict("none")), NOTE_WIDTH)
    return Summary(heads, rows, note)


NOTE_WIDTH = 80  # the class summary's note, in lines an 80-column terminal shows whole


def class_summary(tally: Counter[tuple[str, str]], catalog: Catalog, failed: int = 0) -> str:
    """The class summary as a plain table, for standard error or ``--summary-only``."""
    summary = summary_table(tally, catalog, failed)
    shown = [summary.heads, *([str(c) if c is not None else "" for c in row] for row in summary.rows)]
    widths = [max(len(r[i]) for r in shown) for i in range(len(summary.heads))]
    lines = ["  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                       for i, cell in enumerate(row)).rstrip() for row in shown]
    return "\n".join([_("Class summary"), *lines, *summary.note]) + "\n"
