"""Group claims about the same real-world event (type, actors, compatible time) into clusters.

Simple first version: actors must be equal as sets, times must overlap at their grain.
Single-linkage over the overlap graph is order-independent, which the determinism
invariant needs; its cost is that one coarse claim ("in 2023") can bridge two finer ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sanctionwatch.assess.sources import DocumentInfo
from sanctionwatch.assess.timeline import Interval, overlaps, parse_bound, span_of, time_interval
from sanctionwatch.domain import Claim, ClaimType, Modality

CLUSTERER = "cluster.simple@v1"

_CONTRADICTING = frozenset({Modality.DENIED, Modality.NEGATED})
# For these the roles are participants, not a direction: who is "source" is arbitrary.
_SYMMETRIC = frozenset({ClaimType.MEETING, ClaimType.AGREEMENT})

_Key = tuple[ClaimType, tuple[str, ...], tuple[str, ...]]


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


def actor_key(claim: Claim) -> _Key | None:
    """(type, sources, targets) as sorted code tuples; None when no actor is known."""
    sources, targets = claim.source_codes, claim.target_codes
    if not sources and not targets:
        return None
    if claim.type in _SYMMETRIC:
        return claim.type, tuple(sorted({*sources, *targets})), ()
    return claim.type, sources, targets


def cluster_claims(
    claims: Sequence[Claim], *, documents: Mapping[str, DocumentInfo] | None = None
) -> list[ClaimCluster]:
    """Clusters sorted by (type, sources, targets, first claim id); the same for any order.

    ``documents`` lets an undated claim avoid clusters that start after it was published.
    """
    groups: dict[_Key, dict[str, Claim]] = {}
    for claim in claims:
        key = actor_key(claim)
        if key is not None:  # without any actor there is no event to tie it to
            groups.setdefault(key, {})[claim.id] = claim
    out: list[ClaimCluster] = []
    for key in sorted(groups):
        members = sorted(groups[key].values(), key=lambda c: c.id)
        supporting = [c for c in members if c.modality not in _CONTRADICTING]
        contradicting = [c for c in members if c.modality in _CONTRADICTING]
        components = _group_supporting(supporting, documents or {})
        out.extend(_attach_contradicting(key, components, contradicting))
    return sorted(out, key=lambda c: (c.type.value, c.sources, c.targets, c.claims[0].id))


def _group_supporting(
    claims: list[Claim], documents: Mapping[str, DocumentInfo]
) -> list[list[Claim]]:
    timed = [(c, iv) for c in claims if (iv := time_interval(c.time)) is not None]
    untimed = [c for c in claims if time_interval(c.time) is None]
    parent = list(range(len(timed)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(timed)):
        for j in range(i + 1, len(timed)):
            if overlaps(timed[i][1], timed[j][1]):
                parent[find(j)] = find(i)
    by_root: dict[int, list[tuple[Claim, Interval]]] = {}
    for index, pair in enumerate(timed):
        by_root.setdefault(find(index), []).append(pair)
    components = [[c for c, _ in pairs] for pairs in by_root.values()]
    spans = [span_of([iv for _, iv in pairs]) for pairs in by_root.values()]
    if not components:
        return [untimed] if untimed else []
    # Choose each undated claim's home from the dated components only, so the choice does
    # not depend on which undated claims were placed first.
    homes = [_choose_home(c, components, spans, documents) for c in untimed]
    for claim, home in zip(untimed, homes, strict=True):
        components[home].append(claim)
    return [sorted(c, key=lambda claim: claim.id) for c in components]


def _choose_home(
    claim: Claim,
    components: list[list[Claim]],
    spans: list[Interval | None],
    documents: Mapping[str, DocumentInfo],
) -> int:
    """The largest dated cluster, preferring ones that began before the claim was published."""
    doc = documents.get(claim.document_id)
    published = parse_bound(doc.published, upper=True) if doc else None
    candidates = list(range(len(components)))
    if published is not None:
        before = [i for i in candidates if (s := spans[i]) is not None and s[0] <= published]
        candidates = before or candidates

    def rank(i: int) -> tuple[int, int, str]:
        span = spans[i]
        latest = span[1].toordinal() if span else 0
        return (-len(components[i]), -latest, min(c.id for c in components[i]))

    return min(candidates, key=rank)


def _attach_contradicting(
    key: _Key, components: list[list[Claim]], contradicting: list[Claim]
) -> list[ClaimCluster]:
    """A denial joins every cluster of its actors whose time it fits (undated: all of them)."""
    against: list[list[Claim]] = [[] for _ in components]
    spans = [span_of([iv for c in comp if (iv := time_interval(c.time))]) for comp in components]
    orphans = []
    for claim in contradicting:
        interval = time_interval(claim.time)
        fits = [
            i
            for i, span in enumerate(spans)
            if interval is None or span is None or overlaps(interval, span)
        ]
        for i in fits:
            against[i].append(claim)
        if not fits:
            orphans.append(claim)
    clusters = [
        ClaimCluster(key[0], key[1], key[2], tuple(comp), tuple(against[i]))
        for i, comp in enumerate(components)
    ]
    if orphans:
        # Kept as an incident of their own so a denial is never silently dropped.
        clusters.append(ClaimCluster(key[0], key[1], key[2], (), tuple(orphans)))
    return clusters
