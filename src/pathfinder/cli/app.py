"""The command line: parse options, call the core, pick a layout. Each command reads like its help text.

Exit codes (one place, ``exit_for``): 0 done; 2 bad input or usage; 1 a failed line in ``score``, a closed
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
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from pathfinder import __version__
from pathfinder.cli.help import LazyCommandsRegistry, PlainGroup

if TYPE_CHECKING:
    from rich.console import Console

    from pathfinder.core.programs import Catalog
    from pathfinder.core.result import Result

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143
MAX_YEARS = 40  # pathfinder.core.projection.MAX_YEARS, repeated so --help needs no core import
MAX_PART_TIME_INCOME_USD = 1_000_000  # pathfinder.core.projection.MAX_PART_TIME_INCOME_USD
MORE = "More: add --details for the whole report, or --export report.html to save it."

# Typer's Rich help would import rich, markdown and pygments just to print it: plain help instead.
_SETTINGS: dict[str, Any] = {"add_completion": False, "rich_markup_mode": None, "pretty_exceptions_enable": False,
                             "context_settings": {"help_option_names": ["-h", "--help"]}}
commands = LazyCommandsRegistry(**_SETTINGS)  # each command is built only when it runs (see cli_help)


class Group(PlainGroup):
    registry = commands


app = typer.Typer(
    name="pathfinder",
    cls=Group,
    help="Choose between a Health Information Management (HIM) program and a Medical Billing and Coding (MBC) "
    "program. Everything runs on your machine; nothing is sent anywhere.",
    epilog="""
    pathfinder quiz
    pathfinder quiz --defaults --set goal=coding --set budget_usd=5k
    pathfinder compare --sources
    pathfinder score class.csv --format csv --output results.csv
    """,
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
        "--data", metavar="PATH", help="Use this programs file instead of the one that comes with pathfinder.")] = None,
    no_color: Annotated[bool, typer.Option(
        "--no-color", help="Plain output without colour or other escape codes (NO_COLOR is honoured too).")] = False,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
    lang: Annotated[Language | None, typer.Option(
        "--lang", metavar="LANG", help="Speak en (English) or es (español). Default: from LANGUAGE, LC_ALL, "
        "LC_MESSAGES or LANG, where es_* means Spanish.")] = None,
) -> None:
    """Choose between HIM and medical billing and coding programs."""
    # The group set the language as the run started (cli/help.py), reading --lang ahead of Typer so that help
    # and usage errors follow it too; here Typer has checked the value.
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
        return EXIT_TERMINATED, "terminated"
    if isinstance(error, KeyboardInterrupt):
        return EXIT_INTERRUPTED, "interrupted"
    if isinstance(error, BrokenPipeError):
        _silence_stdout()
        return 1, None
    return 1, f"unexpected error: {error.__class__.__name__}: {error}"


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


# --- quiz ---------------------------------------------------------------------------------


@commands.command("quiz", epilog="""
    pathfinder quiz
    pathfinder quiz --defaults --set budget_usd=5k --set goal=billing
    pathfinder quiz --answers my-answers.json --details
    pathfinder quiz --answers my-answers.json --export report.html
    pathfinder quiz --defaults --what-if budget_usd=20000 --json
    """)
def quiz(
    ctx: typer.Context,
    answers_file: Annotated[str | None, typer.Option(
        "--answers", metavar="FILE", help="Take answers from a JSON file ('-' reads standard input).")] = None,
    sets: Annotated[list[str] | None, typer.Option(
        "--set", metavar="ID=VALUE", help="Set one answer, written as you would type it (5k, $5,000, 12 months, "
        "a choice's id or its words) or as JSON (null for not sure).")] = None,
    use_defaults: Annotated[bool, typer.Option(
        "--defaults", help="Take the default for every question still unanswered.")] = False,
    details: Annotated[bool, typer.Option(
        "--details", help="Print the whole report: every table, money and time over the years, the two-step path, "
        "all the changes, the assumptions and the sources.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON on standard output.")] = False,
    save_answers: Annotated[Path | None, typer.Option(
        "--save-answers", metavar="FILE",
        help="Write the complete answers to FILE, to use again with --answers.")] = None,
    export: Annotated[Path | None, typer.Option(
        "--export", metavar="FILE", help="Also write the whole report to FILE: a web page (.html or .htm), Markdown "
        "(.md) or plain text (.txt); .svg writes the money and time chart alone.")] = None,
    years: Annotated[int, typer.Option(
        "--years", metavar="N", min=1, max=MAX_YEARS, help="Years the money and time projection covers, 1 to 40. "
        "Default: 10.")] = 10,
    part_time_income: Annotated[float, typer.Option(
        "--part-time-income", metavar="USD", min=0, max=MAX_PART_TIME_INCOME_USD,
        help="Part-time earnings a year while in school, for the projection. Default: 0.")] = 0.0,
    what_ifs: Annotated[list[str] | None, typer.Option(
        "--what-if", metavar="ID=VALUE", help="Also show the result with this answer changed, beside yours.")] = None,
) -> None:
    """Answer a few questions and get a recommendation with the reasons behind it.

    Questions already answered (with --answers, --set or --defaults) are not asked again. The result is a
    one-screen summary; --details prints the whole report.
    """
    with _guard():
        outputs = _check_outputs(export, save_answers, part_time_income)
        # A programs file given with --data is checked before any question is asked; the one that comes with
        # pathfinder (checked by its tests) is loaded once the answers are in, so the first question comes sooner.
        catalog = _catalog(ctx) if _settings(ctx).data is not None else None
        answers, what_if = _quiz_answers(answers_file, sets or [], use_defaults, what_ifs or [])
        catalog = catalog or _catalog(ctx)
        from pathfinder.core.advice import advise
        from pathfinder.core.projection import Options

        result = advise(answers, catalog, Options(years=years, part_time_income_usd=part_time_income), what_if)
        _write_outputs(result, catalog, answers, outputs)
        if as_json:
            _write_stdout(result.model_dump_json(indent=2))
        else:
            _show_report(ctx, result, catalog, details)


class _Outputs(NamedTuple):
    save_answers: Path | None
    export: Path | None
    export_format: str | None


def _check_outputs(export: Path | None, save_answers: Path | None, part_time_income: float) -> _Outputs:
    """Everything that can be refused is refused before any question is asked."""
    import math

    from pathfinder.errors import PathfinderError
    from pathfinder.files import check_writable
    from pathfinder.layouts.formats import export_format

    fmt = export_format(export) if export is not None else None
    if not math.isfinite(part_time_income):
        raise PathfinderError("--part-time-income: must be a finite number of dollars a year")
    for path, flag in ((save_answers, "--save-answers"), (export, "--export")):
        if path is not None:
            check_writable(path, flag)
    return _Outputs(save_answers, export, fmt)


def _quiz_answers(answers_file: str | None, sets: list[str], use_defaults: bool,
                  what_ifs: list[str]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The answers from the file, --set and the defaults, then the prompts for whatever is still missing."""
    from pathfinder.core.answers import gather_answers, in_order, read_sets
    from pathfinder.errors import PathfinderError

    what_if = read_sets(what_ifs, "--what-if", once=True) if what_ifs else None
    answers, missing = gather_answers(answers_file, sets, use_defaults,
                                      stdin=sys.stdin.buffer if answers_file == "-" else None)
    if missing:
        if answers_file == "-" or not sys.stdin.isatty():
            raise PathfinderError(
                f"no terminal to ask in, and these answers are missing: {', '.join(missing)}. "
                "Give them with --answers FILE or --set id=value, or add --defaults to take the defaults.")
        from pathfinder.cli.prompts import ask_missing

        answers = ask_missing(answers)
    return in_order(answers), what_if


def _write_outputs(result: Result, catalog: Catalog, answers: dict[str, Any], outputs: _Outputs) -> None:
    import json

    from pathfinder.files import write_atomic

    if outputs.save_answers is not None:
        write_atomic(outputs.save_answers, json.dumps(answers, indent=2) + "\n", "--save-answers")
    if outputs.export is not None and outputs.export_format is not None:
        write_atomic(outputs.export, _export_text(result, catalog, outputs.export_format), "--export")
        _say(f"wrote the report to {outputs.export}")


def _export_text(result: Result, catalog: Catalog, fmt: str) -> str:
    """The whole report in the format the file's suffix names."""
    from pathfinder.report.document import build

    report = build(result, catalog, details=True)
    if fmt == "markdown":
        from pathfinder.layouts.markdown import to_markdown

        return to_markdown(report)
    if fmt == "text":
        from pathfinder.layouts.terminal import plain_text

        return plain_text(report)
    from pathfinder.layouts.html import chart_only, to_html

    return to_html(report) if fmt == "html" else chart_only(report)


def _show_report(ctx: typer.Context, result: Result, catalog: Catalog, details: bool) -> None:
    from pathfinder.layouts.terminal import report_view, summary_view
    from pathfinder.report.document import build

    console = _console(ctx)
    if details:
        console.print(report_view(build(result, catalog, details=True)))
    else:
        console.print(summary_view(lambda reasons: build(result, catalog, more=MORE, reasons=reasons), console))


# --- score --------------------------------------------------------------------------------


class InputFormat(str, Enum):
    auto = "auto"
    jsonl = "jsonl"
    csv = "csv"


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


@commands.command("score", epilog="""
    pathfinder score class.csv --format csv --output results.csv
    pathfinder score class.csv --format xlsx --output results.xlsx
    pathfinder score class.csv --summary-only
    some-form-tool export | pathfinder score - --format csv
    pathfinder score answers.jsonl --full --strict > results.jsonl
    """)
def score(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(
        metavar="FILE", help="The class's answers: CSV as a form exports it, or JSON Lines ('-' reads standard "
        "input).")],
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", metavar="FORMAT", help="jsonl (one result a line, for scripts), csv (a table, one row per "
        "student) or xlsx (the same table as a spreadsheet). Default: jsonl.")] = OutputFormat.jsonl,
    output: Annotated[Path | None, typer.Option(
        "--output", metavar="FILE", help="Write the results to FILE (replaced in one step when the run ends) "
        "instead of standard output.")] = None,
    summary_only: Annotated[bool, typer.Option(
        "--summary-only", help="Print only the class summary: how many students got each program, by "
        "confidence, and how many fit no program.")] = False,
    keep_unknown: Annotated[bool, typer.Option(
        "--keep-unknown", help="Carry a column whose name looks like a mistyped question as a column of your own, "
        "instead of stopping.")] = False,
    input_format: Annotated[InputFormat, typer.Option(
        "--input-format", metavar="FORMAT", help="How FILE is written: auto (by the suffix, or by the first line), "
        "jsonl or csv. Default: auto.")] = InputFormat.auto,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first bad line.")] = False,
    full: Annotated[bool, typer.Option(
        "--full", help="Write each line as quiz --json writes the whole result (jsonl only; much slower).")] = False,
) -> None:
    """Score a whole class's answers, as a form tool exports them, and write one result a student.

    A column answers a question when its header is the question's id, title or prompt, in any case (pathfinder
    questions lists them); a cell may hold a choice's value or its words, and amounts as people write them ($4k,
    12 months). Other columns (a name, a student id) are carried through, first. Blank, "not sure" and "n/a"
    take the default. A bad line is reported on standard error with its line number and skipped; the class summary
    follows, and the exit code is 1 if any line failed.
    """
    with _guard():
        fmt = _score_format(output_format, output, full, summary_only)
        catalog = _catalog(ctx)
        from pathfinder.batch.run import open_source

        source = open_source(file, input_format.value, stdin=sys.stdin.buffer if file == "-" else None)
        try:
            outcome = _score_run(ctx, source, catalog, fmt, output, keep_unknown=keep_unknown, strict=strict,
                                 full=full)
        finally:
            source.close()
        from pathfinder.layouts.tables import class_summary

        summary = class_summary(outcome.tally, catalog)
        if summary_only:
            _write_stdout(summary)
        else:
            sys.stderr.write(summary)
        _say(outcome.summary() + (f"; wrote {output}" if output is not None else ""))
        if outcome.failed:
            raise typer.Exit(1)


def _score_format(output_format: OutputFormat, output: Path | None, full: bool, summary_only: bool) -> str | None:
    """The layout to write (None: the summary alone), refusing what cannot work before anything is read."""
    from pathfinder.errors import PathfinderError

    if full and output_format is not OutputFormat.jsonl:
        raise PathfinderError("--full writes the whole result as JSON: use it with --format jsonl")
    if summary_only:
        if output is not None:
            raise PathfinderError("--summary-only prints the summary alone; it cannot be used with --output")
        return None
    if output_format is OutputFormat.xlsx and output is None and sys.stdout.isatty():
        raise PathfinderError("--format xlsx writes a spreadsheet file: add --output FILE, for example "
                              "--output results.xlsx")
    if output is not None:
        from pathfinder.files import check_writable

        check_writable(output, "--output")
    return output_format.value


def _score_run(ctx: typer.Context, source: Any, catalog: Catalog, fmt: str | None, output: Path | None,
               **options: bool) -> Any:
    """Stream the rows through the scoring into the chosen layout, with a progress bar where one can show."""
    from contextlib import nullcontext

    from pathfinder.batch.run import run
    from pathfinder.files import atomic_output
    from pathfinder.layouts.tables import Discard, writer_for

    target: Any = atomic_output(output, "--output") if output is not None else nullcontext(sys.stdout.buffer)
    with target as out, _progress(ctx, source, stdout_free=output is not None or fmt is None) as (on_progress, say):
        writer = Discard() if fmt is None else writer_for(fmt, out, catalog)
        outcome = run(source, catalog, writer, on_progress=on_progress,
                      on_problem=lambda line, message: say(f"{source.label} line {line}: {message}"), **options)
        writer.close()
    return outcome


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
    bar, update = progress_bar(source.size, f"Scoring {source.label}", console)
    with bar:
        yield update, lambda message: console.print(f"pathfinder: {_printable(message)}", markup=False,
                                                    highlight=False)


# --- compare, questions, schema -----------------------------------------------------------


class CompareFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


@commands.command("compare", epilog="""
    pathfinder compare
    pathfinder compare --sources
    pathfinder compare --format markdown --sources > programs.md
    pathfinder compare --format csv --programs mbc,him > programs.csv
    pathfinder compare --json | jq -r '.programs[].name'
    """)
def compare(
    ctx: typer.Context,
    output_format: Annotated[CompareFormat | None, typer.Option(
        "--format", metavar="FORMAT", help="table (the default), json (the full profiles, as in the programs "
        "file), markdown or csv.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="The same as --format json.")] = False,
    programs: Annotated[str | None, typer.Option(
        "--programs", metavar="IDS", help="The programs to show, by id, comma-separated, in that order. "
        "Default: all.")] = None,
    sources: Annotated[bool, typer.Option(
        "--sources", help="Mark each figure with a numbered footnote saying where it comes from.")] = False,
) -> None:
    """Show the programs side by side: cost, length, salary, growth, certifications and more."""
    with _guard():
        fmt = _compare_format(output_format, as_json)
        catalog = _catalog(ctx)
        from pathfinder.report.factsheet import choose_programs

        chosen = choose_programs(catalog, _program_ids(programs))
        if fmt is CompareFormat.json:
            shown = catalog.model_copy(update={"programs": chosen}) if programs else catalog
            _write_stdout(shown.model_dump_json(indent=2))
        elif fmt is CompareFormat.csv:
            from pathfinder.layouts.formats import compare_csv

            _write_stdout(compare_csv(catalog, chosen, sources))
        else:
            _show_compare(ctx, catalog, chosen, sources, fmt)


def _compare_format(output_format: CompareFormat | None, as_json: bool) -> CompareFormat:
    from pathfinder.errors import PathfinderError

    if as_json and output_format not in (None, CompareFormat.json):
        assert output_format is not None
        raise PathfinderError("--json is the same as --format json; it cannot be used with "
                              f"--format {output_format.value}")
    return CompareFormat.json if as_json else (output_format or CompareFormat.table)


def _program_ids(programs: str | None) -> list[str] | None:
    from pathfinder.errors import PathfinderError

    ids = None if programs is None else [part.strip() for part in programs.split(",") if part.strip()]
    if ids is not None and not ids:
        raise PathfinderError("--programs: give at least one program id, for example --programs him,mbc")
    return ids


def _show_compare(ctx: typer.Context, catalog: Catalog, chosen: list[Any], sources: bool, fmt: CompareFormat) -> None:
    from pathfinder.report.document import compare_report

    shown = compare_report(catalog, chosen, sources)
    if fmt is CompareFormat.markdown:
        from pathfinder.layouts.markdown import to_markdown

        _write_stdout(to_markdown(shown))
        return
    from pathfinder.layouts.terminal import compare_view

    _console(ctx).print(compare_view(shown))


@commands.command("questions", epilog="""
    pathfinder questions
    pathfinder questions --json | jq -r '.questions[].id'
    """)
def questions(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print the questions as JSON, to build an answers file.")] = False,
) -> None:
    """List the quiz questions with their ids, titles, choices and defaults."""
    with _guard():
        from pathfinder.core.questions import QUESTIONS, questions_json

        if as_json:
            _write_stdout(questions_json())
            return
        from pathfinder.layouts.terminal import questions_table

        console = _console(ctx)
        console.print(questions_table(QUESTIONS, console))


@commands.command("sources", epilog="""
    pathfinder sources
    pathfinder sources --json | jq -r '.sources[] | select(.official) | .title'
    """)
def sources(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the sources as JSON.")] = False,
) -> None:
    """List every source with its publisher, link, date and the figures that rest on it."""
    with _guard():
        catalog = _catalog(ctx)
        from pathfinder.layouts.formats import sources_json, sources_text

        if as_json:
            _write_stdout(sources_json(catalog))
        else:
            import shutil

            _write_stdout(sources_text(catalog, width=min(100, max(60, shutil.get_terminal_size().columns))))


class SchemaName(str, Enum):
    result = "result"
    answers = "answers"
    programs = "programs"
    score_line = "score-line"


@commands.command("schema", epilog="""
    pathfinder schema result
    pathfinder schema score-line
    pathfinder schema answers > answers.schema.json
    """)
def schema(
    name: Annotated[SchemaName, typer.Argument(
        metavar="NAME", help="Which document: result (quiz --json), score-line (a line of score), answers (an "
        "answers file) or programs (the programs file).")],
) -> None:
    """Print the JSON Schema of a result, a score line, an answers file or the programs file."""
    with _guard():
        import json

        from pathfinder.core.result import schema_for

        _write_stdout(json.dumps(schema_for(name.value), indent=2))


# --- the entry point ----------------------------------------------------------------------


def _on_sigterm(signum: int, frame: Any) -> None:
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
        _say("standard output is closed; nothing can be printed")
        return False
    return True


def main() -> None:
    """Entry point for the ``pathfinder`` command and ``python -m pathfinder``."""
    if sys.argv[1:] == ["--version"]:
        # The same answer the --version option gives, without building every command's options first.
        sys.stdout.write(f"pathfinder {__version__}\n")
        return
    import signal

    # pathfinder uses no pydantic plugins: skip their discovery (pydantic's documented switch), which reads the
    # metadata of every installed package the first time a model is built. Typer does the same for its options.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if not _prepare_streams():
        sys.exit(1)
    signal.signal(signal.SIGTERM, _on_sigterm)
    restore_terminal = _terminal_keeper()
    try:
        app(prog_name="pathfinder")
    except (KeyboardInterrupt, BrokenPipeError) as exc:  # raised outside a command (while Typer parses)
        code, message = exit_for(exc)
        if message:
            _say(message)
        sys.exit(code)
    finally:
        restore_terminal()


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
