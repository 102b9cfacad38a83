"""Ingestion bookkeeping: input state, batched saves, chain of custody, quarantine retry.

An input is marked ``failed`` before its documents are written and ``done`` after the
last of them, each batch in one transaction. Documents and quarantine rows are keyed by
content, so redoing an input that was cut off (kill -9) rewrites nothing it had stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select, update

from sanctionwatch.domain.document import Document, document_id_for
from sanctionwatch.store import schema as tables
from sanctionwatch.store.engine import Store
from sanctionwatch.store.writer import (
    _document_row,
    _exists,
    _index_document,
    _put_blob,
    quarantine_id_for,
    sha256_hex,
)

STARTED = "failed"
"""Status of an input being processed: it stays so if the run dies."""
DONE = "done"


@dataclass(frozen=True, slots=True)
class DocumentWrite:
    document: Document
    raw: bytes | None


@dataclass(frozen=True, slots=True)
class QuarantineWrite:
    source_ref: str
    code: str
    message: str
    raw: bytes | None
    format_hint: str | None = None
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class ItemState:
    key: str
    source_ref: str
    status: str
    documents: int
    quarantined: int


def item_key_for(source_ref: str, raw_sha256: str | None, version: str) -> str:
    return sha256_hex(f"{source_ref}\x1f{raw_sha256 or ''}\x1f{version}".encode())


def get_item(store: Store, key: str) -> ItemState | None:
    items = tables.ingest_items
    with store.transaction() as conn:
        row = conn.execute(select(items).where(items.c.key == key)).first()
    if row is None:
        return None
    return ItemState(row.key, row.source_ref, row.status, row.documents, row.quarantined)


def start_item(
    store: Store, *, key: str, source_ref: str, raw_sha256: str | None, version: str
) -> None:
    """Mark an input as failed until :func:`finish_item` says otherwise."""
    items = tables.ingest_items
    values = {
        "status": STARTED,
        "started_at": datetime.now(UTC),
        "finished_at": None,
        "documents": 0,
        "quarantined": 0,
    }
    with store.transaction(write=True) as conn:
        if _exists(conn, items.c.key, key):
            conn.execute(update(items).where(items.c.key == key).values(**values))
        else:
            conn.execute(
                insert(items).values(
                    key=key, source_ref=source_ref, raw_sha256=raw_sha256, version=version, **values
                )
            )


def finish_item(store: Store, key: str, *, documents: int, quarantined: int) -> None:
    items = tables.ingest_items
    with store.transaction(write=True) as conn:
        conn.execute(
            update(items)
            .where(items.c.key == key)
            .values(
                status=DONE,
                finished_at=datetime.now(UTC),
                documents=documents,
                quarantined=quarantined,
            )
        )


def unfinished_items(store: Store) -> list[ItemState]:
    """Inputs a run started and never finished (it was killed or crashed)."""
    items = tables.ingest_items
    with store.transaction() as conn:
        rows = conn.execute(
            select(items).where(items.c.status == STARTED).order_by(items.c.started_at)
        ).all()
    return [ItemState(r.key, r.source_ref, r.status, r.documents, r.quarantined) for r in rows]


def item_document_ids(store: Store, key: str) -> list[str]:
    links = tables.item_documents
    with store.transaction() as conn:
        query = select(links.c.document_id).where(links.c.item_key == key)
        return sorted(conn.execute(query).scalars())


def document_items(store: Store, document_id: str) -> list[dict[str, object]]:
    """Every input a document came from: its custody record."""
    links, items = tables.item_documents, tables.ingest_items
    query = (
        select(items)
        .join(links, links.c.item_key == items.c.key)
        .where(links.c.document_id == document_id)
        .order_by(items.c.started_at)
    )
    with store.transaction() as conn:
        return [
            {
                "source_ref": row.source_ref,
                "raw_sha256": row.raw_sha256,
                "version": row.version,
                "status": row.status,
                "started_at": row.started_at.isoformat(),
            }
            for row in conn.execute(query)
        ]


def save_results(
    store: Store, item_key: str | None, writes: Sequence[DocumentWrite | QuarantineWrite]
) -> list[bool]:
    """Store a batch in one transaction; for each write, ``True`` if it added a row."""
    added: list[bool] = []
    with store.transaction(write=True) as conn:
        for write in writes:
            if isinstance(write, DocumentWrite):
                added.append(_save_document(conn, store.has_fts, write, item_key))
            else:
                added.append(_save_quarantine(conn, write))
    return added


def _save_document(
    conn: Connection, has_fts: bool, write: DocumentWrite, item_key: str | None
) -> bool:
    doc = write.document
    if doc.id != document_id_for(doc.text):
        raise ValueError(f"document id {doc.id!r} is not the SHA-256 of its text")
    raw_sha = None
    if write.raw is not None:
        raw_sha = sha256_hex(write.raw)
        _put_blob(conn, raw_sha, write.raw)
    is_new = not _exists(conn, tables.documents.c.id, doc.id)
    if is_new:
        conn.execute(insert(tables.documents).values(_document_row(doc, raw_sha)))
        if has_fts:
            _index_document(conn, doc)
    if item_key is not None:
        links = tables.item_documents
        linked = conn.execute(
            select(links.c.item_key).where(
                links.c.item_key == item_key, links.c.document_id == doc.id
            )
        ).first()
        if linked is None:
            conn.execute(insert(links).values(item_key=item_key, document_id=doc.id))
    return is_new


def _save_quarantine(conn: Connection, write: QuarantineWrite) -> bool:
    raw_sha = None if write.raw is None else sha256_hex(write.raw)
    entry_id = quarantine_id_for(write.source_ref, write.code, raw_sha)
    q = tables.quarantine
    if write.raw is not None and raw_sha is not None:
        _put_blob(conn, raw_sha, write.raw)
    if _exists(conn, q.c.id, entry_id):
        # The same failure again: open it again if a retry had closed it.
        conn.execute(update(q).where(q.c.id == entry_id).values(resolved_at=None))
        return False
    conn.execute(
        insert(q).values(
            id=entry_id,
            source_ref=write.source_ref,
            code=write.code,
            message=write.message,
            raw_sha256=raw_sha,
            created_at=datetime.now(UTC),
            format_hint=write.format_hint or None,
            origin=write.origin,
            attempts=0,
            resolved_at=None,
        )
    )
    return True


def record_retry(store: Store, entry_id: str, *, resolved: bool) -> None:
    """Count a retry of a quarantine entry; close it when the retry stored everything."""
    q = tables.quarantine
    with store.transaction(write=True) as conn:
        attempts = conn.execute(select(q.c.attempts).where(q.c.id == entry_id)).scalar_one()
        values: dict[str, object] = {"attempts": (attempts or 0) + 1}
        if resolved:
            values["resolved_at"] = datetime.now(UTC)
        conn.execute(update(q).where(q.c.id == entry_id).values(**values))
