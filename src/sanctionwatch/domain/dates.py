"""Dates at year, month or day grain ("2023", "2023-09", "2023-09-13") as day bounds.

The one definition every layer uses: clustering compares intervals, the store filters by
them, the timeline and charts place them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


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
