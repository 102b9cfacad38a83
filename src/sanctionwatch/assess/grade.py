"""Admiralty grades for incidents: source reliability A–F and information credibility 1–6.

Every grade carries its reasons as plain sentences (DESIGN invariant 4). Independence is
counted in *origins*, not documents: syndicated copies share a cluster, and outlets quoting
the same original (two papers both citing Izvestia) share that original.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sanctionwatch.assess.sources import (
    DocumentInfo,
    OutletProfile,
    OutletRegistry,
    load_outlet_registry,
    normalise_name,
    reliability_rank,
)
from sanctionwatch.domain import Assessment, Claim, Modality

GRADER = "grade.admiralty@v1"

_SUPPORTING = frozenset({Modality.FACT, Modality.UNCERTAIN, Modality.PLANNED})
_CREDIBILITY_WORDS = {
    1: "confirmed by independent sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}


def grade_incident(
    supporting: Sequence[Claim],
    contradicting: Sequence[Claim],
    *,
    documents: Mapping[str, DocumentInfo] | None = None,
    registry: OutletRegistry | None = None,
) -> Assessment:
    """Grade the claims behind one incident. Denied/negated claims count as contradicting."""
    registry = registry if registry is not None else load_outlet_registry()
    documents = documents or {}
    support = sorted((c for c in supporting if c.modality in _SUPPORTING), key=lambda c: c.id)
    against = sorted(
        {c.id: c for c in [*contradicting, *supporting] if c.modality not in _SUPPORTING}.values(),
        key=lambda c: c.id,
    )
    involved = frozenset(code for c in [*support, *against] for code in _actors(c))
    letter, reasons = _grade_reliability(support, documents, registry, involved)
    credibility, more = _grade_credibility(support, against, documents, registry, involved)
    return Assessment(letter, credibility, tuple(reasons + more), method=GRADER)


def _actors(claim: Claim) -> tuple[str, ...]:
    return (*claim.source_codes, *claim.target_codes)


def _grade_reliability(
    support: list[Claim],
    documents: Mapping[str, DocumentInfo],
    registry: OutletRegistry,
    involved: frozenset[str],
) -> tuple[str, list[str]]:
    if not support:
        return "F", ["source reliability F: no supporting source to judge"]
    profiles: dict[str, OutletProfile] = {}
    for claim in support:
        doc = documents.get(claim.document_id)
        profiles[claim.document_id] = registry.classify(doc, involved=involved)
    _, best = min(
        profiles.items(), key=lambda p: (reliability_rank(p[1].reliability), p[1].name, p[0])
    )
    reasons = [
        f"source reliability {best.reliability}: the best supporting source is {best.name} "
        f"({best.label}; {best.matched_by})"
    ]
    unknown = sorted(doc_id for doc_id, p in profiles.items() if not p.known)
    if unknown:
        tail = "comes from an outlet" if len(unknown) == 1 else "come from outlets"
        reasons.append(f"{_count(len(unknown), 'supporting document')} {tail} not in the registry")
    if best.kind == "state_media_involved":
        reasons.append(f"{best.name} is state media of a party to the incident")
    return best.reliability, reasons


def _grade_credibility(
    support: list[Claim],
    against: list[Claim],
    documents: Mapping[str, DocumentInfo],
    registry: OutletRegistry,
    involved: frozenset[str],
) -> tuple[int, list[str]]:
    if not support:
        reasons = ["credibility 6: cannot be judged, no claim supports the incident"]
        if against:
            reasons.append(f"{_count(len(against), 'claim')} deny or negate it; kept and shown")
        return 6, reasons
    facts = [c for c in support if c.modality is Modality.FACT]
    fact_origins = find_origins(facts, documents=documents, registry=registry)
    all_origins = find_origins(support, documents=documents, registry=registry)
    reasons = []
    doc_count = len({c.document_id for c in support})
    if len(all_origins) < doc_count:
        reasons.append(
            f"{_count(doc_count, 'supporting document')} reduce to "
            f"{_count(len(all_origins), 'independent origin')}: syndicated copies and reports "
            "quoting the same source count once"
        )
    n = len(fact_origins)
    named = "; ".join(fact_origins)
    if n >= 2:
        strong = n >= 3 or reliability_rank(_best_letter(facts, documents, registry, involved)) <= 1
        credibility = 1 if strong else 2
        reasons.append(
            f"stated as fact by {n} independent origins ({named})"
            + ("" if n >= 3 else ", one of them rated A or B" if strong else "")
        )
    elif n == 1:
        credibility = 3
        reasons.append(f"stated as fact by one origin only ({named})")
    else:
        credibility = 4
        kinds = " or ".join(sorted({c.modality.value for c in support}))
        reasons.append(
            f"reported only as {kinds} by {_count(len(all_origins), 'origin')}; "
            "no source states it as fact"
        )
    denials = [c for c in against if _is_involved_party(c, documents, registry, involved)]
    negations = [c for c in against if c not in denials]
    if denials:
        credibility = max(credibility, 3)
        reasons.append(
            f"contradicted by an involved party ({_count(len(denials), 'denial')}): kept as "
            "contradicting claims, and credibility is never better than 3"
        )
    if negations:
        cap = 4 if facts else 5
        credibility = max(credibility, cap)
        reasons.append(
            f"{_count(len(negations), 'other report')} say it did not happen: credibility no "
            f"better than {cap}"
        )
    summary = f"credibility {credibility}: {_CREDIBILITY_WORDS[credibility]}"
    return credibility, [summary, *reasons]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def find_origins(
    claims: Iterable[Claim],
    *,
    documents: Mapping[str, DocumentInfo],
    registry: OutletRegistry,
) -> list[str]:
    """Labels of the independent origins behind ``claims`` (sorted).

    Claims sharing any origin key fall together: same syndication cluster, same outlet,
    same document, or the same cited source.
    """
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for claim in claims:
        keys = _origin_keys(claim, documents, registry)
        root = find(keys[0])
        for key in keys[1:]:
            parent[find(key)] = root
    groups: dict[str, list[str]] = {}
    for key in parent:
        groups.setdefault(find(key), []).append(key)
    return sorted(_label(sorted(keys)) for keys in groups.values())


def _origin_keys(
    claim: Claim, documents: Mapping[str, DocumentInfo], registry: OutletRegistry
) -> list[str]:
    if claim.attributions:
        # The cited source is the origin; the document only relays it.
        keys = []
        for attribution in claim.attributions:
            canonical = registry.canonical_name(attribution.name)
            keys.append(
                f"src:{canonical}" if canonical else f"cited:{normalise_name(attribution.name)}"
            )
        return sorted(keys)
    keys = [f"doc:{claim.document_id}"]
    doc = documents.get(claim.document_id)
    if doc is not None and doc.syndication_cluster:
        keys.append(f"cluster:{doc.syndication_cluster}")
    if doc is not None and doc.outlet and (canonical := registry.canonical_name(doc.outlet)):
        keys.append(f"src:{canonical}")
    return keys


def _label(keys: list[str]) -> str:
    # Prefer a readable name: an outlet, then a cited source, then a cluster or document.
    for prefix, template in (
        ("src:", "{}"),
        ("cited:", "{}"),
        ("cluster:", "syndication cluster {}"),
    ):
        for key in keys:
            if key.startswith(prefix):
                return template.format(key[len(prefix) :])
    return f"document {keys[0].removeprefix('doc:')[:12]}"


def _best_letter(
    claims: list[Claim],
    documents: Mapping[str, DocumentInfo],
    registry: OutletRegistry,
    involved: frozenset[str],
) -> str:
    letters = [
        registry.classify(documents.get(c.document_id), involved=involved).reliability
        for c in claims
    ]
    return min(letters, key=reliability_rank)


def _is_involved_party(
    claim: Claim,
    documents: Mapping[str, DocumentInfo],
    registry: OutletRegistry,
    involved: frozenset[str],
) -> bool:
    """A denial is by definition an actor's; a negation counts when an actor's media says it."""
    if claim.modality is Modality.DENIED:
        return True
    profile = registry.classify(documents.get(claim.document_id), involved=involved)
    if profile.kind == "state_media_involved":
        return True
    for attribution in claim.attributions:
        outlet = registry.find_outlet(attribution.name)
        if outlet is not None and outlet.country in involved:
            return True
    return False
