from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctionwatch import store as st
from sanctionwatch.api import create_app

UN_LIST = Path(__file__).resolve().parents[1] / "resolve" / "data" / "un_small.xml"
KEY = "write-key"
ARTICLE = {
    "id": "post-1",
    "title": "Rockets by rail",
    "outlet": "Test Wire",
    "published": "2024-04-02",
    "url": "https://example.org/post-1",
    "text": "Rockets by rail\n\nNorth Korea shipped 4,000 rockets to Russia in March 2024, officials said.",
}


@pytest.fixture
def fresh(store: st.Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("SANCTIONWATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SANCTIONWATCH_API_KEYS", raising=False)
    monkeypatch.delenv("SANCTIONWATCH_READ_REQUIRES_KEY", raising=False)
    with TestClient(create_app(store=store, api_keys=[KEY])) as client:
        yield client


WRITES = [
    ("ingest-none", "/ingest", {}, None),
    ("ingest-wrong", "/ingest", {"X-API-Key": "nope"}, None),
    ("lists-none", "/lists", {}, UN_LIST),
    ("lists-wrong-bearer", "/lists", {"Authorization": "Bearer nope"}, UN_LIST),
]


@pytest.mark.parametrize(
    ("path", "headers", "upload"), [w[1:] for w in WRITES], ids=[w[0] for w in WRITES]
)
def test_writes_without_a_valid_key_are_401(
    fresh: TestClient, path: str, headers: dict[str, str], upload: Path | None
) -> None:
    if upload is None:
        response = fresh.post(path, json={"articles": [ARTICLE]}, headers=headers)
    else:
        response = fresh.post(path, content=upload.read_bytes(), headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "E401"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert fresh.get("/incidents").json() == [], "nothing was written"


def test_writes_ingest_with_key_adds_incidents(fresh: TestClient) -> None:
    response = fresh.post("/ingest", json={"articles": [ARTICLE]}, headers={"X-API-Key": KEY})
    assert response.status_code == 201
    summary = response.json()
    assert summary["ingested"] == 1 and summary["incidents"] >= 1
    incidents = fresh.get("/incidents", params={"type": "arms_transfer"}).json()
    assert incidents[0]["claims"][0]["document"]["url"] == ARTICLE["url"]
    again = fresh.post(
        "/ingest", json={"articles": [ARTICLE]}, headers={"Authorization": f"Bearer {KEY}"}
    )
    assert again.json()["ingested"] == 0, "a re-post is a no-op"


def test_writes_ingest_private_url_is_quarantined(fresh: TestClient) -> None:
    response = fresh.post(
        "/ingest", json={"urls": ["http://127.0.0.1:9/feed"]}, headers={"X-API-Key": KEY}
    )
    assert response.status_code == 201
    assert [f["code"] for f in response.json()["failures"]] == ["E220"]


BAD_BODIES = [
    ("empty", {}, "E206"),
    ("no-text", {"articles": [{"title": "x"}]}, "E422"),
    ("bad-date", {"articles": [{**ARTICLE, "published": "yesterday"}]}, "E422"),
    ("not-http", {"urls": ["file:///etc/passwd"]}, "E222"),
]


@pytest.mark.parametrize(
    ("body", "code"), [b[1:] for b in BAD_BODIES], ids=[b[0] for b in BAD_BODIES]
)
def test_writes_bad_ingest_body_is_422(
    fresh: TestClient, body: dict[str, object], code: str
) -> None:
    response = fresh.post("/ingest", json=body, headers={"X-API-Key": KEY})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == code


def test_writes_list_update_with_key(fresh: TestClient) -> None:
    xml = {"X-API-Key": KEY, "Content-Type": "application/xml"}
    response = fresh.post("/lists", content=UN_LIST.read_bytes(), headers=xml)
    assert response.status_code == 201 and response.json()["entries"] == 7
    assert fresh.get("/lists").json()[0]["name"] == "un_sc"
    hits = fresh.get("/screen", params={"name": "김영철", "birth_date": "1962"}).json()
    assert hits[0]["reference"] == "TKi.001"
    bad = fresh.post("/lists", content=b"not a list", headers=xml)
    assert bad.status_code == 422 and bad.json()["error"]["code"].startswith("E50")


def test_writes_disabled_without_configured_keys(
    store: st.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SANCTIONWATCH_API_KEYS", raising=False)
    with TestClient(create_app(store=store)) as client:
        response = client.post("/ingest", json={"articles": [ARTICLE]}, headers={"X-API-Key": "x"})
    assert response.status_code == 401
    assert "none is configured" in response.json()["error"]["message"]


def test_writes_keys_and_keyed_reads_from_environment(
    store: st.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANCTIONWATCH_API_KEYS", " first , second ")
    monkeypatch.setenv("SANCTIONWATCH_READ_REQUIRES_KEY", "1")
    with TestClient(create_app(store=store)) as client:
        assert client.get("/health").status_code == 200, "health stays open"
        for path in ("/incidents", "/ui/", "/entities"):
            assert client.get(path).status_code == 401, path
        assert client.get("/incidents", headers={"X-API-Key": "second"}).status_code == 200
        client.cookies.set("sanctionwatch_api_key", "first")
        assert client.get("/ui/").status_code == 200
