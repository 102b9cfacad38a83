"""Geometry for the two server-rendered SVG charts; the templates draw (and escape) them.

* the incident timeline: one row per claim type, one bar per incident over its time
  range, coloured by the credibility digit of its grade, each a link to the incident;
* reported quantities of one topic over time: one point per report at its low value, a
  line up to its high value (an arrow when open-ended), on a log scale so "thousands" and
  "a million" sit on one chart.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

WIDTH = 920
LEFT = 150
RIGHT = 20
TOP = 16
ROW = 30
AXIS = 34
CHART_HEIGHT = 300
CREDIBILITY_COLOURS = {
    "1": "#1a7f37",
    "2": "#4c9a2a",
    "3": "#bf8700",
    "4": "#d1242f",
    "5": "#8250df",
    "6": "#6e7781",
}
UNGRADED_COLOUR = "#afb8c1"


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    href: str
    title: str


@dataclass
class TimelineChart:
    width: int
    height: int
    rows: list[tuple[str, float]] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    axis_y: float = 0.0
    left: int = LEFT
    start: str = ""
    """First and last day the axis shows (ISO)."""
    end: str = ""
    before: int = 0
    """Incidents left out because they end before ``start`` or begin after ``end``."""
    after: int = 0
    full_start: str = ""
    """First and last day of all the points: the whole span, for a "show all" link."""
    full_end: str = ""
    years: list[int] = field(default_factory=list)
    """Years on the axis that some shown incident falls in: the zoom links."""


@dataclass(frozen=True)
class Point:
    x: float
    y_low: float | None
    y_high: float | None
    open_high: bool
    title: str
    href: str


@dataclass
class QuantityChart:
    width: int
    height: int
    points: list[Point] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    axis_y: float = 0.0
    left: int = LEFT
    unit: str = ""


def _day(value: str) -> int:
    return dt.date.fromisoformat(value[:10]).toordinal()


def _time_ticks(lo: int, hi: int, scale: Any) -> list[Tick]:
    first, last = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    years = last.year - first.year
    ticks = []
    if years >= 2:
        step = max(1, math.ceil(years / 10))
        for year in range(first.year, last.year + 2, step):
            day = dt.date(year, 1, 1).toordinal()
            if lo <= day <= hi:
                ticks.append(Tick(scale(day), str(year)))
    else:
        month = dt.date(first.year, first.month, 1)
        step = 1 if (hi - lo) < 400 else 3
        while month.toordinal() <= hi:
            if month.toordinal() >= lo and (month.month - 1) % step == 0:
                ticks.append(Tick(scale(month.toordinal()), month.strftime("%Y-%m")))
            month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return ticks


def _x_scale(lo: int, hi: int, width: int) -> Any:
    span = max(hi - lo, 1)

    def scale(day: int) -> float:
        return round(LEFT + (day - lo) / span * (width - LEFT - RIGHT), 1)

    return scale


def _padded(days: list[int]) -> tuple[int, int]:
    lo, hi = min(days), max(days)
    pad = max(15, (hi - lo) // 20)
    return lo - pad, hi + pad


FOCUS_SHARE = 0.05
"""Without a date range, the axis leaves out this share of incidents at each end, so a
few old or far-future dates (a 1958 treaty, a plan for 2029) do not squeeze the years
most incidents are in into a sliver."""


def _focus(starts: list[int], ends: list[int]) -> tuple[int, int]:
    starts, ends = sorted(starts), sorted(ends)
    cut = int(len(starts) * FOCUS_SHARE)
    lo, hi = starts[cut], ends[len(ends) - 1 - cut]
    return (lo, hi) if lo <= hi else (starts[0], ends[-1])


def timeline_chart(
    points: list[dict[str, Any]],
    *,
    width: int = WIDTH,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> TimelineChart | None:
    """``points`` from ``services.charts.incident_timeline``; ``None`` when nothing is dated.

    The axis spans ``since``..``until`` when given (either end may be open), else the
    years most incidents are in (``FOCUS_SHARE``); bars are clipped to it and incidents
    wholly outside it are counted in ``before`` and ``after``.
    """
    if not points:
        return None
    starts = [_day(p["start"]) for p in points]
    ends = [_day(p["end"]) for p in points]
    focus_lo, focus_hi = _focus(starts, ends)
    if since is not None or until is not None:
        focus_lo = since.toordinal() if since else min(starts)
        focus_hi = until.toordinal() if until else max(ends)
        lo, hi = focus_lo, max(focus_hi, focus_lo + 1)
    else:
        lo, hi = _padded([focus_lo, focus_hi])
    shown = [p for p, a, b in zip(points, starts, ends, strict=True) if b >= lo and a <= hi]
    types = sorted({p["type"] for p in shown}) or sorted({p["type"] for p in points})
    height = TOP + ROW * len(types) + AXIS
    scale = _x_scale(lo, hi, width)
    chart = TimelineChart(width, height, axis_y=TOP + ROW * len(types))
    chart.start, chart.end = (
        dt.date.fromordinal(lo).isoformat(),
        dt.date.fromordinal(hi).isoformat(),
    )
    chart.full_start = dt.date.fromordinal(min(starts)).isoformat()
    chart.full_end = dt.date.fromordinal(max(ends)).isoformat()
    chart.before = sum(1 for b in ends if b < lo)
    chart.after = sum(1 for a in starts if a > hi)
    chart.rows = [(t, TOP + ROW * i + ROW / 2) for i, t in enumerate(types)]
    row_of = {t: i for i, t in enumerate(types)}
    first_year, last_year = dt.date.fromordinal(lo).year, dt.date.fromordinal(hi).year
    chart.years = sorted(
        {
            year
            for p in shown
            for year in range(int(p["start"][:4]), int(p["end"][:4]) + 1)
            if first_year <= year <= last_year
        }
    )
    for p in shown:
        x1 = scale(max(_day(p["start"]), lo))
        x2 = scale(min(_day(p["end"]) + 1, hi))
        grade = p.get("grade") or ""
        colour = CREDIBILITY_COLOURS.get(grade[1:], UNGRADED_COLOUR)
        actors = f"{'+'.join(p['source']) or '?'} → {'+'.join(p['target']) or '?'}"
        period = (
            p["time_start"]
            if p["time_start"] == p["time_end"]
            else f"{p['time_start']} – {p['time_end']}"
        )
        title = f"{p['type']} {actors}, {period}, grade {grade or 'none'}, {p['claims']} claims"
        chart.bars.append(
            Bar(
                x=x1,
                y=TOP + ROW * row_of[p["type"]] + 7,
                width=max(round(x2 - x1, 1), 5.0),
                height=ROW - 14,
                colour=colour,
                href=f"/ui/incidents/{p['id']}",
                title=title,
            )
        )
    chart.ticks = _time_ticks(lo, hi, scale)
    return chart


def _log_ticks(lo_exp: int, hi_exp: int) -> list[float]:
    return [10.0**e for e in range(lo_exp, hi_exp + 1)]


def _short(value: float) -> str:
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if value >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


def quantity_chart(
    points: list[dict[str, Any]], *, unit: str, width: int = WIDTH
) -> QuantityChart | None:
    """``points`` from ``services.charts.reported_quantities``; ``None`` without dated values."""
    usable = [p for p in points if p["date"] and (p["low"] or p["high"])]
    if not usable:
        return None
    values = [v for p in usable for v in (p["low"], p["high"]) if v]
    lo_exp = math.floor(math.log10(min(values)))
    hi_exp = max(math.ceil(math.log10(max(values))), lo_exp + 1)
    # A little room past the extreme values, so no point sits on an axis.
    lo_log = min(lo_exp, math.log10(min(values)) - 0.25)
    hi_log = max(hi_exp, math.log10(max(values)) + 0.25)
    top, bottom = TOP, CHART_HEIGHT - AXIS

    def y(value: float) -> float:
        share = (math.log10(value) - lo_log) / (hi_log - lo_log)
        return round(bottom - share * (bottom - top), 1)

    lo, hi = _padded([_day(p["date"]) for p in usable])
    scale = _x_scale(lo, hi, width)
    chart = QuantityChart(width, CHART_HEIGHT, axis_y=bottom, unit=unit)
    for p in usable:
        low, high = p["low"], p["high"]
        who = ", ".join(p["reported_by"])
        title = (
            f"“{p['quantity_text']}” ({_short(low) if low else '…'}–{_short(high) if high else '…'} {unit}), "
            f"reported by {who}; {p['outlet'] or 'unknown outlet'}, {p['published'] or 'undated'} "
            f"(dated by the {p['dated_by']})"
        )
        chart.points.append(
            Point(
                x=scale(_day(p["date"])),
                y_low=y(low) if low else None,
                y_high=y(high) if high and high != low else None,
                open_high=high is None,
                title=title,
                href=f"/ui/incidents/{p['incident_id']}#claim-{p['claim_id']}",
            )
        )
    chart.ticks = _time_ticks(lo, hi, scale)
    chart.y_ticks = [(y(v), _short(v)) for v in _log_ticks(lo_exp, hi_exp)]
    return chart
