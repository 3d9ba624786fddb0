"""What the result says must match what it worked out: a verdict never contradicted by its own chances, costs
never called whole when a source names parts without a figure, every warning that undercuts the verdict on the
screen, and the person's own goal and history respected. Expected values come from the article and the
certifying bodies' rules (shared facts), restated simply, or from properties over generated answers."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from typer.testing import CliRunner

from pathfinder import i18n
from pathfinder.cli.app import app
from pathfinder.core import explain
from pathfinder.core.advice import advise
from pathfinder.core.catalog import load_catalog
from pathfinder.core.pathways import unpriced_extras
from pathfinder.core.questions import defaults, validate_answers
from pathfinder.core.scoring import Scorer
from test_properties import ANSWERS, SHIPPED

CATALOG = load_catalog()
SOME = settings(max_examples=60, deadline=None)


def result_for(**given: Any) -> Any:
    return advise(validate_answers({**defaults(), **given}, partial=False), CATALOG)


@SOME
@given(answers=ANSWERS)
def test_the_headline_never_calls_close_what_the_draws_call_for_the_other(answers: dict[str, Any]) -> None:
    """When the other program comes out first in more of the draws than the pick, the headline says so, with
    both chances, and never 'too close to call'; 'would suit your answers better' is said only of a program
    ruled out by the limits that scores above the pick."""
    ranking = Scorer(SHIPPED).rank(answers)
    line = explain.headline(ranking)
    other = explain.rival(ranking)
    if ranking.fits and ranking.margin is not None and other is not None \
            and round(ranking.first.win_chance, 2) < round(other.win_chance, 2):
        assert "Too close to call" not in line
        assert f"{other.program.short_name} comes out first in more of the draws" in line
    if "would suit your answers better" in line:
        better = [p for p in ranking.programs[1:] if not p.best.fits and p.best.score > ranking.first.best.score]
        assert better and line.index(better[0].program.short_name) > 0


def test_seven_thousand_and_two_years_toward_informatics_is_not_called_close() -> None:
    # The article: HIM associate $7,000-$25,000 (tuition), the MBC certificate $3,000-$17,000 with books and fees.
    # $7,000 fits HIM only at its cheapest end, so in the draws MBC comes first every time.
    rec = result_for(budget_usd=7000, timeline_months=24, goal="informatics").recommendation
    assert rec.program_id == "him" and rec.confidence == "toss-up"
    assert "Too close to call" not in rec.headline
    assert "MBC comes out first in more of the draws across the ranges (100%, against 0%)" in rec.headline


def test_only_one_fits_and_it_suits_best_is_not_told_to_stretch() -> None:
    # Fast entry, $20,000, 18 months: HIM (24 months to work) is ruled out, and it would not suit a fast start
    # better than the certificate anyway.
    result = result_for(budget_usd=20000, timeline_months=18, goal="fast_entry")
    assert result.recommendation.program_id == "mbc"
    assert "stretch" not in result.recommendation.headline
    assert "suits your answers best" in result.recommendation.headline


@SOME
@given(answers=ANSWERS)
def test_no_cost_is_called_in_all_when_a_source_names_unpriced_parts(answers: dict[str, Any]) -> None:
    """'in all' follows only a cost every part of which a source prices (the article names HIM's textbooks, lab
    and exam fees without a figure)."""
    ranking = Scorer(SHIPPED).rank(answers)
    for reason in explain.reasons(ranking, limit=10):
        for program in ranking.programs:
            for score in program.pathways:
                name = explain.path_name(score.program, score.pathway)
                whole = re.escape(name[0].upper() + name[1:]) + r" costs \$[\d,]+-\$[\d,]+ in all"
                said = re.search(whole, reason.text)
                if said:
                    assert not explain.unpriced(score.pathway, score.prerequisite), reason.text


def test_the_tables_say_in_tuition_for_hims_figures() -> None:
    him = next(p for p in CATALOG.programs if p.id == "him")
    assert all(unpriced_extras(pathway) for pathway in him.pathways)  # the article gives no figure for them
    out = CliRunner().invoke(app, ["compare", "--format", "csv"]).stdout
    assert out.splitlines()[1].startswith('Cost,"$7,000-$25,000 in tuition","$20,000-$50,000 in tuition","$3,000')


@pytest.mark.parametrize("lang", ["en", "es"])
@SOME
@given(answers=ANSWERS)
def test_the_summary_shows_every_caveat(lang: str, answers: dict[str, Any]) -> None:
    """Every warning that undercuts the verdict is on the 80-column summary, in either language."""
    from pathfinder.layouts.terminal import make_console, result_view

    i18n.set_language(lang)
    try:
        catalog = load_catalog()
        result = advise(answers, catalog)
        console = make_console(io.StringIO(), no_color=True, width=80, record=True)
        console.print(result_view(result, catalog, details=False, more="More.", console=console))
        screen = " ".join(console.export_text(styles=False).split())
        for caveat in result.recommendation.caveats:
            assert " ".join(caveat.split()) in screen, caveat
    finally:
        i18n.set_language("en")


def test_an_associate_degree_counts_toward_the_bachelors_if_the_credits_transfer() -> None:
    # The article: the bachelor's takes two to three years after the general-education courses, which an
    # associate degree usually covers; the person is told to ask whether their credits transfer.
    result = result_for(budget_usd=25000, timeline_months=30, goal="management", education="associate")
    assert result.recommendation.pathway == "bachelor"
    said = [w for w in result.recommendation.caveats if "if your credits transfer" in w]
    assert said and "12-24 months" in said[0]
    # With room for the courses too (24-36 + 12-24 months within 60), it is good to know, not a caveat.
    roomy = result_for(budget_usd=60000, timeline_months=60, goal="management", education="associate")
    assert any("if your credits transfer" in w for w in roomy.warnings)
    assert not any("if your credits transfer" in w for w in roomy.recommendation.caveats)


def test_the_two_step_path_counts_the_general_education_first_for_a_diploma_holder() -> None:
    result = result_for(budget_usd=9000, timeline_months=20, goal="management", education="high_school")
    second = result.stackable_path.steps[1]
    assert second.pathway == "bachelor"
    assert "12-24 months of general-education college courses, then the HIM bachelor's degree" in second.summary
    # done = the first job (13-24) + a year of work + 12-24 months of courses + 24-36 of the bachelor's
    assert (second.ends_month.high, second.ends_month.low) == (13 + 12 + 12 + 24, 24 + 12 + 24 + 36)


def test_a_goal_the_person_gave_is_never_what_would_settle_it() -> None:
    result = result_for(budget_usd=7000, timeline_months=24, goal="informatics")
    assert result.recommendation.confidence == "toss-up"
    assert all(d.answer != "goal" for d in result.what_would_decide)
    unsure = result_for()  # no goal given: the goal is one of the answers that could settle it
    assert unsure.recommendation.confidence == "toss-up"
    assert any(d.answer == "goal" for d in unsure.what_would_decide)


@SOME
@given(answers=ANSWERS)
def test_no_weight_claim_holds_at_one_shown_weight_alone(answers: dict[str, Any]) -> None:
    for change in advise(answers, SHIPPED).what_would_change:
        if change.weight is not None:
            assert "exactly" not in change.sentence, change.sentence


def test_a_knife_edge_weight_is_not_offered_as_what_would_change_it() -> None:
    # Cost first, analytical, $7,000 and 48 months: between two near-level pathways another one leads at one
    # shown weight of job growth alone (11.3 of the 100 points); that is no claim to make to a person.
    result = result_for(budget_usd=7000, timeline_months=48, learning_style="analytical", priority="cost")
    assert result.what_would_change
    assert not [c.sentence for c in result.what_would_change if c.weight is not None and "exactly" in c.sentence]


def test_the_rhia_names_the_post_baccalaureate_route_for_a_bachelors_holder() -> None:
    # AHIMA: an accredited bachelor's or master's HIM program, or an approved post-baccalaureate certificate.
    result = result_for(budget_usd=60000, timeline_months=48, goal="management", education="bachelor")
    rhia = next(c for c in result.credentials if c.id == "rhia")
    assert "post-baccalaureate" in rhia.when


def test_sources_say_official_or_secondary_for_every_source_but_the_judgement() -> None:
    out = CliRunner().invoke(app, ["sources"]).stdout
    titles = [line for line in out.splitlines() if line and not line.startswith(" ")]
    labelled = [t for t in titles if re.search(r"\((official|secondary)(: quotes [^)]+)?\)$", t)]
    assert len(labelled) == len(titles) - 1 and any(t.startswith("A judgement") for t in titles)


@pytest.mark.parametrize("args, fmt", [(["--output", "r.xlsx"], "xlsx"), (["--output", "r.csv"], "csv"),
                                       (["--output", "r.jsonl"], "jsonl")])
def test_score_writes_the_format_the_output_file_names(tmp_path: Path, args: list[str], fmt: str) -> None:
    source = tmp_path / "class.csv"
    source.write_text("budget_usd,timeline_months\n5000,24\n")
    target = tmp_path / args[1]
    done = CliRunner().invoke(app, ["score", str(source), args[0], str(target)])
    assert done.exit_code == 0, done.output
    data = target.read_bytes()
    first_line = data.split(b"\n")[0]
    assert {"xlsx": data[:2] == b"PK", "csv": b",recommended_program," in first_line,
            "jsonl": data.startswith(b"{")}[fmt]


@pytest.mark.parametrize("args, says", [
    (["--format", "csv", "--output", "r.xlsx"], ".xlsx names the xlsx format, but --format is csv"),
    (["--output", "r.pdf"], "jsonl files end in .jsonl"),
    (["--format", "xlsx", "--output", "r"], "xlsx files end in .xlsx"),
    (["--sheet", "Foo"], "is not an .xlsx workbook"),
])
def test_score_refuses_an_output_or_sheet_that_cannot_be_what_it_says(tmp_path: Path, args: list[str],
                                                                       says: str) -> None:
    source = tmp_path / "class.csv"
    source.write_text("budget_usd,timeline_months\n5000,24\n")
    done = CliRunner().invoke(app, ["score", str(source),
                                    *[str(tmp_path / a) if a.startswith("r") else a for a in args]])
    assert done.exit_code == 2 and says in done.output, done.output
    assert not list(tmp_path.glob("r*"))


def test_a_lean_that_fits_only_at_the_quick_end_names_the_surer_pathway() -> None:
    # A high-school graduate toward management, $40,000 and 36 months. The article: HIM associate 24 months and
    # $7,000-$25,000 (all of it fits); the bachelor's 2-3 years after 1-2 years of general education, 36-60
    # months, so 36 fits only if every step is quickest: (36 - 36) / (60 - 36) = 0% of its range.
    result = result_for(budget_usd=40000, timeline_months=36, goal="management", education="high_school")
    rec = result.recommendation
    assert (rec.pathway, rec.confidence) == ("bachelor", "lean")
    said = ("The HIM associate degree fits your limits more surely: 100% of its range, against 0% for the HIM "
            "bachelor's degree.")
    assert said in result.warnings
    # An associate's holder is not pointed to a second associate degree as the surer way.
    holder = result_for(budget_usd=25000, timeline_months=36, goal="management", education="associate")
    assert not any("more surely" in w for w in holder.warnings)


def test_no_search_counted_says_whether_school_fills_or_runs_past_the_timeline() -> None:
    # No source gives a job search after HIM. The associate degree is 24 months: it fills a 24-month timeline.
    # A high-school graduate's bachelor's route is 36-60 months: at its longest it runs past 36.
    fills = result_for(budget_usd=30000, timeline_months=24, goal="informatics").recommendation.caveats
    assert any("school alone fills your 24 months" in c for c in fills)
    past = result_for(budget_usd=40000, timeline_months=36, goal="management", education="high_school")
    assert any("school alone runs past your 36 months" in c for c in past.recommendation.caveats)


def test_a_toss_up_gives_a_reason_for_the_pick_before_the_rivals_point() -> None:
    # Compliance, job growth first, $10,000 and 24 months: two caveats, then the pick's own strongest point
    # (HIM's 16% growth against MBC's 9%, BLS via the article), not MBC's cost advantage.
    rec = result_for(goal="compliance", priority="job_growth", budget_usd=10000, timeline_months=24).recommendation
    assert rec.program_id == "him" and rec.confidence == "toss-up"
    own = [r for r in rec.reasons if r not in rec.caveats]
    assert own and own[0].startswith("HIM"), rec.reasons


def test_the_rhia_is_credited_to_the_bachelors_column_only() -> None:
    # AHIMA: the RHIA needs a CAHIIM-accredited bachelor's or master's (or a post-baccalaureate certificate).
    rows = {line.split(",")[0]: line for line in
            CliRunner().invoke(app, ["compare", "--format", "csv"]).stdout.splitlines()}
    cells = rows["Credentials"].split('","')
    assert "RHIA" not in cells[0] and "RHIT" in cells[0]  # the associate degree's column
    assert "RHIA" in cells[1]


def test_in_spanish_two_changes_take_a_plural_verb() -> None:
    i18n.set_language("es")
    try:
        catalog = load_catalog()
        result = advise(validate_answers({**defaults(), "budget_usd": 1000, "timeline_months": 3}, partial=False),
                        catalog)
        assert result.nearest_fit is not None and " harían que " in result.nearest_fit.sentence
        one = advise(validate_answers({**defaults(), "budget_usd": 1000, "timeline_months": 24}, partial=False),
                     catalog)
        assert one.nearest_fit is not None and " haría que " in one.nearest_fit.sentence
    finally:
        i18n.set_language("en")


@SOME
@given(answers=ANSWERS)
def test_the_summary_prints_every_sentence_of_the_result_as_the_json_has_it(answers: dict[str, Any]) -> None:
    """Headline, reasons, what would change (or settle) it and the next step: the summary's words are the
    result's own, abbreviations and all (the programs' short names are named once under the key figures)."""
    from pathfinder.report.document import Paragraph, build

    result = advise(answers, SHIPPED)
    report = build(result, SHIPPED)
    sentences = {result.recommendation.next_step, *(d.sentence for d in result.what_would_decide),
                 *(c.sentence for c in result.what_would_change),
                 *([result.nearest_fit.sentence] if result.nearest_fit else [])}
    change, step = report.section("change"), report.section("next")
    assert change is not None and step is not None
    shown = change.blocks[0]
    assert isinstance(shown, Paragraph)
    assert shown.text.text in sentences or not (result.what_would_change or result.what_would_decide
                                                or result.nearest_fit)
    said = step.blocks[0]
    assert isinstance(said, Paragraph) and said.text.text.startswith(result.recommendation.next_step)


def test_the_summarys_change_line_keeps_the_results_abbreviations() -> None:
    from pathfinder.report.document import Paragraph, build

    result = result_for(interest="medical_terminology")
    change = build(result, CATALOG).section("change")
    assert change is not None and isinstance(change.blocks[0], Paragraph)
    assert "IT systems" in result.what_would_change[0].sentence
    assert change.blocks[0].text.text == result.what_would_change[0].sentence
