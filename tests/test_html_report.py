"""The HTML report in a real browser: headless Chromium (Debian's chromium package) driven by puppeteer-core, with
an axe-core accessibility audit. `python3 scripts/dev.py test` installs all three; these tests fail, not skip,
when one is missing, saying how to install it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT
from insight_helpers import INFORMATICS_ON_A_BUDGET, run, set_args

BROWSER = ROOT / "tests" / "browser"
CHROMIUM_NAMES = ("chromium", "chromium-browser")


def _audit(page: Path, *widths: int) -> dict[str, Any]:
    chromium = next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)
    node = shutil.which("node")
    if chromium is None or node is None or not (BROWSER / "node_modules" / "axe-core").is_dir():
        pytest.fail("The browser tests need Chromium, node and the packages in tests/browser "
                    "(`python3 scripts/dev.py test` installs them: apt-get install chromium; npm ci in tests/browser).",
                    pytrace=False)
    done = subprocess.run([node, str(BROWSER / "audit.js"), str(page), *map(str, widths)], capture_output=True,
                          text=True, timeout=180, env={"CHROMIUM": chromium, "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("html")
    target = folder / "report.html"
    result = run("quiz", "--defaults", *set_args(INFORMATICS_ON_A_BUDGET), "--export", str(target))
    assert result.exit_code == 0, result.output
    return {"path": target, "html": target.read_text(encoding="utf-8"), "audit": _audit(target, 1200, 390)}


def test_no_accessibility_violations_at_desktop_and_phone_width(page: dict[str, Any]) -> None:
    for view in page["audit"]["views"]:
        assert view["violations"] == [], (view["width"], view["violations"])


def test_the_page_asks_for_nothing_and_runs_no_script(page: dict[str, Any]) -> None:
    assert page["audit"]["requests"] == []
    assert all(view["scripts"] == 0 for view in page["audit"]["views"])
    html = page["html"]
    assert "<script" not in html and "http://" not in html and "@import" not in html and "url(" not in html


def test_no_sideways_scrolling_on_a_phone(page: dict[str, Any]) -> None:
    phone = next(v for v in page["audit"]["views"] if v["width"] == 390)
    assert phone["scrollWidth"] <= phone["clientWidth"] == 390


def test_a_semantic_document(page: dict[str, Any]) -> None:
    view = page["audit"]["views"][0]
    assert view["lang"] == "en" and view["title"] == "Your pathfinder recommendation"
    assert view["h1"] == ["Your pathfinder recommendation"]
    assert view["landmarks"] == {"header": 1, "main": 1, "footer": 1}
    for heading in ("Your recommendation", "Why", "Key figures", "Your answers", "The programs side by side",
                    "How each program scored", "Money and time over 10 years", "A two-step path toward HIM",
                    "What would change the advice", "Assumptions", "Sources"):
        assert heading in view["h2"], heading
    tables = {t["caption"]: t for t in view["tables"]}
    assert tables["Key figures"]["colHeaders"] == 3 and tables["Key figures"]["rowHeaders"] == 4
    assert tables["Your answers"]["rowHeaders"] == 11
    assert all(t["colHeaders"] >= 2 and t["rowHeaders"] == t["rows"] for t in view["tables"])


def test_the_projection_is_an_inline_chart_with_a_text_alternative(page: dict[str, Any]) -> None:
    (chart,) = page["audit"]["views"][0]["charts"]
    assert chart["role"] == "img" and chart["title"] == "Money and time over 10 years"
    assert chart["lines"] == 3  # MBC, HIM, and the two-step path
    assert "After 10 years: MBC certificate or diploma $412,917" in chart["desc"]  # worked in test_projection
    assert chart["caption"].startswith("Earnings so far minus school costs")


def test_the_answers_the_date_and_linked_sources_are_on_the_page(page: dict[str, Any]) -> None:
    view = page["audit"]["views"][0]
    text = view["text"]
    assert "Made on " in text and "$5,000" in text and "12 months" in text
    assert "Analysing, reading and working with systems" in text
    assert ("https://www.bls.gov/ooh/healthcare/health-information-technologists-and-medical-registrars.htm"
            in view["links"])
    assert "#source-1" in view["links"]


def test_a_print_stylesheet(page: dict[str, Any]) -> None:
    assert "@media print" in page["html"]


def test_the_svg_export_is_the_chart_alone(tmp_path: Path) -> None:
    target = tmp_path / "chart.svg"
    result = run("quiz", "--defaults", *set_args(INFORMATICS_ON_A_BUDGET), "--export", str(target))
    assert result.exit_code == 0, result.output
    svg = target.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and 'xmlns="http://www.w3.org/2000/svg"' in svg
    assert "<title" in svg and "<desc" in svg and svg.count("<polyline") == 3
    assert "Key figures" not in svg and "http://" not in svg.replace("http://www.w3.org/2000/svg", "")
