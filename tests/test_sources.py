"""Official figures beside the article's, and `pathfinder sources`: every source with its date and what rests on it.

The expected figures are the official ones read from the stored pages (listed in test_data_figures.py); the
words are the issue's: the article's figure, the official one with its period, and a plain note where they
disagree.
"""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from helpers import raw_catalog
from pathfinder.cli.app import app

ENV = {"NO_COLOR": "1", "COLUMNS": "100", "TERMINAL_WIDTH": "100"}


def run(*args: str) -> Any:
    done = CliRunner().invoke(app, list(args), env=ENV)
    assert done.exit_code == 0, done.output
    return done


def _compare_cells() -> dict[str, list[list[str]]]:
    """The compare table as CSV: fact -> one list of lines per program (HIM, MBC)."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(run("compare", "--format", "csv", "--details").stdout)))
    return {row[0]: [cell.splitlines() for cell in row[1:]] for row in rows[1:]}


def test_compare_puts_the_official_growth_beside_the_article_with_its_period_and_a_note() -> None:
    him, mbc = _compare_cells()["Job growth"]
    assert him[0] == "The article: 16% (2023-2033)"
    assert "Official, health information technologists: 16% (2022-32)" in him
    assert "Secondary, health services managers: 23% (2024-34)" in him  # a site quoting BLS
    assert "Official, health services managers: 29% (2023-33)" in him
    assert any(line.startswith("Note: The article's 16% for 2023-2033 is the official projection for 2022-32")
               for line in him)
    assert mbc[0] == "The article: 9% (2023-2033)"
    assert "Secondary, medical records specialists: 7% (2024-34)" in mbc
    assert "Secondary, medical records specialists: 9% (2023-33)" in mbc  # AAPC quoting BLS is not BLS
    assert "Official, medical records specialists: 8% (2019-29)" in mbc
    assert any("2024-34" in line for line in mbc if line.startswith("Note:"))


def test_compare_puts_the_official_pay_beside_the_article_and_says_early_salary_is_not_starting_pay() -> None:
    him, mbc = _compare_cells()["Early salary"]
    assert him[0] == "The article: $50,000-$65,000 a year"
    assert "Official, health information technologists: median $58,250 (May 2022)" in him
    assert ("Official, health information technologists: median $55,560, a quarter under $37,500, "
            "a tenth under $29,680 (May 2021)") in him
    assert "Official, health services managers: median $110,680 (May 2023)" in him
    assert any("not at starting pay" in line for line in him if line.startswith("Note:"))
    assert "Official, medical records specialists: median $44,090 (May 2020)" in mbc


def test_compare_flags_pass_rates_no_one_publishes_and_shows_the_official_ones() -> None:
    him, mbc = _compare_cells()["Certifications"]
    assert any("70% pass the first time" in line and line.startswith("Registered Health Information "
                                                                       "Administrator") for line in him)
    assert any("the article's 60-70% cannot be checked" in line for line in him)
    assert any(line.startswith("Certified Coding Associate (CCA)") and "77-85% pass the first time" in line
               and "exam fee $299, or $199 for AHIMA members" in line for line in mbc)
    assert any("the article's 50-60% cannot be checked" in line for line in mbc)


def test_compare_gives_the_official_entry_education() -> None:
    him, mbc = _compare_cells()["Entry education"]
    assert him == ["Official, health information technologists (where HIM graduates start): an associate's degree",
                   "Official, health services managers (where the management goal leads): a bachelor's degree and "
                   "under 5 years of related work experience"]
    assert mbc[0].startswith("Official, medical records specialists (where billing and coding graduates start")


def test_sources_lists_every_source_with_its_dates_and_what_rests_on_it() -> None:
    data = json.loads(run("sources", "--json").stdout)
    listed = {s["id"]: s for s in data["sources"]}
    assert list(listed) == [s["id"] for s in raw_catalog()["sources"]]
    for source in listed.values():
        assert {"title", "publisher", "url", "as_of", "retrieved", "official", "figures"} <= set(source)
    hit = listed["bls-hit"]
    assert hit["official"] is True and hit["as_of"].startswith("2022-32 edition")
    assert "Health information technologists and medical registrars: pay (May 2022)" in hit["figures"]
    assert "Health information technologists and medical registrars: growth (2022-32)" in hit["figures"]
    assert "HIM associate degree: cost" in listed["article"]["figures"]
    assert listed["article"]["official"] is False
    text = run("sources").stdout
    assert text.count("Figures as of:") == len(listed)
    assert "Occupational Outlook Handbook: Health information technologists and medical registrars (official)" in text
    assert "https://www.bls.gov/oes/2021/may/oes299021.htm" in text


def test_a_custom_catalog_without_occupations_still_compares() -> None:
    import os
    import tempfile

    data = raw_catalog()
    data.pop("occupations")
    for program in data["programs"]:
        program.pop("occupations", None)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
        json.dump(data, out)
    try:
        done = CliRunner().invoke(app, ["--data", out.name, "compare", "--format", "csv"], env=ENV)
    finally:
        os.unlink(out.name)
    assert done.exit_code == 0, done.output
    assert "Official," not in done.stdout and "Entry education" not in done.stdout


def test_an_official_figure_citing_an_unknown_source_is_refused() -> None:
    import pytest

    from pathfinder.core.catalog import validate_catalog
    from pathfinder.errors import PathfinderError

    data = raw_catalog()
    data["occupations"][0]["pay"][0]["source"] = "no-such-source"
    with pytest.raises(PathfinderError) as refused:
        validate_catalog(data)
    assert refused.value.lines == ["occupations[0].pay[0].source: unknown source 'no-such-source'"]
