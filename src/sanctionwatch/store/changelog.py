"""The incident change log: every incident write appends the ids it wrote.

Written inside the transaction that writes the incidents, so a reader that remembers the
last ``seq`` it handled (the watcher's cursor) sees each write exactly once, across
restarts, whichever path (incremental update or full rebuild) wrote it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select

from sanctionwatch.store import schema as tables
from sanctionwatch.store.engine import Store

_CHUNK = 500


def log_incident_changes(conn: Connection, incident_ids: Iterable[str]) -> None:
    """Append one change row per id (in the caller's transaction)."""
    now = datetime.now(UTC)
    rows = [{"incident_id": i, "changed_at": now} for i in sorted(set(incident_ids))]
    for start in range(0, len(rows), _CHUNK):
        conn.execute(insert(tables.incident_changes), rows[start : start + _CHUNK])


def incident_changes_after(store: Store, seq: int, *, limit: int = 10_000) -> list[tuple[int, str]]:
    """``(seq, incident_id)`` rows after ``seq``, oldest first."""
    log = tables.incident_changes
    with store.transaction() as conn:
        rows = conn.execute(
            select(log.c.seq, log.c.incident_id)
            .where(log.c.seq > seq)
            .order_by(log.c.seq)
            .limit(limit)
        ).all()
    return [(int(s), str(i)) for s, i in rows]


def last_incident_change(store: Store) -> int:
    log = tables.incident_changes
    with store.transaction() as conn:
        value = conn.execute(select(func.max(log.c.seq))).scalar()
    return int(value or 0)
