"""The result: the one shape every output reads (JSON, the score line, the terminal, Markdown, HTML, the
tables), as pydantic models, and the JSON Schemas of the contracts.

Every sentence in it is written by ``pathfinder.core.explain``; the layouts print them and write none of their
own. Kept apart from the catalog's models so commands that only show the catalog (``compare``) never build
these.
"""

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from pathfinder.core.programs import Catalog
from pathfinder.core.scoring import Confidence

# The result's own version (``quiz --json``): 2 since "nothing fits" became a confidence of its own and the
# recommendation carried its headline, verdict and footnoted reasons. The catalog (programs.json) has its own.
SCHEMA_VERSION = 2


class CriterionScore(BaseModel):
    id: str
    label: str
    weight: float = Field(description="Points out of 100, as shown (one decimal); 0 when not weighed")
    fit: float | None = Field(
        description="The value from 0 to 1 (two decimals); null when the criterion is not weighed"
    )
    contribution: float = Field(description="Points, as shown (one decimal): the score is their exact sum")
    reason: str


class Constraint(BaseModel):
    """A limit the person set (budget, timeline, admission, level) checked against the program's pathway."""

    id: Literal["budget", "timeline", "admission"]
    ok: bool
    shortfall: float | None = Field(None, description="How far the pathway misses, in the constraint's unit")
    unit: str = ""
    message: str


class MissedLimit(BaseModel):
    """A limit a pathway misses: what it needs against what the person has."""

    need: float | None = Field(description="What the pathway needs (USD or months); null for admission and level")
    have: float | None = Field(description="The person's limit")
    shortfall: float | None
    unit: str


class Spread(BaseModel):
    low: float | None
    high: float | None


class PathwayScore(BaseModel):
    id: str
    name: str
    score: float
    eligible: bool
    problems: list[str]
    misses: dict[str, MissedLimit] = Field(default={}, description="The limits this pathway misses, keyed by limit")
    cost_usd: Spread = Field(description="Tuition plus the extras a source gives")
    time_to_work_months: Spread = Field(
        description="Months from now until working: any prerequisite step, school, job search"
    )
    prerequisite_first: bool = Field(False, description="The person takes the pathway's prerequisite step (general "
                                     "education) first; its months are counted")


class LineRanked(BaseModel):
    """One program in the ranking, as the lean score line gives it; ``RankedProgram`` adds the rest."""

    program_id: str
    pathway: str
    score: float = Field(ge=0, le=100)
    eligible: bool
    fit_chance: float = Field(ge=0, le=1, description="The share of the pathway's cost x time-to-work range within "
                              "the budget and timeline, every figure in a range equally likely (two decimals)")
    win_chance: float = Field(ge=0, le=1, description="How often the program comes out first when every range is "
                              "drawn at random (SMAA; draws in which nothing fits set aside); the programs' chances "
                              "add up to 1 (two decimals)")


class RankedProgram(LineRanked):
    name: str
    distance: float = Field(
        0.0, description="How far the pathway misses the limits: dollars over the catalog's largest starting cost "
                         "plus months over its latest earliest start, 1 for each other miss; 0 if it fits"
    )
    pathway_name: str
    constraints: list[Constraint]
    criteria: list[CriterionScore]
    pathways: list[PathwayScore]


class Credential(BaseModel):
    """A certification the person can reach: whether they can sit it now, and the body's rule."""

    id: str
    name: str
    now: bool = Field(description="The person can sit it now")
    when: str
    rule: str
    source: str = Field(description="The catalog source of the rule")


class LineRecommendation(BaseModel):
    """The recommendation as the lean score line gives it; ``Recommendation`` adds the words."""

    program_id: str
    program_name: str
    pathway: str
    pathway_name: str
    score: float
    confidence: Confidence = Field(description="clear, lean or toss-up, read from the first program's chances "
                                   "(win_chance, fit_chance; docs/method.md); none when no program fits the limits "
                                   "(the program is then the nearest)")
    margin: float | None = Field(description="The lead in points over the best other program that fits; null when no "
                                 "other program fits. Never negative")


class Recommendation(LineRecommendation):
    rival_program_id: str | None = Field(
        description="The program the recommendation is set against in its reasons and key figures: the best other "
                    "program that fits, else the nearest other; null when the catalog has one program"
    )
    fits_limits: bool = Field(True, description="false when no program fits the limits (confidence none); kept for "
                              "scripts written before confidence had that value")
    verdict: str = Field(description="The confidence in words: 'A clear choice', 'A lean', 'A toss-up', 'Nothing fits "
                         "your limits yet'")
    headline: str = Field(description="How close the call is, in a sentence")
    fits_if: str | None = Field(None, description="When the pick fits only at the cheap or quick end of its ranges, "
                                "the condition in words (also said in the headline)")
    caveats: list[str] = Field(default=[], description="The warnings that undercut the verdict; the summary gives "
                               "them first among the reasons")
    reasons: list[str] = Field(description="Why, in the sentences every layout prints (at most three)")
    reason_sources: list[list[str]] = Field(
        description="For each reason, the catalog's source references it rests on (`pathfinder sources`), in order; "
                    "a layout numbers them as footnotes"
    )
    next_step: str = Field(description="The one next step the summary gives")
    next_step_sources: list[str] = Field(default=[], description="The source references the next step rests on")
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
    low: int | None = Field(
        description="Cumulative earnings net of school costs at the end of the year, low scenario (USD)"
    )
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
        None, description="First year from which this path stays at or above the cheaper path (middle scenario); "
                          "null if never"
    )
    break_even: BreakEven
    notes: list[str] = Field(default=[])


class Change(BaseModel):
    """One change that would put another program first: an answer (``answer``) or a weight (``weight``)."""

    answer: str | None = Field(None, description="The question id changed, for an answer")
    weight: str | None = Field(None, description="The criterion id changed, for a weight (points out of 100)")
    from_: int | float | str | None = Field(alias="from", serialization_alias="from")
    to: int | float | str | None
    until: int | float | None = Field(
        None, description="For a number: the claim holds from `to` up to this value (null: to the end of the range)"
    )
    new_program_id: str
    new_pathway: str = Field(description="The pathway the new first program is recommended through")
    also: list[int | float | str | None] = Field(
        default=[], description="Other values of a choice that do it too"
    )
    distance: float = Field(description="How big the change is: relative change of a number, 1 for a different choice")
    makes_fit: bool = Field(False, description="The new first program is ruled out by the limits now")
    sentence: str

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)


class Decider(BaseModel):
    """For a toss-up: the values of one answer that would settle it, by program id."""

    answer: str
    values: dict[str, list[int | float | str | None]]
    sentence: str


class NearestFit(BaseModel):
    """When nothing fits: the answer changes that would make the nearest pathway fit."""

    program_id: str
    pathway: str
    changes: dict[str, dict[str, int | float | str | None]] = Field(description="id -> {from, to}")
    leads: bool = Field(description="The program would then come first, and not as a toss-up")
    sentence: str


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
    break_even_year: int | None = Field(
        None, description="First year from which the two-step path stays ahead (middle scenario)"
    )
    break_even: BreakEven
    notes: list[str] = Field(default=[])


class WhatIf(BaseModel):
    """The result again with some answers changed (``quiz --what-if``)."""

    changed: dict[str, dict[str, int | float | str | None]] = Field(description="id -> {from, to}")
    answers: dict[str, int | float | str | None]
    recommendation: Recommendation
    ranking: list[RankedProgram]
    warnings: list[str]
    sentence: str = Field(description="What the what-if answers change, in a sentence naming the answers that read "
                          "differently (the summary's)")
    outcome: str = Field(description="Whether the recommendation stays or changes (the whole report's)")


class Result(BaseModel):
    schema_version: int = SCHEMA_VERSION
    answers: dict[str, int | float | str | None]
    recommendation: Recommendation
    ranking: list[RankedProgram]
    warnings: list[str]
    projection: list[ProgramProjection] = Field(
        default=[], description="Money and time, one entry per ranked program"
    )
    assumptions: list[str] = Field(
        default=[], description="Every assumption behind the projection, in plain words"
    )
    what_would_change: list[Change] = Field(
        default=[], description="Nearest single changes that would put another program first"
    )
    what_would_decide: list[Decider] = Field(
        default=[], description="For a toss-up: the answers that would settle it"
    )
    nearest_fit: NearestFit | None = Field(
        None, description="When nothing fits: what would make the nearest pathway fit"
    )
    stackable_path: StackablePath | None = None
    what_if: WhatIf | None = None
    credentials: list[Credential] = Field(
        default=[], description="The certifications the person can sit now, then later, for the recommended pathway"
    )


# --- one line of ``pathfinder score`` (the default, lean line) --------------------------------------------


class ScoreLine(BaseModel):
    """One line of ``pathfinder score`` without ``--full``: the recommendation, the ranking and the warnings, in the
    result's own lean models (``advice.score_line`` builds it)."""

    line: int
    columns: dict[str, Any]
    answers: dict[str, int | float | str | None]
    recommendation: LineRecommendation
    ranking: list[LineRanked]
    warnings: list[str]


class ScoreError(BaseModel):
    """A line of ``pathfinder score`` for a row that could not be scored: which row, whose, and why, in words."""

    line: int
    columns: dict[str, Any]
    error: str


def schema_for(name: str) -> dict[str, Any]:
    """The JSON Schema of ``result``, ``answers``, ``programs`` or ``score-line``."""
    if name == "result":
        return Result.model_json_schema()
    if name == "score-line":
        scored = ScoreLine.model_json_schema()
        defs = scored.pop("$defs", {})
        defs["ScoreLine"] = scored
        defs["ScoreError"] = ScoreError.model_json_schema()
        return {
            "description": "One line of `pathfinder score` (JSON Lines): a scored row (ScoreLine), or a row that "
                           "could not be scored (ScoreError: its line, its own columns and the error in words). "
                           "With --full, a scored line is instead the quiz's whole result (`pathfinder schema "
                           "result`) with `line` and `columns` first.",
            "anyOf": [{"$ref": "#/$defs/ScoreLine"}, {"$ref": "#/$defs/ScoreError"}],
            "$defs": defs,
        }
    if name == "programs":
        return Catalog.model_json_schema()
    return answers_model().model_json_schema()


def answers_model() -> type[BaseModel]:
    """A pydantic model of the answers contract, built from the questions themselves."""
    from pydantic import create_model

    from pathfinder.core.questions import QUESTIONS

    fields: dict[str, Any] = {}
    for q in QUESTIONS:
        if q.kind == "choice":
            values = tuple(c.value for c in q.choices if c.value is not None)
            kind: Any = Literal[values]
        elif q.kind == "integer":
            kind = Annotated[int, Field(ge=q.minimum, le=q.maximum)]
        else:
            kind = Annotated[float, Field(ge=q.minimum, le=q.maximum, allow_inf_nan=False)]
        if q.nullable:
            kind = kind | None
        # The schema is for developers: English in every language, like the code's names.
        fields[q.id] = (kind, Field(q.default, description=f"{q.english_prompt} {q.english_help}"))
    return create_model("Answers", __config__=ConfigDict(extra="forbid"), **fields)
