"""End to end: a feed server on loopback publishes over time; the watcher notices."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

from sanctionwatch import store as st
from sanctionwatch.watch import (
    Watcher,
    WatchSettings,
    add_watchlist,
    list_alerts,
    make_watchlist,
    parse_sources,
)
from sanctionwatch.watch.atom import render_alerts_atom
from sanctionwatch.watch.webhooks import DeliveryPolicy

OTHER = [
    "The foreign ministers of Japan and Australia met in Canberra on Monday to discuss "
    "fisheries, trade and student exchanges.",
]


def _watcher(store: st.Store, site: Any) -> Watcher:
    config = parse_sources(
        {
            "defaults": {"rate_limit": 0},
            "sources": [
                {
                    "name": "desk",
                    "feed": f"{site.base}/feed.xml",
                    "allow_private": True,
                    "interval": 60,
                }
            ],
        }
    )
    settings = WatchSettings(timeout=5, delivery=DeliveryPolicy(allow_private=True, backoff=0))
    return Watcher(store, config, settings=settings)


def test_service_one_alert_per_story_and_copies_join_it(
    store: st.Store, site: Any, receiver: Any
) -> None:
    watchlist = make_watchlist(
        "kp-ru-arms", actors=["KP", "RU"], types=["arms_transfer"], webhook=receiver.url
    )
    receiver.secret = watchlist.secret
    add_watchlist(store, watchlist)
    site.put("/other", site.page("Ministers meet", OTHER, site="Harbour Ledger"))
    site.feed("/feed.xml", [("Ministers meet", "/other")], etag='"v1"')
    watcher = _watcher(store, site)

    first = watcher.run_once()
    assert first.polls[0].status == "ok" and first.alerts == []

    site.put("/arms", site.page("Shells go north", site.arms, site="Harbour Ledger"))
    site.feed(
        "/feed.xml", [("Shells go north", "/arms"), ("Ministers meet", "/other")], etag='"v2"'
    )
    second = watcher.run_once()
    assert second.polls[0].status == "ok"
    assert len(second.alerts) == 1
    alert = second.alerts[0]
    assert alert["changes"][0]["kind"] == "new"
    assert {"KP", "RU"} <= set(alert["incident"]["source"]) | set(alert["incident"]["target"])
    assert len(receiver.received) == 1 and receiver.bad_signatures == 0

    third = watcher.run_once()
    assert third.polls[0].status == "not_modified" and third.alerts == []
    assert site.hits("/feed.xml")[-1].get("if-none-match") == '"v2"'

    copy = [*site.arms[:2], "The shipment was reported first by a news agency in Seoul."]
    site.put("/copy", site.page("Shells go north by rail", copy, site="Morning Wire"))
    site.feed(
        "/feed.xml",
        [("Shells go north by rail", "/copy"), ("Shells go north", "/arms")],
        etag='"v3"',
    )
    fourth = watcher.run_once()
    assert fourth.polls[0].new_documents == 1
    assert fourth.alerts == []
    incident = st.get_incident(store, alert["subject_id"])
    documents = {c.document_id for o in incident.origins for c in o.conduits}
    assert len(documents) == 2

    alerts = list_alerts(store, watchlist="kp-ru-arms")
    assert [a["id"] for a in alerts] == [alert["id"]]
    feed = ET.fromstring(
        render_alerts_atom(
            "kp-ru-arms", alerts, base_url="http://x", generated_at="2024-01-01T00:00:00Z"
        )
    )
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 1
    assert len(receiver.received) == 1
