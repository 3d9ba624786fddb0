"""Every figure the advice reads, against the value and the words of its source, by name.

A changed figure in data/programs.json fails the test that names it here: a snapshot update can never be the
only guard of a figure. Each row gives the figure, its source reference and the quoted words its note must
carry (the article's own figure, so the note and the number cannot drift apart). A last test walks the file
and fails on any figure this table does not name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT, raw_catalog

DATA = raw_catalog()


def at(path: str) -> Any:
    """'mbc/certificate/cost_usd' -> the pathway's cost range; 'him//outcomes.salary_usd' -> the program's."""
    program_id, pathway_id, rest = path.split("/")
    node: Any = next(p for p in DATA["programs"] if p["id"] == program_id)
    if pathway_id:
        node = next(p for p in node["pathways"] if p["id"] == pathway_id)
    for key in rest.split("."):
        node = node[int(key)] if key.isdigit() else node[key]
    return node


# path, (low, high) or percent, source, words the note must hold
RANGES = [
    ("him/associate/cost_usd", (7000, 25000), "article#cost", "$7,000 to $25,000"),
    ("him/associate/extra_costs_usd", (None, None), "article#cost", "no figure"),
    ("him/associate/duration_months", (24, 24), "article#similarities", "two years"),
    ("him/associate/job_search_months", (None, None), "article#careers", "no job-search time"),
    ("him/bachelor/cost_usd", (20000, 50000), "article#cost", "$20,000 and $50,000"),
    ("him/bachelor/extra_costs_usd", (None, None), "article#cost", "no figure"),
    ("him/bachelor/duration_months", (24, 36), "article#him-programs", "two to three years"),
    ("him/bachelor/job_search_months", (None, None), "article#careers", "no job-search time"),
    ("him/bachelor/prerequisite.months", (12, 24), "judgement", "One to two years"),
    ("him//outcomes.salary_usd", (50000, 65000), "article#careers", "$50,000 to $65,000"),
    ("him//certifications.1.pass_rate_percent", (70, 70), "ahima-rhia-2019", "70 percent of first-time"),
    ("him//certifications.2.pass_rate_percent", (60, 70), "article#difficulty", "60-70%"),
    ("him//notes.0", (60000, None), "article#cost", "$60,000 or more"),
    ("him//notes.1", (7500, 7500), "article#key-points", "$7,500 annually"),
    ("him//notes.2", (24, 48), "article#key-points", "2-4 years"),
    ("him//notes.3", (None, 12), "article#similarities", "under a year"),
    ("mbc/certificate/cost_usd", (2500, 15000), "article#cost", "$2,500 and $15,000"),
    ("mbc/certificate/cost_usd.alternates.0", (4000, 4000), "article#key-points", "$4,000 total"),
    ("mbc/certificate/cost_usd.alternates.1", (None, 20000), "article#cost", "$20,000"),
    ("mbc/certificate/extra_costs_usd", (500, 2000), "article#cost", "$500 to $2,000"),
    ("mbc/certificate/duration_months", (9, 18), "article#cost", "9 to 18 months"),
    ("mbc/certificate/duration_months.alternates.0", (10, 12), "article#mbc-programs", "10 months to one year"),
    ("mbc/certificate/job_search_months", (4, 6), "article#careers", "within four to six months"),
    ("him/bachelor/prerequisite.credit.0.months", (0, 12), "judgement", "up to a year"),
    ("mbc/associate/cost_usd", (None, None), "article#cost", "no cost"),
    ("mbc/associate/extra_costs_usd", (None, None), "article#cost", "none for an associate"),
    ("mbc/associate/duration_months", (24, 24), "article#similarities", "two years"),
    ("mbc/associate/job_search_months", (None, None), "article#careers", "none for an associate"),
    ("mbc//outcomes.salary_usd", (42000, 58000), "article#careers", "$42,000 to $58,000"),
    ("mbc//certifications.0.pass_rate_percent", (50, 60), "article#difficulty", "50-60%"),
    ("mbc//certifications.1.pass_rate_percent", (77, 85), "ahima-cca-rates", "77% in 2018, 82% in 2019, 85% in 2020"),
    ("mbc//notes.0", (None, 6), "article#skills", "less than six months"),
]
GROWTH = [
    ("him//outcomes.job_growth", 16, "2023-2033", "article#careers", "16% employment growth from 2023 to 2033"),
    ("him//outcomes.job_growth.alternates.0", 11, "by 2030", "article#key-points", "11%"),
    ("mbc//outcomes.job_growth", 9, "2023-2033", "article#careers", "9% employment growth"),
    ("mbc//outcomes.job_growth.alternates.0", 8, None, "article#key-points", "8%"),
]
# Official figures per occupation, from the stored copies of the official pages: pay (median, 25th and 10th
# percentile, the period), growth (percent, period) and the words of the source each note must quote.
OFFICIAL_PAY = [
    ("mrs", 0, (50250, None, None), "May 2024", "startright-mrs", "$50,250 in May 2024"),
    ("mrs", 1, (44090, None, None), "May 2020", "bls-mrs", "was $44,090 in May 2020"),
    ("hit", 0, (58250, None, None), "May 2022", "bls-hit", "was $58,250 in May 2022"),
    ("hit", 1, (55560, 37500, 29680), "May 2021", "oews-hit", "10% $29,680, 25% $37,500, median $55,560"),
    ("mhsm", 0, (117960, None, None), "May 2024", "careerlaunch-mhsm", "$117,960 in May 2024"),
    ("mhsm", 1, (110680, None, None), "May 2023", "bls-mhsm", "was $110,680 in May 2023"),
    ("mhsm", 2, (100980, 76770, 58820), "May 2019", "oews-mhsm", "10% $58,820, 25% $76,770, median $100,980"),
]
OFFICIAL_GROWTH = [
    ("mrs", 0, 7, "2024-34", "startright-mrs", "grow 7% from 2024 to 2034"),
    ("mrs", 1, 9, "2023-33", "aapc-outlook", "grow 9 percent from 2023-33"),
    ("mrs", 2, 8, "2019-29", "bls-mrs", "grow 8 percent from 2019 to 2029"),
    ("hit", 0, 16, "2022-32", "bls-hit", "grow 16 percent from 2022 to 2032"),
    ("mhsm", 0, 23, "2024-34", "careerlaunch-mhsm", "grow 23% from 2024 to 2034"),
    ("mhsm", 1, 29, "2023-33", "bls-mhsm", "grow 29 percent from 2023 to 2033"),
]
# What each source is: official (the body itself: BLS, AHIMA, AAPC about its own exams) or secondary (a site
# quoting an official body, named in ``quotes``), as shared in the facts the data was built from.
SECONDARY = {"aapc-outlook": "US Bureau of Labor Statistics", "startright-mrs": "US Bureau of Labor Statistics",
             "careerlaunch-mhsm": "US Bureau of Labor Statistics"}
# The oldest an official figure may be, in years from today to the newest year it describes: older, and the
# tests fail, so the official figures are looked up again before pathfinder ships them stale (README, "Where
# the figures come from").
MAX_OFFICIAL_AGE_YEARS = 4
# Fit values on the four levels of docs/method.md (1, 0.5, 0.25, 0), per program and table.
FITS: dict[str, dict[str, dict[str, float]]] = {
    "him": {
        "goals": {"management": 1, "informatics": 1, "compliance": 1, "coding": 0.25, "billing": 0},
        "interests": {"data_management": 1, "compliance_law": 1, "it_systems": 1, "medical_terminology": 0.5,
                      "insurance_claims": 0},
        "learning_styles": {"analytical": 1, "hands_on": 0.5, "blended": 0.5},
        "strengths": {"advanced_it": 1, "regulations": 1, "precision": 0.5, "communication": 0.5},
        "remote": {"important": 0.5, "nice_to_have": 0.5},
        "challenge": {"lighter": 0, "demanding": 1},
    },
    "mbc": {
        "goals": {"management": 0.25, "informatics": 0, "compliance": 0.5, "coding": 1, "billing": 1},
        "interests": {"data_management": 0.5, "compliance_law": 0.5, "it_systems": 0.5, "medical_terminology": 1,
                      "insurance_claims": 1},
        "learning_styles": {"analytical": 0, "hands_on": 1, "blended": 0.5},
        "strengths": {"advanced_it": 0.5, "regulations": 0.5, "precision": 1, "communication": 1},
        "remote": {"important": 1, "nice_to_have": 1},
        "challenge": {"lighter": 1, "demanding": 0},
    },
}
PATHWAY_FITS = {("him", "associate", "management"): (0.5, "bls-mhsm")}
# The goals each pathway is the direct route to: they decide which pathway comes first between equal scores, and
# when a credential below one the person holds is still offered.
PATHWAY_GOALS = {("him", "associate"): [], ("him", "bachelor"): ["management"], ("mbc", "certificate"):
                 ["fast_entry", "coding", "billing"], ("mbc", "associate"): []}


@pytest.mark.parametrize("path, figures, source, words", RANGES, ids=[r[0] for r in RANGES])
def test_range_figure(path: str, figures: tuple[float | None, float | None], source: str, words: str) -> None:
    node = at(path)
    assert (node["low"], node["high"]) == figures
    assert node["source"] == source
    assert words in node["note"], node["note"]


@pytest.mark.parametrize("path, percent, period, source, words", GROWTH, ids=[g[0] for g in GROWTH])
def test_growth_figure(path: str, percent: float, period: str | None, source: str, words: str) -> None:
    node = at(path)
    assert (node["percent"], node["period"], node["source"]) == (percent, period, source)
    assert words in node["note"], node["note"]


@pytest.mark.parametrize("program_id", sorted(FITS))
def test_fit_values(program_id: str) -> None:
    fit = at(f"{program_id}//fit")
    found = {table: {k: v["value"] for k, v in fit[table].items()} for table in FITS[program_id]}
    assert found == FITS[program_id]
    for table in FITS[program_id]:
        for answer, entry in fit[table].items():
            assert entry["source"] and entry["note"], (program_id, table, answer)
            assert entry["value"] in (0, 0.25, 0.5, 1), "fit values sit on the four levels of docs/method.md"


@pytest.mark.parametrize("key, expected", sorted(PATHWAY_FITS.items()))
def test_pathway_fit_values(key: tuple[str, str, str], expected: tuple[float, str]) -> None:
    program_id, pathway_id, goal = key
    entry = at(f"{program_id}/{pathway_id}/goal_fit")[goal]
    assert (entry["value"], entry["source"]) == expected


@pytest.mark.parametrize("key, goals", sorted(PATHWAY_GOALS.items()))
def test_pathway_goals(key: tuple[str, str], goals: list[str]) -> None:
    program = next(p for p in DATA["programs"] if p["id"] == key[0])
    pathway = next(p for p in program["pathways"] if p["id"] == key[1])
    assert sorted(pathway.get("goals", [])) == sorted(goals)


def _occupation(occupation_id: str) -> Any:
    return next(o for o in DATA["occupations"] if o["id"] == occupation_id)


@pytest.mark.parametrize("occupation_id, index, figures, as_of, source, words", OFFICIAL_PAY,
                         ids=[f"{o[0]}-pay-{o[3]}" for o in OFFICIAL_PAY])
def test_official_pay(occupation_id: str, index: int, figures: tuple[float, float | None, float | None], as_of: str,
                      source: str, words: str) -> None:
    pay = _occupation(occupation_id)["pay"][index]
    assert (pay["median"], pay.get("p25"), pay.get("p10")) == figures
    assert (pay["as_of"], pay["source"]) == (as_of, source)
    assert words in pay["note"], pay["note"]


@pytest.mark.parametrize("occupation_id, index, percent, period, source, words", OFFICIAL_GROWTH,
                         ids=[f"{o[0]}-growth-{o[3]}" for o in OFFICIAL_GROWTH])
def test_official_growth(occupation_id: str, index: int, percent: float, period: str, source: str, words: str) -> None:
    growth = _occupation(occupation_id)["growth"][index]
    assert (growth["percent"], growth["period"], growth["source"]) == (percent, period, source)
    assert words in growth["note"], growth["note"]


def test_every_official_figure_is_named_here() -> None:
    found = {(o["id"], i) for o in DATA["occupations"] for i, _ in enumerate(o["pay"])}
    assert found == {(o, i) for o, i, *_ in OFFICIAL_PAY}
    found = {(o["id"], i) for o in DATA["occupations"] for i, _ in enumerate(o["growth"])}
    assert found == {(o, i) for o, i, *_ in OFFICIAL_GROWTH}


def test_every_source_says_when_its_figures_are_from_and_when_it_was_read() -> None:
    for source in DATA["sources"]:
        assert source.get("as_of"), f"source {source['id']} has no as_of"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", source.get("retrieved", "")), source["id"]


def test_a_source_without_as_of_is_refused(tmp_path: Path) -> None:
    from pathfinder.core.catalog import validate_catalog
    from pathfinder.errors import PathfinderError

    data = raw_catalog()
    del data["sources"][0]["as_of"]
    with pytest.raises(PathfinderError) as refused:
        validate_catalog(data)
    assert "sources[0].as_of: Field required" in refused.value.lines


def test_every_figure_cites_a_source_that_exists() -> None:
    known = {s["id"] for s in DATA["sources"]}
    cited: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if (key == "source" or key.endswith("_source")) and isinstance(value, str):
                    cited.append(value.partition("#")[0])
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(DATA["programs"])
    walk(DATA["occupations"])
    assert cited and set(cited) <= known, sorted(set(cited) - known)


def test_the_figures_are_not_too_old_for_the_date_they_were_reviewed() -> None:
    """Staleness, read from the data and not the clock: every source was read on or before the catalog's
    ``reviewed`` date, and each occupation's newest pay and newest projection describe a year at most
    MAX_OFFICIAL_AGE_YEARS before it. A review that moves the date forward without newer figures fails here."""
    reviewed = DATA["reviewed"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", reviewed)
    assert all(source["retrieved"] <= reviewed for source in DATA["sources"])
    year = int(reviewed[:4])
    for occupation in DATA["occupations"]:
        pay = max(int(re.findall(r"\d{4}", p["as_of"])[0]) for p in occupation["pay"])
        growth = max(int(g["period"][:4]) for g in occupation["growth"])
        assert year - pay <= MAX_OFFICIAL_AGE_YEARS, (occupation["id"], "pay", pay)
        assert year - growth <= MAX_OFFICIAL_AGE_YEARS, (occupation["id"], "growth", growth)


def test_each_source_says_whether_it_is_official_or_secondary() -> None:
    sources = {s["id"]: s for s in DATA["sources"]}
    for source_id, body in SECONDARY.items():
        assert sources[source_id]["official"] is False and sources[source_id]["quotes"] == body, source_id
    for source in DATA["sources"]:
        assert not (source["official"] and source.get("quotes")), source["id"]
    # the MBC salary note rests on the newest median (May 2024), not on the 2020 one alone
    flag = next(f for p in DATA["programs"] if p["id"] == "mbc" for f in p["flags"] if f["about"] == "salary")
    assert "$50,250" in flag["text"] and "May 2024" in flag["text"] and "spans the median" in flag["text"]


def test_every_figure_in_the_file_is_named_here() -> None:
    named = {path for path, *_ in RANGES} | {path for path, *_ in GROWTH}
    found = set()
    for program in DATA["programs"]:
        for pathway in program["pathways"]:
            for key in ("cost_usd", "extra_costs_usd", "duration_months", "job_search_months"):
                if pathway.get(key) is not None:
                    found.add(f"{program['id']}/{pathway['id']}/{key}")
                    for i, _ in enumerate(pathway[key].get("alternates", [])):
                        found.add(f"{program['id']}/{pathway['id']}/{key}.alternates.{i}")
            if pathway.get("prerequisite"):
                found.add(f"{program['id']}/{pathway['id']}/prerequisite.months")
                for i, _ in enumerate(pathway["prerequisite"].get("credit", [])):
                    found.add(f"{program['id']}/{pathway['id']}/prerequisite.credit.{i}.months")
        outcomes = program["outcomes"]
        found.add(f"{program['id']}//outcomes.salary_usd")
        for i, _ in enumerate(outcomes["salary_usd"].get("alternates", [])):
            found.add(f"{program['id']}//outcomes.salary_usd.alternates.{i}")
        found.add(f"{program['id']}//outcomes.job_growth")
        for i, _ in enumerate(outcomes["job_growth"].get("alternates", [])):
            found.add(f"{program['id']}//outcomes.job_growth.alternates.{i}")
        for i, cert in enumerate(program["certifications"]):
            if cert.get("pass_rate_percent"):
                found.add(f"{program['id']}//certifications.{i}.pass_rate_percent")
        for i, _ in enumerate(program.get("notes", [])):
            found.add(f"{program['id']}//notes.{i}")
    assert found == named


def test_method_document_lists_every_fit_value() -> None:
    """docs/method.md gives every fit value with its reason; its tables must say what the data says."""
    text = (ROOT / "docs" / "method.md").read_text(encoding="utf-8")
    for program_id, tables in FITS.items():
        for table, values in tables.items():
            for answer, value in values.items():
                row = re.search(rf"^\| `{table}` \| `{answer}` \|(.*)$", text, re.MULTILINE)
                assert row is not None, f"docs/method.md has no row for {table} {answer}"
                cells = [c.strip() for c in row.group(1).split("|")]
                column = 0 if program_id == "him" else 1
                assert float(cells[column]) == value, (table, answer, program_id, cells)


def test_the_root_is_the_repository() -> None:
    assert (Path(ROOT) / "data" / "programs.json").is_file()
