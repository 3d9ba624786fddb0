"""Pydantic models of the program catalog (the result's models are in ``pathfinder.core.result``).

Every string in a catalog is refused if it holds a control character, so a data file
cannot move the cursor, retitle the terminal or hide text. Unknown fields are refused
so a typo in a custom catalog does not pass silently.

Annotations here are evaluated as the classes are made (no ``from __future__ import annotations``):
pydantic then reads them as they are, instead of compiling and evaluating each one from a string, which
makes every command that loads the catalog start a few milliseconds sooner.
"""

import math
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, PrivateAttr, model_validator
from pydantic_core import core_schema

SCHEMA_VERSION = 1
MAX_USD = 10_000_000
MAX_MONTHS = 240
MAX_PROGRAMS = 100  # the quiz re-scores the whole catalog many times to find what would change


# Line separators, and the bidirectional controls that can reorder how text displays.
BIDI_AND_SEPARATORS = frozenset("\u2028\u2029\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI_AND_SEPARATORS)) + "]")


def _no_control_chars(value: str) -> str:
    found = _CONTROL.search(value)
    if found is not None:
        raise ValueError(f"control character {ord(found.group()):#04x} is not allowed")
    return value


class _SafeText:
    """A string without control characters (pydantic's documented hook for a custom type: one validator
    schema, made without inspecting the function each time the type is used)."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(_no_control_chars, handler(source))


SafeStr = Annotated[str, _SafeText]


def _web_link(value: str) -> str:
    """A link a report can show and open: http or https, with a host, and nothing that could end it early."""
    scheme, _, rest = value.partition("://")
    if scheme.lower() not in ("http", "https") or not rest or rest.startswith("/"):
        raise ValueError(f"{value[:60]!r} is not a web link: it must start with http:// or https:// and a host")
    if any(ch.isspace() or ch in '<>"\\`' for ch in value):
        raise ValueError("a link must not hold spaces, quotes, backslashes or angle brackets")
    return value


class _WebLink(_SafeText):
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(_web_link, super().__get_pydantic_core_schema__(
            source, handler))


WebLink = Annotated[str, _WebLink]
Words = Annotated[str, Field(min_length=1), _SafeText]  # text that is shown, so never empty
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]


class _Model(BaseModel):
    # defer_build: a class's validator is built when it is first used, and validating a Catalog builds one for
    # the whole tree at once, instead of one per class as the module is imported (about 5 ms sooner to start).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


Day = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class Source(_Model):
    id: Id
    title: SafeStr
    publisher: SafeStr | None = None
    url: WebLink | None = None
    note: SafeStr | None = None
    as_of: SafeStr = Field(min_length=1, description="The period or edition its figures describe, in words")
    retrieved: Day = Field(description="When the copy of it the figures come from was read (YYYY-MM-DD)")
    official: bool = Field(default=False, description="Published by a government agency or a certifying body")
    quotes: SafeStr | None = Field(default=None, description="For a secondary source: the official body whose "
                                   "figures it quotes (not checked against the official page)")
    sections: dict[Id, SafeStr] = Field(default={}, description="Names of the parts a reference such as "
                                        "article#cost points to, in words")


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
    alternates: list[Alternate] = Field(default=[])

    @model_validator(mode="after")
    def _ordered(self) -> "Range":
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


Education = Literal["high_school", "some_college", "associate", "bachelor"]
Level = Literal["certificate", "associate", "bachelor", "master", "other"]


class Fit(_Model):
    """How well a program (or one pathway) serves one answer, 0-1, with the sentence it rests on."""

    value: float = Field(ge=0, le=1)
    source: SafeStr
    note: SafeStr


FitTable = dict[Id, Fit]


class Format(_Model):
    id: Id
    source: SafeStr


class Credit(_Model):
    """What part of a prerequisite step is left for a person with a given education (their courses count for the
    rest, if they transfer)."""

    education: Education
    months: Range


class Prerequisite(_Model):
    """A step a person below ``min_education`` takes first (general-education courses before a bachelor's)."""

    name: SafeStr
    gives: Education = Field(description="The education level the step brings a person to")
    months: Range
    source: SafeStr
    note: SafeStr | None = None
    credit: list[Credit] = Field(default=[], description="Education that covers part of the step: the months left")


def _check_months(rng: "Range | None", name: str, minimum: float) -> None:
    if rng is None:
        return
    for end in (rng.low, rng.high):
        if end is not None and (end < minimum or end > MAX_MONTHS):
            raise ValueError(f"{name} must be between {minimum:g} and {MAX_MONTHS}")


class Named(_Model):
    """A model with a name a person reads, which a run in another language translates (core/catalog_text.py)."""

    if TYPE_CHECKING:  # each subclass declares its own field
        name: str
    # The name as the programs file writes it, kept by a translated copy.
    _written_name: str | None = PrivateAttr(default=None)

    def name_as_written(self) -> str:
        """The name in the programs file's own words, whatever the language: what a tie is broken by, so the
        decision is the same in every language."""
        return self._written_name if self._written_name is not None else self.name


class Pathway(Named):
    id: Id
    name: Words
    level: Level
    cost_usd: Range
    extra_costs_usd: Range | None = None
    duration_months: Range
    job_search_months: Range | None = Field(
        None, description="Months from the end of school to a first job in the field"
    )
    min_education: Education = "high_school"
    prerequisite: Prerequisite | None = None
    admission: list[Words]
    admission_source: SafeStr
    formats: list[Format]
    certifications: list[Id] = Field(default=[])
    goals: list[Id] = Field(default=[], description="Career goals this pathway is the direct route to")
    goal_fit: FitTable = Field(
        default={}, description="This pathway's own fit for a goal, where it differs from the program's"
    )

    @model_validator(mode="after")
    def _months(self) -> "Pathway":
        _check_months(self.duration_months, "duration_months", 1)
        if not self.duration_months.known:
            raise ValueError("duration_months needs at least one figure")
        _check_months(self.job_search_months, "job_search_months", 0)
        if self.prerequisite is not None:
            _check_months(self.prerequisite.months, "prerequisite.months", 0)
            if not self.prerequisite.months.known:
                raise ValueError("prerequisite.months needs at least one figure")
            for credit in self.prerequisite.credit:
                _check_months(credit.months, "prerequisite.credit.months", 0)
                if not credit.months.known:
                    raise ValueError("prerequisite.credit.months needs at least one figure")
        return self

    def cost_sources(self) -> tuple[str, ...]:
        """The sources behind the pathway's total cost: its tuition, and its extras where a source gives them."""
        extras = self.extra_costs_usd
        return tuple(dict.fromkeys([self.cost_usd.source, *([extras.source] if extras is not None and extras.known
                                                              else [])]))

    def time_sources(self) -> tuple[str, ...]:
        """The sources behind the pathway's months to a first job: its length, and the job search where given."""
        search = self.job_search_months
        return tuple(dict.fromkeys([self.duration_months.source, *([search.source] if search is not None else [])]))


class Growth(_Model):
    percent: float | None
    period: SafeStr | None
    source: SafeStr
    note: SafeStr | None = None
    alternates: list[Alternate] = Field(default=[])

    @model_validator(mode="after")
    def _bounded(self) -> "Growth":
        if self.percent is not None and (not math.isfinite(self.percent) or not -100 <= self.percent <= 1000):
            raise ValueError("percent must be between -100 and 1000")
        return self


class Pay(_Model):
    """Official pay for an occupation in one period: the median, and the 10th and 25th percentiles where found."""

    median: float | None
    p10: float | None = None
    p25: float | None = None
    as_of: SafeStr  # the period the figures describe, such as "May 2022"
    source: SafeStr
    note: SafeStr  # the source's words

    @model_validator(mode="after")
    def _ordered(self) -> "Pay":
        for name in ("median", "p10", "p25"):
            _check_number(getattr(self, name), MAX_USD, name)
        known = [v for v in (self.p10, self.p25, self.median) if v is not None]
        if not known:
            raise ValueError("give the median, the 10th or the 25th percentile")
        if known != sorted(known):
            raise ValueError("p10, p25 and the median must be in that order")
        return self


class OfficialGrowth(_Model):
    percent: float = Field(ge=-100, le=1000)
    period: SafeStr
    source: SafeStr
    note: SafeStr


class Occupation(_Model):
    """An occupation the programs lead to, with its official figures (newest first) and what was not found."""

    id: Id
    name: SafeStr
    short_name: SafeStr  # for sentences: "health information technologists"
    code: SafeStr | None = Field(default=None, description="The Standard Occupational Classification code")
    pay: list[Pay] = Field(default=[])
    growth: list[OfficialGrowth] = Field(default=[])
    education: SafeStr | None = None
    education_source: SafeStr | None = None
    not_found: SafeStr | None = Field(default=None, description="Official figures looked for and not found")


class OccupationLink(_Model):
    occupation: Id
    why: SafeStr  # "where graduates of the associate degree start"


class Flag(_Model):
    """An article figure that official data contradicts or cannot confirm, said in plain words."""

    about: Literal["salary", "growth", "pass_rate"]
    text: SafeStr
    source: SafeStr


class Role(_Model):
    title: SafeStr
    description: SafeStr


class Outcomes(_Model):
    salary_usd: Range
    job_growth: Growth
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
    fee: SafeStr | None = None
    fee_source: SafeStr | None = None

    @model_validator(mode="after")
    def _percent(self) -> "Certification":
        rate = self.pass_rate_percent
        if rate is not None and any(v is not None and v > 100 for v in (rate.low, rate.high)):
            raise ValueError("pass_rate_percent must be at most 100")
        return self


class Described(_Model):
    """A quality in words (difficulty, remote work), with its source; the scoring reads the fit tables."""

    level: SafeStr
    source: SafeStr
    note: SafeStr | None = None


class FitTables(_Model):
    """How well a program serves each answer, per question: see docs/method.md for the three levels."""

    note: SafeStr | None = None
    goals: FitTable
    interests: FitTable
    learning_styles: FitTable
    strengths: FitTable
    remote: FitTable
    challenge: FitTable


class Aside(Alternate):
    """A figure the sources give about a program as a whole (cost, length, salary, growth), shown, not scored."""

    about: Literal["cost", "length", "salary", "growth"]


class StackLink(_Model):
    """Experience in this program carries into another: a first step toward it."""

    program_id: Id
    source: SafeStr
    note: SafeStr


class Program(Named):
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
    difficulty: Described
    remote_work: Described
    fit: FitTables
    notes: list[Aside] = Field(
        default=[], description="Figures about the whole program, shown beside the table"
    )
    next_steps: list[SafeStr]
    occupations: list[OccupationLink] = Field(default=[], description="The occupations it leads to, first the main one")
    flags: list[Flag] = Field(default=[], description="Article figures official data contradicts or cannot confirm")
    stacks_into: list[StackLink] = Field(
        default=[], description="Programs that this one's experience carries into, for a two-step path"
    )

    @model_validator(mode="after")
    def _unique(self) -> "Program":
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
    reviewed: Day | None = Field(default=None, description="When the figures were last checked against their "
                                 "sources (YYYY-MM-DD); a test reads it to catch stale data")
    sources: list[Source]
    glossary: dict[SafeStr, SafeStr] = Field(default={}, description="Abbreviations and what they stand for, "
                                             "spelled out at their first use in a report")
    programs: list[Program] = Field(min_length=1, max_length=MAX_PROGRAMS)
    occupations: list[Occupation] = Field(default=[], description="Official figures for the occupations")
    # A copy translated for the run (core/catalog_text.py) keeps the catalog it was made from.
    _english: "Catalog | None" = PrivateAttr(default=None)

    def original(self) -> "Catalog":
        """The catalog in the programs file's own words: this one, or the one a translated copy was made from."""
        return self._english if self._english is not None else self

    @model_validator(mode="after")
    def _consistent(self) -> "Catalog":
        _refuse_duplicates([s.id for s in self.sources], "source")
        _refuse_duplicates([p.id for p in self.programs], "program")
        _refuse_duplicates([o.id for o in self.occupations], "occupation")
        known = {o.id for o in self.occupations}
        for program in self.programs:
            for leads_to in program.occupations:
                if leads_to.occupation not in known:
                    raise ValueError(f"program {program.id!r} names occupation {leads_to.occupation!r}, "
                                     "which is not listed under occupations")
        ids = {p.id for p in self.programs}
        for program in self.programs:
            for link in program.stacks_into:
                if link.program_id not in ids or link.program_id == program.id:
                    raise ValueError(f"program {program.id!r} stacks into {link.program_id!r}, "
                                     "which is not another listed program")
        return self

    def program(self, program_id: str) -> Program | None:
        return next((p for p in self.programs if p.id == program_id), None)

    def occupation(self, occupation_id: str) -> Occupation | None:
        return next((o for o in self.occupations if o.id == occupation_id), None)
