"""Batch scoring for ``pathfinder score``: many answer sets in, one result a line out.

Input is JSON Lines (one answers object a line) or CSV with one column per question (named by its id, title
or prompt), the shape a form tool exports; a cell is read as a typed answer is, and columns that are not
questions are carried through. Everything streams, a chunk of lines at a time: this process reads the lines,
the lines are checked with the quiz's own validation, scored and laid out (here, or for a long input in
helper processes), and written in input order before more is read, so memory stays flat whatever the size of
the input. A bad line is reported (with its line number) and skipped.

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

from pathfinder.core.answers import close_match, match_header, read_text
from pathfinder.core.questions import QUESTIONS_BY_ID, Answer, Question, defaults, validate_answer
from pathfinder.errors import PathfinderError, Stopped

INPUT_FORMATS = ("auto", "jsonl", "csv")
OUTPUT_FORMATS = ("jsonl", "csv", "xlsx")
MAX_LINE_BYTES = 1024 * 1024  # a longer line is reported and skipped, never held in memory whole
CLOSE = 0.8  # how alike an unknown column's name must be to a question's id or title to be taken for a typo


Record = tuple[int, Any, "str | None"]  # line number, what was read (a JSON line, a CSV row's cells), or a problem


Reader = Callable[[int, Any], "Row | None"]  # a record's line number and what was read -> a row (None: blank)


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
        self._text: io.TextIOWrapper | None = None  # a CSV's text
        self.csv: Any = None  # a CSV's reader

    def position(self) -> int:
        if self.format == "csv":
            try:
                return self.stream.tell()
            except (OSError, ValueError):
                return 0
        return self.consumed

    def open(self, keep_unknown: bool = False) -> tuple[Iterator[Record], Reader]:
        """The records to read (in this process) and what turns one into a row (in any process). A CSV header
        that cannot be read, or names a column that looks like a mistyped question, raises PathfinderError
        before any row."""
        if self.format == "jsonl":
            return _jsonl_records(self), _JsonReader(keep_unknown)
        # Undecodable bytes become U+FFFD, so the cell holding them is refused as a bad value.
        head = [line.decode("utf-8-sig" if i == 0 else "utf-8", errors="replace") for i, line in enumerate(self._head)]
        self._text = io.TextIOWrapper(self.stream, encoding="utf-8" if head else "utf-8-sig", errors="replace",
                                      newline="")
        self.csv = csv.reader(itertools.chain(head, self._text), strict=True)
        try:
            header = next(self.csv, None)
            while header is not None and not any(cell.strip() for cell in header):
                header = next(self.csv, None)  # blank lines before the header
        except csv.Error as exc:
            raise PathfinderError(f"{self.label}: line {self.csv.line_num}: not a CSV header ({exc})") from None
        if header is None:
            return iter(()), _CsvReader({}, [], 0)
        questions, carried = _header(header, self.label, self.csv.line_num, keep_unknown)
        return _csv_records(self), _CsvReader(questions, carried, len(header))

    def close(self) -> None:
        if self._text is not None:
            self._text.detach()  # the binary stream is closed below, or is standard input
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


def _jsonl_records(source: Source) -> Iterator[Record]:
    for number, raw in enumerate(_lines(source), 1):
        source.consumed += len(raw)
        if len(raw) > MAX_LINE_BYTES:
            yield number, None, f"longer than {MAX_LINE_BYTES // 1024 // 1024} MB"
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
            return Row(number, None, f"not valid UTF-8 (byte {exc.start + 1})", {})
        if not text.strip():
            return None  # blank lines are allowed and skipped
        try:
            data = _DECODER.decode(text)
        except ValueError as exc:
            return Row(number, None, f"not valid JSON ({exc}); each line must hold one whole JSON object", {})
        except RecursionError:
            return Row(number, None, "nested too deeply", {})
        if not isinstance(data, dict):
            kind = {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(data), "number")
            return Row(number, None, f"expected a JSON object of question ids and answers, not a JSON {kind}", {})
        answers: dict[str, Any] = {}
        columns: dict[str, Any] = {}
        for key, value in data.items():
            question_id = self.known.get(key, "") if key not in QUESTIONS_BY_ID else key
            if question_id == "":
                question_id = self._learn(key)
                if question_id == "":
                    return Row(number, None, _looks_like(key), {})
            if question_id is None:
                columns[key] = value
            elif question_id in answers:
                return Row(number, None, f"{key!r}: a second answer for {question_id}", {})
            else:
                answers[question_id] = value
        return Row(number, answers, None, columns)

    def _learn(self, key: str) -> str | None:
        """The question a key names, None to carry it, or "" for a near-miss of a question (an error)."""
        from pathfinder.core.answers import question_named

        found = question_named(key)
        if found is None and not self.keep_unknown and close_match(key, cutoff=CLOSE) is not None:
            return ""
        self.known[key] = found
        return found


def _csv_records(source: Source) -> Iterator[Record]:
    """The cells of every CSV row after the header (which ``Source.open`` has read)."""
    assert source.csv is not None
    reader = source.csv
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reader.line_num, None, f"not valid CSV ({exc})"
            continue
        if cells and (len(cells) > 1 or cells[0].strip()):  # blank lines are skipped
            yield reader.line_num, cells, None


class _CsvReader:
    """Turns one CSV row's cells into answers (a cell read as a typed answer is) and the class's own columns."""

    def __init__(self, questions: dict[int, Question], carried: list[tuple[int, str]], width: int) -> None:
        self.questions = questions
        self.carried = carried
        self.width = width

    def __call__(self, number: int, cells: list[str]) -> Row:
        if len(cells) != self.width:
            return Row(number, None, f"{len(cells)} cells, but the header has {self.width} columns", {})
        own = {name: cells[index] for index, name in self.carried}
        answers: dict[str, Any] = {}
        problems: list[str] = []
        for index, question in self.questions.items():
            text = cells[index].strip()
            if not text:
                continue  # no answer: the default
            try:
                answers[question.id] = read_text(question, text)
            except PathfinderError as exc:
                problems.append(exc.message)
        if problems:
            return Row(number, None, "; ".join(problems), own)
        return Row(number, answers, None, own)


def _looks_like(name: str) -> str:
    """The message for a column or key whose name is close to a question's id or title."""
    close = close_match(name, cutoff=CLOSE)
    question = QUESTIONS_BY_ID[close] if close is not None else None
    also = f" ({question.title})" if question is not None and question.title.lower() != name.lower() else ""
    return (f"{name!r}: no question has this id or title; did you mean {close!r}{also}? "
            "(--keep-unknown carries it as a column of your own)")


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
        if name and not keep_unknown and close_match(name, cutoff=CLOSE) is not None:
            problems.append(_looks_like(name))
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

    def tick(self) -> None:
        if self.report is not None:
            now = time.monotonic()
            if now >= self.next:
                self.next = now + 0.1
                self.report(self.source.position())

    def done(self) -> None:
        if self.report is not None:
            self.report(self.source.position())


CHUNK = 500  # records scored together: the unit of work handed to a helper process
FULL_CHUNK = 50  # the same with --full, whose lines take ten times as long


class Part(NamedTuple):
    """A piece of a scored chunk: a run of good rows (joined by the writer), or one bad line."""

    rows: int  # rows in the run (0 for a bad line)
    payload: Any  # the run as ``writer.join`` joins it
    tally: Counter[tuple[str, str]]  # the run's (program name, clear|lean|toss-up|none) counts
    line: int = 0  # a bad line's number
    problem: str = ""  # and what is wrong with it


class Job:
    """Turns records into what a writer writes: in this process, or in helper processes (which inherit it).

    ``writer.encode`` lays out one scored row (line number, the class's own columns, the answers, the typed
    ranking, and with ``full`` the whole advice) and ``writer.join`` a run of them; ``writer.emit`` (in this
    process) writes a run.
    """

    def __init__(self, reader: Reader, catalog: Any, writer: Any, full: bool) -> None:
        from pathfinder.core.scoring import Scorer

        self.reader = reader
        self.catalog = catalog
        self.scorer = Scorer(catalog)  # one for the run: what depends on the catalog alone is worked out once
        self.encode = writer.encode
        self.join = writer.join
        self.full = full
        self.base = defaults()

    def __call__(self, records: list[Record]) -> list[Part]:
        from pathfinder.core.advice import advise

        parts: list[Part] = []
        run: list[Any] = []
        tally: Counter[tuple[str, str]] = Counter()
        for number, read, problem in records:
            row = None if problem is not None else self.reader(number, read)
            if problem is None:
                if row is None:
                    continue  # a blank line
                problem = row.problem
            if problem is None:
                try:
                    answers = checked(row.data or {}, self.base)  # type: ignore[union-attr]
                except PathfinderError as exc:
                    problem = exc.message
            if problem is not None:
                if run:
                    parts.append(Part(len(run), self.join(run), tally))
                    run, tally = [], Counter()
                parts.append(Part(0, None, Counter(), number, problem))
                continue
            ranking = self.scorer.rank(answers)
            advice = advise(answers, self.catalog, scorer=self.scorer) if self.full else None
            run.append(self.encode(number, row.columns, answers, ranking, advice))  # type: ignore[union-attr]
            tally[ranking.first.program.name, ranking.confidence if ranking.fits else "none"] += 1
        if run:
            parts.append(Part(len(run), self.join(run), tally))
        return parts


_JOB: Job | None = None  # the job a helper process runs: set before the helpers start, and inherited by them


def _work(records: list[Record]) -> list[Part]:
    assert _JOB is not None
    return _JOB(records)


def _helper_starts() -> None:
    """A helper ignores Ctrl-C and SIGTERM's handler: the main process stops it and reports the interruption.
    If the main process itself is killed (SIGKILL, or the system out of memory), the helper exits on its own
    within a second instead of waiting for work for ever."""
    import os
    import signal
    import threading
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


MAX_HELPERS = 4


def helpers_worth_starting(cores: int, load: float) -> int:
    """How many helper processes pay on a machine with ``cores`` usable cores and ``load`` processes already
    running or waiting (the load average): one per idle core, at most MAX_HELPERS, and none unless two or more
    cores are idle. A helper on a busy core only takes turns with the process already there, and the extra
    work of handing chunks to it and back then makes the run slower than scoring in one process."""
    idle = int(cores - max(load, 0.0))
    return min(idle, MAX_HELPERS) if idle >= 2 else 0


def helpers_available() -> int:
    """How many helper processes a long run should use now, on this machine: ``helpers_worth_starting`` with
    the cores this process may run on and the last minute's load average; none where processes cannot be
    forked."""
    import multiprocessing
    import os

    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average here: assume the machine is busy
        load = float(cores)
    return helpers_worth_starting(cores, load)


def _chunks(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    while chunk := list(itertools.islice(records, size)):
        yield chunk


def run(source: Source, catalog: Any, writer: Any, *, strict: bool = False, full: bool = False,
        keep_unknown: bool = False, on_problem: Callable[[int, str], None],
        on_progress: Callable[[int], None] | None = None, helpers: int | None = None) -> Outcome:
    """Score every record of ``source`` and hand each result to ``writer`` in input order, as it goes.

    The first chunk is scored here; the rest, once there is more than one chunk left and the writer's layout is
    settled (``writer.settled``: a table's columns are the first row's), by helper processes (``helpers``, by
    default ``helpers_available()``), each at most two chunks ahead of the writing, so memory stays flat. The
    output is the same either way. ``on_problem(line, message)`` hears about each bad line, in order; with
    ``strict`` the run stops at the first.
    """
    records, reader = source.open(keep_unknown)
    job = Job(reader, catalog, writer, full)
    outcome = Outcome()
    progress = Progress(source, on_progress)
    chunks = _chunks(records, FULL_CHUNK if full else CHUNK)

    def handle(parts: list[Part]) -> bool:
        for part in parts:
            if part.rows:
                writer.emit(part.payload)
                outcome.scored += part.rows
                outcome.tally.update(part.tally)
                continue
            outcome.failed += 1
            if outcome.first_failure is None:
                outcome.first_failure = part.line
            on_problem(part.line, part.problem)
            if strict:
                outcome.stopped = True
                return False
        progress.tick()
        return True

    count = helpers_available() if helpers is None else helpers
    for chunk in chunks:
        if not handle(job(chunk)):
            break
        if count >= 2 and writer.settled:
            ahead = list(itertools.islice(chunks, 2))
            rest = itertools.chain(ahead, chunks)
            if len(ahead) < 2:  # a short input: not worth starting helpers
                all(handle(job(chunk)) for chunk in rest)
            else:
                _in_helpers(job, rest, handle, count)
            break
    progress.done()
    return outcome


def _in_helpers(job: Job, chunks: Iterator[list[Record]], handle: Callable[[list[Part]], bool], count: int) -> None:
    """Score the chunks in ``count`` helper processes, handling their results in input order. A helper that dies
    (the system ran out of memory, say) ends the run with an error instead of leaving it waiting."""
    global _JOB
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    _JOB = job
    helpers = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"), initializer=_helper_starts)
    finished = False
    try:
        pending: deque[Future[list[Part]]] = deque()
        for chunk in chunks:
            pending.append(helpers.submit(_work, chunk))
            if len(pending) >= 2 * count and not handle(pending.popleft().result()):
                break
        else:
            while pending and handle(pending.popleft().result()):
                pass
        finished = True
    except BrokenProcessPool:
        raise Stopped("a helper process scoring the lines stopped unexpectedly (out of memory?), so the run "
                      "stopped") from None
    finally:
        # A normal end waits for the helpers to exit; an interruption leaves them to finish the chunk in hand.
        helpers.shutdown(wait=finished, cancel_futures=True)
        _JOB = None
