"""Polling against a real server on loopback: validators, backoff, bad sources, restarts."""

from __future__ import annotations

import threading
from collections.abc import Collection, Mapping
from datetime import datetime, timedelta
from typing import Any

import pytest

from sanctionwatch import store as st
from sanctionwatch.ingest import Failed, Fetcher, RawInput
from sanctionwatch.ingest.fetch import FetchPolicy
from sanctionwatch.watch import (
    Watcher,
    WatchSettings,
    add_watchlist,
    list_alerts,
    make_watchlist,
    parse_sources,
    source_health,
)
from sanctionwatch.watch.config import SourceSpec


def _config(site: Any, *entries: dict[str, Any]) -> Any:
    sources = [
        {"allow_private": True, "interval": 60, **entry, "feed": f"{site.base}{entry['feed']}"}
        for entry in entries
    ]
    return parse_sources({"defaults": {"rate_limit": 0}, "sources": sources})


def test_poll_bad_sources_are_recorded_and_do_not_stop_the_others(
    store: st.Store, site: Any
) -> None:
    site.put("/good-page", site.page("Shells go north", site.arms, site="Harbour Ledger"))
    site.feed("/good.xml", [("Shells go north", "/good-page")])
    site.put("/slow.xml", b"<rss/>", hold=threading.Event())
    site.put("/garbage.xml", b"this is not a feed at all", content_type="application/rss+xml")
    site.put("/busy.xml", b"", status=429, headers={"Retry-After": "120"})
    config = _config(
        site,
        {"name": "slow", "feed": "/slow.xml"},
        {"name": "garbage", "feed": "/garbage.xml"},
        {"name": "private", "feed": "/good.xml", "allow_private": False},
        {"name": "busy", "feed": "/busy.xml"},
        {"name": "good", "feed": "/good.xml"},
    )
    watcher = Watcher(store, config, settings=WatchSettings(timeout=0.5))
    started = datetime.now().astimezone()

    round_ = watcher.run_once()

    status = {p.name: (p.status, p.error_code) for p in round_.polls}
    assert status == {
        "slow": ("error", "E219"),
        "garbage": ("error", "E213"),
        "private": ("error", "E220"),
        "busy": ("error", "E702"),
        "good": ("ok", None),
    }
    health = {h["name"]: h for h in source_health(store)}
    assert health["good"]["items_seen"] == 1 and health["good"]["last_success_at"]
    assert health["busy"]["last_error_code"] == "E702"
    assert datetime.fromisoformat(health["busy"]["next_poll_at"]) >= started + timedelta(
        seconds=120
    )
    assert health["garbage"]["consecutive_failures"] == 1
    # Not due yet: a scheduled poll (not forced) leaves the backed-off source alone.
    again = watcher.run_once(force=False)
    assert {p.name: p.status for p in again.polls}["busy"] == "skipped"
    assert len(site.hits("/busy.xml")) == 1


def test_poll_conditional_get_sends_validators_after_success(store: st.Store, site: Any) -> None:
    site.put("/page", site.page("Shells go north", site.arms, site="Harbour Ledger"))
    site.feed("/feed.xml", [("Shells go north", "/page")], etag='"abc"')
    watcher = Watcher(store, _config(site, {"name": "desk", "feed": "/feed.xml"}))

    assert watcher.run_once().polls[0].status == "ok"
    assert watcher.run_once().polls[0].status == "not_modified"

    asks = site.hits("/feed.xml")
    assert "if-none-match" not in asks[0] and asks[1]["if-none-match"] == '"abc"'
    assert len(site.hits("/page")) == 1


class _Killed(BaseException):
    """Stands for the process being killed (not an ``Exception``: nothing catches it)."""


class _DyingFetcher(Fetcher):
    def __init__(self, policy: FetchPolicy, *, die_on: str) -> None:
        super().__init__(policy)
        self.die_on = die_on

    def fetch(
        self,
        url: str,
        *,
        source_ref: str | None = None,
        depth: int = 0,
        headers: Mapping[str, str] | None = None,
        pass_statuses: Collection[int] = (),
    ) -> RawInput | Failed:
        if url.endswith(self.die_on):
            raise _Killed
        return super().fetch(
            url, source_ref=source_ref, depth=depth, headers=headers, pass_statuses=pass_statuses
        )


def test_poll_killed_mid_poll_loses_nothing_and_alerts_once(store: st.Store, site: Any) -> None:
    add_watchlist(store, make_watchlist("arms", actors=["KP"], types=["arms_transfer"]))
    other = [
        "Russia received a second shipment of North Korean rockets in April 2024, "
        "officials in Kyiv said.",
    ]
    site.put("/one", site.page("Shells go north", site.arms, site="Harbour Ledger"))
    site.put("/two", site.page("Rockets for Russia", other, site="Morning Wire"))
    site.feed(
        "/feed.xml", [("Shells go north", "/one"), ("Rockets for Russia", "/two")], etag='"v1"'
    )
    config = _config(site, {"name": "desk", "feed": "/feed.xml"})

    def dying(spec: SourceSpec) -> Fetcher:
        return _DyingFetcher(FetchPolicy(allow_private=True, timeout=5), die_on="/two")

    with pytest.raises(_Killed):
        Watcher(store, config, make_fetcher=dying).run_once()
    assert list_alerts(store) == []

    restarted = Watcher(store, config)
    first = restarted.run_once()
    assert first.polls[0].status == "ok"
    alerted = {a["subject_id"] for a in first.alerts}
    assert alerted and len(alerted) == len(first.alerts)
    assert len(st.document_ids(store)) == 2

    again = Watcher(store, config).run_once()
    assert again.alerts == [] and again.polls[0].status == "not_modified"
    assert sorted(a["id"] for a in list_alerts(store)) == sorted(a["id"] for a in first.alerts)


def _sitemap(base: str, paths: list[str]) -> bytes:
    urls = "".join(
        f"<url><loc>{base}{p}</loc><lastmod>2024-03-1{i}</lastmod></url>"
        for i, p in enumerate(paths)
    )
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>"
    ).encode()


def test_poll_sitemap_fetches_only_pages_not_seen(store: st.Store, site: Any) -> None:
    site.put("/a", site.page("Shells go north", site.arms, site="Harbour Ledger"))
    site.put(
        "/b", site.page("Ministers meet", ["Ministers met in Canberra on Monday."], site="Wire")
    )
    site.put("/sitemap.xml", _sitemap(site.base, ["/a"]), content_type="application/xml")
    config = parse_sources(
        {
            "defaults": {"rate_limit": 0},
            "sources": [
                {"name": "gov", "sitemap": f"{site.base}/sitemap.xml", "allow_private": True}
            ],
        }
    )
    watcher = Watcher(store, config)
    assert watcher.run_once().polls[0].new_documents == 1
    site.put("/sitemap.xml", _sitemap(site.base, ["/a", "/b"]), content_type="application/xml")
    assert watcher.run_once().polls[0].new_documents == 1
    assert len(site.hits("/a")) == 1 and len(site.hits("/b")) == 1
    site.put("/sitemap.xml", b"<html>not a sitemap</html>", content_type="application/xml")
    broken = watcher.run_once().polls[0]
    assert (broken.status, broken.error_code) == ("error", "E213")
