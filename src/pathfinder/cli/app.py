"""The command line: parse options, call the core, pick a layout. Each command reads like its help text.

Exit codes (one place, ``exit_for``): 0 done; 2 bad input or usage; 1 a row ``score`` could not score, a closed
pipe or an unexpected error; 130 interrupted; 143 terminated. Heavy modules (pydantic, rich, questionary)
are imported inside the commands that need them, so ``--version`` and ``--help`` start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, NoReturn

import typer

from pathfinder import __version__
from pathfinder.cli.help import LazyCommandsRegistry, PlainGroup
from pathfinder.core.limits import DEFAULT_YEARS, MAX_PART_TIME_INCOME_USD, MAX_YEARS
from pathfinder.i18n import N_, _
from pathfinder.layouts import registry

if TYPE_CHECKING:
    from rich.console import Console

    from pathfinder.core.programs import Catalog
    from pathfinder.core.result import Result

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

# Typer's Rich help would import rich, markdown and pygments just to print it: plain help instead.
_SETTINGS: dict[str, Any] = {"add_completion": False, "rich_markup_mode": None, "pretty_exceptions_enable": False,
                             "context_settings": {"help_option_names": ["-h", "--help"]}}
commands = LazyCommandsRegistry(**_SETTINGS)  # each command is built only when it runs (see cli_help)


class Group(PlainGroup):
    registry = commands


app = typer.Typer(
    name="pathfinder",
    cls=Group,
    help=N_("Choose between a Health Information Management (HIM) program and a Medical Billing and Coding (MBC) "
    "program. Everything runs on your machine; nothing is sent anywhere."),
    epilog=N_("""
    pathfinder quiz
    pathfinder quiz --defaults --set goal=coding --set budget_usd=5k
    pathfinder compare --sources
    pathfinder score class.csv --format csv --output results.csv
    """),
    no_args_is_help=True,
    **_SETTINGS,
)


class Language(str, Enum):
    en = "en"
    es = "es"


class Settings(NamedTuple):
    data: Path | None
    no_color: bool


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"pathfinder {__version__}\n")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    data: Annotated[Path | None, typer.Option(
        "--data", metavar=N_("PATH"),
        help=N_("Use this programs file instead of the one that comes with pathfinder."))] = None,
    no_color: Annotated[bool, typer.Option(
        "--no-color",
        help=N_("Plain output without colour or other escape codes (NO_COLOR is honoured too)."))] = False,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help=N_("Show the version and exit."))] = False,
    lang: Annotated[Language | None, typer.Option(
        "--lang", metavar=N_("LANG"), help=N_("Speak en (English) or es (español). Default: from LANGUAGE, LC_ALL, "
        "LC_MESSAGES or LANG, where es_* means Spanish."))] = None,
) -> None:
    """Choose between HIM and medical billing and coding programs."""
    # The group set the language as the run started (cli/help.py), reading --lang ahead of Typer so that help
    # and usage errors follow it too; here Typer has checked the value, and nothing more is done with it.
    del lang
    ctx.obj = Settings(data=data, no_color=no_color or bool(os.environ.get("NO_COLOR")))


# --- plumbing shared by the commands ------------------------------------------------------


def _printable(text: str) -> str:
    """Escape control and format characters so a message quoting bad input cannot drive the terminal."""
    import unicodedata

    return "".join(
        ch if ch == "\n" or (ch.isprintable() and unicodedata.category(ch) != "Cf") else f"\\u{ord(ch):04x}"
        for ch in text
    )


def _say(message: str) -> None:
    """A message for the person, on standard error."""
    try:
        sys.stderr.write(f"pathfinder: {_printable(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so prompts restore the terminal on the way out."""


def exit_for(error: BaseException) -> tuple[int, str | None]:
    """The one mapping from what went wrong to an exit code and a message (None: say nothing)."""
    from pathfinder.errors import PathfinderError, Stopped

    if isinstance(error, PathfinderError):
        return EXIT_USAGE, str(error)
    if isinstance(error, Stopped):
        return 1, str(error)
    if isinstance(error, Terminated):
        return EXIT_TERMINATED, _("terminated")
    if isinstance(error, KeyboardInterrupt):
        return EXIT_INTERRUPTED, _("interrupted")
    if isinstance(error, BrokenPipeError):
        _silence_stdout()
        return 1, None
    return 1, _("unexpected error: {kind}: {error}").format(kind=error.__class__.__name__, error=error)


@contextmanager
def _guard() -> Iterator[None]:
    """Every failure inside a command becomes a short message and its exit code: never a traceback."""
    try:
        yield
    except typer.Exit:
        raise
    except BaseException as exc:  # noqa: BLE001 - the last line of defence
        if isinstance(exc, SystemExit):
            raise
        code, message = exit_for(exc)
        if message:
            _say(message)
        raise typer.Exit(code) from None


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at devnull so the final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _write_stdout(text: str) -> None:
    """JSON and other machine output go straight to stdout, never through Rich, always as UTF-8
    (JSON's own encoding), whatever the terminal's encoding: an ASCII locale must not turn text into '?'."""
    data = text if text.endswith("\n") else text + "\n"
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data)
    else:
        sys.stdout.flush()
        buffer.write(data.encode("utf-8"))
    sys.stdout.flush()


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings(data=None, no_color=bool(os.environ.get("NO_COLOR")))


def _catalog(ctx: typer.Context) -> Catalog:
    from pathfinder.core.catalog import load_catalog

    return load_catalog(_settings(ctx).data)


def _console(ctx: typer.Context, file: Any = None) -> Console:
    from pathfinder.layouts.terminal import make_console

    return make_console(file, no_color=_settings(ctx).no_color)


def _show(ctx: typer.Context, output: str, fmt: str, *args: Any, **options: Any) -> Console | None:
    """Lay ``output`` out in ``fmt`` with the writer the registry names: on the terminal's console for a screen
    layout (returned, for what follows on the same screen), else as text straight to standard output."""
    layout = registry.layout(output, fmt)
    write = layout.load()
    if layout.screen:
        console = _console(ctx)
        console.print(write(*args, console=console, **options))
        return console
    _write_stdout(write(*args, **options))
    return None


# --- quiz ---------------------------------------------------------------------------------


QUIZ_HELP = N_("Answer a few questions and get a recommendation with the reasons behind it.\n\n"
    "Questions already answered (with --answers, --set or --defaults) are not asked again. The result "
    "is a one-screen summary; --details prints the whole report.")


@commands.command("quiz", help=QUIZ_HELP, epilog=N_("""
    pathfinder quiz
    pathfinder quiz --save-answers my-answers.json
    pathfinder quiz --defaults --set budget_usd=5k --set goal=billing
    pathfinder quiz --answers my-answers.json --details
    pathfinder quiz --answers my-answers.json --export report.html
    pathfinder quiz --defaults --what-if budget_usd=20000 --json
    """))
def quiz(
    ctx: typer.Context,
    answers_file: Annotated[str | None, typer.Option(
        "--answers", metavar=N_("FILE"), help=N_("Take answers from a JSON file ('-' reads standard input). With some "
        "answers missing, the quiz asks from the first unanswered question and saves the new answers in FILE.")
    )] = None,
    sets: Annotated[list[str] | None, typer.Option(
        "--set", metavar=N_("ID=VALUE"), help=N_("Set one answer, written as you would type it (5k, $5,000, 12 months, "
        "a choice's id or its words) or as JSON (null for not sure)."))] = None,
    use_defaults: Annotated[bool, typer.Option(
        "--defaults", help=N_("Take the default for every question still unanswered."))] = False,
    details: Annotated[bool, typer.Option(
        "--details", help=N_("Print the whole report: every table, money and time over the years, the two-step path, "
        "all the changes, the assumptions and the sources."))] = False,
    as_json: Annotated[bool, typer.Option("--json", help=N_("Print the result as JSON on standard output."))] = False,
    save_answers: Annotated[Path | None, typer.Option(
        "--save-answers", metavar=N_("FILE"),
        help=N_("Save the answers to FILE as they are given (each time, in one step), to use again with --answers; "
        "a quiz stopped half-way picks up where it left off with --answers FILE."))] = None,
    export: Annotated[Path | None, typer.Option(
        "--export", metavar=N_("FILE"),
        help=N_("Also write the whole report to FILE: a web page (.html or .htm), Markdown "
        "(.md) or plain text (.txt); .svg writes the money and time chart alone."))] = None,
    years: Annotated[int, typer.Option(
        "--years", metavar=N_("N"), min=1, max=MAX_YEARS,
        help=N_("Years the money and time projection covers, 1 to 40. "
        "Default: 10."))] = DEFAULT_YEARS,
    part_time_income: Annotated[float, typer.Option(
        "--part-time-income", metavar=N_("USD"), min=0, max=MAX_PART_TIME_INCOME_USD,
        help=N_("Part-time earnings a year while in school, for the projection. Default: 0."))] = 0.0,
    what_ifs: Annotated[list[str] | None, typer.Option(
        "--what-if", metavar=N_("ID=VALUE"),
        help=N_("Also show the result with this answer changed, beside yours."))] = None,
) -> None:
    with _guard():
        outputs = _check_outputs(export, save_answers, part_time_income)
        # A programs file given with --data is checked before any question is asked; the one that comes with
        # pathfinder (checked by its tests) is loaded once the answers are in, so the first question comes sooner.
        catalog = _catalog(ctx) if _settings(ctx).data is not None else None
        gathered = _quiz_answers(answers_file, sets or [], use_defaults, what_ifs or [], save_answers)
        answers, what_if = gathered.answers, gathered.what_if
        catalog = catalog or _catalog(ctx)
        from pathfinder.core.advice import advise
        from pathfinder.core.projection import Options

        result = advise(answers, catalog, Options(years=years, part_time_income_usd=part_time_income), what_if)
        _write_outputs(result, catalog, answers, outputs)
        if as_json:
            _show(ctx, "quiz", "json", result, catalog)
            return
        from pathfinder.cli import keep

        # After questions asked here, a menu offers the rest; otherwise the last line says how to see it.
        answers_at = save_answers or (Path(answers_file) if answers_file not in (None, "-") else None)
        more = None if gathered.asked else keep.more_line(answers_at)
        console = _show(ctx, "quiz", "terminal", result, catalog, details=details, more=more)
        if gathered.asked and console is not None:
            keep.what_next(result, catalog, answers, console, details_shown=details, kept_in=gathered.kept_in,
                           say=_say, export_text=_export_text)


class _Outputs(NamedTuple):
    save_answers: Path | None
    export: Path | None
    export_format: str | None


def _check_outputs(export: Path | None, save_answers: Path | None, part_time_income: float) -> _Outputs:
    """Everything that can be refused is refused before any question is asked."""
    import math

    from pathfinder.errors import PathfinderError
    from pathfinder.files import check_writable

    fmt = registry.export_format(export) if export is not None else None
    if not math.isfinite(part_time_income):
        raise PathfinderError(_("--part-time-income: must be a finite number of dollars a year"))
    for path, flag in ((save_answers, "--save-answers"), (export, "--export")):
        if path is not None:
            check_writable(path, flag)
    return _Outputs(save_answers, export, fmt)


class _Gathered(NamedTuple):
    answers: dict[str, Any]
    what_if: dict[str, Any] | None
    asked: bool  # some questions were asked in the terminal
    kept_in: Path | None  # where the answers are saved as they are given


def _quiz_answers(answers_file: str | None, sets: list[str], use_defaults: bool, what_ifs: list[str],
                  save_answers: Path | None = None) -> _Gathered:
    """The answers from the file, --set and the defaults, then the prompts for whatever is still missing, the
    answers saved as they are given where the person named a file for them (--save-answers, or the --answers
    file being completed)."""
    from pathfinder.core.answers import gather_answers, in_order, read_sets
    from pathfinder.errors import PathfinderError

    what_if = read_sets(what_ifs, "--what-if", once=True) if what_ifs else None
    answers, missing = gather_answers(answers_file, sets, use_defaults,
                                      stdin=sys.stdin.buffer if answers_file == "-" else None)
    if missing:
        if answers_file == "-" or not sys.stdin.isatty():
            raise PathfinderError(_(
                "no terminal to ask in, and these answers are missing: {ids}. Give them with --answers FILE or "
                "--set id=value, or add --defaults to take the defaults.").format(ids=", ".join(missing)))
        from pathfinder.cli import keep
        from pathfinder.cli.prompts import ask_missing

        keeper = keep.keeper_for(answers_file, save_answers, _say)
        if keeper is not None:
            _say(_(keep.KEEPING).format(file=keep.shown(keeper.path)))
        try:
            answers = ask_missing(answers, on_answer=keeper)
        except KeyboardInterrupt:
            if keeper is not None and keeper.written:
                _say(_(keep.KEPT_ON_STOP).format(file=keep.shown(keeper.path)))
            raise
        return _Gathered(in_order(answers), what_if, True, keeper.path if keeper is not None else None)
    return _Gathered(in_order(answers), what_if, False, None)


def _write_outputs(result: Result, catalog: Catalog, answers: dict[str, Any], outputs: _Outputs) -> None:
    import json

    from pathfinder.files import write_atomic

    if outputs.save_answers is not None:
        write_atomic(outputs.save_answers, json.dumps(answers, indent=2) + "\n", "--save-answers")
    if outputs.export is not None and outputs.export_format is not None:
        write_atomic(outputs.export, _export_text(result, catalog, outputs.export_format), "--export")
        _say(_("wrote the report to {file}").format(file=outputs.export))


def _export_text(result: Result, catalog: Catalog, fmt: str) -> str:
    """The whole report in the format the file's suffix names."""
    from pathfinder.report.document import build

    return str(registry.writer("export", fmt)(build(result, catalog, details=True)))


# --- score --------------------------------------------------------------------------------


class InputFormat(str, Enum):
    auto = "auto"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


class OutputFormat(str, Enum):  # registry.formats("score"), spelled out for --help (a test pins the two)
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


SCORE_HELP = N_("Score a whole class's answers, as a form tool exports them, and write one result a student.\n\n"
    "Before scoring, standard error shows how every column was read: a question (by its id, title, or the"
    " words people use for it, which pathfinder questions lists; or --map), or a column of the class's "
    "own, carried through first. A cell may hold a choice's value or its words, and amounts as people "
    "write them ($4k, 12 months). Blank, \"not sure\" and \"n/a\" take the default. A student whose "
    "answers cannot be read still gets a row, with an error column saying which answer and what is "
    "accepted, and is named on standard error; the class summary follows, and the exit code is 1 if any "
    "row could not be scored.")


@commands.command("score", help=SCORE_HELP, epilog=N_("""
    pathfinder score class.csv --format csv --output results.csv
    pathfinder score class.xlsx --format xlsx --output results.xlsx
    pathfinder score class.csv --summary-only
    pathfinder score class.csv --map "Money for school=budget_usd"
    pathfinder score export.txt --delimiter semicolon --format csv
    some-form-tool export | pathfinder score - --format csv
    pathfinder score answers.jsonl --full --strict > results.jsonl
    """))
def score(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(
        metavar=N_("FILE"),
        help=N_("The class's answers: CSV (comma, semicolon or tab separated) or an .xlsx workbook as a "
        "form or a spreadsheet exports it, or JSON Lines ('-' reads standard input)."))],
    output_format: Annotated[OutputFormat | None, typer.Option(
        "--format", metavar=N_("FORMAT"), help=N_("jsonl (one result a line, for scripts), csv (a table, one row per "
        "student) or xlsx (the same table as a spreadsheet, with the class summary on a second sheet). "
        "Default: the one --output's suffix names (.jsonl, .csv, .xlsx), else jsonl."))] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", metavar=N_("FILE"), help=N_("Write the results to FILE (replaced in one step when the run ends) "
        "instead of standard output."))] = None,
    summary_only: Annotated[bool, typer.Option(
        "--summary-only", help=N_("Print only the class summary: how many students got each program, by "
        "confidence, how many fit no program and how many could not be scored."))] = False,
    maps: Annotated[list[str] | None, typer.Option(
        "--map", metavar=N_("HEADER=QUESTION"), help=N_("Read the column HEADER as the answer to QUESTION (its id or "
        "title; pathfinder questions lists them)."))] = None,
    keep_unknown: Annotated[bool, typer.Option(
        "--keep-unknown", help=N_("Carry a column whose name looks like a mistyped question as a column of your own, "
        "instead of stopping."))] = False,
    input_format: Annotated[InputFormat, typer.Option(
        "--input-format", metavar=N_("FORMAT"),
        help=N_("How FILE is written: auto (by the suffix, or by the first line), "
        "jsonl, csv or xlsx. Default: auto."))] = InputFormat.auto,
    delimiter: Annotated[str | None, typer.Option(
        "--delimiter", metavar=N_("SEP"), help=N_("What separates a CSV's cells: comma, semicolon or tab. Default: "
        "told from the first lines (a comma when it cannot be told)."))] = None,
    sheet: Annotated[str | None, typer.Option(
        "--sheet", metavar=N_("NAME"), help=N_("The sheet of an .xlsx workbook to read. Default: the first."))] = None,
    strict: Annotated[bool, typer.Option("--strict", help=N_("Stop at the first row that cannot be scored."))] = False,
    full: Annotated[bool, typer.Option(
        "--full",
        help=N_("Write each line as quiz --json writes the whole result (jsonl only; much slower)."))] = False,
) -> None:
    with _guard():
        fmt = _score_format(output_format, output, full, summary_only)
        from pathfinder.batch.read import parse_maps

        mapped = parse_maps(maps or [])
        catalog = _catalog(ctx)
        from pathfinder.batch.run import open_source

        source = open_source(file, input_format.value, stdin=sys.stdin.buffer if file == "-" else None)
        try:
            outcome, closing = _score_run(ctx, source, catalog, fmt, output, keep_unknown=keep_unknown,
                                          strict=strict, full=full, maps=mapped, delimiter=delimiter, sheet=sheet)
        finally:
            source.close()
        summary = closing
        if summary_only:
            _write_stdout(summary)
        else:
            sys.stderr.write(summary)
        if output is None:
            _say(outcome.summary())
        else:
            # TRANSLATORS: {summary} says how many rows were scored; {file} is the file the results went to.
            _say(_("{summary}; wrote {file}").format(summary=outcome.summary(), file=output))
        if outcome.failed:
            raise typer.Exit(1)
        if not outcome.scored:
            from pathfinder.errors import PathfinderError

            raise PathfinderError(_("{file}: no answer sets to score (a file needs one line a student)").format(
                file=_("standard input") if file == "-" else file))


def _score_format(chosen: OutputFormat | None, output: Path | None, full: bool, summary_only: bool) -> str | None:
    """The layout to write (None: the summary alone), refusing what cannot work before anything is read."""
    from pathfinder.errors import PathfinderError
    from pathfinder.layouts import registry

    output_format = OutputFormat(registry.score_format(chosen.value if chosen is not None else None,
                                                       None if summary_only else output))
    if full and output_format is not OutputFormat.jsonl:
        raise PathfinderError(_("--full writes the whole result as JSON: use it with --format jsonl"))
    if summary_only:
        if output is not None:
            raise PathfinderError(_("--summary-only prints the summary alone; it cannot be used with --output"))
        return None
    if output_format is OutputFormat.xlsx and output is None and sys.stdout.isatty():
        raise PathfinderError(_("--format xlsx writes a spreadsheet file: add --output FILE, for example "
                                "--output results.xlsx"))
    if output is not None:
        from pathfinder.files import check_writable

        check_writable(output, "--output")
    return output_format.value


def _score_run(ctx: typer.Context, source: Any, catalog: Catalog, fmt: str | None, output: Path | None,
               **options: Any) -> tuple[Any, str]:
    """Stream the rows through the scoring into the chosen layout, with a progress bar where one can show; the
    outcome and the class summary."""
    from contextlib import nullcontext

    from pathfinder.batch.run import run
    from pathfinder.files import atomic_output
    from pathfinder.layouts.tables import Discard, class_summary, summary_table

    target: Any = atomic_output(output, "--output") if output is not None else nullcontext(sys.stdout.buffer)
    with target as out, _progress(ctx, source, stdout_free=output is not None or fmt is None) as (on_progress, say):
        writer = Discard() if fmt is None else registry.writer("score", fmt)(out, catalog)

        def on_plan(plan: Any) -> None:  # above the progress bar, if there is one
            # TRANSLATORS: {layout} describes the file ("CSV, comma separated"); a line per column follows.
            say(_("{label}: {layout}; the header on line {line} was read as:").format(
                label=source.label, layout=plan.layout, line=plan.line) + "\n" + "\n".join(plan.report()))

        def on_problem(line: int, who: str, message: str) -> None:
            if who:
                say(_("{label} line {line} ({who}): {message}").format(label=source.label, line=line, who=who,
                                                                       message=message))
            else:
                say(_("{label} line {line}: {message}").format(label=source.label, line=line, message=message))

        outcome = run(source, catalog, writer, on_progress=on_progress, on_problem=on_problem, on_plan=on_plan,
                      **options)
        writer.close(summary_table(outcome.tally, catalog, outcome.failed))
    return outcome, class_summary(outcome.tally, catalog, outcome.failed)


@contextmanager
def _progress(ctx: typer.Context, source: Any, stdout_free: bool) -> Iterator[tuple[Any, Any]]:
    """A progress bar on standard error while the rows are scored: only when standard error is a terminal and the
    input a file of known size, and never when the results themselves go to that terminal. Messages about bad
    lines go above the bar; the bar is cleared when the run ends."""
    if not source.size or not sys.stderr.isatty() or (not stdout_free and sys.stdout.isatty()):
        yield None, _say
        return
    from pathfinder.layouts.terminal import progress_bar

    console = _console(ctx, sys.stderr)
    bar, update = progress_bar(source.size, _("Scoring {label}").format(label=source.label), console)
    with bar:
        yield update, lambda message: console.print(f"pathfinder: {_printable(message)}", markup=False,
                                                    highlight=False)


# --- compare, questions, schema -----------------------------------------------------------


class CompareFormat(str, Enum):  # registry.formats("compare"), spelled out for --help (a test pins the two)
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


COMPARE_HELP = N_("Show the programs side by side, one column per pathway: cost, length, time to a first job, early "
    "salary, job growth, admission, certifications and where people work.")


@commands.command("compare", help=COMPARE_HELP, epilog=N_("""
    pathfinder compare
    pathfinder compare --sources
    pathfinder compare --details
    pathfinder compare --format markdown --sources > programs.md
    pathfinder compare --format csv --programs mbc,him > programs.csv
    pathfinder compare --json | jq -r '.programs[].name'
    """))
def compare(
    ctx: typer.Context,
    output_format: Annotated[CompareFormat | None, typer.Option(
        "--format", metavar=N_("FORMAT"), help=N_("table (the default), json (the full profiles, as in the programs "
        "file), markdown or csv."))] = None,
    as_json: Annotated[bool, typer.Option("--json", help=N_("The same as --format json."))] = False,
    programs: Annotated[str | None, typer.Option(
        "--programs", metavar=N_("IDS"), help=N_("The programs to show, by id, comma-separated, in that order. "
        "Default: all."))] = None,
    sources: Annotated[bool, typer.Option(
        "--sources", help=N_("Mark each figure with a numbered footnote saying where it comes from."))] = False,
    details: Annotated[bool, typer.Option(
        "--details", help=N_("Each program in full instead of the quick table: every pathway's figures, other "
        "figures the sources report, notes on them, the official figures, roles, skills and formats."))] = False,
) -> None:
    with _guard():
        fmt = _compare_format(output_format, as_json)
        catalog = _catalog(ctx)
        from pathfinder.report.factsheet import choose_programs

        chosen = choose_programs(catalog, _program_ids(programs))
        _show(ctx, "compare", fmt.value, catalog, chosen, sources=sources, details=details)


def _compare_format(output_format: CompareFormat | None, as_json: bool) -> CompareFormat:
    from pathfinder.errors import PathfinderError

    if as_json and output_format not in (None, CompareFormat.json):
        assert output_format is not None
        raise PathfinderError(_("--json is the same as --format json; it cannot be used with --format {format}").format(
            format=output_format.value))
    return CompareFormat.json if as_json else (output_format or CompareFormat.table)


def _program_ids(programs: str | None) -> list[str] | None:
    from pathfinder.errors import PathfinderError

    ids = None if programs is None else [part.strip() for part in programs.split(",") if part.strip()]
    if ids is not None and not ids:
        raise PathfinderError(_("--programs: give at least one program id, for example --programs him,mbc"))
    return ids


QUESTIONS_HELP = N_("List the quiz questions: ids, titles, choices, defaults and the form wordings read as each.")


@commands.command("questions", help=QUESTIONS_HELP, epilog=N_("""
    pathfinder questions
    pathfinder questions --json | jq -r '.questions[].id'
    """))
def questions(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option(
        "--json", help=N_("Print the questions as JSON, to build an answers file."))] = False,
) -> None:
    with _guard():
        from pathfinder.core.questions import QUESTIONS

        _show(ctx, "questions", "json" if as_json else "table", QUESTIONS)


SOURCES_HELP = N_("List every source with its publisher, link, date and the figures that rest on it.")


@commands.command("sources", help=SOURCES_HELP, epilog=N_("""
    pathfinder sources
    pathfinder sources --json | jq -r '.sources[] | select(.official) | .title'
    """))
def sources(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help=N_("Print the sources as JSON."))] = False,
) -> None:
    with _guard():
        import shutil

        catalog = _catalog(ctx)
        width = min(100, max(60, shutil.get_terminal_size().columns))
        _show(ctx, "sources", "json" if as_json else "text", catalog, width=width)


class SchemaName(str, Enum):
    result = "result"
    answers = "answers"
    programs = "programs"
    score_line = "score-line"


SCHEMA_HELP = N_("Print the JSON Schema of a result, a score line, an answers file or the programs file.")


@commands.command("schema", help=SCHEMA_HELP, epilog=N_("""
    pathfinder schema result
    pathfinder schema score-line
    pathfinder schema answers > answers.schema.json
    """))
def schema(
    name: Annotated[SchemaName, typer.Argument(
        metavar=N_("NAME"), help=N_("Which document: result (quiz --json), score-line (a line of score), answers (an "
        "answers file) or programs (the programs file)."))],
) -> None:
    with _guard():
        import json

        from pathfinder.core.result import schema_for

        _write_stdout(json.dumps(schema_for(name.value), indent=2))


# --- the entry point ----------------------------------------------------------------------


def _on_sigterm(_signum: int, _frame: Any) -> None:
    raise Terminated()


def _prepare_streams() -> bool:
    """Never crash on an ASCII-only terminal; report a closed stdout instead of failing on it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace" if stream is sys.stdout else "backslashreplace")
            except (ValueError, OSError):
                pass
    if sys.stdout is None:
        _say(_("standard output is closed; nothing can be printed"))
        return False
    return True


def main() -> NoReturn:
    """Entry point for the ``pathfinder`` command and ``python -m pathfinder``."""
    import signal

    # pathfinder uses no pydantic plugins: skip their discovery (pydantic's documented switch), which reads the
    # metadata of every installed package the first time a model is built. Typer does the same for its options.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if not _prepare_streams():
        sys.exit(1)
    signal.signal(signal.SIGTERM, _on_sigterm)
    restore_terminal = _terminal_keeper()
    code: int | str | None = 0
    try:
        app(prog_name="pathfinder")
    except SystemExit as done:  # how Typer always ends
        code = done.code
    except (KeyboardInterrupt, BrokenPipeError) as exc:  # raised outside a command (while Typer parses)
        code, message = exit_for(exc)
        if message:
            _say(message)
    finally:
        restore_terminal()
    _leave(code)


def _leave(code: int | str | None) -> NoReturn:
    """Exit as soon as everything is written, without the interpreter's teardown (40-65 ms of a command: freeing
    every module and object one by one, which nobody waits for but everybody waits through).

    What it gives up: objects caught in reference cycles are not collected at exit, so no ``__del__`` runs for
    them, and threads still running are not waited for (pathfinder's own have ended or are helper processes'
    watchers). What it keeps: the ``atexit`` handlers run, and standard output and error are flushed first;
    every file pathfinder writes is closed by the code that writes it (``files.write_atomic``)."""
    import atexit

    if isinstance(code, str):
        _say(code)
        code = 1
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
    except (BrokenPipeError, OSError, ValueError, AttributeError):
        _silence_stdout()
        code = code or 1
    try:
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    os._exit(code or 0)


def _terminal_keeper() -> Any:
    """A way to put the terminal's settings back as pathfinder found them. A prompt restores them itself, but a
    signal that lands while it is switching the terminal over can leave keys unechoed; this puts them back.
    Only settings that changed are written, so a run in the background is never stopped for touching them."""
    try:
        import termios

        fd = sys.stdin.fileno()
        if not os.isatty(fd):
            return lambda: None
        saved = termios.tcgetattr(fd)
    except (ImportError, OSError, ValueError, AttributeError):
        return lambda: None

    def restore() -> None:
        try:
            if termios.tcgetattr(fd) != saved:
                termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        except (OSError, termios.error):
            pass

    return restore
