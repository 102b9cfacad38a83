"""What an attacker tried on the writes and the screening batch: malformed lists, deep
nesting, lone surrogates, cross-site posts with a cookie key, huge bodies and batches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctionwatch import store as st
from sanctionwatch.api import create_app
from sanctionwatch.api.security import COOKIE, csrf_token_for
from sanctionwatch.resolve.liststore import store_list

UN_LIST = Path(__file__).resolve().parents[1] / "resolve" / "data" / "un_small.xml"
KEY = "guard-key"
XML = {"X-API-Key": KEY, "Content-Type": "application/xml"}
JSON = {"X-API-Key": KEY, "Content-Type": "application/json"}
DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.fixture
def client(
    store: st.Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("SANCTIONWATCH_DATA_DIR", str(data_dir))
    monkeypatch.delenv("SANCTIONWATCH_API_KEYS", raising=False)
    monkeypatch.delenv("SANCTIONWATCH_READ_REQUIRES_KEY", raising=False)
    store_list(data_dir, UN_LIST.read_bytes(), source="fixture")
    with TestClient(create_app(store=store, api_keys=[KEY], max_body_bytes=1 << 20)) as test:
        yield test


BAD_LISTS = [
    ("number", b"[1]"),
    ("null", b"[null]"),
    ("string", b'["x"]'),
    ("object-not-list", b'{"schema": "Person"}\n[2]'),
    ("deep-array", DEEP),
    ("deep-line", b'{"a": ' * 50_000 + b"1" + b"}" * 50_000),
    (
        "datasets-not-list",
        b'[{"id": "p1", "schema": "Person", "datasets": 3, "properties": {"name": ["A B"]}}]',
    ),
]


@pytest.mark.parametrize("data", [b[1] for b in BAD_LISTS], ids=[b[0] for b in BAD_LISTS])
def test_write_guards_malformed_list_is_e505(client: TestClient, data: bytes) -> None:
    response = client.post("/lists", content=data, headers=JSON)
    assert response.status_code == 422, response.text[:300]
    assert response.json()["error"]["code"] == "E505"
    assert client.get("/lists").json()[0]["name"] == "un_sc", "the list in use stays"


SIMPLE_TYPES = [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
]


@pytest.mark.parametrize("content_type", SIMPLE_TYPES, ids=["plain", "form", "multipart"])
def test_write_guards_list_refuses_simple_content_types(
    client: TestClient, content_type: str
) -> None:
    headers = {"X-API-Key": KEY, "Content-Type": content_type}
    response = client.post("/lists", content=UN_LIST.read_bytes(), headers=headers)
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "E415"


CROSS_SITE = [
    ("no-token", {"Origin": "https://evil.example"}),
    ("token-other-origin", {"Origin": "https://evil.example", "X-CSRF-Token": csrf_token_for(KEY)}),
    ("same-origin-no-token", {"Origin": "http://testserver"}),
    ("token-no-origin", {"X-CSRF-Token": csrf_token_for(KEY)}),
    ("wrong-token", {"Origin": "http://testserver", "X-CSRF-Token": "0" * 64}),
]


@pytest.mark.parametrize("headers", [c[1] for c in CROSS_SITE], ids=[c[0] for c in CROSS_SITE])
def test_write_guards_cookie_key_needs_csrf_and_same_origin(
    client: TestClient, headers: dict[str, str]
) -> None:
    client.cookies.set(COOKIE, KEY)
    response = client.post(
        "/lists",
        content=UN_LIST.read_bytes(),
        headers={"Content-Type": "application/xml", **headers},
    )
    assert response.status_code == 403, response.text[:200]
    assert response.json()["error"]["code"] == "E403"


def test_write_guards_cookie_key_with_token_from_own_page_writes(client: TestClient) -> None:
    client.cookies.set(COOKIE, KEY)
    headers = {
        "Content-Type": "application/xml",
        "Origin": "http://testserver",
        "X-CSRF-Token": csrf_token_for(KEY),
    }
    response = client.post("/lists", content=UN_LIST.read_bytes(), headers=headers)
    assert response.status_code == 201


SURROGATE = '"\\udcff"'


@pytest.mark.parametrize(
    ("path", "body"),
    [
        (
            "/match/default",
            '{"queries": {"q": {"schema": "Person", "properties": {"name": [@]}}}}'.replace(
                "@", SURROGATE
            ),
        ),
        (
            "/match/default",
            '{"queries": {@: {"schema": "Person", "properties": {"name": ["Kim"]}}}}'.replace(
                "@", SURROGATE
            ),
        ),
        ("/ingest", '{"articles": [{"text": @}]}'.replace("@", SURROGATE)),
        (
            "/ingest",
            '{"articles": [{"text": "Some text here.", "title": @}]}'.replace("@", SURROGATE),
        ),
        ("/ingest", '{"urls": [@]}'.replace("@", SURROGATE)),
    ],
    ids=["match-name", "match-key", "ingest-text", "ingest-title", "ingest-url"],
)
def test_write_guards_lone_surrogate_is_422(client: TestClient, path: str, body: str) -> None:
    response = client.post(path, content=body.encode(), headers=JSON)
    assert response.status_code == 422, response.text[:300]
    error = response.json()["error"]
    assert error["code"] == "E422" and "surrogate" in error["message"]


def test_write_guards_deep_json_body_is_a_coded_error(client: TestClient) -> None:
    response = client.post("/match/default", content=DEEP[:20_000] + DEEP[-20_000:], headers=JSON)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "E422"


def test_write_guards_too_many_queries_is_413(client: TestClient) -> None:
    queries = {
        f"q{n}": {"schema": "Person", "properties": {"name": ["Kim Il"]}} for n in range(101)
    }
    response = client.post("/match/default", json={"queries": queries})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E509"


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "streamed"])
def test_write_guards_oversized_body_is_413(client: TestClient, declared: bool) -> None:
    data = b"<" + b"x" * (1 << 20)
    if declared:
        response = client.post("/lists", content=data, headers=XML)
    else:
        response = client.post("/lists", content=iter([data[:1000], data[1000:]]), headers=XML)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E204"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("DELETE", "/incidents", 405), ("GET", "/no-such-route", 404)],
    ids=["method-not-allowed", "unknown-route"],
)
def test_write_guards_routing_errors_have_the_error_shape(
    client: TestClient, method: str, path: str, status: int
) -> None:
    response = client.request(method, path)
    assert response.status_code == status
    assert response.json()["error"]["code"] == f"E{status}"
    if status == 405:
        assert "GET" in response.headers["Allow"]
