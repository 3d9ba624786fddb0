"""The command line: parse options, call the core, pick a renderer, map errors to exit codes.

Exit codes: 0 ok; 2 bad input or usage; 130 interrupted; 1 anything else.
Heavy modules (pydantic, rich, questionary) are imported inside the commands that need
them, so ``--version`` and ``--help`` start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from pathfinder import __version__

if TYPE_CHECKING:
    from rich.console import Console

    from pathfinder.models import Catalog

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143
MAX_YEARS = 40  # pathfinder.projection.MAX_YEARS, repeated so --help needs no core import
MAX_PART_TIME_INCOME_USD = 1_000_000  # pathfinder.projection.MAX_PART_TIME_INCOME_USD

app = typer.Typer(
    name="pathfinder",
    help="Choose between Health Information Management (HIM) and Medical Billing and Coding (MBC). "
    "Everything runs on your machine; nothing is sent anywhere.",
    no_args_is_help=True,
    add_completion=False,
    # Plain help: Typer's Rich help would import rich, markdown and pygments just to print it.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass(frozen=True)
class Settings:
    data: Path | None
    no_color: bool


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"pathfinder {__version__}\n")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    data: Annotated[
        Optional[Path],
        typer.Option("--data", metavar="PATH", help="Use this programs file instead of the shipped catalog."),
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="Plain output without colour (NO_COLOR is honoured too).")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Choose between HIM and medical billing and coding programs."""
    ctx.obj = Settings(data=data, no_color=no_color or bool(os.environ.get("NO_COLOR")))


# --- plumbing shared by the commands -------------------------------------------------


def _printable(text: str) -> str:
    """Escape control and format characters so a message quoting bad input cannot drive the terminal."""
    import unicodedata

    return "".join(
        ch if ch == "\n" or (ch.isprintable() and unicodedata.category(ch) != "Cf") else f"\\u{ord(ch):04x}"
        for ch in text
    )


def _fail(message: str) -> None:
    try:
        sys.stderr.write(f"pathfinder: {_printable(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


@contextmanager
def _guard() -> Iterator[None]:
    """Turn every failure into a short message and the documented exit code."""
    from pathfinder.errors import PathfinderError

    try:
        yield
    except typer.Exit:
        raise
    except PathfinderError as exc:
        _fail(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    except Terminated:
        _fail("terminated")
        raise typer.Exit(EXIT_TERMINATED) from None
    except KeyboardInterrupt:
        _fail("interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(1) from None
    except Exception as exc:  # the last line of defence: one line, never a traceback
        _fail(f"unexpected error: {exc.__class__.__name__}: {exc}")
        raise typer.Exit(1) from None


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
    from pathfinder.catalog import load_catalog

    return load_catalog(_settings(ctx).data)


def _console(ctx: typer.Context, file: Any = None) -> Console:
    from pathfinder.render import make_console

    return make_console(file, no_color=_settings(ctx).no_color)


# --- quiz ------------------------------------------------------------------------------


@app.command()
def quiz(
    ctx: typer.Context,
    answers_file: Annotated[
        Optional[str],
        typer.Option("--answers", metavar="FILE", help="Pre-fill answers from a JSON file ('-' reads standard input)."),
    ] = None,
    sets: Annotated[
        Optional[list[str]],
        typer.Option("--set", metavar="ID=VALUE", help="Set one answer; VALUE is read as JSON if it parses (null too). Repeatable."),
    ] = None,
    use_defaults: Annotated[
        bool, typer.Option("--defaults", help="Take the default for every question still unanswered.")
    ] = False,
    save_answers: Annotated[
        Optional[Path],
        typer.Option("--save-answers", metavar="FILE", help="Write the complete answers to FILE (replayable with --answers)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")] = False,
    years: Annotated[
        int, typer.Option("--years", metavar="N", min=1, max=MAX_YEARS, help="Years the money-and-time projection covers.")
    ] = 10,
    part_time_income: Annotated[
        float,
        typer.Option("--part-time-income", metavar="USD", min=0, max=MAX_PART_TIME_INCOME_USD,
                     help="Part-time earnings a year while in school, for the projection (default 0)."),
    ] = 0.0,
    what_ifs: Annotated[
        Optional[list[str]],
        typer.Option("--what-if", metavar="ID=VALUE", help="Also score with this answer changed and show both side by side. Repeatable."),
    ] = None,
    export: Annotated[
        Optional[Path],
        typer.Option("--export", metavar="PATH", help="Also write the whole report to PATH: .html, .htm, .md or .txt; "
                     ".svg writes the money-and-time chart alone."),
    ] = None,
    details: Annotated[
        bool, typer.Option("--details", help="Print the whole report: every table, money and time over the years, "
                           "the two-step path, all the changes, the assumptions and the sources.")
    ] = False,
) -> None:
    """Answer a few questions and get a recommendation with the reasons behind it."""
    with _guard():
        import math

        from pathfinder.errors import PathfinderError
        from pathfinder.files import check_writable, write_atomic

        from pathfinder.formats import export_format

        fmt = export_format(export) if export is not None else None
        if not math.isfinite(part_time_income):
            raise PathfinderError("--part-time-income: must be a finite number of dollars a year")
        catalog = _catalog(ctx)
        if save_answers is not None:
            check_writable(save_answers, "--save-answers")
        if export is not None:
            check_writable(export, "--export")
        from pathfinder.answers import gather_answers, in_order, read_sets

        what_if_answers = read_sets(what_ifs, "--what-if") if what_ifs else None
        answers, missing = gather_answers(answers_file, sets or [], use_defaults,
                                          stdin=sys.stdin.buffer if answers_file == "-" else None)
        if missing:
            if answers_file == "-" or not sys.stdin.isatty():
                raise PathfinderError(
                    f"no terminal to ask in, and these answers are missing: {', '.join(missing)}. "
                    "Give them with --answers FILE or --set id=value, or add --defaults to take the defaults."
                )
            from pathfinder.prompts import ask_missing

            answers = ask_missing(answers)
        answers = in_order(answers)
        from pathfinder.advice import advise
        from pathfinder.projection import Options

        result = advise(answers, catalog, Options(years=years, part_time_income_usd=part_time_income), what_if_answers)
        if save_answers is not None:
            import json

            write_atomic(save_answers, json.dumps(answers, indent=2) + "\n", "--save-answers")
        if export is not None and fmt is not None:
            write_atomic(export, _export_text(result, catalog, fmt), "--export")
            _fail(f"wrote the report to {export}")
        if as_json:
            _write_stdout(result.model_dump_json(indent=2))
            return
        from pathfinder.render import report_view
        from pathfinder.report import build

        more = "More: add --details for the whole report, or --export report.html to save it."
        console = _console(ctx)
        console.print(report_view(build(result, catalog, details=details, more=more)))


def _export_text(result: Any, catalog: Catalog, fmt: str) -> str:
    """The whole report in the format the file's suffix names."""
    from pathfinder.report import build

    report = build(result, catalog, details=True)
    if fmt == "markdown":
        from pathfinder.markdown import to_markdown

        return to_markdown(report)
    if fmt == "text":
        from pathfinder.render import plain_text

        return plain_text(report)
    from pathfinder.html import chart_only, to_html

    return to_html(report) if fmt == "html" else chart_only(report)


# --- score ---------------------------------------------------------------------------


class InputFormat(str, Enum):
    auto = "auto"
    jsonl = "jsonl"
    csv = "csv"


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def score(
    ctx: typer.Context,
    file: Annotated[
        str, typer.Argument(metavar="FILE", help="Answer sets, JSON Lines or CSV ('-' reads standard input).")
    ],
    input_format: Annotated[
        InputFormat,
        typer.Option("--input-format", help="How FILE is written; auto goes by the suffix, or by the first line."),
    ] = InputFormat.auto,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", help="jsonl: one result a line, as quiz --json; csv: a table of recommendations."),
    ] = OutputFormat.jsonl,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first bad line.")] = False,
    full: Annotated[
        bool,
        typer.Option("--full", help="Add the projection, what would change and the stackable path, as quiz --json does "
                     "(much slower)."),
    ] = False,
) -> None:
    """Score many answer sets (JSON Lines or CSV) and write one result a line.

    Missing answers take their defaults. A bad line is reported on standard error with its
    line number and skipped; the exit code is 1 if any line failed.
    """
    with _guard():
        from pathfinder.batch import open_source, run

        catalog = _catalog(ctx)
        source = open_source(file, input_format.value, stdin=sys.stdin.buffer if file == "-" else None)
        try:
            with _progress(ctx, source) as on_progress:
                outcome = run(
                    source, catalog, sys.stdout.buffer, output_format=output_format.value, strict=strict, full=full,
                    on_problem=lambda line, message: _fail(f"{source.label} line {line}: {message}"),
                    on_progress=on_progress,
                )
        finally:
            source.close()
        sets = "answer set" if outcome.scored == 1 else "answer sets"
        if outcome.stopped:
            _fail(f"stopped at line {outcome.first_failure} (--strict); scored {outcome.scored:,} {sets} before it")
        elif outcome.failed:
            lines = "line" if outcome.failed == 1 else "lines"
            _fail(f"scored {outcome.scored:,} {sets}; {outcome.failed:,} {lines} failed "
                  f"(the first at line {outcome.first_failure})")
        else:
            _fail(f"scored {outcome.scored:,} {sets}")
        if outcome.failed:
            raise typer.Exit(1)


@contextmanager
def _progress(ctx: typer.Context, source: Any) -> Iterator[Any]:
    """A progress bar on stderr, only when stderr is a terminal and the input a file of known size."""
    if not source.size or not sys.stderr.isatty():
        yield None
        return
    from pathfinder.render import progress_bar

    bar, update = progress_bar(source.size, f"Scoring {source.label}", _console(ctx, sys.stderr))
    with bar:
        yield update


# --- compare, questions, schema -------------------------------------------------------


class CompareFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


@app.command()
def compare(
    ctx: typer.Context,
    output_format: Annotated[
        Optional[CompareFormat],
        typer.Option("--format", help="table (the default), json (the full profiles), markdown or csv."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="The same as --format json.")] = False,
    programs: Annotated[
        Optional[str], typer.Option("--programs", metavar="IDS", help="Comma-separated program ids to show, in that order (default: all).")
    ] = None,
    sources: Annotated[
        bool, typer.Option("--sources", help="Mark each figure with footnotes saying where it comes from (table, markdown, csv).")
    ] = False,
) -> None:
    """Show the programs side by side: cost, length, salary, growth, certifications and more."""
    with _guard():
        from pathfinder.errors import PathfinderError
        from pathfinder.factsheet import choose_programs

        if as_json and output_format not in (None, CompareFormat.json):
            raise PathfinderError(f"--json is the same as --format json; it cannot be used with --format {output_format.value}")
        fmt = CompareFormat.json if as_json else (output_format or CompareFormat.table)
        ids = None if programs is None else [part.strip() for part in programs.split(",") if part.strip()]
        if ids is not None and not ids:
            raise PathfinderError("--programs: give at least one program id, for example --programs him,mbc")
        catalog = _catalog(ctx)
        chosen = choose_programs(catalog, ids)
        if fmt is CompareFormat.json:
            shown = catalog.model_copy(update={"programs": chosen}) if ids else catalog
            _write_stdout(shown.model_dump_json(indent=2))
            return
        if fmt is CompareFormat.csv:
            from pathfinder.formats import compare_csv

            sys.stdout.write(compare_csv(catalog, chosen, sources))
            sys.stdout.flush()
            return
        from pathfinder.report import compare_report

        shown = compare_report(catalog, chosen, sources)
        if fmt is CompareFormat.markdown:
            from pathfinder.markdown import to_markdown

            _write_stdout(to_markdown(shown))
            return
        from pathfinder.render import compare_view

        _console(ctx).print(compare_view(shown))


@app.command()
def questions(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the questions as JSON, to build an answers file.")] = False,
) -> None:
    """List the quiz questions with their ids, kinds, choices and defaults."""
    with _guard():
        from pathfinder.questions import QUESTIONS

        if as_json:
            import json

            payload = {
                "schema_version": 1,
                "questions": [
                    {
                        "id": q.id, "title": q.title, "prompt": q.prompt, "kind": q.kind, "help": q.help, "default": q.default,
                        "nullable": q.nullable, "minimum": q.minimum, "maximum": q.maximum,
                        "choices": [{"value": c.value, "label": c.label} for c in q.choices],
                    }
                    for q in QUESTIONS
                ],
            }
            _write_stdout(json.dumps(payload, indent=2))
            return
        from pathfinder.render import questions_table

        console = _console(ctx)
        console.print(questions_table(QUESTIONS, console))


class SchemaName(str, Enum):
    result = "result"
    answers = "answers"
    programs = "programs"


@app.command()
def schema(
    name: Annotated[SchemaName, typer.Argument(help="Which document: result, answers or programs.")],
) -> None:
    """Print the JSON Schema of the result, the answers file or the programs catalog."""
    with _guard():
        import json

        from pathfinder.results import schema_for

        _write_stdout(json.dumps(schema_for(name.value), indent=2))


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so prompts restore the terminal on the way out."""


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
        _fail("standard output is closed; nothing can be printed")
        return False
    return True


def main() -> None:
    """Entry point for the ``pathfinder`` command and ``python -m pathfinder``."""
    if sys.argv[1:] == ["--version"]:
        # The same answer the --version option gives, without building every command's options first.
        sys.stdout.write(f"pathfinder {__version__}\n")
        return
    import signal

    if not _prepare_streams():
        sys.exit(1)
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        app(prog_name="pathfinder")
    except Terminated:
        _fail("terminated")
        sys.exit(EXIT_TERMINATED)
    except KeyboardInterrupt:
        _fail("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(1)
