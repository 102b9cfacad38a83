"""Incidents while they are being clustered: their members and what the members agree on.

``Profile`` holds one incident's claims (as ``EventFacts``), its window in time (for an
act, the days every dated report allows; for a campaign, the period its precise or
ranged reports cover), its actors by majority of its reports, its anchors and where in
each report its claims sit. ``ClaimCluster`` is the frozen result.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from sanctionwatch.assess.events import ACTS, SYMMETRIC, EventFacts
from sanctionwatch.assess.items import ItemClasses, common_classes
from sanctionwatch.assess.timeline import Interval
from sanctionwatch.domain import Claim, ClaimType


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
    holds: dict[str, list[int]] = field(default_factory=dict)
    """Positions of the members that can hold a passage: those not ``vague``."""
    syndication: dict[str, set[str]] = field(default_factory=dict)
    published: dt.date | None = None
    """The earliest publication among its reports."""
    votes: Counter[str] = field(default_factory=Counter)
    """Participants named (meetings, agreements), or each role's actor set as named."""
    voters: int = 0
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
        if not facts.vague:
            self.holds.setdefault(facts.document_id, []).append(facts.position)
        self.anchors.update(facts.anchors)
        if facts.published is not None and (
            self.published is None or facts.published < self.published
        ):
            self.published = facts.published

    def _shape(self, facts: EventFacts) -> None:
        self._vote(facts)
        interval = facts.interval
        if interval is not None:
            if self.window is None:
                self.window = interval
                self.coarse = not spans_campaign(facts)
            elif self.is_act or (self.coarse and not spans_campaign(facts)):
                lo, hi = max(self.window[0], interval[0]), min(self.window[1], interval[1])
                if lo > hi and not self.is_act:
                    # Adjacent coarse reports of one activity ("in 2022", "in 2023"): it
                    # ran through both, not through the empty days they share.
                    lo, hi = min(self.window[0], interval[0]), max(self.window[1], interval[1])
                self.window = (lo, hi)
            elif spans_campaign(facts):
                # A campaign's period is what its precise or explicitly ranged reports
                # cover; "in 2023" fits inside it but does not stretch it to the year.
                lo, hi = (
                    interval
                    if self.coarse
                    else (min(self.window[0], interval[0]), max(self.window[1], interval[1]))
                )
                self.window, self.coarse = (lo, hi), False
        self.items = common_classes([self.items, facts.items]) or self.items

    def _vote(self, facts: EventFacts) -> None:
        """Actors are what most reports say: one report's stray party does not stick."""
        if self.type in SYMMETRIC:
            if not facts.sources:
                return
            self.votes.update(facts.sources)
            self.voters += 1
            agreed = frozenset(p for p, n in self.votes.items() if 2 * n > self.voters)
            self.sources = agreed if len(agreed) >= min(2, len(self.votes)) else self.sources
            self.sources = self.sources or facts.sources
            return
        # A state on both sides of one report's flow is a doubt, not a direction: voted,
        # it would make the incident "the DPRK to the DPRK", which every report naming
        # the DPRK on either side then fits.
        both = facts.sources & facts.targets
        for role, value in (("s", facts.sources - both), ("t", facts.targets - both)):
            if value:
                self.votes[f"{role}|{','.join(sorted(value))}"] += 1
        self.sources = self._leading("s") or self.sources
        self.targets = self._leading("t") or self.targets

    def _leading(self, role: str) -> frozenset[str]:
        ranked = sorted(
            ((n, key) for key, n in self.votes.items() if key.startswith(f"{role}|")),
            key=lambda pair: (-pair[0], pair[1]),
        )
        return frozenset(ranked[0][1][2:].split(",")) if ranked else frozenset()

    def is_copy(self, facts: EventFacts) -> bool:
        copies = self.syndication.get(facts.syndication or "", set())
        return bool(copies - {facts.document_id})

    def distance(self, facts: EventFacts) -> int | None:
        """Characters to the nearest member in the claim's own document, if any.

        A vague claim (one side, no time) measures only to members that are not vague:
        vague sentences attach to a passage but do not carry it on, so a chain of them
        cannot glue a paper's pages into one incident.
        """
        held = self.holds if facts.vague else self.positions
        positions = held.get(facts.document_id)
        if not positions:
            return None
        return min(abs(p - facts.position) for p in positions)


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


def spans_campaign(facts: EventFacts) -> bool:
    """A precise date (a month or finer) or an explicit range ("from October to April")."""
    interval, time = facts.interval, facts.claim.time
    if interval is None or time is None:
        return False
    ranged = bool(time.end) and time.end != time.start
    return ranged or (interval[1] - interval[0]).days <= 31
