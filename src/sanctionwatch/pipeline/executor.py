"""Executors map a stage over items. Local is the default; workers > 1 uses processes.

Only executor modules import Dask (``dask_executor``, over partitions for backfills:
``partitions``); the interface is one method so services never know which one runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...


class LocalExecutor:
    """In-process, in order: deterministic and easy to debug."""

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        for item in items:
            yield func(item)


class ProcessExecutor:
    """A process pool over local cores; results come back in input order."""

    def __init__(self, *, workers: int) -> None:
        self.workers = workers

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            yield from pool.map(func, items, chunksize=4)


def make_executor(*, workers: int = 1) -> Executor:
    return ProcessExecutor(workers=workers) if workers > 1 else LocalExecutor()
