"""The Dask executor: partitions mapped on a ``dask.distributed`` cluster.

The only module that imports Dask. With no scheduler address it starts a
``LocalCluster`` of worker processes (one thread each: extraction holds the GIL); with
one it joins the cluster there (``dask-scheduler`` plus ``dask-worker`` on other
machines, or Dask on Kubernetes), which must run the same sanctionwatch version.

Tasks are pure, so when a worker dies the scheduler reruns its partitions elsewhere;
results are gathered here, in partition order, and written by the caller, so the store
sees each partition once however often it ran.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator, Sequence
from types import TracebackType
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# At most this many partitions in flight per worker: enough to keep workers busy, few
# enough that the client does not hold a whole backfill's results in memory.
_IN_FLIGHT_PER_WORKER = 2


class DaskExecutor:
    """``with DaskExecutor(workers=2) as executor: executor.map_partitions(f, parts)``."""

    def __init__(self, *, scheduler: str | None = None, workers: int = 2) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self._cluster: Any = None
        self._client: Any = None

    def __enter__(self) -> DaskExecutor:
        # Untyped library: held as Any rather than sprinkling ignores.
        distributed: Any = importlib.import_module("dask.distributed")

        if self.scheduler:
            self._client = distributed.Client(self.scheduler)
        else:
            self._cluster = distributed.LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                # A random free port: a fixed one (8787) collides with any other cluster
                # on the machine, and Dask warns when it falls back.
                dashboard_address=":0",
            )
            self._client = distributed.Client(self._cluster)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None

    def worker_pids(self) -> list[int]:
        """Process ids of the workers (to test what a killed worker does)."""
        if self._client is None:
            raise RuntimeError("E133: use DaskExecutor as a context manager")
        return sorted(self._client.run(os.getpid).values())

    def map_partitions(self, func: Callable[[T], R], partitions: Sequence[T]) -> Iterator[R]:
        if self._client is None:
            raise RuntimeError("E133: use DaskExecutor as a context manager")
        client = self._client
        window = max(1, self.workers * _IN_FLIGHT_PER_WORKER)
        futures: list[Any] = []
        submitted = 0
        for index in range(len(partitions)):
            while submitted < len(partitions) and submitted < index + window:
                # pure=False: two partitions with equal content are still two tasks.
                futures.append(client.submit(func, partitions[submitted], pure=False))
                submitted += 1
            future = futures[index]
            yield future.result()
            futures[index] = None
