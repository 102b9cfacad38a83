"""What the incident list filters on, as indexed rows beside each incident's JSON.

An incident's actors and provisions are lists inside ``incidents.data``; filtering on
them by decoding every row made the list page cost grow with the store. Version 4 keeps
them as ``incident_facets`` rows (``actor`` -> ``KP``, ``provision`` -> ``UNSCR-2397-OP8``)
and the Admiralty code as ``incidents.grade``, written in the same transaction as the
incident, so the list filters, counts and pages in SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from sanctionwatch.store import schema as tables

ACTOR = "actor"
PROVISION = "provision"
_CHUNK = 500


def grade_of(data: Mapping[str, Any]) -> str | None:
    """The Admiralty code (``B2``) of an incident's JSON, or ``None`` when ungraded."""
    assessment = data.get("assessment") or {}
    code = assessment.get("code")
    return str(code) if code else None


def facet_rows(incident_id: str, data: Mapping[str, Any]) -> Iterator[dict[str, str]]:
    """One row per distinct actor (source or target) and provision of the incident."""
    seen: set[tuple[str, str]] = set()
    actors = (*data.get("source", ()), *data.get("target", ()))
    provisions = (str(p.get("provision_id", "")) for p in data.get("provisions", ()))
    for kind, values in ((ACTOR, actors), (PROVISION, provisions)):
        for value in values:
            if value and (kind, value) not in seen:
                seen.add((kind, value))
                yield {"incident_id": incident_id, "kind": kind, "value": value}


def write_facets(conn: Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Facets for incident rows just inserted (each row with ``id`` and ``data``)."""
    batch = [facet for row in rows for facet in facet_rows(row["id"], row["data"])]
    for start in range(0, len(batch), _CHUNK):
        conn.execute(insert(tables.incident_facets), batch[start : start + _CHUNK])


def delete_facets(conn: Connection, ids: list[str] | None) -> None:
    """Facets of these incidents, or of every incident when ``ids`` is ``None``."""
    table = tables.incident_facets
    if ids is None:
        conn.execute(delete(table))
        return
    for start in range(0, len(ids), _CHUNK):
        conn.execute(delete(table).where(table.c.incident_id.in_(ids[start : start + _CHUNK])))


def backfill_facets(conn: Connection) -> int:
    """Fill grades and facets from the stored JSON (the version 4 migration); return how many."""
    inc = tables.incidents
    rows = [{"id": row.id, "data": row.data} for row in conn.execute(select(inc.c.id, inc.c.data))]
    for row in rows:
        grade = grade_of(row["data"] or {})
        if grade is not None:
            conn.execute(update(inc).where(inc.c.id == row["id"]).values(grade=grade))
    write_facets(conn, rows)
    return len(rows)
