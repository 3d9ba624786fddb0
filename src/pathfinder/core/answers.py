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
from pathfinder.i18n import N_, _, in_every_language, ngettext

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


def unaccented(text: str) -> str:
    """``text`` without accents or the tilde: ``codificación`` -> ``codificacion``, ``año`` -> ``ano``."""
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


# --- reading one answer -------------------------------------------------------------------


def read_text(question: Question, text: str) -> Answer:
    """Read text someone wrote for ``question`` (``--set``, a CSV cell): the answer, validated.

    Refusals raise PathfinderError naming the id and what is allowed.
    """
    plain = _plain(text)
    if question.kind == "choice":
        lookup = _choice_lookup(question)
        value = lookup.get(plain, lookup.get(unaccented(plain), _NO_MATCH))
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
        raise PathfinderError(_("{id}: {value} is not a number (allowed: {allowed}; written like {examples})").format(
            id=question.id, value=show_value(text.strip()), allowed=question.allowed(), examples=examples(question)))
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
        return _("5000, 5,000, $5,000 or 5k")
    if question.unit == "months":
        return _("12, 12 months or 1 year")
    return _("12 or 4.5")


def accepted(question: Question) -> str:
    """What to enter at a prompt, in one plain sentence."""
    if question.kind == "choice":
        return _("Enter {allowed}.").format(allowed=question.allowed())
    assert question.minimum is not None and question.maximum is not None
    values = {"minimum": f"{question.minimum:,.0f}", "maximum": f"{question.maximum:,.0f}",
              "examples": examples(question)}
    if question.kind == "integer":
        if question.nullable:
            return _("Enter a whole number from {minimum} to {maximum}, like {examples}, or ? if you are not "
                     "sure.").format(**values)
        return _("Enter a whole number from {minimum} to {maximum}, like {examples}.").format(**values)
    if question.nullable:
        return _("Enter a number from {minimum} to {maximum}, like {examples}, or ? if you are not sure.").format(
            **values)
    return _("Enter a number from {minimum} to {maximum}, like {examples}.").format(**values)


def refusal(question: Question, text: str) -> str:
    """Why ``text`` cannot be read as an answer to ``question``, in the form's words: what it said and what is
    accepted (a class file's error column). A cell that picks several choices is asked to choose one."""
    shown = repr(text.strip()) if len(text.strip()) <= 80 else repr(text.strip()[:77] + "...")
    if question.kind == "choice":
        picked = choices_in(question, text)
        if len(picked) > 1:
            return ngettext("{text} picks {count} answer ({picked}): choose one of them",
                            "{text} picks {count} answers ({picked}): choose one of them", len(picked)).format(
                text=shown, count=len(picked), picked=_listed(picked))
        labels = "; ".join(c.label for c in question.choices if c.value is not None)
        if question.nullable:
            return _("{text} is not one of the answers (choose one of: {labels}, or leave it blank if not "
                     "sure)").format(text=shown, labels=labels)
        return _("{text} is not one of the answers (choose one of: {labels})").format(text=shown, labels=labels)
    number = read_number(question, _plain(text))
    if number is None:
        problem = (_("{text} is not an amount") if question.unit == "usd" else _("{text} is not a number"))
    elif question.kind == "integer" and not float(number).is_integer():
        problem = _("{text} is not a whole number")
    else:
        problem = _("{text} is out of range")
    # TRANSLATORS: {problem} is one of the sentences just above; {how} one of the ways to write an answer below.
    return _("{problem} ({how})").format(problem=problem.format(text=shown), how=_how_to_write(question))


# How to write an answer to a number question, in a class file's words: by its unit ("usd", "months" or any
# other), and whether a blank means not sure (True) or the default (False).
_HOW_TO_WRITE = {
    ("usd", True): N_("write one amount from {minimum} to {maximum}, like {examples}, or leave it blank if not "
                      "sure"),
    ("usd", False): N_("write one amount from {minimum} to {maximum}, like {examples}, or leave it blank for "
                       "{default}"),
    ("months", True): N_("write a number of months from {minimum} to {maximum}, like {examples}, or leave it blank "
                         "if not sure"),
    ("months", False): N_("write a number of months from {minimum} to {maximum}, like {examples}, or leave it blank "
                          "for {default}"),
    ("", True): N_("write a number from {minimum} to {maximum}, like {examples}, or leave it blank if not sure"),
    ("", False): N_("write a number from {minimum} to {maximum}, like {examples}, or leave it blank for {default}"),
}


def _how_to_write(question: Question) -> str:
    """How to write an answer to a number question, in a class file's words (blank takes the default)."""
    assert question.minimum is not None and question.maximum is not None
    money = question.unit == "usd"
    unit = question.unit if question.unit in ("usd", "months") else ""
    return _(_HOW_TO_WRITE[unit, question.nullable]).format(
        minimum=question.label_for(question.minimum) if money else f"{question.minimum:,.0f}",
        maximum=question.label_for(question.maximum) if money else f"{question.maximum:,.0f}",
        examples=examples(question), default=question.label_for(question.default))


def _listed(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``: a list in a sentence."""
    if len(items) < 2:
        return "".join(items)
    # TRANSLATORS: the end of a list in a sentence: "{items} and {last}" ("a, b and c").
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def choices_in(question: Question, text: str) -> list[str]:
    """The labels of the choices a cell names, in the question's order: by their words anywhere in it, or by
    their ids between separators (``;``, ``,``)."""
    plain = _plain(text)
    lookup = _choice_lookup(question)
    named = {lookup[piece] for piece in (_plain(p) for p in re.split(r"[;,]", text)) if piece in lookup}
    return [c.label for c in question.choices
            if c.value is not None and (c.value in named or any(_plain(label) in plain
                                                                 for label in in_every_language(c.english_label)))]


class _NoMatch:
    pass


_NO_MATCH = _NoMatch()


@cache
def _choice_lookup(question: Question) -> dict[str, Answer]:
    """Every spelling of each choice: its id (with ``-`` or a space for ``_``) and its label in every language
    pathfinder speaks (a Spanish form's answers are read by an English run)."""
    lookup: dict[str, Answer] = {}
    for choice in question.choices:
        for label in in_every_language(choice.english_label):
            lookup[_plain(label)] = choice.value
            lookup[_plain(unaccented(label))] = choice.value  # "codificacion medica", as typed without accents
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
            raise PathfinderError(_("{flag} {pair}: expected id=value, for example {flag} budget_usd=5000").format(
                flag=flag, pair=repr(pair)))
        if once and key.strip() in texts:
            raise PathfinderError(_("{flag} {id} is given twice ({first} and {second}); give each answer one value, "
                                    "and run again for another").format(flag=flag, id=key.strip(),
                                                                        first=repr(texts[key.strip()]),
                                                                        second=repr(text)))
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
        raise PathfinderError(_("invalid answers:"), problems)
    return answers


def read_answers_file(source: str, stdin: IO[bytes] | None = None) -> dict[str, Any]:
    """The JSON object in the file ``source`` (``-``: ``stdin``), at most 1 MB; not yet validated."""
    from pathfinder.core.catalog import parse_json_bytes, read_json_file

    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        raw = stream.read(MAX_ANSWERS_BYTES + 1)
        if len(raw) > MAX_ANSWERS_BYTES:
            raise PathfinderError(_("answers from standard input: larger than 1 MB"))
        data = parse_json_bytes(raw, _("answers from standard input"))
    else:
        from pathlib import Path

        data = read_json_file(Path(source), _("answers file {path}").format(path=source),
                              max_bytes=MAX_ANSWERS_BYTES)
    if not isinstance(data, dict):
        kind = type(data).__name__.replace("dict", "object").replace("list", "array").replace("str", "string")
        raise PathfinderError(_("answers must be a JSON object of question ids and values, not a JSON {kind}").format(
            kind=kind))
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
    """A column name as compared: case, accents, spaces, ``_``, ``-`` and punctuation ignored."""
    return "".join(ch for ch in unaccented(name).casefold() if ch.isalnum())


@cache
def _names() -> dict[str, str]:
    """header_key of every id, title, prompt (in every language pathfinder speaks) and word people use for a
    question -> the question id."""
    names: dict[str, str] = {}
    for question in QUESTIONS:
        for name in (*question.also_read_as, *in_every_language(question.english_prompt),
                     *in_every_language(question.english_title), question.id):
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
            problems.append(_("column {number} has no name").format(number=index + 1))
            continue
        question_id = names.get(header_key(name))
        if question_id is None:
            unknown.append(index)
            continue
        if question_id in first:
            if first[question_id] == name:
                problems.append(_("{name}: more than one column for {id}").format(name=repr(name), id=question_id))
            else:
                problems.append(_("{name}: more than one column for {id} ({other} too)").format(
                    name=repr(name), id=question_id, other=repr(first[question_id])))
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
