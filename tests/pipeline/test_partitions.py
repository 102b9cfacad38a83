from __future__ import annotations

import pytest

from sanctionwatch.domain import build_document
from sanctionwatch.pipeline.partitions import (
    LocalPartitionExecutor,
    extract_partition,
    make_partitions,
)


@pytest.mark.parametrize(
    ("count", "size", "lengths"),
    [
        pytest.param(0, 3, [], id="empty"),
        pytest.param(5, 2, [2, 2, 1], id="last-shorter"),
        pytest.param(4, 4, [4], id="one"),
    ],
)
def test_partitions_make_partitions_keeps_order(count: int, size: int, lengths: list[int]) -> None:
    parts = make_partitions(range(count), size=size)
    assert [len(p) for p in parts] == lengths
    assert [i for p in parts for i in p] == list(range(count))


def test_partitions_make_partitions_refuses_size_zero() -> None:
    with pytest.raises(ValueError, match="E132"):
        make_partitions([1], size=0)


def test_partitions_local_executor_maps_in_order() -> None:
    assert list(LocalPartitionExecutor().map_partitions(sum, [[1, 2], [3], [4, 5]])) == [3, 3, 9]


def test_partitions_extract_partition_is_the_extraction_stage() -> None:
    doc = build_document("North Korea shipped artillery shells to Russia in 2023.")
    ((doc_id, claims),) = extract_partition([doc])
    assert doc_id == doc.id
    assert all(claim.document_id == doc.id for claim in claims)
    assert extract_partition([doc]) == [(doc_id, claims)]
