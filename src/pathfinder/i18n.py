"""The language pathfinder speaks: English, or Spanish from a gettext catalog, chosen once for a run.

How to wrap what a person reads (``from pathfinder.i18n import _, ngettext, pgettext, N_``):

- a sentence: ``_("Budget")``;
- with values: name the placeholders and fill them after translating, so a translation can move them:
  ``_("{label}: no such file").format(label=label)``, never ``_(f"...")`` or ``_("a") + x``;
- a count: ``ngettext("{count} line failed", "{count} lines failed", count).format(count=count)``;
- the same English that needs two Spanish words in two places: ``pgettext("report heading", "Sources")``;
- a module-level constant (translated too early at import): ``TITLE = N_("Budget")`` marks it for the
  catalog and stays English; translate it where it is shown, ``_(TITLE)``.

The language is chosen by ``choose_language`` (the CLI calls it as a run starts, with ``--lang`` if given),
else from LANGUAGE, LC_ALL, LC_MESSAGES and LANG. Catalogs are compiled ``.mo`` files in ``locale/``
beside this module, read with the standard library's gettext: Babel is only needed to build them.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "pathfinder"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
ENGLISH = "en"
LANGUAGES = ("en", "es")  # English is the source language: it needs no catalog
# A developer's switch for the pseudo-locale test: a compiled catalog whose every message is marked, used for
# the language "xx" (LANGUAGE=xx). Unset for everyone else, and then "xx" is just an unknown language.
PSEUDO_VARIABLE = "PATHFINDER_PSEUDO"
PSEUDO = "xx"
ENVIRONMENT_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = ENGLISH
_loaded: dict[Path, gettext.NullTranslations] = {}  # by catalog file, read once
_every: dict[str, gettext.NullTranslations] = {}  # by language, for in_every_language (none when unreadable)


def _(message: str) -> str:
    """``message`` in the chosen language (unchanged in English, or when the catalog lacks it)."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, in the chosen language's own plural rule."""
    return _current.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` as translated in ``context``: the same English can need different words in two places."""
    return _current.pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - the name gettext's tools look for
    """Mark ``message`` for the catalog without translating it yet (for module-level constants); translate it
    with ``_(message)`` where it is shown."""
    return message


def language() -> str:
    """The code of the language in use: ``en`` or ``es`` (``xx`` in the pseudo-locale test)."""
    return _language


class MissingCatalog(Exception):
    """The compiled catalog of a language pathfinder speaks is not where it should be (a broken install)."""


def set_language(code: str) -> None:
    """Speak ``code`` from now on. Raises ValueError for a language pathfinder does not speak, and
    MissingCatalog when its compiled catalog is missing (English is then kept)."""
    global _current, _language
    if code not in _known():
        raise ValueError(f"unknown language {code!r}; pathfinder speaks {', '.join(LANGUAGES)}")
    if code == ENGLISH:
        _current, _language = gettext.NullTranslations(), code
        return
    path = Path(os.environ[PSEUDO_VARIABLE]) if code == PSEUDO else catalog_path(code)
    if path not in _loaded:
        _loaded[path] = _load(code, path)
    _current, _language = _loaded[path], code


def in_every_language(message: str) -> tuple[str, ...]:
    """``message`` in each language pathfinder speaks, English first, whatever the run's language: for reading
    what a person typed, or a form's header, in any of them. A catalog that cannot be read is skipped."""
    found = [message]
    for code in LANGUAGES:
        if code == ENGLISH:
            continue
        if code not in _every:
            try:
                _every[code] = _load(code, catalog_path(code))
            except MissingCatalog:
                _every[code] = gettext.NullTranslations()
        text = _every[code].gettext(message)
        if text not in found:
            found.append(text)
    return tuple(found)


def choose_language(requested: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Set the language for a run: ``requested`` (``--lang``) when it is one pathfinder speaks, else the one the
    environment asks for; returns its code. When that language's catalog is missing, English is set and
    MissingCatalog raised, for the caller to say so."""
    environ = os.environ if environ is None else environ
    code = requested if requested in _known(environ) else language_from_environment(environ)
    try:
        set_language(code)
    except MissingCatalog:
        set_language(ENGLISH)
        raise
    return code


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, as gettext reads it: LANGUAGE (a list such as ``es:en``, whose first
    language pathfinder speaks wins), then the first of LC_ALL, LC_MESSAGES and LANG that is set, where ``es`` or
    ``es_*`` means Spanish and anything else (``C``, ``fr_FR``, ``en_US.UTF-8``) English."""
    environ = os.environ if environ is None else environ
    known = _known(environ)
    for entry in environ.get("LANGUAGE", "").split(":"):
        code = _code(entry)
        if code in known:
            return code
    for name in ENVIRONMENT_VARIABLES[1:]:
        value = environ.get(name, "")
        if value:
            code = _code(value)
            return code if code in known else ENGLISH
    return ENGLISH


def catalog_path(code: str) -> Path:
    """Where the compiled catalog of ``code`` is read from."""
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo"


def _code(locale_name: str) -> str:
    """``es_US.UTF-8`` -> ``es``; ``C`` -> ``c``."""
    return locale_name.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].casefold()


def _known(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    environ = os.environ if environ is None else environ
    return (*LANGUAGES, PSEUDO) if environ.get(PSEUDO_VARIABLE) else LANGUAGES


def _load(code: str, path: Path) -> gettext.NullTranslations:
    try:
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except (OSError, ValueError) as exc:  # ValueError: gettext's word for a file that is not a catalog
        raise MissingCatalog(f"the {code} catalog {path} cannot be read ({exc}); showing English. Reinstall "
                             "pathfinder, or in a source checkout run `python3 scripts/dev.py i18n compile`") from None

