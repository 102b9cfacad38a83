"""The incident list in SQL: filter, count and page on indexed columns, then load one page.

``find_incident_ids`` and ``count_incidents`` take the same ``IncidentQuery``; neither
decodes an incident, and neither reads a row of ``incidents``: every column they filter,
sort and group on is in a covering index (``schema.LIST_INDEX`` in the list's order, so a
page is read from the index up to its last row; ``schema.COUNTS_INDEX`` in type and grade
order, so the counts are an aggregate over index entries). Only ``words`` needs the rows.
``load_incident_pages`` reads what a page shows (the incidents, their claims and the
claims' documents) in a fixed number of queries, whatever the page size.

Filters: ``type``, ``relevance``, episodes and the time range on ``incidents`` columns;
``grade`` on ``incidents.grade``; ``actor`` and ``provision`` through ``incident_facets``;
``words`` (already casefolded) each in the incident's type, item or one of its claims'
evidence, folded the same way in SQL (a Python ``casefold`` registered on SQLite,
``lower`` on PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, exists, func, or_, select

from sanctionwatch.domain.claim import Claim
from sanctionwatch.domain.codec import incident_from_dict
from sanctionwatch.domain.document import Document
from sanctionwatch.domain.incident import Incident
from sanctionwatch.store import schema as tables
from sanctionwatch.store.engine import Store
from sanctionwatch.store.incidentfacets import ACTOR, PROVISION
from sanctionwatch.store.reader import (
    _ROLE_ORDER,
    _document_from_row,
    _documents_query,
    _select_claims,
)
from sanctionwatch.store.timebounds import lower_bound, parse_bound, upper_bound

UNGRADED = "ungraded"
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class IncidentQuery:
    """Every given field must hold; ``relevance`` is ``regime``, ``other`` or ``None`` (all)."""

    type: str | None = None
    actor: str | None = None
    provision: str | None = None
    grade: str | None = None
    since: str | None = None
    until: str | None = None
    words: tuple[str, ...] = ()
    relevance: str | None = None
    episodes: bool = False


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    """One incident as a page shows it: the incident, its ``(role, claim)`` pairs, documents."""

    incident: Incident
    claims: list[tuple[str, Claim]]
    documents: dict[str, Document]
    word_counts: dict[str, int]
    """Each document's stored word count (``Document.word_count`` without the split)."""


def find_incident_ids(
    store: Store, query: IncidentQuery, *, limit: int | None = None, offset: int = 0
) -> list[str]:
    """Ids of matching incidents, latest first (then by id), one page of them."""
    statement = ids_statement(query, dialect=store.dialect, limit=limit, offset=offset)
    with store.transaction() as conn:
        return list(conn.execute(statement).scalars())


def count_incidents(store: Store, query: IncidentQuery) -> dict[str, dict[str, int]]:
    """``{"type": {...}, "grade": {...}}`` over every match, by one grouped aggregate."""
    types: dict[str, int] = {}
    grades: dict[str, int] = {}
    with store.transaction() as conn:
        for row in conn.execute(counts_statement(query, dialect=store.dialect)):
            types[row.type] = types.get(row.type, 0) + row.n
            grade = row.grade or UNGRADED
            grades[grade] = grades.get(grade, 0) + row.n
    return {"type": dict(sorted(types.items())), "grade": dict(sorted(grades.items()))}


def ids_statement(
    query: IncidentQuery, *, dialect: str, limit: int | None = None, offset: int = 0
) -> Select[str]:
    """The SQL of :func:`find_incident_ids`, in ``schema.LIST_INDEX``'s order."""
    inc = tables.incidents
    statement = (
        select(inc.c.id)
        .where(*_conditions(query, dialect=dialect))
        .order_by(inc.c.time_lo.desc().nulls_last(), inc.c.id)
        .offset(offset)
    )
    return statement if limit is None else statement.limit(limit)


def counts_statement(query: IncidentQuery, *, dialect: str) -> Select[str, str, int]:
    """The SQL of :func:`count_incidents`, grouped in ``schema.COUNTS_INDEX``'s order."""
    inc = tables.incidents
    return (
        select(inc.c.type, inc.c.grade, func.count().label("n"))
        .where(*_conditions(query, dialect=dialect))
        .group_by(inc.c.type, inc.c.grade)
    )


def load_incident_pages(store: Store, ids: Sequence[str]) -> list[IncidentRecord]:
    """The incidents of ``ids`` in that order, with claims and documents, in a few queries."""
    with store.transaction() as conn:
        incidents = _load_incidents(conn, ids)
        links = _load_links(conn, ids)
        claims = {
            c.id: c for c in _select_claims(conn, ids=[c for ls in links.values() for _, c in ls])
        }
        doc_ids = sorted({claim.document_id for claim in claims.values()})
        documents, word_counts = _load_documents(conn, doc_ids)
    pages = []
    for incident_id in ids:
        incident = incidents.get(incident_id)
        if incident is None:  # deleted between the two reads
            continue
        pairs = [(role, claims[cid]) for role, cid in links.get(incident_id, []) if cid in claims]
        docs = {c.document_id: documents[c.document_id] for _, c in pairs}
        counts = {doc_id: word_counts[doc_id] for doc_id in docs}
        pages.append(IncidentRecord(incident, pairs, dict(sorted(docs.items())), counts))
    return pages


def _conditions(query: IncidentQuery, *, dialect: str) -> list[ColumnElement[bool]]:
    inc, facets = tables.incidents, tables.incident_facets
    conditions: list[ColumnElement[bool]] = []
    if query.relevance == "regime":
        # Incidents built before relevance was judged stay in the default view.
        conditions.append(or_(inc.c.relevance == "regime", inc.c.relevance.is_(None)))
    elif query.relevance is not None:
        conditions.append(inc.c.relevance == query.relevance)
    if not query.episodes:
        conditions.append(inc.c.parent_id.is_(None))
    if query.type is not None:
        conditions.append(inc.c.type == query.type)
    if query.since is not None:
        conditions.append(inc.c.time_hi >= lower_bound(parse_bound(query.since, name="since")))
    if query.until is not None:
        conditions.append(inc.c.time_lo <= upper_bound(parse_bound(query.until, name="until")))
    if query.grade is not None:
        conditions.append(_grade_condition(query.grade))
    if query.actor is not None:
        conditions.append(_has_facet(ACTOR, facets.c.value == query.actor))
    if query.provision is not None:
        wanted = _like(query.provision.upper())
        conditions.append(_has_facet(PROVISION, func.upper(facets.c.value).like(wanted, "\\")))
    for word in query.words:
        conditions.append(_word_condition(word, dialect=dialect))
    return conditions


def _grade_condition(grade: str) -> ColumnElement[bool]:
    """``B2`` exactly, ``B`` any credibility, ``2`` any reliability (never ungraded)."""
    column = tables.incidents.c.grade
    if len(grade) == 2:
        return column == grade
    if grade.isdigit():
        return column.like(f"_{grade}")
    return column.like(f"{grade}_")


def _has_facet(kind: str, condition: ColumnElement[bool]) -> ColumnElement[bool]:
    facets = tables.incident_facets
    return exists().where(
        facets.c.incident_id == tables.incidents.c.id, facets.c.kind == kind, condition
    )


def _word_condition(word: str, *, dialect: str) -> ColumnElement[bool]:
    inc, links, claims = tables.incidents, tables.incident_claims, tables.claims
    fold = func.casefold if dialect == "sqlite" else func.lower
    pattern = _like(word)
    kind = func.replace(inc.c.type, "_", " ")
    item = inc.c.data["item"].as_string()
    evidence = claims.c.data[("evidence", "text")].as_string()
    in_evidence = exists().where(
        links.c.incident_id == inc.c.id,
        claims.c.id == links.c.claim_id,
        fold(evidence).like(pattern, "\\"),
    )
    return or_(
        fold(kind).like(pattern, "\\"),
        and_(item.is_not(None), fold(item).like(pattern, "\\")),
        in_evidence,
    )


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _load_incidents(conn: Connection, ids: Sequence[str]) -> dict[str, Incident]:
    inc = tables.incidents
    found: dict[str, Incident] = {}
    for chunk in _chunks(ids):
        for data in conn.execute(select(inc.c.data).where(inc.c.id.in_(chunk))).scalars():
            incident = incident_from_dict(data)
            found[incident.id] = incident
    return found


def _load_links(conn: Connection, ids: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """``(role, claim_id)`` per incident, supporting before contradicting, in order."""
    links = tables.incident_claims
    rows: list[Any] = []
    for chunk in _chunks(ids):
        statement = select(links.c.incident_id, links.c.role, links.c.claim_id, links.c.position)
        rows.extend(conn.execute(statement.where(links.c.incident_id.in_(chunk))))
    rows.sort(key=lambda r: (r.incident_id, _ROLE_ORDER.get(r.role, 9), r.position))
    out: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        out.setdefault(row.incident_id, []).append((row.role, row.claim_id))
    return out


def _load_documents(
    conn: Connection, ids: Sequence[str]
) -> tuple[dict[str, Document], dict[str, int]]:
    docs = tables.documents
    found: dict[str, Document] = {}
    counts: dict[str, int] = {}
    for chunk in _chunks(ids):
        for row in conn.execute(_documents_query().where(docs.c.id.in_(chunk))):
            found[row.id] = _document_from_row(row)
            counts[row.id] = int(row.word_count)
    return found, counts


def _chunks(items: Sequence[str] | Iterable[str]) -> Iterable[list[str]]:
    batch = list(items)
    for start in range(0, len(batch), _CHUNK):
        yield batch[start : start + _CHUNK]
