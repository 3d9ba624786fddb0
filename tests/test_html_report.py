"""The HTML report in a real browser: headless Chromium (Debian's chromium package) driven by puppeteer-core, with
an axe-core accessibility audit. `python3 scripts/dev.py test` installs all three; these tests fail, not skip,
when one is missing, saying how to install it.
"""

from __future__ import annotations

import json
import re
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
    (chart,) = [c for c in page["audit"]["views"][0]["charts"] if c["lines"]]
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


# --- on paper and on a phone ----------------------------------------------------------------------------------


def test_on_a_phone_the_first_screen_holds_the_decision_and_chart_text_is_readable(page: dict[str, Any]) -> None:
    phone = next(v for v in page["audit"]["views"] if v["width"] == 390)
    assert phone["decisionBottom"] <= 844  # the first screen of a 390 x 844 phone
    assert phone["chartTextPx"] >= 12, phone["chartTextPx"]
    for caption in phone["captions"]:  # no caption wrapped one word a line
        assert caption["words"] == 1 or caption["lines"] < caption["words"], caption


def test_the_decision_at_a_glance_is_a_chart_of_every_program_with_words(page: dict[str, Any]) -> None:
    result = json.loads(run("quiz", "--defaults", *set_args(INFORMATICS_ON_A_BUDGET), "--json").stdout)
    (chart,) = [c for c in page["audit"]["views"][0]["charts"] if c["title"] == "Your decision at a glance"]
    assert chart["role"] == "img" and chart["lines"] == 0
    # Every program's score out of 100 and whether it fits, in the words a screen reader reads.
    for entry in result["ranking"]:
        fits = "fits your limits" if entry["eligible"] else "does not fit your limits"
        assert f"{entry['score']:.1f} of 100 points, {fits}" in chart["desc"], entry
    html = page["html"]
    svg = html[html.index('class="chart decision"'):]
    svg = svg[:svg.index("</svg>")]
    assert svg.count('<rect x="1"') == 2 * len(result["ranking"])  # a track and a bar each
    assert all(int(size) >= 12 for size in re.findall(r'font-size="(\d+)"', svg))


def test_each_source_work_is_listed_once_with_its_sections(page: dict[str, Any]) -> None:
    html = page["html"]
    sources = html[html.index('id="sources"'):]
    article = "HIM vs. Medical Billing and Coding: Explaining the Difference in 2026"
    assert sources.count(article) == 1
    cited = sorted({int(n) for n in re.findall(r'href="#source-(\d+)"', html)})
    targets = re.findall(r'id="source-(\d+)"', html)
    assert sorted(int(n) for n in targets) == cited  # every mark has one target, and no target is unused
    # The article gives no address (the programs file has none), so it is not a link; the others are.
    catalog = json.loads((ROOT / "data" / "programs.json").read_text(encoding="utf-8"))
    for source in catalog["sources"]:
        if source["url"] and source["title"] in sources:
            assert f'<a href="{source["url"]}">' in sources, source["id"]


def test_the_footer_names_the_method_notes() -> None:
    template = (ROOT / "src" / "pathfinder" / "layouts" / "templates" / "report.html.j2").read_text(encoding="utf-8")
    footer = template[template.index("<footer>"):]
    assert "docs/method.md" in footer and (ROOT / "docs" / "method.md").is_file()


def _printed(page: Path, paper: str, folder: Path) -> tuple[int, list[str]]:
    """The page printed by Chromium on ``paper`` (its print stylesheet, no header or footer): the number of pages
    and the text of each."""
    pdftotext, pdfinfo = shutil.which("pdftotext"), shutil.which("pdfinfo")
    chromium = next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)
    if pdftotext is None or pdfinfo is None or chromium is None:
        pytest.fail("Printing needs Chromium and poppler-utils (`python3 scripts/dev.py test` installs them: "
                    "apt-get install chromium poppler-utils).", pytrace=False)
    sized = folder / f"{paper}.html"
    sized.write_text(page.read_text(encoding="utf-8").replace("</head>", f"<style>@page {{ size: {paper}; }}</style>"
                                                              "</head>"), encoding="utf-8")
    pdf = folder / f"{paper}.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", sized.as_uri()], capture_output=True, timeout=120, check=True)
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    texts = [subprocess.run([pdftotext, "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True,
                            check=True).stdout for n in range(1, pages + 1)]
    return pages, [" ".join(text.split()) for text in texts]


@pytest.mark.parametrize("paper", ["letter", "A4"])
def test_printed_the_first_page_stands_alone(page: dict[str, Any], paper: str, tmp_path: Path) -> None:
    pages, texts = _printed(page["path"], paper, tmp_path)
    first = texts[0]
    view = page["audit"]["views"][0]
    why = view["text"][view["text"].index("\nWhy\n") + 5:view["text"].index("\nKey figures\n")]
    reasons = [" ".join(line.split()) for line in why.splitlines() if line.strip()]
    assert len(reasons) >= 2
    # The decision, every reason (its footnote marks aside), the key figures and the next step, on page one.
    # $5,000 and 12 months: nothing fits (the certificate's 9 months of school and the usual 4-6 months to a job
    # take 13 at the quickest), so the verdict is that nothing fits yet, with the nearest named.
    for expected in ("Medical Billing and Coding (MBC): Certificate or diploma", "Nothing fits your limits yet.",
                     "Key figures",
                     "Cost", "Next step", *(re.sub(r"\[\d+\]", "", r).strip() for r in reasons)):
        assert expected in re.sub(r"\[\d+\]", "", first), (paper, expected)
    # The appendix starts on a page of its own, and the report prints on far fewer pages than the ten of before.
    assert "Your answers" not in first and texts[1].startswith("Your answers")
    assert pages <= 8, pages
