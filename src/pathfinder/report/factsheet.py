"""The programs' facts, side by side, in plain words: one row per fact, one cell per program, each line
with the sources it rests on. Pure: the report and the CSV lay these out; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from pathfinder.core import wording
from pathfinder.core.programs import Alternate, Catalog, Occupation, Pathway, Program, Range


class Line(NamedTuple):
    """One line of a cell, and the source references it rests on ('article#cost', 'bls-hit')."""

    text: str
    sources: tuple[str, ...] = ()


Cell = tuple[Line, ...]


class Row(NamedTuple):
    label: str
    cells: tuple[Cell, ...]


FORMAT_WORDS = {"in_person": "in person", "full_time": "full time", "part_time": "part time"}


def _range_words(rng: Range | None, unit: str) -> str:
    if rng is None or not rng.known:
        return wording.NOT_GIVEN
    return wording.money_span(rng.low, rng.high) if unit == "usd" else wording.month_span(rng.low, rng.high)


def _also(alt: Alternate, unit: str) -> str:
    """The other figure, in the words of its note where the note gives it, else as a figure."""
    if alt.note and any(ch.isdigit() for ch in alt.note):
        return f"Also reported: {alt.note}"
    if unit == "percent":
        figure = wording.percent(alt.percent)
    elif unit == "usd":
        figure = wording.money_span(alt.low, alt.high)
    else:
        figure = wording.month_span(alt.low, alt.high, below="under")
    period = f" ({alt.period})" if alt.period else ""
    return f"Also reported: {figure}{period}"


def _cost_lines(program: Program) -> list[Line]:
    lines = []
    for pathway in program.pathways:
        cost, extras = pathway.cost_usd, pathway.extra_costs_usd
        if not cost.known:
            lines.append(Line(f"{pathway.name}: no source gives a cost", (cost.source,)))
        elif extras is not None and extras.known:
            lines.append(Line(f"{pathway.name}: {_range_words(cost, 'usd')}, plus {_range_words(extras, 'usd')} "
                              "for books and fees", (cost.source, extras.source)))
        else:
            lines.append(Line(f"{pathway.name}: {_range_words(cost, 'usd')} in tuition", (cost.source,)))
        lines.extend(Line(_also(alt, "usd"), (alt.source,)) for alt in cost.alternates)
    lines.extend(Line(note.note or "", (note.source,)) for note in program.notes if note.about == "cost")
    return lines


def _length_lines(program: Program) -> list[Line]:
    lines = []
    for pathway in program.pathways:
        text = f"{pathway.name}: {_range_words(pathway.duration_months, 'months')}"
        sources = [pathway.duration_months.source]
        search = pathway.job_search_months
        if search is not None and search.known:
            text += (f", then up to {wording.months(search.high)} to a first job" if not search.low
                     else f", then {wording.month_span(search.low, search.high)} to a first job")
            sources.append(search.source)
        if pathway.prerequisite is not None:
            pre = pathway.prerequisite
            text += (f", after {pre.name.lower()} ({wording.month_span(pre.months.low, pre.months.high)} for a person "
                     "without them)")
            sources.append(pre.months.source)
        lines.append(Line(text, tuple(sources)))
        lines.extend(Line(_also(alt, "months"), (alt.source,)) for alt in pathway.duration_months.alternates)
    lines.extend(Line(note.note or "", (note.source,)) for note in program.notes if note.about == "length")
    return lines


def _certification_lines(program: Program) -> list[Line]:
    lines = []
    for cert in program.certifications:
        rate = cert.pass_rate_percent
        text = cert.name + (f", from the {cert.body}" if cert.body else "")
        sources = [cert.source]
        if rate is not None and rate.known:
            text += f"; {wording.span(rate.low, rate.high)}% pass the first time"
            sources.append(rate.source)
        if cert.fee:
            text += f"; exam fee {cert.fee}"
            sources.append(cert.fee_source or cert.source)
        lines.append(Line(text, tuple(dict.fromkeys(sources))))
    return lines + _flag_lines(program, "pass_rate")


def _flag_lines(program: Program, about: str) -> list[Line]:
    """Where official data contradicts the article, or cannot confirm it, in plain words."""
    return [Line(f"Note: {flag.text}", (flag.source,)) for flag in program.flags if flag.about == about]


def _occupations(program: Program, catalog: Catalog | None) -> list[tuple[Occupation, str]]:
    if catalog is None:
        return []
    found = [(catalog.occupation(link.occupation), link.why) for link in program.occupations]
    return [(occupation, why) for occupation, why in found if occupation is not None]


def _kind(source_id: str, catalog: Catalog | None) -> str:
    """'Official' for a figure from the body itself, 'Secondary' for one a site quotes from it."""
    source = next((s for s in catalog.sources if s.id == source_id), None) if catalog is not None else None
    return "Secondary" if source is not None and not source.official else "Official"


def official_pay_lines(occupation: Occupation, catalog: Catalog | None = None) -> list[Line]:
    """An occupation's pay figures, newest first, each labelled official or secondary: the median, and where
    found the pay of the lowest paid."""
    lines = []
    for pay in occupation.pay:
        parts = [f"median {wording.money(pay.median)}"] if pay.median is not None else []
        if pay.p25 is not None:
            parts.append(f"a quarter under {wording.money(pay.p25)}")
        if pay.p10 is not None:
            parts.append(f"a tenth under {wording.money(pay.p10)}")
        lines.append(Line(f"{_kind(pay.source, catalog)}, {occupation.short_name}: {', '.join(parts)} ({pay.as_of})",
                          (pay.source,)))
    return lines


def official_growth_lines(occupation: Occupation, catalog: Catalog | None = None) -> list[Line]:
    return [Line(f"{_kind(g.source, catalog)}, {occupation.short_name}: {wording.percent(g.percent)} ({g.period})",
                 (g.source,))
            for g in occupation.growth]


def program_cells(program: Program, catalog: Catalog | None = None) -> dict[str, Cell]:
    """Every fact shown for one program, keyed by its row label. With the catalog, the official figures for the
    occupations the program leads to stand beside the article's, with notes where they disagree."""
    outcomes = program.outcomes
    salary, growth = outcomes.salary_usd, outcomes.job_growth
    salary_lines = [Line(f"{_range_words(salary, 'usd')} a year", (salary.source,))]
    salary_lines += [Line(_also(a, "usd"), (a.source,)) for a in salary.alternates]
    period = f" ({growth.period})" if growth.period else ""
    growth_lines = [Line(f"{wording.percent(growth.percent)}{period}", (growth.source,))]
    growth_lines += [Line(_also(a, "percent"), (a.source,)) for a in growth.alternates
                     if (a.percent, a.period) != (growth.percent, growth.period)]
    occupations = _occupations(program, catalog)
    if occupations:  # the article's figures and the official ones, told apart
        salary_lines[0] = Line(f"The article: {salary_lines[0].text}", salary_lines[0].sources)
        growth_lines[0] = Line(f"The article: {growth_lines[0].text}", growth_lines[0].sources)
    for occupation, _ in occupations:
        salary_lines += official_pay_lines(occupation, catalog)
        growth_lines += official_growth_lines(occupation, catalog)
    salary_lines += _flag_lines(program, "salary")
    growth_lines += _flag_lines(program, "growth")
    education = tuple(Line(f"Official, {occupation.short_name} ({why}): {occupation.education}",
                           (occupation.education_source,) if occupation.education_source else ())
                      for occupation, why in occupations if occupation.education)
    formats = sorted({FORMAT_WORDS.get(f.id, f.id.replace("_", " ")) for p in program.pathways for f in p.formats})
    format_sources = tuple(dict.fromkeys(f.source for p in program.pathways for f in p.formats))
    return {
        "Cost": tuple(_cost_lines(program)),
        "Length": tuple(_length_lines(program)),
        "Early salary": tuple(salary_lines),
        "Job growth": tuple(growth_lines),
        **({"Entry education": education} if education else {}),
        "Certifications": tuple(_certification_lines(program)),
        "Roles": tuple(Line(r.title, (outcomes.roles_source,)) for r in outcomes.roles),
        "Skills": tuple(Line(s, (program.skills_source,)) for s in program.skills),
        "Admission": tuple(Line(f"{p.name}: {'; '.join(a[0].lower() + a[1:] for a in p.admission)}",
                                (p.admission_source,))
                           for p in program.pathways),
        "Difficulty": (Line(f"{program.difficulty.level.capitalize()}: {program.difficulty.note or ''}".rstrip(": "),
                            (program.difficulty.source,)),),
        "Remote work": (Line(f"{program.remote_work.level.capitalize()}: {program.remote_work.note or ''}".rstrip(": "),
                             (program.remote_work.source,)),),
        "Formats": (Line(", ".join(formats).capitalize(), format_sources),),
    }


def rows(programs: Sequence[Program], catalog: Catalog | None = None) -> list[Row]:
    """One row per fact, one cell per program, in the order the programs are given (a fact only some programs
    have, such as official figures a custom catalog lacks, is "not given" for the others)."""
    per_program = [program_cells(p, catalog) for p in programs]
    labels = list(dict.fromkeys(label for cells in per_program for label in cells))
    empty = (Line(wording.NOT_GIVEN),)
    return [Row(label, tuple(cells.get(label, empty) for cells in per_program)) for label in labels]


def header(program: Program) -> str:
    return f"{program.name} ({program.short_name})"


def describe_source(catalog: Catalog, ref: str) -> tuple[str, str | None, str | None]:
    """A source reference in words: its title (and publisher), the section it points to, and its address.
    'article#cost' -> ('HIM vs. ... (Imed Bouchrika, PhD)', 'How much does it cost?', None)."""
    source_id, _, section = ref.partition("#")
    source = next((s for s in catalog.sources if s.id == source_id), None)
    if source is None:
        return ref, None, None
    title = source.title + (f" ({source.publisher})" if source.publisher and source.publisher != "pathfinder" else "")
    part = source.sections.get(section, section.replace("-", " ")) if section else None
    return title, part, source.url


def source_words(catalog: Catalog, ref: str) -> str:
    title, part, _ = describe_source(catalog, ref)
    return f'{title}, section "{part}"' if part else title


def pathway_sources(pathway: Pathway) -> dict[str, tuple[str, ...]]:
    """The sources behind a pathway's key figures: its cost, and its months to a first job."""
    cost = [pathway.cost_usd.source]
    if pathway.extra_costs_usd is not None and pathway.extra_costs_usd.known:
        cost.append(pathway.extra_costs_usd.source)
    time = [pathway.duration_months.source]
    if pathway.job_search_months is not None:
        time.append(pathway.job_search_months.source)
    return {"cost": tuple(dict.fromkeys(cost)), "time": tuple(dict.fromkeys(time))}


def choose_programs(catalog: Catalog, ids: Sequence[str] | None) -> list[Program]:
    """The programs named (in that order), or all of them; an unknown id raises PathfinderError."""
    from pathfinder.errors import PathfinderError

    if not ids:
        return list(catalog.programs)
    valid = [p.id for p in catalog.programs]
    unknown = [i for i in ids if i not in valid]
    if unknown:
        raise PathfinderError(f"--programs: unknown program id {', '.join(repr(u) for u in unknown)}; "
                              f"valid ids: {', '.join(valid)}")
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
                rests(alt.source, f"{what} (also reported)")

    for program in catalog.programs:
        name = program.short_name
        for pathway in program.pathways:
            path = f"{name} {pathway.name.lower()}"
            figure(pathway.cost_usd, f"{path}: cost")
            figure(pathway.extra_costs_usd, f"{path}: extra costs")
            figure(pathway.duration_months, f"{path}: length")
            figure(pathway.job_search_months, f"{path}: time to a first job")
            if pathway.prerequisite is not None:
                rests(pathway.prerequisite.source, f"{path}: the step before it")
                figure(pathway.prerequisite.months, f"{path}: the step before it")
            rests(pathway.admission_source, f"{path}: admission")
            for fmt in pathway.formats:
                rests(fmt.source, f"{path}: formats")
            for fit in pathway.goal_fit.values():
                rests(fit.source, f"{path}: fit with career goals")
        outcomes = program.outcomes
        figure(outcomes.salary_usd, f"{name}: early salary")
        rests(outcomes.job_growth.source, f"{name}: job growth")
        for alt in outcomes.job_growth.alternates:
            rests(alt.source, f"{name}: job growth (also reported)")
        rests(outcomes.roles_source, f"{name}: roles")
        rests(outcomes.advancement_source, f"{name}: advancement")
        for cert in program.certifications:
            rests(cert.source, f"{cert.name}: eligibility and exam")
            figure(cert.pass_rate_percent, f"{cert.name}: pass rate")
            rests(cert.fee_source, f"{cert.name}: exam fee")
        for ref, what in ((program.skills_source, "skills"), (program.curriculum_source, "curriculum"),
                          (program.work_environment_source, "work environment"),
                          (program.difficulty.source, "difficulty"), (program.remote_work.source, "remote work")):
            rests(ref, f"{name}: {what}")
        tables = program.fit
        for table in (tables.goals, tables.interests, tables.learning_styles, tables.strengths, tables.remote,
                      tables.challenge):
            for fit in table.values():
                rests(fit.source, f"{name}: fit tables")
        for note in program.notes:
            rests(note.source, f"{name}: a note on {note.about}")
        for flag in program.flags:
            rests(flag.source, f"{name}: a note on the article's {flag.about.replace('_', ' ')}")
        for link in program.stacks_into:
            rests(link.source, f"{name}: the two-step path")
    for occupation in catalog.occupations:
        for pay in occupation.pay:
            rests(pay.source, f"{occupation.name}: pay ({pay.as_of})")
        for growth in occupation.growth:
            rests(growth.source, f"{occupation.name}: growth ({growth.period})")
        rests(occupation.education_source, f"{occupation.name}: entry education")
    return uses
