from __future__ import annotations

import pytest

from sanctionwatch.assess.titles import relevance_for, time_phrase, title_for
from sanctionwatch.domain import ClaimType
from sanctionwatch.domain.provision import ProvisionMatch


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param("2023-09", "2025-02", "Sep 2023 – Feb 2025", id="range"),
        pytest.param("2023-09-13", "2023-09-13", "13 Sep 2023", id="day"),
        pytest.param("2016", None, "2016", id="year"),
        pytest.param(None, "2024", "until 2024", id="open-start"),
        pytest.param(None, None, "undated", id="undated"),
    ],
)
def test_titles_time_phrase(start: str | None, end: str | None, expected: str) -> None:
    assert time_phrase(start, end) == expected


def test_titles_activity_names_item_route_and_period() -> None:
    title = title_for(
        ClaimType.ARMS_TRANSFER,
        ["KP"],
        ["RU"],
        item="munitions",
        anchors=["person:putin", "place:rajin"],
        time_start="2023-09",
        time_end="2025-02",
    )
    assert title == "Arms (munitions) from North Korea to Russia · Rajin, Sep 2023 – Feb 2025"


def test_titles_act_leaves_its_wording_out() -> None:
    title = title_for(
        ClaimType.SANCTIONS_ACTION,
        ["UN"],
        ["KP"],
        item="adopted new sanctions",
        anchors=["resolution 2270"],
        time_start="2016-03-02",
        time_end="2016-03-02",
    )
    assert title == "Sanctions by UN Security Council on North Korea · Resolution 2270, 2 Mar 2016"


def test_titles_relevance_gives_its_reason() -> None:
    assert relevance_for(["KP"], ["RU"], []) == ("regime", "involves North Korea (DPRK)")
    match = ProvisionMatch("UNSCR-2397-OP8", "indicator", ("r",), "in_force")
    assert relevance_for(["CN"], ["RU"], [match])[0] == "regime"
    relevance, reason = relevance_for(["US"], ["VN"], [])
    assert relevance == "other" and "no North Korean party" in reason
    assert relevance_for(["RU"], ["US"], [], named={"KP", "RU"})[0] == "regime"
