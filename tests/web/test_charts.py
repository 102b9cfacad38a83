from typing import Any

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
