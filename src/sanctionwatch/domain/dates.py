"""Dates at year, month or day grain ("2023", "2023-09", "2023-09-13") as day bounds.

The one definition every layer uses: clustering compares intervals, the store filters by
them, the timeline and charts place them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ISO_WHOLE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_problem(value: str) -> str | None:
    """Why ``value`` is not a calendar date at year, month or day grain, or ``None`` if it is.

    A filter that only looks like a date ("2024-13", "0000", "2024-02-30") must be refused
    with its reason before it reaches a query, where it would match nothing or fail.
    """
    found = _ISO_WHOLE.fullmatch(value)
    if not found:
        return f"must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}"
    year, month, day = (int(part) if part else None for part in found.groups())
    if year == 0:
        return f"{value!r} has year 0000, which no calendar has: years start at 0001"
    if month is not None and not 1 <= month <= 12:
        return f"{value!r} has month {month:02d}: months run from 01 to 12"
    if month is not None and day is not None:
        days = calendar.monthrange(year or 1, month)[1]
        if not 1 <= day <= days:
            return f"{value!r} has day {day:02d}: that month has {days} days"
    return None


def first_day(value: str | None) -> dt.date | None:
    """The first day ``value`` can mean, or ``None`` when it is missing or not ISO."""
    return _bound(value, upper=False)


def last_day(value: str | None) -> dt.date | None:
    """The last day ``value`` can mean, or ``None`` when it is missing or not ISO."""
    return _bound(value, upper=True)


def _bound(value: str | None, *, upper: bool) -> dt.date | None:
    found = _ISO.match((value or "").strip()[:10])
    if not found:
        return None
    year, month, day = found.groups()
    try:
        if day:
            return dt.date(int(year), int(month), int(day))
        if month:
            last = calendar.monthrange(int(year), int(month))[1] if upper else 1
            return dt.date(int(year), int(month), last)
        return dt.date(int(year), 12, 31) if upper else dt.date(int(year), 1, 1)
    except (ValueError, calendar.IllegalMonthError):
        return None
