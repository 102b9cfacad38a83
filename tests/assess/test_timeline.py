from __future__ import annotations

import datetime as dt

import pytest

from sanctionwatch.assess.timeline import overlaps, parse_bound, to_interval


@pytest.mark.parametrize(
    ("value", "upper", "expected"),
    [
        pytest.param("2023", False, dt.date(2023, 1, 1), id="year-start"),
        pytest.param("2023", True, dt.date(2023, 12, 31), id="year-end"),
        pytest.param("2024-02", True, dt.date(2024, 2, 29), id="leap-month-end"),
        pytest.param("2023-09-13", True, dt.date(2023, 9, 13), id="day"),
        pytest.param("last spring", False, None, id="unparsed"),
        pytest.param("2023-13", False, None, id="bad-month"),
        pytest.param(None, False, None, id="none"),
    ],
)
def test_timeline_parse_bound(value: str | None, upper: bool, expected: dt.date | None) -> None:
    assert parse_bound(value, upper=upper) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(("2023-09", None), ("2023-09-13", None), True, id="month-day"),
        pytest.param(("2023", None), ("2023-09", None), True, id="year-month"),
        pytest.param(("2023-08", None), ("2023-09-13", None), False, id="other-month"),
        pytest.param(("2022-01", "2022-12"), ("2022-07", None), True, id="range"),
        pytest.param((None, "2021"), ("2020-05", None), True, id="open-start"),
        pytest.param(("2024", None), ("2023", None), False, id="years"),
    ],
)
def test_timeline_overlaps_respects_grain(
    a: tuple[str | None, str | None], b: tuple[str | None, str | None], expected: bool
) -> None:
    left, right = to_interval(*a), to_interval(*b)
    assert left is not None and right is not None
    assert overlaps(left, right) is expected
    assert overlaps(right, left) is expected


def test_timeline_no_time_is_none() -> None:
    assert to_interval(None, None) is None
