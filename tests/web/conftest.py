"""A store with the desk articles (written for these tests, one with script tags) and the
small UN list fixture, shared by the page tests of one module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctionwatch import store as st
from sanctionwatch.api import create_app
from sanctionwatch.resolve.liststore import store_list
from sanctionwatch.services import ingest_sources

DESK = Path(__file__).resolve().parent / "data" / "desk.jsonl"
UN_LIST = Path(__file__).resolve().parents[1] / "resolve" / "data" / "un_small.xml"
KEY = "test-key-7"


@pytest.fixture(scope="module")
def desk_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[st.Store]:
    root = tmp_path_factory.mktemp("desk")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SANCTIONWATCH_DATA_DIR", str(root / "data"))
        patch.delenv("SANCTIONWATCH_API_KEYS", raising=False)
        patch.delenv("SANCTIONWATCH_READ_REQUIRES_KEY", raising=False)
        store_list(root / "data", UN_LIST.read_bytes(), source="fixture")
        with st.open_store(f"sqlite:///{root / 'desk.db'}") as store:
            ingest_sources(store, [DESK])
            yield store


@pytest.fixture(scope="module")
def desk_client(desk_store: st.Store) -> Iterator[TestClient]:
    with TestClient(create_app(store=desk_store, api_keys=[KEY])) as client:
        yield client
