"""Day-grain bounds of ISO dates given at year, month or day grain.

``2023`` covers 2023-01-01..2023-12-31 and ``2023-02`` covers 2023-02-01..2023-02-28, as ISO
strings so that plain string comparison does the filtering (``domain.dates`` defines them).
"""

from __future__ import annotations

from sanctionwatch.domain.dates import date_problem, first_day, last_day
from sanctionwatch.domain.errors import InputError

BAD_DATE = "E423"


def lower_bound(value: str | None) -> str | None:
    """First day the value can mean, or ``None`` when it is missing or not an ISO date."""
    day = first_day(value)
    return day.isoformat() if day else None


def upper_bound(value: str | None) -> str | None:
    """Last day the value can mean, or ``None`` when it is missing or not an ISO date."""
    day = last_day(value)
    return day.isoformat() if day else None


def parse_bound(value: str, *, name: str) -> str:
    """Validate a user-given ``since``/``until``; a typo must not silently match nothing."""
    problem = date_problem(value)
    if problem:
        raise InputError(f"{name} {problem}", code=BAD_DATE)
    return value


def interval_bounds(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """Bounds of an interval where one side may be unknown: it then stands for both."""
    lo = lower_bound(start) or lower_bound(end)
    hi = upper_bound(end) or upper_bound(start)
    return lo, hi
