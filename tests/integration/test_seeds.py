"""The foundation's acceptance checks on the real seed articles and corpus (../shared)."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import httpx
import pytest

from sanctionwatch import store as st
from sanctionwatch.services import ingest_sources, list_incident_views

pytestmark = pytest.mark.integration


def _incidents(store: st.Store) -> list[dict]:  # type: ignore[type-arg]
    return [v.to_dict() for v in list_incident_views(store)]


def _find(incidents: list[dict], type_: str, sources: list[str], targets: list[str]) -> list[dict]:  # type: ignore[type-arg]
    return [
        i
        for i in incidents
        if i["type"] == type_
        and set(sources) <= set(i["source"])
        and set(targets) <= set(i["target"])
    ]


def test_seeds_give_the_expected_incidents(store: st.Store, shared: Path) -> None:
    ingest_sources(store, [shared / "seeds"])
    incidents = _incidents(store)

    arms = _find(incidents, "arms_transfer", ["KP"], ["RU"])
    assert any("UNSCR-1718-OP8(b)" in {p["provision_id"] for p in i["provisions"]} for i in arms)

    labor = _find(incidents, "labor_dispatch", ["KP"], ["RU"])
    assert any(
        {"UNSCR-2397-OP8", "UNSCR-2375-OP17"} <= {p["provision_id"] for p in i["provisions"]}
        for i in labor
    )

    assert _find(incidents, "tech_transfer", ["RU"], ["KP"])

    visas = _find(incidents, "visa_issuance", ["RU"], ["KP"])
    assert any(
        i["quantity_low"] == 26000 and (i["time_start"] or "").startswith("2019") for i in visas
    )

    denied = [c for i in arms for c in i["claims"] if c["modality"] == "denied"]
    assert denied, "the denial by Russian authorities is kept"

    for incident in incidents:
        for claim in incident["claims"]:
            text = st.get_document(store, claim["document_id"]).text
            for key in ("evidence", "trigger"):
                span = claim[key]
                assert text[span["start"] : span["end"]] == span["text"]
            for role in claim["source"] + claim["target"]:
                assert text[role["span"]["start"] : role["span"]["end"]] == role["span"]["text"]


def test_corpus_ingests_without_error_and_twice_changes_nothing(
    store: st.Store, shared: Path
) -> None:
    corpus = shared / "corpus" / "articles.jsonl"
    first = ingest_sources(store, [corpus])
    assert first.quarantined == 0 and first.ingested == 104
    before = (st.stats(store), _incidents(store))
    second = ingest_sources(store, [corpus])
    assert second.ingested == 0 and second.duplicates == 104
    assert (st.stats(store), _incidents(store)) == before


def test_serve_answers_over_real_http(
    tmp_path: Path,
    articles: Path,
    serve: Callable[..., AbstractContextManager[str]],
    run_cli: Callable[..., object],
) -> None:
    db = f"sqlite:///{tmp_path / 'served.db'}"
    run_cli(["ingest", str(articles), "--db", db, "--json"])
    with serve(["--db", db]) as base:
        assert httpx.get(f"{base}/health", timeout=10).json()["status"] == "ok"
        assert httpx.get(f"{base}/incidents", timeout=10).json()
        assert json.loads(httpx.get(f"{base}/openapi.json", timeout=10).text)["paths"]
