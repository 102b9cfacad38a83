"""Whether a claim can be part of an incident at all: actors, time, figures, details.

These are the hard rules of ``cluster`` (every one must hold) and the details that tie a
report to an incident (a figure within ``FIGURE_MATCH``, a specific item class).
"""

from __future__ import annotations

import datetime as dt

from sanctionwatch.assess.events import SYMMETRIC, EventFacts
from sanctionwatch.assess.profiles import Profile
from sanctionwatch.assess.timeline import Interval, overlaps
from sanctionwatch.domain import Quantity

ACTIVITY_GAP_DAYS = 92
"""An activity reported within this many days of its campaign's period continues it."""
RECENT_DAYS = 365
"""An undated report joins an event that ended at most this long before it was published."""
ACT_RECENT_DAYS = 92
"""An undated report of an act ("the new sanctions") is that act on time alone only when
written this soon after it: a year later, it may tell of any act since."""
COARSE_DAYS = 31
"""A date wider than this (a year, a range of years) says little more than no date."""
PASSAGE_CHARS = 6000
"""A claim lacking a party or a date ties to its own report only this near a member: a
long paper tells many events of one kind, and its far pages are not one passage."""
FIGURE_FACTOR = 10.0
"""Figures of an act further apart than this are different events, not a dispute."""
FIGURE_MATCH = 1.25
"""Figures this close are the same detail ("$1.46 billion", "$1.5 billion")."""


def actors_fit(facts: EventFacts, profile: Profile) -> bool:
    """Participants may be a subset (a report names two of three); directed roles agree."""
    if not (facts.parties & profile.parties) and facts.parties and profile.parties:
        return False
    if profile.type in SYMMETRIC:
        return _nested(facts.sources, profile.sources)
    return _agree(facts.sources, profile.sources) and _agree(facts.targets, profile.targets)


def _agree(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or a == b


def width_of(interval: Interval) -> int:
    if interval[0] == dt.date.min:
        return RECENT_DAYS * 10
    return (interval[1] - interval[0]).days + 1


def dates_agree(facts: EventFacts, profile: Profile) -> bool:
    """The same period, or an undated report beside one dated to a day (its details)."""
    interval, window = facts.interval, profile.window
    if interval is None or window is None:
        dated = interval or window
        return dated is None or dated[0] == dated[1]
    return interval == window


def actors_nested(facts: EventFacts, profile: Profile) -> bool:
    """Roles that differ only by a party more or less.

    Extractors add or miss a party in lists; such a claim may still report the incident,
    but only a strong tie (its own report, a name, a detail) joins it. A flow's state
    named in the role opposite to the incident's is no nesting but the other direction
    (``crosses``).
    """
    if crosses(facts, profile):
        return False
    if profile.type in SYMMETRIC and facts.parties and facts.parties <= profile.parties:
        return True
    return _nested(facts.sources, profile.sources) and _nested(facts.targets, profile.targets)


def crosses(facts: EventFacts, profile: Profile) -> bool:
    """A state the claim puts on one side of a flow that the incident has only on the other.

    The DPRK procuring technology and the DPRK selling it are two events, though each
    report names the DPRK alone and a role left empty fits any. A flow read without
    direction (every state in one role) crosses nothing.
    """
    if profile.type in SYMMETRIC or facts.directionless:
        return False
    return bool(
        facts.sources & (profile.targets - profile.sources)
        or facts.targets & (profile.sources - profile.targets)
    )


def _nested(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or a <= b or b <= a


def time_fits(facts: EventFacts, profile: Profile) -> bool:
    window, interval = profile.window, facts.interval
    if interval is not None and window is not None:
        if profile.is_act:
            return overlaps(interval, window)
        gap = dt.timedelta(days=ACTIVITY_GAP_DAYS)
        wide = (_shift(window[0], -gap), _shift(window[1], gap))
        return overlaps(interval, wide)
    if interval is None and window is not None and facts.published is not None:
        # An undated report tells of an event already begun, and of a campaign still
        # recent when it was written.
        recent = profile.is_act or (facts.published - window[1]).days <= RECENT_DAYS
        return window[0] <= facts.published and recent
    if interval is not None and window is None and profile.published is not None:
        return interval[0] <= profile.published
    return True


def _shift(day: dt.date, delta: dt.timedelta) -> dt.date:
    try:
        return day + delta
    except OverflowError:
        return day


def shares_detail(facts: EventFacts, profile: Profile) -> bool:
    """A specific item class or a close figure, with time known on both sides."""
    if (facts.interval is None and facts.published is None) or (
        profile.window is None and profile.published is None
    ):
        return False
    if facts.items and profile.items and facts.items & profile.items:
        return True
    q = facts.quantity
    return q is not None and any(
        m.quantity is not None
        and (m.quantity.unit, m.quantity.rate) == (q.unit, q.rate)
        and _close(q, m.quantity)
        for m in profile.members
    )


def _close(a: Quantity, b: Quantity) -> bool:
    lo_a, hi_a = a.low or a.high, a.high or a.low
    lo_b, hi_b = b.low or b.high, b.high or b.low
    if not lo_a or not lo_b or not hi_a or not hi_b:
        return False
    return min(hi_a, hi_b) * FIGURE_MATCH >= max(lo_a, lo_b)


def _ranges_meet(a: Quantity, b: Quantity) -> bool:
    lo_a, hi_a = a.low or 0.0, a.high if a.high is not None else float("inf")
    lo_b, hi_b = b.low or 0.0, b.high if b.high is not None else float("inf")
    return lo_a <= hi_b and lo_b <= hi_a


def figures_fit(a: Quantity | None, b: Quantity | None) -> bool:
    """Same unit and rate: ranges must overlap or lie within ``FIGURE_FACTOR`` of each other."""
    if a is None or b is None or (a.unit, a.rate) != (b.unit, b.rate):
        return True
    if _ranges_meet(a, b):
        return True
    hi_a = a.high if a.high is not None else float("inf")
    hi_b = b.high if b.high is not None else float("inf")
    lo_a, lo_b = a.low or 0.0, b.low or 0.0
    below, above = (hi_a, lo_b) if hi_a < lo_b else (hi_b, lo_a)
    return below > 0 and above / below <= FIGURE_FACTOR
