#!/usr/bin/env python3
"""Remake the README's screenshots in docs/ with headless Chromium.

    .venv/bin/python scripts/screenshots.py             # English: docs/terminal.png, report.png, report-phone.png
    .venv/bin/python scripts/screenshots.py --lang es   # Spanish, beside them: docs/terminal-es.png, ...

docs/terminal.png: what `pathfinder quiz` prints at 80 columns, the one-screen summary, in colour (drawn
    from the real output with Rich's SVG export).
docs/report.png: the HTML report (`quiz --export report.html`) at desktop width, 1200 px.
docs/report-phone.png: the same page at phone width, 390 px.

The answers: a $5,000 budget, 12 months, an informatics goal and an analytical learner; the rest at their
defaults. Everything runs the installed `pathfinder` next to this Python, as a person would.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PATHFINDER = str(Path(sys.executable).parent / "pathfinder")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         "--force-device-scale-factor=1"]
QUIZ = [PATHFINDER, "quiz", "--defaults", "--set", "budget_usd=5000", "--set", "timeline_months=12",
        "--set", "goal=informatics", "--set", "learning_style=analytical"]
TERMINAL_WIDTH = 80


def shoot(browser: str, page: Path, target: Path, size: tuple[int, int], profile: Path) -> None:
    subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={target}",
                    f"--window-size={size[0]},{size[1]}", page.resolve().as_uri()],
                   check=True, capture_output=True, timeout=120)
    print(f"wrote {target.relative_to(ROOT)}", file=sys.stderr)


def terminal_svg(lang: str) -> tuple[str, float]:
    """The quiz's summary as the terminal shows it, as an SVG, and its height over its width."""
    from rich.console import Console
    from rich.text import Text

    env = {**os.environ, "COLUMNS": str(TERMINAL_WIDTH), "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    shown = subprocess.run([QUIZ[0], "--lang", lang, *QUIZ[1:]], capture_output=True, text=True, env=env,
                           check=True).stdout
    console = Console(file=io.StringIO(), width=TERMINAL_WIDTH, record=True, force_terminal=True,
                      color_system="truecolor")
    console.print(Text.from_ansi(shown), end="")
    svg = console.export_svg(title="pathfinder quiz")
    svg = re.sub(r',\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)', "", svg)  # no fetched fonts
    box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    assert box is not None
    return svg, float(box.group(2)) / float(box.group(1))


def main(argv: list[str]) -> int:
    lang = argv[1] if argv[:1] == ["--lang"] and len(argv) > 1 else "en"
    if lang not in ("en", "es"):
        print("screenshots: --lang takes en or es", file=sys.stderr)
        return 2
    suffix = "" if lang == "en" else f"-{lang}"
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("screenshots: Chromium is needed (apt-get install -y chromium)", file=sys.stderr)
        return 1
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        svg, ratio = terminal_svg(lang)
        page = folder / "terminal.svg"
        page.write_text(svg, encoding="utf-8")
        shoot(browser, page, DOCS / f"terminal{suffix}.png", (900, round(900 * ratio)), folder / "profile")

        report = folder / "report.html"
        subprocess.run([QUIZ[0], "--lang", lang, *QUIZ[1:], "--export", str(report)], capture_output=True,
                       check=True)
        shoot(browser, report, DOCS / f"report{suffix}.png", (1200, 1500), folder / "profile")
        shoot(browser, report, DOCS / f"report-phone{suffix}.png", (390, 1500), folder / "profile")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
