"""``backfill --engine dask`` on a LocalCluster of two worker processes: the same
documents and claim ids as the local engine, and a worker killed mid-run changes
nothing in the result."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from sanctionwatch import store as st
from sanctionwatch.pipeline.dask_executor import DaskExecutor
from sanctionwatch.pipeline.partitions import LocalPartitionExecutor
from sanctionwatch.services.backfilling import backfill

pytestmark = pytest.mark.integration

DESK = Path(__file__).resolve().parents[1] / "web" / "data" / "desk.jsonl"


def _claim_ids(store: st.Store) -> list[str]:
    return sorted(claim.id for claim in st.all_claims(store))


def test_backfill_dask_equals_local_with_a_worker_killed(tmp_path: Path) -> None:
    with st.open_store(f"sqlite:///{tmp_path / 'local.db'}") as local:
        backfill(local, [DESK], executor=LocalPartitionExecutor(), partition_size=1)
        expected = (st.document_ids(local), _claim_ids(local), sorted(st.incident_ids(local)))

    with (
        st.open_store(f"sqlite:///{tmp_path / 'dask.db'}") as store,
        DaskExecutor(workers=2) as executor,
    ):
        killed: list[int] = []

        def kill_one_worker(done: int, total: int) -> None:
            # After the first partition is written, a worker dies; its partitions rerun.
            if done == 1 and done < total:
                pids = executor.worker_pids()
                os.kill(pids[0], signal.SIGKILL)
                killed.append(pids[0])

        summary = backfill(
            store, [DESK], executor=executor, partition_size=1, on_partition=kill_one_worker
        )
        assert killed
        assert summary.extracted == len(expected[0])
        assert (st.document_ids(store), _claim_ids(store), sorted(st.incident_ids(store))) == (
            expected
        )
