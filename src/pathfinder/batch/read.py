"""Reading a class file for ``pathfinder score``: JSON Lines, CSV (comma, semicolon or tab separated) or an .xlsx
workbook, as a form tool or a spreadsheet writes it.

A class file's header is read once, into a ``Plan`` that says how every column was read: a question (by its id,
title, prompt, the words people use for it, or ``--map``), or a column of the class's own, carried through (a
second column of the same name renamed, "Name (2)"). A row becomes a ``Row``: the answers as read (checked later),
or the problem that stops it, always with the class's own columns, so a student whose answers cannot be read is
still named and written out. No terminal, no exit codes here.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, NamedTuple

from pathfinder.core.answers import close_match, header_key, match_header, question_named, read_text, refusal
from pathfinder.core.questions import QUESTIONS, QUESTIONS_BY_ID, Question
from pathfinder.errors import PathfinderError
from pathfinder.i18n import N_, _, ngettext

INPUT_FORMATS = ("auto", "jsonl", "csv", "xlsx")
MAX_LINE_BYTES = 1024 * 1024  # a longer line is reported (and written with its error), never held in memory whole
MAX_XLSX_BYTES = 64 * 1024 * 1024  # a workbook read from standard input is held whole: at most this much
CLOSE = 0.8  # how alike an unknown column's name must be to a question's name to be taken for a typo
SAMPLE_LINES = 50  # lines of a CSV looked at to tell its separator (at most SAMPLE_BYTES of them)
SAMPLE_BYTES = 64 * 1024
# How the separator was settled, in words, for each separator.
DETECTED = {",": N_("comma-separated (detected)"), ";": N_("semicolon-separated (detected)"),
            "\t": N_("tab-separated (detected)")}
GIVEN = {",": N_("comma-separated (--delimiter)"), ";": N_("semicolon-separated (--delimiter)"),
         "\t": N_("tab-separated (--delimiter)")}
DELIMITER_NAMES = {",": ",", "comma": ",", ";": ";", "semicolon": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}

# Headers that name a student, for messages about a row: names first, else an email, else an id.
_WHO = (
    frozenset({"name", "fullname", "studentname", "student", "yourname", "firstname", "lastname", "surname",
               "givenname", "familyname", "firstandlastname", "nameofstudent", "studentsname"}),
    frozenset({"email", "emailaddress", "studentemail", "youremail", "youremailaddress", "username"}),
    frozenset({"studentid", "id", "studentnumber", "idnumber"}),
)

Record = tuple[int, Any, "str | None"]  # line number, what was read (a JSON line, a row's cells), or a problem


class Row(NamedTuple):
    line: int  # the input's line (a workbook's row number)
    data: dict[str, Any] | None  # the answers as read (not yet checked), or None for a row that cannot be read
    problem: str | None
    columns: dict[str, Any]  # the class's own columns, carried through unchanged
    written: dict[str, str] = {}  # a row that cannot be read: question id -> what its cell said


Reader = Callable[[int, Any], "Row | None"]  # a record's line number and what was read -> a row (None: blank)


class Column(NamedTuple):
    """How one column of a class file's header was read."""

    position: int  # the column's index, from 0
    header: str  # as the file has it
    name: str  # as the output names it: the question's title, or the carried name (renamed if a duplicate)
    question: Question | None
    how: str  # words for the column report: how it was read


class Plan(NamedTuple):
    """How a class file was read: its layout in words, the header's line and every column."""

    layout: str  # "comma-separated (detected)", "an .xlsx workbook, sheet Form responses 1"...
    line: int
    columns: list[Column]

    @property
    def questions(self) -> list[Question]:
        return [c.question for c in self.columns if c.question is not None]

    @property
    def carried(self) -> list[str]:
        return [c.name for c in self.columns if c.question is None]

    def report(self) -> list[str]:
        """Each header and what it was read as, one line each."""
        width = min(40, max((len(c.header) for c in self.columns), default=0))
        nameless = _("(no header)")
        return [f"  {c.header or nameless:<{width}}  {c.how}" for c in self.columns]


def who(columns: dict[str, Any]) -> str:
    """The student a row is about, by the class's own columns (a name, else an email, else an id); "" if none."""
    for keys in _WHO:
        found = [str(v).strip() for k, v in columns.items() if header_key(k) in keys and v not in (None, "")]
        if found:
            return " ".join(found)
    return ""


def parse_maps(pairs: Sequence[str]) -> dict[str, Question]:
    """``--map "HEADER=question"`` pairs (the question by id, title or any name it is read by)."""
    maps: dict[str, Question] = {}
    for pair in pairs:
        header, sep, name = pair.rpartition("=")
        if not sep or not header.strip() or not name.strip():
            raise PathfinderError(_('--map {pair}: expected HEADER=question, for example --map "How much money can '
                                    'you spend?=budget_usd"').format(pair=repr(pair)))
        found = question_named(name.strip())
        if found is None:
            raise PathfinderError(_("--map {pair}: {name} is not a question; use an id or a title: {questions}").format(
                pair=repr(pair), name=repr(name.strip()),
                questions=", ".join(f"{q.id} ({_(q.title)})" for q in QUESTIONS)))
        maps[header.strip()] = QUESTIONS_BY_ID[found]
    return maps


def read_header(cells: Sequence[str], label: str, line: int, *, layout: str = "",
                keep_unknown: bool = False, maps: dict[str, Question] | None = None) -> Plan:
    """How each header cell is read: a question, or a column of the class's own.

    A column whose name is close to a question's name is taken for a typo and refused, with its suggestion,
    unless ``keep_unknown``; a column with no name is carried as "column N"; a second column of a name is
    carried as "Name (2)". When no column is a question, nothing can be scored: refused, naming what was found
    and what is expected.
    """
    maps = maps or {}
    mapped: dict[int, Question] = {}
    for header, question in maps.items():
        index = next((i for i, c in enumerate(cells) if c.strip() == header), None)
        if index is None:
            index = next((i for i, c in enumerate(cells) if header_key(c) == header_key(header)), None)
        if index is None:
            raise PathfinderError(_("--map {header}: {label} has no column with this header; its headers are: "
                                    "{headers}").format(header=repr(header), label=label,
                                                        headers=", ".join(repr(c.strip()) for c in cells)))
        mapped[index] = question
    matched = match_header(["" if i in mapped else c for i, c in enumerate(cells)])
    problems = [p for p in matched.problems if "has no name" not in p]
    by_index: dict[int, Column] = {}
    taken_by: dict[str, str] = {}
    for index, question in sorted({**matched.columns, **mapped}.items()):
        header = cells[index].strip()
        if question.id in taken_by:
            problems.append(_("{header}: a second column for {question} ({other} too)").format(
                header=repr(header), question=repr(_(question.title)), other=repr(taken_by[question.id])))
            continue
        taken_by[question.id] = header
        how = (_("question {title} (--map)") if index in mapped else _("question {title}")).format(
            title=repr(_(question.title)))
        by_index[index] = Column(index, header, question.title, question, how)
    own = [i for i in range(len(cells)) if i not in by_index and i not in mapped]
    names = {cells[i].strip() for i in own}
    used: set[str] = set()
    for index in own:
        header = cells[index].strip()
        if header and not keep_unknown and close_match(header, cutoff=CLOSE) is not None:
            problems.append(looks_like(header))
            continue
        name = header or _("column {number}").format(number=index + 1)
        how = _("carried as the class's own") if header else _("carried as {name} (no header)").format(name=repr(name))
        if name in used:
            number = 2
            while f"{name} ({number})" in used or f"{name} ({number})" in names:
                number += 1
            how = _("carried as {renamed}: a second column named {name}").format(renamed=f"{name} ({number})",
                                                                                 name=repr(name))
            name = f"{name} ({number})"
        used.add(name)
        by_index[index] = Column(index, header, name, None, how)
    if problems:
        raise PathfinderError(_("{label}: line {line}: the header does not name the questions as expected "
                                "(pathfinder questions lists the words each question is read by)").format(
            label=label, line=line), problems)
    columns = [by_index[i] for i in sorted(by_index)]
    if not any(c.question is not None for c in columns):
        raise PathfinderError(
            _("{label}: line {line}: no column is read as a question, so nothing was scored").format(
                label=label, line=line),
            [_("headers found: {headers}").format(headers=", ".join(repr(c.strip()) for c in cells)),
             _("headers expected: a question's id or title, or the words people use for it: {questions}").format(
                 questions="; ".join(f"{_(q.title)} ({q.id})" for q in QUESTIONS)),
             _('pathfinder questions lists every wording read; --map "HEADER=question" reads any header as one')])
    return Plan(layout, line, columns)


def looks_like(name: str) -> str:
    """The message for a column or key whose name is close to a question's name."""
    close = close_match(name, cutoff=CLOSE)
    question = QUESTIONS_BY_ID[close] if close is not None else None
    title = _(question.title) if question is not None else ""
    values = {"name": repr(name), "close": repr(close), "title": title, "map": f'--map "{name}={close}"'}
    if title and title.lower() != name.lower():
        return _("{name}: no question has this id or title; did you mean {close} ({title})? ({map} reads it as that "
                 "question; --keep-unknown carries it as a column of your own)").format(**values)
    return _("{name}: no question has this id or title; did you mean {close}? ({map} reads it as that question; "
             "--keep-unknown carries it as a column of your own)").format(**values)


# --- the file ----------------------------------------------------------------------------------------------------


def suffix_format(name: str) -> str | None:
    """The format a file name promises: .jsonl/.ndjson/.json, .csv/.tsv/.txt read as a table, .xlsx; else None."""
    lowered = name.lower()
    if lowered.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if lowered.endswith((".csv", ".tsv")):
        return "csv"
    if lowered.endswith((".xlsx", ".xlsm")):
        return "xlsx"
    return None


def content_format(first_line: bytes) -> str:
    """An .xlsx workbook (a zip file), JSON Lines when the first line with text starts with ``{``, else CSV."""
    if first_line.startswith(b"PK\x03\x04"):
        return "xlsx"
    text = first_line.lstrip(codecs.BOM_UTF8).lstrip()
    return "jsonl" if text.startswith(b"{") else "csv"


class Source:
    """An opened input: the binary stream, its format, and how far it has been read."""

    def __init__(self, stream: IO[bytes], fmt: str, label: str, size: int | None, head: list[bytes]) -> None:
        self.stream = stream
        self.format = fmt
        self.label = label
        self.owned = size is not None  # a file opened here (closed here), not standard input
        self.size = size if fmt != "xlsx" else None  # bytes, for a progress bar; None when unknown
        self._head = head  # lines already read to find the format, given back first
        self.consumed = 0  # bytes read so far, counted by the JSON Lines reader
        self._text: io.TextIOWrapper | None = None  # a CSV's text
        self.csv: Any = None  # a CSV's reader
        self._book: Any = None  # a workbook

    def position(self) -> int:
        if self.format == "csv":
            try:
                return self.stream.tell()
            except (OSError, ValueError):
                return 0
        return self.consumed

    def open(self, keep_unknown: bool = False, maps: dict[str, Question] | None = None,
             delimiter: str | None = None, sheet: str | None = None) -> tuple[Iterator[Record], Reader, Plan | None]:
        """The records to read (in this process), what turns one into a row (in any process), and how a table's
        header was read. A header that cannot be read, or that names no question, raises PathfinderError before
        any row."""
        if sheet is not None and self.format != "xlsx":
            raise PathfinderError(_("--sheet {name}: {label} is not an .xlsx workbook, so it has no sheets to choose "
                                    "from; leave --sheet out").format(name=sheet, label=self.label))
        if self.format == "jsonl":
            if maps:
                raise PathfinderError(_("--map reads a table's headers; JSON Lines are keyed by question ids or "
                                        "titles"))
            return _jsonl_records(self), _JsonReader(keep_unknown), None
        if self.format == "xlsx":
            rows, layout = self._sheet(sheet)
        else:
            rows, layout = self._csv(delimiter)
        header = next(rows, None)
        while header is not None and not any(cell.strip() for cell in header[1]):
            header = next(rows, None)  # blank lines before the header
        if header is not None and len(header[1]) == 1 and header[1][0].startswith("\0"):
            raise PathfinderError(_("{label}: line {line}: not a CSV header ({problem})").format(
                label=self.label, line=header[0], problem=header[1][0][1:]))
        if header is None:
            raise PathfinderError(_("{label}: empty, so nothing was scored; a class file starts with a header line "
                                    "naming the questions, then one line a student").format(label=self.label),
                                  [_("pathfinder questions lists the names a header may use")])
        line, cells = header
        while cells and not cells[-1].strip() and self.format == "xlsx":
            cells = cells[:-1]  # a sheet's empty cells after the last header
        plan = read_header(cells, self.label, line, layout=layout, keep_unknown=keep_unknown, maps=maps)
        sheet_rows = self.format == "xlsx"
        return _table_records(rows, sheet_rows), _TableReader(plan, len(cells), pad=sheet_rows), plan

    def _csv(self, delimiter: str | None) -> tuple[Iterator[tuple[int, list[str]]], str]:
        # A sample of whole lines to tell the separator from; they are given back to the reader first.
        while len(self._head) < SAMPLE_LINES and (not self._head or self._head[-1]) and sum(
                map(len, self._head)) < SAMPLE_BYTES:
            self._head.append(_read_line(self.stream))
        # Undecodable bytes become U+FFFD, so the cell holding them is refused as a bad value.
        head = [line.decode("utf-8-sig" if i == 0 else "utf-8", errors="replace") for i, line in enumerate(self._head)]
        sep, layout = _delimiter("".join(head), delimiter)
        self._text = io.TextIOWrapper(self.stream, encoding="utf-8", errors="replace", newline="")
        self.csv = csv.reader(itertools.chain(head, self._text), delimiter=sep, strict=True)
        return _csv_rows(self.csv), layout

    def _sheet(self, name: str | None) -> tuple[Iterator[tuple[int, list[str]]], str]:
        import zipfile

        from openpyxl import load_workbook

        data: IO[bytes] = self.stream
        if not self.owned or self._head:  # standard input, or lines already read: hold it in memory
            raw = b"".join(self._head) + self.stream.read(MAX_XLSX_BYTES + 1)
            if len(raw) > MAX_XLSX_BYTES:
                raise PathfinderError(_("{label}: a workbook on standard input is limited to {size} MB; give its "
                                        "file name instead").format(label=self.label,
                                                                    size=MAX_XLSX_BYTES // 1024 // 1024))
            data = io.BytesIO(raw)
        try:
            self._book = load_workbook(data, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, TypeError) as exc:
            # A damaged workbook fails inside openpyxl in many ways; each means the file cannot be read.
            raise PathfinderError(_("{label}: not an .xlsx workbook that can be read ({problem})").format(
                label=self.label, problem=exc)) from None
        names = self._book.sheetnames
        if name is not None and name not in names:
            raise PathfinderError(_("--sheet {name}: {label} has no such sheet; its sheets are: {sheets}").format(
                name=repr(name), label=self.label, sheets=", ".join(repr(n) for n in names)))
        chosen = name if name is not None else names[0]
        sheet = self._book[chosen]
        rows = ((number, [_typed(v) for v in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), 1))
        return rows, (_("an .xlsx workbook, sheet {sheet}") if name
                      else _("an .xlsx workbook, sheet {sheet} (the first)")).format(sheet=repr(chosen))

    def close(self) -> None:
        if self._book is not None:
            self._book.close()
        if self._text is not None:
            self._text.detach()  # the binary stream is closed below, or is standard input
        if self.owned:
            self.stream.close()


def _delimiter(sample: str, given: str | None) -> tuple[str, str]:
    """The separator and how it was settled, in words."""
    if given is not None:
        sep = DELIMITER_NAMES.get(given.lower() if len(given) > 1 else given)
        if sep is None:
            raise PathfinderError(_("--delimiter {given}: expected comma, semicolon or tab (or , ; \\t)").format(
                given=repr(given)))
        return sep, _(GIVEN[sep])
    try:
        sep = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ",", _("comma-separated (the separator could not be told from the first lines, so a comma is "
                      "assumed; --delimiter says it outright)")
    return sep, _(DETECTED[sep])


def _typed(value: Any) -> str:
    """A workbook cell as the text a person typed: 4000 not 4000.0, a date as 2026-11-02 09:14."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return f"{value:.15g}"
    if isinstance(value, int):
        return str(value)
    import datetime as dt

    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if not value.second else "seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def open_source(path: str, fmt: str, stdin: IO[bytes] | None = None) -> Source:
    """Open FILE (or ``-`` for ``stdin``) and settle its format; PathfinderError if it cannot be read."""
    if fmt not in INPUT_FORMATS:
        raise PathfinderError(_("--input-format {format}: expected one of {formats}").format(
            format=repr(fmt), formats=", ".join(INPUT_FORMATS)))
    if path == "-":
        if stdin is None:
            raise PathfinderError(_("no standard input to read"))
        stream, label, size = stdin, _("standard input"), None
    else:
        import os
        from pathlib import Path

        from pathfinder.files import open_input

        label = path
        stream = open_input(Path(path), path)  # closed by Source.close
        size = os.fstat(stream.fileno()).st_size
    head: list[bytes] = []
    if fmt == "auto":
        fmt = suffix_format(path) if path != "-" else None  # type: ignore[assignment]
        if fmt is None:
            # Look at the first line with text; the lines read are given back to the reader.
            while True:
                line = _read_line(stream)
                head.append(line)
                if not line or line.strip(b" \t\r\n" + codecs.BOM_UTF8):
                    break
            fmt = content_format(head[-1])
    return Source(stream, fmt, label, size, head)


def _read_line(stream: IO[bytes]) -> bytes:
    """One binary line, at most MAX_LINE_BYTES + 1 long: a longer one is cut, and its rest skipped
    without being held, so the caller sees it is too long and memory stays flat."""
    line = stream.readline(MAX_LINE_BYTES + 1)
    if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
        while True:
            rest = stream.readline(MAX_LINE_BYTES)
            if not rest or rest.endswith(b"\n"):
                break
    return line


# --- JSON Lines --------------------------------------------------------------------------------------------------


def _lines(source: Source) -> Iterator[bytes]:
    yield from source._head
    while True:
        line = _read_line(source.stream)
        if not line:
            return
        yield line


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)


def _jsonl_records(source: Source) -> Iterator[Record]:
    for number, raw in enumerate(_lines(source), 1):
        source.consumed += len(raw)
        if len(raw) > MAX_LINE_BYTES:
            yield number, None, _("longer than {size} MB").format(size=MAX_LINE_BYTES // 1024 // 1024)
        else:
            yield number, raw, None


class _JsonReader:
    """Turns one JSON line into answers and the class's own columns (a key that is a question's id or title is an
    answer; any other key a column to carry, unless it looks like a mistyped question)."""

    def __init__(self, keep_unknown: bool) -> None:
        self.keep_unknown = keep_unknown
        self.known: dict[str, str | None] = {}  # key -> question id, or None for a column to carry

    def __call__(self, number: int, raw: bytes) -> Row | None:
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            return Row(number, None, _("not valid UTF-8 (byte {byte})").format(byte=exc.start + 1), {})
        if not text.strip():
            return None  # blank lines are allowed and skipped
        try:
            data = _DECODER.decode(text)
        except ValueError as exc:
            return Row(number, None, _("not valid JSON ({problem}); each line must hold one whole JSON object").format(
                problem=exc), {})
        except RecursionError:
            return Row(number, None, _("nested too deeply"), {})
        if not isinstance(data, dict):
            kind = {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(data), "number")
            return Row(number, None, _("expected a JSON object of question ids and answers, not a JSON {kind}").format(
                kind=kind), {})
        answers: dict[str, Any] = {}
        columns: dict[str, Any] = {}
        problem = None
        for key, value in data.items():
            question_id = self.known.get(key, "") if key not in QUESTIONS_BY_ID else key
            if question_id == "":
                question_id = self._learn(key)
                if question_id == "":
                    problem = problem or looks_like(key)
                    continue
            if question_id is None:
                columns[key] = value
            elif question_id in answers:
                problem = problem or _("{key}: a second answer for {question}").format(key=repr(key),
                                                                                       question=question_id)
            else:
                answers[question_id] = value
        if problem is not None:
            return Row(number, None, problem, columns, {k: _shown(v) for k, v in answers.items()})
        return Row(number, answers, None, columns)

    def _learn(self, key: str) -> str | None:
        """The question a key names, None to carry it, or "" for a near-miss of a question (an error)."""
        found = question_named(key)
        if found is None and not self.keep_unknown and close_match(key, cutoff=CLOSE) is not None:
            return ""
        self.known[key] = found
        return found


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


# --- tables: CSV and workbooks -----------------------------------------------------------------------------------


def _csv_rows(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Each CSV row with its line, or a problem's text in place of the cells (reading goes on after it)."""
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reader.line_num, ["\0" + _("not valid CSV ({problem})").format(problem=exc)]
            continue
        yield reader.line_num, cells


def _table_records(rows: Iterator[tuple[int, list[str]]], sheet: bool) -> Iterator[Record]:
    """The cells of every row after the header. Blank lines are skipped, and so are a sheet's empty rows; a CSV
    row of empty cells (",,") is a student who answered nothing, given the defaults."""
    for number, cells in rows:
        if len(cells) == 1 and cells[0].startswith("\0"):
            yield number, None, cells[0][1:]
        elif (len(cells) > 1 and not sheet) or any(cell.strip() for cell in cells):
            yield number, cells, None


class _TableReader:
    """Turns one row's cells into answers (a cell read as a typed answer is) and the class's own columns."""

    def __init__(self, plan: Plan, width: int, pad: bool = False) -> None:
        self.pad = pad  # a sheet leaves out the empty cells at a row's end: a short row is padded
        self.questions = [(c.position, c.question, c.header) for c in plan.columns if c.question is not None]
        self.carried = [(c.position, c.name) for c in plan.columns if c.question is None]
        self.width = width

    def __call__(self, number: int, cells: list[str]) -> Row:
        if len(cells) != self.width:
            if len(cells) > self.width and not any(c.strip() for c in cells[self.width:]):
                cells = cells[:self.width]  # a spreadsheet's empty cells past the header
            elif len(cells) < self.width and self.pad:
                cells = cells + [""] * (self.width - len(cells))
            else:
                own = {name: cells[index] if index < len(cells) else "" for index, name in self.carried}
                written = {q.id: cells[i] for i, q, _header in self.questions if i < len(cells)}
                return Row(number, None, ngettext("{count} cell, but the header has {columns} columns",
                                                  "{count} cells, but the header has {columns} columns",
                                                  len(cells)).format(count=len(cells), columns=self.width),
                           own, written)
        own = {name: cells[index] for index, name in self.carried}
        answers: dict[str, Any] = {}
        problems: list[str] = []
        for index, question, header in self.questions:
            text = cells[index].strip()
            if not text:
                continue  # no answer: the default
            try:
                answers[question.id] = read_text(question, text)
            except PathfinderError:
                problems.append(f"{_answer_name(question, header)}: {refusal(question, cells[index])}")
        if problems:
            return Row(number, None, "; ".join(problems), own, {q.id: cells[i] for i, q, _header in self.questions})
        return Row(number, answers, None, own)


def _answer_name(question: Question, header: str) -> str:
    """Which answer, in the form's words: the question's title, and the column's header where it differs."""
    if header_key(header) == header_key(question.title):
        return _(question.title)
    return f"{_(question.title)} ({header!r})"
