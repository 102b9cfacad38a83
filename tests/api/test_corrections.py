"""Corrections over HTTP: the key (header, or cookie with its CSRF token), codes, and the
incident that follows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctionwatch import store as st
from sanctionwatch.api import create_app
from sanctionwatch.api.security import COOKIE, csrf_token_for

KEY = "review-key"
ARTICLE = {
    "id": "post-review",
    "title": "Shells by rail",
    "published": "2024-04-02",
    "text": "Shells by rail\n\nNorth Korea shipped 4,000 shells to Russia in March 2024, officials said.",
}
HEADERS = {"X-API-Key": KEY}


@pytest.fixture
def client(
    store: st.Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    monkeypatch.setenv("SANCTIONWATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SANCTIONWATCH_API_KEYS", raising=False)
    monkeypatch.delenv("SANCTIONWATCH_READ_REQUIRES_KEY", raising=False)
    with TestClient(create_app(store=store, api_keys=[KEY])) as client:
        assert (
            client.post("/ingest", json={"articles": [ARTICLE]}, headers=HEADERS).status_code == 201
        )
        yield client


def _claim(client: TestClient) -> tuple[str, str]:
    (incident,) = client.get("/incidents").json()
    return incident["id"], incident["claims"][0]["id"]


def test_corrections_api_role_shows_in_the_incident(client: TestClient) -> None:
    incident_id, claim_id = _claim(client)
    body = {"kind": "role", "role": "target", "codes": ["CN"], "author": "Ana"}
    response = client.post(f"/claims/{claim_id}/corrections", json=body, headers=HEADERS)
    assert response.status_code == 201, response.text
    made = response.json()
    assert (made["author"], made["summary"]) == ("Ana", "target set to CN")
    incident = client.get(f"/incidents/{incident_id}").json()
    assert incident["target"] == ["CN"] and incident["reviewed"]
    assert incident["claims"][0]["review"]["corrections"][0]["id"] == made["id"]
    listed = client.get("/corrections", params={"subject_id": claim_id}).json()
    assert [(c["id"], c["status"]) for c in listed] == [(made["id"], "applied")]


@pytest.mark.parametrize(
    ("headers", "cookie", "status"),
    [
        ({}, False, 401),
        ({"X-API-Key": "wrong"}, False, 401),
        ({"Origin": "https://evil.example", "X-CSRF-Token": csrf_token_for(KEY)}, True, 403),
        ({"Origin": "http://testserver"}, True, 403),
        ({"Origin": "http://testserver", "X-CSRF-Token": csrf_token_for(KEY)}, True, 201),
    ],
    ids=["no-key", "wrong-key", "cookie-other-origin", "cookie-no-token", "cookie-with-token"],
)
def test_corrections_api_writes_need_the_key(
    client: TestClient, headers: dict[str, str], cookie: bool, status: int
) -> None:
    _, claim_id = _claim(client)
    if cookie:
        client.cookies.set(COOKIE, KEY)
    body = {"kind": "note", "text": "check", "author": "Ana"}
    assert (
        client.post(f"/claims/{claim_id}/corrections", json=body, headers=headers).status_code
        == status
    )


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"kind": "quantity", "low": 10, "high": 5, "author": "Ana"}, 422, "E801"),
        ({"kind": "merge", "into": "inc_x", "author": "Ana"}, 422, "E801"),
        ({"kind": "reject"}, 422, "E422"),
        ({"kind": "role", "role": "target", "codes": ["China"], "author": "A"}, 422, "E422"),
    ],
    ids=["low-above-high", "merge-on-claim", "no-author", "code-not-iso"],
)
def test_corrections_api_bad_correction_is_422_with_its_code(
    client: TestClient, body: dict[str, object], status: int, code: str
) -> None:
    _, claim_id = _claim(client)
    response = client.post(f"/claims/{claim_id}/corrections", json=body, headers=HEADERS)
    assert (response.status_code, response.json()["error"]["code"]) == (status, code)


def test_corrections_api_unknown_claim_is_404(client: TestClient) -> None:
    body = {"kind": "reject", "author": "Ana"}
    response = client.post("/claims/clm_nope/corrections", json=body, headers=HEADERS)
    assert (response.status_code, response.json()["error"]["code"]) == (404, "E404")


def test_corrections_api_incident_note(client: TestClient) -> None:
    incident_id, _ = _claim(client)
    body = {"kind": "note", "text": "ask the Panel", "author": "Ben"}
    response = client.post(f"/incidents/{incident_id}/corrections", json=body, headers=HEADERS)
    assert response.status_code == 201
    assert client.get(f"/incidents/{incident_id}").json()["notes"][0]["author"] == "Ben"


def test_corrections_api_case_file_marks_the_reviewed_claim(client: TestClient) -> None:
    incident_id, claim_id = _claim(client)
    body = {"kind": "time", "start": "2024-02", "author": "Ana"}
    assert (
        client.post(f"/claims/{claim_id}/corrections", json=body, headers=HEADERS).status_code
        == 201
    )
    markdown = client.get(f"/incidents/{incident_id}/casefile.md").text
    assert "Reviewed: date set to 2024-02 (Ana," in markdown
    assert "reviewed: claim" in markdown  # the grade reasons say it too
    html = client.get(f"/incidents/{incident_id}/casefile.html").text
    assert 'class="reviewed">Reviewed: date set to 2024-02' in html
