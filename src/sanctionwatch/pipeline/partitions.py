"""Partitions: the unit an executor ships to a worker during a backfill.

A partition is a list of documents; ``extract_partition`` runs the extraction stage on
each and returns ``(document_id, claims)`` pairs. Like every stage it is pure (no store,
no surface), so it runs the same in process, in a process pool or on a Dask worker on
another machine, and a partition run twice gives the same result, which is what makes a
retried partition harmless.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol, TypeVar

from sanctionwatch.domain import Claim, Document
from sanctionwatch.pipeline.stages import extract_document

T = TypeVar("T")
R = TypeVar("R")

PartitionResult = list[tuple[str, list[Claim]]]


class PartitionExecutor(Protocol):
    """Maps a function over partitions; results come back in partition order."""

    def map_partitions(self, func: Callable[[T], R], partitions: Sequence[T]) -> Iterator[R]: ...


class LocalPartitionExecutor:
    """In process, one partition after another: the reference the others must equal."""

    def map_partitions(self, func: Callable[[T], R], partitions: Sequence[T]) -> Iterator[R]:
        for partition in partitions:
            yield func(partition)


def extract_partition(documents: Sequence[Document]) -> PartitionResult:
    """The extraction stage over every document of one partition."""
    return [(doc.id, extract_document(doc)) for doc in documents]


def make_partitions(items: Iterable[T], *, size: int) -> list[list[T]]:
    """Consecutive runs of ``size`` items (the last may be shorter)."""
    if size < 1:
        raise ValueError("E132: partition size must be at least 1")
    batch = list(items)
    return [batch[start : start + size] for start in range(0, len(batch), size)]
