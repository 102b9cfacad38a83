"""Shared fixtures: real stores, and small articles written for the tests (never copied
from the corpus or the seeds).

Every ``store`` (and the module-wide ``desk_store``) is an SQLite file under tmp_path,
and a PostgreSQL database as well when ``SANCTIONWATCH_TEST_POSTGRES_URL`` points at a
server where that role may create databases (``.ci/run`` starts one). Each PostgreSQL
store gets a database of its own, dropped afterwards, so module-wide and per-test stores
never wipe each other.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

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


POSTGRES_URL_ENV = "SANCTIONWATCH_TEST_POSTGRES_URL"
_ON_POSTGRES = re.compile(r"[\[-]postgresql[-\]]")


def store_backends() -> list[object]:
    """SQLite always; PostgreSQL (marked integration) when a server URL is set."""
    backends: list[object] = [pytest.param("sqlite", id="sqlite")]
    if os.environ.get(POSTGRES_URL_ENV):
        backends.append(pytest.param("postgresql", id="postgresql", marks=pytest.mark.integration))
    return backends


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many tests ran against the PostgreSQL server (CI's log shows it)."""
    if not os.environ.get(POSTGRES_URL_ENV):
        terminalreporter.write_line("postgresql: no server set, PostgreSQL tests skipped")
        return
    counts = {
        outcome: sum(
            1
            for report in terminalreporter.stats.get(outcome, [])
            if _ON_POSTGRES.search(getattr(report, "nodeid", ""))
            and getattr(report, "when", "call") in {"call", "setup"}
        )
        for outcome in ("passed", "failed", "error")
    }
    shown = ", ".join(f"{n} {outcome}" for outcome, n in counts.items() if n)
    terminalreporter.write_line(f"postgresql: {shown or 'no tests'} against a real server")


@contextmanager
def fresh_postgres_url() -> Iterator[str]:
    """A new, empty database on the test server, dropped on exit."""
    server = make_url(os.environ[POSTGRES_URL_ENV])
    name = f"sw_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def open_test_store(backend: str, folder: Path) -> Iterator[st.Store]:
    if backend == "postgresql":
        with fresh_postgres_url() as url, st.open_store(url) as opened:
            yield opened
    else:
        with st.open_store(f"sqlite:///{folder / 'store.db'}") as opened:
            yield opened


@pytest.fixture(params=store_backends())
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[st.Store]:
    with open_test_store(request.param, tmp_path) as opened:
        yield opened


@pytest.fixture
def another_store(store: st.Store, tmp_path: Path) -> Iterator[st.Store]:
    """A second database of the same kind as ``store`` (on the same PostgreSQL server)."""
    folder = tmp_path / "another"
    folder.mkdir()
    with open_test_store(store.dialect, folder) as opened:
        yield opened


@pytest.fixture(scope="module", params=store_backends())
def module_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[st.Store]:
    with open_test_store(request.param, tmp_path_factory.mktemp("module")) as opened:
        yield opened


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[st.Store]:
    with st.open_store(f"sqlite:///{tmp_path / 'store.db'}") as opened:
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


@pytest.fixture(scope="module", params=store_backends())
def desk_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[st.Store]:
    root = tmp_path_factory.mktemp("desk")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SANCTIONWATCH_DATA_DIR", str(root / "data"))
        patch.delenv("SANCTIONWATCH_API_KEYS", raising=False)
        patch.delenv("SANCTIONWATCH_READ_REQUIRES_KEY", raising=False)
        store_list(root / "data", UN_LIST.read_bytes(), source="fixture")
        with open_test_store(request.param, root) as store:
            ingest_sources(store, [DESK])
            yield store


@pytest.fixture(scope="module")
def desk_client(desk_store: st.Store) -> Iterator[TestClient]:
    with TestClient(create_app(store=desk_store, api_keys=[KEY])) as client:
        yield client
