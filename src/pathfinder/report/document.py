"""The report as data: what a person reads, in plain words, before any layout.

Pure: builds sections of sentences, tables and charts from the result and the catalog; the terminal,
Markdown, plain text and HTML layouts only lay it out, so no section is written twice. The sentences about
the result (verdict, headline, reasons, next step, what-if) are the result's own, written by
``core.explain``: the report numbers their sources as footnotes and spells out each abbreviation at its first
use, and changes no other word. Every figure carries numbered footnotes to its sources, listed at the end.
No ids, source references, option names or raw fits reach the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from pathfinder.core import wording
from pathfinder.core.programs import Catalog, Pathway, Program
from pathfinder.i18n import N_, _, pgettext
from pathfinder.report import factsheet

if TYPE_CHECKING:  # the result's models are not needed to lay out the catalog alone (compare)
    from pathfinder.core.result import PathwayScore, ProgramProjection, RankedProgram, Result

SUMMARY_LINES = 40  # the terminal summary's most lines (one screen); a layout gives fewer reasons to keep to it


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


class Footnote(NamedTuple):
    """A numbered source: the work, and the section cited."""

    number: int
    title: str  # the work: its title and publisher
    part: str | None  # the section cited, if any
    url: str | None

    @property
    def text(self) -> str:
        return _('{title}, section "{part}"').format(title=self.title, part=self.part) if self.part else self.title


class Report(NamedTuple):
    title: str
    date: str
    headline: Headline | None
    sections: tuple[Section, ...]
    sources: tuple[Footnote, ...]
    more: str | None = None  # how to see the whole report (the terminal summary only)
    decision: BarChart | None = None  # the decision at a glance (the whole report only)

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

    def verbatim(self, text: str, sources: Iterable[str] = ()) -> Text:
        """A sentence of the result as the result writes it (the JSON's own words), with its footnotes."""
        return Text(text, self.notes(sources))

    def name_programs(self, programs: Iterable[Program]) -> Text | None:
        """'MBC is Medical Billing and Coding.': the programs' short names not spelled out yet, named once, so the
        result's sentences can print as they are written."""
        names = [_(SHORT_NAME).format(short=p.short_name, name=p.name) for p in programs
                 if p.short_name != p.name and p.short_name not in self.spelled]  # the headline's program is named
        self.spelled.update(p.short_name for p in programs)
        return Text("; ".join(names) + ".") if names else None

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

    def sources(self) -> tuple[Footnote, ...]:
        return tuple(Footnote(number, *factsheet.describe_source(self.catalog, ref))
                     for ref, number in self.refs.items())


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


def _entry_pathway(entry: RankedProgram) -> PathwayScore:
    return next(p for p in entry.pathways if p.id == entry.pathway)


def _rival(result: Result) -> RankedProgram | None:
    """The program the recommendation is set against, beside it in the key figures."""
    return next((e for e in result.ranking if e.program_id == result.recommendation.rival_program_id), None)


# --- the summary ----------------------------------------------------------------------------------


def _headline(result: Result, catalog: Catalog, w: _Writer) -> Headline:
    rec = result.recommendation
    program = _program(catalog, rec.program_id)
    header = w.words(f"{program.name} ({program.short_name})")
    return Headline(header, rec.pathway_name, rec.verdict, rec.confidence, w.verbatim(rec.headline))


def _summary_reasons(result: Result, w: _Writer, limit: int | None) -> list[Text]:
    """The result's reasons (the first ``limit`` of them), each with its footnotes."""
    rec = result.recommendation
    return [w.verbatim(text, sources) for text, sources in zip(rec.reasons, rec.reason_sources, strict=True)][:limit]


def _figures_table(catalog: Catalog, w: _Writer, entries: Sequence[RankedProgram]) -> Table:
    """Cost, time to a first job, early salary and growth, side by side."""
    columns = [""]
    total, first_job, salary_row, growth_row = (pgettext("report row", "Cost"),
                                                pgettext("report row", "Time to a first job"),
                                                pgettext("report row", "Early salary"),
                                                pgettext("report row", "Job growth"))
    cells: dict[str, list[Cell]] = {total: [], first_job: [], salary_row: [], growth_row: []}
    for entry in entries:
        program = _program(catalog, entry.program_id)
        pathway = _pathway(program, entry.pathway)
        score = _entry_pathway(entry)
        columns.append(_column_name(w.words(wording.pathway(program.short_name, entry.pathway_name)), entry.eligible))
        cost = (factsheet.cost_figure(score.cost_usd, pathway) if score.cost_usd.low is not None
                else _("not given by any source"))
        cells[total].append((w.say(cost, pathway.cost_sources()),))
        time = wording.span(score.time_to_work_months.low, score.time_to_work_months.high, "months")
        extra = [pathway.prerequisite.months.source] if score.prerequisite_first and pathway.prerequisite else []
        cells[first_job].append((w.say(time, [*pathway.time_sources(), *extra]),))
        salary = program.outcomes.salary_usd
        cells[salary_row].append((w.say(_(factsheet.PER_YEAR).format(
            salary=wording.money_span(salary.low, salary.high)), [salary.source]),))
        growth = program.outcomes.job_growth
        cells[growth_row].append((w.say(factsheet.growth_words(growth.percent, growth.period), [growth.source]),))
    return Table(_("Key figures"), tuple(columns), tuple((label, tuple(row)) for label, row in cells.items()),
                 key="figures")


def _column_name(name: str, fits: bool) -> str:
    """A pathway as a column's heading, saying so when it does not fit the person's limits."""
    return name if fits else _("{pathway} (does not fit)").format(pathway=name)


def _change_line(result: Result, w: _Writer) -> tuple[str, Text]:
    from pathfinder.core import explain  # the result's words (not loaded to lay out compare)

    rec = result.recommendation
    if not rec.fits_limits:
        heading = _("What would make a program fit")
        if result.nearest_fit is not None:
            return heading, w.verbatim(result.nearest_fit.sentence)
        return heading, w.verbatim(explain.no_fitting_change())
    if rec.confidence == "toss-up" and result.what_would_decide:
        return _("What would settle it"), w.verbatim(result.what_would_decide[0].sentence)
    if result.what_would_change:
        return _("What would change it"), w.verbatim(result.what_would_change[0].sentence)
    if result.nearest_fit is not None:
        return _("What would change it"), w.verbatim(result.nearest_fit.sentence)
    return _("What would change it"), w.verbatim(explain.no_single_change())


def _next_step(result: Result, w: _Writer, details: bool) -> Text:
    """The result's next step; a two-step path says where the whole plan is."""
    from pathfinder.core import explain

    rec = result.recommendation
    if result.stackable_path is None:
        return w.verbatim(rec.next_step, rec.next_step_sources)
    return w.verbatim(explain.plan_pointer(rec.next_step, below=details), rec.next_step_sources)


# --- the details ----------------------------------------------------------------------------------


def _answers_section(result: Result, w: _Writer) -> Section:
    from pathfinder.core.questions import QUESTIONS, QUESTIONS_BY_ID

    rows = tuple((q.title, (( w.say(QUESTIONS_BY_ID[q.id].label_for(result.answers.get(q.id))),),))
                 for q in QUESTIONS)
    return Section("answers", _("Your answers"),
                   (Table(_("Your answers"), (_("Question"), _("Your answer")), rows, key="answers"),))


def compare_table(catalog: Catalog, programs: Sequence[Program], w: _Writer, sources: bool = True) -> Table:
    columns = ("", *(w.words(factsheet.header(p)) for p in programs))
    rows = []
    for row in factsheet.rows(programs, catalog):
        cells = tuple(tuple(w.say(line.text, line.sources if sources else ()) for line in cell) for cell in row.cells)
        rows.append((row.label, cells))
    return Table(_("The programs side by side"), columns, tuple(rows), key="compare")


def _scores_section(result: Result, catalog: Catalog, w: _Writer) -> Section:
    entries = result.ranking
    names = [_column_name(w.words(wording.pathway(_short(catalog, e.program_id), e.pathway_name)), e.eligible)
             for e in entries]
    weighed = [c for c in entries[0].criteria if c.fit is not None]
    by_program = [{c.id: c for c in e.criteria} for e in entries]
    rows = [(c.label, ((Text(f"{c.weight:.1f}"),), *((Text(f"{p[c.id].contribution:.1f}"),) for p in by_program)))
            for c in weighed]
    rows.append((_("Total"), ((Text("100"),), *((Text(f"{e.score:.1f}"),) for e in entries))))
    blocks: list[Block] = [
        Paragraph(w.say(_("Each criterion's weight is its share of 100 points; a program earns part of it by how well "
                          "it does on that criterion. The method, with every figure's scale, is in the project's "
                          "method notes."))),
        Table(_("Points by criterion"), (_("Criterion"), _("Weight"), *names), tuple(rows), key="scores"),
    ]
    unweighed = [c.label.lower() for c in entries[0].criteria if c.fit is None]
    if unweighed:
        blocks.append(Paragraph(w.say(_("Not weighed, because you gave no view on them: {criteria}.").format(
            criteria=wording.listing(unweighed)))))
    return Section("scores", _("How each program scored"), tuple(blocks))


def _money_section(result: Result, catalog: Catalog, w: _Writer) -> Section | None:
    from pathfinder.core import explain  # the result's words (not loaded to lay out compare)

    projection = result.projection
    if not projection:
        return None
    years = len(projection[0].years)
    labels = [w.words(wording.pathway(_short(catalog, p.program_id), p.pathway_name)) for p in projection]
    series = [Series(label, tuple(y.mid for y in p.years)) for label, p in zip(labels, projection, strict=True)]
    if result.stackable_path is not None:
        path = result.stackable_path
        first, goal = (_program(catalog, path.first_program_id).short_name,
                       _program(catalog, path.goal_program_id).short_name)
        series.append(Series(_("{first}, then {goal}").format(first=first, goal=goal),
                             tuple(y.mid for y in path.years)))
    ends = [f"{s.label} {wording.money(s.values[-1])}" for s in series if s.values and s.values[-1] is not None]
    catch = [explain.catch_up_sentence(labels[i], _short(catalog, p.compared_with), p.break_even.low,
                                       p.break_even.mid, p.break_even.high, years)
             for i, p in enumerate(projection) if p.compared_with is not None]
    span = wording.years(years)
    description = explain.money_chart_description(years, ends)

    def before_work(p: ProgramProjection) -> str:
        school = wording.span(p.school_months.low, p.school_months.high, "months")
        search = _pathway(_program(catalog, p.program_id), p.pathway).job_search_months
        if search is None or not search.known:
            return explain.before_work(school, None)
        return explain.before_work(school, wording.span(p.job_search_months.low, p.job_search_months.high, "months"))

    rows = [
        (_("Before the first job"), tuple((Text(before_work(p)),) for p in projection)),
        (_("Cost, paid up front"),
         tuple((Text(wording.span(p.cost_usd.low, p.cost_usd.high, "usd")),) for p in projection)),
        (_("Pay a year"), tuple((Text(wording.span(p.salary_usd.low, p.salary_usd.high, "usd")),) for p in projection)),
        (_("After {years}: low").format(years=span),
         tuple((Text(wording.money(p.years[-1].low)),) for p in projection)),
        (pgettext("range end", "middle"), tuple((Text(wording.money(p.years[-1].mid)),) for p in projection)),
        (pgettext("range end", "high"), tuple((Text(wording.money(p.years[-1].high)),) for p in projection)),
    ]
    yearly = tuple((_("Year {number}").format(number=i + 1),
                    tuple((Text(wording.money(s.values[i]) if i < len(s.values) else "-"),) for s in series))
                   for i in range(years))
    title = _("Money and time over {years}").format(years=span)
    blocks: list[Block] = [
        Paragraph(w.say(explain.money_intro())),
        Chart(title, description, tuple(series)),
        Table(_("After {years}").format(years=span), ("", *labels), tuple(rows), key="projection"),
    ]
    notes = [*catch, *(n for p in projection for n in p.notes)]
    if notes:
        blocks.append(Bullets(tuple(w.say(n) for n in notes)))
    blocks.append(Table(_("Year by year, middle of the ranges"), ("", *(s.label for s in series)), yearly,
                        key="yearly"))
    return Section("money", title, tuple(blocks))


def _short(catalog: Catalog, program_id: str | None) -> str:
    program = catalog.program(program_id) if program_id else None
    return program.short_name if program else ""


def _stack_section(result: Result, catalog: Catalog, w: _Writer) -> Section | None:
    from pathfinder.core import explain  # the result's words (not loaded to lay out compare)

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
        Paragraph(w.say(explain.two_step_total(years, last.low, last.mid, last.high, first, spread.low, spread.mid,
                                               spread.high))),
    ]
    return Section("two-step", _("A two-step path toward {program}").format(program=goal), tuple(blocks))


def _changes_section(result: Result, w: _Writer) -> Section:
    from pathfinder.core import explain  # the result's words (not loaded to lay out compare)

    blocks: list[Block] = []
    if result.nearest_fit is not None:
        blocks.append(Paragraph(w.say(result.nearest_fit.sentence)))
    if result.what_would_decide:
        blocks.append(Paragraph(w.say(explain.settle_intro())))
        blocks.append(Bullets(tuple(w.say(d.sentence) for d in result.what_would_decide)))
    if result.what_would_change:
        blocks.append(Bullets(tuple(w.say(c.sentence) for c in result.what_would_change)))
    elif result.nearest_fit is None:
        blocks.append(Paragraph(w.say(explain.no_single_change(weights_too=True))))
    return Section("changes", _("What would change the advice"), tuple(blocks))


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
    rows.append((_("Recommended"), ((w.say(f"{before.program_name}, {before.pathway_name.lower()}"),),
                                    (w.say(f"{after.program_name}, {after.pathway_name.lower()}"),))))
    rows.append((_("Confidence"), ((Text(before.verdict),), (Text(after.verdict),))))
    others = {e.program_id: e for e in what_if.ranking}
    for entry in result.ranking:
        name = _short(catalog, entry.program_id)
        rows.append((_("{program} score").format(program=name),
                     ((Text(_score_words(entry)),), (Text(_score_words(others[entry.program_id])),))))
    table = Table(_("What if"), ("", _("Your answers"), _("What if")), tuple(rows), key="what-if")
    return Section("what-if", _("What if"), (table, Paragraph(w.say(what_if.outcome))))


def _what_if_summary(result: Result, w: _Writer) -> Section | None:
    """The what-if answer in a sentence, for the one-screen summary (the side-by-side table, with every program's
    score, is in the whole report)."""
    if result.what_if is None:
        return None
    return Section("what-if", _("What if"), (Paragraph(w.verbatim(result.what_if.sentence)),))


def _score_words(entry: RankedProgram) -> str:
    text = f"{entry.score:.1f} ({entry.pathway_name.lower()})"
    return text if entry.eligible else _("{score}, does not fit").format(score=text)


def _list_section(key: str, heading: str, items: Sequence[str], w: _Writer, numbered: bool = False) -> Section | None:
    if not items:
        return None
    return Section(key, heading, (Bullets(tuple(w.say(i) for i in items), numbered),))


# --- building -------------------------------------------------------------------------------------


def build(result: Result, catalog: Catalog, *, details: bool = False, today: date | None = None,
          more: str | None = None, reasons: int | None = None) -> Report:
    """The summary (always), then with ``details`` every table, the projection, the two-step path, all the
    changes, the assumptions and the sources. ``reasons``: how many of the result's reasons the summary gives
    (all of them by default; a layout with too little room asks for fewer)."""
    w = _Writer(catalog)
    headline = _headline(result, catalog, w)
    # The programs' short names are named under the key figures, so the headline and the reasons print as the
    # result writes them (the JSON's words), abbreviations and all.
    names = w.name_programs(catalog.programs)
    rival = _rival(result)
    entries = [result.ranking[0], *([rival] if rival is not None else [])]
    change_heading, change = _change_line(result, w)
    figures: tuple[Block, ...] = (_figures_table(catalog, w, entries), *([Paragraph(names)] if names else []))
    sections: list[Section | None] = [
        None if details else _what_if_summary(result, w),
        Section("reasons", _("Why"), (Bullets(tuple(_summary_reasons(result, w, reasons))),)),
        Section("figures", _("Key figures"), figures),
        Section("change", change_heading, (Paragraph(change),)),
        Section("next", _("Next step"), (Paragraph(_next_step(result, w, details)),)),
    ]
    if details:
        programs = [_program(catalog, e.program_id) for e in result.ranking]
        sections += [
            _what_if_section(result, catalog, w),
            _answers_section(result, w),
            _list_section("good-to-know", _("Good to know"), result.warnings, w),
            Section("compare", _("The programs side by side"), (compare_table(catalog, programs, w),)),
            _scores_section(result, catalog, w),
            _money_section(result, catalog, w),
            _stack_section(result, catalog, w),
            _changes_section(result, w),
            _list_section("next-steps", _("Next steps"), result.recommendation.next_steps, w),
            _list_section("assumptions", _("Assumptions"), result.assumptions, w),
        ]
    return Report(_("Your pathfinder recommendation"), _date_words(today or date.today()), headline,
                  tuple(s for s in sections if s is not None), w.sources(), None if details else more,
                  decision_chart(result, catalog) if details else None)


def compare_report(catalog: Catalog, programs: Sequence[Program], sources: bool = False,
                   details: bool = False) -> Report:
    """``pathfinder compare``: the quick table, one column per pathway and one figure a cell, with footnotes when
    ``sources``; with ``details``, the programs in full instead (alternates, notes, official figures)."""
    w = _Writer(catalog)
    if details:
        section = Section("compare", _("The programs side by side"), (compare_table(catalog, programs, w, sources),))
    else:
        section = quick_section(catalog, programs, w, sources)
    return Report(_("The programs side by side"), "", None, (section,), w.sources() if sources else (),
                  None if details else _(COMPARE_MORE))


SHORT_NAME = N_("{short} is {name}")
COMPARE_MORE = N_("More: pathfinder compare --details shows each program in full (other figures, notes, the "
                  "official ones); --sources says where each figure comes from.")


def quick_section(catalog: Catalog, programs: Sequence[Program], w: _Writer, sources: bool) -> Section:
    """The quick table: figures as they are, abbreviations named once under it (spelled out in the cells, they
    would not fit a column)."""
    headers, rows = factsheet.quick_table(programs)
    table = Table(_("The programs side by side"), ("", *headers),
                  tuple((row.label, tuple(tuple(Text(line.text, w.notes(line.sources) if sources else ())
                                                for line in cell) for cell in row.cells)) for row in rows),
                  key="quick")
    names = "; ".join(_(SHORT_NAME).format(short=p.short_name, name=p.name) for p in programs if p.short_name != p.name)
    blocks: list[Block] = [table]
    if names:
        blocks.append(Paragraph(Text(names + ".")))
    return Section("quick", _("The programs side by side"), tuple(blocks))


MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"), N_("August"),
          N_("September"), N_("October"), N_("November"), N_("December"))


def _date_words(day: date) -> str:
    """'7 December 2026' ('7 de diciembre de 2026'): the month's name from the catalog, not the system's locale."""
    return _("{day} {month} {year}").format(day=day.day, month=_(MONTHS[day.month - 1]), year=day.year)


# --- on paper and on a phone: the first page, the decision at a glance, each work once -----------------


class Bar(NamedTuple):
    """One bar of a chart: the whole line read beside it, its length on the chart's scale, and whether the
    pathway fits the person's limits."""

    label: str
    value: float
    fits: bool


class BarChart(NamedTuple):
    title: str
    description: str  # the text alternative, in words
    bars: tuple[Bar, ...]
    scale: float = 100


class Work(NamedTuple):
    """A source work listed once, with the footnote number of each of its sections cited (None: the whole)."""

    title: str
    url: str | None
    parts: tuple[tuple[int, str | None], ...]


DECISION_TITLE = N_("Your decision at a glance")
DECISION_FITS = N_("{name}: {points} of 100 points, fits your limits")
DECISION_MISSES = N_("{name}: {points} of 100 points, does not fit your limits")
DECISION_DESCRIPTION = N_("How each program scores out of 100 on your answers, and whether it fits your limits "
                          "(budget, time and education): {bars}.")


def decision_chart(result: Result, catalog: Catalog) -> BarChart:
    """Each ranked program's score out of 100, and whether it fits: the decision at a glance. The bars are
    (line, value, fits), so the chart can show other figures (a chance of fitting, say) without a new layout."""
    bars = []
    for entry in result.ranking:
        name = wording.pathway(_program(catalog, entry.program_id).short_name, entry.pathway_name)
        line = DECISION_FITS if entry.eligible else DECISION_MISSES
        bars.append(Bar(_(line).format(name=name, points=f"{entry.score:.1f}"), entry.score, entry.eligible))
    description = _(DECISION_DESCRIPTION).format(bars="; ".join(bar.label for bar in bars))
    return BarChart(_(DECISION_TITLE), description, tuple(bars))


def first_page(report: Report) -> tuple[tuple[Section, ...], tuple[Section, ...]]:
    """The sections of the first page (the decision's why, key figures, what would change it, the next step)
    and the rest, the appendix: a page that stands alone when printed, and everything else after it."""
    keys = [section.key for section in report.sections]
    end = keys.index("next") + 1 if "next" in keys else len(keys)
    return report.sections[:end], report.sections[end:]


def works(sources: Sequence[Footnote]) -> tuple[Work, ...]:
    """Each work once, in order of first citation, with the sections cited beside it."""
    found: dict[str, list[Footnote]] = {}
    for source in sources:
        found.setdefault(source.title, []).append(source)
    return tuple(Work(title, next((p.url for p in parts if p.url), None), tuple((p.number, p.part) for p in parts))
                 for title, parts in found.items())
