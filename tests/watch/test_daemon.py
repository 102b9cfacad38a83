"""The long-lived service: APScheduler jobs in process, and a real ``watch`` process
killed in the middle of a poll and started again."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from apscheduler.schedulers.background import BackgroundScheduler

from sanctionwatch import store as st
from sanctionwatch.watch import (
    Watcher,
    WatchSettings,
    add_watchlist,
    list_alerts,
    make_watchlist,
    parse_sources,
)
from sanctionwatch.watch.webhooks import DeliveryPolicy

CLI = [sys.executable, "-c", "from sanctionwatch.cli.app import main; main()"]
WAIT = 120.0
"""Upper bound for waiting on a background job on a loaded machine; never a timing check."""


def _wait_for(condition: Any, *, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.1)


def test_daemon_scheduler_polls_alerts_and_delivers(
    store: st.Store, site: Any, receiver: Any
) -> None:
    watchlist = make_watchlist(
        "arms", actors=["KP", "RU"], types=["arms_transfer"], webhook=receiver.url
    )
    receiver.secret = watchlist.secret
    add_watchlist(store, watchlist)
    site.put("/arms", site.page("Shells go north", site.arms, site="Harbour Ledger"))
    site.feed("/feed.xml", [("Shells go north", "/arms")], etag='"v1"')
    config = parse_sources(
        {
            "defaults": {"rate_limit": 0},
            "sources": [
                {
                    "name": "desk",
                    "feed": f"{site.base}/feed.xml",
                    "allow_private": True,
                    "interval": 3600,
                }
            ],
        }
    )
    settings = WatchSettings(timeout=5, delivery=DeliveryPolicy(allow_private=True))
    scheduler = BackgroundScheduler(timezone="UTC")
    Watcher(store, config, settings=settings).schedule(scheduler, delivery_interval=3600)
    scheduler.start()
    try:
        _wait_for(lambda: receiver.received, what="the webhook")
    finally:
        scheduler.shutdown(wait=True)
    assert len(list_alerts(store)) == 1 and len(receiver.received) == 1


@pytest.mark.integration
def test_daemon_killed_mid_poll_loses_nothing_and_alerts_once(tmp_path: Path, site: Any) -> None:
    url = f"sqlite:///{tmp_path / 'daemon.db'}"
    with st.open_store(url) as store:
        add_watchlist(store, make_watchlist("arms", actors=["KP"], types=["arms_transfer"]))
    rockets = [
        "Russia received a second shipment of North Korean rockets in April 2024, "
        "officials in Kyiv said."
    ]
    hold = threading.Event()
    site.put("/one", site.page("Shells go north", site.arms, site="Harbour Ledger"))
    site.put("/two", site.page("Rockets for Russia", rockets, site="Morning Wire"), hold=hold)
    site.feed(
        "/feed.xml", [("Shells go north", "/one"), ("Rockets for Russia", "/two")], etag='"v1"'
    )
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"defaults: {{rate_limit: 0}}\nsources:\n  - name: desk\n    feed: {site.base}/feed.xml\n"
        "    allow_private: true\n    interval: 1h\n",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [*CLI, "watch", "--sources", str(sources), "--db", url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(lambda: site.hits("/two") or process.poll() is not None, what="the second page")
        assert process.poll() is None
        process.kill()  # SIGKILL while the second page is being fetched
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    hold.set()
    site.routes["/two"].hold = None

    with st.open_store(url) as store:
        assert list_alerts(store) == []
        config = parse_sources(
            {
                "defaults": {"rate_limit": 0},
                "sources": [
                    {"name": "desk", "feed": f"{site.base}/feed.xml", "allow_private": True}
                ],
            }
        )
        first = Watcher(store, config).run_once()
        assert first.polls[0].status == "ok"
        assert len(st.document_ids(store)) == 2
        alerted = [a["subject_id"] for a in list_alerts(store)]
        assert alerted and len(alerted) == len(set(alerted))
        again = Watcher(store, config).run_once()
        assert again.alerts == [] and len(list_alerts(store)) == len(alerted)
