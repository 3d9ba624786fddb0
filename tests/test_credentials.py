"""The certifications a person can reach, against the certifying bodies' rules restated simply (AHIMA, AAPC)."""

from __future__ import annotations

from typing import Any

import pytest

from pathfinder.core.advice import advise
from pathfinder.core.catalog import load_catalog
from pathfinder.core.credentials import reachable
from pathfinder.core.questions import defaults, validate_answers


def creds(**given: Any) -> dict[str, Any]:
    result = advise(validate_answers({**defaults(), **given}, partial=False), load_catalog())
    return {"list": result.credentials, "by_id": {c.id: c for c in result.credentials}, "result": result}


def test_every_credential_is_listed_with_its_rule_and_a_source_that_exists() -> None:
    found = creds()
    sources = {s.id for s in load_catalog().sources}
    assert {c.id for c in found["list"]} == {"cca", "cpc", "ccs", "rhit", "rhia"}
    assert all(c.source in sources and c.rule and c.when for c in found["list"])


def test_the_cpc_is_open_to_anyone_now_and_names_the_apprentice_mark() -> None:
    # AAPC: "Proof of education or experience isn't necessary to sit for AAPC exams"; CPC-A until 2 years' work
    cpc = creds()["by_id"]["cpc"]
    assert cpc.now and "CPC-A" in cpc.when and "two years" in cpc.rule and "Practicode" in cpc.rule


@pytest.mark.parametrize("education, now", [(None, False), ("high_school", True), ("bachelor", True)])
def test_the_cca_needs_a_high_school_diploma(education: str | None, now: bool) -> None:
    # AHIMA: "high school diploma or equivalent"; an unknown education cannot be shown to meet it
    assert creds(education=education)["by_id"]["cca"].now is now


def test_the_ccs_needs_only_a_diploma_and_recommends_coding_work() -> None:
    # AHIMA: a high school diploma; coding coursework plus a year of coding work (or two years) is recommended,
    # not required. So anyone with a diploma may sit it now, a newcomer is told what AHIMA recommends first, and
    # the next step never sends a newcomer to the CCS before the CCA or the CPC.
    newcomer = creds(education="high_school")
    assert newcomer["by_id"]["ccs"].now and "recommends" in newcomer["by_id"]["ccs"].when
    assert newcomer["list"][0].id != "ccs"
    assert creds(education="high_school", experience="coding_billing")["by_id"]["ccs"].now
    assert not creds(education=None)["by_id"]["ccs"].now


def test_the_rhit_and_rhia_come_after_an_accredited_him_program() -> None:
    # AHIMA: RHIT after a CAHIIM-accredited associate (final term may test early); RHIA after the bachelor's, or a
    # post-baccalaureate certificate for a person who holds a bachelor's
    found = creds(goal="compliance")
    assert (found["result"].recommendation.program_id, found["result"].recommendation.pathway) == ("him", "associate")
    assert not found["by_id"]["rhit"].now and "final term" in found["by_id"]["rhit"].when
    assert "post-baccalaureate" in creds(education="bachelor")["by_id"]["rhia"].when
    assert not any(c.now for c in found["list"] if c.id in ("rhit", "rhia"))


def test_the_next_step_names_the_first_credential_and_those_open_now_come_first() -> None:
    found = creds(education="associate")
    listed = found["list"]
    assert [c.now for c in listed] == sorted((c.now for c in listed), reverse=True)
    assert found["result"].recommendation.next_steps[0].startswith(
        f"First certification within reach: the {listed[0].name}")


def test_reachable_is_pure_and_reads_only_the_answers() -> None:
    catalog = load_catalog()
    program = catalog.programs[1]
    assert reachable({}, program, program.pathways[0]) == reachable({}, program, program.pathways[0])
