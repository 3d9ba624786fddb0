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
    # The words people use for this question in a form (Google Forms, Microsoft Forms): a class file's header
    # that reads as one of these (case, spaces and punctuation ignored) answers this question.
    also_read_as: tuple[str, ...] = ()

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
        also_read_as=(
            "What is your career goal?", "What career do you want?", "What kind of work do you want to do?",
            "What job do you want after the program?", "Which career path interests you most?", "Desired career",
            "Career path", "Goal",
        ),
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
        also_read_as=(
            "How much money can you spend?", "How much can you spend on school?", "How much can you afford to spend?",
            "How much can you pay for the program?", "What is your budget?", "What is your budget for school?",
            "Tuition budget", "Budget for tuition and fees", "Budget (USD)", "Money available for school",
        ),
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
        also_read_as=(
            "When do you want to start working?", "How soon do you want to start working?",
            "How soon do you want to be working?", "When do you need to be working?",
            "How many months until you want to work?", "How long can you spend in school?", "Months until working",
            "Time frame", "Timeframe",
        ),
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
        also_read_as=(
            "How do you like to learn?", "How do you prefer to learn?", "What is your learning style?",
            "Preferred learning style", "Learning preference",
        ),
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
        also_read_as=(
            "What are you interested in?", "What topic interests you most?", "Which area interests you most?",
            "Area of interest", "Interests",
        ),
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
        also_read_as=(
            "What are you best at?", "What is your strongest skill?", "What is your strongest subject?",
            "Strongest skill", "Strongest subject",
        ),
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
        also_read_as=(
            "What is most important to you?", "What is most important to you in a career?",
            "What matters most to you in a job?", "Top priority", "Priority", "Most important factor",
        ),
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
        also_read_as=(
            "What is your highest level of education?", "What is the highest level of school you have completed?",
            "Highest level of education", "Highest education completed", "Education level", "Education",
        ),
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
        id="remote",
        title="Remote work",
        also_read_as=(
            "Do you want to work from home?", "Is remote work important to you?",
            "How important is working from home?", "Work from home", "Remote work preference", "Remote",
        ),
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
        also_read_as=(
            "How challenging a program do you want?", "How hard a program do you want?",
            "How difficult should the program be?", "Preferred difficulty", "Program difficulty", "Difficulty",
        ),
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


def kept_as_is(question: Question, value: Any) -> bool:
    """The answers most often given, which the quiz keeps unchanged: a choice among its values, a whole number in
    range. One rule for the quiz and for batch scoring's quick check (``pathfinder.batch.run.checked``)."""
    if question.kind == "choice":
        return (value is None or type(value) is str) and value in question.values and (
            value is not None or question.nullable)
    return type(value) is int and question.minimum <= value <= question.maximum  # type: ignore[operator]


def _problem(question: Question, value: Any) -> str | None:
    if kept_as_is(question, value):
        return None
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
        if len(text) > 40:
            return repr(value[:34] + "...")  # cut inside the quotes, so they still close
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
