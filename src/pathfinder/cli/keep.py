"""Seeing more without answering again: answers kept in a file as they are given, so a quiz left half-way
picks up where it stopped, and the menu after an interactive result (the whole report, saving it, saving the
answers). Every sentence here is written whole, in one place.
"""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pathfinder.i18n import N_, _

if TYPE_CHECKING:
    from rich.console import Console

    from pathfinder.core.programs import Catalog
    from pathfinder.core.result import Result

# The last line of a summary printed without the menu after it: each one works as it is (no answer is asked
# again), and names the answers file where there is one.
# (Marked for the catalog with N_ and translated where they are shown.)
MORE = N_("More: add --details for the whole report, or --export report.html to save it.")
MORE_FROM_FILE = N_("More: pathfinder quiz --answers {file} --details prints the whole report, and --export "
                    "report.html instead of --details saves it.")
KEEPING = N_("the answers you give are saved in {file} as you go; pathfinder quiz --answers {file} picks up from "
             "there")
KEPT_ON_STOP = N_("your answers so far are saved in {file}; pathfinder quiz --answers {file} picks up where you left "
                  "off")
NOT_KEPT = N_("{file} cannot be written, so the answers you give now are not saved ({problem})")
READ_ONLY = N_("it is read-only")
KEPT_NOTE = N_("Your answers are saved in {file}.")
SAVED_REPORT = N_("wrote the report to {file}")
SAVED_ANSWERS = N_("saved your answers in {file}; pathfinder quiz --answers {file} shows this result again, and "
                   "--details or --export report.html with it shows or saves the whole report")
FILE_NAME_QUESTION = {"html": N_("Save the web page as"), "markdown": N_("Save the Markdown as"),
                      "text": N_("Save the text as"), "answers": N_("Save your answers as")}
WRONG_SUFFIX = N_("{name}: a file of this kind ends in {suffix}; type a name that does, or press Enter for {default}")
DEFAULT_NAMES = {"html": "pathfinder-report.html", "markdown": "pathfinder-report.md", "text": "pathfinder-report.txt",
                 "answers": "pathfinder-answers.json"}
# TRANSLATORS: begins a message about a file that cannot be saved: "cannot save nowhere/r.md: folder nowhere does
# not exist".
CANNOT_SAVE = N_("cannot save")
SUFFIXES = {"html": (".html", ".htm"), "markdown": (".md",), "text": (".txt",), "answers": (".json",)}


def shown(path: Path | str) -> str:
    """A file name as a person would type it in a shell."""
    return shlex.quote(str(path))


def more_line(answers_file: Path | None) -> str:
    return _(MORE) if answers_file is None else _(MORE_FROM_FILE).format(file=shown(answers_file))


def given(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers given so far, in the questionnaire's order (what an answers file holds)."""
    from pathfinder.core.questions import QUESTIONS

    return {q.id: answers[q.id] for q in QUESTIONS if q.id in answers}


class Keeper:
    """Writes the answers to a file after each one, atomically, so an interrupted quiz loses nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.written = False

    def __call__(self, answers: dict[str, Any]) -> None:
        from pathfinder.files import write_atomic

        write_atomic(self.path, json.dumps(given(answers), indent=2) + "\n", "--save-answers")
        self.written = True


def keeper_for(answers_file: str | None, save_answers: Path | None, say: Any) -> Keeper | None:
    """Where answers typed now are kept: the --save-answers file, or else the --answers file being completed
    (the person named it as their answers); None when neither is given or the file cannot be written (said)."""
    if save_answers is not None:
        return Keeper(save_answers)
    if answers_file in (None, "-"):
        return None
    assert answers_file is not None
    from pathfinder.errors import PathfinderError
    from pathfinder.files import check_writable

    path = Path(answers_file)
    try:
        check_writable(path, "--answers")
    except PathfinderError as exc:
        say(_(NOT_KEPT).format(file=shown(path), problem=exc.message))
        return None
    if path.exists() and not os.access(path, os.W_OK):  # a file made read-only is left as it is
        say(_(NOT_KEPT).format(file=shown(path), problem=_(READ_ONLY)))
        return None
    return Keeper(path)


def _check_name(kind: str, default: str) -> Any:
    """The check for a typed file name: the right ending, and a folder that can be written (said in words)."""
    from pathfinder.errors import PathfinderError
    from pathfinder.files import check_writable

    def check(name: str) -> str | None:
        path = Path(name).expanduser()
        if path.suffix.lower() not in SUFFIXES[kind]:
            suffixes = SUFFIXES[kind]
            # TRANSLATORS: two endings of a file name: ".html or .htm".
            suffix = suffixes[0] if len(suffixes) == 1 else _("{first} or {second}").format(first=suffixes[0],
                                                                                          second=suffixes[1])
            return _(WRONG_SUFFIX).format(name=name, suffix=suffix, default=default)
        try:
            check_writable(path, _(CANNOT_SAVE))
        except PathfinderError as exc:
            return exc.message
        return None

    return check


def _free_name(name: str) -> str:
    """``name`` in the current folder, numbered (-2, -3...) where a file of that name is already there."""
    path = Path(name)
    number = 2
    while path.exists():
        path = Path(f"{Path(name).stem}-{number}{Path(name).suffix}")
        number += 1
    return str(path)


def what_next(result: Result, catalog: Catalog, answers: dict[str, Any], console: Console, *, details_shown: bool,
              kept_in: Path | None, say: Any, export_text: Any) -> None:
    """The menu after an interactive result, until the person picks Done (Enter) or presses Esc."""
    from pathfinder.cli import prompts

    while True:
        offered = [key for key in (prompts.DETAILS, prompts.SAVE_REPORT, prompts.SAVE_ANSWERS)
                   if not (key == prompts.DETAILS and details_shown) and not (key == prompts.SAVE_ANSWERS and kept_in)]
        note = _(KEPT_NOTE).format(file=shown(kept_in)) if kept_in is not None else None
        picked = prompts.what_next(offered, note)
        if picked == prompts.DONE:
            return
        if picked == prompts.DETAILS:
            from pathfinder.layouts.terminal import report_view
            from pathfinder.report.document import build

            console.print(report_view(build(result, catalog, details=True)))
            details_shown = True
        elif picked == prompts.SAVE_REPORT:
            fmt = prompts.report_format()
            if fmt is None:
                continue
            path = _ask_path(fmt)
            if path is not None:
                from pathfinder.files import write_atomic

                write_atomic(path, export_text(result, catalog, fmt), _("the report"))
                say(_(SAVED_REPORT).format(file=shown(path)))
        else:
            path = _ask_path("answers")
            if path is not None:
                Keeper(path)(answers)
                kept_in = path
                say(_(SAVED_ANSWERS).format(file=shown(path)))


def _ask_path(kind: str) -> Path | None:
    from pathfinder.cli import prompts

    default = _free_name(DEFAULT_NAMES[kind])
    name = prompts.file_name(_(FILE_NAME_QUESTION[kind]), default, _check_name(kind, default))
    return None if name is None else Path(name).expanduser()
