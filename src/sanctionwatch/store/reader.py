"""The read path: domain objects out, never rows.

Lookups by id also take an unambiguous prefix of at least ``MIN_PREFIX`` characters, as
analysts copy short ids from tables; anything missing or ambiguous raises NotFoundError.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Select, func, or_, select

from sanctionwatch.domain.claim import Claim, ClaimType
from sanctionwatch.domain.codec import claim_from_dict, incident_from_dict, provision_from_dict
from sanctionwatch.domain.document import Document
from sanctionwatch.domain.errors import NotFoundError
from sanctionwatch.domain.incident import Incident
from sanctionwatch.domain.provision import Provision
from sanctionwatch.store import schema as tables
from sanctionwatch.store.engine import Store
from sanctionwatch.store.timebounds import lower_bound, parse_bound, upper_bound

MIN_PREFIX = 8
_HEX = re.compile(r"[0-9a-f]+")
_CHUNK = 500
_ROLE_ORDER = {"support": 0, "contradict": 1}


@dataclass(frozen=True, slots=True)
class QuarantineEntry:
    id: str
    source_ref: str
    code: str
    message: str
    raw_sha256: str | None
    created_at: datetime
    format_hint: str | None = None
    origin: str | None = None
    attempts: int = 0
    resolved_at: datetime | None = None


# --- documents ---------------------------------------------------------------------------


def _documents_query() -> Select[Any]:
    """Documents with their syndication cluster, which lives in its own table."""
    docs, syn = tables.documents, tables.syndication
    columns = [c for c in docs.c if c.name != "syndication_cluster"]
    cluster = func.coalesce(syn.c.cluster_id, docs.c.syndication_cluster)
    return select(*columns, cluster.label("syndication_cluster")).select_from(
        docs.outerjoin(syn, syn.c.document_id == docs.c.id)
    )


def get_document(store: Store, id: str) -> Document:
    with store.transaction() as conn:
        doc_id = _resolve_id(
            conn, tables.documents.c.id, id.lower(), kind="document", hex_only=True
        )
        row = conn.execute(_documents_query().where(tables.documents.c.id == doc_id)).one()
    return _document_from_row(row)


def get_raw(store: Store, sha256: str) -> bytes:
    with store.transaction() as conn:
        data = conn.execute(
            select(tables.raw_blobs.c.bytes).where(tables.raw_blobs.c.sha256 == sha256.lower())
        ).scalar_one_or_none()
    if data is None:
        raise NotFoundError(f"no raw bytes with sha256 {sha256}")
    return bytes(data)


def list_documents(store: Store, *, limit: int = 100, offset: int = 0) -> list[Document]:
    """Newest publication first; undated documents last."""
    docs = tables.documents
    query = (
        _documents_query()
        .order_by(docs.c.published.desc().nulls_last(), docs.c.id)
        .limit(limit)
        .offset(offset)
    )
    with store.transaction() as conn:
        return [_document_from_row(row) for row in conn.execute(query)]


def count_documents(store: Store) -> int:
    with store.transaction() as conn:
        return _count(conn, tables.documents)


def document_ids(store: Store) -> list[str]:
    with store.transaction() as conn:
        query = select(tables.documents.c.id).order_by(tables.documents.c.id)
        return list(conn.execute(query).scalars())


# --- claims ------------------------------------------------------------------------------


def get_claim(store: Store, id: str) -> Claim:
    return claim_from_dict(_stored_data(store, tables.claims, id, kind="claim"))


def list_claims(
    store: Store,
    *,
    document_id: str | None = None,
    ids: Iterable[str] | None = None,
    type: ClaimType | str | None = None,
    extractor: str | None = None,
) -> list[Claim]:
    """Claims in document and text order. Unknown ``ids`` are skipped, not an error."""
    with store.transaction() as conn:
        return _select_claims(
            conn, document_id=document_id, ids=ids, type=type, extractor=extractor
        )


def all_claims(store: Store) -> list[Claim]:
    return list_claims(store)


def extracted_document_ids(store: Store, *, extractor: str) -> set[str]:
    """Documents ``extractor`` has already run on (with or without claims)."""
    done = tables.extractions
    with store.transaction() as conn:
        query = select(done.c.document_id).where(done.c.extractor == extractor)
        return set(conn.execute(query).scalars())


# --- incidents ---------------------------------------------------------------------------


def get_incident(store: Store, id: str) -> Incident:
    return incident_from_dict(_stored_data(store, tables.incidents, id, kind="incident"))


def list_incidents(
    store: Store,
    *,
    type: ClaimType | str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    relevance: str | None = None,
    episodes: bool = True,
    parent_id: str | None = None,
) -> list[Incident]:
    """Incidents whose time range overlaps [since, until], latest first.

    Bounds are ISO dates at any grain; ``since="2023-01"`` keeps an incident dated only
    ``2023``. With a bound given, incidents of unknown time are left out. ``relevance``
    (``regime`` | ``other``) filters by relevance to the 1718 regime; ``episodes=False``
    leaves out the episodes inside campaigns; ``parent_id`` gives one campaign's episodes.
    """
    inc = tables.incidents
    filters: list[ColumnElement[bool]] = []
    if relevance == "regime":
        # Incidents built before relevance was judged stay in the default view.
        filters.append(or_(inc.c.relevance == relevance, inc.c.relevance.is_(None)))
    elif relevance is not None:
        filters.append(inc.c.relevance == relevance)
    if not episodes:
        filters.append(inc.c.parent_id.is_(None))
    if parent_id is not None:
        filters.append(inc.c.parent_id == parent_id)
    if type is not None:
        filters.append(inc.c.type == ClaimType(type).value)
    if since is not None:
        filters.append(inc.c.time_hi >= lower_bound(parse_bound(since, name="since")))
    if until is not None:
        filters.append(inc.c.time_lo <= upper_bound(parse_bound(until, name="until")))
    query = select(inc.c.data).where(*filters).order_by(inc.c.time_lo.desc().nulls_last(), inc.c.id)
    if limit is not None:
        query = query.limit(limit)
    with store.transaction() as conn:
        return [incident_from_dict(data) for data in conn.execute(query).scalars()]


def claims_for_incident(store: Store, incident_id: str) -> list[tuple[str, Claim]]:
    """``(role, claim)`` pairs, supporting before contradicting, in the incident's order.

    Links to claims removed by a later re-extraction are skipped until incidents are rebuilt.
    """
    links = tables.incident_claims
    with store.transaction() as conn:
        resolved = _resolve_id(conn, tables.incidents.c.id, incident_id, kind="incident")
        rows = conn.execute(
            select(links.c.role, links.c.claim_id, links.c.position).where(
                links.c.incident_id == resolved
            )
        ).all()
        ordered = sorted(rows, key=lambda r: (_ROLE_ORDER.get(r.role, 9), r.position))
        found = _select_claims(conn, ids=[r.claim_id for r in ordered])
    by_id = {claim.id: claim for claim in found}
    return [(r.role, by_id[r.claim_id]) for r in ordered if r.claim_id in by_id]


# --- provisions, quarantine, stats ------------------------------------------------------


def get_provision(store: Store, id: str) -> Provision:
    with store.transaction() as conn:
        data = conn.execute(
            select(tables.provisions.c.data).where(tables.provisions.c.id == id)
        ).scalar_one_or_none()
    if data is None:
        raise NotFoundError(f"no provision {id}")
    return provision_from_dict(data)


def list_provisions(
    store: Store, *, regime: str | None = None, category: str | None = None
) -> list[Provision]:
    p = tables.provisions
    filters: list[ColumnElement[bool]] = []
    if regime is not None:
        filters.append(p.c.regime == regime)
    if category is not None:
        filters.append(p.c.category == category)
    with store.transaction() as conn:
        rows = conn.execute(select(p.c.data).where(*filters).order_by(p.c.id)).scalars()
        return [provision_from_dict(data) for data in rows]


def list_quarantine(
    store: Store, *, code: str | None = None, include_resolved: bool = False
) -> list[QuarantineEntry]:
    """Quarantined inputs, oldest first; those a retry has since stored are left out."""
    q = tables.quarantine
    query = select(q).order_by(q.c.created_at, q.c.id)
    if code is not None:
        query = query.where(q.c.code == code)
    if not include_resolved:
        query = query.where(q.c.resolved_at.is_(None))
    with store.transaction() as conn:
        return [
            QuarantineEntry(
                id=row.id,
                source_ref=row.source_ref,
                code=row.code,
                message=row.message,
                raw_sha256=row.raw_sha256,
                created_at=_as_utc(row.created_at),
                format_hint=row.format_hint,
                origin=row.origin,
                attempts=row.attempts or 0,
                resolved_at=_as_utc(row.resolved_at) if row.resolved_at else None,
            )
            for row in conn.execute(query)
        ]


def incidents_out_of_date(store: Store) -> bool:
    """Whether claims were extracted after incidents were last built (a run cut short)."""
    with store.transaction() as conn:
        last_extraction = conn.execute(select(func.max(tables.extractions.c.extracted_at))).scalar()
        last_build = conn.execute(select(func.max(tables.incidents.c.built_at))).scalar()
        meta = tables.schema_meta
        current = conn.execute(
            select(meta.c.value).where(meta.c.key == "incidents_current_at")
        ).scalar()
        if last_extraction is None:
            return False
        if last_build is None:
            return _count(conn, tables.claims) > 0
        if current is not None:
            # An update that changed no incident still brought them up to date.
            last_build = max(_as_utc(last_build), datetime.fromisoformat(str(current)))
    return bool(_as_utc(last_extraction) > _as_utc(last_build))


def stats(store: Store) -> dict[str, int]:
    counted = {
        "documents": tables.documents,
        "raw_blobs": tables.raw_blobs,
        "claims": tables.claims,
        "extractions": tables.extractions,
        "incidents": tables.incidents,
        "provisions": tables.provisions,
        "quarantine": tables.quarantine,
        "syndication": tables.syndication,
    }
    with store.transaction() as conn:
        return {name: _count(conn, table) for name, table in counted.items()}


# --- helpers -----------------------------------------------------------------------------


def _select_claims(
    conn: Connection,
    *,
    document_id: str | None = None,
    ids: Iterable[str] | None = None,
    type: ClaimType | str | None = None,
    extractor: str | None = None,
) -> list[Claim]:
    c = tables.claims.c
    filters: list[ColumnElement[bool]] = []
    if document_id is not None:
        filters.append(c.document_id == document_id)
    if type is not None:
        filters.append(c.type == ClaimType(type).value)
    if extractor is not None:
        filters.append(c.extractor == extractor)
    order = (c.document_id, c.evidence_start, c.id)
    if ids is None:
        rows = list(conn.execute(select(c.data).where(*filters).order_by(*order)).scalars())
    else:
        wanted = list(dict.fromkeys(ids))
        rows = []
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            query = select(c.data).where(c.id.in_(chunk), *filters).order_by(*order)
            rows.extend(conn.execute(query).scalars())
    found = [claim_from_dict(data) for data in rows]
    if ids is not None:
        # Chunks each come back sorted; restore one global order.
        found.sort(key=lambda claim: (claim.document_id, claim.evidence.start, claim.id))
    return found


def _stored_data(store: Store, table: Any, id: str, *, kind: str) -> Any:
    """The stored JSON of the row ``id`` (or an unambiguous prefix of it) names."""
    with store.transaction() as conn:
        row_id = _resolve_id(conn, table.c.id, id, kind=kind)
        return conn.execute(select(table.c.data).where(table.c.id == row_id)).scalar_one()


def _resolve_id(
    conn: Connection, column: Any, key: str, *, kind: str, hex_only: bool = False
) -> str:
    if conn.execute(select(column).where(column == key)).first() is not None:
        return key
    if hex_only and not _HEX.fullmatch(key):
        raise NotFoundError(f"no {kind} {key!r}")
    # substr, not LIKE: exact and case-sensitive on both dialects, and no wildcards to escape.
    starts = func.substr(column, 1, len(key)) == key
    matches = conn.execute(select(column).where(starts).order_by(column).limit(2)).scalars().all()
    if not matches:
        raise NotFoundError(f"no {kind} with id or id prefix {key!r}")
    if len(matches) > 1 or len(key) < MIN_PREFIX:
        # A short prefix is refused even when one id has it today: tomorrow's may not.
        total = _count(conn, select(column).where(starts).subquery())
        examples = ", ".join(str(m) for m in matches)
        more = ", ..." if total > len(matches) else ""
        raise NotFoundError(
            f"{kind} id prefix {key!r} is ambiguous or too short: {total} "
            f"{kind}{'s start' if total != 1 else ' starts'} with it ({examples}{more}); "
            f"give at least {MIN_PREFIX} characters that only one id starts with"
        )
    return str(matches[0])


def _count(conn: Connection, table: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _as_utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything is written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _document_from_row(row: Row[Any]) -> Document:
    return Document(
        id=row.id,
        text=row.text,
        title=row.title,
        outlet=row.outlet,
        url=row.url,
        published=row.published,
        language=row.language,
        fetched_at=row.fetched_at,
        format=row.format,
        source_ref=row.source_ref,
        external_id=row.external_id,
        raw_sha256=row.raw_sha256,
        syndication_cluster=row.syndication_cluster,
        meta=dict(row.meta or {}),
    )
