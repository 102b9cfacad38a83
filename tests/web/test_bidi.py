"""Bidirectional controls in source titles and outlets are isolated wherever they show."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctionwatch import store as st
from sanctionwatch.api import create_app
from sanctionwatch.reports.casefile import bdi, isolate, md_escape
from sanctionwatch.services import ingest_sources

RLO = "\u202e"
TITLE = f"Shells by rail {RLO}exe.gnp"
OUTLET = f"Wire{RLO} Daily"
ARTICLE = {
    "id": "bidi-1",
    "title": TITLE,
    "outlet": OUTLET,
    "published": "2024-03-02",
    "url": "https://example.org/bidi-1",
    "text": f"{TITLE}\n\nNorth Korea shipped 2,000 artillery shells to Russia in February 2024, "
    "officials in Seoul said on Friday.",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("bidi")
    source = root / "bidi.jsonl"
    source.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    with st.open_store(f"sqlite:///{root / 'bidi.db'}") as store:
        ingest_sources(store, [source])
        with TestClient(create_app(store=store, api_keys=["k"])) as test:
            yield test


def test_bidi_filters_isolate_and_escape() -> None:
    assert str(bdi(f"<b>{RLO}x")) == f'<bdi dir="auto">&lt;b&gt;{RLO}x</bdi>'
    assert isolate("plain") == "plain"
    assert isolate(f"a{RLO}b") == f"\u2068a{RLO}b\u2069"
    assert md_escape(f"a{RLO}b").startswith("\u2068")


def _isolated(html: str, value: str) -> bool:
    return f'<bdi dir="auto">{value}</bdi>' in html


def test_bidi_document_and_incident_pages_isolate_title_and_outlet(client: TestClient) -> None:
    (document,) = client.get("/documents").json()
    page = client.get(f"/ui/documents/{document['id']}").text
    assert _isolated(page, TITLE) and _isolated(page, OUTLET)
    assert f"<title>\u2068{TITLE}\u2069" in page
    incident = client.get("/incidents").json()[0]
    page = client.get(f"/ui/incidents/{incident['id']}").text
    assert _isolated(page, TITLE) and _isolated(page, OUTLET)
    css = client.get("/ui/static/style.css").text
    assert "unicode-bidi: isolate" in css


@pytest.mark.parametrize("fmt", ["html", "md"], ids=["html", "md"])
def test_bidi_case_files_isolate_title_and_outlet(client: TestClient, fmt: str) -> None:
    incident = client.get("/incidents").json()[0]
    body = client.get(f"/incidents/{incident['id']}/casefile.{fmt}").text
    if fmt == "html":
        assert _isolated(body, TITLE) and _isolated(body, OUTLET)
        assert "unicode-bidi: isolate" in body
    else:
        assert f"\u2068{OUTLET}\u2069" in body and RLO + "exe.gnp\u2069" in body
        assert not any(line.count(RLO) > line.count("\u2069") for line in body.splitlines())


def test_bidi_search_hits_isolate_title(client: TestClient) -> None:
    page = client.get("/ui/search", params={"q": "shells"}).text
    assert _isolated(page, TITLE)


def test_bidi_fixture_is_written_here_not_copied(tmp_path: Path) -> None:
    assert RLO in ARTICLE["title"]
