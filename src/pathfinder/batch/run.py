"""Batch scoring for ``pathfinder score``: many answer sets in, one result a line out.

Input is JSON Lines (one answers object a line), or a CSV or .xlsx table with one column per question (named
by its id, title, prompt or the words people use for it), the shape a form tool exports; a cell is read as a
typed answer is, and columns that are not questions are carried through. Everything streams, a chunk of lines
at a time: this process reads the lines, the lines are checked with the quiz's own validation, scored and laid
out (here, or for a long input in helper processes), and written in input order before more is read, so memory
stays flat whatever the size of the input. A row that cannot be scored is reported (by its line and the
student's name) and written with its error, so every student is accounted for. Reading class files is
``pathfinder.batch.read``.

Missing answers take the question's default, as ``quiz --defaults`` does: an empty CSV cell
or an id left out of a JSON object means "no answer". No terminal, no exit codes here: the
CLI turns the outcome into messages and an exit code.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pathfinder.batch.read import Plan, Reader, Record, Source, open_source, who
from pathfinder.core.questions import QUESTIONS, QUESTIONS_BY_ID, Answer, defaults, kept_as_is, validate_answer
from pathfinder.errors import PathfinderError, Stopped
from pathfinder.i18n import _, ngettext

__all__ = ["Outcome", "Plan", "Source", "open_source", "plan_lines", "problem_line", "progress_label", "run"]


@dataclass
class Outcome:
    """What a run did: counts, the first failing line, and the class summary."""

    scored: int = 0
    failed: int = 0  # rows that could not be scored (each written with its error)
    first_failure: int | None = None
    stopped: bool = False  # --strict stopped at the first row that could not be scored
    tally: Counter[tuple[str, str]] = field(default_factory=Counter)  # (program name, clear|lean|toss-up|none)

    def summary(self, wrote: str | None = None) -> str:
        """What happened, in one line for standard error (ending with the file ``wrote`` to, if any)."""
        values = {"scored": f"{self.scored:,}", "failed": f"{self.failed:,}", "first": self.first_failure}
        if self.stopped:
            line = ngettext("stopped at line {first} (--strict), which could not be scored; scored {scored} answer "
                            "set before it",
                            "stopped at line {first} (--strict), which could not be scored; scored {scored} answer "
                            "sets before it", self.scored).format(**values)
        elif self.failed:
            line = ngettext("scored {scored} answer set", "scored {scored} answer sets", self.scored).format(**values)
            line = ngettext("{scored}; {failed} row could not be scored (the first at line {first}), written with its "
                            "error",
                            "{scored}; {failed} rows could not be scored (the first at line {first}), each written "
                            "with its error", self.failed).format(**{**values, "scored": line})
        else:
            line = ngettext("scored {scored} answer set", "scored {scored} answer sets", self.scored).format(**values)
        return line if wrote is None else _("{summary}; wrote {file}").format(summary=line, file=wrote)


def problem_line(label: str, line: int, who: str, message: str) -> str:
    """A row that could not be scored, for standard error: where it is, whose it is, and what is wrong."""
    if who:
        return _("{label} line {line} ({who}): {problem}").format(label=label, line=line, who=who, problem=message)
    return _("{label} line {line}: {problem}").format(label=label, line=line, problem=message)


def plan_lines(label: str, plan: Plan) -> str:
    """How a table's header was read, for standard error: its layout, then each column and what it was read as."""
    head = _("{label}: {layout}; the header on line {line} was read as:").format(label=label, layout=plan.layout,
                                                                               line=plan.line)
    return "\n".join([head, *plan.report()])


def progress_label(label: str) -> str:
    """The progress bar's words while a file is scored."""
    return _("Scoring {label}").format(label=label)


# --- scoring ------------------------------------------------------------------------------


def checked(data: Mapping[str, Any], base: dict[str, Answer]) -> dict[str, Answer]:
    """Answers as read, checked exactly as the quiz checks them, on top of the defaults; PathfinderError
    lists every problem. What the quiz keeps as it is (``kept_as_is``, the same rule) is taken at once."""
    answers = dict(base)
    problems: list[str] = []
    for key, value in data.items():
        question = QUESTIONS_BY_ID[key]
        if kept_as_is(question, value):
            answers[key] = value
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
    """A piece of a scored chunk: a run of scored rows (joined by the writer), or one row that could not be scored
    (laid out with its error)."""

    rows: int  # scored rows in the run (0 for a row that could not be scored)
    payload: Any  # the run as ``writer.join`` joins it
    tally: Counter[tuple[str, str]]  # the run's (program name, clear|lean|toss-up|none) counts
    line: int = 0  # a bad line's number
    problem: str = ""  # and what is wrong with it
    who: str = ""  # the student, by the class's own columns (a name, an email or an id), for messages


class Job:
    """Turns records into what a writer writes: in this process, or in helper processes (which inherit it).

    ``writer.encode`` lays out one scored row (line number, the class's own columns, the answers, the typed
    ranking, and with ``full`` the whole advice), ``writer.encode_error`` a row that cannot be scored (its
    columns, what its answers said and why), and ``writer.join`` a run of them; ``writer.emit`` (in this process)
    writes a run.
    """

    def __init__(self, reader: Reader, catalog: Any, writer: Any, full: bool) -> None:
        from pathfinder.core.scoring import Scorer

        self.reader = reader
        self.catalog = catalog
        self.scorer = Scorer(catalog)  # one for the run: what depends on the catalog alone is worked out once
        self.encode = writer.encode
        self.encode_error = writer.encode_error
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
                columns = row.columns if row is not None else {}
                written = row.written if row is not None else {}
                payload = self.join([self.encode_error(number, columns, written, problem)])
                parts.append(Part(0, payload, Counter(), number, problem, who(columns)))
                continue
            ranking = self.scorer.rank(answers)
            advice = advise(answers, self.catalog, scorer=self.scorer) if self.full else None
            run.append(self.encode(number, row.columns, answers, ranking, advice))  # type: ignore[union-attr]
            tally[ranking.first.program.name, ranking.confidence] += 1
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
        keep_unknown: bool = False, maps: dict[str, Any] | None = None, delimiter: str | None = None,
        sheet: str | None = None, on_problem: Callable[[int, str, str], None],
        on_plan: Callable[[Plan], None] | None = None, on_progress: Callable[[int], None] | None = None,
        helpers: int | None = None) -> Outcome:
    """Score every record of ``source`` and hand each result to ``writer`` in input order, as it goes.

    ``on_plan`` hears how a table's header was read before any row is scored. Every row is written: a row that
    cannot be scored as a row with its error. The first chunk is scored here; the rest, once there is more than
    one chunk left and the writer's layout is settled (``writer.settled``), by helper processes (``helpers``, by
    default ``helpers_available()``), each at most two chunks ahead of the writing, so memory stays flat. The
    output is the same either way. ``on_problem(line, who, message)`` hears about each row that cannot be
    scored, in order; with ``strict`` the run stops at the first.
    """
    records, reader, plan = source.open(keep_unknown, maps, delimiter, sheet)
    if plan is not None:
        if on_plan is not None:
            on_plan(plan)
        writer.start(plan.carried, plan.questions)
    else:
        writer.start(None, list(QUESTIONS))
    job = Job(reader, catalog, writer, full)
    outcome = Outcome()
    progress = Progress(source, on_progress)
    chunks = _chunks(records, FULL_CHUNK if full else CHUNK)

    def handle(parts: list[Part]) -> bool:
        for part in parts:
            writer.emit(part.payload)
            if part.rows:
                outcome.scored += part.rows
                outcome.tally.update(part.tally)
                continue
            outcome.failed += 1
            if outcome.first_failure is None:
                outcome.first_failure = part.line
            on_problem(part.line, part.who, part.problem)
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
        raise Stopped(_("a helper process scoring the lines stopped unexpectedly (out of memory?), so the run "
                        "stopped")) from None
    finally:
        # A normal end waits for the helpers to exit; an interruption leaves them to finish the chunk in hand.
        helpers.shutdown(wait=finished, cancel_futures=True)
        _JOB = None
