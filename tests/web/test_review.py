"""The key login and the correction forms of the incident page (TestClient, no browser)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctionwatch import store as st
from sanctionwatch.api import create_app
from sanctionwatch.api.security import COOKIE

KEY = "ui-review-key"
ARTICLE = {
    "id": "ui-review",
    "title": "Shells by rail",
    "published": "2024-04-02",
    "text": "Shells by rail\n\nNorth Korea shipped 4,000 shells to Russia in March 2024, officials said.",
}
SAME = {"Origin": "http://testserver"}


@pytest.fixture
def client(
    store: st.Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    monkeypatch.setenv("SANCTIONWATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SANCTIONWATCH_API_KEYS", raising=False)
    monkeypatch.delenv("SANCTIONWATCH_READ_REQUIRES_KEY", raising=False)
    with TestClient(create_app(store=store, api_keys=[KEY])) as client:
        client.post("/ingest", json={"articles": [ARTICLE]}, headers={"X-API-Key": KEY})
        yield client


def _ids(client: TestClient) -> tuple[str, str]:
    (incident,) = client.get("/incidents").json()
    return incident["id"], incident["claims"][0]["id"]


@pytest.mark.parametrize(
    ("next_page", "lands"),
    [
        ("/ui/timeline", "/ui/timeline"),
        ("//evil.example/x", "/ui/"),
        ("https://evil.example", "/ui/"),
    ],
    ids=["own-page", "protocol-relative", "other-site"],
)
def test_review_login_sets_the_cookie_and_stays_on_this_site(
    client: TestClient, next_page: str, lands: str
) -> None:
    response = client.post(
        "/ui/login", data={"api_key": KEY, "next": next_page}, follow_redirects=False
    )
    assert (response.status_code, response.headers["location"]) == (303, lands)
    cookie = response.headers["set-cookie"]
    assert f"{COOKIE}={KEY}" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie


def test_review_login_with_a_wrong_key_is_401(client: TestClient) -> None:
    response = client.post("/ui/login", data={"api_key": "wrong"})
    assert response.status_code == 401 and "E401" in response.text


def test_review_form_needs_the_csrf_token_beside_the_cookie(client: TestClient) -> None:
    incident_id, claim_id = _ids(client)
    client.post("/ui/login", data={"api_key": KEY})
    form = {"kind": "reject", "author": "Ana", "incident": incident_id}
    assert (
        client.post(f"/ui/claims/{claim_id}/corrections", data=form, headers=SAME).status_code
        == 403
    )
    page = client.get(f"/ui/incidents/{incident_id}").text
    token = re.search(r'name="csrf_token" value="(\w+)"', page)
    assert token is not None
    response = client.post(
        f"/ui/claims/{claim_id}/corrections",
        data={**form, "kind": "modality", "modality": "uncertain", "csrf_token": token.group(1)},
        headers=SAME,
        follow_redirects=False,
    )
    assert response.headers["location"] == f"/ui/incidents/{incident_id}#claim-{claim_id}"
    shown = client.get(f"/ui/incidents/{incident_id}").text
    assert "modality set to uncertain" in shown and 'class="pill reviewed"' in shown


def test_review_typed_key_writes_an_incident_note(client: TestClient) -> None:
    incident_id, _ = _ids(client)
    form = {"kind": "note", "text": "ask the Panel", "author": "Ben", "api_key": KEY}
    form["incident"] = incident_id
    response = client.post(f"/ui/incidents/{incident_id}/corrections", data=form)
    assert response.status_code == 200
    assert "note: ask the Panel · Ben" in response.text


def test_review_form_without_a_key_is_401(client: TestClient) -> None:
    _, claim_id = _ids(client)
    form = {"kind": "reject", "author": "Ana"}
    assert client.post(f"/ui/claims/{claim_id}/corrections", data=form).status_code == 401


def test_review_login_page_opens_when_reads_need_the_key(
    store: st.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SANCTIONWATCH_API_KEYS", raising=False)
    app = create_app(store=store, api_keys=[KEY], read_requires_key=True)
    with TestClient(app) as client:
        assert client.get("/ui/").status_code == 401
        assert client.get("/ui/login").status_code == 200
        client.post("/ui/login", data={"api_key": KEY})
        assert client.get("/ui/").status_code == 200
