"""Group claims about the same real-world event into incidents, one claim at a time.

A claim is compared only with the incidents a blocking index gives for it (its type with
each of its actors, anchors and years, and its document; see ``events.blocking_keys``).
It joins the best one it fits, or starts one. The same ``Clusterer`` serves a full
rebuild (every claim, most specific first) and an incremental ingest (incidents that the
new claims' keys reach are restored from the store, the new claims added, and only the
incidents that changed written back).

**Fitting** (every one must hold): the same type; actors that agree where both name them
(a role one leaves empty fits any, a participant list may be the other's subset, and at
least one actor is shared); times that meet at each report's own grain (for an act, every
dated report shares a day; an activity may run on, so a report within
``ACTIVITY_GAP_DAYS`` of the campaign's period fits); an undated report cannot tell of an
event that began after it was published; item classes that agree ("shells" fits
"ammunition", not "missiles"); and for acts, figures within ``FIGURE_FACTOR``.

**Joining** also needs a reason to think it is the same event, not just a similar one:

1. the same document (the sentences of one report about one event are one incident; an
   undated sentence joins the nearest compatible passage), or a syndicated copy;
2. a shared anchor: a place, organisation, name or resolution number in both;
3. a shared specific detail: a figure within 25 %, or the same specific item class;
4. time: for acts, fewer than half a distinct event of the kind (type and parties) is
   expected in the days both reports allow, at the rate learned from the data
   (``recurrence``); for activities, the reports are of one campaign; an undated report
   joins the most recent such event before its publication.

A claim missing an actor joins on time alone only when exactly one incident fits it.
Denials and negations join the incident they contradict (never changing its time), or
stand as an incident of their own. Within a campaign (an activity reported over more
than ``EPISODE_MIN_DAYS``), the reports dated to one day are also an *episode*: a child
incident whose ``parent`` is the campaign (see ``episodes``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sanctionwatch.assess.events import (
    ACTS,
    CONTRADICTING,
    SYMMETRIC,
    EventFacts,
    blocking_keys,
    read_facts,
)
from sanctionwatch.assess.items import ItemClasses, common_classes
from sanctionwatch.assess.recurrence import Recurrence, learn_recurrence, observation_of
from sanctionwatch.assess.sources import DocumentInfo
from sanctionwatch.assess.timeline import Interval, overlaps
from sanctionwatch.domain import Claim, ClaimType, Quantity

CLUSTERER = "cluster.events@v3"
ACTIVITY_GAP_DAYS = 92
"""An activity reported within this many days of its campaign's period continues it."""
RECENT_DAYS = 365
"""An undated report joins an event that ended at most this long before it was published."""
FIGURE_FACTOR = 10.0
"""Figures of an act further apart than this are different events, not a dispute."""
MAX_ANCHOR_SHARE = 2
"""A name more of the candidate incidents share than this tells them apart from none."""
FIGURE_MATCH = 1.25
"""Figures this close are the same detail ("$1.46 billion", "$1.5 billion")."""

__all__ = ["CLUSTERER", "CONTRADICTING", "SYMMETRIC", "ClaimCluster", "Clusterer", "cluster_claims"]


@dataclass(frozen=True, slots=True)
class ClaimCluster:
    """Claims about one event. For meetings and agreements ``sources`` are the participants."""

    type: ClaimType
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    supporting: tuple[Claim, ...]
    contradicting: tuple[Claim, ...] = ()
    id: str = ""
    parent: str | None = None
    anchors: tuple[str, ...] = ()
    """The names most of its reports use (places, organisations, resolutions), most first."""

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.supporting + self.contradicting


@dataclass(slots=True)
class Profile:
    """One incident while clustering: its members and what they agree on."""

    id: str
    type: ClaimType
    sources: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    members: list[EventFacts] = field(default_factory=list)
    against: list[EventFacts] = field(default_factory=list)
    window: Interval | None = None
    """Acts: the days every dated member allows. Activities: the period they cover."""
    items: ItemClasses = frozenset()
    anchors: Counter[str] = field(default_factory=Counter)
    positions: dict[str, list[int]] = field(default_factory=dict)
    syndication: dict[str, set[str]] = field(default_factory=dict)
    published: dt.date | None = None
    """The earliest publication among its reports."""
    coarse: bool = False
    """An activity whose window comes only from coarse dates ("2023"), not a campaign's."""

    @property
    def is_act(self) -> bool:
        return self.type in ACTS

    @property
    def parties(self) -> frozenset[str]:
        return self.sources | self.targets

    def kind(self) -> str | None:
        if self.type in SYMMETRIC:
            return (
                f"{self.type.value}|{','.join(sorted(self.sources))}"
                if len(self.sources) > 1
                else None
            )
        if self.sources and self.targets:
            return f"{self.type.value}|{','.join(sorted(self.sources))}>{','.join(sorted(self.targets))}"
        return None

    def add(self, facts: EventFacts) -> None:
        against = facts.contradicts
        shaping = not against or not self.members
        (self.against if against else self.members).append(facts)
        if shaping:
            self._shape(facts)
        if facts.syndication:
            self.syndication.setdefault(facts.syndication, set()).add(facts.document_id)
        self.positions.setdefault(facts.document_id, []).append(facts.position)
        self.anchors.update(facts.anchors)
        if facts.published is not None and (
            self.published is None or facts.published < self.published
        ):
            self.published = facts.published

    def _shape(self, facts: EventFacts) -> None:
        if not self.sources or (
            facts.full and self.sources < facts.sources and self.type in SYMMETRIC
        ):
            self.sources = facts.sources or self.sources
        if not self.targets:
            self.targets = facts.targets
        interval = facts.interval
        if interval is not None:
            if self.window is None:
                self.window = interval
                self.coarse = not _spans_campaign(facts)
            elif self.is_act or (self.coarse and not _spans_campaign(facts)):
                self.window = (max(self.window[0], interval[0]), min(self.window[1], interval[1]))
            elif _spans_campaign(facts):
                # A campaign's period is what its precise or explicitly ranged reports
                # cover; "in 2023" fits inside it but does not stretch it to the year.
                lo, hi = (
                    interval
                    if self.coarse
                    else (min(self.window[0], interval[0]), max(self.window[1], interval[1]))
                )
                self.window, self.coarse = (lo, hi), False
        self.items = common_classes([self.items, facts.items]) or self.items

    def is_copy(self, facts: EventFacts) -> bool:
        copies = self.syndication.get(facts.syndication or "", set())
        return bool(copies - {facts.document_id})

    def distance(self, facts: EventFacts) -> int | None:
        """Characters to the nearest member in the claim's own document, if any."""
        positions = self.positions.get(facts.document_id)
        if not positions:
            return None
        return min(abs(p - facts.position) for p in positions)


@dataclass(frozen=True, slots=True)
class _Fit:
    """Why a claim may join a profile; ranked by ``rank`` (smaller is better)."""

    profile: Profile
    distance: int | None
    copy: bool
    anchors: int
    detail: bool
    timely: bool
    loose: bool = False
    """The claim's actors only nest in the incident's: only a strong tie may join it."""

    @property
    def strong(self) -> bool:
        return self.distance is not None or self.copy or self.anchors > 0 or self.detail

    @property
    def tied(self) -> bool:
        return self.strong or (self.timely and not self.loose)

    def rank(self) -> tuple[int, int, int, int, int, int, str]:
        return (
            self.distance if self.distance is not None else 10**9,
            not self.copy,
            -self.anchors,
            not self.detail,
            not self.timely,
            -len(self.profile.members),
            self.profile.id,
        )


class Clusterer:
    """Incidents grown claim by claim through a blocking index."""

    def __init__(self, recurrence: Recurrence | None = None) -> None:
        self.recurrence = recurrence if recurrence is not None else Recurrence()
        self.profiles: dict[str, Profile] = {}
        self.index: dict[str, set[str]] = {}
        self.changed: set[str] = set()
        self.keys_added: dict[str, set[str]] = {}
        self.compared = 0

    def restore(self, incident_id: str, claim_type: ClaimType, facts: Iterable[EventFacts]) -> None:
        """An incident already stored, so that new claims can join it."""
        profile = self.profiles.setdefault(incident_id, Profile(incident_id, claim_type))
        ordered = sorted(facts, key=lambda f: (f.contradicts, f.order()))
        for item in ordered:
            profile.add(item)
            for key in blocking_keys(item, query=False):
                self.index.setdefault(key, set()).add(incident_id)

    def add(self, facts: EventFacts) -> str:
        """Join the best incident the claim fits, or start one; return its id."""
        found = self.recurrence
        observed = observation_of(facts)
        if observed is not None:
            found.observe(*observed)
        fits = [f for f in (self._fit(facts, p) for p in self._candidates(facts)) if f is not None]
        # A name every fitting incident shares ("Putin" for each Kim-Putin meeting) tells
        # them apart from none; only names few of them share count.
        common = Counter(a for f in fits for a in facts.anchors & f.profile.anchors.keys())
        specific = frozenset(a for a in facts.anchors if common[a] <= MAX_ANCHOR_SHARE)
        fits = [
            dataclasses.replace(f, anchors=len(specific & f.profile.anchors.keys())) for f in fits
        ]
        chosen = self._choose(facts, fits)
        if chosen is None:
            profile = Profile(new_incident_id(facts.claim), facts.type)
            self.profiles[profile.id] = profile
        else:
            profile = chosen.profile
        profile.add(facts)
        self.changed.add(profile.id)
        for key in blocking_keys(facts, query=False):
            ids = self.index.setdefault(key, set())
            if profile.id not in ids:
                ids.add(profile.id)
                self.keys_added.setdefault(profile.id, set()).add(key)
        return profile.id

    def _candidates(self, facts: EventFacts) -> list[Profile]:
        ids: set[str] = set()
        for key in blocking_keys(facts, query=True):
            ids |= self.index.get(key, set())
        self.compared += len(ids)
        return [self.profiles[i] for i in sorted(ids) if self.profiles[i].type is facts.type]

    def _fit(self, facts: EventFacts, profile: Profile) -> _Fit | None:
        strict = _actors_fit(facts, profile)
        if not strict and not _actors_nested(facts, profile):
            return None
        if not _time_fits(facts, profile):
            return None
        # An activity's item names the event ("shells", not "missiles"); an act's items are
        # its contents (one resolution bans arms and lists ships and people).
        if not profile.is_act and common_classes([profile.items, facts.items]) is None:
            return None
        # An act's figures must all agree; a campaign's grow, so one close figure will do.
        figures = [_figures_fit(facts.quantity, m.quantity) for m in profile.members]
        if figures and not (all(figures) if profile.is_act else any(figures)):
            return None
        distance = profile.distance(facts)
        if distance is not None and profile.is_act and not self._rare_nearby(facts, profile):
            # Acts that recur often (weekly talks, monthly designations): in one report,
            # "in 2023 the US sanctioned ..." beside "in June 2023 ..." are two acts.
            distance = distance if _dates_agree(facts, profile) else None
        return _Fit(
            profile=profile,
            distance=distance,
            copy=profile.is_copy(facts),
            anchors=len(facts.anchors & profile.anchors.keys()),
            detail=_shares_detail(facts, profile),
            timely=self._timely(facts, profile),
            loose=not strict,
        )

    def _rare_nearby(self, facts: EventFacts, profile: Profile) -> bool:
        """Fewer than half an act of the kind expected in the period the two dates span."""
        dated = [iv for iv in (facts.interval, profile.window) if iv is not None]
        lo = min((iv[0] for iv in dated), default=None)
        hi = max((iv[1] for iv in dated), default=None)
        days = (hi - lo).days + 1 if lo and hi and lo > dt.date.min else RECENT_DAYS
        return self.recurrence.rare_within(facts.kind() or profile.kind(), days)

    def _timely(self, facts: EventFacts, profile: Profile) -> bool:
        """Time (with the parties) alone makes it likely the same event."""
        kind = facts.kind() or profile.kind()
        window = profile.window
        if facts.interval is not None and window is not None:
            if not profile.is_act:
                return True
            # The coarser date is the doubt: "June 2024" may be any of June's meetings.
            days = max(_width(facts.interval), _width(window))
            return self.recurrence.rare_within(kind, days)
        if facts.interval is None and window is not None and facts.published is not None:
            gap = (facts.published - window[1]).days
            if gap > RECENT_DAYS:
                return False
            if not profile.is_act:
                return True
            return self.recurrence.rare_within(kind, (facts.published - window[0]).days + 1)
        if facts.interval is not None and window is None and profile.published is not None:
            if profile.is_act:
                return False
            return (profile.published - facts.interval[1]).days <= RECENT_DAYS
        if facts.interval is None and window is None and not profile.is_act:
            # Two undated reports of one activity between the same parties, a year apart at most.
            a, b = facts.published, profile.published
            return a is not None and b is not None and abs((a - b).days) <= RECENT_DAYS
        return False

    def _choose(self, facts: EventFacts, fits: list[_Fit]) -> _Fit | None:
        tied = [f for f in fits if f.tied]
        if not facts.full:
            own = [f for f in tied if f.distance is not None or f.copy]
            if own:
                return min(own, key=_Fit.rank)
            if facts.contradicts:
                # A denial naming one party may deny something else: only its own
                # report, a copy or a shared name attaches it.
                tied = [f for f in tied if f.anchors]
            # A missing actor could be anyone: join only if the candidates with a shared
            # name or detail, else all of them, are between the same parties.
            tied = [f for f in tied if f.strong] or tied
            if len({(f.profile.sources, f.profile.targets) for f in tied}) > 1:
                return None
        if not tied:
            return None
        strong = [f for f in tied if f.strong]
        return min(strong or tied, key=_Fit.rank)

    def clusters(self, ids: Iterable[str] | None = None) -> list[ClaimCluster]:
        wanted = self.profiles if ids is None else {i: self.profiles[i] for i in ids}
        return [freeze(p) for _, p in sorted(wanted.items())]


def new_incident_id(seed: Claim) -> str:
    """An incident is named after the claim that started it and keeps the name as others join."""
    key = f"{seed.type.value}|{seed.id}"
    return "inc_" + hashlib.sha256(key.encode()).hexdigest()[:20]


def freeze(profile: Profile) -> ClaimCluster:
    support = tuple(sorted((m.claim for m in profile.members), key=lambda c: c.id))
    against = tuple(sorted((m.claim for m in profile.against), key=lambda c: c.id))
    anchors = tuple(
        a
        for a, n in sorted(profile.anchors.items(), key=lambda kv: (-kv[1], kv[0]))
        if n > 1 or len(profile.positions) == 1
    )
    return ClaimCluster(
        type=profile.type,
        sources=tuple(sorted(profile.sources)),
        targets=tuple(sorted(profile.targets)),
        supporting=support,
        contradicting=against,
        id=profile.id,
        anchors=anchors[:5],
    )


def cluster_claims(
    claims: Sequence[Claim], *, documents: Mapping[str, DocumentInfo] | None = None
) -> list[ClaimCluster]:
    """Full re-clustering. Clusters sorted by (type, sources, targets, first claim id).

    Claims are added most specific first (both actors, dated, day before month before year),
    supporting before contradicting, so the result does not depend on the input order.
    """
    documents = documents or {}
    unique = {c.id: c for c in claims if c.source_codes or c.target_codes}
    facts = [read_facts(c, documents) for c in unique.values()]
    clusterer = Clusterer(learn_recurrence(facts))
    for item in sorted(facts, key=lambda f: (f.contradicts, f.order())):
        clusterer.add(item)
    out = clusterer.clusters()
    return sorted(out, key=lambda c: (c.type.value, c.sources, c.targets, c.claims[0].id))


def _actors_fit(facts: EventFacts, profile: Profile) -> bool:
    """Participants may be a subset (a report names two of three); directed roles agree."""
    if not (facts.parties & profile.parties) and facts.parties and profile.parties:
        return False
    if profile.type in SYMMETRIC:
        return _nested(facts.sources, profile.sources)
    return _agree(facts.sources, profile.sources) and _agree(facts.targets, profile.targets)


def _agree(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or a == b


def _width(interval: Interval) -> int:
    if interval[0] == dt.date.min:
        return RECENT_DAYS * 10
    return (interval[1] - interval[0]).days + 1


def _dates_agree(facts: EventFacts, profile: Profile) -> bool:
    """The same period, or an undated report beside one dated to a day (its details)."""
    interval, window = facts.interval, profile.window
    if interval is None or window is None:
        dated = interval or window
        return dated is None or dated[0] == dated[1]
    return interval == window


def _spans_campaign(facts: EventFacts) -> bool:
    """A precise date (a month or finer) or an explicit range ("from October to April")."""
    interval, time = facts.interval, facts.claim.time
    if interval is None or time is None:
        return False
    ranged = bool(time.end) and time.end != time.start
    return ranged or (interval[1] - interval[0]).days <= 31


def _actors_nested(facts: EventFacts, profile: Profile) -> bool:
    """Roles that differ only by a party more or less, or a lone party in the other role.

    Extractors confuse roles most where a sentence names one side ("the Wagner deal with
    North Korea") and add or miss a party in lists; such a claim may still report the
    incident, but only a strong tie (its own report, a name, a detail) joins it.
    """
    if not facts.full and facts.parties and facts.parties <= profile.parties:
        return True
    return _nested(facts.sources, profile.sources) and _nested(facts.targets, profile.targets)


def _nested(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or a <= b or b <= a


def _time_fits(facts: EventFacts, profile: Profile) -> bool:
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


def _shares_detail(facts: EventFacts, profile: Profile) -> bool:
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


def _figures_fit(a: Quantity | None, b: Quantity | None) -> bool:
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
