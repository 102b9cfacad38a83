"""Signed webhooks: each alert is POSTed as JSON to its watchlist's URL.

Headers: ``X-Sanctionwatch-Timestamp`` (Unix seconds), ``X-Sanctionwatch-Alert`` (the
alert id) and ``X-Sanctionwatch-Signature: sha256=HEX``, the HMAC-SHA256 under the
watchlist's secret of ``TIMESTAMP.BODY`` (:func:`sign`; a receiver checks it with
:func:`verify`, refusing old timestamps to stop replays). A 2xx answer delivers; anything
else, or no answer, is retried with exponential backoff, and after ``max_attempts`` the
delivery is marked ``dead`` with its last error (the dead letters, ``alerts --dead``).
The receiver's address passes the ingestion's address check unless ``allow_private``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx

from sanctionwatch import store as st
from sanctionwatch.domain.errors import InputError
from sanctionwatch.ingest.fetch import USER_AGENT, resolve_checked
from sanctionwatch.watch import records
from sanctionwatch.watch.watchlists import list_watchlists

SIGNATURE_HEADER = "X-Sanctionwatch-Signature"
TIMESTAMP_HEADER = "X-Sanctionwatch-Timestamp"
ALERT_HEADER = "X-Sanctionwatch-Alert"


@dataclass(frozen=True)
class DeliveryPolicy:
    max_attempts: int = 6
    backoff: float = 30.0
    """Seconds before the first retry; doubled after each failure."""
    max_backoff: float = 6 * 3600.0
    timeout: float = 10.0
    allow_private: bool = False


@dataclass
class DeliverySummary:
    delivered: int = 0
    retried: int = 0
    dead: int = 0


def sign(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def verify(secret: str, timestamp: str, body: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def alert_body(alert: dict[str, Any]) -> bytes:
    return json.dumps({"alert": alert}, sort_keys=True, ensure_ascii=False).encode()


def deliver_due(
    store: st.Store,
    *,
    policy: DeliveryPolicy | None = None,
    now: datetime | None = None,
    transport: httpx.BaseTransport | None = None,
) -> DeliverySummary:
    """Attempt every pending delivery that is due; record the outcome of each."""
    rules = policy or DeliveryPolicy()
    at = now or records.now_utc()
    secrets = {w.name: w.secret for w in list_watchlists(store)}
    summary = DeliverySummary()
    with httpx.Client(
        timeout=rules.timeout, follow_redirects=False, trust_env=False, transport=transport
    ) as client:
        for alert_id, url, attempts, alert in records.due_deliveries(store, at):
            error = _post(client, url, alert, secrets.get(str(alert["watchlist"]), ""), rules, at)
            tries = attempts + 1
            if error is None:
                summary.delivered += 1
                records.update_delivery(
                    store,
                    alert_id,
                    status="delivered",
                    attempts=tries,
                    next_attempt_at=at,
                    error=None,
                )
                continue
            dead = tries >= rules.max_attempts
            delay = min(rules.backoff * 2 ** (tries - 1), rules.max_backoff)
            records.update_delivery(
                store,
                alert_id,
                status="dead" if dead else "pending",
                attempts=tries,
                next_attempt_at=at + timedelta(seconds=delay),
                error=error,
            )
            if dead:
                summary.dead += 1
            else:
                summary.retried += 1
    return summary


def _post(
    client: httpx.Client,
    url: str,
    alert: dict[str, Any],
    secret: str,
    rules: DeliveryPolicy,
    at: datetime,
) -> str | None:
    """``None`` when delivered, else the error (with its code) to record."""
    parts = urlsplit(url)
    try:
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"not an http(s) URL: {url!r}", code="E222")
        resolve_checked(
            parts.hostname,
            parts.port or (443 if parts.scheme == "https" else 80),
            allow_private=rules.allow_private,
        )
    except InputError as error:
        return f"{error.code}: {error.message}"
    body = alert_body(alert)
    timestamp = str(int(at.timestamp()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        TIMESTAMP_HEADER: timestamp,
        ALERT_HEADER: str(alert["id"]),
        SIGNATURE_HEADER: sign(secret, timestamp, body),
    }
    try:
        response = client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        return f"E706: {type(exc).__name__}: {exc}"
    if 200 <= response.status_code < 300:
        return None
    return f"E706: HTTP {response.status_code}"


def dead_letters(store: st.Store) -> list[dict[str, Any]]:
    return records.delivery_rows(store, status="dead")
