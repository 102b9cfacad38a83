"""Alerts: turn the incident change log and new documents into alerts, once each.

``process_changes`` reads the change log after the watcher's cursor, compares each
incident with what the watcher saw of it (``changes``), and records an alert per matching
watchlist for each piece of news; then it screens documents stored since the documents
cursor against the watchlists' names. The alerts, the new fingerprints and both cursors
are written in one transaction, so a watcher killed at any point and started again
neither misses a change nor alerts one twice; an alert's id hashes its watchlist, subject
and content, so even a replay of the same change is a no-op.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from sanctionwatch import store as st
from sanctionwatch.domain.codec import incident_to_dict
from sanctionwatch.domain.errors import NotFoundError
from sanctionwatch.store import schema as tables
from sanctionwatch.store.changelog import incident_changes_after, last_incident_change
from sanctionwatch.store.migrate import WATCH_BASELINE_KEY
from sanctionwatch.watch import records
from sanctionwatch.watch.changes import describe_changes, fingerprint
from sanctionwatch.watch.watchlists import Watchlist, list_watchlists, match_incident, match_names

EPOCH = "1970-01-01T00:00:00+00:00"
BULK = 200


@dataclass
class ProcessSummary:
    changes: int = 0
    alerts: list[dict[str, Any]] = field(default_factory=list)
    documents_screened: int = 0


def alert_id(watchlist: str, subject: str, content: object) -> str:
    text = json.dumps([watchlist, subject, content], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def process_changes(store: st.Store, *, now: datetime | None = None) -> ProcessSummary:
    """Record the alerts for every incident change and new document since the cursors."""
    at = now or records.now_utc()
    summary = ProcessSummary()
    watchlists = list_watchlists(store)
    if _baseline_pending(store):
        _take_baseline(store, at)
    with store.transaction(write=True) as conn:
        cursor = int(records.read_cursor(conn, records.CHANGES_CURSOR) or 0)
    rows = incident_changes_after(store, cursor)
    ids = sorted({i for _, i in rows})
    current = _incidents(store, ids)
    evidence = _evidence(store, current.values()) if any(w.text for w in watchlists) else {}
    with store.transaction(write=True) as conn:
        seen = records.seen_incidents(conn, ids)
        for incident_id in ids:
            data = current.get(incident_id)
            if data is None:
                continue  # absorbed or dropped since; the incident that took its claims is logged
            new_print = fingerprint(data)
            old_print = seen.get(incident_id)
            if old_print == new_print:
                continue
            summary.changes += 1
            news = describe_changes(old_print, new_print)
            records.record_seen(conn, incident_id, new_print, at=at, new=old_print is None)
            if news:
                text = " ".join(evidence.get(c, "") for c in _claim_ids(data))
                for watchlist in watchlists:
                    reasons = match_incident(watchlist, data, text)
                    if reasons is None:
                        continue
                    alert = _incident_alert(watchlist, data, news, reasons, new_print, at)
                    if records.insert_alert(conn, alert, webhook=watchlist.webhook):
                        summary.alerts.append(alert)
        if rows:
            records.write_cursor(conn, records.CHANGES_CURSOR, str(rows[-1][0]))
        _screen_documents(conn, watchlists, at, summary)
    return summary


def _baseline_pending(store: st.Store) -> bool:
    with store.transaction() as conn:
        return records.read_cursor(conn, WATCH_BASELINE_KEY) == "pending"


def _take_baseline(store: st.Store, at: datetime) -> None:
    """Fingerprint every incident stored before watching began, alerting nothing."""
    last = last_incident_change(store)
    current = {i.id: incident_to_dict(i) for i in st.list_incidents(store)}
    with store.transaction(write=True) as conn:
        seen = records.seen_incidents(conn, current)
        for incident_id, data in current.items():
            records.record_seen(
                conn, incident_id, fingerprint(data), at=at, new=incident_id not in seen
            )
        records.write_cursor(conn, records.CHANGES_CURSOR, str(last))
        records.write_cursor(conn, WATCH_BASELINE_KEY, "done")


def _screen_documents(
    conn: Connection, watchlists: list[Watchlist], at: datetime, summary: ProcessSummary
) -> None:
    screening = [w for w in watchlists if w.names]
    since = records.read_cursor(conn, records.DOCUMENTS_CURSOR) or EPOCH
    docs = tables.documents
    if not screening:
        latest = conn.execute(select(func.max(docs.c.ingested_at))).scalar()
        if latest is not None:
            records.write_cursor(conn, records.DOCUMENTS_CURSOR, records.as_utc(latest).isoformat())
        return
    rows = conn.execute(
        select(docs.c.id, docs.c.title, docs.c.text, docs.c.url, docs.c.ingested_at)
        .where(docs.c.ingested_at >= datetime.fromisoformat(since))
        .order_by(docs.c.ingested_at, docs.c.id)
    ).all()
    latest = since
    for doc_id, title, text, url, ingested_at in rows:
        summary.documents_screened += 1
        stamp = records.as_utc(ingested_at).isoformat()
        latest = max(latest, stamp)
        for watchlist in screening:
            if stamp < (watchlist.created_at or EPOCH):
                continue
            found = match_names(watchlist, f"{title or ''}\n{text}")
            if not found:
                continue
            alert = {
                "id": alert_id(watchlist.name, doc_id, sorted(found)),
                "watchlist": watchlist.name,
                "kind": "name",
                "subject_id": doc_id,
                "title": f"{', '.join(found)} named in {title or doc_id[:12]}",
                "changes": [{"kind": "name", "detail": f"named: {', '.join(found)}"}],
                "reasons": [f"name {n!r}" for n in found],
                "document": {"id": doc_id, "title": title, "url": url},
                "created_at": at.isoformat(),
            }
            if records.insert_alert(conn, alert, webhook=watchlist.webhook):
                summary.alerts.append(alert)
    if rows:
        records.write_cursor(conn, records.DOCUMENTS_CURSOR, latest)


def _incident_alert(
    watchlist: Watchlist,
    data: dict[str, Any],
    news: list[dict[str, str]],
    reasons: list[str],
    print_: dict[str, Any],
    at: datetime,
) -> dict[str, Any]:
    content = {k: v for k, v in print_.items() if k not in ("documents", "claims")}
    grade = (data.get("assessment") or {}).get("code")
    return {
        "id": alert_id(watchlist.name, str(data["id"]), content),
        "watchlist": watchlist.name,
        "kind": "incident",
        "subject_id": data["id"],
        "title": str(data.get("title") or data["id"]),
        "changes": news,
        "reasons": reasons,
        "incident": {
            "id": data["id"],
            "type": data.get("type"),
            "source": list(data.get("source", ())),
            "target": list(data.get("target", ())),
            "grade": grade,
            "origin_count": data.get("origin_count"),
            "sources": print_["origins"],
        },
        "created_at": at.isoformat(),
    }


def _incidents(store: st.Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    if len(ids) > BULK:  # after a rebuild: one read of every incident, not one per id
        wanted = set(ids)
        return {i.id: incident_to_dict(i) for i in st.list_incidents(store) if i.id in wanted}
    out: dict[str, dict[str, Any]] = {}
    for incident_id in ids:
        try:
            out[incident_id] = incident_to_dict(st.get_incident(store, incident_id))
        except NotFoundError:
            continue
    return out


def _claim_ids(data: dict[str, Any]) -> list[str]:
    return [*data.get("supporting_claim_ids", ()), *data.get("contradicting_claim_ids", ())]


def _evidence(store: st.Store, incidents: Any) -> dict[str, str]:
    ids = [c for data in incidents for c in _claim_ids(data)]
    return {c.id: c.evidence.text for c in st.list_claims(store, ids=ids)} if ids else {}


def list_alerts(
    store: st.Store,
    *,
    since: datetime | None = None,
    watchlist: str | None = None,
    limit: int = 1000,
) -> list[dict[str, Any]]:
    """Recorded alerts, newest first."""
    return records.alert_rows(store, since=since, watchlist=watchlist, limit=limit)
