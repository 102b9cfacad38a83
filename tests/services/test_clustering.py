from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from sanctionwatch import store as st
from sanctionwatch.assess.cluster import ClaimCluster
from sanctionwatch.domain import Claim, ClaimType, make_span
from sanctionwatch.services import (
    IncidentMoved,
    incident_view,
    ingest_sources,
    rebuild_incidents,
)
from sanctionwatch.services.clustering import keep_ids
from sanctionwatch.store import schema

FIRST = """Kim and Putin meet

North Korea's leader Kim Jong Un met Russian President Vladimir Putin at the Vostochny Cosmodrome on 13 September 2023.
"""
SECOND = """A summit revisited

Kim Jong Un and Vladimir Putin held talks at the Vostochny Cosmodrome in September 2023, officials said.
"""


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _meeting(store: st.Store) -> str:
    (incident,) = st.list_incidents(store, type="meeting")
    return incident.id


def test_clustering_new_report_joins_the_stored_incident_and_keeps_its_id(
    store: st.Store, tmp_path: Path
) -> None:
    ingest_sources(store, [_write(tmp_path / "a", "first.txt", FIRST)])
    before = _meeting(store)
    summary = ingest_sources(store, [_write(tmp_path / "b", "second.txt", SECOND)])
    assert summary.incidents >= 1  # only the changed incidents are written
    after = _meeting(store)
    assert after == before
    assert len(incident_view(store, after).documents) == 2


def test_clustering_incremental_matches_a_rebuild(store: st.Store, tmp_path: Path) -> None:
    ingest_sources(store, [_write(tmp_path / "a", "first.txt", FIRST)])
    ingest_sources(store, [_write(tmp_path / "b", "second.txt", SECOND)])
    incremental = {(i.id, i.claim_ids) for i in st.list_incidents(store, relevance=None)}
    rebuild_incidents(store)
    rebuilt = {(i.id, i.claim_ids) for i in st.list_incidents(store, relevance=None)}
    assert rebuilt == incremental


def test_clustering_another_clusterer_rebuilds(store: st.Store, tmp_path: Path) -> None:
    ingest_sources(store, [_write(tmp_path / "a", "first.txt", FIRST)])
    with store.transaction(write=True) as conn:
        st.write_rebuild_state(conn, keys={}, redirects={}, periods={}, built_by="old@v1")
    ingest_sources(store, [_write(tmp_path / "b", "second.txt", SECOND)])
    assert st.incidents_built_by(store) != "old@v1"
    assert st.incident_ids_for_keys(store, [f"meeting|d:{d}" for d in st.document_ids(store)])


def _cluster(cluster_id: str, *docs: str) -> ClaimCluster:
    text = "The two leaders met."
    claims = tuple(
        Claim(
            id=f"clm_{doc}",
            document_id=doc,
            type=ClaimType.MEETING,
            evidence=make_span(text, 0, len(text), document_id=doc),
            trigger=make_span(text, 15, 18, document_id=doc),
        )
        for doc in docs
    )
    return ClaimCluster(ClaimType.MEETING, ("KP", "RU"), (), claims, id=cluster_id)


def test_clustering_keep_ids_gives_the_old_id_and_redirects_the_absorbed() -> None:
    merged = _cluster("inc_fresh", "a", "b", "c")
    old = {c.id: ("inc_old1" if c.document_id != "c" else "inc_old2") for c in merged.claims}
    (kept,), redirects = keep_ids([merged], old)
    assert kept.id == "inc_old1"
    assert redirects == {"inc_old2": "inc_old1"}


def test_clustering_absorbed_id_redirects(store: st.Store, tmp_path: Path) -> None:
    ingest_sources(store, [_write(tmp_path / "a", "first.txt", FIRST)])
    live = _meeting(store)
    with store.transaction(write=True) as conn:
        conn.execute(
            insert(schema.incident_redirects).values(
                old_id="inc_gone", new_id=live, reason="test", created_at=datetime.now(UTC)
            )
        )
        assert conn.execute(select(schema.incident_redirects.c.new_id)).scalar() == live
    with pytest.raises(IncidentMoved) as moved:
        incident_view(store, "inc_gone")
    assert moved.value.new_id == live
    assert st.resolve_redirect(store, live) is None
