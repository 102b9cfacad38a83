"""The watcher's rows: source health, watchlists, what it saw of incidents, alerts,
deliveries and cursors. Every function takes the ``Store`` first (or a connection inside
one of its transactions) and keeps SQL out of the use-case modules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from sanctionwatch.store import Store
from sanctionwatch.store import schema as tables

CHANGES_CURSOR = "watch_changes_cursor"
DOCUMENTS_CURSOR = "watch_documents_cursor"


def now_utc() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes for timezone columns; they were written in UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


# --- cursors (schema_meta rows) --------------------------------------------------------


def read_cursor(conn: Connection, key: str) -> str | None:
    meta = tables.schema_meta
    value = conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()
    return None if value is None else str(value)


def write_cursor(conn: Connection, key: str, value: str) -> None:
    meta = tables.schema_meta
    conn.execute(delete(meta).where(meta.c.key == key))
    conn.execute(insert(meta).values(key=key, value=value))


# --- sources ---------------------------------------------------------------------------


def load_source_state(store: Store, name: str) -> dict[str, Any]:
    src = tables.watch_sources
    with store.transaction() as conn:
        data = conn.execute(select(src.c.data).where(src.c.name == name)).scalar()
    return dict(data or {})


def save_source_state(store: Store, name: str, data: Mapping[str, Any]) -> None:
    src = tables.watch_sources
    with store.transaction(write=True) as conn:
        conn.execute(delete(src).where(src.c.name == name))
        conn.execute(insert(src).values(name=name, data=dict(data), updated_at=now_utc()))


def list_source_states(store: Store) -> list[dict[str, Any]]:
    src = tables.watch_sources
    with store.transaction() as conn:
        rows = conn.execute(select(src.c.name, src.c.data).order_by(src.c.name)).all()
    return [{"name": name, **dict(data)} for name, data in rows]


# --- watchlists ------------------------------------------------------------------------


def insert_watchlist(store: Store, name: str, data: Mapping[str, Any], *, replace: bool) -> bool:
    """Store a watchlist; ``False`` if the name is taken and ``replace`` is off."""
    wl = tables.watchlists
    with store.transaction(write=True) as conn:
        exists = conn.execute(select(wl.c.name).where(wl.c.name == name)).first() is not None
        if exists and not replace:
            return False
        conn.execute(delete(wl).where(wl.c.name == name))
        conn.execute(insert(wl).values(name=name, data=dict(data), created_at=now_utc()))
    return True


def delete_watchlist(store: Store, name: str) -> bool:
    wl = tables.watchlists
    with store.transaction(write=True) as conn:
        return bool(conn.execute(delete(wl).where(wl.c.name == name)).rowcount)


def watchlist_rows(store: Store) -> list[tuple[str, dict[str, Any]]]:
    wl = tables.watchlists
    with store.transaction() as conn:
        rows = conn.execute(select(wl.c.name, wl.c.data).order_by(wl.c.name)).all()
    return [(str(name), dict(data)) for name, data in rows]


# --- what the watcher saw of each incident ---------------------------------------------


def seen_incidents(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    wi = tables.watch_incidents
    wanted = sorted(set(ids))
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for incident_id, data in conn.execute(
            select(wi.c.incident_id, wi.c.data).where(wi.c.incident_id.in_(chunk))
        ):
            out[str(incident_id)] = dict(data)
    return out


def record_seen(
    conn: Connection, incident_id: str, data: Mapping[str, Any], *, at: datetime, new: bool
) -> None:
    wi = tables.watch_incidents
    if new:
        conn.execute(
            insert(wi).values(
                incident_id=incident_id, data=dict(data), first_seen=at, changed_at=at
            )
        )
    else:
        conn.execute(
            update(wi).where(wi.c.incident_id == incident_id).values(data=dict(data), changed_at=at)
        )


def changed_incidents(store: Store, since: datetime) -> dict[str, tuple[datetime, datetime]]:
    """Incident id -> (first seen, last changed) for those changed at or after ``since``."""
    wi = tables.watch_incidents
    with store.transaction() as conn:
        rows = conn.execute(
            select(wi.c.incident_id, wi.c.first_seen, wi.c.changed_at).where(
                wi.c.changed_at >= since
            )
        ).all()
    return {str(i): (as_utc(f), as_utc(c)) for i, f, c in rows}


# --- alerts and deliveries -------------------------------------------------------------


def insert_alert(conn: Connection, alert: Mapping[str, Any], *, webhook: str | None) -> bool:
    """Store an alert (and its pending delivery); ``False`` if it was already recorded."""
    al = tables.alerts
    if conn.execute(select(al.c.id).where(al.c.id == alert["id"])).first() is not None:
        return False
    at = datetime.fromisoformat(str(alert["created_at"]))
    conn.execute(
        insert(al).values(
            id=alert["id"],
            watchlist=alert["watchlist"],
            subject_id=alert["subject_id"],
            data=dict(alert),
            created_at=at,
        )
    )
    if webhook:
        conn.execute(
            insert(tables.alert_deliveries).values(
                alert_id=alert["id"], url=webhook, status="pending", attempts=0, next_attempt_at=at
            )
        )
    return True


def alert_rows(
    store: Store, *, since: datetime | None = None, watchlist: str | None = None, limit: int = 1000
) -> list[dict[str, Any]]:
    """Alerts newest first."""
    al = tables.alerts
    query = select(al.c.data).order_by(al.c.created_at.desc(), al.c.id).limit(limit)
    if since is not None:
        query = query.where(al.c.created_at >= since)
    if watchlist is not None:
        query = query.where(al.c.watchlist == watchlist)
    with store.transaction() as conn:
        return [dict(data) for data in conn.execute(query).scalars()]


def due_deliveries(store: Store, at: datetime) -> list[tuple[str, str, int, dict[str, Any]]]:
    """(alert id, url, attempts, alert) of pending deliveries due at ``at``."""
    dl, al = tables.alert_deliveries, tables.alerts
    with store.transaction() as conn:
        rows = conn.execute(
            select(dl.c.alert_id, dl.c.url, dl.c.attempts, al.c.data)
            .join(al, al.c.id == dl.c.alert_id)
            .where(dl.c.status == "pending", dl.c.next_attempt_at <= at)
            .order_by(dl.c.next_attempt_at, dl.c.alert_id)
        ).all()
    return [(str(a), str(u), int(n), dict(d)) for a, u, n, d in rows]


def update_delivery(
    store: Store,
    alert_id: str,
    *,
    status: str,
    attempts: int,
    next_attempt_at: datetime,
    error: str | None,
) -> None:
    dl = tables.alert_deliveries
    with store.transaction(write=True) as conn:
        conn.execute(
            update(dl)
            .where(dl.c.alert_id == alert_id)
            .values(
                status=status, attempts=attempts, next_attempt_at=next_attempt_at, last_error=error
            )
        )


def delivery_rows(store: Store, *, status: str | None = None) -> list[dict[str, Any]]:
    dl = tables.alert_deliveries
    query = select(dl).order_by(dl.c.next_attempt_at, dl.c.alert_id)
    if status is not None:
        query = query.where(dl.c.status == status)
    with store.transaction() as conn:
        return [
            {
                "alert_id": r.alert_id,
                "url": r.url,
                "status": r.status,
                "attempts": r.attempts,
                "next_attempt_at": as_utc(r.next_attempt_at).isoformat(),
                "last_error": r.last_error,
            }
            for r in conn.execute(query)
        ]
