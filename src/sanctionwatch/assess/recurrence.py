"""How often a kind of event recurs between the same parties, learned from the reports.

Kim–Putin summits are rare; US–ROK consultations are weekly. Whether "a meeting between
them in June 2024" in two reports is one meeting depends on that: time alone may tie two
reports only when fewer than ``MAX_EXPECTED`` distinct events of the kind are expected in
the period both allow.

The rate is counted from claims that name every party and are dated to a day or a month:
their periods, merged where they overlap, are the distinct occurrences; the days from the
earliest to the latest period any kind reaches are the time observed (at least a year).
A kind never seen counts as one occurrence, so a first report is not taken as unique.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sanctionwatch.assess.events import EventFacts
from sanctionwatch.assess.timeline import Interval

MAX_EXPECTED = 0.5
"""Time alone ties two reports when fewer distinct events than this are expected."""
MIN_SPAN_DAYS = 365
_FINE = 31
"""Periods at most this long (a day, a month) count; a year says too little."""


@dataclass(slots=True)
class Recurrence:
    """Observed periods per kind (``EventFacts.kind()``) and the counts that follow."""

    periods: dict[str, set[Interval]] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=dict)
    span: tuple[dt.date, dt.date] | None = None
    """The earliest and latest day any kind reaches (a store may give it)."""

    def observe(self, kind: str, period: Interval) -> bool:
        """Add one period; ``True`` if it was new."""
        known = self.periods.setdefault(kind, set())
        if period in known:
            return False
        known.add(period)
        self._counts.pop(kind, None)
        lo, hi = self.span or period
        self.span = (min(lo, period[0]), max(hi, period[1]))
        return True

    def occurrences(self, kind: str | None) -> int:
        if kind is None:
            return 1
        if kind not in self._counts:
            self._counts[kind] = max(1, _merged_count(self.periods.get(kind, set())))
        return self._counts[kind]

    def span_days(self) -> int:
        if self.span is None:
            return MIN_SPAN_DAYS
        return max(MIN_SPAN_DAYS, (self.span[1] - self.span[0]).days + 1)

    def expected(self, kind: str | None, days: int) -> float:
        """Distinct events of ``kind`` expected in ``days`` days at the observed rate."""
        return self.occurrences(kind) * max(days, 1) / self.span_days()

    def rare_within(self, kind: str | None, days: int) -> bool:
        return self.expected(kind, days) < MAX_EXPECTED


def observation_of(facts: EventFacts) -> tuple[str, Interval] | None:
    """The (kind, period) a supporting claim contributes, if it is fine-grained and full."""
    kind = facts.kind()
    interval = facts.interval
    if kind is None or interval is None or facts.contradicts:
        return None
    if (interval[1] - interval[0]).days + 1 > _FINE:
        return None
    return kind, interval


def learn_recurrence(facts: Iterable[EventFacts]) -> Recurrence:
    recurrence = Recurrence()
    for item in facts:
        found = observation_of(item)
        if found is not None:
            recurrence.observe(*found)
    return recurrence


def _merged_count(periods: set[Interval]) -> int:
    count, reach = 0, dt.date.min
    for lo, hi in sorted(periods):
        if lo > reach:
            count += 1
        reach = max(reach, hi)
    return count
