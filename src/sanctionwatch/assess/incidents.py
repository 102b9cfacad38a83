"""Claims -> incidents: cluster, aggregate roles, time and quantity, map to law, grade."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence

from sanctionwatch.assess.cluster import ClaimCluster, cluster_claims
from sanctionwatch.assess.grade import grade_incident
from sanctionwatch.assess.sources import DocumentInfo, OutletRegistry
from sanctionwatch.assess.timeline import time_interval, to_interval
from sanctionwatch.domain import Claim, Incident, Quantity
from sanctionwatch.law import Regime, map_incident_roles

METHOD = "incidents.simple@v1"


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
        for cluster in cluster_claims(claims, documents=documents)
    ]
    return sorted(incidents, key=_recency_key)


def build_incident(
    cluster: ClaimCluster,
    *,
    documents: Mapping[str, DocumentInfo] | None = None,
    regime: Regime | None = None,
    registry: OutletRegistry | None = None,
) -> Incident:
    supporting = cluster.supporting
    time_start, time_end = aggregate_time(supporting)
    low, high, unit = aggregate_quantity([c.quantity for c in supporting if c.quantity])
    item = most_common_item(supporting)
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
        item=item,
        supporting_claim_ids=tuple(sorted(c.id for c in supporting)),
        contradicting_claim_ids=tuple(sorted(c.id for c in cluster.contradicting)),
        provisions=tuple(
            map_incident_roles(cluster.type, cluster.sources, cluster.targets, item, regime=regime)
        ),
        assessment=grade_incident(
            supporting, cluster.contradicting, documents=documents, registry=registry
        ),
        method=METHOD,
    )


def incident_id_for(cluster: ClaimCluster) -> str:
    """Deterministic: the same type, actors and claims give the same id."""
    claim_ids = ",".join(sorted(c.id for c in cluster.claims))
    key = (
        f"{cluster.type.value}|{','.join(cluster.sources)}|{','.join(cluster.targets)}|{claim_ids}"
    )
    return "inc_" + hashlib.sha256(key.encode()).hexdigest()[:20]


def aggregate_time(claims: Sequence[Claim]) -> tuple[str | None, str | None]:
    """Earliest start and latest end (or start), compared as intervals, not as strings."""
    dated = [(c.time, iv) for c in claims if c.time and (iv := time_interval(c.time))]
    starts = [(iv[0], t.start) for t, iv in dated if t.start]
    ends = [(iv[1], t.end or t.start) for t, iv in dated if t.end or t.start]
    start = min(starts)[1] if starts else None
    # On equal last days prefer the finer value ("2023-12-31" over "2023").
    end = max(ends, key=lambda pair: (pair[0], len(pair[1] or "")))[1] if ends else None
    return start, end


def aggregate_quantity(
    quantities: Sequence[Quantity],
) -> tuple[float | None, float | None, str | None]:
    """(low, high, unit) over the quantities in the most common unit.

    Other units are left out rather than mixed ("shells" and "USD" do not add up). An
    open end on one claim does not erase the numbers others give.
    """
    if not quantities:
        return None, None, None
    counts = Counter(q.unit for q in quantities)
    unit = min(counts, key=lambda u: (-counts[u], u or ""))
    same = [q for q in quantities if q.unit == unit]
    lows = [q.low for q in same if q.low is not None]
    highs = [q.high for q in same if q.high is not None]
    return (min(lows) if lows else None, max(highs) if highs else None, unit)


def most_common_item(claims: Sequence[Claim]) -> str | None:
    """The item most claims name (case-insensitive); ties go to the alphabetically first."""
    values = sorted(c.item.value for c in claims if c.item and c.item.value.strip())
    if not values:
        return None
    counts = Counter(v.casefold() for v in values)
    best = min(counts, key=lambda v: (-counts[v], v))
    return next(v for v in values if v.casefold() == best)


def _recency_key(incident: Incident) -> tuple[int, int, str]:
    # Newest by the last day the incident reaches; undated incidents go last.
    interval = to_interval(incident.time_start, incident.time_end)
    if interval is None:
        return (1, 0, incident.id)
    return (0, -interval[1].toordinal(), incident.id)
