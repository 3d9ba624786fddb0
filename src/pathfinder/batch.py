"""Batch scoring for ``pathfinder score``: many answer sets in, one result a line out.

Input is JSON Lines (one answers object a line) or CSV with one column per question (named by
its id or title), the shape a form tool exports; a cell is read as a typed answer is. Everything
streams: a line is read, checked with the quiz's own validation, scored and written before the
next is read, so memory stays flat whatever the size of the input. A bad line is reported (with
its line number) and skipped.

Missing answers take the question's default, as ``quiz --defaults`` does: an empty CSV cell
or an id left out of a JSON object means "no answer". No terminal, no exit codes here: the
CLI turns the outcome into messages and an exit code.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any, NamedTuple

from pathfinder.answers import close_match, match_header, read_text
from pathfinder.errors import PathfinderError
from pathfinder.questions import QUESTIONS_BY_ID, Answer, Question, defaults, validate_answer

INPUT_FORMATS = ("auto", "jsonl", "csv")
OUTPUT_FORMATS = ("jsonl", "csv", "xlsx")
MAX_LINE_BYTES = 1024 * 1024  # a longer line is reported and skipped, never held in memory whole
CLOSE = 0.8  # how alike an unknown column's name must be to a question's id or title to be taken for a typo


class Row(NamedTuple):
    line: int  # the input's line number
    data: dict[str, Any] | None  # the answers as read (not yet checked), or None for a bad line
    problem: str | None
    columns: dict[str, Any]  # the class's own columns, carried through unchanged


@dataclass
class Outcome:
    """What a run did: counts, the first failing line, and the class summary."""

    scored: int = 0
    failed: int = 0
    first_failure: int | None = None
    stopped: bool = False  # --strict stopped at the first bad line
    tally: Counter[tuple[str, str]] = field(default_factory=Counter)  # (program name, clear|lean|toss-up|none)

    def summary(self) -> str:
        """What happened, in one line for standard error."""
        sets = "answer set" if self.scored == 1 else "answer sets"
        if self.stopped:
            return f"stopped at line {self.first_failure} (--strict); scored {self.scored:,} {sets} before it"
        if self.failed:
            lines = "line" if self.failed == 1 else "lines"
            return (f"scored {self.scored:,} {sets}; {self.failed:,} {lines} failed "
                    f"(the first at line {self.first_failure})")
        return f"scored {self.scored:,} {sets}"


# --- reading ------------------------------------------------------------------------------


def suffix_format(name: str) -> str | None:
    """The format a file name promises: .jsonl/.ndjson/.json -> jsonl, .csv -> csv, else None."""
    lowered = name.lower()
    if lowered.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if lowered.endswith(".csv"):
        return "csv"
    return None


def content_format(first_line: bytes) -> str:
    """JSON Lines when the first line with text starts with ``{``, else CSV."""
    text = first_line.lstrip(codecs.BOM_UTF8).lstrip()
    return "jsonl" if text.startswith(b"{") else "csv"


class Source:
    """An opened input: the binary stream, its format, and how far it has been read."""

    def __init__(self, stream: IO[bytes], fmt: str, label: str, size: int | None, head: list[bytes]) -> None:
        self.stream = stream
        self.format = fmt
        self.label = label
        self.size = size  # bytes, for a progress bar; None for standard input
        self._head = head  # lines already read to find the format, given back first
        self.consumed = 0  # bytes read so far, counted by the JSON Lines reader

    def position(self) -> int:
        if self.format == "csv":
            try:
                return self.stream.tell()
            except (OSError, ValueError):
                return 0
        return self.consumed

    def rows(self, keep_unknown: bool = False) -> Iterator[Row]:
        """Every row, with its answers as read and the class's own columns; a CSV header that cannot be read, or
        names a column that looks like a mistyped question, raises PathfinderError before any row."""
        if self.format == "jsonl":
            return _jsonl_rows(self, keep_unknown)
        return _csv_rows(self, keep_unknown)

    def close(self) -> None:
        if self.size is not None:
            self.stream.close()


def open_source(path: str, fmt: str, stdin: IO[bytes] | None = None) -> Source:
    """Open FILE (or ``-`` for ``stdin``) and settle its format; PathfinderError if it cannot be read."""
    if fmt not in INPUT_FORMATS:
        raise PathfinderError(f"--input-format {fmt!r}: expected one of {', '.join(INPUT_FORMATS)}")
    if path == "-":
        if stdin is None:
            raise PathfinderError("no standard input to read")
        stream, label, size = stdin, "standard input", None
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


def _jsonl_rows(source: Source, keep_unknown: bool) -> Iterator[Row]:
    decode = _DECODER.decode
    names = _JsonNames(keep_unknown)
    for number, raw in enumerate(_lines(source), 1):
        source.consumed += len(raw)
        if len(raw) > MAX_LINE_BYTES:
            yield Row(number, None, f"longer than {MAX_LINE_BYTES // 1024 // 1024} MB", {})
            continue
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Row(number, None, f"not valid UTF-8 (byte {exc.start + 1})", {})
            continue
        if not text.strip():
            continue  # blank lines are allowed and skipped
        try:
            data = decode(text)
        except ValueError as exc:
            yield Row(number, None, f"not valid JSON ({exc}); each line must hold one whole JSON object", {})
            continue
        except RecursionError:
            yield Row(number, None, "nested too deeply", {})
            continue
        if not isinstance(data, dict):
            kind = {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(data), "number")
            yield Row(number, None, f"expected a JSON object of question ids and answers, not a JSON {kind}", {})
            continue
        yield names.split(number, data)


class _JsonNames:
    """Sorts a JSON object's keys into answers (a question's id or title) and the class's own columns."""

    def __init__(self, keep_unknown: bool) -> None:
        self.keep_unknown = keep_unknown
        self.known: dict[str, str | None] = {}  # key -> question id, or None for a column to carry

    def split(self, number: int, data: dict[str, Any]) -> Row:
        answers: dict[str, Any] = {}
        columns: dict[str, Any] = {}
        for key, value in data.items():
            question_id = self.known.get(key, "") if key not in QUESTIONS_BY_ID else key
            if question_id == "":
                question_id = self._learn(key)
                if question_id == "":
                    close = close_match(key, cutoff=CLOSE)
                    return Row(number, None, f"{key!r}: no question has this id or title; did you mean {close!r}? "
                                             "(--keep-unknown carries it as a column of your own)", {})
            if question_id is None:
                columns[key] = value
            elif question_id in answers:
                return Row(number, None, f"{key!r}: a second answer for {question_id}", {})
            else:
                answers[question_id] = value
        return Row(number, answers, None, columns)

    def _learn(self, key: str) -> str | None:
        """The question a key names, None to carry it, or "" for a near-miss of a question (an error)."""
        from pathfinder.answers import question_named

        found = question_named(key)
        if found is None and not self.keep_unknown and close_match(key, cutoff=CLOSE) is not None:
            return ""
        self.known[key] = found
        return found


def _csv_rows(source: Source, keep_unknown: bool) -> Iterator[Row]:
    # Undecodable bytes become U+FFFD, so the cell holding them is refused as a bad value.
    head_text = [line.decode("utf-8-sig" if i == 0 else "utf-8", errors="replace")
                 for i, line in enumerate(source._head)]
    rest = io.TextIOWrapper(source.stream, encoding="utf-8-sig" if not head_text else "utf-8", errors="replace",
                            newline="")
    try:
        yield from _csv_records(csv.reader(itertools.chain(head_text, rest), strict=True), source.label, keep_unknown)
    finally:
        rest.detach()  # the Source owns the binary stream


def _csv_records(reader: Any, label: str, keep_unknown: bool) -> Iterator[Row]:
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise PathfinderError(f"{label}: line 1: not a CSV header ({exc})") from None
    while header is not None and not any(cell.strip() for cell in header):
        header = next(reader, None)  # blank lines before the header
    if header is None:
        return
    columns, carried = _header(header, label, reader.line_num, keep_unknown)
    width = len(header)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Row(reader.line_num, None, f"not valid CSV ({exc})", {})
            continue
        if not cells or (len(cells) == 1 and not cells[0].strip()):
            continue  # blank line
        if len(cells) != width:
            yield Row(reader.line_num, None, f"{len(cells)} cells, but the header has {width} columns", {})
            continue
        own = {name: cells[index] for index, name in carried}
        answers: dict[str, Any] = {}
        problems: list[str] = []
        for index, question in columns.items():
            text = cells[index].strip()
            if not text:
                continue  # no answer: the default
            try:
                answers[question.id] = read_text(question, text)
            except PathfinderError as exc:
                problems.append(exc.message)
        if problems:
            yield Row(reader.line_num, None, "; ".join(problems), own)
            continue
        yield Row(reader.line_num, answers, None, own)


def _header(cells: list[str], label: str, line: int, keep_unknown: bool) -> tuple[dict[int, Question],
                                                                                  list[tuple[int, str]]]:
    """The question each column answers, and the class's own columns to carry (index, name), in order.

    A column whose name is close to a question's id or title is taken for a typo and refused, with its
    suggestion, unless ``keep_unknown``; a column with no name is carried as "column N".
    """
    matched = match_header(cells)
    problems = [p for p in matched.problems if "has no name" not in p]
    carried: list[tuple[int, str]] = []
    used: set[str] = set()
    for index, cell in enumerate(cells):
        if index in matched.columns:
            continue
        name = cell.strip()
        close = close_match(name, cutoff=CLOSE) if name else None
        if close is not None and not keep_unknown:
            problems.append(f"{name!r}: no question has this id or title; did you mean {close!r}? "
                            "(--keep-unknown carries it as a column of your own)")
            continue
        shown = name or f"column {index + 1}"
        while shown in used:
            shown += "'"
        used.add(shown)
        carried.append((index, shown))
    if problems:
        raise PathfinderError(f"{label}: line {line}: the header does not name the questions as expected "
                              "(pathfinder questions lists their ids and titles)", problems)
    return matched.columns, carried


# --- scoring ------------------------------------------------------------------------------


def checked(data: Mapping[str, Any], base: dict[str, Answer]) -> dict[str, Answer]:
    """Answers as read, checked exactly as the quiz checks them, on top of the defaults; PathfinderError
    lists every problem. A choice already in its allowed values is taken at once (the common case)."""
    answers = dict(base)
    problems: list[str] = []
    for key, value in data.items():
        question = QUESTIONS_BY_ID[key]
        if question.kind == "choice":
            if (value is None or isinstance(value, str)) and value in question.values:
                answers[key] = value
                continue
        elif type(value) is int and question.minimum is not None and question.maximum is not None \
                and question.minimum <= value <= question.maximum:
            answers[key] = value  # a whole number in range: what the quiz would keep (the common case)
            continue
        try:
            answers[key] = validate_answer(question, value)
        except PathfinderError as exc:
            problems.append(exc.message)
    if problems:
        raise PathfinderError("; ".join(problems))
    return answers


class Progress:
    """Calls ``report(position)`` at most ten times a second, so a bar moves without slowing the run."""

    def __init__(self, source: Source, report: Callable[[int], None] | None) -> None:
        self.source = source
        self.report = report
        self.next = 0.0

    def tick(self, count: int) -> None:
        if self.report is not None and count % 64 == 0:
            now = time.monotonic()
            if now >= self.next:
                self.next = now + 0.1
                self.report(self.source.position())

    def done(self) -> None:
        if self.report is not None:
            self.report(self.source.position())


def run(source: Source, catalog: Any, writer: Any, *, strict: bool = False, full: bool = False,
        keep_unknown: bool = False, on_problem: Callable[[int, str], None],
        on_progress: Callable[[int], None] | None = None) -> Outcome:
    """Score every row of ``source`` and hand each result to ``writer`` as it goes.

    The writer (``sheets.JsonLines``, ``sheets.Table`` or ``sheets.Workbook``) gets the line number, the class's
    own columns, the answers and the typed ranking; with ``full`` it gets the whole advice too (much slower:
    each answer set is re-ranked many times to find what would change). ``on_problem(line, message)`` hears
    about each bad line. With ``strict`` the run stops at the first bad line.
    """
    from pathfinder.advice import advise
    from pathfinder.scoring import Scorer

    scorer = Scorer(catalog)  # one for the whole run: what depends on the catalog alone is worked out once
    base = defaults()
    outcome = Outcome()
    progress = Progress(source, on_progress)
    for count, row in enumerate(source.rows(keep_unknown), 1):
        progress.tick(count)
        problem = row.problem
        if problem is None:
            try:
                answers = checked(row.data or {}, base)
            except PathfinderError as exc:
                problem = exc.message
        if problem is not None:
            outcome.failed += 1
            if outcome.first_failure is None:
                outcome.first_failure = row.line
            on_problem(row.line, problem)
            if strict:
                outcome.stopped = True
                break
            continue
        ranking = scorer.rank(answers)
        advice = advise(answers, catalog, scorer=scorer) if full else None
        writer.write(row.line, row.columns, answers, ranking, advice)
        outcome.scored += 1
        outcome.tally[(ranking.first.program.name, ranking.confidence if ranking.fits else "none")] += 1
    progress.done()
    return outcome
