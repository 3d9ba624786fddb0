#!/usr/bin/env python3
"""Remake the README's screenshots in docs/ with headless Chromium.

    .venv/bin/python scripts/screenshots.py

docs/report.png: the HTML export (`quiz --export report.html`) at 1200 px wide.
docs/terminal.png: the money-and-time part of the same result as a terminal shows it (Rich's SVG export).
The answers are the issue's example: budget $5,000, 12 months, informatics, analytical.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
WIDTH = 1200
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
ANSWERS = {"budget_usd": 5000, "timeline_months": 12, "goal": "informatics", "learning_style": "analytical"}


def shoot(browser: str, page: Path, target: Path, height: int, profile: Path) -> None:
    subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={target}",
                    f"--window-size={WIDTH},{height}", page.resolve().as_uri()],
                   check=True, capture_output=True, timeout=120)
    print(f"wrote {target.relative_to(ROOT)}", file=sys.stderr)


def main() -> int:
    from rich.console import Group

    from pathfinder.advice import advise
    from pathfinder.catalog import load_catalog
    from pathfinder.questions import defaults
    from pathfinder.render import (
        EXPORT_WIDTH,
        changes_view,
        export_document,
        make_console,
        projection_view,
        stackable_view,
    )

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("screenshots: Chromium is needed (apt-get install -y chromium)", file=sys.stderr)
        return 1
    catalog = load_catalog()
    result = advise({**defaults(), **ANSWERS}, catalog)
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        report = folder / "report.html"
        report.write_text(export_document(result, catalog, "html"), encoding="utf-8")
        shoot(browser, report, DOCS / "report.png", 2400, folder / "profile")

        console = make_console(io.StringIO(), width=EXPORT_WIDTH, record=True)
        console.print(Group(projection_view(result, catalog, console), stackable_view(result, catalog, console),
                            changes_view(result)))
        svg = console.export_svg(title="pathfinder quiz: money and time")
        svg = re.sub(r',\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)', "", svg)
        box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
        assert box is not None
        height = round(float(box.group(2)) * WIDTH / float(box.group(1)))
        page = folder / "terminal.svg"
        page.write_text(svg, encoding="utf-8")
        shoot(browser, page, DOCS / "terminal.png", height, folder / "profile")
    return 0


if __name__ == "__main__":
    sys.exit(main())
