import datetime as dt
from typing import Any

import pytest

from sanctionwatch.web.charts import LEFT, WIDTH, quantity_chart, timeline_chart


def _incident(iid: str, type_: str, start: str, end: str, grade: str | None) -> dict[str, Any]:
    return {
        "id": iid,
        "type": type_,
        "source": ["KP"],
        "target": ["RU"],
        "time_start": start[:7],
        "time_end": end[:7],
        "start": start,
        "end": end,
        "grade": grade,
        "claims": 2,
    }


def test_charts_timeline_bars_and_rows() -> None:
    chart = timeline_chart(
        [
            _incident("a", "arms_transfer", "2023-08-01", "2023-12-31", "B2"),
            _incident("b", "labor_dispatch", "2024-01-01", "2024-01-31", None),
        ]
    )
    assert chart is not None
    assert [label for label, _ in chart.rows] == ["arms_transfer", "labor_dispatch"]
    first, second = chart.bars
    assert LEFT <= first.x < second.x <= WIDTH and first.width > second.width >= 5
    assert first.colour != second.colour and first.href == "/ui/incidents/a"
    assert chart.ticks and all(LEFT <= t.x <= WIDTH for t in chart.ticks)
    assert timeline_chart([]) is None


def _spread() -> list[dict[str, Any]]:
    """Forty incidents in 2022-2025 and two outliers: a 1958 treaty and a plan for 2029."""
    points = [
        _incident(
            f"i{n}",
            "arms_transfer",
            f"{2022 + n % 4}-{n % 12 + 1:02d}-01",
            f"{2022 + n % 4}-{n % 12 + 1:02d}-28",
            "B2",
        )
        for n in range(40)
    ]
    points.append(_incident("old", "agreement", "1958-01-01", "1958-12-31", "A1"))
    points.append(_incident("plan", "agreement", "2029-01-01", "2029-12-31", None))
    return points


def test_charts_timeline_focuses_on_the_years_most_incidents_are_in() -> None:
    chart = timeline_chart(_spread())
    assert chart is not None
    assert "2021" <= chart.start[:4] <= "2022" and "2025" <= chart.end[:4] <= "2026"
    assert (chart.before, chart.after) == (1, 1)
    assert (chart.full_start, chart.full_end) == ("1958-01-01", "2029-12-31")
    assert len(chart.bars) == 40
    assert chart.years == [2022, 2023, 2024, 2025]
    width = chart.width - LEFT - 20
    bar = next(b for b in chart.bars if b.href.endswith("/i0"))
    assert bar.width > width / 100, "a month is visible, not a sliver"


@pytest.mark.parametrize(
    ("since", "until", "shown"),
    [("2023-01-01", "2023-12-31", 10), ("1950-01-01", "2030-12-31", 42), ("2025-01-01", None, 11)],
    ids=["one-year", "whole-span", "open-end"],
)
def test_charts_timeline_date_range_sets_the_axis(
    since: str, until: str | None, shown: int
) -> None:
    chart = timeline_chart(
        _spread(),
        since=dt.date.fromisoformat(since),
        until=dt.date.fromisoformat(until) if until else None,
    )
    assert chart is not None and chart.start == since
    assert len(chart.bars) == shown
    assert all(b.x >= LEFT and b.x + b.width <= WIDTH + 5 for b in chart.bars)


def _report(date: str, low: float | None, high: float | None) -> dict[str, Any]:
    return {
        "incident_id": "i",
        "claim_id": f"c{date}",
        "date": date,
        "dated_by": "claim",
        "low": low,
        "high": high,
        "quantity_text": "x",
        "reported_by": ["NIS"],
        "outlet": "Wire",
        "published": date,
    }


def test_charts_quantities_on_a_log_scale() -> None:
    chart = quantity_chart(
        [
            _report("2023-09-01", 1e5, 1e5),
            _report("2024-02-01", 1e6, 3e6),
            _report("2024-06-01", 3e6, None),
        ],
        unit="shell",
    )
    assert chart is not None
    small, ranged, open_ended = chart.points
    assert small.y_low is not None and ranged.y_low is not None and small.y_low > ranged.y_low
    assert ranged.y_high is not None and ranged.y_high < ranged.y_low
    assert open_ended.open_high and open_ended.y_high is None
    labels = [label for _, label in chart.y_ticks]
    assert "100k" in labels and "1m" in labels
    assert quantity_chart([_report("2024-01-01", None, None)], unit="shell") is None
