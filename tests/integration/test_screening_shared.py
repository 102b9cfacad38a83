"""The issue's figures on the research files in ../shared (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.resolve import bench
from sanctionwatch.resolve.index import ScreeningIndex
from sanctionwatch.resolve.lists import parse_list
from sanctionwatch.resolve.matcher import DEFAULT_THRESHOLD

pytestmark = pytest.mark.integration
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="module")
def shared() -> Path:
    if not (SHARED / bench.UN_XML).exists():
        pytest.skip("../shared research data is not present")
    return SHARED


@pytest.fixture(scope="module")
def un(shared: Path) -> ScreeningIndex:
    return ScreeningIndex([parse_list((shared / bench.UN_XML).read_bytes(), name="un_sc")])


def test_screening_hangul_recall_and_un_precision(shared: Path) -> None:
    un_list = parse_list((shared / bench.UN_XML).read_bytes(), name="un_sc")
    result = bench.hangul_pairs(shared, un_list, DEFAULT_THRESHOLD)
    assert result["recall_pair"]["all"]["rate"] >= 0.95
    assert result["recall_entity"]["all"]["rate"] >= 0.95
    assert result["precision"] >= 0.98


def test_screening_name_bench_f1(shared: Path) -> None:
    assert bench.name_bench(shared, DEFAULT_THRESHOLD)["all"]["f1"] >= 0.85


def test_screening_yente_positives_and_negatives(shared: Path, un: ScreeningIndex) -> None:
    result = bench.yente_sets(shared, un, DEFAULT_THRESHOLD)
    for label in ("untreated", "treated"):
        assert result[label]["dprk_rows"] == 79
        assert result[label]["top1"] == 79, result[label]["wrong"]
    assert result["negatives"]["above_threshold"] == 0, result["negatives"]["hits"]


def test_screening_anchor_cases(un: ScreeningIndex) -> None:
    result = bench.anchors(un, DEFAULT_THRESHOLD)
    for other in ("Kim Jong Il", "Kim Yo Jong", "Kim Jong Nam"):
        assert result[f"Kim Jong Un ~ {other}"] < 0.5
    assert result["Sergei Kuzhugetovich Shoigu ~ Shoygu Sergey"] >= DEFAULT_THRESHOLD
    for key, rows in result.items():
        if key.startswith("screen"):
            assert all(row.endswith("weak") for row in rows), rows
