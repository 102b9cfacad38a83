"""Every read endpoint answers; the ones issue 7 added are checked in their own modules."""

from typing import Any

import pytest
from fastapi.testclient import TestClient


def _first(client: TestClient, path: str) -> Any:
    return client.get(path).json()[0]


def _watchlist(client: TestClient) -> str:
    from sanctionwatch.watch import add_watchlist, make_watchlist

    add_watchlist(
        client.app.state.store, make_watchlist("desk", types=["arms_transfer"]), replace=True
    )  # type: ignore[attr-defined]
    return "desk"


def test_reads_every_openapi_path_answers(desk_client: TestClient) -> None:
    incident = _first(desk_client, "/incidents")["id"]
    document = _first(desk_client, "/documents")["id"]
    topic = _first(desk_client, "/timeline/topics")["key"]
    values = {
        "incident_id": incident,
        "document_id": document,
        "entity_id": "KP",
        "fmt": "json",
        "dataset": "default",
        "name": _watchlist(desk_client),
    }
    query = {
        "/search": {"q": "shells"},
        "/screen": {"name": "Kim Yong Chol"},
        "/timeline/quantities": {"topic": topic},
        "/casefile.{fmt}": {"type": "arms_transfer"},
        "/changes": {"since": "2024-01-01"},
    }
    writes = {
        "/ingest",
        "/lists",
        "/match/{dataset}",
        "/watchlists/{name}",
        "/claims/{claim_id}/corrections",
        "/incidents/{incident_id}/corrections",
    }
    for path in desk_client.get("/openapi.json").json()["paths"]:
        if path in writes:
            continue
        url = path.replace("casefile.{fmt}", "casefile.md")
        for name, value in values.items():
            url = url.replace("{" + name + "}", value)
        response = desk_client.get(url, params=query.get(path, {}))
        assert response.status_code == 200, (path, response.text[:300])


def test_reads_search_is_ranked_with_snippets(desk_client: TestClient) -> None:
    hits = desk_client.get("/search", params={"q": "shells Russia"}).json()
    assert len(hits) >= 2
    assert all("[" in h["snippet"] and h["doc_id"] for h in hits)


def test_reads_claims_and_provisions(desk_client: TestClient) -> None:
    claims = desk_client.get("/claims", params={"type": "arms_transfer"}).json()
    assert claims and {c["type"] for c in claims} == {"arms_transfer"}
    provisions = desk_client.get("/provisions").json()
    assert any(p["id"].startswith("UNSCR-") for p in provisions)


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"], ids=["md", "html", "pdf"])
def test_reads_casefile_for_incident(desk_client: TestClient, fmt: str) -> None:
    incident = desk_client.get("/incidents", params={"type": "arms_transfer"}).json()[0]
    response = desk_client.get(f"/incidents/{incident['id']}/casefile.{fmt}")
    assert response.status_code == 200
    if fmt == "pdf":
        assert response.content.startswith(b"%PDF")
    else:
        assert incident["claims"][0]["evidence"]["text"].split()[0] in response.text


def test_reads_casefile_for_query(desk_client: TestClient) -> None:
    response = desk_client.get("/casefile.md", params={"type": "arms_transfer", "actor": "RU"})
    assert response.status_code == 200 and "III. Evidence" in response.text
    empty = desk_client.get("/casefile.md")
    assert empty.status_code == 422 and empty.json()["error"]["code"] == "E423"


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"], ids=["md", "html", "pdf"])
def test_reads_casefile_has_the_pages_security_headers(desk_client: TestClient, fmt: str) -> None:
    incident = desk_client.get("/incidents", params={"type": "arms_transfer"}).json()[0]
    for url in (
        f"/incidents/{incident['id']}/casefile.{fmt}",
        f"/casefile.{fmt}?type=arms_transfer",
    ):
        response = desk_client.get(url)
        assert response.headers["X-Content-Type-Options"] == "nosniff", url
        if fmt == "html":
            policy = response.headers["Content-Security-Policy"]
            assert "script-src 'nonce-" in policy and "object-src 'none'" in policy
            nonce = policy.split("'nonce-")[1].split("'")[0]
            assert f'<style nonce="{nonce}">' in response.text
            assert "<script" not in response.text
