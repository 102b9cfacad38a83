"""Syndication clusters: signatures and LSH band keys kept in the database.

Each document gets one row, written once, in the order documents were stored; a
document joins the cluster of its best-matching earlier copy, or founds its own. The
band keys make the candidate look-up an indexed query, so it works across runs and
needs no index in memory. What counts as a copy is the caller's ``decide`` function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select

from sanctionwatch.store import schema as tables
from sanctionwatch.store.engine import Store

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class SyndicationEntry:
    """What the caller computed for one document (``signature`` None: no words)."""

    document_id: str
    signature: bytes | None
    shingles: int
    band_keys: Sequence[str]
    method: str


@dataclass(frozen=True, slots=True)
class Candidate:
    document_id: str
    cluster_id: str
    signature: bytes
    shingles: int


@dataclass(frozen=True, slots=True)
class Assignment:
    document_id: str
    cluster_id: str
    matched_document_id: str | None
    similarity: float | None


Decide = Callable[[SyndicationEntry, list[Candidate]], tuple[Candidate, float] | None]
"""Picks the copy a new document matches best among candidates, with its similarity."""


def iter_unclustered(store: Store, *, batch: int = _CHUNK) -> Iterator[list[tuple[str, str]]]:
    """``(id, text)`` of documents without a syndication row, oldest stored first."""
    docs, syn = tables.documents, tables.syndication
    last: tuple[object, str] | None = None
    while True:
        query = (
            select(docs.c.id, docs.c.text, docs.c.ingested_at)
            .select_from(docs.outerjoin(syn, syn.c.document_id == docs.c.id))
            .where(syn.c.document_id.is_(None))
            .order_by(docs.c.ingested_at, docs.c.id)
            .limit(batch)
        )
        with store.transaction() as conn:
            rows = conn.execute(query).all()
        # Rows are assigned before the next page is read, so each page is new work; the
        # guard stops a caller that did not assign them from looping for ever.
        if not rows or (last is not None and (rows[0].ingested_at, rows[0].id) == last):
            return
        last = (rows[0].ingested_at, rows[0].id)
        yield [(row.id, row.text) for row in rows]


def assign_clusters(
    store: Store, entries: Sequence[SyndicationEntry], *, decide: Decide
) -> list[Assignment]:
    """Give each entry its cluster in one transaction, in order; earlier ones count."""
    done: list[Assignment] = []
    with store.transaction(write=True) as conn:
        for entry in entries:
            if _assigned(conn, entry.document_id):
                continue
            candidates = _candidates(conn, entry) if entry.signature is not None else []
            best = decide(entry, candidates) if candidates else None
            if best is None:
                assignment = Assignment(entry.document_id, _own_cluster(entry), None, None)
            else:
                match, similarity = best
                assignment = Assignment(
                    entry.document_id, match.cluster_id, match.document_id, similarity
                )
            _insert(conn, entry, assignment)
            done.append(assignment)
    return done


def cluster_members(store: Store, cluster_id: str) -> list[str]:
    syn = tables.syndication
    with store.transaction() as conn:
        query = select(syn.c.document_id).where(syn.c.cluster_id == cluster_id)
        return sorted(conn.execute(query).scalars())


def cluster_sizes(store: Store) -> dict[str, int]:
    """Clusters with more than one document and their sizes."""
    syn = tables.syndication
    with store.transaction() as conn:
        rows = conn.execute(select(syn.c.cluster_id, syn.c.document_id)).all()
    sizes: dict[str, int] = {}
    for row in rows:
        sizes[row.cluster_id] = sizes.get(row.cluster_id, 0) + 1
    return {cluster: n for cluster, n in sorted(sizes.items()) if n > 1}


def _own_cluster(entry: SyndicationEntry) -> str:
    return f"syn_{entry.document_id[:16]}"


def _assigned(conn: Connection, document_id: str) -> bool:
    syn = tables.syndication
    found = conn.execute(select(syn.c.document_id).where(syn.c.document_id == document_id))
    return found.first() is not None


def _candidates(conn: Connection, entry: SyndicationEntry) -> list[Candidate]:
    bands, syn = tables.syndication_bands, tables.syndication
    keys = list(entry.band_keys)
    if not keys:
        return []
    query = (
        select(syn.c.document_id, syn.c.cluster_id, syn.c.signature, syn.c.shingles)
        .where(
            syn.c.document_id.in_(
                select(bands.c.document_id).where(bands.c.band_key.in_(keys)).distinct()
            ),
            syn.c.signature.is_not(None),
            syn.c.method == entry.method,
        )
        .order_by(syn.c.assigned_at, syn.c.document_id)
    )
    return [
        Candidate(row.document_id, row.cluster_id, bytes(row.signature), row.shingles)
        for row in conn.execute(query)
    ]


def _insert(conn: Connection, entry: SyndicationEntry, assignment: Assignment) -> None:
    conn.execute(
        insert(tables.syndication).values(
            document_id=entry.document_id,
            cluster_id=assignment.cluster_id,
            matched_document_id=assignment.matched_document_id,
            similarity=assignment.similarity,
            shingles=entry.shingles,
            signature=entry.signature,
            method=entry.method,
            assigned_at=datetime.now(UTC),
        )
    )
    keys = sorted(set(entry.band_keys))
    if keys:
        conn.execute(
            insert(tables.syndication_bands),
            [{"band_key": key, "document_id": entry.document_id} for key in keys],
        )
