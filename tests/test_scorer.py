"""The reusable Scorer: what it remembers between answer sets never changes a result, and its
plain-data result serialises exactly as the Result model does (``pathfinder score`` relies on it)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic_core import to_json
from test_properties import ANSWERS, CATALOGS, SHIPPED

from pathfinder import scoring
from pathfinder.models import Catalog
from pathfinder.results import Result
from pathfinder.scoring import CRITERIA, Scorer, score

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WEIGHTS = st.fixed_dictionaries({c.id: st.floats(0, 100, allow_nan=False) for c in CRITERIA}).filter(
    lambda w: sum(w.values()) > 0
)


@PROPERTY
@given(many=st.lists(ANSWERS, min_size=2, max_size=12), catalog=CATALOGS)
def test_a_reused_scorer_gives_what_a_fresh_one_gives(many: list[dict[str, Any]], catalog: Catalog) -> None:
    scorer = Scorer(catalog)
    for answers in many + many[::-1]:  # the second pass is served from the memo
        assert scorer.result(answers) == score(answers, catalog)


@PROPERTY
@given(answers=ANSWERS, overrides=st.lists(WEIGHTS, min_size=1, max_size=4), catalog=CATALOGS)
def test_weight_overrides_are_not_mixed_up_with_the_usual_weights(answers: dict[str, Any],
                                                                  overrides: list[dict[str, float]],
                                                                  catalog: Catalog) -> None:
    scorer = Scorer(catalog)
    plain = scorer.result(answers)
    for weights in overrides:
        assert scorer.result(answers, weight_override=weights) == score(answers, catalog, weight_override=weights)
    assert scorer.result(answers) == plain


@PROPERTY
@given(many=st.lists(ANSWERS, min_size=1, max_size=6), catalog=CATALOGS)
def test_the_json_of_a_line_is_what_the_result_model_writes(many: list[dict[str, Any]], catalog: Catalog) -> None:
    scorer = Scorer(catalog)
    for answers in many + many:
        data = scorer.data(answers)
        expected = Result.model_validate(data).model_dump_json().encode()
        assert to_json(data) == expected
        assert scorer.json(answers) == expected
        assert expected == score(answers, catalog).model_dump_json().encode()


def test_integer_and_float_answers_keep_their_own_types() -> None:
    scorer = Scorer(SHIPPED)
    whole = scorer.result({**_defaults(), "budget_usd": 5000})
    fractional = scorer.result({**_defaults(), "budget_usd": 5000.0})
    assert whole.answers["budget_usd"] == 5000 and isinstance(whole.answers["budget_usd"], int)
    assert isinstance(fractional.answers["budget_usd"], float)


def test_the_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scoring, "MEMO_LIMIT", 50)
    one_set = Scorer(SHIPPED)
    one_set.result({**_defaults(), "budget_usd": 1, "timeline_months": 1})
    most_one_set_adds = one_set.remembered  # every piece new, as for an unseen budget and timeline
    scorer = Scorer(SHIPPED)
    counts = []
    for budget in range(0, 60_000, 250):
        answers = {**_defaults(), "budget_usd": budget, "timeline_months": 1 + budget % 120}
        assert scorer.result(answers) == score(answers, SHIPPED)
        counts.append(scorer.remembered)
    # A full memo starts again before the next answer set, which can add at most its own pieces.
    assert max(counts) < 50 + most_one_set_adds
    assert any(later < earlier for earlier, later in zip(counts, counts[1:]))


def test_a_result_as_data_is_the_callers_to_change() -> None:
    scorer = Scorer(SHIPPED)
    answers = {**_defaults(), "budget_usd": 3000, "timeline_months": 6}
    expected = score(answers, SHIPPED)
    first = scorer.data(answers)
    first["recommendation"]["next_steps"].append("changed")
    for program in first["ranking"]:
        program["criteria"][0]["reason"] = "changed"
        program["constraints"][0]["message"] = "changed"
    first["projection"].append("changed")
    assert scorer.result(answers) == expected
    assert Scorer(SHIPPED).result(answers) == expected
    assert scorer.json(answers) == expected.model_dump_json().encode()


def _defaults() -> dict[str, Any]:
    from pathfinder.questions import defaults

    return defaults()
