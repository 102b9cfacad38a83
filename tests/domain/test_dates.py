import datetime as dt

import pytest

from sanctionwatch.domain.dates import first_day, last_day

CASES = [
    ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
    ("2023-09-13", dt.date(2023, 9, 13), dt.date(2023, 9, 13)),
    ("2023-09-13T10:00:00", dt.date(2023, 9, 13), dt.date(2023, 9, 13)),
]


@pytest.mark.parametrize(("value", "first", "last"), CASES, ids=[c[0] for c in CASES])
def test_dates_bounds_respect_the_grain(value: str, first: dt.date, last: dt.date) -> None:
    assert (first_day(value), last_day(value)) == (first, last)


@pytest.mark.parametrize("value", [None, "", "last year", "2023-13", "2023-02-30"], ids=str)
def test_dates_invalid_values_have_no_bounds(value: str | None) -> None:
    assert first_day(value) is None and last_day(value) is None
