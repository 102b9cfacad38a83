"""Time values as day intervals, so claims at year, month and day grain can be compared."""

from __future__ import annotations

import datetime as dt

from sanctionwatch.domain import TimeValue
from sanctionwatch.domain.dates import first_day, last_day

Interval = tuple[dt.date, dt.date]


def parse_bound(value: str | None, *, upper: bool) -> dt.date | None:
    """First (or, with ``upper``, last) day of "2023", "2023-09" or "2023-09-13"."""
    return last_day(value) if upper else first_day(value)


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
