"""The timeline service: incidents oldest first with their date precision."""

from __future__ import annotations

import pytest

from sanctionwatch import store as st
from sanctionwatch.domain import Assessment, ClaimType, Incident
from sanctionwatch.domain.errors import InputError
from sanctionwatch.services.timeline import build_timeline


def incident(
    name: str,
    start: str | None,
    end: str | None = None,
    *,
    type: ClaimType = ClaimType.ARMS_TRANSFER,
    sources: tuple[str, ...] = ("KP",),
    targets: tuple[str, ...] = ("RU",),
) -> Incident:
    return Incident(
        id=f"inc_{name}",
        type=type,
        sources=sources,
        targets=targets,
        time_start=start,
        time_end=end,
        quantity_low=None,
        quantity_high=None,
        quantity_unit=None,
        item=None,
        supporting_claim_ids=(f"clm_{name}",),
        contradicting_claim_ids=(),
        provisions=(),
        assessment=Assessment("B", 3, ("stated as fact by one origin only",), likelihood="likely"),
    )


@pytest.fixture
def filled(store: st.Store) -> st.Store:
    st.replace_incidents(
        store,
        [
            incident("day", "2023-09-13", "2023-09-13"),
            incident("month", "2023-09", "2023-09"),
            incident("year", "2023", "2023"),
            incident("range", "2022-11", "2023-02"),
            incident("old", "2019-05-02", "2019-05-02", type=ClaimType.TRADE, targets=("CN",)),
            incident("undated", None),
            incident(
                "meeting",
                "2024-06-19",
                "2024-06-19",
                type=ClaimType.MEETING,
                sources=("KP", "RU"),
                targets=(),
            ),
        ],
    )
    return store


def test_incidents_timeline_orders_oldest_first_with_precision(filled: st.Store) -> None:
    timeline = build_timeline(filled)
    assert [(e.incident.id, e.incident.time_precision) for e in timeline.entries] == [
        ("inc_old", "day"),
        ("inc_range", "range"),
        ("inc_year", "year"),
        ("inc_month", "month"),
        ("inc_day", "day"),
        ("inc_meeting", "day"),
    ]
    assert timeline.undated == 1


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param({"type": "trade"}, ["inc_old"], id="type"),
        pytest.param({"actor": "cn"}, ["inc_old"], id="actor-either-side"),
        pytest.param(
            {"since": "2023-09"}, ["inc_year", "inc_month", "inc_day", "inc_meeting"], id="since"
        ),
        pytest.param({"until": "2022"}, ["inc_old", "inc_range"], id="until"),
        pytest.param({"actor": "RU", "since": "2023-10"}, ["inc_year", "inc_meeting"], id="both"),
    ],
)
def test_incidents_timeline_filters(
    filled: st.Store, options: dict[str, str], expected: list[str]
) -> None:
    assert [e.incident.id for e in build_timeline(filled, **options).entries] == expected


def test_incidents_timeline_json_shape(filled: st.Store) -> None:
    data = build_timeline(filled, type="arms_transfer").to_dict()
    first = data["entries"][0]
    assert first["id"] == "inc_range"
    assert (first["date"], first["precision"]) == ("2022-11 to 2023-02 (range)", "range")
    assert (first["first_day"], first["last_day"]) == ("2022-11-01", "2023-02-28")
    assert first["grade"] == "B3" and first["likelihood"] == "likely"
    assert first["summary"].startswith("arms transfer, KP to RU, 2022-11 to 2023-02 (range)")
    assert data["undated"] == 1


def test_incidents_timeline_rejects_a_bad_bound(filled: st.Store) -> None:
    with pytest.raises(InputError, match="since must be"):
        build_timeline(filled, since="2023-9")


@pytest.mark.parametrize(
    ("since", "reason"),
    [("2024-13", "month 13"), ("0000", "year 0000"), ("2024-02-30", "29 days")],
    ids=["month-13", "year-zero", "february-30"],
)
def test_incidents_timeline_rejects_an_impossible_date(
    filled: st.Store, since: str, reason: str
) -> None:
    with pytest.raises(InputError, match=reason) as raised:
        build_timeline(filled, since=since)
    assert raised.value.code == "E423"
