"""Incremental clustering state: the blocking index, redirects, event periods, upserts.

``replace_incidents`` (writer) serves a full rebuild; ``upsert_incidents`` writes only the
incidents one ingest changed, with the keys they gained. Redirects map an absorbed id to
the incident that took its claims; ``resolve_redirect`` follows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, func, insert, select

from sanctionwatch.domain import Incident
from sanctionwatch.store import schema as tables
from sanctionwatch.store.changelog import log_incident_changes
from sanctionwatch.store.engine import Store
from sanctionwatch.store.incidentfacets import delete_facets, write_facets
from sanctionwatch.store.writer import _chunks, _incident_links, _incident_row

BUILT_BY_KEY = "incidents_built_by"
CURRENT_AT_KEY = "incidents_current_at"
MAX_REDIRECT_HOPS = 16

Period = tuple[dt.date, dt.date]


def incidents_built_by(store: Store) -> str | None:
    """The clusterer and extractor the stored incidents were built with."""
    meta = tables.schema_meta
    with store.transaction() as conn:
        value = conn.execute(select(meta.c.value).where(meta.c.key == BUILT_BY_KEY)).scalar()
    return None if value is None else str(value)


def set_built_by(conn: Connection, value: str) -> None:
    meta = tables.schema_meta
    conn.execute(delete(meta).where(meta.c.key == BUILT_BY_KEY))
    conn.execute(insert(meta).values(key=BUILT_BY_KEY, value=value))
    mark_current(conn)


def mark_current(conn: Connection) -> None:
    """Incidents now reflect every claim extracted so far (``incidents_out_of_date``)."""
    meta = tables.schema_meta
    conn.execute(delete(meta).where(meta.c.key == CURRENT_AT_KEY))
    conn.execute(insert(meta).values(key=CURRENT_AT_KEY, value=datetime.now(UTC).isoformat()))


def incident_ids_for_keys(store: Store, keys: Iterable[str]) -> set[str]:
    table = tables.incident_keys
    found: set[str] = set()
    with store.transaction() as conn:
        for chunk in _chunks(sorted(set(keys))):
            query = select(table.c.incident_id).where(table.c.key.in_(chunk))
            found.update(conn.execute(query).scalars())
    return found


def upsert_incidents(
    store: Store,
    incidents: Iterable[Incident],
    *,
    keys: Mapping[str, Iterable[str]],
    drop_children_of: Iterable[str] = (),
    periods: Mapping[str, Iterable[Period]] | None = None,
) -> int:
    """Write ``incidents`` over their old rows; drop old episodes of ``drop_children_of``."""
    batch = list(incidents)
    built_at = datetime.now(UTC)
    parents = sorted(set(drop_children_of))
    with store.transaction(write=True) as conn:
        inc, links = tables.incidents, tables.incident_claims
        for chunk in _chunks(parents):
            old = list(conn.execute(select(inc.c.id).where(inc.c.parent_id.in_(chunk))).scalars())
            _delete(conn, old)
        _delete(conn, [i.id for i in batch])
        rows = [_incident_row(i, built_at) for i in batch]
        for row_chunk in _chunks(rows):
            conn.execute(insert(inc), row_chunk)
        write_facets(conn, rows)
        for link_chunk in _chunks([link for i in batch for link in _incident_links(i)]):
            conn.execute(insert(links), link_chunk)
        _add_keys(conn, keys)
        _add_periods(conn, periods or {})
        mark_current(conn)
        log_incident_changes(conn, [i.id for i in batch])
    return len(batch)


def write_rebuild_state(
    conn: Connection,
    *,
    keys: Mapping[str, Iterable[str]],
    redirects: Mapping[str, str],
    periods: Mapping[str, Iterable[Period]],
    built_by: str,
) -> None:
    """After a full rebuild: the whole blocking index and event periods, new redirects."""
    conn.execute(delete(tables.incident_keys))
    conn.execute(delete(tables.event_periods))
    _add_keys(conn, keys)
    _add_periods(conn, periods)
    red = tables.incident_redirects
    now = datetime.now(UTC)
    # A redirect's target may itself be redirected later; an id alive again stops redirecting.
    alive = list(redirects.values())
    for id_chunk in _chunks(sorted(set(redirects) | set(alive))):
        conn.execute(delete(red).where(red.c.old_id.in_(id_chunk)))
    rows = [
        {"old_id": old, "new_id": new, "reason": "merged on rebuild", "created_at": now}
        for old, new in sorted(redirects.items())
    ]
    for chunk in _chunks(rows):
        conn.execute(insert(red), chunk)
    set_built_by(conn, built_by)


def resolve_redirect(store: Store, incident_id: str) -> str | None:
    """The live incident an absorbed id now lives on, or ``None`` if it never redirected."""
    red = tables.incident_redirects
    current, seen = incident_id, set()
    with store.transaction() as conn:
        for _ in range(MAX_REDIRECT_HOPS):
            new = conn.execute(select(red.c.new_id).where(red.c.old_id == current)).scalar()
            if new is None or new in seen:
                break
            seen.add(current)
            current = str(new)
    return None if current == incident_id else current


def incident_ids(store: Store) -> set[str]:
    with store.transaction() as conn:
        return set(conn.execute(select(tables.incidents.c.id)).scalars())


def event_periods(store: Store, kinds: Iterable[str]) -> dict[str, set[Period]]:
    """Stored periods of ``kinds``."""
    table = tables.event_periods
    out: dict[str, set[Period]] = {}
    with store.transaction() as conn:
        for chunk in _chunks(sorted(set(kinds))):
            rows = conn.execute(select(table).where(table.c.kind.in_(chunk))).all()
            for row in rows:
                period = (dt.date.fromisoformat(row.lo), dt.date.fromisoformat(row.hi))
                out.setdefault(row.kind, set()).add(period)
    return out


def event_span(store: Store) -> Period | None:
    """The earliest and latest day any stored period reaches (two index lookups)."""
    table = tables.event_periods
    with store.transaction() as conn:
        lo = conn.execute(select(func.min(table.c.lo))).scalar()
        hi = conn.execute(select(func.max(table.c.hi))).scalar()
    if lo is None or hi is None:
        return None
    return dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)


def _delete(conn: Connection, ids: list[str]) -> None:
    inc, links, keys = tables.incidents, tables.incident_claims, tables.incident_keys
    delete_facets(conn, ids)
    for chunk in _chunks(ids):
        conn.execute(delete(links).where(links.c.incident_id.in_(chunk)))
        conn.execute(delete(inc).where(inc.c.id.in_(chunk)))
        conn.execute(delete(keys).where(keys.c.incident_id.in_(chunk)))


def _add_keys(conn: Connection, keys: Mapping[str, Iterable[str]]) -> None:
    table = tables.incident_keys
    wanted = {(key, incident_id) for incident_id, ks in keys.items() for key in ks}
    if not wanted:
        return
    by_id: dict[str, set[str]] = {}
    for key, incident_id in wanted:
        by_id.setdefault(incident_id, set()).add(key)
    for id_chunk in _chunks(sorted(by_id)):
        found = conn.execute(
            select(table.c.key, table.c.incident_id).where(table.c.incident_id.in_(id_chunk))
        ).all()
        wanted -= {(r.key, r.incident_id) for r in found}
    rows_out = [{"key": k, "incident_id": i} for k, i in sorted(wanted)]
    for chunk in _chunks(rows_out):
        conn.execute(insert(table), chunk)


def _add_periods(conn: Connection, periods: Mapping[str, Iterable[Period]]) -> None:
    table = tables.event_periods
    wanted = {
        (kind, lo.isoformat(), hi.isoformat()) for kind, ps in periods.items() for lo, hi in ps
    }
    if not wanted:
        return
    for kind, lo, hi in sorted(wanted):
        found = conn.execute(
            select(table.c.kind).where(table.c.kind == kind, table.c.lo == lo, table.c.hi == hi)
        ).first()
        if found is not None:
            wanted.discard((kind, lo, hi))
    rows_out = [{"kind": k, "lo": lo, "hi": hi} for k, lo, hi in sorted(wanted)]
    for chunk in _chunks(rows_out):
        conn.execute(insert(table), chunk)
