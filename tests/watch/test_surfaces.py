"""The API, the web pages and the CLI over one watched store."""

from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree as ET

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sanctionwatch import store as st
from sanctionwatch.api import create_app
from sanctionwatch.cli.app import app as cli
from sanctionwatch.watch import Watcher, parse_sources

KEY = "test-key-for-watching"
ATOM = "{http://www.w3.org/2005/Atom}"


def _watch(store: st.Store, site: Any) -> None:
    site.put("/arms", site.page("Shells go north", site.arms, site="Harbour Ledger"))
    site.feed("/feed.xml", [("Shells go north", "/arms")], etag='"v1"')
    config = parse_sources(
        {
            "defaults": {"rate_limit": 0},
            "sources": [{"name": "desk", "feed": f"{site.base}/feed.xml", "allow_private": True}],
        }
    )
    Watcher(store, config).run_once()


def test_surfaces_api_watchlists_need_a_key_and_feed_alerts(store: st.Store, site: Any) -> None:
    with TestClient(create_app(store=store, api_keys=[KEY])) as client:
        _api_checks(client, store, site)


def _api_checks(client: TestClient, store: st.Store, site: Any) -> None:
    body = {"name": "kp-ru-arms", "actors": ["KP", "RU"], "types": ["arms_transfer"]}
    assert client.post("/watchlists", json=body).status_code == 401
    created = client.post("/watchlists", json=body, headers={"X-API-Key": KEY})
    assert created.status_code == 201 and created.json()["actors"] == ["KP", "RU"]
    bad = client.post(
        "/watchlists", json={"name": "x", "min_grade": "Z9"}, headers={"X-API-Key": KEY}
    )
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "E704"

    _watch(store, site)

    assert [w["name"] for w in client.get("/watchlists").json()] == ["kp-ru-arms"]
    assert client.get("/sources").json()[0]["last_status"] == "ok"
    alerts = client.get("/alerts", params={"watchlist": "kp-ru-arms"}).json()
    assert len(alerts) == 1 and alerts[0]["changes"][0]["kind"] == "new"
    feed = client.get("/watchlists/kp-ru-arms/alerts.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    entries = ET.fromstring(feed.content).findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        f"urn:sanctionwatch:alert:{alerts[0]['id']}"
    ]
    assert client.get("/watchlists/nobody/alerts.atom").json()["error"]["code"] == "E705"
    changed = client.get("/changes", params={"since": "2000-01-01"}).json()
    assert alerts[0]["subject_id"] in {c["id"] for c in changed}
    assert client.delete("/watchlists/kp-ru-arms").status_code == 401
    assert client.delete("/watchlists/kp-ru-arms", headers={"X-API-Key": KEY}).status_code == 204


def test_surfaces_web_new_since_last_visit_marks_new(store: st.Store, site: Any) -> None:
    with TestClient(create_app(store=store)) as client:
        _web_checks(client, store, site)


def _web_checks(client: TestClient, store: st.Store, site: Any) -> None:
    first = client.get("/ui/new")
    assert first.status_code == 200 and "First visit" in first.text
    _watch(store, site)
    second = client.get("/ui/new")
    assert 'class="marker new"' in second.text
    third = client.get("/ui/new")
    assert "Nothing new." in third.text
    client.cookies.clear()
    client.cookies.set("sanctionwatch_last_visit", "2000-01-01T00:00:00+00:00")
    listed = client.get("/ui/")
    assert 'class="marker new"' in listed.text and "since your last visit" in listed.text
    client.cookies.clear()
    client.cookies.set("sanctionwatch_last_visit", "garbage")
    assert 'class="marker' not in client.get("/ui/").text
    watch = client.get("/ui/watch")
    assert watch.status_code == 200 and 'data-source="desk"' in watch.text
    assert client.get("/ui/new", params={"since": "last week"}).status_code == 422


def test_surfaces_cli_watchlists_sources_alerts(store: st.Store, site: Any, tmp_path: Any) -> None:
    runner = CliRunner()
    db = ["--db", str(store.engine.url)]
    added = runner.invoke(
        cli, ["watchlists", "add", "arms", "--actor", "KP", "--type", "arms_transfer", *db]
    )
    assert added.exit_code == 0, added.output
    site.put("/arms", site.page("Shells go north", site.arms, site="Harbour Ledger"))
    site.feed("/feed.xml", [("Shells go north", "/arms")])
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"defaults: {{rate_limit: 0}}\nsources:\n  - name: desk\n    feed: {site.base}/feed.xml\n"
        "    allow_private: true\n    interval: 10m\n",
        encoding="utf-8",
    )
    once = runner.invoke(cli, ["watch", "--sources", str(sources), "--once", "--json", *db])
    assert once.exit_code == 0, once.output
    assert len(json.loads(once.output)["alerts"]) == 1
    health = json.loads(runner.invoke(cli, ["sources", "--json", *db]).output)
    assert health[0]["name"] == "desk" and health[0]["items_seen"] == 1
    listed = json.loads(
        runner.invoke(cli, ["alerts", "--json", "--since", "2000-01-01", *db]).output
    )
    assert len(listed) == 1 and listed[0]["watchlist"] == "arms"
    assert runner.invoke(cli, ["watchlists", "remove", "arms", *db]).exit_code == 0
    missing = runner.invoke(cli, ["watchlists", "remove", "arms", *db])
    assert missing.exit_code == 1


def test_surfaces_web_watchlist_form_is_a_keyed_write(store: st.Store) -> None:
    from sanctionwatch.api.security import COOKIE, csrf_token_for
    from sanctionwatch.watch import list_watchlists

    form = {"name": "arms", "actors": "KP, RU", "types": "arms_transfer", "min_grade": "C3"}
    with TestClient(create_app(store=store, api_keys=[KEY]), follow_redirects=False) as client:
        assert client.post("/ui/watchlists", data=form).status_code == 401
        assert client.post("/ui/watchlists", data=form | {"api_key": "wrong"}).status_code == 401
        saved = client.post("/ui/watchlists", data=form | {"api_key": KEY})
        assert saved.status_code == 303
        (watchlist,) = list_watchlists(store)
        assert (watchlist.actors, watchlist.types, watchlist.min_grade) == (
            ("KP", "RU"),
            ("arms_transfer",),
            "C3",
        )
        bad = client.post(
            "/ui/watchlists", data=form | {"name": "x", "min_grade": "Z", "api_key": KEY}
        )
        assert bad.status_code == 422 and "E704" in bad.text
        client.cookies.set(COOKIE, KEY)
        assert "csrf_token" in client.get("/ui/watch").text
        origin = {"Origin": str(client.base_url)}
        assert client.post("/ui/watchlists/arms/remove", headers=origin).status_code == 403
        removed = client.post(
            "/ui/watchlists/arms/remove", data={"csrf_token": csrf_token_for(KEY)}, headers=origin
        )
        assert removed.status_code == 303 and list_watchlists(store) == []
