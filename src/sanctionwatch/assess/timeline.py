"""Time values as day intervals, so claims at year, month and day grain can be compared."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from sanctionwatch.domain import TimeValue

Interval = tuple[dt.date, dt.date]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_bound(value: str | None, *, upper: bool) -> dt.date | None:
    """First (or, with ``upper``, last) day of "2023", "2023-09" or "2023-09-13"."""
    if not value:
        return None
    found = _ISO.match(value.strip()[:10])
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
    except ValueError:
        return None


def to_interval(start: str | None, end: str | None) -> Interval | None:
    """Closed day interval; an open start ("until 2024") reaches back to the earliest date."""
    lo = parse_bound(start, upper=False)
    hi = parse_bound(end or start, upper=True)
    if lo is None and hi is None:
        return None
    if lo is None:
        lo = dt.date.min
    if hi is None:
        # An unparseable end with a good start: the start's own grain bounds it.
        hi = parse_bound(start, upper=True) or lo
    return (lo, hi) if lo <= hi else (hi, lo)


def time_interval(time: TimeValue | None) -> Interval | None:
    if time is None:
        return None
    return to_interval(time.start, time.end)


def overlaps(a: Interval, b: Interval) -> bool:
    """Grain-aware: "2023" overlaps "2023-09", which overlaps "2023-09-13"."""
    return a[0] <= b[1] and b[0] <= a[1]


def span_of(intervals: list[Interval]) -> Interval | None:
    if not intervals:
        return None
    return min(i[0] for i in intervals), max(i[1] for i in intervals)
