from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctionwatch import store as st
from sanctionwatch.api import create_app
from sanctionwatch.services import ingest_sources


@pytest.fixture
def client(store: st.Store, articles: Path) -> Iterator[TestClient]:
    ingest_sources(store, [articles])
    with TestClient(create_app(store=store)) as test_client:
        yield test_client


def test_app_health(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["counts"]["documents"] == 2


def test_app_incidents_filter_and_detail(client: TestClient) -> None:
    incidents = client.get("/incidents", params={"type": "labor_dispatch"}).json()
    assert incidents and {i["type"] for i in incidents} == {"labor_dispatch"}
    detail = client.get(f"/incidents/{incidents[0]['id']}").json()
    assert detail["claims"][0]["evidence"]["text"]


def test_app_document_detail_spans_slice_back(client: TestClient) -> None:
    doc_id = client.get("/documents").json()[0]["id"]
    doc = client.get(f"/documents/{doc_id}").json()
    for claim in doc["claims"]:
        ev = claim["evidence"]
        assert doc["text"][ev["start"] : ev["end"]] == ev["text"]


def test_app_errors_carry_codes(client: TestClient) -> None:
    missing = client.get("/incidents/inc_nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E404"
    bad = client.get("/incidents", params={"since": "last week"})
    assert bad.status_code == 422


def test_app_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/health", "/incidents", "/incidents/{incident_id}", "/documents/{document_id}"):
        assert path in paths
