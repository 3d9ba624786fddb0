"""The HTML export opened in a real browser: headless Chromium (Debian's chromium package).

This test fails, not skips, when Chromium is missing: .ci/run installs it on a fresh machine.
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from insight_helpers import INFORMATICS_ON_A_BUDGET, run, set_args

CHROMIUM_NAMES = ("chromium", "chromium-browser")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync")


def chromium() -> str:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium is not installed, and the HTML export test needs it. Install it with "
                "`apt-get update && apt-get install -y chromium` (Debian/Ubuntu, as root); `python3 scripts/dev.py test` does this.",
                pytrace=False)


class _Text(HTMLParser):
    """The visible text of a page and its title."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.title = ""
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if "title" in self._in:
            self.title += data
        elif "style" not in self._in:
            self.parts.append(data)


def test_html_export_opens_in_chromium_with_the_recommendation_and_the_table(tmp_path: Path) -> None:
    browser = chromium()
    report = tmp_path / "report.html"
    result = run("quiz", "--defaults", *set_args(INFORMATICS_ON_A_BUDGET), "--export", str(report))
    assert result.exit_code == 0, result.output
    profile = tmp_path / "profile"
    shown = subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", report.resolve().as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert shown.returncode == 0, shown.stderr[-2000:]
    page = _Text()
    page.feed(shown.stdout)
    text = "".join(page.parts)
    lines = text.splitlines()
    assert page.title == "pathfinder recommendation"
    assert "Recommended: Medical Billing and Coding - Certificate or diploma" in text
    assert "Confidence: lean" in text
    # The side-by-side table, drawn as in the terminal: a bordered row with both programs' figures.
    assert "Programs side by side" in text
    salary = next(line for line in lines if "Early salary" in line)
    assert salary.count("\u2502") == 4 and "$42,000-$58,000 a year" in salary and "$50,000-$65,000 a year" in salary
    assert "How each program scored" in text and "Money and time over 10 years" in text
    assert "A two-step path toward HIM" in text
