"""The questionnaire as data, and the validation every answer goes through.

Whether an answer is typed at a prompt, read from an answers file, given with ``--set``
or read from a CSV cell, it is checked here, so every path accepts and refuses the same
values (``pathfinder.core.answers`` reads written text into a value first). A question left
at its default favours no program (see the scoring module).

The words of a question (title, prompt, help, the choices' labels) are written in English, marked for the
catalog, and read in the run's language: ``question.title`` is the title a person reads now.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

from pathfinder.errors import PathfinderError
from pathfinder.i18n import N_, _, ngettext

Answer = int | float | str | None

BUDGET_MAX_USD = 1_000_000
# How each kind of question is named to a person (the kind itself is an id of the JSON).
KIND_WORDS = {"choice": N_("choice"), "number": N_("number"), "integer": N_("whole number")}


class Choice(NamedTuple):
    value: str | None
    english_label: str  # as written here (marked for the catalog); ``label`` is the run's language
    english_short: str = ""  # a few words for sentences ("management"); the label when empty

    @property
    def label(self) -> str:
        return _(self.english_label)

    @property
    def words(self) -> str:
        if self.english_short:
            return _(self.english_short)
        label = self.label
        return label[0].lower() + label[1:]


@dataclass(frozen=True)
class Question:
    """One question: ``kind`` is ``choice``, ``number`` (a float) or ``integer``. Its words are kept in English
    (``english_*``, marked for the catalog) and read through ``title``, ``prompt``, ``help`` and ``noun`` in the
    run's language."""

    id: str
    english_title: str  # a few words naming the question, for the review screen and tables
    english_prompt: str
    kind: str
    english_help: str
    default: Answer
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    nullable: bool = False
    unit: str = ""
    english_noun: str = ""  # how a sentence names a number answer ("your budget"); the prompt is used when empty
    # The words people use for this question in a form (Google Forms, Microsoft Forms), in English and in Spanish:
    # a class file's header that reads as one of these (case, spaces and punctuation ignored) answers this question.
    also_read_as: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return _(self.english_title)

    @property
    def prompt(self) -> str:
        return _(self.english_prompt)

    @property
    def help(self) -> str:
        return _(self.english_help)

    @property
    def noun(self) -> str:
        return _(self.english_noun) if self.english_noun else ""

    @cached_property
    def values(self) -> frozenset[Answer]:
        """The values of the choices (a choice question)."""
        return frozenset(c.value for c in self.choices)

    def allowed(self) -> str:
        """A short description of the values this question accepts."""
        if self.kind == "choice":
            values = ", ".join("null" if c.value is None else c.value for c in self.choices)
            return _("one of {values}").format(values=values)
        span = {"minimum": f"{self.minimum:,.0f}", "maximum": f"{self.maximum:,.0f}"}
        if self.kind == "integer":
            if self.nullable:
                return _("a whole number from {minimum} to {maximum}, or null for not sure").format(**span)
            return _("a whole number from {minimum} to {maximum}").format(**span)
        if self.nullable:
            return _("a number from {minimum} to {maximum}, or null for not sure").format(**span)
        return _("a number from {minimum} to {maximum}").format(**span)

    def words_for(self, value: Answer) -> str:
        """How an answer reads inside a sentence: 'management', 'a fast start', '$4,000', 'not sure'."""
        if self.kind == "choice":
            for choice in self.choices:
                if choice.value == value:
                    return choice.words if value is not None else _("not sure")
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
            return _("not sure")
        if self.unit == "usd":
            return f"${value:,.0f}"
        if self.unit == "months":
            count = int(value) if float(value).is_integer() else 2  # a fraction of months reads as plural
            return ngettext("{count} month", "{count} months", count).format(count=f"{value:g}")
        return f"{value:g}"


def _choices(*items: tuple[str | None, str] | tuple[str | None, str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(*item) for item in items)


QUESTIONS: tuple[Question, ...] = (
    Question(
        id="goal",
        english_title=N_("Career goal"),
        also_read_as=(
            "What is your career goal?", "What career do you want?", "What kind of work do you want to do?",
            "What job do you want after the program?", "Which career path interests you most?", "Desired career",
            "Career path", "Goal",
            "¿Cuál es su meta profesional?", "¿Qué carrera quiere?", "¿Qué tipo de trabajo quiere hacer?",
            "¿Qué trabajo quiere tener después del programa?", "Meta profesional", "Carrera deseada",
        ),
        english_prompt=N_("What work do you most want to end up doing?"),
        kind="choice",
        english_help=N_("Management and informatics lean to HIM; coding, billing and a fast start lean to billing "
                        "and coding."),
        default=None,
        nullable=True,
        choices=_choices(
            (None, N_("Not sure yet")),
            ("management", N_("Managing health information and people"), N_("management")),
            ("informatics", N_("Health data, analytics and IT systems"), N_("health data and informatics")),
            ("compliance", N_("Privacy law and regulatory compliance"), N_("compliance")),
            ("coding", N_("Medical coding"), N_("medical coding")),
            ("billing", N_("Billing and insurance claims"), N_("billing and claims")),
            ("fast_entry", N_("Getting into a healthcare job as fast as possible"), N_("a fast start")),
        ),
    ),
    Question(
        id="budget_usd",
        english_title=N_("Budget"),
        also_read_as=(
            "How much money can you spend?", "How much can you spend on school?", "How much can you afford to spend?",
            "How much can you pay for the program?", "What is your budget?", "What is your budget for school?",
            "Tuition budget", "Budget for tuition and fees", "Budget (USD)", "Money available for school",
            "¿Cuánto dinero puede gastar?", "¿Cuánto puede gastar en sus estudios?", "¿Cuál es su presupuesto?",
            "¿Cuánto puede pagar por el programa?", "Presupuesto", "Presupuesto (USD)",
            "Presupuesto para matrícula y cuotas",
        ),
        english_noun=N_("your budget"),
        english_prompt=N_("Total budget for tuition and fees (USD)?"),
        kind="number",
        english_help=N_("Everything you can spend on tuition and fees for the whole program, not per year. "
                        "Leave it blank if you are not sure."),
        default=None,
        minimum=0,
        maximum=BUDGET_MAX_USD,
        nullable=True,
        unit="usd",
    ),
    Question(
        id="timeline_months",
        english_title=N_("Timeline"),
        also_read_as=(
            "When do you want to start working?", "How soon do you want to start working?",
            "How soon do you want to be working?", "When do you need to be working?",
            "How many months until you want to work?", "How long can you spend in school?", "Months until working",
            "Time frame", "Timeframe",
            "¿Cuándo quiere empezar a trabajar?", "¿En cuánto tiempo quiere estar trabajando?",
            "¿Cuántos meses faltan para que quiera trabajar?", "Meses hasta trabajar", "Plazo",
        ),
        english_noun=N_("your timeline"),
        english_prompt=N_("Months until you want to be working?"),
        kind="integer",
        english_help=N_("How soon you want to be working in the field, counting the time in school. "
                        "48 (four years) leaves room for every pathway."),
        default=48,
        minimum=1,
        maximum=120,
        unit="months",
    ),
    Question(
        id="learning_style",
        english_title=N_("Learning style"),
        also_read_as=(
            "How do you like to learn?", "How do you prefer to learn?", "What is your learning style?",
            "Preferred learning style", "Learning preference",
            "¿Cómo le gusta aprender?", "¿Cómo prefiere aprender?", "¿Cuál es su forma de aprender?",
            "Forma de aprender", "Estilo de aprendizaje",
        ),
        english_prompt=N_("How do you learn best?"),
        kind="choice",
        english_help=N_("HIM suits analytical learners at ease with technology; billing and coding suits hands-on "
                        "practice."),
        default="blended",
        choices=_choices(
            ("blended", N_("A mix of both"), N_("a mix of both")),
            ("analytical", N_("Analysing, reading and working with systems"), N_("analytical")),
            ("hands_on", N_("Hands-on practice with real tasks"), N_("hands-on")),
        ),
    ),
    Question(
        id="interest",
        english_title=N_("Interest"),
        also_read_as=(
            "What are you interested in?", "What topic interests you most?", "Which area interests you most?",
            "Area of interest", "Interests",
            "¿Qué le interesa?", "¿Qué tema le interesa más?", "¿Qué área le interesa más?", "Área de interés",
            "Intereses",
        ),
        english_prompt=N_("What interests you most?"),
        kind="choice",
        english_help=N_("The topics you would spend your days on."),
        default=None,
        nullable=True,
        choices=_choices(
            (None, N_("Not sure yet")),
            ("data_management", N_("Managing and protecting patient data"), N_("patient data")),
            ("compliance_law", N_("Healthcare law and regulations"), N_("law and regulations")),
            ("it_systems", N_("Health IT and record systems"), N_("record systems")),
            ("medical_terminology", N_("Medical terminology and codes"), N_("medical terminology")),
            ("insurance_claims", N_("Insurance and reimbursement"), N_("insurance")),
        ),
    ),
    Question(
        id="strength",
        english_title=N_("Strength"),
        also_read_as=(
            "What are you best at?", "What is your strongest skill?", "What is your strongest subject?",
            "Strongest skill", "Strongest subject",
            "¿En qué es mejor?", "¿Cuál es su mayor habilidad?", "¿Cuál es su materia más fuerte?",
            "Mayor habilidad", "Materia más fuerte",
        ),
        english_prompt=N_("Your strongest academic skill?"),
        kind="choice",
        english_help=N_("Both fields need computer skills and attention to detail; this is about what stands out."),
        default=None,
        nullable=True,
        choices=_choices(
            (None, N_("Not sure")),
            ("advanced_it", N_("Advanced computer and IT skills"), N_("computer skills")),
            ("regulations", N_("Understanding rules and regulations"), N_("rules and regulations")),
            ("precision", N_("Precision with detailed procedures"), N_("precision")),
            ("communication", N_("Communicating with people"), N_("communication")),
        ),
    ),
    Question(
        id="priority",
        english_title=N_("What matters most"),
        also_read_as=(
            "What is most important to you?", "What is most important to you in a career?",
            "What matters most to you in a job?", "Top priority", "Priority", "Most important factor",
            "¿Qué es lo más importante para usted?", "¿Qué es lo más importante para usted en una carrera?",
            "¿Qué es lo que más le importa en un trabajo?", "Prioridad", "Factor más importante",
        ),
        english_prompt=N_("What matters most to you?"),
        kind="choice",
        english_help=N_("Gives that factor extra weight in the score."),
        default="balanced",
        choices=_choices(
            ("balanced", N_("No single thing in particular"), N_("nothing in particular")),
            ("salary", N_("Salary"), N_("salary")),
            ("job_growth", N_("Job growth"), N_("job growth")),
            ("cost", N_("Low cost"), N_("low cost")),
            ("speed", N_("Speed: working soon"), N_("speed")),
        ),
    ),
    Question(
        id="education",
        english_title=N_("Education so far"),
        also_read_as=(
            "What is your highest level of education?", "What is the highest level of school you have completed?",
            "Highest level of education", "Highest education completed", "Education level", "Education",
            "¿Cuál es su nivel de estudios más alto?", "¿Cuál es el nivel escolar más alto que ha terminado?",
            "Nivel de estudios más alto", "Nivel de estudios", "Estudios", "Educación",
        ),
        english_prompt=N_("Highest education you have completed?"),
        kind="choice",
        english_help=N_("HIM bachelor's programs expect college coursework before admission."),
        default=None,
        nullable=True,
        choices=_choices(
            (None, N_("Prefer not to say")),
            ("high_school", N_("High school diploma or equivalent"), N_("a high school diploma")),
            ("some_college", N_("Some college coursework"), N_("some college")),
            ("associate", N_("Associate degree"), N_("an associate degree")),
            ("bachelor", N_("Bachelor's degree or higher"), N_("a bachelor's degree")),
        ),
    ),
    Question(
        id="experience",
        english_title=N_("Work in healthcare"),
        also_read_as=(
            "Have you worked in healthcare?", "Healthcare experience", "Do you have experience in healthcare?",
            "Work experience in healthcare", "Have you worked in medical coding or billing?",
            "¿Ha trabajado en el sector de la salud?", "Experiencia en salud",
            "¿Tiene experiencia en el sector de la salud?", "¿Ha trabajado en codificación o facturación médica?",
        ),
        english_prompt=N_("Have you worked in healthcare?"),
        kind="choice",
        english_help=N_("Coding or billing work counts toward some certifications (the CPC's apprentice mark, the "
                        "CCS). It does not change the scores."),
        default=None,
        nullable=True,
        choices=_choices(
            (None, N_("Not sure / prefer not to say")),
            ("none", N_("No"), N_("no healthcare work")),
            ("healthcare", N_("Yes, but not in coding or billing"), N_("healthcare work outside coding and billing")),
            ("coding_billing", N_("Yes, in medical coding or billing"), N_("coding or billing work")),
        ),
    ),
    Question(
        id="remote",
        english_title=N_("Remote work"),
        also_read_as=(
            "Do you want to work from home?", "Is remote work important to you?",
            "How important is working from home?", "Work from home", "Remote work preference", "Remote",
            "¿Quiere trabajar desde casa?", "¿Es importante para usted el trabajo a distancia?",
            "¿Qué tan importante es trabajar desde casa?", "Trabajo desde casa", "Trabajo a distancia",
        ),
        english_prompt=N_("How much does remote work matter?"),
        kind="choice",
        english_help=N_("Remote options are wide in billing and coding, narrower in HIM."),
        default="no_preference",
        choices=_choices(
            ("no_preference", N_("No preference"), N_("no preference")),
            ("nice_to_have", N_("Nice to have"), N_("nice to have")),
            ("important", N_("Important"), N_("important")),
        ),
    ),
    Question(
        id="challenge",
        english_title=N_("Challenge"),
        also_read_as=(
            "How challenging a program do you want?", "How hard a program do you want?",
            "How difficult should the program be?", "Preferred difficulty", "Program difficulty", "Difficulty",
            "¿Qué tan exigente quiere que sea el programa?", "¿Qué tan difícil quiere que sea el programa?",
            "Dificultad del programa", "Dificultad", "Exigencia",
        ),
        english_prompt=N_("How demanding a program do you want?"),
        kind="choice",
        english_help=N_("HIM is the more academically demanding of the two."),
        default="either",
        choices=_choices(
            ("either", N_("Either is fine"), N_("either")),
            ("lighter", N_("Lighter: practical and focused"), N_("lighter")),
            ("demanding", N_("Demanding: research, law and analytics"), N_("demanding")),
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
        raise PathfinderError(_("{id}: {problem} (allowed: {allowed})").format(
            id=question.id, problem=problem, allowed=question.allowed()))
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
        return None if question.nullable else _("null is not allowed")
    if question.kind == "choice":
        if isinstance(value, str) and value in question.values:
            return None
        return _("{value} is not a choice").format(value=show_value(value))
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _("{value} is not a number").format(value=show_value(value))
    if not math.isfinite(value):
        return _("{value} is not a finite number").format(value=show_value(value))
    if question.kind == "integer" and not float(value).is_integer():
        return _("{value} is not a whole number").format(value=show_value(value))
    assert question.minimum is not None and question.maximum is not None
    if value < question.minimum or value > question.maximum:
        return _("{value} is out of range").format(value=show_value(value))
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
        problems.extend(_("{id}: missing").format(id=qid) for qid in missing)
    if problems:
        raise PathfinderError(_("invalid answers:"), problems)
    return clean


def unknown_id_problem(key: str) -> str:
    """One line saying ``key`` names no question, with the nearest id (or every id)."""
    shown = show_value(key)
    close = difflib.get_close_matches(key, list(QUESTIONS_BY_ID), n=1)
    if close:
        return _("{value}: unknown question id; did you mean {id}?").format(value=shown, id=repr(close[0]))
    return _("{value}: unknown question id; valid ids: {ids}").format(value=shown, ids=", ".join(QUESTIONS_BY_ID))


def missing_ids(answers: Mapping[str, Any]) -> list[str]:
    return [q.id for q in QUESTIONS if q.id not in answers]
