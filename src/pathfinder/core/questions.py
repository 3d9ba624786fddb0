"""The questionnaire as data, and the validation every answer goes through.

Whether an answer is typed at a prompt, read from an answers file, given with ``--set``
or read from a CSV cell, it is checked here, so every path accepts and refuses the same
values (``pathfinder.core.answers`` reads written text into a value first). A question left
at its default favours no program (see the scoring module).
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

from pathfinder.errors import PathfinderError

Answer = int | float | str | None

BUDGET_MAX_USD = 1_000_000


class Choice(NamedTuple):
    value: str | None
    label: str
    short: str = ""  # a few words for sentences ("management"); the label when empty

    @property
    def words(self) -> str:
        return self.short or self.label[0].lower() + self.label[1:]


@dataclass(frozen=True)
class Question:
    """One question: ``kind`` is ``choice``, ``number`` (a float) or ``integer``."""

    id: str
    title: str  # a few words naming the question, for the review screen and tables
    prompt: str
    kind: str
    help: str
    default: Answer
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    nullable: bool = False
    unit: str = ""
    noun: str = ""  # how a sentence names a number answer ("your budget"); the prompt is used when empty

    @cached_property
    def values(self) -> frozenset[Answer]:
        """The values of the choices (a choice question)."""
        return frozenset(c.value for c in self.choices)

    def allowed(self) -> str:
        """A short description of the values this question accepts."""
        if self.kind == "choice":
            values = ", ".join("null" if c.value is None else c.value for c in self.choices)
            return f"one of {values}"
        kind = "a whole number" if self.kind == "integer" else "a number"
        text = f"{kind} from {self.minimum:,.0f} to {self.maximum:,.0f}"
        return text + (", or null for not sure" if self.nullable else "")

    def words_for(self, value: Answer) -> str:
        """How an answer reads inside a sentence: 'management', 'a fast start', '$4,000', 'not sure'."""
        if self.kind == "choice":
            for choice in self.choices:
                if choice.value == value:
                    return choice.words if value is not None else "not sure"
            return str(value)
        return self.label_for(value)

    def label_for(self, value: Answer) -> str:
        """How an answer reads to a person (used by the review screen and reasons)."""
        if self.kind == "choice":
            for choice in self.choices:
                if choice.value == value:
                    return choice.label
            return str(value)
        if value is None:
            return "not sure"
        if self.unit == "usd":
            return f"${value:,.0f}"
        if self.unit == "months":
            return f"{value:g} months"
        return f"{value:g}"


def _choices(*items: tuple[str | None, str] | tuple[str | None, str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(*item) for item in items)


QUESTIONS: tuple[Question, ...] = (
    Question(
        id="goal",
        title="Career goal",
        prompt="What work do you most want to end up doing?",
        kind="choice",
        help="Management and informatics lean to HIM; coding, billing and a fast start lean to billing and coding.",
        default=None,
        nullable=True,
        choices=_choices(
            (None, "Not sure yet"),
            ("management", "Managing health information and people", "management"),
            ("informatics", "Health data, analytics and IT systems", "health data and informatics"),
            ("compliance", "Privacy law and regulatory compliance", "compliance"),
            ("coding", "Medical coding", "medical coding"),
            ("billing", "Billing and insurance claims", "billing and claims"),
            ("fast_entry", "Getting into a healthcare job as fast as possible", "a fast start"),
        ),
    ),
    Question(
        id="budget_usd",
        title="Budget",
        noun="your budget",
        prompt="Total budget for tuition and fees (USD)?",
        kind="number",
        help="Everything you can spend on tuition and fees for the whole program, not per year. "
             "Leave it blank if you are not sure.",
        default=None,
        minimum=0,
        maximum=BUDGET_MAX_USD,
        nullable=True,
        unit="usd",
    ),
    Question(
        id="timeline_months",
        title="Timeline",
        noun="your timeline",
        prompt="Months until you want to be working?",
        kind="integer",
        help="How soon you want to be working in the field, counting the time in school. "
             "48 (four years) leaves room for every pathway.",
        default=48,
        minimum=1,
        maximum=120,
        unit="months",
    ),
    Question(
        id="learning_style",
        title="Learning style",
        prompt="How do you learn best?",
        kind="choice",
        help="HIM suits analytical learners at ease with technology; billing and coding suits hands-on practice.",
        default="blended",
        choices=_choices(
            ("blended", "A mix of both", "a mix of both"),
            ("analytical", "Analysing, reading and working with systems", "analytical"),
            ("hands_on", "Hands-on practice with real tasks", "hands-on"),
        ),
    ),
    Question(
        id="interest",
        title="Interest",
        prompt="What interests you most?",
        kind="choice",
        help="The topics you would spend your days on.",
        default=None,
        nullable=True,
        choices=_choices(
            (None, "Not sure yet"),
            ("data_management", "Managing and protecting patient data", "patient data"),
            ("compliance_law", "Healthcare law and regulations", "law and regulations"),
            ("it_systems", "Health IT and record systems", "record systems"),
            ("medical_terminology", "Medical terminology and codes", "medical terminology"),
            ("insurance_claims", "Insurance and reimbursement", "insurance"),
        ),
    ),
    Question(
        id="strength",
        title="Strength",
        prompt="Your strongest academic skill?",
        kind="choice",
        help="Both fields need computer skills and attention to detail; this is about what stands out.",
        default=None,
        nullable=True,
        choices=_choices(
            (None, "Not sure"),
            ("advanced_it", "Advanced computer and IT skills", "computer skills"),
            ("regulations", "Understanding rules and regulations", "rules and regulations"),
            ("precision", "Precision with detailed procedures", "precision"),
            ("communication", "Communicating with people", "communication"),
        ),
    ),
    Question(
        id="priority",
        title="What matters most",
        prompt="What matters most to you?",
        kind="choice",
        help="Gives that factor extra weight in the score.",
        default="balanced",
        choices=_choices(
            ("balanced", "No single thing in particular", "nothing in particular"),
            ("salary", "Salary", "salary"),
            ("job_growth", "Job growth", "job growth"),
            ("cost", "Low cost", "low cost"),
            ("speed", "Speed: working soon", "speed"),
        ),
    ),
    Question(
        id="education",
        title="Education so far",
        prompt="Highest education you have completed?",
        kind="choice",
        help="HIM bachelor's programs expect college coursework before admission.",
        default=None,
        nullable=True,
        choices=_choices(
            (None, "Prefer not to say"),
            ("high_school", "High school diploma or equivalent", "a high school diploma"),
            ("some_college", "Some college coursework", "some college"),
            ("associate", "Associate degree", "an associate degree"),
            ("bachelor", "Bachelor's degree or higher", "a bachelor's degree"),
        ),
    ),
    Question(
        id="experience",
        title="Work in healthcare",
        prompt="Have you worked in healthcare?",
        kind="choice",
        help="Coding or billing work counts toward some certifications (the CPC's apprentice mark, the CCS). "
             "It does not change the scores.",
        default=None,
        nullable=True,
        choices=_choices(
            (None, "Not sure / prefer not to say"),
            ("none", "No", "no healthcare work"),
            ("healthcare", "Yes, but not in coding or billing", "healthcare work outside coding and billing"),
            ("coding_billing", "Yes, in medical coding or billing", "coding or billing work"),
        ),
    ),
    Question(
        id="remote",
        title="Remote work",
        prompt="How much does remote work matter?",
        kind="choice",
        help="Remote options are wide in billing and coding, narrower in HIM.",
        default="no_preference",
        choices=_choices(
            ("no_preference", "No preference", "no preference"),
            ("nice_to_have", "Nice to have", "nice to have"),
            ("important", "Important", "important"),
        ),
    ),
    Question(
        id="challenge",
        title="Challenge",
        prompt="How demanding a program do you want?",
        kind="choice",
        help="HIM is the more academically demanding of the two.",
        default="either",
        choices=_choices(
            ("either", "Either is fine", "either"),
            ("lighter", "Lighter: practical and focused", "lighter"),
            ("demanding", "Demanding: research, law and analytics", "demanding"),
        ),
    ),
)

QUESTIONS_BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}
EDUCATION_ORDER: tuple[str, ...] = ("high_school", "some_college", "associate", "bachelor")


def defaults() -> dict[str, Answer]:
    return {q.id: q.default for q in QUESTIONS}


def validate_answer(question: Question, value: Any) -> Answer:
    """Return the answer in its canonical type, or raise PathfinderError naming the id."""
    problem = _problem(question, value)
    if problem is not None:
        raise PathfinderError(f"{question.id}: {problem} (allowed: {question.allowed()})")
    if question.kind == "integer" and value is not None:
        return int(value)
    if question.kind == "number" and value is not None:
        return float(value) if not float(value).is_integer() else int(value)
    return value  # type: ignore[no-any-return]


def _problem(question: Question, value: Any) -> str | None:
    if value is None:
        return None if question.nullable else "null is not allowed"
    if question.kind == "choice":
        if isinstance(value, str) and value in question.values:
            return None
        return f"{show_value(value)} is not a choice"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{show_value(value)} is not a number"
    if not math.isfinite(value):
        return f"{show_value(value)} is not a finite number"
    if question.kind == "integer" and not float(value).is_integer():
        return f"{show_value(value)} is not a whole number"
    assert question.minimum is not None and question.maximum is not None
    if value < question.minimum or value > question.maximum:
        return f"{show_value(value)} is out of range"
    return None


def show_value(value: Any) -> str:
    """A value as the user wrote it: JSON spelling (true, null), strings quoted and escaped."""
    if isinstance(value, str):
        text = repr(value)
    else:
        try:
            import json

            text = json.dumps(value, allow_nan=True)
        except (TypeError, ValueError):
            text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def validate_answers(raw: Mapping[str, Any], *, partial: bool = True) -> dict[str, Answer]:
    """Validate a mapping of answers; unknown ids are refused with the nearest valid id.

    Every problem is collected, so the user sees them all at once.
    """
    problems: list[str] = []
    clean: dict[str, Answer] = {}
    for key, value in raw.items():
        question = QUESTIONS_BY_ID.get(key)
        if question is None:
            problems.append(unknown_id_problem(str(key)))
            continue
        try:
            clean[key] = validate_answer(question, value)
        except PathfinderError as exc:
            problems.append(exc.message)
    if not partial:
        missing = [q.id for q in QUESTIONS if q.id not in clean]
        problems.extend(f"{qid}: missing" for qid in missing)
    if problems:
        raise PathfinderError("invalid answers:", problems)
    return clean


def unknown_id_problem(key: str) -> str:
    """One line saying ``key`` names no question, with the nearest id (or every id)."""
    shown = show_value(key)
    close = difflib.get_close_matches(key, list(QUESTIONS_BY_ID), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; valid ids: {', '.join(QUESTIONS_BY_ID)}"
    return f"{shown}: unknown question id{hint}"


def missing_ids(answers: Mapping[str, Any]) -> list[str]:
    return [q.id for q in QUESTIONS if q.id not in answers]


def questions_json() -> str:
    """Every question as JSON, to build an answers file (``pathfinder questions --json``)."""
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
    from pydantic_core import to_json  # already loaded with Typer's option conversion; json would load more

    return to_json(payload, indent=2).decode()
