"""The report a person reads: summary first and short, plain words, footnoted sources, and every terminal width.

The report is data (pathfinder.report.document); these tests read it and its layouts as a person would.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathfinder.core.advice import advise
from pathfinder.core.catalog import load_catalog
from pathfinder.core.questions import QUESTIONS, defaults, validate_answers
from pathfinder.core.result import Result
from pathfinder.layouts.markdown import to_markdown
from pathfinder.layouts.terminal import make_console, report_view, summary_view
from pathfinder.report.document import Bullets, Chart, Paragraph, Report, Table, build
from test_properties import ANSWERS

CATALOG = load_catalog()
MORE = "More: add --details for the whole report, or --export report.html to save it."
DEFAULTS: dict[str, Any] = {}
NOTHING_FITS = {"goal": "management", "budget_usd": 0, "timeline_months": 1}
INFORMATICS = {"goal": "informatics", "budget_usd": 5000, "timeline_months": 18, "learning_style": "analytical"}


def result_for(given: dict[str, Any]) -> Result:
    return advise(validate_answers({**defaults(), **given}, partial=False), CATALOG)


def shown(report: Report, width: int) -> str:
    out = io.StringIO()
    make_console(out, no_color=True, width=width).print(report_view(report))
    return out.getvalue()


def texts(report: Report) -> list[str]:
    """Every sentence, cell and heading a person reads in the report."""
    found = [report.title]
    if report.headline is not None:
        found += [report.headline.program, report.headline.pathway, report.headline.verdict, report.headline.line.text]
    for section in report.sections:
        found.append(section.heading)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                found.append(block.text.text)
            elif isinstance(block, Bullets):
                found += [item.text for item in block.items]
            elif isinstance(block, Table):
                found += [block.caption, *block.columns]
                for label, cells in block.rows:
                    found += [label, *(line.text for cell in cells for line in cell)]
            elif isinstance(block, Chart):
                found += [block.title, block.description, *(s.label for s in block.series)]
    found += [s.text for s in report.sources]
    return found


# --- summary first -----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=ANSWERS)
def test_the_summary_fits_one_screen_at_80_columns_for_any_answers(answers: dict[str, Any]) -> None:
    report = build(advise(answers, CATALOG), CATALOG, more=MORE)
    lines = shown(report, 80).splitlines()
    assert len(lines) <= 40, "\n".join(lines)


QUESTION_IDS = [q.id for q in QUESTIONS]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=ANSWERS, other=ANSWERS, asked=st.lists(st.sampled_from(QUESTION_IDS), unique=True, max_size=10))
def test_the_summary_with_what_ifs_still_fits_one_screen_at_80_columns(
        answers: dict[str, Any], other: dict[str, Any], asked: list[str]) -> None:
    """As the quiz prints it: with up to every answer changed by --what-if, the summary gives fewer reasons
    (never none) rather than run past 40 lines."""
    result = advise(answers, CATALOG, what_if_answers={key: other[key] for key in asked} or None)
    out = io.StringIO()
    console = make_console(out, no_color=True, width=80)
    console.print(summary_view(lambda reasons: build(result, CATALOG, more=MORE, reasons=reasons), console))
    lines = out.getvalue().splitlines()
    assert len(lines) <= 40, "\n".join(lines)
    assert "Why" in lines and any(line.startswith("\u2022 ") for line in lines)


def test_a_what_if_that_would_push_the_summary_past_a_screen_costs_a_reason() -> None:
    """Informatics on $5,000 with a what-if of $20,000: three reasons made it 41 lines at 80 columns."""
    result = advise(validate_answers({**defaults(), **INFORMATICS}, partial=False), CATALOG,
                    what_if_answers={"budget_usd": 20000})
    full = shown(build(result, CATALOG, more=MORE), 80).splitlines()
    out = io.StringIO()
    console = make_console(out, no_color=True, width=80)
    console.print(summary_view(lambda reasons: build(result, CATALOG, more=MORE, reasons=reasons), console))
    fitted = out.getvalue().splitlines()
    assert len(full) > 40 >= len(fitted)
    assert sum(line.startswith("\u2022 ") for line in fitted) < sum(line.startswith("\u2022 ") for line in full)


def _what_if_sentence(given: dict[str, Any], what_if: dict[str, Any]) -> str:
    result = advise(validate_answers({**defaults(), **given}, partial=False), CATALOG, what_if_answers=what_if)
    section = build(result, CATALOG).section("what-if")
    assert section is not None and isinstance(section.blocks[0], Paragraph)
    return section.blocks[0].text.text


def test_a_what_if_names_only_the_answers_it_changes() -> None:
    # $5,000.40 reads as the $5,000 given, so it is no change either.
    sentence = _what_if_sentence(INFORMATICS, {"budget_usd": 5000.4, "timeline_months": 24})
    assert sentence.startswith("With timeline: 24 months (you said 18 months), ")
    assert "budget" not in sentence


def test_a_what_if_that_changes_nothing_says_so() -> None:
    assert _what_if_sentence(INFORMATICS, {"budget_usd": 5000, "goal": "informatics"}) == (
        "The what-if answers are the ones you gave, so the recommendation stays: the MBC certificate or diploma.")


def test_a_what_if_that_makes_the_same_pathway_fit_says_it_now_fits() -> None:
    """$1,000 and 6 months: nothing fits (the MBC certificate starts at $3,000 and takes 13 months to work); with
    $6,999 and 23 months the same certificate fits, the only program that does, in about a quarter of its range
    (3,999/14,000 x 10/11): a lean."""
    sentence = _what_if_sentence({"budget_usd": 1000, "timeline_months": 6},
                                 {"budget_usd": 6999, "timeline_months": 23})
    assert sentence.endswith("the recommendation stays the MBC certificate or diploma, and it fits your limits: a "
                             "lean.")


def test_three_what_ifs_are_counted_not_listed() -> None:
    sentence = _what_if_sentence(INFORMATICS, {"budget_usd": 9000, "timeline_months": 30, "goal": "billing"})
    assert sentence.startswith("With your 3 what-if answers (the whole report lists them), ")


@pytest.mark.parametrize("given", [DEFAULTS, NOTHING_FITS, INFORMATICS],
                         ids=["defaults", "nothing-fits", "informatics"])
def test_the_summary_holds_what_a_person_needs(given: dict[str, Any]) -> None:
    result = result_for(given)
    report = build(result, CATALOG, more=MORE)
    keys = [s.key for s in report.sections]
    assert keys == ["reasons", "figures", "change", "next"]
    assert report.headline is not None and report.headline.pathway == result.recommendation.pathway_name
    reasons = report.section("reasons")
    assert reasons is not None and 1 <= len(reasons.blocks[0].items) <= 3  # type: ignore[union-attr]
    figures = report.section("figures")
    assert figures is not None
    table = figures.blocks[0]
    assert isinstance(table, Table)
    assert [label for label, _ in table.rows] == ["Cost", "Time to a first job", "Early salary", "Job growth"]
    assert len(table.columns) == 3  # the recommendation and the program it is set against
    assert report.more == MORE and report.sources


def test_confidence_in_words() -> None:
    assert build(result_for(DEFAULTS), CATALOG).headline.verdict == "A toss-up"  # type: ignore[union-attr]
    assert build(result_for({"goal": "coding"}), CATALOG).headline.verdict == "A clear choice"  # type: ignore[union-attr]
    assert build(result_for(INFORMATICS), CATALOG).headline.verdict == "A lean"  # type: ignore[union-attr]
    nothing = build(result_for(NOTHING_FITS), CATALOG)
    assert nothing.headline.verdict == "Nothing fits your limits yet"  # type: ignore[union-attr]
    assert nothing.headline.line.text == "The nearest is the MBC certificate or diploma."  # type: ignore[union-attr]
    # What the nearest misses by is the first reason ($0 and 1 month: the certificate starts at $3,000 with fees and
    # could have someone working at 13 months at the soonest: 9 months of school, then the usual 4-6 to a job).
    why = nothing.section("reasons")
    assert why is not None and isinstance(why.blocks[0], Bullets)
    assert why.blocks[0].items[0].text == ("The MBC certificate or diploma does not fit: $3,000 over your budget and "
                                           "12 months over your timeline.")


def test_a_toss_up_says_what_would_settle_it_and_nothing_fits_names_the_nearest_step() -> None:
    toss_up = build(result_for(DEFAULTS), CATALOG).section("change")
    assert toss_up is not None and toss_up.heading == "What would settle it"
    assert "would point to HIM" in toss_up.blocks[0].text.text  # type: ignore[union-attr]
    nothing = build(result_for(NOTHING_FITS), CATALOG)
    change = nothing.section("change")
    assert change is not None and change.heading == "What would make a program fit"
    assert change.blocks[0].text.text.startswith("$3,000 more budget (a budget of $3,000)")  # type: ignore[union-attr]
    step = nothing.section("next")
    assert step is not None and "two-step path" in step.blocks[0].text.text  # type: ignore[union-attr]


def test_details_add_every_part_once() -> None:
    report = build(result_for(INFORMATICS), CATALOG, details=True)
    keys = [s.key for s in report.sections]
    assert keys == ["reasons", "figures", "change", "next", "answers", "good-to-know", "compare", "scores", "money",
                    "two-step", "changes", "next-steps", "assumptions"]
    assert len(keys) == len(set(keys))
    assert report.more is None


# --- plain words ---------------------------------------------------------------------------------------

IDS = re.compile(r"\b(him|mbc|hands_on|fast_entry|budget_usd|timeline_months|certificate_|article#|bls-hit|aapc-cpc)\b")


@pytest.mark.parametrize("given", [DEFAULTS, NOTHING_FITS, INFORMATICS, {"goal": "coding", "education": "bachelor",
                                                                          "budget_usd": 5000, "timeline_months": 12}])
def test_no_ids_flags_raw_fits_or_nulls_reach_the_words(given: dict[str, Any]) -> None:
    report = build(result_for(given), CATALOG, details=True)
    for text in texts(report):
        assert not IDS.search(text), text
        assert "--" not in text, text
        assert not re.search(r"\bfit \d", text), text
        assert not re.search(r"\b(None|null)\b", text), text
        assert "(article" not in text, text


def test_the_programs_short_names_are_named_once_and_the_results_words_print_as_written() -> None:
    """The headline names the recommended program in full; the others are named under the key figures ('HIM is
    Health Information Management.'), so the headline and reasons print exactly as the JSON writes them."""
    for answers in (INFORMATICS, {"budget_usd": 1000, "timeline_months": 3}, {}):
        result = result_for(answers)
        report = build(result, CATALOG)
        rec = result.recommendation
        assert report.headline is not None and report.headline.line.text == rec.headline
        reasons = report.section("reasons")
        assert reasons is not None and [t.text for t in reasons.blocks[0].items] == rec.reasons  # type: ignore[union-attr]
        words = " ".join(texts(report))
        for program in CATALOG.programs:
            assert (f"{program.name} ({program.short_name})" in words
                    or f"{program.short_name} is {program.name}" in words), program.short_name


def test_abbreviations_are_spelled_out_at_their_first_use() -> None:
    """Beyond the programs' short names (named once, above), every abbreviation is spelled out where it first
    appears."""
    report = build(result_for(INFORMATICS), CATALOG, details=True)
    words = " ".join(texts(report)[1:])
    for term, meaning in [("AAPC", "American Academy of Professional Coders"),
                          ("AHIMA", "American Health Information Management Association"),
                          ("HCPCS", "Healthcare Common Procedure Coding System"),
                          ("CPC", "Certified Professional Coder")]:
        first = re.search(rf"(?<![\w-]){term}(?![\w-])", words)
        assert first is not None, term
        before = words[:first.start()]
        assert before.endswith(f"{meaning} (") or before.endswith(f"{meaning}, "), \
            (term, words[first.start() - 80:first.end()])


def test_sources_are_numbered_footnotes_listed_at_the_end() -> None:
    report = build(result_for(INFORMATICS), CATALOG, details=True)
    numbers = [s.number for s in report.sources]
    assert numbers == list(range(1, len(numbers) + 1))
    cited = {n for s in report.sections for b in s.blocks if isinstance(b, Table) for _, cells in b.rows
             for cell in cells for line in cell for n in line.notes}
    assert cited and cited <= set(numbers)
    assert any(s.url and s.url.startswith("https://www.bls.gov/") for s in report.sources)
    assert any(s.part == "Cost" for s in report.sources)


# --- every terminal width --------------------------------------------------------------------------------

BOX = re.compile(r"[│╭╮╰╯─┬┴┼├┤┌┐└┘═║]")


def _tokens(text: str) -> set[str]:
    """The words of a rendered text (the chart's bars, which scale with the width, left out)."""
    return {t.strip(".,;:()[]\"'") for t in BOX.sub(" ", text).split() if "\u2588" not in t} - {""}


@pytest.mark.parametrize("width", [60, 80, 100, 120])
@pytest.mark.parametrize("given", [INFORMATICS, NOTHING_FITS], ids=["informatics", "nothing-fits"])
def test_no_word_is_split_at_60_columns_or_wider(width: int, given: dict[str, Any]) -> None:
    report = build(result_for(given), CATALOG, details=True)
    whole = _tokens(shown(report, 400))  # nothing needs to wrap at 400 columns
    narrow = shown(report, width)
    assert max(len(line) for line in narrow.splitlines()) <= width
    split = _tokens(narrow) - whole
    assert not split, f"words cut at {width} columns: {sorted(split)[:10]}"


@pytest.mark.parametrize("width", [80, 100, 120, 160])
def test_boxes_follow_the_terminal_width(width: int) -> None:
    lines = shown(build(result_for(DEFAULTS), CATALOG, more=MORE), width).splitlines()
    assert len(lines[0]) == width and lines[0].startswith("╭")


@pytest.mark.parametrize("width", [60, 79])
def test_below_80_columns_tables_become_stacked_lists(width: int) -> None:
    text = shown(build(result_for(INFORMATICS), CATALOG, details=True), width)
    assert not re.search(r"[┬┼┴]", text)
    assert "Your answers\nCareer goal\n  Your answer: Health data, analytics" in text
    assert not re.search(r"[┬┼┴]", shown(build(result_for(INFORMATICS), CATALOG), width))
    # The key figures have no frame: they stay a table while their words fit (down to 60 columns).
    row = next(line for line in text.splitlines() if line.startswith("Cost "))
    assert "$3,000-$17,000" in row and "$7,000-$25,000" in row


def test_at_80_columns_the_figures_sit_side_by_side() -> None:
    text = shown(build(result_for(INFORMATICS), CATALOG, more=MORE), 80)
    row = next(line for line in text.splitlines() if line.startswith("Cost "))
    assert "$3,000-$17,000" in row and "$7,000-$25,000" in row


# --- Markdown --------------------------------------------------------------------------------------------


def test_markdown_has_real_tables_and_no_needless_escapes() -> None:
    text = to_markdown(build(result_for(INFORMATICS), CATALOG, details=True))
    assert text.startswith("# Your pathfinder recommendation\n")
    assert "## Key figures" in text and "| Cost | \\$3,000-\\$17,000 [1] |" in text
    assert "|  | MBC certificate or diploma | HIM associate degree (does not fit) |" in text
    assert "12\\.5" not in text and "\\-" not in text and "\\." not in text
    assert re.search(r"(?<!\\)\$", text) is None  # every dollar is escaped: no renderer reads maths
    assert "## Sources" in text and "<https://www.bls.gov/" in text


@settings(max_examples=25, deadline=None)
@given(text=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40))
def test_markdown_escapes_what_would_start_formatting(text: str) -> None:
    from pathfinder.layouts.markdown import escape

    escaped = escape(text, in_table=True)
    assert "|" not in escaped.replace("\\|", "")
    for char in "*_`[]<>$":
        assert char not in escaped.replace("\\" + char, "")


def test_the_headline_reads_the_confidence_thresholds_from_scoring(monkeypatch: pytest.MonkeyPatch) -> None:
    """The chances that make a lean (60% of the draws) and a clear choice (80%) are the scoring's LEAN_WIN and
    CLEAR_WIN, never typed into the sentence: moved, the words follow."""
    from pathfinder.core import explain
    from pathfinder.core.scoring import CLEAR_WIN, LEAN_WIN, Scorer

    scorer = Scorer(load_catalog())
    rankings = [scorer.rank({**defaults(), "goal": goal, "priority": priority, "budget_usd": budget})
                for goal in ("management", "coding", "informatics", None) for priority in ("balanced", "cost")
                for budget in (None, 20000)]
    toss_up = next(r for r in rankings if r.confidence == "toss-up" and r.margin)
    lean = next(r for r in rankings if r.confidence == "lean" and r.margin)
    assert f"under the {LEAN_WIN:.0%} that would make it a lean" in explain.headline(toss_up)
    assert f"ahead, but not by the {CLEAR_WIN:.0%} that would make it clear" in explain.headline(lean)
    monkeypatch.setattr(explain, "LEAN_WIN", 0.55)
    monkeypatch.setattr(explain, "CLEAR_WIN", 0.9)
    assert "under the 55% that would make it a lean" in explain.headline(toss_up)
    assert "ahead, but not by the 90% that would make it clear" in explain.headline(lean)


def test_a_lean_that_wins_every_draw_says_the_fit_keeps_it_from_clear() -> None:
    """An associate holder who wants management, $25,000 and 36 months: the HIM bachelor's wins every draw but fits
    only where it costs $25,000 or less (a sixth of its $20,000-$50,000). The headline names that, not the draws."""
    from pathfinder.core import explain
    from pathfinder.core.scoring import CLEAR_FIT, CLEAR_WIN, Scorer

    ranking = Scorer(load_catalog()).rank({**defaults(), "goal": "management", "budget_usd": 25000,
                                           "timeline_months": 36, "education": "associate"})
    assert ranking.confidence == "lean" and round(ranking.first.win_chance, 2) >= CLEAR_WIN
    line = explain.headline(ranking)
    assert "not by the" not in line and f"less than the {CLEAR_FIT:.0%} of its range" in line
