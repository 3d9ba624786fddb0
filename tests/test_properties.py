"""Properties of the advice (hypothesis), with answers generated from the question specs themselves.

Each property is a rule restated simply, checked against the real engine on generated answers:
ids and catalog order decide nothing; sweeping the budget or the timeline never brings back a program it
left; clear and lean go only to a program that fits; every "what would change" claim holds at both ends
of its range and not one shown step beyond either; a score is the sum of what is shown.
"""

from __future__ import annotations

import copy
import html
import io
import math
import re
from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import raw_catalog, third_program
from pathfinder.core import explain
from pathfinder.core.advice import advise
from pathfinder.core.catalog import load_catalog, validate_catalog
from pathfinder.core.programs import Catalog
from pathfinder.core.questions import QUESTIONS, QUESTIONS_BY_ID, Question, defaults, validate_answers
from pathfinder.core.result import Change, Result
from pathfinder.core.scoring import CLEAR_FIT, CLEAR_WIN, LEAN_WIN, Scorer

PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _catalog_with_three() -> Catalog:
    """The shipped programs plus a third with its own figures and fits."""
    data = raw_catalog()
    other = third_program(data, program_id="records", name="Records Academy", short_name="RA")
    other["pathways"][0]["cost_usd"].update(low=6000, high=9000)
    other["pathways"][0]["duration_months"].update(low=14, high=20)
    other["fit"]["goals"]["management"]["value"] = 0.5
    other["fit"]["goals"]["informatics"]["value"] = 1.0
    other["fit"]["learning_styles"]["analytical"]["value"] = 0.5
    other["outcomes"]["salary_usd"].update(low=45000, high=70000)
    other["outcomes"]["job_growth"]["percent"] = 12
    data["programs"].append(other)
    return validate_catalog(data)


def _catalog_priced_at_one_figure() -> Catalog:
    """The shipped programs plus a third whose certificate costs one figure, $6,001 and $500 in extras: it fits, and
    leads, from a budget of $6,501 exactly, so the claims about it have their edges on whole dollars."""
    data = raw_catalog()
    other = third_program(data, program_id="records", name="Records Academy", short_name="RA")
    other["pathways"][0]["cost_usd"].update(low=6001, high=6001, alternates=[])
    other["pathways"][0]["extra_costs_usd"].update(low=500, high=500)
    other["fit"]["goals"]["informatics"]["value"] = 1.0
    data["programs"].append(other)
    return validate_catalog(data)


SHIPPED = validate_catalog(raw_catalog())
THREE = _catalog_with_three()
ONE_FIGURE = _catalog_priced_at_one_figure()
CATALOGS = st.sampled_from([SHIPPED, THREE])


def answer_for(question: Question) -> st.SearchStrategy[Any]:
    """Every value the question accepts: its choices, its range (whole and fractional), null when nullable."""
    if question.kind == "choice":
        return st.sampled_from([c.value for c in question.choices])
    assert question.minimum is not None and question.maximum is not None
    low, high = question.minimum, question.maximum
    if question.kind == "integer":
        values = st.one_of(st.integers(int(low), int(high)), st.sampled_from([8, 9, 23, 24, 35, 36]))
    else:
        values = st.one_of(
            st.integers(int(low), 60_000),
            st.floats(low, high, allow_nan=False, allow_infinity=False),
            st.sampled_from([2999, 3000, 6999, 7000, 19999, 20000]),
        )
    return st.one_of(st.none(), values) if question.nullable else values


ANSWERS = st.fixed_dictionaries({q.id: answer_for(q) for q in QUESTIONS}).map(
    lambda a: validate_answers(a, partial=False)
)


def advice_key(result: Result) -> tuple[Any, ...]:
    """Everything a person reads that depends on the decision (not on ids)."""
    rec = result.recommendation
    return (rec.program_name, rec.pathway_name, rec.confidence, rec.margin, rec.fits_limits, tuple(rec.reasons),
            tuple((e.name, e.pathway_name, e.score, e.eligible) for e in result.ranking),
            tuple(c.sentence for c in result.what_would_change), tuple(result.warnings),
            tuple(d.sentence for d in result.what_would_decide),
            None if result.nearest_fit is None else result.nearest_fit.sentence)


def renamed(catalog: Catalog, suffix: str) -> Catalog:
    """The same catalog with every program and pathway id changed (links follow), programs and pathways reversed."""
    data = catalog.model_dump(mode="json")
    ids = {p["id"]: f"x{suffix}-{p['id']}" for p in data["programs"]}
    for program in data["programs"]:
        program["id"] = ids[program["id"]]
        for pathway in program["pathways"]:
            pathway["id"] = f"p{suffix}-{pathway['id']}"
        program["pathways"].reverse()
        for link in program.get("stacks_into", []):
            link["program_id"] = ids[link["program_id"]]
    data["programs"].reverse()
    return validate_catalog(data)


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_renaming_and_reordering_programs_changes_no_advice(answers: dict[str, Any], catalog: Catalog) -> None:
    before = advise(answers, catalog)
    after = advise(answers, renamed(catalog, "9"))
    assert advice_key(before) == advice_key(after)


def _winners(catalog: Catalog, answers: dict[str, Any], question_id: str, values: list[float]) -> list[str]:
    scorer = Scorer(catalog)
    return [scorer.rank({**answers, question_id: v}).first.program.name for v in values]


def _never_returns(winners: list[str]) -> bool:
    left: set[str] = set()
    for before, now in zip(winners, winners[1:], strict=False):
        if now != before:
            left.add(before)
            if now in left:
                return False
    return True


BUDGETS = sorted({*range(0, 60_001, 250), 2999, 3000, 6999, 7000, 19999, 20000})


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_sweeping_the_budget_never_returns_to_a_winner_it_left(answers: dict[str, Any], catalog: Catalog) -> None:
    assert _never_returns(_winners(catalog, answers, "budget_usd", BUDGETS))


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_sweeping_the_timeline_never_returns_to_a_winner_it_left(answers: dict[str, Any], catalog: Catalog) -> None:
    assert _never_returns(_winners(catalog, answers, "timeline_months", list(range(1, 121))))


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_clear_and_lean_only_for_a_program_that_fits_and_the_margin_is_the_one_shown(answers: dict[str, Any],
                                                                                      catalog: Catalog) -> None:
    result = advise(answers, catalog)
    rec, first = result.recommendation, result.ranking[0]
    if rec.confidence in ("clear", "lean", "toss-up"):
        assert first.eligible and rec.fits_limits
    if not first.eligible:
        assert rec.confidence == "none" and not rec.fits_limits
        assert not any(e.eligible for e in result.ranking)
    if rec.margin is not None:
        rival = next(e for e in result.ranking[1:] if e.eligible)
        assert rec.margin >= 0
        assert rec.margin == round(first.score - rival.score, 1)
    # The confidence rule restated: clear never below the stated chances, a toss-up under the lean's win chance.
    if rec.confidence == "clear":
        assert first.fit_chance >= CLEAR_FIT and first.win_chance >= CLEAR_WIN
    if first.eligible and first.win_chance < LEAN_WIN:
        assert rec.confidence == "toss-up"
    if first.eligible and rec.confidence == "toss-up":
        assert first.win_chance < LEAN_WIN or rec.margin == 0


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_chances_are_shares_and_the_win_chances_add_up_to_one(answers: dict[str, Any], catalog: Catalog) -> None:
    ranking = Scorer(catalog).rank(answers)
    assert math.isclose(sum(p.win_chance for p in ranking.programs), 1.0, abs_tol=1e-9)
    for program in ranking.programs:
        assert 0 <= program.fit_chance <= 1 and 0 <= program.win_chance <= 1
        assert (program.fit_chance > 0) <= program.fits  # a share of the range fits only where the pathway fits
    result = advise(answers, catalog)
    assert abs(sum(e.win_chance for e in result.ranking) - 1) <= 0.01 * len(result.ranking) / 2


def _fitting(scorer: Scorer, answers: dict[str, Any]) -> set[tuple[str, str]]:
    return {(p.program.id, s.pathway.id) for p in scorer.rank(answers).programs for s in p.pathways if s.fits}


EDUCATION = ["high_school", "some_college", "associate", "bachelor"]


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS, more=st.integers(1, 20_000), longer=st.integers(1, 48),
       step=st.integers(1, 3))
def test_more_education_budget_or_time_never_removes_a_fit(answers: dict[str, Any], catalog: Catalog, more: int,
                                                            longer: int, step: int) -> None:
    scorer = Scorer(catalog)
    now = _fitting(scorer, answers)
    budget, timeline, education = answers.get("budget_usd"), answers.get("timeline_months"), answers.get("education")
    if budget is not None:
        assert now <= _fitting(scorer, {**answers, "budget_usd": budget + more})
    if timeline is not None:
        assert now <= _fitting(scorer, {**answers, "timeline_months": min(120, timeline + longer)})
    if education is not None and EDUCATION.index(education) + step < len(EDUCATION):
        assert now <= _fitting(scorer, {**answers, "education": EDUCATION[EDUCATION.index(education) + step]})


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_a_score_is_the_sum_of_what_is_shown(answers: dict[str, Any], catalog: Catalog) -> None:
    result = advise(answers, catalog)
    for program in result.ranking:
        assert 0 <= program.score <= 100
        assert round(sum(c.contribution for c in program.criteria), 1) == program.score
        assert round(sum(c.weight for c in program.criteria), 1) == 100.0
        assert all(c.fit is None or 0 <= c.fit <= 1 for c in program.criteria)


def shifted(weights: tuple[int, ...], index: int, share: int) -> tuple[int, ...]:
    """The claim's weights, restated: criterion ``index`` gets ``share`` tenths, the others share the rest in
    proportion to their weights now; rounded to whole tenths adding up to 1000 (largest remainders first)."""
    rest = 1000 - weights[index]
    exact = [share if i == index else w * (1000 - share) / rest for i, w in enumerate(weights)]
    whole = [math.floor(v) for v in exact]
    for i in sorted(range(len(exact)), key=lambda i: (-round(exact[i] - whole[i], 9), i))[:1000 - sum(whole)]:
        whole[i] += 1
    return tuple(whole)


def _inside(low: float, high: float, step: float, count: int = 12) -> list[float]:
    """Both ends of a range and points spread evenly between them, on the range's own grid."""
    low, high = min(low, high), max(low, high)
    return sorted({low, high, *(round((low + (high - low) * i / count) / step) * step for i in range(1, count))})


def _claims_hold(result: Result, catalog: Catalog) -> None:
    """Re-check every claim with fresh scoring at both ends of its range and at points spread inside it."""
    scorer = Scorer(catalog)
    answers = result.answers
    for change in result.what_would_change:
        if change.answer is not None:
            question = QUESTIONS_BY_ID[change.answer]
            points: list[Any] = [change.to]
            if question.kind != "choice":
                assert isinstance(change.to, int | float)
                end = change.until
                if end is None:
                    end = question.maximum if change.to > (change.from_ if isinstance(change.from_, int | float)
                                                           else -math.inf) else question.minimum
                    if change.from_ is None:
                        end = question.minimum
                assert end is not None
                points = _inside(change.to, end, 1)
            for value in points:
                again = scorer.rank({**answers, change.answer: value})
                assert ((again.first.program.id, again.first.best.pathway.id)
                        == (change.new_program_id, change.new_pathway)), (change.sentence, value)
                assert again.fits and again.confidence != "toss-up", (change.sentence, value)
        else:
            assert change.weight is not None
            index = [c.id for c in result.ranking[0].criteria].index(change.weight)
            now = scorer.rank(answers).weights
            assert isinstance(change.to, float)
            end = change.until if change.until is not None else (100.0 if change.to > change.from_ else 0.0)  # type: ignore[operator]
            for share in _inside(change.to, end, 0.1, 40):
                again = scorer.rank(answers, weight_override=shifted(now, index, round(share * 10)))
                assert ((again.first.program.id, again.first.best.pathway.id)
                        == (change.new_program_id, change.new_pathway)), (change.sentence, share)
                assert again.fits and again.confidence != "toss-up", (change.sentence, share)


@FEW
@given(answers=ANSWERS, catalog=CATALOGS)
def test_every_what_would_change_claim_holds_at_both_ends(answers: dict[str, Any], catalog: Catalog) -> None:
    result = advise(answers, catalog)
    _claims_hold(result, catalog)
    fitting = [c for c in result.what_would_change if c.makes_fit]
    assert result.what_would_change[:len(fitting)] == fitting  # changes that make a ruled-out program fit come first


HALF_DOLLAR = validate_answers({**defaults(), "goal": "informatics", "learning_style": "analytical",
                                "budget_usd": 6500.5}, partial=False)


def _just_beyond(change: Change) -> list[int]:
    """The values one shown step outside a claim's range, on both sides: a whole dollar or month for an answer, a
    tenth of a point for a weight (given in tenths). A step past the question's minimum or maximum (or 0 or 100
    points) is left out, and a choice has no step.

    The near end ``to`` is the one next to the current answer, so one step beyond it is toward the answer (at most
    the answer itself as the scoring reads it, where nothing changes); the far end is ``until`` (None: the claim runs
    to the bound). With no current answer (not sure), the claim is searched from the top down: ``to`` is its upper
    end, and ``until`` its lower."""
    if change.answer is not None:
        question = QUESTIONS_BY_ID[change.answer]
        if question.kind == "choice":
            return []
        assert question.minimum is not None and question.maximum is not None
        assert isinstance(change.to, int | float) and (change.from_ is None or isinstance(change.from_, int | float))
        low, high, step = question.minimum, question.maximum, 1
        to, until, now = change.to, change.until, change.from_
    else:
        assert isinstance(change.to, float) and isinstance(change.from_, float)
        low, high, step = 0, 1000, 1
        to, now = round(change.to * 10), round(change.from_ * 10)
        until = None if change.until is None else round(change.until * 10)
    upward = now is not None and to > now
    beyond = [to - step if upward else to + step]
    if until is not None:
        beyond.append(until + step if upward else until - step)
    return [int(v) for v in beyond if low <= v <= high]


def _claims_end_where_stated(result: Result, catalog: Catalog) -> None:
    """One shown step beyond either end of every claim's range, fresh scoring does not give the claim's program and
    pathway as a fit that is not a toss-up."""
    scorer = Scorer(catalog)
    answers = result.answers
    now = scorer.rank(answers).weights
    for change in result.what_would_change:
        for value in _just_beyond(change):
            if change.answer is not None:
                again = scorer.rank({**answers, change.answer: value})
            else:
                assert change.weight is not None
                index = [c.id for c in result.ranking[0].criteria].index(change.weight)
                again = scorer.rank(answers, weight_override=shifted(now, index, value))
            first = (again.first.program.id, again.first.best.pathway.id)
            holds = (first == (change.new_program_id, change.new_pathway) and again.fits
                     and again.confidence != "toss-up")
            assert not holds, (change.sentence, change.to, change.until, value)


@FEW
@given(answers=ANSWERS, catalog=CATALOGS)
# A budget of $6,500.50 is read as $6,501, where RA leads. The search once started from $6,500 (round() goes to the
# even dollar), so $6,500 was never tried, and the claim said MBC leads "from $3,000 to $6,499": it leads at $6,500 too.
@example(answers=HALF_DOLLAR, catalog=ONE_FIGURE)
def test_just_beyond_either_end_of_a_what_would_change_claim_it_no_longer_holds(answers: dict[str, Any],
                                                                               catalog: Catalog) -> None:
    """The stated range is the whole stretch where the claim holds, not a safe part of it: one dollar, month or tenth
    of a point outside either end, the named program no longer leads as a fit that is not a toss-up."""
    _claims_end_where_stated(advise(answers, catalog), catalog)


def test_a_budget_of_half_a_dollar_is_searched_from_the_dollar_the_scoring_reads() -> None:
    result = advise(HALF_DOLLAR, ONE_FIGURE)
    assert (result.recommendation.program_id, result.recommendation.pathway) == ("records", "certificate")
    budget = next(c for c in result.what_would_change if c.answer == "budget_usd")
    assert (budget.new_program_id, budget.to, budget.until) == ("mbc", 6500, 3000)
    assert budget.sentence == "If your budget were from $3,000 to $6,500, MBC would lead."


@PROPERTY
@given(answers=ANSWERS, others=st.lists(ANSWERS, min_size=1, max_size=2), catalog=CATALOGS)
def test_a_reused_scorer_gives_what_a_fresh_one_gives(answers: dict[str, Any], others: list[dict[str, Any]],
                                                      catalog: Catalog) -> None:
    """The Scorer remembers weights, fits and points by the answers they read. One that has first scored an
    answer set differing from this one in a single answer (each answer in turn, each in its own Scorer), or
    all of those one after another, must still give what a fresh one gives."""
    fresh = Scorer(catalog).rank(answers)
    expected = [(p.program.id, p.best.pathway.id, p.score, p.fits) for p in fresh.programs]
    everything = Scorer(catalog)
    warmed: list[Scorer] = []
    for other in others:
        for question in QUESTIONS:
            single = Scorer(catalog)
            for scorer in (single, everything):
                scorer.rank({**answers, question.id: other[question.id]})
            warmed.append(single)
    for scorer in (*warmed, everything):
        again = scorer.rank(answers)
        assert again.weights == fresh.weights
        assert [(p.program.id, p.best.pathway.id, p.score, p.fits) for p in again.programs] == expected
        assert again.confidence == fresh.confidence and again.margin == fresh.margin


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_a_weight_claim_says_the_range_its_fields_give(answers: dict[str, Any], catalog: Catalog) -> None:
    """The sentence and the JSON agree: "now X", and "A to B" for a bounded range, or "A or more" / "A or less"
    when the claim holds all the way to 100 or to 0 points."""
    for change in advise(answers, catalog).what_would_change:
        if change.weight is None:
            continue
        assert isinstance(change.from_, float) and isinstance(change.to, float)
        assert f"(now {change.from_:.1f}," in change.sentence
        if change.until is None:
            assert f"counted for {change.to:.1f} or {'more' if change.to > change.from_ else 'less'} of" \
                in change.sentence
        elif change.until == change.to:  # a claim that holds at one share only
            assert f"counted for exactly {change.to:.1f} of" in change.sentence
        else:
            low, high = sorted((change.to, change.until))
            words = f"exactly {low:.1f}" if low == high else f"{low:.1f} to {high:.1f}"
            assert f"counted for {words} of" in change.sentence
            assert 0 <= high - low and (high < 100.0 if change.to > change.from_ else low > 0.0)


def test_the_shipped_catalog_is_not_changed_by_advice() -> None:
    before = copy.deepcopy(SHIPPED.model_dump())
    advise(validate_answers({q.id: q.default for q in QUESTIONS}, partial=False), SHIPPED)
    assert SHIPPED.model_dump() == before


# --- one voice: every layout prints the result's own sentences --------------------------------------------------


def _spelled_out(catalog: Catalog) -> dict[str, str]:
    """Each abbreviation a report spells out at its first use, and its meaning: the programs' short names, the
    certifications' "(ABBR)" and the catalog's glossary."""
    terms = {p.short_name: p.name for p in catalog.programs}
    for program in catalog.programs:
        for cert in program.certifications:
            name, _, abbr = cert.name.rpartition(" (")
            if abbr.endswith(")"):
                terms[abbr[:-1]] = name
    return {**terms, **catalog.glossary}


def _as_written(text: str, catalog: Catalog) -> str:
    """A printed sentence with its footnote marks taken off and spelled-out abbreviations read short again."""
    text = re.sub(r"\s*\[\d+(, \d+)*\]\s*$", "", text.strip())
    for term, meaning in _spelled_out(catalog).items():
        text = text.replace(f"{meaning} ({term})", term).replace(f"({meaning}, {term})", f"({term})")
    return text


def _terminal_why(text: str) -> list[str]:
    """The bullets under "Why" in plain terminal text, each joined back from its wrapped lines."""
    lines = text.splitlines()
    start = lines.index("Why") + 1
    items: list[str] = []
    for line in lines[start:]:
        if not line.strip():
            break
        if line.startswith("\u2022 "):
            items.append(line[2:].strip())
        else:
            items[-1] += " " + line.strip()
    return items


def _terminal_headline(text: str) -> str:
    """The panel's words after the program line, joined back from their wrapped lines."""
    panel = text.split("\u2570", 1)[0]  # up to the panel's bottom edge
    inside = [line.strip()[1:-1].strip() for line in panel.splitlines() if line.strip().startswith("\u2502")]
    return " ".join(inside[1:])


def _markdown_why(text: str) -> list[str]:
    section = text.split("## Why\n\n", 1)[1].split("\n\n", 1)[0]
    return [re.sub(r"\\(.)", r"\1", line[2:]) for line in section.splitlines()]


def _html_why(text: str) -> list[str]:
    section = text.split('id="section-reasons">Why</h2>', 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", section, flags=re.S)
    return [html.unescape(re.sub(r"<sup>.*?</sup>|<[^>]+>", "", item)).strip() for item in items]


@FEW
@given(answers=ANSWERS)
def test_every_layout_prints_the_results_own_reasons_and_headline(answers: dict[str, Any]) -> None:
    """The JSON's reasons and headline are exactly what the screen, Markdown and HTML print (footnote marks and
    the spelling-out of abbreviations aside), in the same order; the summary on an 80-column screen prints the
    first of them (fewer only when 40 lines cannot hold them all)."""
    from pathfinder.layouts.html import to_html
    from pathfinder.layouts.markdown import to_markdown
    from pathfinder.layouts.terminal import make_console, plain_text, summary_view
    from pathfinder.report.document import SUMMARY_LINES, build

    result = advise(answers, SHIPPED)
    rec = result.recommendation
    assert 1 <= len(rec.reasons) <= 3 and len(rec.reason_sources) == len(rec.reasons)
    whole = build(result, SHIPPED, details=True)
    screen = plain_text(whole)
    assert [_as_written(r, SHIPPED) for r in _terminal_why(screen)] == rec.reasons
    assert _as_written(_terminal_headline(screen), SHIPPED) == f"{rec.verdict}. {rec.headline}"
    assert [_as_written(r, SHIPPED) for r in _markdown_why(to_markdown(whole))] == rec.reasons
    assert [_as_written(r, SHIPPED) for r in _html_why(to_html(whole))] == rec.reasons

    console = make_console(io.StringIO(), no_color=True, width=80, record=True)
    console.print(summary_view(lambda n: build(result, SHIPPED, reasons=n), console))
    summary = "\n".join(line.rstrip() for line in console.export_text(styles=False).splitlines())
    shown = [_as_written(r, SHIPPED) for r in _terminal_why(summary)]
    assert shown and shown == rec.reasons[:len(shown)]
    assert len(shown) == len(rec.reasons) or len(summary.splitlines()) > SUMMARY_LINES - 3


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_the_tables_first_reason_and_warning_are_the_results_first(answers: dict[str, Any], catalog: Catalog) -> None:
    """The CSV's one reason and one warning a student are the first of the result's (built alone, for speed); the
    reason is the first that is not also a warning (a caveat, the surer pathway), which the warning column says."""
    ranking = Scorer(catalog).rank(answers)
    everything = [r.text for r in explain.reasons(ranking, limit=100)]
    said = explain.warnings(ranking)
    assert explain.first_reason(ranking) == next((r for r in everything if r not in said), everything[0])
    assert explain.first_warning(ranking) == next(iter(explain.warnings(ranking)), "")


@PROPERTY
@given(answers=ANSWERS, catalog=CATALOGS)
def test_nothing_fits_is_a_confidence_of_its_own(answers: dict[str, Any], catalog: Catalog) -> None:
    """confidence none exactly when no program fits, and then the verdict says so."""
    rec = advise(answers, catalog).recommendation
    assert (rec.confidence == "none") == (not rec.fits_limits)
    assert (rec.verdict == "Nothing fits your limits yet") == (rec.confidence == "none")


def _strings(value: Any) -> Iterator[str]:
    """Every string in a dumped result, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


@FEW
@given(answers=ANSWERS)
def test_spanish_sentences_contract_de_el_and_a_el(answers: dict[str, Any]) -> None:
    """Spanish writes "del" and "al", never "de el" or "a el": a pathway's name carries its article ("el programa
    ..."), so a sentence must not put "de" or "a" right before it. Every string of the whole result, in Spanish."""
    from pathfinder.i18n import set_language

    set_language("es")
    try:
        result = advise(answers, load_catalog())
        wrong = [s for s in _strings(result.model_dump()) if re.search(r"\b(de|a) el\b", s, re.IGNORECASE)]
    finally:
        set_language("en")
    assert not wrong, wrong
