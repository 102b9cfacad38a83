from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from sanctionwatch import store as st
from sanctionwatch.api import create_app
from sanctionwatch.services import ingest_sources
from sanctionwatch.store import schema


@pytest.fixture
def merged(store: st.Store, articles: Path) -> Iterator[tuple[TestClient, str]]:
    """A store where ``inc_absorbed`` was merged into a live incident."""
    ingest_sources(store, [articles])
    live = st.list_incidents(store)[0].id
    with store.transaction(write=True) as conn:
        conn.execute(
            insert(schema.incident_redirects).values(
                old_id="inc_absorbed", new_id=live, reason="test", created_at=datetime.now(UTC)
            )
        )
    with TestClient(create_app(store=store), follow_redirects=False) as client:
        yield client, live


def test_redirects_api_answers_301_for_a_merged_id(merged: tuple[TestClient, str]) -> None:
    client, live = merged
    response = client.get("/incidents/inc_absorbed")
    assert response.status_code == 301
    assert response.headers["location"].endswith(f"/incidents/{live}")
    assert client.get("/incidents/inc_never_was").status_code == 404


def test_redirects_ui_sends_the_old_page_to_the_new(merged: tuple[TestClient, str]) -> None:
    client, live = merged
    response = client.get("/ui/incidents/inc_absorbed")
    assert response.status_code == 301
    assert response.headers["location"] == f"/ui/incidents/{live}"


def test_redirects_list_shows_titles_and_filters_relevance(
    merged: tuple[TestClient, str],
) -> None:
    client, _ = merged
    default = client.get("/incidents").json()
    assert default and all(i["relevance"] == "regime" and i["title"] for i in default)
    everything = client.get("/incidents", params={"relevance": "all"}).json()
    assert len(everything) >= len(default)
    assert client.get("/incidents", params={"relevance": "nonsense"}).status_code == 422
