"""How figures become words: money, months, ranges, points and "not given". The one place for it.

Pure and small, so the core (scoring, advice) and every layout can import it. Every figure a
person reads goes through here, so a missing value always reads the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

NOT_GIVEN = "not given"


def money(value: float | None) -> str:
    """$7,000; -$3,000; 'not given'."""
    if value is None:
        return NOT_GIVEN
    return f"-${-value:,.0f}" if value < 0 else f"${value:,.0f}"


def money_span(low: float | None, high: float | None) -> str:
    """'$3,000-$17,000', '$7,000', 'up to $20,000', '$60,000 or more', 'not given'."""
    if low is None and high is None:
        return NOT_GIVEN
    if low is None:
        return f"up to {money(high)}"
    if high is None:
        return f"{money(low)} or more"
    return money(low) if low == high else f"{money(low)}-{money(high)}"


def number(value: float) -> str:
    """A count as people write it: 9, 13.5, 1,000."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}".rstrip("0").rstrip(".")


def months(value: float | None) -> str:
    """'1 month', '9 months', '13.5 months', 'not given'."""
    if value is None:
        return NOT_GIVEN
    return f"{number(value)} month" + ("" if value == 1 else "s")


def month_span(low: float | None, high: float | None, below: str = "up to") -> str:
    """'9-18 months', '24 months', 'up to 6 months', '12 months or more', 'not given'."""
    if low is None and high is None:
        return NOT_GIVEN
    if low is None:
        return f"{below} {months(high)}"
    if high is None:
        return f"{months(low)} or more"
    return months(low) if low == high else f"{number(low)}-{number(high)} months"


def span(low: float | None, high: float | None, unit: str = "") -> str:
    """A range from two figures in either order: '9-18', '$3,000-$17,000'; 'not given' if neither is known."""
    figures = sorted(v for v in (low, high) if v is not None)
    if not figures:
        return NOT_GIVEN
    a, b = figures[0], figures[-1]
    if unit == "usd":
        return money_span(a, b)
    if unit == "months":
        return month_span(a, b)
    return number(a) if a == b else f"{number(a)}-{number(b)}"


def pathway(short_name: str, pathway_name: str) -> str:
    """A program's pathway as it reads inside a sentence: 'MBC certificate or diploma', 'HIM associate degree'."""
    return f"{short_name} {pathway_name[0].lower()}{pathway_name[1:]}"


def to_points(tenths: int) -> float:
    """A score, weight or margin kept in tenths of a point (as scoring keeps them) in the points shown: 825 -> 82.5.
    The one place tenths become points."""
    return tenths / 10


def points(tenths: int | None) -> str:
    """A score or weight kept in tenths of a point, as shown: '82.5'."""
    return NOT_GIVEN if tenths is None else f"{to_points(tenths):.1f}"


def percent(value: float | None) -> str:
    return NOT_GIVEN if value is None else f"{number(value)}%"


def listing(items: Sequence[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if last == "then":
        return ", then ".join(items)
    # Items that hold commas themselves are set apart with semicolons, so the list stays readable.
    joiner = "; " if any(", " in i for i in items) else ", "
    final = f"; {last} " if joiner == "; " else f" {last} "
    return f"{joiner.join(items[:-1])}{final}{items[-1]}"


def years(value: float) -> str:
    return f"{number(value)} year" + ("" if value == 1 else "s")
