"""How figures become words: money, months, ranges, points and "not given". The one place for it.

Pure and small, so the core (scoring, advice) and every layout can import it. Every figure a
person reads goes through here, so a missing value always reads the same way. The words are in the run's
language; the figures keep their US form in every language ($5,000, 13.5, 16%), as the glossary says.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from pathfinder.i18n import N_, _, ngettext, pgettext

# TRANSLATORS: a figure no source gives, in a table cell or inside a sentence.
NOT_GIVEN = N_("not given")  # marked only: translate where it is shown, with not_given()


def not_given() -> str:
    """'not given', in the run's language."""
    return _(NOT_GIVEN)


def whole_dollars(amount: float) -> int:
    """An amount in the whole dollars shown and compared: a half dollar rounds up ($6,500.50 is $6,501). The one
    place dollars become whole: the scoring reads a budget so, and ``money`` shows it so."""
    return math.floor(float(amount) + 0.5)


def money(value: float | None) -> str:
    """$7,000; -$3,000; 'not given' (in whole dollars, a half dollar up)."""
    if value is None:
        return not_given()
    return f"-${-whole_dollars(value):,}" if value < 0 else f"${whole_dollars(value):,}"


def money_span(low: float | None, high: float | None) -> str:
    """'$3,000-$17,000', '$7,000', 'up to $20,000', '$60,000 or more', 'not given'."""
    if low is None and high is None:
        return not_given()
    if low is None:
        return pgettext("figure", "up to {figure}").format(figure=money(high))
    if high is None:
        return pgettext("figure", "{figure} or more").format(figure=money(low))
    return money(low) if low == high else f"{money(low)}-{money(high)}"


def cost_span(low: float | None, high: float | None, tuition_only: bool = False) -> str:
    """'$3,000-$17,000', or '$7,000-$25,000 in tuition' when a source prices the tuition alone (never a cost "in
    all" for tuition alone): the one place a cost says so, for the tables and the two-step path."""
    figure = money_span(low, high)
    return _("{cost} in tuition").format(cost=figure) if tuition_only and low is not None else figure


def number(value: float) -> str:
    """A count as people write it: 9, 13.5, 1,000."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}".rstrip("0").rstrip(".")


def _count(value: float) -> int:
    """The whole number that picks a plural form for ``value``: a fraction (13.5) takes the plural, as English
    and Spanish write it ("13.5 months", "13.5 meses")."""
    return int(value) if float(value).is_integer() else 2


def months(value: float | None) -> str:
    """'1 month', '9 months', '13.5 months', 'not given'."""
    if value is None:
        return not_given()
    return ngettext("{count} month", "{count} months", _count(value)).format(count=number(value))


def month_span(low: float | None, high: float | None, below: str = "up to") -> str:
    """'9-18 months', '24 months', 'up to 6 months' (or 'under 6 months' with ``below="under"``), '12 months or
    more', 'not given'."""
    if low is None and high is None:
        return not_given()
    if low is None:
        limit = pgettext("figure", "under {figure}") if below == "under" else pgettext("figure", "up to {figure}")
        return limit.format(figure=months(high))
    if high is None:
        return pgettext("figure", "{figure} or more").format(figure=months(low))
    if low == high:
        return months(low)
    # TRANSLATORS: a range of months, such as "9-18 months"; {low} and {high} are numbers.
    return _("{low}-{high} months").format(low=number(low), high=number(high))


def span(low: float | None, high: float | None, unit: str = "") -> str:
    """A range from two figures in either order: '9-18', '$3,000-$17,000'; 'not given' if neither is known."""
    figures = sorted(v for v in (low, high) if v is not None)
    if not figures:
        return not_given()
    a, b = figures[0], figures[-1]
    if unit == "usd":
        return money_span(a, b)
    if unit == "months":
        return month_span(a, b)
    return number(a) if a == b else f"{number(a)}-{number(b)}"


def pathway(short_name: str, pathway_name: str) -> str:
    """A program's pathway as it reads inside a sentence: 'MBC certificate or diploma', 'HIM associate degree'."""
    # TRANSLATORS: a program's pathway inside a sentence: {program} is the program's short name (HIM, MBC),
    # {pathway} the pathway's name with a small first letter ("associate degree").
    return _("{program} {pathway}").format(program=short_name, pathway=f"{pathway_name[0].lower()}{pathway_name[1:]}")


def to_points(tenths: int) -> float:
    """A score, weight or margin kept in tenths of a point (as scoring keeps them) in the points shown: 825 -> 82.5.
    The one place tenths become points."""
    return tenths / 10


def points(tenths: int | None) -> str:
    """A score or weight kept in tenths of a point, as shown: '82.5' (a figure: the same in every language)."""
    return not_given() if tenths is None else f"{to_points(tenths):.1f}"


def percent(value: float | None) -> str:
    """'16%' (the US form, in every language); 'not given'."""
    return not_given() if value is None else f"{number(value)}%"


# Spanish writes "e" for "y" before a word that starts with the sound i ("gestión e informática"), and "u" for
# "o" before one that starts with the sound o ("siete u ocho"): the catalog gives each its own message, picked
# here by the next item's first letters (in English both read "and" and "or").
_SOUND_I = re.compile(r"h?[iíIÍ](?![aeouáéóúAEOUÁÉÓÚ])")
_SOUND_O = re.compile(r"h?[oóOÓ]")


def listing(items: Sequence[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (``last`` is "and", "or" or "then": 'a, then b, then c'), in the run's
    language."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if last == "then":
        joined = items[0]
        for item in items[1:]:
            # TRANSLATORS: steps one after another: "the certificate, then the associate degree".
            joined = pgettext("listing", "{earlier}, then {later}").format(earlier=joined, later=item)
        return joined
    # Three or more items that hold commas themselves are set apart with semicolons, so the list stays readable:
    # "a; b; and c". Two need none: "books, lab and exam fees and general-education courses".
    semicolons = len(items) > 2 and any(", " in i for i in items)
    earlier = "; ".join(items[:-1]) + ";" if semicolons else ", ".join(items[:-1])
    return _last_pair(earlier, items[-1], last)


def _last_pair(items: str, final: str, last: str) -> str:
    if last == "or":
        if _SOUND_O.match(final):
            # TRANSLATORS: the last item starts with the sound o: Spanish writes "u" ("siete u ocho").
            message = pgettext("listing, before the sound o", "{items} or {last}")
        else:
            message = pgettext("listing", "{items} or {last}")
    elif _SOUND_I.match(final):
        # TRANSLATORS: the last item starts with the sound i: Spanish writes "e" ("gestión e informática").
        message = pgettext("listing, before the sound i", "{items} and {last}")
    else:
        message = pgettext("listing", "{items} and {last}")
    return message.format(items=items, last=final)


def years(value: float) -> str:
    """'1 year', '10 years', '2.5 years'."""
    return ngettext("{count} year", "{count} years", _count(value)).format(count=number(value))
