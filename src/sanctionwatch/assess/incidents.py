"""Claims -> incidents: cluster, find origins, aggregate time and figures, map to law, grade.

An incident records, beside its claims: the independent origins (with the documents that
carried each), every reported figure with who reported it and a conservative estimate,
the contradictions (denials, negations, figures that cannot all be right), the provisions
in force when it happened, and the Admiralty grade with an ICD 203 likelihood phrase.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence

from sanctionwatch.assess.cluster import CONTRADICTING, ClaimCluster, cluster_claims
from sanctionwatch.assess.episodes import find_episodes
from sanctionwatch.assess.figures import (
    collect_figures,
    conservative_estimate,
    figure_disputes,
    main_unit,
)
from sanctionwatch.assess.grade import (
    SUPPORTING,
    grade_support,
    involved_parties,
    is_involved_party,
)
from sanctionwatch.assess.origins import group_origins
from sanctionwatch.assess.sources import (
    DocumentInfo,
    OutletRegistry,
    load_outlet_registry,
)
from sanctionwatch.assess.timeline import parse_bound, time_interval, to_interval
from sanctionwatch.assess.titles import relevance_for, title_for
from sanctionwatch.domain import Claim, Incident, Quantity
from sanctionwatch.domain.incident import Contradiction
from sanctionwatch.law import Regime
from sanctionwatch.law.claims import map_claim_group
from sanctionwatch.resolve.gazetteer import find_actors

METHOD = "incidents.events@v3"


def build_incidents(
    claims: Sequence[Claim],
    *,
    documents: Mapping[str, DocumentInfo] | None = None,
    regime: Regime | None = None,
    registry: OutletRegistry | None = None,
) -> list[Incident]:
    """Incidents, most recent first (undated last), ties broken by id."""
    documents = documents or {}
    incidents = [
        build_incident(cluster, documents=documents, regime=regime, registry=registry)
        for cluster in with_episodes(cluster_claims(claims, documents=documents))
    ]
    return sorted(incidents, key=_recency_key)


def with_episodes(clusters: Sequence[ClaimCluster]) -> list[ClaimCluster]:
    """Each cluster followed by the episodes inside it (child clusters of a campaign)."""
    return [out for cluster in clusters for out in (cluster, *find_episodes(cluster))]


def build_incident(
    cluster: ClaimCluster,
    *,
    documents: Mapping[str, DocumentInfo] | None = None,
    regime: Regime | None = None,
    registry: OutletRegistry | None = None,
) -> Incident:
    documents = documents or {}
    registry = registry if registry is not None else load_outlet_registry()
    supporting = cluster.supporting
    against = [c for c in cluster.contradicting if c.modality in CONTRADICTING]
    support = [c for c in supporting if c.modality in SUPPORTING]
    involved = involved_parties(cluster.claims)
    origins = group_origins(support, documents=documents, registry=registry, involved=involved)
    against_origins = group_origins(
        against, documents=documents, registry=registry, involved=involved, role="contradict"
    )
    assessment = grade_support(
        origins, support, against, documents=documents, registry=registry, involved=involved
    )
    time_start, time_end = aggregate_time(supporting or cluster.contradicting)
    quantities = [c.quantity for c in supporting if c.quantity]
    low, high, unit = aggregate_quantity(quantities)
    figures = collect_figures(supporting, origins, documents=documents)
    items = ranked_items(supporting or cluster.contradicting)
    contradictions = [
        *_denials(against, documents, registry, involved),
        *figure_disputes(figures, unit=unit),
    ]
    published = _first_published(cluster.claims, documents)
    provisions = tuple(
        map_claim_group(
            cluster.type,
            cluster.sources,
            cluster.targets,
            supporting or cluster.contradicting,
            time_start=time_start,
            time_end=time_end,
            published=published,
            regime=regime,
        )
    )
    named = {m.code for c in cluster.claims for m in find_actors(c.evidence.text)}
    relevance, relevance_reason = relevance_for(
        cluster.sources,
        cluster.targets,
        [p for p in provisions if p.kind != "context"],
        named=named,
    )
    return Incident(
        id=incident_id_for(cluster),
        type=cluster.type,
        sources=cluster.sources,
        targets=cluster.targets,
        time_start=time_start,
        time_end=time_end,
        quantity_low=low,
        quantity_high=high,
        quantity_unit=unit,
        item=items[0] if items else None,
        supporting_claim_ids=tuple(sorted(c.id for c in supporting)),
        contradicting_claim_ids=tuple(sorted(c.id for c in cluster.contradicting)),
        provisions=provisions,
        assessment=assessment,
        method=METHOD,
        origins=(*origins, *against_origins),
        figures=tuple(figures),
        estimate=conservative_estimate(figures, origins, unit=unit),
        contradictions=tuple(contradictions),
        items=tuple(items),
        title=title_for(
            cluster.type,
            cluster.sources,
            cluster.targets,
            item=items[0] if items else None,
            anchors=cluster.anchors,
            time_start=time_start,
            time_end=time_end,
        ),
        parent_id=cluster.parent,
        relevance=relevance,
        relevance_reason=relevance_reason,
        anchors=cluster.anchors,
    )


def incident_id_for(cluster: ClaimCluster) -> str:
    """The cluster's own id (named after its first claim); else a hash of its contents."""
    if cluster.id:
        return cluster.id
    claim_ids = ",".join(sorted(c.id for c in cluster.claims))
    key = (
        f"{cluster.type.value}|{','.join(cluster.sources)}|{','.join(cluster.targets)}|{claim_ids}"
    )
    return "inc_" + hashlib.sha256(key.encode()).hexdigest()[:20]


def aggregate_time(claims: Sequence[Claim]) -> tuple[str | None, str | None]:
    """The days every dated claim allows, written at the finest grain a claim gives.

    Clustering makes the dated claims share at least one day, so "2023" and "2023-09-13"
    give ``("2023-09-13", "2023-09-13")``. Should they not overlap (a lone denial's
    claims), the earliest start and latest end are given instead.
    """
    dated = [(c.time, iv) for c in claims if c.time and (iv := time_interval(c.time))]
    if not dated:
        return None, None
    lo = max(iv[0] for _, iv in dated)
    hi = min(iv[1] for _, iv in dated)
    if lo > hi:
        starts = [(iv[0], t.start) for t, iv in dated if t.start]
        ends = [(iv[1], t.end or t.start) for t, iv in dated if t.end or t.start]
        start = min(starts)[1] if starts else None
        end = max(ends, key=lambda pair: (pair[0], len(pair[1] or "")))[1] if ends else None
        return start, end
    # The finest value that starts on the shared first day, and that ends on its last.
    start_values = [t.start for t, iv in dated if t.start and iv[0] == lo]
    end_values = [t.end or t.start for t, iv in dated if (t.end or t.start) and iv[1] == hi]
    start = max(start_values, key=lambda v: (len(v), v)) if start_values else None
    end = max(end_values, key=lambda v: (len(v or ""), v or "")) if end_values else None
    return start, end


def aggregate_quantity(
    quantities: Sequence[Quantity],
) -> tuple[float | None, float | None, str | None]:
    """(low, high, unit) over the quantities in the most common unit.

    Other units are left out rather than mixed ("shells" and "USD" do not add up). An
    open end on one claim does not erase the numbers others give.
    """
    unit = main_unit(quantities)
    if not quantities:
        return None, None, None
    same = [q for q in quantities if q.unit == unit]
    lows = [q.low for q in same if q.low is not None]
    highs = [q.high for q in same if q.high is not None]
    return (min(lows) if lows else None, max(highs) if highs else None, unit)


def ranked_items(claims: Sequence[Claim]) -> list[str]:
    """Items the claims name, most named first (case-insensitive), ties alphabetical."""
    values = sorted(
        " ".join(c.item.value.split()) for c in claims if c.item and c.item.value.strip()
    )
    counts = Counter(v.casefold() for v in values)
    order = sorted(counts, key=lambda v: (-counts[v], v))
    return [next(v for v in values if v.casefold() == key) for key in order]


def most_common_item(claims: Sequence[Claim]) -> str | None:
    """The item most claims name (case-insensitive); ties go to the alphabetically first."""
    items = ranked_items(claims)
    return items[0] if items else None


def _denials(
    against: Sequence[Claim],
    documents: Mapping[str, DocumentInfo],
    registry: OutletRegistry,
    involved: frozenset[str],
) -> list[Contradiction]:
    """Denials by an involved party apart from other reports that it did not happen."""
    groups: dict[str, list[Claim]] = {}
    for claim in against:
        kind = "denial" if is_involved_party(claim, documents, registry, involved) else "negation"
        groups.setdefault(kind, []).append(claim)
    out = []
    for kind in ("denial", "negation"):
        claims = sorted(groups.get(kind, []), key=lambda c: c.id)
        if not claims:
            continue
        who = sorted(
            {" ".join(a.name.split()) for c in claims for a in c.attributions}
            | {_outlet(c, documents, registry) for c in claims if not c.attributions}
        )
        n = len(claims)
        what = (
            f"{n} claim{'s' if n != 1 else ''} by or for an involved party deny it"
            if kind == "denial"
            else f"{n} report{'s' if n != 1 else ''} say it did not happen"
        )
        out.append(
            Contradiction(
                kind=kind,
                claim_ids=tuple(c.id for c in claims),
                reason=f"{what} ({'; '.join(who)}); kept beside the supporting claims",
            )
        )
    return out


def _outlet(claim: Claim, documents: Mapping[str, DocumentInfo], registry: OutletRegistry) -> str:
    doc = documents.get(claim.document_id)
    if doc is None or not doc.outlet:
        return f"document {claim.document_id[:12]}"
    return registry.canonical_name(doc.outlet) or " ".join(doc.outlet.split())


def _first_published(claims: Sequence[Claim], documents: Mapping[str, DocumentInfo]) -> str | None:
    """The last day of the earliest report: a reported event happened by then."""
    published = [
        day
        for c in claims
        if (doc := documents.get(c.document_id)) and (day := parse_bound(doc.published, upper=True))
    ]
    return min(published).isoformat() if published else None


def _recency_key(incident: Incident) -> tuple[int, int, str]:
    # Newest by the last day the incident reaches; undated incidents go last.
    interval = to_interval(incident.time_start, incident.time_end)
    if interval is None:
        return (1, 0, incident.id)
    return (0, -interval[1].toordinal(), incident.id)
