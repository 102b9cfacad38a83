"""Corrections: appended, never updated or deleted (a later correction supersedes)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC
from typing import Any

from sqlalchemy import insert, select

from sanctionwatch.domain.correction import Correction, CorrectionKind
from sanctionwatch.store import schema as tables
from sanctionwatch.store.engine import Store


def save_correction(store: Store, correction: Correction) -> None:
    """Append ``correction``; saving the same id twice is a no-op."""
    table = tables.corrections
    with store.transaction(write=True) as conn:
        exists = conn.execute(select(table.c.id).where(table.c.id == correction.id)).first()
        if exists is None:
            conn.execute(insert(table).values(**_row(correction)))


def list_corrections(
    store: Store,
    *,
    subject: str | None = None,
    subject_ids: Iterable[str] | None = None,
    document_ids: Iterable[str] | None = None,
) -> list[Correction]:
    """Corrections oldest first, optionally only about some subjects or documents."""
    table = tables.corrections
    query = select(table).order_by(table.c.created_at, table.c.id)
    if subject is not None:
        query = query.where(table.c.subject == subject)
    if subject_ids is not None:
        query = query.where(table.c.subject_id.in_(sorted(set(subject_ids))))
    if document_ids is not None:
        query = query.where(table.c.document_id.in_(sorted(set(document_ids))))
    with store.transaction() as conn:
        return [_correction(row._mapping) for row in conn.execute(query)]


def corrected_document_ids(store: Store) -> list[str]:
    """Documents that hold a corrected claim, in id order."""
    table = tables.corrections
    with store.transaction() as conn:
        rows = conn.execute(
            select(table.c.document_id)
            .where(table.c.document_id.is_not(None))
            .distinct()
            .order_by(table.c.document_id)
        )
        return [str(r) for r in rows.scalars()]


def _row(c: Correction) -> dict[str, Any]:
    return {
        "id": c.id,
        "subject": c.subject,
        "subject_id": c.subject_id,
        "kind": c.kind.value,
        "document_id": c.document_id,
        "claim_type": c.claim_type,
        "evidence_start": c.evidence_start,
        "evidence_end": c.evidence_end,
        "evidence_text": c.evidence_text,
        "data": c.data,
        "author": c.author,
        "created_at": c.created_at,
    }


def _correction(row: Any) -> Correction:
    created = row["created_at"]
    if created.tzinfo is None:  # SQLite returns naive datetimes
        created = created.replace(tzinfo=UTC)
    return Correction(
        id=row["id"],
        subject=row["subject"],
        subject_id=row["subject_id"],
        kind=CorrectionKind(row["kind"]),
        data=dict(row["data"]),
        author=row["author"],
        created_at=created,
        document_id=row["document_id"],
        claim_type=row["claim_type"],
        evidence_start=row["evidence_start"],
        evidence_end=row["evidence_end"],
        evidence_text=row["evidence_text"],
    )
