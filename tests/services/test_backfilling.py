"""Backfill on the local partition executor: same result as ingest, and a run killed
between partitions resumes with every document extracted exactly once."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import func, select

from sanctionwatch import store as st
from sanctionwatch.pipeline.partitions import LocalPartitionExecutor
from sanctionwatch.services import ingest_sources
from sanctionwatch.services.backfilling import backfill
from sanctionwatch.store import schema as tables

T = TypeVar("T")
R = TypeVar("R")

DESK = Path(__file__).resolve().parents[1] / "web" / "data" / "desk.jsonl"


class Killed(Exception):
    """Stands for the client process dying."""


class RecordingExecutor(LocalPartitionExecutor):
    """Local, recording each document it extracts; dies after ``die_after`` partitions."""

    def __init__(self, *, die_after: int | None = None) -> None:
        self.die_after = die_after
        self.seen: list[str] = []

    def map_partitions(self, func: Callable[[T], R], partitions: Sequence[T]) -> Iterator[R]:
        for index, result in enumerate(super().map_partitions(func, partitions)):
            if self.die_after is not None and index == self.die_after:
                raise Killed
            self.seen.extend(doc.id for doc in partitions[index])  # type: ignore[attr-defined]
            yield result


def _claim_ids(store: st.Store) -> list[str]:
    return sorted(claim.id for claim in st.all_claims(store))


def _extraction_rows(store: st.Store) -> int:
    with store.transaction() as conn:
        return int(conn.execute(select(func.count()).select_from(tables.extractions)).scalar_one())


@pytest.fixture
def reference(tmp_path: Path) -> Iterator[st.Store]:
    with st.open_store(f"sqlite:///{tmp_path / 'ingest.db'}") as store:
        ingest_sources(store, [DESK])
        yield store


def test_backfilling_local_equals_ingest(store: st.Store, reference: st.Store) -> None:
    summary = backfill(store, [DESK], executor=LocalPartitionExecutor(), partition_size=1)
    assert summary.partitions == summary.extracted == st.count_documents(reference)
    assert st.document_ids(store) == st.document_ids(reference)
    assert _claim_ids(store) == _claim_ids(reference)
    assert sorted(st.incident_ids(store)) == sorted(st.incident_ids(reference))


def test_backfilling_resumes_after_a_killed_client_exactly_once(
    store: st.Store, reference: st.Store
) -> None:
    first = RecordingExecutor(die_after=2)
    with pytest.raises(Killed):
        backfill(store, [DESK], executor=first, partition_size=1)
    second = RecordingExecutor()
    summary = backfill(store, [DESK], executor=second, partition_size=1)

    assert summary.already_extracted == len(first.seen) == 2
    assert sorted(first.seen + second.seen) == st.document_ids(reference)
    assert _extraction_rows(store) == st.count_documents(reference)
    assert _claim_ids(store) == _claim_ids(reference)
    assert sorted(st.incident_ids(store)) == sorted(st.incident_ids(reference))


def test_backfilling_rerun_of_a_finished_backfill_does_nothing(store: st.Store) -> None:
    backfill(store, [DESK], executor=LocalPartitionExecutor())
    again = RecordingExecutor()
    summary = backfill(store, [DESK], executor=again)
    assert (summary.partitions, again.seen, summary.ingest.ingested) == (0, [], 0)
