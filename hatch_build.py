"""A build step: compile the message catalogs (``.po``, kept in the repository) into the ``.mo`` files pathfinder
reads at run time with the standard library's gettext.

hatchling runs it for every wheel, editable or not (``[tool.hatch.build.hooks.custom]`` in pyproject.toml), with
Babel from ``[build-system] requires``. Each ``.mo`` is written beside its ``.po`` (git ignores it), which is
where an editable install reads it; a regular wheel also gets it added, since hatchling leaves out files git
ignores. ``python3 scripts/dev.py i18n compile`` runs the same function in a checkout.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE_PARENT = Path("src")
LOCALE = PACKAGE_PARENT / "pathfinder" / "locale"


def compile_catalogs(root: Path) -> list[Path]:
    """Compile every ``locale/<lang>/LC_MESSAGES/<domain>.po`` under ``root`` to the ``.mo`` beside it; return
    them. Fuzzy entries are left out (they show in English), as gettext's own msgfmt does."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        mo = po.with_suffix(".mo")
        temporary = mo.with_name(mo.name + ".tmp")
        with temporary.open("wb") as handle:
            write_mo(handle, catalog)
        os.replace(temporary, mo)
        written.append(mo)
    return written


class CompileCatalogs(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return  # an sdist carries the .po files; the wheel built from it compiles them
        root = Path(self.root)
        for mo in compile_catalogs(root):
            if version != "editable":  # an editable install reads the .mo in the source tree itself
                build_data["force_include"][str(mo)] = mo.relative_to(root / PACKAGE_PARENT).as_posix()
