"""Answers as people write them: typed at a prompt, given with ``--set``, in a CSV cell or a JSON file.

One reader turns written text into an answer (``$5k`` -> 5000, ``1 year`` -> 12, a choice's label ->
its id, ``not sure`` -> null or the default) and hands it to ``questions.validate_answer``, so every
path accepts and refuses the same values with the same messages. Gathering (file, then ``--set``,
then defaults) and matching a CSV header to questions live here too. Pure: no terminal, no printing.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from typing import IO, Any, NamedTuple

from pathfinder.core.questions import (
    QUESTIONS,
    QUESTIONS_BY_ID,
    Answer,
    Question,
    missing_ids,
    show_value,
    unknown_id_problem,
    validate_answer,
    validate_answers,
)
from pathfinder.errors import PathfinderError

MAX_ANSWERS_BYTES = 1024 * 1024

# Words meaning "I don't know": null for a question that allows it, the default otherwise. In English and in
# Spanish (with or without the accent, as people type it), whatever language pathfinder speaks.
NOT_SURE = frozenset({
    "", "not sure", "notsure", "unsure", "n/a", "na", "none", "null", "?", "don't know", "dont know",
    "no sé", "no se", "no lo sé", "no lo se", "no estoy seguro", "no estoy segura", "no estoy seguro/a",
})

# How numbers are written: 5000, 5,000 (grouped by thousands), 12_500, 4.5, .5; a sign is read so that
# "-5" is refused as out of range rather than as "not a number".
_NUMBER = re.compile(
    r"(?P<sign>[-+])?\s*(?P<dollar>\$)?\s*"
    r"(?P<digits>(?:\d{1,3}(?:,\d{3})+|\d+(?:_\d+)*)(?:\.\d+)?|\.\d+)"
    r"\s*(?P<k>k)?\s*(?P<unit>[^\W\d_]+)?"
)
_MONEY_WORDS = frozenset({"usd", "dollars", "dollar"})
_MONTH_WORDS = {"month": 1, "months": 1, "mo": 1, "mos": 1, "year": 12, "years": 12, "yr": 12, "yrs": 12,
                # Spanish, also typed without the ñ
                "mes": 1, "meses": 1, "año": 12, "años": 12, "ano": 12, "anos": 12}
_LONGEST_NUMBER = 100  # characters; anything longer is not a number anyone wrote by hand


def _plain(text: str) -> str:
    """Case, curly apostrophes and runs of spaces ignored."""
    return " ".join(text.replace("\u2019", "'").casefold().split())


# --- reading one answer -------------------------------------------------------------------


def read_text(question: Question, text: str) -> Answer:
    """Read text someone wrote for ``question`` (``--set``, a CSV cell): the answer, validated.

    Refusals raise PathfinderError naming the id and what is allowed.
    """
    plain = _plain(text)
    if question.kind == "choice":
        value = _choice_lookup(question).get(plain, _NO_MATCH)
        if value is not _NO_MATCH:
            return value  # type: ignore[return-value]
        if plain in NOT_SURE:
            return None if question.nullable else question.default
        if len(choices_in(question, text)) > 1:  # several ticked at once, as a checkbox question exports them
            raise PathfinderError(f"{question.id}: {refusal(question, text)}")
        return validate_answer(question, text.strip())  # not a choice: refused, naming the choices
    if plain in NOT_SURE:
        return None if question.nullable else question.default
    number = read_number(question, plain)
    if number is None:
        raise PathfinderError(f"{question.id}: {show_value(text.strip())} is not a number "
                              f"(allowed: {question.allowed()}; written like {examples(question)})")
    return validate_answer(question, number)


def parse_typed(question: Question, text: str) -> Answer:
    """Read text typed at a prompt; a refusal's message says plainly what to enter, with no id."""
    try:
        return read_text(question, text)
    except PathfinderError:
        raise PathfinderError(accepted(question)) from None


def read_number(question: Question, text: str) -> int | float | None:
    """A number as people write it (``5,000``, ``$5k``, ``4.5k``, ``12 months``, ``2 years``), or None.

    ``$``, ``k`` and ``usd`` are read only for an amount of money, ``months`` and ``years`` (12 a
    year) only for a number of months. The range is not checked here.
    """
    if len(text) > _LONGEST_NUMBER:
        return None
    match = _NUMBER.fullmatch(text.strip().casefold())
    if match is None:
        return None
    from decimal import Decimal  # exact for "4.5k"; loaded when a number is first read, not at start-up

    money = question.unit == "usd"
    unit = match["unit"]
    scale = Decimal(1)
    if (match["dollar"] or match["k"]) and not money:
        return None
    if match["k"]:
        scale = Decimal(1000)
    if unit is not None:
        if money and unit in _MONEY_WORDS:
            pass
        elif question.unit == "months" and unit in _MONTH_WORDS and not match["k"]:
            scale = Decimal(_MONTH_WORDS[unit])
        else:
            return None
    value = Decimal(match["digits"].replace(",", "").replace("_", "")) * scale
    if match["sign"] == "-":
        value = -value
    return int(value) if value == value.to_integral_value() else float(value)


def examples(question: Question) -> str:
    """How an answer to ``question`` may be written, for help lines and refusals."""
    if question.unit == "usd":
        return "5000, 5,000, $5,000 or 5k"
    if question.unit == "months":
        return "12, 12 months or 1 year"
    return "12 or 4.5"


def accepted(question: Question) -> str:
    """What to enter at a prompt, in one plain sentence."""
    if question.kind == "choice":
        return f"Enter {question.allowed()}."
    kind = "a whole number" if question.kind == "integer" else "a number"
    assert question.minimum is not None and question.maximum is not None
    text = f"Enter {kind} from {question.minimum:,.0f} to {question.maximum:,.0f}, like {examples(question)}"
    return text + (", or ? if you are not sure." if question.nullable else ".")


def refusal(question: Question, text: str) -> str:
    """Why ``text`` cannot be read as an answer to ``question``, in the form's words: what it said and what is
    accepted (a class file's error column). A cell that picks several choices is asked to choose one."""
    shown = repr(text.strip()) if len(text.strip()) <= 80 else repr(text.strip()[:77] + "...")
    if question.kind == "choice":
        picked = choices_in(question, text)
        if len(picked) > 1:
            return f"{shown} picks {len(picked)} answers ({' and '.join(picked)}): choose one of them"
        labels = "; ".join(c.label for c in question.choices if c.value is not None)
        blank = ", or leave it blank if not sure" if question.nullable else ""
        return f"{shown} is not one of the answers (choose one of: {labels}{blank})"
    number = read_number(question, _plain(text))
    assert question.minimum is not None and question.maximum is not None
    if number is None:
        what = "not an amount" if question.unit == "usd" else "not a number"
    elif question.kind == "integer" and not float(number).is_integer():
        what = "not a whole number"
    else:
        what = "out of range"
    if question.unit == "usd":
        span = f"one amount from {question.label_for(question.minimum)} to {question.label_for(question.maximum)}"
    else:
        span = f"a number of {question.unit or 'units'} from {question.minimum:,.0f} to {question.maximum:,.0f}"
    blank = "if not sure" if question.nullable else f"for {question.label_for(question.default)}"
    return f"{shown} is {what} (write {span}, like {examples(question)}, or leave it blank {blank})"


def choices_in(question: Question, text: str) -> list[str]:
    """The labels of the choices a cell names, in the question's order: by their words anywhere in it, or by
    their ids between separators (``;``, ``,``)."""
    plain = _plain(text)
    lookup = _choice_lookup(question)
    named = {lookup[piece] for piece in (_plain(p) for p in re.split(r"[;,]", text)) if piece in lookup}
    return [c.label for c in question.choices
            if c.value is not None and (c.value in named or _plain(c.label) in plain)]


class _NoMatch:
    pass


_NO_MATCH = _NoMatch()


@cache
def _choice_lookup(question: Question) -> dict[str, Answer]:
    """Every spelling of each choice: its id (with ``-`` or a space for ``_``) and its label."""
    lookup: dict[str, Answer] = {}
    for choice in question.choices:
        lookup[_plain(choice.label)] = choice.value
    for choice in question.choices:
        if choice.value is not None:
            for spelling in (choice.value, choice.value.replace("_", "-"), choice.value.replace("_", " ")):
                lookup[_plain(spelling)] = choice.value
    return lookup


# --- --set values and answers files -------------------------------------------------------


def read_set_value(question: Question, text: str) -> Answer:
    """A ``--set`` value: JSON where it parses as JSON other than a string (``null``, ``4000``),
    else the text (or the JSON string) read as written text is. Validated."""
    import json

    try:
        value = json.loads(text)
    except ValueError:
        return read_text(question, text)
    if isinstance(value, str):
        return read_text(question, value)
    return validate_answer(question, value)


def read_sets(pairs: Sequence[str], flag: str = "--set", once: bool = False) -> dict[str, Answer]:
    """``id=value`` pairs as validated answers; every problem is reported at once. A later pair for the same id
    replaces an earlier one, or with ``once`` is refused."""
    texts: dict[str, str] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep or not key.strip():
            raise PathfinderError(f"{flag} {pair!r}: expected id=value, for example {flag} budget_usd=5000")
        if once and key.strip() in texts:
            raise PathfinderError(f"{flag} {key.strip()} is given twice ({texts[key.strip()]!r} and {text!r}); "
                                  "give each answer one value, and run again for another")
        texts[key.strip()] = text
    answers: dict[str, Answer] = {}
    problems: list[str] = []
    for key, text in texts.items():
        question = QUESTIONS_BY_ID.get(key)
        if question is None:
            problems.append(unknown_id_problem(key))
            continue
        try:
            answers[key] = read_set_value(question, text)
        except PathfinderError as exc:
            problems.append(exc.message)
    if problems:
        raise PathfinderError("invalid answers:", problems)
    return answers


def read_answers_file(source: str, stdin: IO[bytes] | None = None) -> dict[str, Any]:
    """The JSON object in the file ``source`` (``-``: ``stdin``), at most 1 MB; not yet validated."""
    from pathfinder.core.catalog import parse_json_bytes, read_json_file

    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        raw = stream.read(MAX_ANSWERS_BYTES + 1)
        if len(raw) > MAX_ANSWERS_BYTES:
            raise PathfinderError("answers from stdin: larger than 1 MB")
        data = parse_json_bytes(raw, "answers from stdin")
    else:
        from pathlib import Path

        data = read_json_file(Path(source), "answers file", max_bytes=MAX_ANSWERS_BYTES)
    if not isinstance(data, dict):
        kind = type(data).__name__.replace("dict", "object").replace("list", "array").replace("str", "string")
        raise PathfinderError(f"answers must be a JSON object of question ids and values, not a JSON {kind}")
    return data


def gather_answers(answers_file: str | None, sets: Sequence[str], use_defaults: bool,
                   stdin: IO[bytes] | None = None) -> tuple[dict[str, Answer], list[str]]:
    """Answers from the file, then ``--set``, then defaults; returns them and the ids still missing."""
    answers: dict[str, Answer] = {}
    if answers_file is not None:
        answers.update(validate_answers(read_answers_file(answers_file, stdin)))
    answers.update(read_sets(sets))
    if use_defaults:
        for question in QUESTIONS:
            answers.setdefault(question.id, question.default)
    return answers, missing_ids(answers)


def in_order(answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """Complete answers in the questionnaire's order (the order they are saved and shown in)."""
    return {q.id: answers[q.id] for q in QUESTIONS}


# --- CSV headers --------------------------------------------------------------------------


def header_key(name: str) -> str:
    """A column name as compared: case, spaces, ``_``, ``-`` and punctuation ignored."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


@cache
def _names() -> dict[str, str]:
    """header_key of every id, title, prompt and word people use for a question -> the question id."""
    names: dict[str, str] = {}
    for question in QUESTIONS:
        for name in (*question.also_read_as, question.prompt, question.title, question.id):
            names[header_key(name)] = question.id
    return names


class HeaderMatch(NamedTuple):
    """A CSV header read against the questions."""

    columns: dict[int, Question]  # column index -> the question it answers
    unknown: list[int]  # indexes of named columns that match no question
    problems: list[str]  # unnamed columns, and questions named by more than one column


def match_header(cells: Sequence[str]) -> HeaderMatch:
    """Match each header cell to a question by its id, title, prompt or the words people use for it (case,
    spaces and punctuation ignored)."""
    names = _names()
    columns: dict[int, Question] = {}
    unknown: list[int] = []
    problems: list[str] = []
    first: dict[str, str] = {}
    for index, cell in enumerate(cells):
        name = cell.strip()
        if not name:
            problems.append(f"column {index + 1} has no name")
            continue
        question_id = names.get(header_key(name))
        if question_id is None:
            unknown.append(index)
            continue
        if question_id in first:
            also = "" if first[question_id] == name else f" ({first[question_id]!r} too)"
            problems.append(f"{name!r}: more than one column for {question_id}{also}")
            continue
        first[question_id] = name
        columns[index] = QUESTIONS_BY_ID[question_id]
    return HeaderMatch(columns, unknown, problems)


def close_match(name: str, cutoff: float = 0.6) -> str | None:
    """The question id whose id, title or prompt ``name`` is closest to, if any is that close."""
    names = _names()
    found = difflib.get_close_matches(header_key(name), list(names), n=1, cutoff=cutoff)
    return names[found[0]] if found else None


def question_named(name: str) -> str | None:
    """The question whose id, title, prompt or form wording ``name`` is (case, spaces and punctuation ignored)."""
    return _names().get(header_key(name))
