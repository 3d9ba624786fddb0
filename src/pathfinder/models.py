"""Pydantic models: the program catalog and the scoring result.

Every string in a catalog is refused if it holds a control character, so a data file
cannot move the cursor, retitle the terminal or hide text. Unknown fields are refused
so a typo in a custom catalog does not pass silently.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = 1
MAX_USD = 10_000_000
MAX_MONTHS = 240
MAX_PROGRAMS = 100  # the quiz re-scores the whole catalog many times to find what would change


# Line separators, and the bidirectional controls that can reorder how text displays.
BIDI_AND_SEPARATORS = frozenset("\u2028\u2029\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _no_control_chars(value: str) -> str:
    for char in value:
        code = ord(char)
        if (code < 32 and char not in "\n\t") or 127 <= code < 160 or char in BIDI_AND_SEPARATORS:
            raise ValueError(f"control character {code:#04x} is not allowed")
    return value


SafeStr = Annotated[str, AfterValidator(_no_control_chars)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Model):
    id: Id
    title: SafeStr
    publisher: SafeStr | None = None
    url: SafeStr | None = None
    note: SafeStr | None = None


class Alternate(_Model):
    """Another figure a source gives for the same thing, kept so a reader sees both."""

    low: float | None = None
    high: float | None = None
    percent: float | None = None
    period: SafeStr | None = None
    source: SafeStr
    note: SafeStr | None = None


def _check_number(value: float | None, limit: float, name: str) -> None:
    if value is None:
        return
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number")
    if value < 0:
        raise ValueError(f"{name} must not be negative")
    if value > limit:
        raise ValueError(f"{name} {value:g} is above the limit of {limit:g}")


class Range(_Model):
    """A low-high figure with where it comes from; null where no source gives it."""

    low: float | None
    high: float | None
    source: SafeStr
    note: SafeStr | None = None
    alternates: list[Alternate] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        _check_number(self.low, MAX_USD, "low")
        _check_number(self.high, MAX_USD, "high")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g})")
        if (self.low is None or self.high is None) and not self.note:
            raise ValueError("a range with a missing figure needs a note saying why")
        return self

    @property
    def known(self) -> bool:
        return self.low is not None or self.high is not None

    @property
    def floor(self) -> float | None:
        """The lowest figure given (the low end, or the high end when only that is known)."""
        return self.low if self.low is not None else self.high

    @property
    def ceiling(self) -> float | None:
        return self.high if self.high is not None else self.low


class Pathway(_Model):
    id: Id
    name: SafeStr
    level: Literal["certificate", "associate", "bachelor", "master", "other"]
    cost_usd: Range
    extra_costs_usd: Range | None = None
    duration_months: Range
    min_education: Literal["high_school", "some_college", "associate", "bachelor"] = "high_school"
    admission: list[SafeStr]
    admission_source: SafeStr
    formats: list[SafeStr]
    formats_source: SafeStr
    certifications: list[Id] = Field(default_factory=list)
    goals: list[Id] = Field(default_factory=list, description="Career goals this pathway serves best; breaks ties between pathways")

    @model_validator(mode="after")
    def _months(self) -> Pathway:
        for end in (self.duration_months.low, self.duration_months.high):
            if end is not None and (end < 1 or end > MAX_MONTHS):
                raise ValueError(f"duration_months must be between 1 and {MAX_MONTHS}")
        if not self.duration_months.known:
            raise ValueError("duration_months needs at least one figure")
        return self


class Growth(_Model):
    percent: float | None
    period: SafeStr | None
    source: SafeStr
    note: SafeStr | None = None
    alternates: list[Alternate] = Field(default_factory=list)

    @model_validator(mode="after")
    def _bounded(self) -> Growth:
        if self.percent is not None and (not math.isfinite(self.percent) or not -100 <= self.percent <= 1000):
            raise ValueError("percent must be between -100 and 1000")
        return self


class Role(_Model):
    title: SafeStr
    description: SafeStr


class Outcomes(_Model):
    salary_usd: Range
    job_growth: Growth
    months_to_first_job: Range | None = None
    roles: list[Role]
    roles_source: SafeStr
    advancement: SafeStr
    advancement_source: SafeStr


class Certification(_Model):
    id: Id
    name: SafeStr
    body: SafeStr | None
    eligibility: SafeStr | None
    pass_rate_percent: Range | None
    exam: SafeStr | None
    source: SafeStr
    note: SafeStr | None = None

    @model_validator(mode="after")
    def _percent(self) -> Certification:
        rate = self.pass_rate_percent
        if rate is not None and any(v is not None and v > 100 for v in (rate.low, rate.high)):
            raise ValueError("pass_rate_percent must be at most 100")
        return self


class Rated(_Model):
    """A quality rated 0-1 for scoring, with the words and source behind it."""

    level: SafeStr
    score: float = Field(ge=0, le=1)
    source: SafeStr
    note: SafeStr | None = None


Weights = dict[SafeStr, Annotated[float, Field(ge=0, le=1)]]


class FitTags(_Model):
    """How well a program serves each answer value, 0-1, derived from the sources."""

    source: SafeStr
    note: SafeStr | None = None
    goals: Weights
    interests: Weights
    learning_styles: Weights
    strengths: Weights


class StackLink(_Model):
    """Experience in this program carries into another: a first step toward it."""

    program_id: Id
    source: SafeStr
    note: SafeStr


class Program(_Model):
    id: Id
    name: SafeStr
    short_name: SafeStr
    summary: SafeStr
    pathways: list[Pathway] = Field(min_length=1)
    outcomes: Outcomes
    certifications: list[Certification]
    skills: list[SafeStr]
    skills_source: SafeStr
    curriculum: list[SafeStr]
    curriculum_source: SafeStr
    work_environment: SafeStr
    work_environment_source: SafeStr
    difficulty: Rated
    remote_work: Rated
    fit: FitTags
    next_steps: list[SafeStr]
    stacks_into: list[StackLink] = Field(
        default_factory=list, description="Programs that this one's experience carries into, for a two-step path"
    )

    @model_validator(mode="after")
    def _unique(self) -> Program:
        _refuse_duplicates([p.id for p in self.pathways], "pathway")
        _refuse_duplicates([c.id for c in self.certifications], "certification")
        known = {c.id for c in self.certifications}
        for pathway in self.pathways:
            for cert in pathway.certifications:
                if cert not in known:
                    raise ValueError(f"pathway {pathway.id!r} names certification {cert!r}, which is not listed")
        return self

    def certification(self, cert_id: str) -> Certification | None:
        return next((c for c in self.certifications if c.id == cert_id), None)


def _refuse_duplicates(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"duplicate {what} id {item!r}")
        seen.add(item)


class Catalog(_Model):
    """The whole of programs.json; ``compare --json`` prints this same shape."""

    schema_version: Literal[1]
    sources: list[Source]
    programs: list[Program] = Field(min_length=1, max_length=MAX_PROGRAMS)

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        _refuse_duplicates([s.id for s in self.sources], "source")
        _refuse_duplicates([p.id for p in self.programs], "program")
        ids = {p.id for p in self.programs}
        for program in self.programs:
            for link in program.stacks_into:
                if link.program_id not in ids or link.program_id == program.id:
                    raise ValueError(f"program {program.id!r} stacks into {link.program_id!r}, which is not another listed program")
        return self

    def program(self, program_id: str) -> Program | None:
        return next((p for p in self.programs if p.id == program_id), None)


# --- the result -------------------------------------------------------------------


class CriterionScore(BaseModel):
    id: str
    label: str
    weight: float
    fit: float
    contribution: float
    reason: str


class Constraint(BaseModel):
    """A hard limit the person set (budget, timeline, admission) checked against a program."""

    id: Literal["budget", "timeline", "admission", "combined"]
    ok: bool
    shortfall: float | None = Field(None, description="How far the nearest pathway misses, in the constraint's unit")
    unit: str = ""
    message: str


class PathwayScore(BaseModel):
    id: str
    name: str
    score: float
    eligible: bool
    problems: list[str]


class RankedProgram(BaseModel):
    program_id: str
    name: str
    score: float = Field(ge=0, le=100)
    eligible: bool
    pathway: str
    pathway_name: str
    constraints: list[Constraint]
    criteria: list[CriterionScore]
    pathways: list[PathwayScore]


class Recommendation(BaseModel):
    program_id: str
    program_name: str
    pathway: str
    pathway_name: str
    score: float
    confidence: Literal["clear", "lean", "toss-up"]
    margin: float | None
    reasons: list[str]
    next_steps: list[str]


class ScenarioValues(BaseModel):
    """One figure in each scenario: ``low`` is the least money (slow, dear, low pay), ``high`` the most."""

    low: float | None
    mid: float | None
    high: float | None


class BreakEven(BaseModel):
    """The break-even year in each scenario (both paths at the same end of their ranges); null if never."""

    low: int | None
    mid: int | None
    high: int | None


class ProjectionYear(BaseModel):
    year: int = Field(ge=1, description="Whole years since school starts")
    low: int | None = Field(description="Cumulative earnings net of school costs at the end of the year, low scenario (USD)")
    mid: int | None
    high: int | None


class ProgramProjection(BaseModel):
    """Money and time for one program's best-fitting pathway."""

    program_id: str
    program_name: str
    pathway: str
    pathway_name: str
    school_months: ScenarioValues
    job_search_months: ScenarioValues
    cost_usd: ScenarioValues = Field(description="Tuition plus extras, paid when school starts")
    salary_usd: ScenarioValues = Field(description="Early-career salary a year, flat over the horizon")
    years: list[ProjectionYear]
    compared_with: str | None = Field(None, description="The cheaper program this one is measured against")
    break_even_year: int | None = Field(
        None, description="First year from which this path stays at or above the cheaper path (middle scenario); null if never"
    )
    break_even: BreakEven
    notes: list[str] = Field(default_factory=list)


class Change(BaseModel):
    """One change that would put another program first: an answer (``answer``) or a weight (``weight``)."""

    answer: str | None = Field(None, description="The question id changed, for an answer")
    weight: str | None = Field(None, description="The criterion id changed, for a weight")
    from_: int | float | str | None = Field(alias="from", serialization_alias="from")
    to: int | float | str | None
    until: int | float | None = Field(None, description="For a number: the flip holds from `to` up to this value (null: to the end of the range)")
    new_program_id: str
    also: list[int | float | str | None] = Field(default_factory=list, description="Other values of a choice that flip it too")
    distance: float = Field(description="How big the change is: relative change of a number, 1 for a different choice")
    sentence: str

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)


class StackStep(BaseModel):
    program_id: str
    pathway: str
    pathway_name: str
    starts_month: ScenarioValues = Field(description="Months after today when this step starts")
    ends_month: ScenarioValues = Field(description="Months after today when its school ends")
    summary: str


class StackablePath(BaseModel):
    """A two-step path toward the program the person's goal points to, when limits rule it out now."""

    goal_program_id: str
    first_program_id: str
    reason: str
    source: str = Field(description="Where the sources say the first step carries into the second")
    steps: list[StackStep]
    years: list[ProjectionYear]
    compared_with: str = Field(description="The one-step path this is measured against")
    break_even_year: int | None = Field(None, description="First year from which the two-step path stays ahead (middle scenario)")
    break_even: BreakEven
    notes: list[str] = Field(default_factory=list)


class WhatIf(BaseModel):
    """The result again with some answers changed (``quiz --what-if``)."""

    changed: dict[str, dict[str, int | float | str | None]] = Field(description="id -> {from, to}")
    answers: dict[str, int | float | str | None]
    recommendation: Recommendation
    ranking: list[RankedProgram]
    warnings: list[str]


class Result(BaseModel):
    schema_version: int = SCHEMA_VERSION
    answers: dict[str, int | float | str | None]
    recommendation: Recommendation
    ranking: list[RankedProgram]
    warnings: list[str]
    projection: list[ProgramProjection] = Field(default_factory=list, description="Money and time, one entry per ranked program")
    assumptions: list[str] = Field(default_factory=list, description="Every assumption behind the projection, in plain words")
    what_would_change: list[Change] = Field(default_factory=list, description="Nearest single changes that would put another program first")
    stackable_path: StackablePath | None = None
    what_if: WhatIf | None = None


def schema_for(name: str) -> dict[str, Any]:
    """The JSON Schema of ``result``, ``answers`` or ``programs``."""
    if name == "result":
        return Result.model_json_schema()
    if name == "programs":
        return Catalog.model_json_schema()
    return answers_model().model_json_schema()


def answers_model() -> type[BaseModel]:
    """A pydantic model of the answers contract, built from the questions themselves."""
    from pydantic import create_model

    from pathfinder.questions import QUESTIONS

    fields: dict[str, Any] = {}
    for q in QUESTIONS:
        if q.kind == "choice":
            values = tuple(c.value for c in q.choices if c.value is not None)
            kind: Any = Literal[values]  # type: ignore[valid-type]
        elif q.kind == "integer":
            kind = Annotated[int, Field(ge=q.minimum, le=q.maximum)]
        else:
            kind = Annotated[float, Field(ge=q.minimum, le=q.maximum, allow_inf_nan=False)]
        if q.nullable:
            kind = kind | None
        fields[q.id] = (kind, Field(q.default, description=f"{q.prompt} {q.help}"))
    return create_model("Answers", __config__=ConfigDict(extra="forbid"), **fields)
