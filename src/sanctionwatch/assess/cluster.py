"""Group claims about the same real-world event into clusters.

Two claims can be one event when they have the same type, compatible actors (the roles
both name agree; a role one leaves empty fits any), overlapping time at their grain
("September 2023" fits "2023-09-13"), items of a compatible class ("shells" fits
"ammunition", not "missiles") and figures within a factor of ten in the same unit.

Clustering is complete-linkage: a claim joins a cluster only if it fits *every* member.
For time that means all members share at least one day (intervals that overlap pairwise
share a point), so a coarse "in 2023" cannot bridge a March and a September shipment.
Claims are visited in an order that depends only on the claims (most specific first:
both actors named, dated, day before month before year), so the result does not depend
on the input order, and precise reports seed the clusters that vaguer ones join.

An undated claim is anchored to the 90 days before its publication (news reports recent
events). A claim joins a report in another passage or document only when both are dated,
or when they share a specific detail: an item of the same class ("shells") or figures
that meet. "Weapons" and "technology" are too common to tie reports by time and actors
alone. Sanctions actions, meetings and agreements recur so often between the same
parties that two reports of them join only on the same day, or in one passage when their
dates agree (see ``_frequent_fits``).

A claim that leaves an actor empty (the extractor found no recipient) stays an incident of
its own unless a syndicated copy of its story carries the same claim: read against the
corpus, such claims were mostly general statements, and a neighbouring sentence often
named a different recipient. Claims naming every actor in one passage (within
``NEAR_CHARS`` characters) may join even without a date or a shared detail.

Claims whose actors come from coreference (rule ``coref:...``) are visited last, so they
never seed a cluster that better-evidenced claims then join.

Denials and negations are attached afterwards to the clusters they contradict: those of
their own passage when there are any, else every cluster they fit (name both actors).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sanctionwatch.assess.items import ItemClasses, classify_item, common_classes
from sanctionwatch.assess.origins import is_weak
from sanctionwatch.assess.sources import DocumentInfo
from sanctionwatch.assess.timeline import Interval, overlaps, parse_bound, time_interval
from sanctionwatch.domain import Claim, ClaimType, Modality, Quantity

CLUSTERER = "cluster.events@v2"
UNDATED_WINDOW_DAYS = 90
"""An undated claim is taken to be about the days just before its publication."""
NEAR_CHARS = 1000
"""Claims this close in one document are read as one passage about one event."""
FIGURE_FACTOR = 10.0
"""Figures in one unit further apart than this are different events, not a dispute."""

CONTRADICTING = frozenset({Modality.DENIED, Modality.NEGATED})
# For these the roles are participants, not a direction: who is "source" is arbitrary.
SYMMETRIC = frozenset({ClaimType.MEETING, ClaimType.AGREEMENT})
# These recur so often between the same parties that only the same day ties two reports.
FREQUENT = frozenset({ClaimType.SANCTIONS_ACTION, ClaimType.MEETING, ClaimType.AGREEMENT})
_GRAIN_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True, slots=True)
class ClaimCluster:
    """Claims about one event. For meetings and agreements ``sources`` are the participants."""

    type: ClaimType
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    supporting: tuple[Claim, ...]
    contradicting: tuple[Claim, ...] = ()

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.supporting + self.contradicting


@dataclass(frozen=True, slots=True)
class _Facts:
    """What clustering reads from one claim."""

    claim: Claim
    sources: frozenset[str]
    targets: frozenset[str]
    full: bool
    interval: Interval | None
    anchor: Interval | None
    items: ItemClasses
    quantity: Quantity | None
    syndication: str | None
    weak: bool

    def order(self) -> tuple[bool, bool, bool, int, str, str]:
        grain = self.claim.time.grain if self.claim.time else ""
        interval = self.interval
        width = (interval[1] - interval[0]).days if interval else 0
        rank = _GRAIN_RANK.get(grain, 3) if interval and width < 400 else 4
        start = interval[0].isoformat() if interval else "9999"
        return (self.weak, not self.full, interval is None, rank, start, self.claim.id)


@dataclass(slots=True)
class _Cluster:
    type: ClaimType
    sources: frozenset[str]
    targets: frozenset[str]
    members: list[_Facts] = field(default_factory=list)
    window: Interval | None = None
    items: ItemClasses = frozenset()
    positions: dict[str, list[int]] = field(default_factory=dict)
    syndication: dict[str, set[str]] = field(default_factory=dict)
    dated_window: Interval | None = None
    """The days every dated member allows (undated members' anchors left out)."""

    def add(self, facts: _Facts) -> None:
        if not self.members:
            self.sources, self.targets = facts.sources, facts.targets
        self.members.append(facts)
        if facts.interval is not None:
            self.dated_window = (
                facts.interval
                if self.dated_window is None
                else _meet(self.dated_window, facts.interval)
            )
        if facts.anchor is not None:
            self.window = facts.anchor if self.window is None else _meet(self.window, facts.anchor)
        self.items = common_classes([self.items, facts.items]) or frozenset()
        if facts.full:
            # Only a claim naming every actor anchors a passage; chaining through the
            # claims that joined it would sweep a whole report into one event.
            self.positions.setdefault(facts.claim.document_id, []).append(
                facts.claim.evidence.start
            )
        if facts.syndication:
            self.syndication.setdefault(facts.syndication, set()).add(facts.claim.document_id)

    def copies(self, facts: _Facts) -> bool:
        """A member comes from another copy of the claim's story (its syndication cluster)."""
        # Every document has a syndication cluster, most of them alone in it: only
        # another document in the same cluster is a copy.
        copies = self.syndication.get(facts.syndication or "", set())
        return bool(copies - {facts.claim.document_id})

    def near(self, facts: _Facts) -> bool:
        """A member naming every actor sits in the same passage, or in a syndicated copy."""
        if self.copies(facts):
            return True
        start = facts.claim.evidence.start
        return any(
            abs(start - other) <= NEAR_CHARS
            for other in self.positions.get(facts.claim.document_id, ())
        )


def cluster_claims(
    claims: Sequence[Claim], *, documents: Mapping[str, DocumentInfo] | None = None
) -> list[ClaimCluster]:
    """Clusters sorted by (type, sources, targets, first claim id); the same for any order.

    ``documents`` gives publication dates (to anchor undated claims) and syndication
    clusters (copies of one story may always join each other).
    """
    documents = documents or {}
    unique = {c.id: c for c in claims if c.source_codes or c.target_codes}
    facts = sorted((_facts(c, documents) for c in unique.values()), key=_Facts.order)
    support = [f for f in facts if f.claim.modality not in CONTRADICTING]
    against = [f for f in facts if f.claim.modality in CONTRADICTING]
    clusters = _grow(support)
    attached: dict[int, list[Claim]] = {}
    orphans: list[_Facts] = []
    for item in against:
        homes = _homes_for_contradiction(item, clusters)
        for index in homes:
            attached.setdefault(index, []).append(item.claim)
        if not homes:
            orphans.append(item)
    out = [
        _freeze(cluster, attached.get(index, []), contradicting=False)
        for index, cluster in enumerate(clusters)
    ]
    # A denial that fits no report is kept as an incident of its own, never dropped.
    out += [_freeze(cluster, [], contradicting=True) for cluster in _grow(orphans)]
    return sorted(out, key=lambda c: (c.type.value, c.sources, c.targets, c.claims[0].id))


def _facts(claim: Claim, documents: Mapping[str, DocumentInfo]) -> _Facts:
    doc = documents.get(claim.document_id)
    sources, targets = frozenset(claim.source_codes), frozenset(claim.target_codes)
    if claim.type in SYMMETRIC:
        sources, targets = sources | targets, frozenset()
        full = len(sources) >= 2
    else:
        full = bool(sources) and bool(targets)
    interval = time_interval(claim.time)
    anchor = interval
    if anchor is None and doc is not None:
        published = parse_bound(doc.published, upper=True)
        if published is not None:
            anchor = (published - dt.timedelta(days=UNDATED_WINDOW_DAYS), published)
    quantity = claim.quantity
    if quantity is not None and (quantity.kind not in {"count", "money"} or not quantity.unit):
        quantity = None
    return _Facts(
        claim=claim,
        sources=sources,
        targets=targets,
        full=full,
        interval=interval,
        anchor=anchor,
        items=classify_item(claim.type, claim.item.value if claim.item else None),
        quantity=quantity,
        syndication=doc.syndication_cluster if doc else None,
        weak=is_weak(claim),
    )


def _grow(facts: list[_Facts]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_type: dict[ClaimType, list[int]] = {}
    for item in facts:
        candidates = [
            i for i in by_type.get(item.claim.type, []) if _fits(item, clusters[i], support=True)
        ]
        chosen = _choose(item, [clusters[i] for i in candidates])
        if chosen is None:
            clusters.append(_Cluster(item.claim.type, item.sources, item.targets))
            by_type.setdefault(item.claim.type, []).append(len(clusters) - 1)
            clusters[-1].add(item)
        else:
            clusters[candidates[chosen]].add(item)
    return clusters


def _fits(item: _Facts, cluster: _Cluster, *, support: bool) -> bool:
    if not _actors_fit(item, cluster):
        return False
    if not item.full and not cluster.copies(item):
        # A missing actor could be anyone: in reports it is mostly a general statement
        # ("North Korea sells missiles"), and even the next sentence may name another
        # recipient. Only a copy of the same story says it is the same claim.
        return False
    near = cluster.near(item)
    if item.claim.type in FREQUENT:
        if not _frequent_fits(item, cluster, near=near):
            return False
    elif not near and not _ties_across_passages(item, cluster):
        return False
    if item.anchor is None or cluster.window is None:
        # Unknown time on either side: only the claim's own passage vouches for it.
        if not near:
            return False
    elif not overlaps(item.anchor, cluster.window):
        return False
    if common_classes([cluster.items, item.items]) is None:
        return False
    return all(_figures_fit(item.quantity, m.quantity) for m in cluster.members)


def _ties_across_passages(item: _Facts, cluster: _Cluster) -> bool:
    """Both dated, or a specific detail in common, lets a claim join another passage."""
    if item.interval is not None and cluster.dated_window is not None:
        return True
    return _shares_detail(item, cluster)


def _frequent_fits(item: _Facts, cluster: _Cluster, *, near: bool) -> bool:
    """Sanctions, meetings, agreements: the same day, or one passage with dates that agree.

    Across passages both sides need the same day. Within one passage, reports join when
    both are undated, when both give the same period, or when an undated sentence sits by
    one dated to a day ("on Wednesday the US declared ..." and its details). "In 2023 the
    US sanctioned ..." does not join "In June 2023 the Treasury sanctioned ..." beside it.
    """
    interval, window = item.interval, cluster.dated_window
    if not near:
        return interval is not None and interval[0] == interval[1] and interval == window
    if interval is None or window is None:
        dated = interval or window
        return dated is None or dated[0] == dated[1]
    return interval == window


def _shares_detail(item: _Facts, cluster: _Cluster) -> bool:
    """A specific item class in common, or a figure that meets one a member gives."""
    if item.items and cluster.items and item.items & cluster.items:
        return True
    q = item.quantity
    return q is not None and any(
        m.quantity is not None
        and (m.quantity.unit, m.quantity.rate) == (q.unit, q.rate)
        and _ranges_meet(q, m.quantity)
        for m in cluster.members
    )


def _ranges_meet(a: Quantity, b: Quantity) -> bool:
    lo_a, hi_a = a.low or 0.0, a.high if a.high is not None else float("inf")
    lo_b, hi_b = b.low or 0.0, b.high if b.high is not None else float("inf")
    return lo_a <= hi_b and lo_b <= hi_a


def _actors_fit(item: _Facts, cluster: _Cluster) -> bool:
    if item.claim.type in SYMMETRIC:
        return item.sources == cluster.sources or (
            not item.full and item.sources <= cluster.sources
        )
    return (not item.sources or item.sources == cluster.sources) and (
        not item.targets or item.targets == cluster.targets
    )


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


def _choose(item: _Facts, candidates: list[_Cluster]) -> int | None:
    """Index of the best cluster: own passage first, then the most reported, narrowest."""
    if not candidates:
        return None
    own = [i for i, c in enumerate(candidates) if c.near(item)]
    pool = own or list(range(len(candidates)))

    def rank(i: int) -> tuple[int, int, str]:
        cluster = candidates[i]
        window = cluster.window
        width = (window[1] - window[0]).days if window else 10**6
        return (-len(cluster.members), width, cluster.members[0].claim.id)

    return min(pool, key=rank)


def _homes_for_contradiction(item: _Facts, clusters: list[_Cluster]) -> list[int]:
    fits = [
        i
        for i, cluster in enumerate(clusters)
        if cluster.type is item.claim.type and _fits(item, cluster, support=False)
    ]
    own = [i for i in fits if clusters[i].near(item)]
    return own or fits


def _freeze(cluster: _Cluster, against: list[Claim], *, contradicting: bool) -> ClaimCluster:
    members = sorted((m.claim for m in cluster.members), key=lambda c: c.id)
    sources, targets = sorted(cluster.sources), sorted(cluster.targets)
    if contradicting:
        return ClaimCluster(cluster.type, tuple(sources), tuple(targets), (), tuple(members))
    against_sorted = tuple(sorted(against, key=lambda c: c.id))
    return ClaimCluster(
        cluster.type, tuple(sources), tuple(targets), tuple(members), against_sorted
    )


def _meet(a: Interval, b: Interval) -> Interval:
    """The days two overlapping intervals share."""
    return max(a[0], b[0]), min(a[1], b[1])
