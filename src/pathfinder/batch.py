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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from pathfinder.answers import close_match, match_header, read_text
from pathfinder.errors import PathfinderError
from pathfinder.questions import Question, defaults, validate_answers

INPUT_FORMATS = ("auto", "jsonl", "csv")
OUTPUT_FORMATS = ("jsonl", "csv")
CSV_COLUMNS = ("line", "program_id", "pathway", "score", "confidence", "margin", "runner_up", "runner_up_score")
MAX_LINE_BYTES = 1024 * 1024  # a longer line is reported and skipped, never held in memory whole
WRITE_CHUNK = 64 * 1024
PROGRESS_EVERY = 500  # rows between progress reports

Row = tuple[int, "dict[str, Any] | None", "str | None"]  # line number, answers or None, problem or None


@dataclass
class Outcome:
    """What a run did: counts, and the first failing line (for the summary)."""

    scored: int = 0
    failed: int = 0
    first_failure: int | None = None
    stopped: bool = False  # --strict stopped at the first bad line

    def summary(self) -> str:
        """What happened, in one line for standard error."""
        sets = "answer set" if self.scored == 1 else "answer sets"
        if self.stopped:
            return f"stopped at line {self.first_failure} (--strict); scored {self.scored:,} {sets} before it"
        if self.failed:
            lines = "line" if self.failed == 1 else "lines"
            return f"scored {self.scored:,} {sets}; {self.failed:,} {lines} failed (the first at line {self.first_failure})"
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

    def rows(self) -> Iterator[Row]:
        return _jsonl_rows(self) if self.format == "jsonl" else _csv_rows(self)

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


def _jsonl_rows(source: Source) -> Iterator[Row]:
    decode = _DECODER.decode
    for number, raw in enumerate(_lines(source), 1):
        source.consumed += len(raw)
        if len(raw) > MAX_LINE_BYTES:
            yield number, None, f"longer than {MAX_LINE_BYTES // 1024 // 1024} MB"
            continue
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield number, None, f"not valid UTF-8 (byte {exc.start + 1})"
            continue
        if not text.strip():
            continue  # blank lines are allowed and skipped
        try:
            data = decode(text)
        except ValueError as exc:
            yield number, None, f"not valid JSON ({exc}); each line must hold one whole JSON object"
            continue
        except RecursionError:
            yield number, None, "nested too deeply"
            continue
        if not isinstance(data, dict):
            kind = {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(data), "number")
            yield number, None, f"expected a JSON object of question ids and answers, not a JSON {kind}"
            continue
        yield number, data, None


def _csv_rows(source: Source) -> Iterator[Row]:
    # Undecodable bytes become U+FFFD, so the cell holding them is refused as a bad value.
    head_text = [line.decode("utf-8-sig" if i == 0 else "utf-8", errors="replace") for i, line in enumerate(source._head)]
    rest = io.TextIOWrapper(source.stream, encoding="utf-8-sig" if not head_text else "utf-8", errors="replace", newline="")
    try:
        yield from _csv_records(csv.reader(itertools.chain(head_text, rest), strict=True), source.label)
    finally:
        rest.detach()  # the Source owns the binary stream


def _csv_records(reader: Any, label: str) -> Iterator[Row]:
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise PathfinderError(f"{label}: line 1: not a CSV header ({exc})") from None
    while header is not None and not any(cell.strip() for cell in header):
        header = next(reader, None)  # blank lines before the header
    if header is None:
        return
    columns = _header(header, label, reader.line_num)
    width = len(header)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reader.line_num, None, f"not valid CSV ({exc})"
            continue
        if not cells or (len(cells) == 1 and not cells[0].strip()):
            continue  # blank line
        if len(cells) != width:
            yield reader.line_num, None, f"{len(cells)} cells, but the header has {width} columns"
            continue
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
            yield reader.line_num, None, "; ".join(problems)
            continue
        yield reader.line_num, answers, None


def _header(cells: list[str], label: str, line: int) -> dict[int, Question]:
    """The question each column answers; PathfinderError if a column is unnamed, unknown or repeated."""
    columns, unknown, problems = match_header(cells)
    for index in unknown:
        name = cells[index].strip()
        close = close_match(name)
        hint = f"; did you mean {close!r}?" if close else "; pathfinder questions lists the ids and titles"
        problems.append(f"{name!r}: no question has this id or title{hint}")
    if problems:
        raise PathfinderError(f"{label}: line {line}: the header must name a question (its id or title) "
                              "in every column", problems)
    return columns


# --- scoring and writing -----------------------------------------------------------------


def run(source: Source, catalog: Any, out: IO[bytes], *, output_format: str = "jsonl", strict: bool = False,
        full: bool = False, on_problem: Callable[[int, str], None],
        on_progress: Callable[[int], None] | None = None) -> Outcome:
    """Score every row of ``source`` and write one result a line to ``out`` as it goes.

    Each result is the scoring result ``quiz --json`` prints; ``full`` adds the quiz's
    projection, what-would-change and two-step path too (much slower: each answer set is
    re-scored many times to find what would change). ``on_problem(line, message)`` hears
    about each bad line; ``on_progress(bytes_read)`` is called every few hundred rows.
    With ``strict`` the run stops at the first bad line.
    """
    from pathfinder.advice import advise, result
    from pathfinder.scoring import Scorer

    scorer = Scorer(catalog)  # one for the whole run: what repeats between answer sets is worked out once

    def evaluate(answers: dict[str, Any]) -> bytes:
        # The JSON of the scoring result (what ``quiz --json`` prints), without building its models;
        # with ``full``, the quiz's whole advice.
        if full:
            return advise(answers, catalog, scorer=scorer).model_dump_json().encode()
        return result(answers, catalog, scorer).model_dump_json().encode()

    if output_format not in OUTPUT_FORMATS:
        raise PathfinderError(f"--format {output_format!r}: expected one of {', '.join(OUTPUT_FORMATS)}")
    base = defaults()
    outcome = Outcome()
    chunk: list[bytes] = []
    size = 0
    # The CSV header is written with the first row (or at the end), so a run that cannot
    # start (a bad CSV header, say) writes nothing at all.
    header = ",".join(CSV_COLUMNS).encode() + b"\n" if output_format == "csv" else b""
    try:
        for count, (line, data, problem) in enumerate(source.rows(), 1):
            if on_progress is not None and count % PROGRESS_EVERY == 0:
                on_progress(source.position())
            if problem is None:
                try:
                    answers = {**base, **validate_answers(data)}  # type: ignore[arg-type]
                except PathfinderError as exc:
                    problem = "; ".join(exc.lines) if exc.lines else exc.message
            if problem is not None:
                outcome.failed += 1
                if outcome.first_failure is None:
                    outcome.first_failure = line
                on_problem(line, problem)
                if strict:
                    outcome.stopped = True
                    break
                continue
            if output_format == "jsonl":
                # The line number goes first, so results can be matched to input when lines are skipped.
                encoded = b'{"line":%d,' % line + evaluate(answers)[1:] + b"\n"
            else:
                encoded = _csv_line(line, result(answers, catalog, scorer).model_dump())
            if header:
                chunk.append(header)
                header = b""
            chunk.append(encoded)
            size += len(encoded)
            outcome.scored += 1
            if size >= WRITE_CHUNK:
                out.write(b"".join(chunk))
                chunk.clear()
                size = 0
        chunk.append(header)
    finally:
        if chunk:
            out.write(b"".join(chunk))
        out.flush()
    if on_progress is not None:
        on_progress(source.position())
    return outcome


def _csv_line(line: int, result: dict[str, Any]) -> bytes:
    """One CSV row; every field is an id (``[a-z0-9_-]``), a word or a number, so none needs quoting."""
    rec = result["recommendation"]
    runner = result["ranking"][1] if len(result["ranking"]) > 1 else None
    fields = (
        str(line), rec["program_id"], rec["pathway"], repr(rec["score"]), rec["confidence"],
        "" if rec["margin"] is None else repr(rec["margin"]),
        "" if runner is None else runner["program_id"], "" if runner is None else repr(runner["score"]),
    )
    return (",".join(fields) + "\n").encode()
