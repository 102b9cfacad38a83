"""What is new on the desk: incidents first seen or changed since a time.

Reads what the watcher saw (``process_changes`` runs first, so incidents written by a
plain ``ingest`` count too). ``new`` is an incident first seen since then; ``changed``
one seen before whose sources, grade, contradictions or figures moved.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sanctionwatch import store as st
from sanctionwatch.domain.codec import incident_to_dict
from sanctionwatch.domain.errors import InputError, NotFoundError
from sanctionwatch.watch import records
from sanctionwatch.watch.alerts import process_changes

VISIT_COOKIE = "sanctionwatch_last_visit"
"""The web UI remembers a reader's last look at ``/ui/new`` in this cookie."""


def new_since(store: st.Store, since: datetime) -> list[dict[str, Any]]:
    """Incidents new or changed at or after ``since``, most recent change first, each with
    ``marker`` (``new`` | ``changed``), ``first_seen`` and ``changed_at``."""
    process_changes(store)
    out: list[dict[str, Any]] = []
    for incident_id, (first, changed) in records.changed_incidents(store, since).items():
        try:
            data = incident_to_dict(st.get_incident(store, incident_id))
        except NotFoundError:
            continue
        out.append(
            data
            | {
                "marker": "new" if first >= since else "changed",
                "first_seen": first.isoformat(),
                "changed_at": changed.isoformat(),
            }
        )
    return sorted(out, key=lambda d: (str(d["changed_at"]), str(d["id"])), reverse=True)


def parse_since(value: str) -> datetime:
    """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an ISO time (UTC unless it says) -> a time."""
    from datetime import UTC

    text = value.strip()
    padded = {4: "-01-01", 7: "-01"}.get(len(text), "")
    try:
        parsed = datetime.fromisoformat(text + padded)
    except ValueError:
        raise InputError(
            f"since {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or an ISO time", code="E423"
        ) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def last_visit(store: st.Store, who: str, *, now: datetime | None = None) -> datetime | None:
    """When ``who`` last looked (``None`` the first time), and remember this visit."""
    key = f"desk_visit:{who}"
    with store.transaction(write=True) as conn:
        before = records.read_cursor(conn, key)
        records.write_cursor(conn, key, (now or records.now_utc()).isoformat())
    return None if before is None else datetime.fromisoformat(before)


def markers_since(store: st.Store, since: datetime | None, ids: list[str]) -> dict[str, str]:
    """``new`` or ``changed`` for those of ``ids`` that changed at or after ``since``."""
    if since is None:
        return {}
    process_changes(store)
    wanted = set(ids)
    return {
        incident_id: "new" if first >= since else "changed"
        for incident_id, (first, _) in records.changed_incidents(store, since).items()
        if incident_id in wanted
    }


def visit_time(value: str | None) -> datetime | None:
    """The time in a last-visit cookie, or ``None`` when absent or not a time."""
    if not value:
        return None
    try:
        return parse_since(value)
    except InputError:  # a cookie someone edited: as if there had been no visit
        return None
