"""The write path. Every function is one transaction and safe to repeat.

Documents and raw bytes are content-addressed and never updated; derived rows (claims,
incidents, provisions) are replaced wholesale by whoever produced them, so re-running a
stage gives the same database as running it once.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, delete, insert, select, text
from sqlalchemy.exc import IntegrityError

from sanctionwatch.domain.claim import Claim
from sanctionwatch.domain.codec import claim_to_dict, incident_to_dict, provision_to_dict
from sanctionwatch.domain.document import Document, document_id_for
from sanctionwatch.domain.errors import NotFoundError
from sanctionwatch.domain.incident import Incident
from sanctionwatch.domain.provision import Provision
from sanctionwatch.store import schema as tables
from sanctionwatch.store.changelog import log_incident_changes
from sanctionwatch.store.engine import Store
from sanctionwatch.store.incidentfacets import delete_facets, write_facets
from sanctionwatch.store.schema import FTS_TABLE
from sanctionwatch.store.timebounds import interval_bounds

_T = TypeVar("_T")
# Well under SQLite's bound-parameter limit, and small enough for any driver.
_CHUNK = 500


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def save_document(store: Store, doc: Document, raw: bytes | None = None) -> bool:
    """Store ``doc`` (and its original bytes); ``True`` if it was new.

    A document already stored is left as it is: ids are content hashes, so the same id is
    the same text. Raw bytes missing from an earlier save are still added.
    """
    if doc.id != document_id_for(doc.text):
        raise ValueError(f"document id {doc.id!r} is not the SHA-256 of its text")
    raw_sha = None
    if raw is not None:
        raw_sha = sha256_hex(raw)
        if doc.raw_sha256 not in (None, raw_sha):
            raise ValueError(f"raw bytes hash to {raw_sha}, document says {doc.raw_sha256}")
    # Two attempts: a concurrent writer (PostgreSQL) may insert the same id between our
    # check and insert; the retry then sees it and reports "not new".
    for attempt in range(2):
        try:
            with store.transaction(write=True) as conn:
                if raw is not None and raw_sha is not None:
                    _put_blob(conn, raw_sha, raw)
                if _exists(conn, tables.documents.c.id, doc.id):
                    return False
                conn.execute(insert(tables.documents).values(_document_row(doc, raw_sha)))
                if store.has_fts:
                    _index_document(conn, doc)
                return True
        except IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


def save_claims(store: Store, document_id: str, claims: Iterable[Claim], *, extractor: str) -> int:
    """Replace the claims that ``extractor`` made for ``document_id``; return how many.

    Also records that ``extractor`` has run on the document, even with no claims, so
    ``extracted_document_ids`` can tell finished documents from pending ones.
    """
    return save_extractions(store, [(document_id, list(claims))], extractor=extractor)


def save_extractions(
    store: Store, results: Iterable[tuple[str, Sequence[Claim]]], *, extractor: str
) -> int:
    """``save_claims`` for a batch of documents (a backfill partition) in one transaction."""
    batch = [(document_id, list(claims)) for document_id, claims in results]
    prepared = []
    for document_id, claims in batch:
        for claim in claims:
            if claim.document_id != document_id:
                raise ValueError(
                    f"claim {claim.id} belongs to {claim.document_id}, not {document_id}"
                )
        ids = _unique_ids([c.id for c in claims], kind="claim")
        prepared.append((document_id, ids, [_claim_row(c, extractor) for c in claims]))
    total = 0
    with store.transaction(write=True) as conn:
        for document_id, ids, rows in prepared:
            total += _replace_claims(conn, document_id, ids, rows, extractor=extractor)
    return total


def _replace_claims(
    conn: Connection,
    document_id: str,
    ids: list[str],
    rows: list[dict[str, Any]],
    *,
    extractor: str,
) -> int:
    if not _exists(conn, tables.documents.c.id, document_id):
        raise NotFoundError(f"cannot save claims: no document {document_id}")
    conn.execute(
        delete(tables.claims).where(
            tables.claims.c.document_id == document_id, tables.claims.c.extractor == extractor
        )
    )
    # A claim id may move between extractor labels; its old row must not block it.
    for id_chunk in _chunks(ids):
        conn.execute(delete(tables.claims).where(tables.claims.c.id.in_(id_chunk)))
    for row_chunk in _chunks(rows):
        conn.execute(insert(tables.claims), row_chunk)
    done = tables.extractions
    conn.execute(
        delete(done).where(done.c.document_id == document_id, done.c.extractor == extractor)
    )
    conn.execute(
        insert(done).values(
            document_id=document_id,
            extractor=extractor,
            claim_count=len(rows),
            extracted_at=datetime.now(UTC),
        )
    )
    return len(rows)


def replace_incidents(
    store: Store,
    incidents: Iterable[Incident],
    *,
    after: Callable[[Connection], None] | None = None,
) -> int:
    """Replace every incident and its claim links with ``incidents``; return how many.

    ``after`` runs in the same transaction (a rebuild writes its blocking index there).
    """
    batch = list(incidents)
    _unique_ids([i.id for i in batch], kind="incident")
    built_at = datetime.now(UTC)
    rows = [_incident_row(i, built_at) for i in batch]
    links = [link for i in batch for link in _incident_links(i)]
    with store.transaction(write=True) as conn:
        conn.execute(delete(tables.incident_claims))
        delete_facets(conn, None)
        conn.execute(delete(tables.incidents))
        for row_chunk in _chunks(rows):
            conn.execute(insert(tables.incidents), row_chunk)
        write_facets(conn, rows)
        for link_chunk in _chunks(links):
            conn.execute(insert(tables.incident_claims), link_chunk)
        if after is not None:
            after(conn)
        log_incident_changes(conn, [i.id for i in batch])
    return len(rows)


def save_provisions(store: Store, provisions: Iterable[Provision]) -> int:
    """Insert or replace provisions by id; return how many."""
    batch = list(provisions)
    ids = _unique_ids([p.id for p in batch], kind="provision")
    rows = [
        {
            "id": p.id,
            "regime": p.regime,
            "resolution": p.resolution,
            "paragraph": p.paragraph,
            "status": p.status,
            "category": p.category,
            "data": provision_to_dict(p),
        }
        for p in batch
    ]
    with store.transaction(write=True) as conn:
        # Delete-then-insert is the one upsert both SQLite and PostgreSQL accept unchanged.
        for id_chunk in _chunks(ids):
            conn.execute(delete(tables.provisions).where(tables.provisions.c.id.in_(id_chunk)))
        for row_chunk in _chunks(rows):
            conn.execute(insert(tables.provisions), row_chunk)
    return len(rows)


def quarantine_id_for(source_ref: str, code: str, raw_sha256: str | None) -> str:
    return sha256_hex(f"{source_ref}\x1f{raw_sha256 or ''}\x1f{code}".encode())


def quarantine(
    store: Store,
    *,
    source_ref: str,
    code: str,
    message: str,
    raw: bytes | None = None,
    format_hint: str | None = None,
    origin: str | None = None,
) -> bool:
    """Record a bad input with its original bytes; ``True`` if it was not recorded before.

    The same source, bytes and code give the same row, so re-running a batch adds nothing.
    ``format_hint`` and ``origin`` tell a later retry how to parse the bytes again, or
    where to read them when there are none (a file over the cap, a URL that failed).
    """
    from sanctionwatch.store.ingestion import QuarantineWrite, save_results

    write = QuarantineWrite(source_ref, code, message, raw, format_hint, origin)
    return save_results(store, None, [write])[0]


def rebuild_search_index(store: Store) -> int:
    """Refill the SQLite full-text index from the documents table; return how many."""
    if not store.has_fts:
        return 0
    with store.transaction(write=True) as conn:
        conn.execute(text(f"DELETE FROM {FTS_TABLE}"))
        conn.execute(
            text(
                f"INSERT INTO {FTS_TABLE} (doc_id, title, text) "
                "SELECT id, coalesce(title, ''), text FROM documents"
            )
        )
        count = conn.execute(text(f"SELECT count(*) FROM {FTS_TABLE}")).scalar_one()
    return int(count)


# --- rows --------------------------------------------------------------------------------


def _document_row(doc: Document, raw_sha: str | None) -> dict[str, Any]:
    return {
        "id": doc.id,
        "text": doc.text,
        "title": doc.title,
        "outlet": doc.outlet,
        "url": doc.url,
        "published": doc.published,
        "language": doc.language,
        "fetched_at": doc.fetched_at,
        "format": doc.format,
        "source_ref": doc.source_ref,
        "external_id": doc.external_id,
        # Bytes given without a declared hash are still linked to the document.
        "raw_sha256": doc.raw_sha256 or raw_sha,
        "syndication_cluster": doc.syndication_cluster,
        "meta": dict(doc.meta),
        "word_count": doc.word_count,
        "ingested_at": datetime.now(UTC),
    }


def _claim_row(claim: Claim, extractor: str) -> dict[str, Any]:
    return {
        "id": claim.id,
        "document_id": claim.document_id,
        "type": claim.type.value,
        "modality": claim.modality.value,
        "source_codes": list(claim.source_codes),
        "target_codes": list(claim.target_codes),
        "time_start": claim.time.start if claim.time else None,
        "time_end": claim.time.end if claim.time else None,
        "evidence_start": claim.evidence.start,
        "evidence_end": claim.evidence.end,
        "extractor": extractor,
        "data": claim_to_dict(claim),
    }


def _incident_row(incident: Incident, built_at: datetime) -> dict[str, Any]:
    time_lo, time_hi = interval_bounds(incident.time_start, incident.time_end)
    return {
        "id": incident.id,
        "type": incident.type.value,
        "time_start": incident.time_start,
        "time_end": incident.time_end,
        "time_lo": time_lo,
        "time_hi": time_hi,
        "data": incident_to_dict(incident),
        "built_at": built_at,
        "parent_id": incident.parent_id,
        "relevance": incident.relevance or None,
        "grade": incident.assessment.code if incident.assessment is not None else None,
    }


def _incident_links(incident: Incident) -> Iterator[dict[str, Any]]:
    for role, claim_ids in (
        ("support", incident.supporting_claim_ids),
        ("contradict", incident.contradicting_claim_ids),
    ):
        for position, claim_id in enumerate(dict.fromkeys(claim_ids)):
            yield {
                "incident_id": incident.id,
                "claim_id": claim_id,
                "role": role,
                "position": position,
            }


# --- helpers -----------------------------------------------------------------------------


def _put_blob(conn: Connection, sha: str, raw: bytes) -> None:
    if not _exists(conn, tables.raw_blobs.c.sha256, sha):
        conn.execute(insert(tables.raw_blobs).values(sha256=sha, bytes=raw, size=len(raw)))


def _index_document(conn: Connection, doc: Document) -> None:
    conn.execute(
        text(f"INSERT INTO {FTS_TABLE} (doc_id, title, text) VALUES (:doc_id, :title, :text)"),
        {"doc_id": doc.id, "title": doc.title or "", "text": doc.text},
    )


def _exists(conn: Connection, column: Any, value: str) -> bool:
    return conn.execute(select(column).where(column == value)).first() is not None


def _unique_ids(ids: list[str], *, kind: str) -> list[str]:
    """Duplicate ids in one batch mean the producer has a bug; say so instead of guessing."""
    duplicates = sorted(i for i, n in Counter(ids).items() if n > 1)
    if duplicates:
        raise ValueError(f"duplicate {kind} ids in one batch: {', '.join(duplicates[:5])}")
    return ids


def _chunks(items: Sequence[_T], size: int = _CHUNK) -> Iterator[list[_T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
