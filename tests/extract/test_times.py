import pytest

from sanctionwatch.extract.times import parse_times, to_future

CASES = [
    # (phrase, published, expected text, start, end, grain)
    ("in September 2023", "2024-02", "in September 2023", "2023-09", None, "month"),
    ("(on Dec. 24, 2023)", "2024-02", "on Dec. 24, 2023", "2023-12-24", None, "day"),
    ("North Korea in July became", "2022-09", "in July", "2022-07", None, "month"),
    ("in December, officials said", "2024-02", "in December", "2023-12", None, "month"),
    ("last year", "2025-04-30", "last year", "2024", None, "year"),
    ("this year", "2022-09", "this year", "2022", None, "year"),
    ("later this year", "2024-02", "later this year", "2024", None, "year"),
    ("next year", "2024-02", "next year", "2025", None, "year"),
    ("in December 2017", "2022-09", "in December 2017", "2017-12", None, "month"),
    ("by 2019", "2024-02", "by 2019", "2019", None, "year"),
    ("last June", "2024-07-19", "last June", "2024-06", None, "month"),
    ("on July 18", "2024-07-19", "on July 18", "2024-07-18", None, "day"),
    ("spoke on Tuesday", "2025-08-13", "on Tuesday", "2025-08-12", None, "day"),
    ("on Wednesday", "2016-06-02", "on Wednesday", "2016-06-01", None, "day"),
    ("since January 2024", "2024-05-22", "since January 2024", "2024-01", None, "month"),
    ("between 2014 and 2016", "2023-11", "between 2014 and 2016", "2014", "2016", "year"),
    ("by the end of December 2023", "2024-05", "by the end of December 2023", "2023-12", None, "month"),
    ("On February 21st 2025", "2025-02-21", "On February 21st 2025", "2025-02-21", None, "day"),
    ("in May of 2019", "2019-10", "in May of 2019", "2019-05", None, "month"),
    ("earlier this month", "2025-07-25", "earlier this month", "2025-07", None, "month"),
    ("last month", "2025-01-10", "last month", "2024-12", None, "month"),
    ("24 February 2022", None, "24 February 2022", "2022-02-24", None, "day"),
    ("since 2017", None, "since 2017", "2017", None, "year"),
    ("in early March", "2016-03-03", "in early March", "2016-03", None, "month"),
    ("yesterday", "2024-06-19", "yesterday", "2024-06-18", None, "day"),
    ("last September", "2018-09", "last September", "2017-09", None, "month"),
    ("in June last year", "2025-03-10", "in June last year", "2024-06", None, "month"),
    ("in May of this year", "2025-07-02", "in May of this year", "2025-05", None, "month"),
    ("delayed until Wednesday", "2016-03-01", "Wednesday", "2016-03-02", None, "day"),
    ("by Friday", "2025-07-02", "Friday", "2025-07-04", None, "day"),
    ("next Monday", "2025-07-02", "next Monday", "2025-07-07", None, "day"),
    ("talks this morning", "2019-05-14", "this morning", "2019-05-14", None, "day"),
    ("met earlier in the day", "2019-05-14", "earlier in the day", "2019-05-14", None, "day"),
    ("a visit next week", "2019-05-28", "next week", "2019-06", None, "month"),
    ("talks last week", "2019-05-03", "last week", "2019-04", None, "month"),
    ("held at port since October", "2019-03-20", "since October", "2018-10", None, "month"),
    ("the vote will be on Wednesday", "2016-03-01", "on Wednesday", "2016-03-02", None, "day"),
    ("shipped from last May through March this year", "2021-04-10", "last May through March this year", "2020-05", "2021-03", "month"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("phrase", "published", "text", "start", "end", "grain"), CASES, ids=[c[0] for c in CASES]
)
def test_times_resolve_against_publication(
    phrase: str, published: str | None, text: str, start: str, end: str | None, grain: str
) -> None:
    found = parse_times(phrase, published=published)
    assert found, f"no time in {phrase!r}"
    t = found[0]
    assert phrase[t.start : t.end] == text
    assert (t.value_start, t.value_end, t.grain) == (start, end, grain)


@pytest.mark.parametrize("phrase", ["last year", "on Tuesday", "in July"], ids=str)
def test_times_relative_without_publication_is_left_unresolved(phrase: str) -> None:
    assert parse_times(phrase, published=None) == []


@pytest.mark.parametrize(
    "phrase", ["this may be true", "Resolution 2397", "troops march on", "152 mm shells"], ids=str
)
def test_times_ignore_lookalikes(phrase: str) -> None:
    assert parse_times(phrase, published="2024-01-01") == []


@pytest.mark.parametrize(
    ("phrase", "published", "planned"),
    [("in May", "2018-03-09", "2018-05"), ("in February", "2018-03-09", "2019-02")],
    ids=["month-ahead", "month-passed"],
)
def test_times_a_planned_month_is_the_next_one(phrase: str, published: str, planned: str) -> None:
    """ "He is scheduled to meet Trump in May": the May to come, not the last one."""
    (found,) = parse_times(phrase, published=published)
    assert to_future(found, published).value_start == planned
