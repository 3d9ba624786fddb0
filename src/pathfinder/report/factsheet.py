"""The programs' facts, side by side, in plain words: one row per fact, one cell per program, each line
with the sources it rests on. Pure: the report and the CSV lay these out; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from pathfinder.core import wording
from pathfinder.core.programs import Alternate, Catalog, Occupation, Pathway, Program, Range
from pathfinder.i18n import N_, _, pgettext

if TYPE_CHECKING:
    from pathfinder.core.pathways import Span
    from pathfinder.core.result import Spread


class Line(NamedTuple):
    """One line of a cell, and the source references it rests on ('article#cost', 'bls-hit')."""

    text: str
    sources: tuple[str, ...] = ()


FactCell = tuple[Line, ...]


class FactRow(NamedTuple):
    label: str
    cells: tuple[FactCell, ...]


FORMAT_WORDS = {"in_person": N_("in person"), "full_time": N_("full time"), "part_time": N_("part time"),
                "online": N_("online"), "hybrid": N_("hybrid"), "accelerated": N_("accelerated")}


def _range_words(rng: Range | None, unit: str) -> str:
    if rng is None or not rng.known:
        return wording.not_given()
    return wording.money_span(rng.low, rng.high) if unit == "usd" else wording.month_span(rng.low, rng.high)


def _also(alt: Alternate, unit: str) -> str:
    """The other figure, in the words of its note where the note gives it, else as a figure."""
    if alt.note and any(ch.isdigit() for ch in alt.note):
        return _("Also reported: {figure}").format(figure=alt.note)
    if unit == "percent":
        figure = wording.percent(alt.percent)
    elif unit == "usd":
        figure = wording.money_span(alt.low, alt.high)
    else:
        figure = wording.month_span(alt.low, alt.high, below="under")
    if alt.period:
        return _("Also reported: {figure} ({period})").format(figure=figure, period=alt.period)
    return _("Also reported: {figure}").format(figure=figure)


def _cost_lines(program: Program) -> list[Line]:
    lines = []
    for pathway in program.pathways:
        cost, extras = pathway.cost_usd, pathway.extra_costs_usd
        if not cost.known:
            lines.append(Line(_("{pathway}: no source gives a cost").format(pathway=pathway.name), (cost.source,)))
        elif extras is not None and extras.known:
            lines.append(Line(_("{pathway}: {cost}, plus {extras} for books and fees").format(
                pathway=pathway.name, cost=_range_words(cost, "usd"), extras=_range_words(extras, "usd")),
                (cost.source, extras.source)))
        else:
            lines.append(Line(_("{pathway}: {cost} in tuition").format(pathway=pathway.name,
                                                                        cost=_range_words(cost, "usd")),
                              (cost.source,)))
        lines.extend(Line(_also(alt, "usd"), (alt.source,)) for alt in cost.alternates)
    lines.extend(Line(note.note or "", (note.source,)) for note in program.notes if note.about == "cost")
    return lines


def _length_lines(program: Program) -> list[Line]:
    lines = []
    for pathway in program.pathways:
        length = _range_words(pathway.duration_months, "months")
        sources = [pathway.duration_months.source]
        search = pathway.job_search_months
        then = None
        if search is not None and search.known:
            then = (wording.months(search.high) if not search.low else wording.month_span(search.low, search.high))
            sources.append(search.source)
        pre = pathway.prerequisite
        if pre is not None:
            sources.append(pre.months.source)
        lines.append(Line(_length_words(pathway.name, length, then, bool(search is not None and search.known
                                                                          and not search.low), pre), tuple(sources)))
        lines.extend(Line(_also(alt, "months"), (alt.source,)) for alt in pathway.duration_months.alternates)
    lines.extend(Line(note.note or "", (note.source,)) for note in program.notes if note.about == "length")
    return lines


def _length_words(name: str, length: str, search: str | None, up_to: bool, pre: Any) -> str:
    """A pathway's length in one sentence: the school, the job search after it, the step before it."""
    values = {"pathway": name, "length": length, "search": search or "",
              "before": pre.name.lower() if pre is not None else "",
              "before_length": wording.month_span(pre.months.low, pre.months.high) if pre is not None else ""}
    if search is None and pre is None:
        return f"{name}: {length}"
    if pre is None:
        return (_("{pathway}: {length}, then up to {search} to a first job") if up_to
                else _("{pathway}: {length}, then {search} to a first job")).format(**values)
    if search is None:
        return _("{pathway}: {length}, after {before} ({before_length} for a person without them)").format(**values)
    return (_("{pathway}: {length}, then up to {search} to a first job, after {before} ({before_length} for a "
              "person without them)") if up_to
            else _("{pathway}: {length}, then {search} to a first job, after {before} ({before_length} for a person "
                   "without them)")).format(**values)


def _certification_lines(program: Program) -> list[Line]:
    lines = []
    for cert in program.certifications:
        rate = cert.pass_rate_percent
        parts = [_("{name}, from the {body}").format(name=cert.name, body=cert.body) if cert.body else cert.name]
        sources = [cert.source]
        if rate is not None and rate.known:
            parts.append(_("{rate}% pass the first time").format(rate=wording.span(rate.low, rate.high)))
            sources.append(rate.source)
        if cert.fee:
            parts.append(_("exam fee {fee}").format(fee=cert.fee))
            sources.append(cert.fee_source or cert.source)
        text = "; ".join(parts)
        lines.append(Line(text, tuple(dict.fromkeys(sources))))
    return lines + _flag_lines(program, "pass_rate")


def _flag_lines(program: Program, about: str) -> list[Line]:
    """Where official data contradicts the article, or cannot confirm it, in plain words."""
    return [Line(_("Note: {text}").format(text=flag.text), (flag.source,))
            for flag in program.flags if flag.about == about]


def _occupations(program: Program, catalog: Catalog | None) -> list[tuple[Occupation, str]]:
    if catalog is None:
        return []
    found = [(catalog.occupation(link.occupation), link.why) for link in program.occupations]
    return [(occupation, why) for occupation, why in found if occupation is not None]


def _kind(source_id: str, catalog: Catalog | None) -> str:
    """'Official' for a figure from the body itself, 'Secondary' for one a site quotes from it."""
    source = next((s for s in catalog.sources if s.id == source_id), None) if catalog is not None else None
    return _("Secondary") if source is not None and not source.official else _("Official")


def official_pay_lines(occupation: Occupation, catalog: Catalog | None = None) -> list[Line]:
    """An occupation's pay figures, newest first, each labelled official or secondary: the median, and where
    found the pay of the lowest paid."""
    lines = []
    for pay in occupation.pay:
        parts = [_("median {pay}").format(pay=wording.money(pay.median))] if pay.median is not None else []
        if pay.p25 is not None:
            parts.append(_("a quarter under {pay}").format(pay=wording.money(pay.p25)))
        if pay.p10 is not None:
            parts.append(_("a tenth under {pay}").format(pay=wording.money(pay.p10)))
        lines.append(Line(_("{kind}, {occupation}: {figures} ({as_of})").format(
            kind=_kind(pay.source, catalog), occupation=occupation.short_name, figures=", ".join(parts),
            as_of=pay.as_of), (pay.source,)))
    return lines


def official_growth_lines(occupation: Occupation, catalog: Catalog | None = None) -> list[Line]:
    return [Line(_("{kind}, {occupation}: {figures} ({as_of})").format(
        kind=_kind(g.source, catalog), occupation=occupation.short_name, figures=wording.percent(g.percent),
        as_of=g.period), (g.source,))
            for g in occupation.growth]


def program_cells(program: Program, catalog: Catalog | None = None) -> dict[str, FactCell]:
    """Every fact shown for one program, keyed by its row label. With the catalog, the official figures for the
    occupations the program leads to stand beside the article's, with notes where they disagree."""
    outcomes = program.outcomes
    salary, growth = outcomes.salary_usd, outcomes.job_growth
    salary_lines = [Line(_(PER_YEAR).format(salary=_range_words(salary, "usd")), (salary.source,))]
    salary_lines += [Line(_also(a, "usd"), (a.source,)) for a in salary.alternates]
    growth_lines = [Line(growth_words(growth.percent, growth.period), (growth.source,))]
    growth_lines += [Line(_also(a, "percent"), (a.source,)) for a in growth.alternates
                     if (a.percent, a.period) != (growth.percent, growth.period)]
    occupations = _occupations(program, catalog)
    if occupations:  # the article's figures and the official ones, told apart
        salary_lines[0] = Line(_("The article: {figure}").format(figure=salary_lines[0].text), salary_lines[0].sources)
        growth_lines[0] = Line(_("The article: {figure}").format(figure=growth_lines[0].text), growth_lines[0].sources)
    for occupation, _why in occupations:
        salary_lines += official_pay_lines(occupation, catalog)
        growth_lines += official_growth_lines(occupation, catalog)
    salary_lines += _flag_lines(program, "salary")
    growth_lines += _flag_lines(program, "growth")
    education = tuple(Line(_("Official, {occupation} ({why}): {education}").format(
                               occupation=occupation.short_name, why=why, education=occupation.education),
                           (occupation.education_source,) if occupation.education_source else ())
                      for occupation, why in occupations if occupation.education)
    formats = sorted({_(FORMAT_WORDS[f.id]) if f.id in FORMAT_WORDS else f.id.replace("_", " ")
                      for p in program.pathways for f in p.formats})
    format_sources = tuple(dict.fromkeys(f.source for p in program.pathways for f in p.formats))
    return {
        pgettext("compare row", "Cost"): tuple(_cost_lines(program)),
        pgettext("compare row", "Length"): tuple(_length_lines(program)),
        pgettext("compare row", "Early salary"): tuple(salary_lines),
        pgettext("compare row", "Job growth"): tuple(growth_lines),
        **({pgettext("compare row", "Entry education"): education} if education else {}),
        pgettext("compare row", "Certifications"): tuple(_certification_lines(program)),
        pgettext("compare row", "Roles"): tuple(Line(r.title, (outcomes.roles_source,)) for r in outcomes.roles),
        pgettext("compare row", "Skills"): tuple(Line(s, (program.skills_source,)) for s in program.skills),
        pgettext("compare row", "Admission"): tuple(
            Line(f"{p.name}: {'; '.join(a[0].lower() + a[1:] for a in p.admission)}", (p.admission_source,))
            for p in program.pathways),
        pgettext("compare row", "Difficulty"): (Line(_level_words(program.difficulty.level, program.difficulty.note),
                                                     (program.difficulty.source,)),),
        pgettext("compare row", "Remote work"): (Line(_level_words(program.remote_work.level,
                                                                   program.remote_work.note),
                                                      (program.remote_work.source,)),),
        pgettext("compare row", "Formats"): (Line(", ".join(formats).capitalize(), format_sources),),
    }


def _level(level: str) -> str:
    """A difficulty or remote-work level in words: the levels the shipped programs file uses, translated; another
    level reads as the file writes it."""
    words = {"higher": pgettext("level", "higher"), "moderate": pgettext("level", "moderate"),
             "some": pgettext("level", "some"), "wide": pgettext("level", "wide"), "low": pgettext("level", "low"),
             "high": pgettext("level", "high")}
    return words.get(level, level)


def _level_words(level: str, note: str | None) -> str:
    """'Moderate: the note', or the level alone."""
    word = _level(level).capitalize()
    return f"{word}: {note}" if note else word


def growth_words(percent: float | None, period: str | None) -> str:
    """'16% (2022-2032)', or the percent alone."""
    figure = wording.percent(percent)
    return f"{figure} ({period})" if period else figure


def rows(programs: Sequence[Program], catalog: Catalog | None = None) -> list[FactRow]:
    """One row per fact, one cell per program, in the order the programs are given (a fact only some programs
    have, such as official figures a custom catalog lacks, is "not given" for the others)."""
    per_program = [program_cells(p, catalog) for p in programs]
    labels = list(dict.fromkeys(label for cells in per_program for label in cells))
    empty = (Line(wording.not_given()),)
    return [FactRow(label, tuple(cells.get(label, empty) for cells in per_program)) for label in labels]


def header(program: Program) -> str:
    return f"{program.name} ({program.short_name})"


def describe_source(catalog: Catalog, ref: str) -> tuple[str, str | None, str | None]:
    """A source reference in words: its title (and publisher), the section it points to, and its address.
    'article#cost' -> ('HIM vs. ... (Imed Bouchrika, PhD)', 'How much does it cost?', None)."""
    source_id, _hash, section = ref.partition("#")
    source = next((s for s in catalog.sources if s.id == source_id), None)
    if source is None:
        return ref, None, None
    title = source_title(source.title, source.publisher)
    part = source.sections.get(section, section.replace("-", " ")) if section else None
    return title, part, source.url


def source_title(title: str, publisher: str | None = None) -> str:
    """A source's title (and publisher) as shown: the sources are written in English, which a Spanish run says."""
    shown = title + (f" ({publisher})" if publisher and publisher != "pathfinder" else "")
    # TRANSLATORS: the title of a source, which stays in English; say so after it ("{title} (en inglés)").
    return pgettext("a source's title, in English", "{title}").format(title=shown)


def source_words(catalog: Catalog, ref: str) -> str:
    title, part, _url = describe_source(catalog, ref)
    return _('{title}, section "{part}"').format(title=title, part=part) if part else title


def choose_programs(catalog: Catalog, ids: Sequence[str] | None) -> list[Program]:
    """The programs named (in that order), or all of them; an unknown id raises PathfinderError."""
    from pathfinder.errors import PathfinderError

    if not ids:
        return list(catalog.programs)
    valid = [p.id for p in catalog.programs]
    unknown = [i for i in ids if i not in valid]
    if unknown:
        from pathfinder.i18n import ngettext

        message = ngettext("--programs: unknown program id {ids}; valid ids: {valid}",
                           "--programs: unknown program ids {ids}; valid ids: {valid}", len(unknown))
        raise PathfinderError(message.format(ids=", ".join(repr(u) for u in unknown), valid=", ".join(valid)))
    return [p for p in (catalog.program(i) for i in dict.fromkeys(ids)) if p is not None]


def source_uses(catalog: Catalog) -> dict[str, list[str]]:
    """Which figures and facts rest on each source, in words, keyed by source id (``pathfinder sources``)."""
    uses: dict[str, list[str]] = {source.id: [] for source in catalog.sources}

    def rests(ref: str | None, what: str) -> None:
        if ref:
            found = uses.setdefault(ref.partition("#")[0], [])
            if what not in found:
                found.append(what)

    def figure(rng: Range | None, what: str) -> None:
        if rng is not None:
            rests(rng.source, what)
            for alt in rng.alternates:
                rests(alt.source, _("{what} (also reported)").format(what=what))

    for program in catalog.programs:
        name = program.short_name
        for pathway in program.pathways:
            path = wording.pathway(name, pathway.name)
            figure(pathway.cost_usd, _("{pathway}: cost").format(pathway=path))
            figure(pathway.extra_costs_usd, _("{pathway}: extra costs").format(pathway=path))
            figure(pathway.duration_months, _("{pathway}: length").format(pathway=path))
            figure(pathway.job_search_months, _("{pathway}: time to a first job").format(pathway=path))
            if pathway.prerequisite is not None:
                before = _("{pathway}: the step before it").format(pathway=path)
                rests(pathway.prerequisite.source, before)
                figure(pathway.prerequisite.months, before)
            rests(pathway.admission_source, _("{pathway}: admission").format(pathway=path))
            for fmt in pathway.formats:
                rests(fmt.source, _("{pathway}: formats").format(pathway=path))
            for fit in pathway.goal_fit.values():
                rests(fit.source, _("{pathway}: fit with career goals").format(pathway=path))
        outcomes = program.outcomes
        figure(outcomes.salary_usd, _("{program}: early salary").format(program=name))
        growth = _("{program}: job growth").format(program=name)
        rests(outcomes.job_growth.source, growth)
        for alt in outcomes.job_growth.alternates:
            rests(alt.source, _("{what} (also reported)").format(what=growth))
        rests(outcomes.roles_source, _("{program}: roles").format(program=name))
        rests(outcomes.advancement_source, _("{program}: advancement").format(program=name))
        for cert in program.certifications:
            rests(cert.source, _("{certification}: eligibility and exam").format(certification=cert.name))
            figure(cert.pass_rate_percent, _("{certification}: pass rate").format(certification=cert.name))
            rests(cert.fee_source, _("{certification}: exam fee").format(certification=cert.name))
        for ref, what in ((program.skills_source, _("{program}: skills")),
                          (program.curriculum_source, _("{program}: curriculum")),
                          (program.work_environment_source, _("{program}: work environment")),
                          (program.difficulty.source, _("{program}: difficulty")),
                          (program.remote_work.source, _("{program}: remote work"))):
            rests(ref, what.format(program=name))
        tables = program.fit
        for table in (tables.goals, tables.interests, tables.learning_styles, tables.strengths, tables.remote,
                      tables.challenge):
            for fit in table.values():
                rests(fit.source, _("{program}: fit tables").format(program=name))
        for note in program.notes:
            rests(note.source, _(NOTE_ON[note.about]).format(program=name))
        for flag in program.flags:
            rests(flag.source, _(FLAG_ON[flag.about]).format(program=name))
        for link in program.stacks_into:
            rests(link.source, _("{program}: the two-step path").format(program=name))
    for occupation in catalog.occupations:
        for pay in occupation.pay:
            rests(pay.source, _("{occupation}: pay ({as_of})").format(occupation=occupation.name, as_of=pay.as_of))
        for growth_figure in occupation.growth:
            rests(growth_figure.source, _("{occupation}: growth ({period})").format(occupation=occupation.name,
                                                                                   period=growth_figure.period))
        rests(occupation.education_source, _("{occupation}: entry education").format(occupation=occupation.name))
    return uses


# What a program's note or flag is about (programs.json's ``about``), as ``pathfinder sources`` says it.
NOTE_ON = {"cost": N_("{program}: a note on cost"), "length": N_("{program}: a note on length"),
           "salary": N_("{program}: a note on salary"), "growth": N_("{program}: a note on growth")}
FLAG_ON = {"salary": N_("{program}: a note on the article's salary"),
           "growth": N_("{program}: a note on the article's growth"),
           "pass_rate": N_("{program}: a note on the article's pass rate")}


# --- the quick table: one figure per pathway ------------------------------------------------------


# The quick table's phrases, each whole in one place (translated where they are used).
LENGTH_AFTER = N_("{length}, after {before} of the courses admission asks for")
SEARCH_NOT_GIVEN = N_("{school}, plus a job search ({not_given})")
PER_YEAR = N_("{salary} a year")


def _cert_short(name: str) -> str:
    """'Certified Professional Coder (CPC)' -> 'CPC'; a name with no abbreviation stays whole."""
    head, _paren, tail = name.rpartition(" (")
    return tail[:-1] if head and tail.endswith(")") else name


def cost_figure(cost: Span | Spread, pathway: Pathway) -> str:
    """A table's cost figure: '$3,000-$17,000' when a source prices every part of it, '$7,000-$25,000 in tuition'
    when a source names extras without a figure (a table never gives tuition alone as the whole cost)."""
    from pathfinder.core.pathways import unpriced_extras

    return wording.cost_span(cost.low, cost.high, unpriced_extras(pathway))


def _quick_cells(program: Program, pathway: Pathway) -> dict[str, Line]:
    from pathfinder.core.pathways import job_search_months, school_months, total_cost

    sources = {"cost": pathway.cost_sources(), "time": pathway.time_sources()}
    cost = total_cost(pathway)
    school = school_months(pathway)
    search = pathway.job_search_months
    length = wording.month_span(school.low, school.high)
    length_sources = [pathway.duration_months.source]
    if pathway.prerequisite is not None:
        pre = pathway.prerequisite.months
        length = _(LENGTH_AFTER).format(length=length, before=wording.month_span(pre.low, pre.high))
        length_sources.append(pre.source)
    if search is not None and search.known:
        work = school + job_search_months(pathway)
        first_job = wording.month_span(work.low, work.high)
    else:
        first_job = _(SEARCH_NOT_GIVEN).format(school=wording.month_span(school.low, school.high),
                                            not_given=wording.not_given())
    salary, growth = program.outcomes.salary_usd, program.outcomes.job_growth
    from pathfinder.core.questions import QUESTIONS_BY_ID

    # The least education the pathway admits, as the quiz's question words it (the scoring's own limit); the
    # admission requirements in full are under --details.
    admission = QUESTIONS_BY_ID["education"].label_for(pathway.min_education)
    credentials = [c for c in (program.certification(cid) for cid in pathway.certifications) if c is not None]
    return {
        pgettext("compare row", "Cost"): Line(cost_figure(cost, pathway), sources["cost"]),
        pgettext("compare row", "Length"): Line(length, tuple(length_sources)),
        pgettext("compare row", "Time to a first job"): Line(first_job, sources["time"]),
        pgettext("compare row", "Early salary"): Line(_(PER_YEAR).format(salary=_range_words(salary, "usd")),
                                                      (salary.source,)),
        pgettext("compare row", "Job growth"): Line(growth_words(growth.percent, growth.period), (growth.source,)),
        pgettext("compare row", "Admission"): Line(admission, (pathway.admission_source,)),
        # The credentials this pathway leads to (the RHIA needs the bachelor's, not the associate degree).
        pgettext("compare row", "Credentials"): Line(
            ", ".join(_cert_short(c.name) for c in credentials) or wording.not_given(),
            tuple(dict.fromkeys(c.source for c in credentials))),
        pgettext("compare row", "Where people work"): Line(program.work_environment,
                                                           (program.work_environment_source,)),
    }


def quick_table(programs: Sequence[Program]) -> tuple[list[str], list[FactRow]]:
    """The quick table (``pathfinder compare``): one column per pathway, named as in the headings, and one row
    per fact, each cell one figure (the cost, the months, the first admission requirement...). The
    alternates, notes and official figures are in ``rows`` (``compare --details``)."""
    columns = [(program, pathway) for program in programs for pathway in program.pathways]
    per_column = [_quick_cells(program, pathway) for program, pathway in columns]
    labels = list(dict.fromkeys(label for cells in per_column for label in cells))
    rows = [FactRow(label, tuple((cells[label],) for cells in per_column)) for label in labels]
    return [wording.pathway(program.short_name, pathway.name) for program, pathway in columns], rows
