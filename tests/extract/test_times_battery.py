"""A battery of time phrases written for this project: each resolved against a
publication date at the grain the phrase gives (year, month or day)."""

import pytest

from sanctionwatch.extract.times import parse_times, to_future

# (phrase, published, start, end, grain)
BATTERY = [
    ("in 2019", "2024-02", "2019", None, "year"),
    ("since 2017", "2025-02-21", "2017", None, "year"),
    ("until 2015", "2023-11", "2015", None, "year"),
    ("during 2022", "2023-01", "2022", None, "year"),
    ("by 2019", None, "2019", None, "year"),
    ("in early 2020", "2023-11", "2020", None, "year"),
    ("in late 2023", "2024-05", "2023", None, "year"),
    ("in mid-2024", "2025-01", "2024", None, "year"),
    ("from 2014 to 2016", "2023-11", "2014", "2016", "year"),
    ("between 2017 and 2018", "2023-11", "2017", "2018", "year"),
    ("in January 2024", "2024-05", "2024-01", None, "month"),
    ("in Feb. 2023", "2024-05", "2023-02", None, "month"),
    ("in March, 2022", None, "2022-03", None, "month"),
    ("in Sept. 2023", None, "2023-09", None, "month"),
    ("by the end of December 2023", "2024-05", "2023-12", None, "month"),
    ("at the start of October 2024", None, "2024-10", None, "month"),
    ("since August 2023", "2024-01", "2023-08", None, "month"),
    ("as of June 2024", None, "2024-06", None, "month"),
    ("in April of 2018", None, "2018-04", None, "month"),
    ("in November", "2023-11-30", "2023-11", None, "month"),
    ("in November", "2024-02", "2023-11", None, "month"),
    ("in February", "2024-02", "2024-02", None, "month"),
    ("last June", "2024-07-19", "2024-06", None, "month"),
    ("last June", "2024-03-01", "2023-06", None, "month"),
    ("this March", "2024-06", "2024-03", None, "month"),
    ("next May", "2024-02", "2025-05", None, "month"),
    ("in late July", "2024-09", "2024-07", None, "month"),
    ("in early March", "2016-03-03", "2016-03", None, "month"),
    ("in mid-October", "2024-11", "2024-10", None, "month"),
    ("earlier this month", "2025-07-25", "2025-07", None, "month"),
    ("this month", "2025-07-25", "2025-07", None, "month"),
    ("over the past three years", "2017-08-10", "2014", "2017", "year"),
    ("in the last two years", "2024-04", "2022", "2024", "year"),
    ("in the past year", "2024-04", "2023", "2024", "year"),
    ("in the past six months", "2017-08-10", "2017-02", "2017-08", "month"),
    ("over the previous two months", "2024-01-15", "2023-11", "2024-01", "month"),
    ("in recent weeks", "2023-10-16", "2023-10", None, "month"),
    ("in recent weeks", "2023-10-03", "2023-09", "2023-10", "month"),
    ("in the past 10 days", "2024-03-05", "2024-02-25", "2024-03-05", "day"),
    ("last month", "2025-01-10", "2024-12", None, "month"),
    ("next month", "2024-12-10", "2025-01", None, "month"),
    ("later this month", "2024-04-02", "2024-04", None, "month"),
    ("last year", "2025-04-30", "2024", None, "year"),
    ("last year", "2024-01", "2023", None, "year"),
    ("this year", "2022-09", "2022", None, "year"),
    ("earlier this year", "2024-09", "2024", None, "year"),
    ("later this year", "2024-02", "2024", None, "year"),
    ("next year", "2024-02", "2025", None, "year"),
    ("late last year", "2024-03", "2023", None, "year"),
    ("early next year", "2024-10", "2025", None, "year"),
    ("on Dec. 24, 2023", "2024-02", "2023-12-24", None, "day"),
    ("on December 24, 2023", None, "2023-12-24", None, "day"),
    ("on 24 December 2023", None, "2023-12-24", None, "day"),
    ("24 Dec 2023", None, "2023-12-24", None, "day"),
    ("on Jan. 6, 2016", None, "2016-01-06", None, "day"),
    ("on April 25, 2019", "2025-12-28", "2019-04-25", None, "day"),
    ("May 9, 2019", "2019-05-10", "2019-05-09", None, "day"),
    ("on February 21st 2025", None, "2025-02-21", None, "day"),
    ("on the 3rd of March 2022", None, "2022-03", None, "month"),
    ("on July 18", "2024-07-19", "2024-07-18", None, "day"),
    ("on November 1", "2024-11-02", "2024-11-01", None, "day"),
    ("on Feb. 24", "2025-02-25", "2025-02-24", None, "day"),
    ("on Monday", "2024-11-06", "2024-11-04", None, "day"),
    ("on Tuesday", "2025-08-13", "2025-08-12", None, "day"),
    ("on Wednesday", "2016-06-02", "2016-06-01", None, "day"),
    ("on Thursday", "2016-06-02", "2016-06-02", None, "day"),
    ("on Friday", "2024-03-18", "2024-03-15", None, "day"),
    ("on Saturday", "2024-03-18", "2024-03-16", None, "day"),
    ("on Sunday", "2024-03-18", "2024-03-17", None, "day"),
    ("last Friday", "2024-03-18", "2024-03-15", None, "day"),
    ("Wednesday's vote", "2016-03-03", "2016-03-02", None, "day"),
    ("yesterday", "2024-06-19", "2024-06-18", None, "day"),
    ("today", "2024-06-19", "2024-06-19", None, "day"),
    ("within the first six months of 2023", "2024-05", "2023-01", "2023-06", "month"),
    ("in the first half of 2024", None, "2024-01", "2024-06", "month"),
    ("in the second half of 2023", None, "2023-07", "2023-12", "month"),
    ("in the first quarter of 2025", None, "2025-01", "2025-03", "month"),
    ("during the last quarter of 2022", None, "2022-10", "2022-12", "month"),
    ("in the last six months of 2021", None, "2021-07", "2021-12", "month"),
    ("a 2005 Treasury measure", None, "2005", None, "year"),
    ("the 2000 treaty", None, "2000", None, "year"),
    ("in 1994", None, "1994", None, "year"),
    ("In 2011, representatives", None, "2011", None, "year"),
    ("up until 2015", None, "2015", None, "year"),
    ("starting 2024", None, "2024", None, "year"),
    ("(on Dec. 24, 2023)", "2024-02", "2023-12-24", None, "day"),
    ("as of 1pm UTC on February 24, 14.5% of it", "2025-02-25", "2025-02-24", None, "day"),
    ("following the September summit", "2024-02", "2023-09", None, "month"),
    ("since the start of the full-scale invasion", "2024-05", "2022-02", None, "month"),
    ("since Russia's full-scale invasion", "2023-01", "2022-02", None, "month"),
    ("after the Vostochny summit", "2024-01", "2023-09", None, "month"),
    ("in the 1980s", None, "1980", "1989", "year"),
    ("during the early 1990s", None, "1990", "1999", "year"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("phrase", "published", "start", "end", "grain"),
    BATTERY,
    ids=[f"{b[0]}@{b[1]}" for b in BATTERY],
)
def test_times_battery(
    phrase: str, published: str | None, start: str, end: str | None, grain: str
) -> None:
    found = parse_times(phrase, published=published)
    assert found, f"no time in {phrase!r}"
    t = found[0]
    assert (t.value_start, t.value_end, t.grain) == (start, end, grain), phrase[t.start : t.end]


@pytest.mark.parametrize(
    ("phrase", "published", "start"),
    [
        ("talks on Friday", "2025-08-13", "2025-08-15"),
        ("on Monday", "2024-11-06", "2024-11-11"),
        ("on Wednesday", "2024-11-06", "2024-11-06"),
    ],
    ids=str,
)
def test_times_planned_weekday_points_forward(phrase: str, published: str, start: str) -> None:
    (t,) = parse_times(phrase, published=published)
    assert to_future(t, published).value_start == start


LOOKALIKES = [
    "the previous year",
    "Resolution 2270",
    "2,000 workers",
    "F-16",
    "the 1718 Committee",
    "may send",
    "troops march",
]


@pytest.mark.parametrize("phrase", LOOKALIKES, ids=LOOKALIKES)
def test_times_battery_ignores_lookalikes(phrase: str) -> None:
    assert parse_times(phrase, published="2024-05-01") == []
