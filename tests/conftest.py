"""Shared fixtures: a real SQLite store in a temporary directory, and small articles
written for the tests (never copied from the corpus or the seeds)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctionwatch import store as st
from sanctionwatch.api import create_app
from sanctionwatch.resolve.liststore import store_list
from sanctionwatch.services import ingest_sources

ARTICLE_ARMS = """Pyongyang ships shells to Moscow

North Korea has shipped artillery shells to Russia since August 2023, South Korean officials said on Monday.
Russian officials have denied buying any weapons from North Korea.
"""

ARTICLE_WORKERS = """Workers on student visas

Russia issued 12,000 student visas to North Koreans in 2023.
North Korea sent thousands of construction workers to Russia last year, according to the National Intelligence Service.
"""

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[st.Store]:
    with st.open_store(f"sqlite:///{tmp_path / 'test.db'}") as opened:
        yield opened


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "arms.txt").write_text(ARTICLE_ARMS, encoding="utf-8")
    (folder / "workers.txt").write_text(ARTICLE_WORKERS, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    )
    return folder


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


# The desk: articles written for the API and page tests (one with script tags) and the
# small UN list fixture, in one store per test module.
DESK = Path(__file__).resolve().parent / "web" / "data" / "desk.jsonl"
UN_LIST = Path(__file__).resolve().parent / "resolve" / "data" / "un_small.xml"
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
