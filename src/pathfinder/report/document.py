"""The report as data: what a person reads, in plain words, before any layout.

Pure: builds sections of sentences, tables and charts from the result and the catalog; the terminal
(``render``), Markdown (``markdown``), plain text and HTML (``html``) only lay it out, so no section is
written twice. Every figure carries numbered footnotes to its sources, listed at the end. No ids, source
references, option names or raw fits reach the words; abbreviations are spelled out at their first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from pathfinder.core import wording
from pathfinder.core.programs import Catalog, Pathway, Program
from pathfinder.report import factsheet

if TYPE_CHECKING:  # the result's models are not needed to lay out the catalog alone (compare)
    from pathfinder.core.result import PathwayScore, ProgramProjection, RankedProgram, Result

SUMMARY_REASONS = 3
SUMMARY_LINES = 40  # the terminal summary's most lines (one screen); a layout gives fewer reasons to keep to it
CONFIDENCE_WORDS = {"clear": "A clear choice", "lean": "A lean", "toss-up": "A toss-up",
                    "none": "Nothing fits your limits yet"}


# --- the model ------------------------------------------------------------------------------------


class Text(NamedTuple):
    """A sentence or phrase, and the footnote numbers of the sources it rests on."""

    text: str
    notes: tuple[int, ...] = ()


Cell = tuple[Text, ...]  # one or more lines


class Paragraph(NamedTuple):
    text: Text


class Bullets(NamedTuple):
    items: tuple[Text, ...]
    numbered: bool = False


class Table(NamedTuple):
    caption: str
    columns: tuple[str, ...]  # the first heads the row labels
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]  # (row label, one cell per other column)
    key: str = ""  # a stable name layouts may use ("figures", "compare", ...)


class Series(NamedTuple):
    label: str
    values: tuple[int | None, ...]  # one a year


class Chart(NamedTuple):
    title: str
    description: str  # the text alternative: what the chart shows, in words
    series: tuple[Series, ...]
    unit: str = "usd"


Block = Paragraph | Bullets | Table | Chart


class Section(NamedTuple):
    key: str
    heading: str
    blocks: tuple[Block, ...]


class Headline(NamedTuple):
    program: str
    pathway: str
    verdict: str
    confidence: str  # clear, lean, toss-up, or none (nothing fits)
    line: Text


class Source(NamedTuple):
    number: int
    title: str  # the work: its title and publisher
    part: str | None  # the section cited, if any
    url: str | None

    @property
    def text(self) -> str:
        return f'{self.title}, section "{self.part}"' if self.part else self.title


class Report(NamedTuple):
    title: str
    date: str
    headline: Headline | None
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    more: str | None = None  # how to see the whole report (the terminal summary only)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


# --- words and footnotes --------------------------------------------------------------------------


class _Writer:
    """Numbers sources in order of first use, and spells out each abbreviation the first time it appears."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.refs: dict[str, int] = {}
        self.spelled: set[str] = set()
        self.glossary: dict[str, str] = {}
        for program in self.catalog.programs:
            self.glossary[program.short_name] = program.name
            for cert in program.certifications:
                found = re.fullmatch(r"(.+) \(([A-Z][A-Za-z0-9-]+)\)", cert.name)
                if found:
                    self.glossary[found.group(2)] = found.group(1)
        self.glossary.update(self.catalog.glossary)
        # Longer terms first, so ICD-10-CM is not read as ICD-10 followed by "-CM".
        self._terms = sorted(self.glossary, key=len, reverse=True)

    def notes(self, sources: Iterable[str]) -> tuple[int, ...]:
        numbers = []
        for ref in dict.fromkeys(sources):
            if ref not in self.refs:
                self.refs[ref] = len(self.refs) + 1
            numbers.append(self.refs[ref])
        return tuple(numbers)

    def say(self, text: str, sources: Iterable[str] = ()) -> Text:
        return Text(self.words(text), self.notes(sources))

    def words(self, text: str) -> str:
        for term in self._terms:
            if term in self.spelled or term not in text:
                continue
            found = _first_use(term, text)
            if found is None:
                continue
            self.spelled.add(term)
            meaning = self.glossary[term]
            start, end = found
            if text[:start].lower().endswith(f"{meaning} (".lower()):
                continue  # already spelled out here
            if text[start - 1:start] == "(" and text[end:end + 1] == ")":
                text = f"{text[:start]}{meaning}, {term}{text[end:]}"
            else:
                text = f"{text[:start]}{meaning} ({term}){text[end:]}"
        return text

    def sources(self) -> tuple[Source, ...]:
        return tuple(Source(number, *factsheet.describe_source(self.catalog, ref)) for ref, number in self.refs.items())


def _first_use(term: str, text: str) -> tuple[int, int] | None:
    """Where a term first appears as a whole word (not as a possessive, which reads badly spelled out)."""
    for match in re.finditer(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text):
        if text[match.end():match.end() + 2] in ("'s", "\u2019s"):
            continue
        return match.start(), match.end()
    return None


# --- helpers over the result ----------------------------------------------------------------------


def _program(catalog: Catalog, program_id: str) -> Program:
    program = catalog.program(program_id)
    assert program is not None
    return program


def _pathway(program: Program, pathway_id: str) -> Pathway:
    return next(p for p in program.pathways if p.id == pathway_id)


def _path_words(program: Program, pathway_name: str) -> str:
    """'MBC certificate or diploma', 'HIM associate degree'."""
    return f"{program.short_name} {pathway_name[0].lower()}{pathway_name[1:]}"


def _entry_pathway(entry: RankedProgram) -> PathwayScore:
    return next(p for p in entry.pathways if p.id == entry.pathway)


def _rival(result: Result) -> RankedProgram | None:
    """The program a person compares the first with: the best other that fits, else the next one."""
    others = result.ranking[1:]
    return next((e for e in others if e.eligible), others[0] if others else None)


def _confidence(result: Result) -> str:
    return "none" if not result.recommendation.fits_limits else result.recommendation.confidence


def _miss_words(entry: RankedProgram) -> str:
    """'$2,000 over your budget and 12 months over your timeline'."""
    score = _entry_pathway(entry)
    parts = []
    for limit, miss in score.misses.items():
        if limit == "budget":
            parts.append("no source gives its cost" if miss.shortfall is None
                         else f"{wording.money(miss.shortfall)} over your budget")
        elif limit == "timeline":
            parts.append(f"{wording.months(miss.shortfall)} over your timeline")
        elif limit == "admission":
            parts.append("its admission asks for more education than you have")
        else:
            parts.append("it is below a credential you already hold")
    return wording.listing(parts)


# --- the summary ----------------------------------------------------------------------------------


def _headline(result: Result, catalog: Catalog, w: _Writer) -> Headline:
    rec = result.recommendation
    program = _program(catalog, rec.program_id)
    first = result.ranking[0]
    rival = _rival(result)
    confidence = _confidence(result)
    name = _path_words(program, rec.pathway_name)
    other = _program(catalog, rival.program_id).short_name if rival else ""
    if confidence == "none":
        line = f"The nearest is the {name}: {_miss_words(first)}."
    elif rec.margin is None:
        if confidence == "clear":
            line = f"The {name} is the only program within your limits, and it suits your answers best."
        else:
            line = (f"The {name} is the only program within your limits, but {other} would suit your answers better "
                    "if you could stretch them.")
    elif confidence == "toss-up":
        line = (f"Too close to call: {program.short_name} leads {other} by {rec.margin:.1f} points on the typical "
                f"figures, and comes out first in {first.win_chance:.0%} of the draws across the ranges.")
    elif confidence == "lean":
        line = (f"{program.short_name} leads {other} by {rec.margin:.1f} points, and comes out first in "
                f"{first.win_chance:.0%} of the draws across the ranges: ahead, but not clearly.")
    else:
        line = (f"{program.short_name} leads {other} by {rec.margin:.1f} points, and comes out first in "
                f"{first.win_chance:.0%} of the draws across the ranges.")
    if rec.fits_if:
        line += " " + rec.fits_if
    header = w.words(f"{program.name} ({program.short_name})")
    return Headline(header, rec.pathway_name, CONFIDENCE_WORDS[confidence], confidence, w.say(line))


def _reason(index_id: str, first: RankedProgram, rival: RankedProgram | None, result: Result, catalog: Catalog,
            w: _Writer) -> Text | None:
    """One short reason for the first program on one criterion, set against the rival where it helps."""
    program = _program(catalog, first.program_id)
    mine = _entry_pathway(first)
    theirs = _entry_pathway(rival) if rival else None
    other = _program(catalog, rival.program_id) if rival else None
    answers = result.answers
    pathway = _pathway(program, first.pathway)
    if index_id == "cost":
        text = (f"The {_path_words(program, first.pathway_name)} costs "
                f"{wording.money_span(mine.cost_usd.low, mine.cost_usd.high)} in all")
        if theirs is not None and other is not None:
            text += f", against {wording.money_span(theirs.cost_usd.low, theirs.cost_usd.high)} for {other.short_name}"
        return w.say(text + ".", factsheet.pathway_sources(pathway)["cost"])
    if index_id == "time_to_work":
        span = wording.span(mine.time_to_work_months.low, mine.time_to_work_months.high, "months")
        text = f"You could be working in {span} with the {_path_words(program, first.pathway_name)}"
        if theirs is not None and other is not None:
            text += (", against "
                     f"{wording.span(theirs.time_to_work_months.low, theirs.time_to_work_months.high, 'months')} "
                     f"with {other.short_name}")
        return w.say(text + ".", factsheet.pathway_sources(pathway)["time"])
    if index_id == "salary":
        rng = program.outcomes.salary_usd
        text = f"{program.short_name} pays {wording.money_span(rng.low, rng.high)} a year early in a career"
        if other is not None:
            text += f", against {wording.money_span(other.outcomes.salary_usd.low, other.outcomes.salary_usd.high)}"
        return w.say(text + ".", [rng.source])
    if index_id == "job_growth":
        growth = program.outcomes.job_growth
        text = f"{program.short_name} jobs are projected to grow {wording.percent(growth.percent)}"
        text += f" ({growth.period})" if growth.period else ""
        if other is not None:
            text += f", against {wording.percent(other.outcomes.job_growth.percent)}"
        return w.say(text + ".", [growth.source])
    criterion = next(c for c in first.criteria if c.id == index_id)
    degree = _degree(criterion.fit)
    if index_id == "career_goal":
        wish = [f"your goal ({_label('goal', answers.get('goal'))})"
                if answers.get("goal") not in (None, "fast_entry") else "",
                f"your interest ({_label('interest', answers.get('interest'))})" if answers.get("interest") else ""]
        return w.say(f"{program.short_name} matches {wording.listing(wish)} {degree}.")
    if index_id == "learning":
        how = [f"how you learn ({_label('learning_style', answers.get('learning_style'))})"
               if answers.get("learning_style") not in (None, "blended") else "",
               f"your strength ({_label('strength', answers.get('strength'))})" if answers.get("strength") else ""]
        return w.say(f"{program.short_name} matches {wording.listing(how)} {degree}.")
    if index_id == "remote_work":
        return w.say(f"Remote work, which you want, is {program.remote_work.level} in {program.short_name}.",
                     [program.remote_work.source])
    return w.say(f"{program.short_name} is of {program.difficulty.level} difficulty: it suits the "
                 f"{_label('challenge', answers.get('challenge'))} program you want.", [program.difficulty.source])


def _degree(fit: float | None) -> str:
    if fit is None:
        return ""
    if fit >= 1:
        return "directly"
    if fit >= 0.5:
        return "in part"
    return "only through a later step" if fit > 0 else "poorly"


def _label(question_id: str, value: object) -> str:
    from pathfinder.core.questions import QUESTIONS_BY_ID  # here, not at the top: compare needs no questions

    return QUESTIONS_BY_ID[question_id].words_for(value)  # type: ignore[arg-type]


def _gains(first: RankedProgram, other: RankedProgram | None) -> list[str]:
    theirs = {c.id: c.contribution for c in other.criteria} if other else {}
    gains = [(c.contribution - theirs.get(c.id, 0.0), i, c.id)
             for i, c in enumerate(first.criteria) if c.fit is not None]
    return [cid for gain, _, cid in sorted(gains, key=lambda g: (-g[0], g[1])) if gain > 0.05]


def _summary_reasons(result: Result, catalog: Catalog, w: _Writer, limit: int = SUMMARY_REASONS) -> list[Text]:
    first = result.ranking[0]
    rival = _rival(result)
    reasons: list[Text] = [w.say(caveat) for caveat in result.recommendation.caveats]
    if rival is not None and first.eligible and not rival.eligible:
        ruled_out = _program(catalog, rival.program_id)
        reasons.append(w.say(f"{ruled_out.short_name} does not fit: {_miss_words(rival)}."))
    if result.recommendation.confidence == "toss-up" and first.eligible and rival is not None:
        for side, against in ((first, rival), (rival, first)):
            for gain in _gains(side, against)[:1]:
                found = _reason(gain, side, against, result, catalog, w)
                if found is not None:
                    reasons.append(found)
    for gain in _gains(first, rival):
        if len(reasons) >= limit:
            break
        found = _reason(gain, first, rival, result, catalog, w)
        if found is not None and found.text not in {r.text for r in reasons}:
            reasons.append(found)
    if not reasons:
        reasons.append(w.say("Your answers do not separate the programs."))
    return reasons[:limit]


def _figures_table(result: Result, catalog: Catalog, w: _Writer, entries: Sequence[RankedProgram]) -> Table:
    """Total cost, time to a first job, early salary and growth, side by side."""
    columns = [""]
    cells: dict[str, list[Cell]] = {"Total cost": [], "Time to a first job": [], "Early salary": [], "Job growth": []}
    for entry in entries:
        program = _program(catalog, entry.program_id)
        pathway = _pathway(program, entry.pathway)
        score = _entry_pathway(entry)
        fits = "" if entry.eligible else " (does not fit)"
        columns.append(w.words(_path_words(program, entry.pathway_name)) + fits)
        sources = factsheet.pathway_sources(pathway)
        cost = (wording.money_span(score.cost_usd.low, score.cost_usd.high) if score.cost_usd.low is not None
                else "not given by any source")
        cells["Total cost"].append((w.say(cost, sources["cost"]),))
        time = wording.span(score.time_to_work_months.low, score.time_to_work_months.high, "months")
        extra = [pathway.prerequisite.months.source] if score.prerequisite_first and pathway.prerequisite else []
        cells["Time to a first job"].append((w.say(time, [*sources["time"], *extra]),))
        salary = program.outcomes.salary_usd
        cells["Early salary"].append((w.say(f"{wording.money_span(salary.low, salary.high)} a year", [salary.source]),))
        growth = program.outcomes.job_growth
        period = f" ({growth.period})" if growth.period else ""
        cells["Job growth"].append((w.say(f"{wording.percent(growth.percent)}{period}", [growth.source]),))
    return Table("Key figures", tuple(columns), tuple((label, tuple(row)) for label, row in cells.items()),
                 key="figures")


def _change_line(result: Result, w: _Writer) -> tuple[str, Text]:
    rec = result.recommendation
    if not rec.fits_limits:
        if result.nearest_fit is not None:
            return "What would make a program fit", w.say(result.nearest_fit.sentence)
        return "What would make a program fit", w.say("No change to your answers alone makes a program fit.")
    if rec.confidence == "toss-up" and result.what_would_decide:
        return "What would settle it", w.say(result.what_would_decide[0].sentence)
    if result.what_would_change:
        return "What would change it", w.say(result.what_would_change[0].sentence)
    if result.nearest_fit is not None:
        return "What would change it", w.say(result.nearest_fit.sentence)
    return "What would change it", w.say("No single change to your answers would put another program first.")


def _next_step(result: Result, catalog: Catalog, w: _Writer, details: bool) -> Text:
    """The two-step path where the goal points elsewhere, else the program's first next step."""
    path = result.stackable_path
    if path is not None:
        goal = _program(catalog, path.goal_program_id)
        steps = [f"the {_path_words(_program(catalog, s.program_id), s.pathway_name)}" for s in path.steps]
        return w.say(f"Your goal points to {goal.short_name}. A two-step path gets there: {steps[0]} now, then "
                     f"{steps[1]} part-time after a year of work (the whole plan is "
                     f"{'below' if details else 'in the full report'}).", [path.source])
    if result.recommendation.next_steps:  # the first credential within reach, then the program's own steps
        return w.say(result.recommendation.next_steps[0])
    program = _program(catalog, result.recommendation.program_id)
    return w.say(program.next_steps[0] if program.next_steps else "")


# --- the details ----------------------------------------------------------------------------------


def _answers_section(result: Result, w: _Writer) -> Section:
    from pathfinder.core.questions import QUESTIONS, QUESTIONS_BY_ID

    rows = tuple((q.title, (( w.say(QUESTIONS_BY_ID[q.id].label_for(result.answers.get(q.id))),),))
                 for q in QUESTIONS)
    return Section("answers", "Your answers",
                   (Table("Your answers", ("Question", "Your answer"), rows, key="answers"),))


def compare_table(catalog: Catalog, programs: Sequence[Program], w: _Writer, sources: bool = True) -> Table:
    columns = ("", *(w.words(factsheet.header(p)) for p in programs))
    rows = []
    for row in factsheet.rows(programs, catalog):
        cells = tuple(tuple(w.say(line.text, line.sources if sources else ()) for line in cell) for cell in row.cells)
        rows.append((row.label, cells))
    return Table("The programs side by side", columns, tuple(rows), key="compare")


def _scores_section(result: Result, catalog: Catalog, w: _Writer) -> Section:
    entries = result.ranking
    names = [w.words(_path_words(_program(catalog, e.program_id), e.pathway_name))
             + ("" if e.eligible else " (does not fit)")
             for e in entries]
    weighed = [c for c in entries[0].criteria if c.fit is not None]
    by_program = [{c.id: c for c in e.criteria} for e in entries]
    rows = [(c.label, ((Text(f"{c.weight:.1f}"),), *((Text(f"{p[c.id].contribution:.1f}"),) for p in by_program)))
            for c in weighed]
    rows.append(("Total", ((Text("100"),), *((Text(f"{e.score:.1f}"),) for e in entries))))
    blocks: list[Block] = [
        Paragraph(w.say("Each criterion's weight is its share of 100 points; a program earns part of it by how well it "
                        "does on that criterion. The method, with every figure's scale, is in the project's "
                        "method notes.")),
        Table("Points by criterion", ("Criterion", "Weight", *names), tuple(rows), key="scores"),
    ]
    unweighed = [c.label.lower() for c in entries[0].criteria if c.fit is None]
    if unweighed:
        blocks.append(Paragraph(w.say(f"Not weighed, because you gave no view on them: {wording.listing(unweighed)}.")))
    return Section("scores", "How each program scored", tuple(blocks))


def _money_section(result: Result, catalog: Catalog, w: _Writer) -> Section | None:
    projection = result.projection
    if not projection:
        return None
    years = len(projection[0].years)
    labels = [w.words(_path_words(_program(catalog, p.program_id), p.pathway_name)) for p in projection]
    series = [Series(label, tuple(y.mid for y in p.years)) for label, p in zip(labels, projection, strict=True)]
    if result.stackable_path is not None:
        path = result.stackable_path
        first, goal = (_program(catalog, path.first_program_id).short_name,
                       _program(catalog, path.goal_program_id).short_name)
        series.append(Series(f"{first}, then {goal}", tuple(y.mid for y in path.years)))
    ends = [f"{s.label} {wording.money(s.values[-1])}" for s in series if s.values and s.values[-1] is not None]
    catch = [_catch_up(labels[i], _short(catalog, p.compared_with), p.break_even.low, p.break_even.mid,
                       p.break_even.high, years)
             for i, p in enumerate(projection) if p.compared_with is not None]
    description = (f"Earnings so far minus school costs at the end of each year from today, middle of the ranges. "
                   f"After {wording.years(years)}: {wording.listing(ends)}.")
    def before_work(p: ProgramProjection) -> str:
        school = f"{wording.span(p.school_months.low, p.school_months.high, 'months')} of school"
        search = _pathway(_program(catalog, p.program_id), p.pathway).job_search_months
        if search is None or not search.known:
            return f"{school}; no job search counted (no source gives one)"
        return f"{school}, then {wording.span(p.job_search_months.low, p.job_search_months.high, 'months')} to a job"

    rows = [
        ("Before the first job", tuple((Text(before_work(p)),) for p in projection)),
        ("Cost, paid up front",
         tuple((Text(wording.span(p.cost_usd.low, p.cost_usd.high, "usd")),) for p in projection)),
        ("Pay a year", tuple((Text(wording.span(p.salary_usd.low, p.salary_usd.high, "usd")),) for p in projection)),
        (f"After {wording.years(years)}: low", tuple((Text(wording.money(p.years[-1].low)),) for p in projection)),
        ("middle", tuple((Text(wording.money(p.years[-1].mid)),) for p in projection)),
        ("high", tuple((Text(wording.money(p.years[-1].high)),) for p in projection)),
    ]
    yearly = tuple((f"Year {i + 1}",
                    tuple((Text(wording.money(s.values[i]) if i < len(s.values) else "-"),) for s in series))
                   for i in range(years))
    blocks: list[Block] = [
        Paragraph(w.say("Earnings so far minus school costs, at the end of each year from today: the middle of the "
                        "ranges in the chart, the low and high ends in the table. Every assumption is listed under "
                        "Assumptions.")),
        Chart(f"Money and time over {wording.years(years)}", description, tuple(series)),
        Table(f"After {wording.years(years)}", ("", *labels), tuple(rows), key="projection"),
    ]
    notes = [*catch, *(n for p in projection for n in p.notes)]
    if notes:
        blocks.append(Bullets(tuple(w.say(n) for n in notes)))
    blocks.append(Table("Year by year, middle of the ranges", ("", *(s.label for s in series)), yearly, key="yearly"))
    return Section("money", f"Money and time over {wording.years(years)}", tuple(blocks))


def _short(catalog: Catalog, program_id: str | None) -> str:
    program = catalog.program(program_id) if program_id else None
    return program.short_name if program else ""


def _catch_up(name: str, other: str, low: int | None, mid: int | None, high: int | None, years: int) -> str:
    def when(value: int | None) -> str:
        return f"year {value}" if value is not None else f"not within {wording.years(years)}"

    head = (f"The {name} catches up with {other} in year {mid}" if mid is not None
            else f"The {name} does not catch up with {other} within {wording.years(years)}")
    return f"{head} in the middle of the ranges ({when(low)} at the low end, {when(high)} at the high end)."


def _stack_section(result: Result, catalog: Catalog, w: _Writer) -> Section | None:
    path = result.stackable_path
    if path is None:
        return None
    first, goal = _short(catalog, path.first_program_id), _short(catalog, path.goal_program_id)
    years = len(path.years)
    last = path.years[-1]
    spread = path.break_even
    blocks: list[Block] = [
        Paragraph(w.say(path.reason, [path.source])),
        Bullets(tuple(w.say(s.summary) for s in path.steps), numbered=True),
        Paragraph(w.say(f"After {wording.years(years)}, the two steps come to {wording.money(last.mid)} in the "
                        f"middle of the ranges ({wording.money(last.low)} to {wording.money(last.high)}). "
                        + _catch_up("two-step path", f"staying in {first}", spread.low, spread.mid, spread.high,
                                    years))),
    ]
    return Section("two-step", f"A two-step path toward {goal}", tuple(blocks))


def _changes_section(result: Result, w: _Writer) -> Section:
    blocks: list[Block] = []
    if result.nearest_fit is not None:
        blocks.append(Paragraph(w.say(result.nearest_fit.sentence)))
    if result.what_would_decide:
        blocks.append(Paragraph(w.say("What would settle the toss-up, for you:")))
        blocks.append(Bullets(tuple(w.say(d.sentence) for d in result.what_would_decide)))
    if result.what_would_change:
        blocks.append(Bullets(tuple(w.say(c.sentence) for c in result.what_would_change)))
    elif result.nearest_fit is None:
        blocks.append(Paragraph(w.say("No single change to one answer or one weight would put another program first.")))
    return Section("changes", "What would change the advice", tuple(blocks))


def _what_if_section(result: Result, catalog: Catalog, w: _Writer) -> Section | None:
    """Your answers and the what-if answers side by side, with every program's score."""
    what_if = result.what_if
    if what_if is None:
        return None
    from pathfinder.core.questions import QUESTIONS_BY_ID

    rows = []
    for key, change in what_if.changed.items():
        question = QUESTIONS_BY_ID[key]
        rows.append((question.title, ((Text(question.label_for(change["from"])),),
                                      (Text(question.label_for(change["to"])),))))
    before, after = result.recommendation, what_if.recommendation
    rows.append(("Recommended", ((w.say(f"{before.program_name}, {before.pathway_name.lower()}"),),
                                 (w.say(f"{after.program_name}, {after.pathway_name.lower()}"),))))
    rows.append(("Confidence", ((Text(CONFIDENCE_WORDS[_confidence(result)]),),
                                (Text(CONFIDENCE_WORDS["none" if not after.fits_limits else after.confidence]),))))
    others = {e.program_id: e for e in what_if.ranking}
    for entry in result.ranking:
        name = _short(catalog, entry.program_id)
        rows.append((f"{name} score", ((Text(_score_words(entry)),), (Text(_score_words(others[entry.program_id])),))))
    if (after.program_id, after.pathway) == (before.program_id, before.pathway):
        verdict = f"The recommendation stays: {after.program_name}, {after.pathway_name.lower()}."
    elif after.program_id == before.program_id:
        verdict = (f"The recommendation changes: {after.program_name}, {after.pathway_name.lower()} instead of "
                   f"{before.pathway_name.lower()}.")
    else:
        verdict = f"The recommendation changes: {after.program_name} instead of {before.program_name}."
    table = Table("What if", ("", "Your answers", "What if"), tuple(rows), key="what-if")
    return Section("what-if", "What if", (table, Paragraph(w.say(verdict))))


def _what_if_summary(result: Result, catalog: Catalog, w: _Writer) -> Section | None:
    """The what-if answer in a sentence or two, for the one-screen summary (the side-by-side table, with every
    program's score, is in the whole report). An answer counts as changed when it reads differently ($5,000.40
    is the $5,000 the person gave); only those are named, and past two only their number."""
    what_if = result.what_if
    if what_if is None:
        return None
    from pathfinder.core.questions import QUESTIONS_BY_ID

    def words(key: str, value: object) -> str:
        label = QUESTIONS_BY_ID[key].label_for(value)  # type: ignore[arg-type]
        return label if label[:2].isupper() else label[0].lower() + label[1:]

    changes = []
    for key, change in what_if.changed.items():
        to, was_given = words(key, change["to"]), words(key, change["from"])
        if to != was_given:
            title = QUESTIONS_BY_ID[key].title
            changes.append(f"{title[0].lower()}{title[1:]}: {to} (you said {was_given})")
    before, after = result.recommendation, what_if.recommendation
    after_name = f"the {_short(catalog, after.program_id)} {after.pathway_name.lower()}"
    if not changes:
        return Section("what-if", "What if", (Paragraph(w.say(
            f"The what-if answers are the ones you gave, so the recommendation stays: {after_name}.")),))
    was = CONFIDENCE_WORDS[_confidence(result)].lower()
    now = CONFIDENCE_WORDS["none" if not after.fits_limits else after.confidence].lower()
    if (after.program_id, after.pathway) != (before.program_id, before.pathway):
        verdict = (f"the recommendation changes: {after_name} ({now}), instead of the "
                   f"{_short(catalog, before.program_id)} {before.pathway_name.lower()}.")
    elif after.fits_limits and not before.fits_limits:
        verdict = f"the recommendation stays {after_name}, and it fits your limits: {now}."
    elif before.fits_limits and not after.fits_limits:
        verdict = f"the recommendation stays {after_name}, but nothing fits your limits any more."
    else:
        verdict = f"the recommendation stays: {after_name}" + (f", {now} instead of {was}." if now != was else ".")
    if len(changes) > 2:  # kept to a sentence that fits the one-screen summary
        opening = f"With your {len(changes)} what-if answers (the whole report lists them), "
    else:
        opening = f"With {' and '.join(changes)}, "
    return Section("what-if", "What if", (Paragraph(w.say(opening + verdict)),))


def _score_words(entry: RankedProgram) -> str:
    text = f"{entry.score:.1f} ({entry.pathway_name.lower()})"
    return text if entry.eligible else text + ", does not fit"


def _list_section(key: str, heading: str, items: Sequence[str], w: _Writer, numbered: bool = False) -> Section | None:
    if not items:
        return None
    return Section(key, heading, (Bullets(tuple(w.say(i) for i in items), numbered),))


# --- building -------------------------------------------------------------------------------------


def build(result: Result, catalog: Catalog, *, details: bool = False, today: date | None = None,
          more: str | None = None, reasons: int = SUMMARY_REASONS) -> Report:
    """The summary (always), then with ``details`` every table, the projection, the two-step path, all the
    changes, the assumptions and the sources. ``reasons``: how many reasons the summary gives (a layout with
    too little room asks for fewer)."""
    w = _Writer(catalog)
    headline = _headline(result, catalog, w)
    rival = _rival(result)
    entries = [result.ranking[0], *([rival] if rival is not None else [])]
    change_heading, change = _change_line(result, w)
    sections: list[Section | None] = [
        None if details else _what_if_summary(result, catalog, w),
        Section("reasons", "Why", (Bullets(tuple(_summary_reasons(result, catalog, w, reasons))),)),
        Section("figures", "Key figures", (_figures_table(result, catalog, w, entries),)),
        Section("change", change_heading, (Paragraph(change),)),
        Section("next", "Next step", (Paragraph(_next_step(result, catalog, w, details)),)),
    ]
    if details:
        programs = [_program(catalog, e.program_id) for e in result.ranking]
        sections += [
            _what_if_section(result, catalog, w),
            _answers_section(result, w),
            _list_section("good-to-know", "Good to know", result.warnings, w),
            Section("compare", "The programs side by side", (compare_table(catalog, programs, w),)),
            _scores_section(result, catalog, w),
            _money_section(result, catalog, w),
            _stack_section(result, catalog, w),
            _changes_section(result, w),
            _list_section("next-steps", "Next steps", result.recommendation.next_steps, w),
            _list_section("assumptions", "Assumptions", result.assumptions, w),
        ]
    return Report("Your pathfinder recommendation", _date_words(today or date.today()), headline,
                  tuple(s for s in sections if s is not None), w.sources(), None if details else more)


def compare_report(catalog: Catalog, programs: Sequence[Program], sources: bool = False) -> Report:
    """The side-by-side table on its own (``pathfinder compare``), with footnotes when ``sources``."""
    w = _Writer(catalog)
    table = compare_table(catalog, programs, w, sources)
    return Report("The programs side by side", "", None, (Section("compare", "The programs side by side", (table,)),),
                  w.sources() if sources else ())


def _date_words(day: date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"
