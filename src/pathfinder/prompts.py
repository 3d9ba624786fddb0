"""Interactive prompts: the only module that imports questionary.

Turns question specs into prompts, asks only what is missing, then shows a review
screen where any answer can be changed. Ctrl-C raises KeyboardInterrupt (``unsafe_ask``)
so the CLI can exit 130 instead of carrying on with half the answers.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

import questionary
from prompt_toolkit.output import create_output

from pathfinder.answers import parse_typed
from pathfinder.errors import PathfinderError
from pathfinder.questions import QUESTIONS, Answer, Question

NULL = "__null__"
DONE = "__done__"
STYLE = questionary.Style([("qmark", "fg:#5f87af bold"), ("question", "bold"), ("instruction", "fg:#808080")])


def _pointer() -> str:
    """questionary's pointer is a non-ASCII character; use '>' where the terminal cannot show it."""
    encoding = (getattr(sys.stderr, "encoding", None) or "ascii").lower().replace("-", "")
    return "\u00bb" if encoding.startswith("utf") else ">"


def _io(input: Any = None, output: Any = None) -> dict[str, Any]:
    """Prompts draw on stderr so stdout stays clean for --json and pipes."""
    if output is None and sys.stderr.isatty():
        output = create_output(stdout=sys.stderr)
    io: dict[str, Any] = {}
    if input is not None:
        io["input"] = input
    if output is not None:
        io["output"] = output
    return io


def _help(text: str) -> str:
    """Indented help, wrapped to the terminal so no word is cut off."""
    width = max(30, shutil.get_terminal_size((80, 24)).columns - 4)
    return "\n" + "\n".join(textwrap.wrap(text, width, initial_indent="  ", subsequent_indent="  "))


def ask_question(question: Question, position: int, total: int, current: Answer, *,
                 input: Any = None, output: Any = None) -> Answer:
    message = f"({position} of {total}) {question.prompt}"
    if question.kind == "choice":
        choices = [questionary.Choice(title=c.label, value=NULL if c.value is None else c.value) for c in question.choices]
        picked = questionary.select(
            message, choices=choices, default=NULL if current is None else current,
            instruction=_help(question.help + " (Arrow keys, then Enter.)"), style=STYLE, qmark="?",
            pointer=_pointer(), **_io(input, output),
        ).unsafe_ask()
        return None if picked == NULL else picked  # type: ignore[no-any-return]

    def validate(text: str) -> bool | str:
        try:
            parse_typed(question, text)
        except PathfinderError as exc:
            return exc.message
        return True

    shown = "" if current is None else f"{current:g}" if isinstance(current, int | float) else str(current)
    typed = questionary.text(
        message, default=shown, validate=validate, instruction=_help(question.help) + "\n  >",
        style=STYLE, qmark="?", **_io(input, output),
    ).unsafe_ask()
    if question.nullable and typed.strip() == "":
        return None
    return parse_typed(question, typed)


def ask_missing(answers: dict[str, Answer], *, input: Any = None, output: Any = None,
                questions: Sequence[Question] = QUESTIONS) -> dict[str, Answer]:
    """Ask every question not yet answered, then the review screen; returns all answers."""
    total = len(questions)
    for position, question in enumerate(questions, 1):
        if question.id not in answers:
            answers[question.id] = ask_question(question, position, total, question.default, input=input, output=output)
    return review(answers, input=input, output=output, questions=questions)


def review(answers: dict[str, Answer], *, input: Any = None, output: Any = None,
           questions: Sequence[Question] = QUESTIONS) -> dict[str, Answer]:
    """Show every answer; Enter on the first line goes on, any other line re-asks that question."""
    total = len(questions)
    while True:
        choices = [questionary.Choice(title="Looks right: show my recommendation", value=DONE)]
        choices.extend(
            questionary.Choice(title=f"{q.title}: {q.label_for(answers[q.id])}", value=q.id) for q in questions
        )
        picked = questionary.select(
            "Review your answers", choices=choices, default=DONE,
            instruction=_help("Press Enter to see the result, or pick an answer to change it."),
            style=STYLE, qmark="?", pointer=_pointer(), **_io(input, output),
        ).unsafe_ask()
        if picked == DONE:
            return answers
        position = next(i for i, q in enumerate(questions, 1) if q.id == picked)
        question = questions[position - 1]
        answers[question.id] = ask_question(question, position, total, answers[question.id], input=input, output=output)
