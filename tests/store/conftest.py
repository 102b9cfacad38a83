"""Real databases, no mocks: SQLite files under tmp_path, and PostgreSQL as well when
``SANCTIONWATCH_TEST_POSTGRES_URL`` points at a server whose database may be wiped.

Factories come as fixtures because test modules cannot import each other under
``--import-mode=importlib``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from sanctionwatch.domain import (
    Claim,
    ClaimType,
    Document,
    Incident,
    RoleFiller,
    build_document,
    claim_id_for,
    make_span,
)
from sanctionwatch.store import Store, open_store
from sanctionwatch.store.schema import metadata

POSTGRES_URL_ENV = "SANCTIONWATCH_TEST_POSTGRES_URL"

MakeDoc = Callable[..., Document]
MakeClaim = Callable[..., Claim]
MakeIncident = Callable[..., Incident]


def _backends() -> list[object]:
    backends: list[object] = [pytest.param("sqlite", id="sqlite")]
    if os.environ.get(POSTGRES_URL_ENV):
        backends.append(pytest.param("postgresql", id="postgresql", marks=pytest.mark.integration))
    return backends


def wipe_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS half_done"))
    engine.dispose()


def open_test_store(backend: str, tmp_path: Path) -> Store:
    if backend == "postgresql":
        url = os.environ[POSTGRES_URL_ENV]
        wipe_postgres(url)
        return open_store(url)
    return open_store(f"sqlite:///{tmp_path / 'store.db'}")


@pytest.fixture(params=_backends())
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with open_test_store(request.param, tmp_path) as opened:
        yield opened


@pytest.fixture(scope="module", params=_backends())
def module_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with open_test_store(request.param, tmp_path_factory.mktemp("module")) as opened:
        yield opened


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    with open_store(f"sqlite:///{tmp_path / 'store.db'}") as opened:
        yield opened


@pytest.fixture
def make_doc() -> MakeDoc:
    def make(text: str = "Pyongyang shipped shells to Moscow in July.", **meta: object) -> Document:
        return build_document(text, **meta)

    return make


@pytest.fixture
def make_claim() -> MakeClaim:
    def make(
        doc: Document,
        *,
        needle: str | None = None,
        trigger: str = "shipped",
        type: ClaimType = ClaimType.ARMS_TRANSFER,
        extractor: str = "rules@1",
    ) -> Claim:
        text = doc.text
        start = text.index(needle) if needle else 0
        end = start + len(needle) if needle else len(text)
        t_start = text.index(trigger, start)
        src = text.index("Pyongyang") if "Pyongyang" in text else t_start
        return Claim(
            id=claim_id_for(doc.id, type.value, start, end, extractor),
            document_id=doc.id,
            type=type,
            evidence=make_span(text, start, end, document_id=doc.id),
            trigger=make_span(text, t_start, t_start + len(trigger), document_id=doc.id),
            sources=(RoleFiller(make_span(text, src, src + 9, document_id=doc.id), "KP", "r1"),),
            extractor=extractor,
            rules=("trigger:shipped",),
        )

    return make


@pytest.fixture
def make_incident() -> MakeIncident:
    def make(
        id: str,
        *,
        time_start: str | None = "2023-07",
        time_end: str | None = None,
        type: ClaimType = ClaimType.ARMS_TRANSFER,
        support: tuple[str, ...] = (),
        contradict: tuple[str, ...] = (),
    ) -> Incident:
        return Incident(
            id=id,
            type=type,
            sources=("KP",),
            targets=("RU",),
            time_start=time_start,
            time_end=time_end,
            quantity_low=1000.0,
            quantity_high=None,
            quantity_unit="shells",
            item="artillery shells",
            supporting_claim_ids=support,
            contradicting_claim_ids=contradict,
            provisions=(),
            assessment=None,
        )

    return make
