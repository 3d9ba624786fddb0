"""Interactive prompts: the only module that imports questionary.

Turns question specs into prompts, asks only what is missing, then shows a review
screen where any answer can be changed. Number fields start empty with the current
answer as a grey hint, so Enter keeps it and typing replaces it; what is typed is read
by ``pathfinder.core.answers``, as ``--set`` and CSV cells are. Ctrl-B (or the left arrow in a
list) goes back to the previous question. Ctrl-C raises KeyboardInterrupt (``unsafe_ask``)
so the CLI can exit 130 instead of carrying on with half the answers.

Lists of choices are questionary's list (its ``InquirerControl``, so they look and move as ``questionary.select``
does) in an Application built here: ``questionary.select`` also builds two prompt sessions only to borrow their
layout, each a full Application with every vi and emacs key binding, which made the first question the slowest
thing the quiz drew.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import questionary
from prompt_toolkit.application import Application
from prompt_toolkit.filters import is_done
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, FormattedTextControl, HSplit, Layout, Window
from prompt_toolkit.output import create_output
from questionary.prompts.common import InquirerControl
from questionary.styles import merge_styles_default

from pathfinder.core.answers import examples, parse_typed
from pathfinder.core.questions import QUESTIONS, Answer, Question
from pathfinder.errors import PathfinderError
from pathfinder.i18n import N_, _

NULL = "__null__"
DONE = "__done__"
STYLE = questionary.Style([("qmark", "fg:#5f87af bold"), ("question", "bold"), ("instruction", "fg:#808080"),
                           ("placeholder", "fg:#808080")])
BACK_KEY = "c-b"  # Ctrl-B, in every question
BACK_KEY_IN_A_LIST = "left"  # the left arrow too, where it moves nothing


class Back:
    """What a question returns when the person goes back to the previous one."""


BACK = Back()


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


def _fit(text: str, room: int | None = None) -> str:
    """``text`` cut to one line of the terminal (less the pointer's columns), ending with an ellipsis when cut."""
    width = room if room is not None else shutil.get_terminal_size((80, 24)).columns - 4
    if len(text) <= width:
        return text
    ellipsis = "\u2026" if _pointer() != ">" else "..."
    return text[:max(1, width - len(ellipsis))].rstrip() + ellipsis


def _help(text: str) -> str:
    """Indented help, wrapped to the terminal so no word is cut off."""
    width = max(30, shutil.get_terminal_size((80, 24)).columns - 4)
    return "\n" + "\n".join(textwrap.wrap(text, width, initial_indent="  ", subsequent_indent="  "))


def select(message: str, choices: Sequence[questionary.Choice], default: str, instruction: str,
           input: Any = None, output: Any = None) -> questionary.Question:
    """A list to pick one choice from, drawn and moved as ``questionary.select`` does (arrow keys, j/k, Ctrl-N/P,
    Enter; Ctrl-C interrupts), in one Application."""
    control = InquirerControl(choices, default, pointer=_pointer(), use_indicator=False, initial_choice=default)

    def tokens() -> StyleAndTextTuples:
        shown: StyleAndTextTuples = [("class:qmark", "?"), ("class:question", f" {message} ")]
        if control.is_answered:
            return [*shown, ("class:answer", str(control.get_pointed_at().title))]
        return [*shown, ("class:instruction", instruction)]

    bindings = KeyBindings()

    @bindings.add(Keys.ControlQ, eager=True)
    @bindings.add(Keys.ControlC, eager=True)
    def interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    def down(event: KeyPressEvent) -> None:
        control.select_next()
        while not control.is_selection_valid():
            control.select_next()

    def up(event: KeyPressEvent) -> None:
        control.select_previous()
        while not control.is_selection_valid():
            control.select_previous()

    for key in (Keys.Down, "j", Keys.ControlN):
        bindings.add(key, eager=True)(down)
    for key in (Keys.Up, "k", Keys.ControlP):
        bindings.add(key, eager=True)(up)

    @bindings.add(Keys.ControlM, eager=True)
    def answer(event: KeyPressEvent) -> None:
        control.is_answered = True
        event.app.exit(result=control.get_pointed_at().value)

    @bindings.add(Keys.Any)
    def other(event: KeyPressEvent) -> None:
        """Typing inserts nothing."""

    layout = Layout(HSplit([
        Window(FormattedTextControl(tokens), dont_extend_height=True, always_hide_cursor=True),
        ConditionalContainer(Window(control), filter=~is_done),
    ]))
    application: Application[Any] = Application(layout=layout, key_bindings=bindings,
                                                style=merge_styles_default([STYLE]), **_io(input, output))
    return questionary.Question(application)


def _go_back_on(prompt: questionary.Question, keys: Sequence[str]) -> None:
    """Make ``keys`` end the prompt with BACK; they take priority over the prompt's own bindings."""
    bindings = KeyBindings()

    def go_back(event: KeyPressEvent) -> None:
        event.app.exit(result=BACK)

    for key in keys:
        bindings.add(key, eager=True)(go_back)
    application = prompt.application
    application.key_bindings = merge_key_bindings([application.key_bindings or KeyBindings(), bindings])


def ask_question(question: Question, position: int, total: int, current: Answer, *, back: bool = False,
                 input: Any = None, output: Any = None) -> Answer | Back:
    """Ask one question, starting from ``current``; with ``back``, Ctrl-B returns BACK."""
    # TRANSLATORS: the progress, then the question: "(1 of 10) What work do you most want to end up doing?"
    message = _("({position} of {total}) {prompt}").format(position=position, total=total, prompt=question.prompt)
    if question.kind == "choice":
        choices = [questionary.Choice(title=c.label, value=NULL if c.value is None else c.value)
                   for c in question.choices]
        keys = _("Arrow keys, then Enter. Left arrow or Ctrl-B goes back.") if back else _("Arrow keys, then Enter.")
        pick = select(message, choices, NULL if current is None else str(current),
                      _help(_("{help} ({keys})").format(help=question.help, keys=keys)), input, output)
        if back:
            _go_back_on(pick, (BACK_KEY, BACK_KEY_IN_A_LIST))
        picked = pick.unsafe_ask()
        return None if picked == NULL else picked

    def validate(text: str) -> bool | str:
        if not text.strip():
            return True  # Enter keeps the answer shown in grey
        try:
            parse_typed(question, text)
        except PathfinderError as exc:
            return exc.message
        return True

    how = [_("Type it like {examples}.").format(examples=examples(question))]
    if current is not None:  # None: the help already says to leave it blank
        how.append(_("Enter takes {answer}.").format(answer=question.label_for(current)))
        if question.nullable:
            how.append(_("? means not sure."))
    if back:
        how.append(_("Ctrl-B goes back."))
    field = questionary.text(
        message, default="", validate=validate,
        instruction=_help(_("{help} ({keys})").format(help=question.help, keys=" ".join(how))) + "\n  >",
        placeholder=[("class:placeholder", question.label_for(current))],
        style=STYLE, qmark="?", **_io(input, output),
    )
    if back:
        _go_back_on(field, (BACK_KEY,))
    typed = field.unsafe_ask()
    if isinstance(typed, Back):
        return typed
    if typed.strip() == "":
        return current
    return parse_typed(question, typed)


def ask_missing(answers: dict[str, Answer], *, input: Any = None, output: Any = None,
                questions: Sequence[Question] = QUESTIONS,
                on_answer: Callable[[dict[str, Answer]], None] | None = None) -> dict[str, Answer]:
    """Ask every question not yet answered, then the review screen; returns all answers.

    Going back returns to the previous question asked here (one answered beforehand is
    changed from the review screen), showing its answer so far. ``on_answer`` is called with
    the answers so far after each answer is given or changed (to save them as they come).
    """
    total = len(questions)
    to_ask = [(position, q) for position, q in enumerate(questions, 1) if q.id not in answers]
    step = 0
    while step < len(to_ask):
        position, question = to_ask[step]
        answer = ask_question(question, position, total, answers.get(question.id, question.default),
                              back=step > 0, input=input, output=output)
        if isinstance(answer, Back):
            step -= 1
            continue
        answers[question.id] = answer
        if on_answer is not None:
            on_answer(answers)
        step += 1
    return review(answers, input=input, output=output, questions=questions, on_answer=on_answer)


def review(answers: dict[str, Answer], *, input: Any = None, output: Any = None,
           questions: Sequence[Question] = QUESTIONS,
           on_answer: Callable[[dict[str, Answer]], None] | None = None) -> dict[str, Answer]:
    """Show every answer; Enter on the first line goes on, any other line re-asks that question."""
    total = len(questions)
    while True:
        choices = [questionary.Choice(title=_("Looks right: show my recommendation"), value=DONE)]
        choices.extend(
            # TRANSLATORS: a line of the review screen: "Budget: $4,000".
            questionary.Choice(title=_fit(_("{title}: {answer}").format(title=q.title,
                                                                        answer=q.label_for(answers[q.id]))),
                               value=q.id) for q in questions
        )
        picked = select(_("Review your answers"), choices, DONE,
                        _help(_("Press Enter to see the result, or pick an answer to change it.")), input,
                        output).unsafe_ask()
        if picked == DONE:
            return answers
        position = next(i for i, q in enumerate(questions, 1) if q.id == picked)
        question = questions[position - 1]
        answer = ask_question(question, position, total, answers[question.id], input=input, output=output)
        assert not isinstance(answer, Back)  # asked without a back key
        answers[question.id] = answer
        if on_answer is not None:
            on_answer(answers)


# --- after the result ---------------------------------------------------------------------------------

# What the person can do once the result is shown, without answering again.
DETAILS, SAVE_REPORT, SAVE_ANSWERS = "details", "report", "answers"
NEXT_CHOICES = {
    DONE: N_("Done"),
    DETAILS: N_("Show the whole report here"),
    SAVE_REPORT: N_("Save the whole report to a file (a web page, Markdown or plain text)"),
    SAVE_ANSWERS: N_("Save my answers, to see this result again or change an answer later"),
}
NEXT_QUESTION = N_("What next?")
NEXT_HELP = N_("Arrow keys, then Enter; Enter or Esc on Done ends.")
NEXT_HELP_WITH_NOTE = N_("{note} Arrow keys, then Enter; Enter or Esc on Done ends.")
REPORT_FORMATS = {"html": N_("A web page (.html), to open in a browser or print"),
                  "markdown": N_("Markdown (.md), to paste into a document"),
                  "text": N_("Plain text (.txt)")}
REPORT_FORMAT_QUESTION = N_("Save the report as")
REPORT_FORMAT_HELP = N_("Arrow keys, then Enter. Esc goes back.")
FILE_NAME_HELP = N_("Enter takes {default}, in the current folder; type another name or path to use it. "
                    "Esc goes back.")


def _done_on(prompt: questionary.Question, result: Any, keys: Sequence[str] = ("escape",)) -> None:
    """Make ``keys`` end the prompt with ``result`` (Esc: not eager, so arrow keys still arrive whole)."""
    bindings = KeyBindings()

    def finish(event: KeyPressEvent) -> None:
        event.app.exit(result=result)

    for key in keys:
        bindings.add(key)(finish)
    application = prompt.application
    application.key_bindings = merge_key_bindings([application.key_bindings or KeyBindings(), bindings])


def what_next(offered: Sequence[str], note: str | None = None, *, input: Any = None, output: Any = None) -> str:
    """The menu after the result: one of ``offered`` (keys of NEXT_CHOICES); Enter on Done, or Esc, is DONE."""
    choices = [questionary.Choice(title=_(NEXT_CHOICES[key]), value=key) for key in (DONE, *offered)]
    instruction = _(NEXT_HELP_WITH_NOTE).format(note=note) if note else _(NEXT_HELP)
    menu = questionary.select(_(NEXT_QUESTION), choices=choices, default=DONE,
                              instruction=_help(instruction), style=STYLE, qmark="?",
                              pointer=_pointer(), **_io(input, output))
    _done_on(menu, DONE)
    picked = menu.unsafe_ask()
    return str(picked)


def report_format(*, input: Any = None, output: Any = None) -> str | None:
    """Which format to save the report in (a key of REPORT_FORMATS); None when the person goes back (Esc)."""
    choices = [questionary.Choice(title=_(title), value=key) for key, title in REPORT_FORMATS.items()]
    menu = questionary.select(_(REPORT_FORMAT_QUESTION), choices=choices, default="html",
                              instruction=_help(_(REPORT_FORMAT_HELP)), style=STYLE, qmark="?",
                              pointer=_pointer(), **_io(input, output))
    _done_on(menu, BACK)
    picked = menu.unsafe_ask()
    return None if isinstance(picked, Back) else str(picked)


def file_name(message: str, default: str, check: Callable[[str], str | None], *, input: Any = None,
              output: Any = None) -> str | None:
    """A file name, typed or the default (Enter); ``check`` says in words why a name cannot be used, and the
    prompt stays until one can. None when the person goes back (Esc)."""
    def validate(text: str) -> bool | str:
        problem = check(text.strip() or default)
        return True if problem is None else problem

    field = questionary.text(message, default="", validate=validate,
                             instruction=_help(_(FILE_NAME_HELP).format(default=default)) + "\n  >",
                             placeholder=[("class:placeholder", default)], style=STYLE, qmark="?",
                             **_io(input, output))
    _done_on(field, BACK)
    typed = field.unsafe_ask()
    if isinstance(typed, Back):
        return None
    return str(typed).strip() or default
