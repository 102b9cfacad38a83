"""Signed webhooks against a real receiver: signatures, retries with backoff, dead letters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from sanctionwatch import store as st
from sanctionwatch.watch import add_watchlist, make_watchlist, records
from sanctionwatch.watch.webhooks import DeliveryPolicy, dead_letters, deliver_due, sign, verify

NOW = datetime(2024, 3, 12, 8, 0, tzinfo=UTC)


def _alert(store: st.Store, watchlist: str, webhook: str) -> dict[str, Any]:
    alert = {
        "id": "a" * 64,
        "watchlist": watchlist,
        "kind": "incident",
        "subject_id": "inc_1",
        "title": "Shells go north",
        "changes": [{"kind": "new", "detail": "new incident"}],
        "reasons": ["type arms_transfer"],
        "created_at": NOW.isoformat(),
    }
    with store.transaction(write=True) as conn:
        assert records.insert_alert(conn, alert, webhook=webhook)
        assert not records.insert_alert(conn, alert, webhook=webhook)
    return alert


@pytest.mark.parametrize(
    ("secret", "tampered", "ok"),
    [("s3cret", False, True), ("s3cret", True, False), ("other", False, False)],
    ids=["valid", "tampered-body", "wrong-secret"],
)
def test_webhooks_signature_verifies(secret: str, tampered: bool, ok: bool) -> None:
    signature = sign("s3cret", "1710230400", b'{"alert": 1}')
    body = b'{"alert": 2}' if tampered else b'{"alert": 1}'
    assert verify(secret, "1710230400", body, signature) is ok


def test_webhooks_retry_with_backoff_then_deliver(store: st.Store, receiver: Any) -> None:
    watchlist = make_watchlist("arms", types=["arms_transfer"], webhook=receiver.url)
    receiver.secret, receiver.fail_first = watchlist.secret, 2
    add_watchlist(store, watchlist)
    _alert(store, "arms", receiver.url)
    policy = DeliveryPolicy(allow_private=True, backoff=60)

    assert deliver_due(store, policy=policy, now=NOW).retried == 1
    assert deliver_due(store, policy=policy, now=NOW + timedelta(seconds=30)).retried == 0
    assert deliver_due(store, policy=policy, now=NOW + timedelta(seconds=60)).retried == 1
    assert deliver_due(store, policy=policy, now=NOW + timedelta(seconds=119)).delivered == 0
    assert deliver_due(store, policy=policy, now=NOW + timedelta(seconds=180)).delivered == 1
    assert receiver.attempts == 3 and len(receiver.received) == 1 and receiver.bad_signatures == 0
    assert deliver_due(store, policy=policy, now=NOW + timedelta(days=1)).delivered == 0


def test_webhooks_dead_letter_after_max_attempts(store: st.Store, receiver: Any) -> None:
    watchlist = make_watchlist("arms", types=["arms_transfer"], webhook=receiver.url)
    receiver.secret, receiver.fail_first = watchlist.secret, 100
    add_watchlist(store, watchlist)
    alert = _alert(store, "arms", receiver.url)
    policy = DeliveryPolicy(allow_private=True, backoff=1, max_attempts=3)
    for hour in range(3):
        deliver_due(store, policy=policy, now=NOW + timedelta(hours=hour))
    dead = dead_letters(store)
    assert [d["alert_id"] for d in dead] == [alert["id"]]
    assert dead[0]["attempts"] == 3 and dead[0]["last_error"] == "E706: HTTP 500"


def test_webhooks_private_receiver_refused_without_permission(
    store: st.Store, receiver: Any
) -> None:
    watchlist = make_watchlist("arms", types=["arms_transfer"], webhook=receiver.url)
    add_watchlist(store, watchlist)
    _alert(store, "arms", receiver.url)
    deliver_due(store, policy=DeliveryPolicy(max_attempts=1), now=NOW)
    assert receiver.attempts == 0
    assert dead_letters(store)[0]["last_error"].startswith("E220")
