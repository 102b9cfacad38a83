"""Keep incidents current: an incremental update after each ingest, a full rebuild on demand.

``update_incidents`` reads only the new documents' claims and the incidents their blocking
keys reach, adds the claims one by one and writes back the incidents that changed (and
their episodes), re-graded. Its cost follows the size of what was ingested and of the
events it touches, not the size of the store. When the stored incidents were built by
another clusterer or extractor, it rebuilds instead.

``rebuild_incidents`` re-clusters every claim. Ids stay stable: each new incident takes
the old id that most of its claims had; an old id none takes redirects to the incident
holding most of its claims.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import Connection

from sanctionwatch import store as st
from sanctionwatch.assess import (
    DocumentInfo,
    build_incident,
    describe_document,
    load_outlet_registry,
)
from sanctionwatch.assess.cluster import CLUSTERER, ClaimCluster, Clusterer, cluster_claims
from sanctionwatch.assess.events import EventFacts, blocking_keys, read_facts
from sanctionwatch.assess.grade import GRADER
from sanctionwatch.assess.incidents import with_episodes
from sanctionwatch.assess.recurrence import Recurrence, learn_recurrence, observation_of
from sanctionwatch.assess.review import (
    Review,
    apply_incident_corrections,
    review_claims,
    review_reasons,
)
from sanctionwatch.assess.timeline import Interval
from sanctionwatch.domain import Claim, Document, Incident
from sanctionwatch.extract import extractor_id
from sanctionwatch.law import load_regime
from sanctionwatch.law.mapper import MAPPER
from sanctionwatch.store.corrections import list_corrections


def built_by() -> str:
    """What the stored incidents must have been built with for an update to extend them.

    The mapper and grader versions are part of it: incidents mapped or graded by older
    rules are rebuilt, not extended, so no stored incident keeps a superseded reading.
    """
    return f"{CLUSTERER}|{extractor_id()}|{MAPPER}|{GRADER}"


def document_info(doc: Document) -> DocumentInfo:
    """The grader's view of a document: its fields, plus the outlet credits, byline and
    named people its text carries (a document without an outlet field is still graded by
    the outlet or author it names)."""
    return describe_document(doc)


def rebuild_incidents(store: st.Store) -> int:
    """Cluster every claim of the current extractor; replace the old set, keeping ids.

    Analysts' corrections are applied first (rejected claims leave, corrected values are
    what clustering and grading read), and their merges and splits after clustering.
    """
    corrections = list_corrections(store)
    reviewed = review_claims(st.list_claims(store, extractor=extractor_id()), corrections)
    claims = reviewed.claims
    documents = _documents(store, {c.document_id for c in claims})
    old = _old_membership(store)
    clusters, redirects = keep_ids(cluster_claims(claims, documents=documents), old)
    clusters, merged = apply_incident_corrections(clusters, corrections)
    redirects.update(merged)
    incidents = _build(with_episodes(clusters), documents, reviews=reviewed.reviews)
    facts = {c.id: read_facts(c, documents) for c in claims}
    keys = {
        cluster.id: {k for c in cluster.claims for k in blocking_keys(facts[c.id], query=False)}
        for cluster in clusters
    }
    periods = learn_recurrence(facts.values()).periods
    st.save_provisions(store, load_regime().provisions)

    def _state(conn: Connection) -> None:
        st.write_rebuild_state(
            conn, keys=keys, redirects=redirects, periods=periods, built_by=built_by()
        )

    return st.replace_incidents(store, incidents, after=_state)


def update_incidents(store: st.Store, *, document_ids: Iterable[str]) -> int:
    """Add the claims of ``document_ids`` to the stored incidents; return how many changed."""
    if st.incidents_built_by(store) != built_by():
        return rebuild_incidents(store)
    extractor = extractor_id()
    doc_ids = sorted(set(document_ids))
    claims = _reviewed(
        store,
        [c for d in doc_ids for c in st.list_claims(store, document_id=d, extractor=extractor)],
    )
    documents = _documents(store, doc_ids)
    new = [read_facts(c, documents) for c in claims if c.source_codes or c.target_codes]
    if not new:
        return 0
    query = set().union(*(blocking_keys(f, query=True) for f in new))
    stored = {
        i: _reviewed_pairs(store, st.claims_for_incident(store, i))
        for i in sorted(st.incident_ids_for_keys(store, query))
    }
    members = {c.id for pairs in stored.values() for _, c in pairs}
    new = [f for f in new if f.claim.id not in members]
    documents.update(
        _documents(store, {c.document_id for pairs in stored.values() for _, c in pairs})
    )
    restored = {
        i: [read_facts(c, documents) for _, c in pairs] for i, pairs in stored.items() if pairs
    }
    kinds = {k for f in new if (k := f.kind())} | {
        k for fs in restored.values() for f in fs if (k := f.kind())
    }
    recurrence = Recurrence(periods=st.event_periods(store, kinds), span=st.event_span(store))
    clusterer = Clusterer(recurrence)
    for incident_id, facts in restored.items():
        clusterer.restore(incident_id, facts[0].type, facts)
    for item in sorted(new, key=lambda f: (f.contradicts, f.order())):
        clusterer.add(item)
    changed = sorted(clusterer.changed)
    clusters = clusterer.clusters(changed)
    reviews = review_claims(
        [c for k in clusters for c in k.claims],
        list_corrections(
            store, subject="claim", document_ids={c.document_id for k in clusters for c in k.claims}
        ),
    ).reviews
    incidents = _build(with_episodes(clusters), documents, reviews=reviews)
    st.save_provisions(store, load_regime().provisions)
    return st.upsert_incidents(
        store,
        incidents,
        keys={i: clusterer.keys_added.get(i, set()) for i in changed},
        drop_children_of=changed,
        periods=_periods(new),
    )


def keep_ids(
    clusters: Sequence[ClaimCluster], old: Mapping[str, str]
) -> tuple[list[ClaimCluster], dict[str, str]]:
    """Give each cluster the old id most of its claims had; redirect the old ids left over.

    ``old`` maps claim id to the id of the (top-level) incident it belonged to.
    """
    overlap: Counter[tuple[int, str]] = Counter()
    for index, cluster in enumerate(clusters):
        for claim in cluster.claims:
            if claim.id in old:
                overlap[(index, old[claim.id])] += 1
    taken: dict[int, str] = {}
    used: set[str] = set()
    for (index, old_id), _ in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0])):
        if index not in taken and old_id not in used:
            taken[index] = old_id
            used.add(old_id)
    out: list[ClaimCluster] = []
    for index, cluster in enumerate(clusters):
        new_id = taken.get(index, cluster.id)
        if index not in taken and new_id in used:
            new_id = f"{new_id[:-4]}{index % 10000:04d}"  # its seed's old id went elsewhere
        out.append(dataclasses.replace(cluster, id=new_id))
    redirects: dict[str, str] = {}
    best: dict[str, tuple[int, int]] = {}
    for (index, old_id), count in overlap.items():
        if old_id not in used and count > best.get(old_id, (0, 0))[0]:
            best[old_id] = (count, index)
    for old_id, (_, index) in best.items():
        redirects[old_id] = out[index].id
    return out, redirects


def _build(
    clusters: Iterable[ClaimCluster],
    documents: Mapping[str, DocumentInfo],
    *,
    reviews: Mapping[str, Review] | None = None,
) -> list[Incident]:
    regime, registry = load_regime(), load_outlet_registry()
    out = []
    for cluster in clusters:
        incident = build_incident(cluster, documents=documents, regime=regime, registry=registry)
        reasons = review_reasons(r for c in cluster.claims if (r := (reviews or {}).get(c.id)))
        if reasons and incident.assessment is not None:
            assessment = dataclasses.replace(
                incident.assessment, reasons=(*incident.assessment.reasons, *reasons)
            )
            incident = dataclasses.replace(incident, assessment=assessment)
        out.append(incident)
    return out


def _reviewed(store: st.Store, claims: list[Claim]) -> list[Claim]:
    """The claims as analysts corrected them, rejected ones left out."""
    if not claims:
        return claims
    documents = {c.document_id for c in claims}
    corrections = list_corrections(store, subject="claim", document_ids=documents)
    return review_claims(claims, corrections).claims if corrections else claims


def _reviewed_pairs(store: st.Store, pairs: list[tuple[str, Claim]]) -> list[tuple[str, Claim]]:
    role_of = {c.id: role for role, c in pairs}
    return [(role_of[c.id], c) for c in _reviewed(store, [c for _, c in pairs])]


def _documents(store: st.Store, ids: Iterable[str]) -> dict[str, DocumentInfo]:
    return {doc_id: document_info(st.get_document(store, doc_id)) for doc_id in sorted(set(ids))}


def _old_membership(store: st.Store) -> dict[str, str]:
    out: dict[str, str] = {}
    for incident in st.list_incidents(store, episodes=False):
        for claim_id in incident.claim_ids:
            out.setdefault(claim_id, incident.id)
    return out


def _periods(facts: Iterable[EventFacts]) -> dict[str, set[Interval]]:
    out: dict[str, set[Interval]] = {}
    for item in facts:
        found = observation_of(item)
        if found is not None:
            out.setdefault(found[0], set()).add(found[1])
    return out
