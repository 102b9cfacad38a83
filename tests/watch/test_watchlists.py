"""Watchlist conditions, the reasons of a match, and name screening."""

from __future__ import annotations

from typing import Any

import pytest

from sanctionwatch import store as st
from sanctionwatch.domain.errors import InputError, NotFoundError
from sanctionwatch.watch import (
    add_watchlist,
    get_watchlist,
    list_watchlists,
    make_watchlist,
    remove_watchlist,
)
from sanctionwatch.watch.watchlists import match_incident, match_names

INCIDENT: dict[str, Any] = {
    "id": "inc_1",
    "type": "arms_transfer",
    "source": ["KP"],
    "target": ["RU"],
    "provisions": [{"provision_id": "UNSCR-1718-OP8a"}],
    "assessment": {"code": "B2"},
}


@pytest.mark.parametrize(
    ("kwargs", "matches"),
    [
        ({"actors": ["KP", "Russia"]}, True),
        ({"actors": ["KP", "CN"]}, False),
        ({"types": ["arms_transfer", "trade"]}, True),
        ({"types": ["trade"]}, False),
        ({"provisions": ["1718"]}, True),
        ({"provisions": ["2397"]}, False),
        ({"min_grade": "B2"}, True),
        ({"min_grade": "C3"}, True),
        ({"min_grade": "A2"}, False),
        ({"min_grade": "B1"}, False),
        ({"text": "artillery shells"}, True),
        ({"text": "drones"}, False),
    ],
    ids=[
        "actors",
        "actor-missing",
        "type",
        "type-other",
        "provision",
        "provision-other",
        "grade-equal",
        "grade-better",
        "grade-letter-worse",
        "grade-digit-worse",
        "text",
        "text-missing",
    ],
)
def test_watchlists_match_incident(kwargs: dict[str, Any], matches: bool) -> None:
    watchlist = make_watchlist("w", **kwargs)
    reasons = match_incident(watchlist, INCIDENT, "North Korea sent artillery shells")
    assert (reasons is not None) is matches
    if reasons is not None:
        assert reasons


def test_watchlists_names_only_screen_documents() -> None:
    watchlist = make_watchlist("people", names=["Kim Yong Chol", "Ryu Jin"])
    assert match_incident(watchlist, INCIDENT, "") is None
    assert match_names(watchlist, "Officials named KIM Yong-chol as the buyer.") == [
        "Kim Yong Chol"
    ]
    assert match_names(watchlist, "Ryu Jinhee met reporters.") == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"min_grade": "B9"},
        {"types": ["smuggling"]},
        {"actors": ["Atlantis"]},
        {"webhook": "ftp://x"},
    ],
    ids=["no-condition", "bad-grade", "bad-type", "bad-actor", "bad-webhook"],
)
def test_watchlists_bad_values_are_refused(kwargs: dict[str, Any]) -> None:
    with pytest.raises(InputError) as caught:
        make_watchlist("w", **kwargs)
    assert caught.value.code == "E704"


def test_watchlists_add_list_remove(store: st.Store) -> None:
    add_watchlist(store, make_watchlist("a", actors=["KP"], webhook="https://hooks.example/x"))
    with pytest.raises(InputError):
        add_watchlist(store, make_watchlist("a", actors=["RU"]))
    add_watchlist(store, make_watchlist("a", actors=["RU"]), replace=True)
    assert [w.actors for w in list_watchlists(store)] == [("RU",)]
    assert "secret" not in get_watchlist(store, "a").to_dict()
    remove_watchlist(store, "a")
    with pytest.raises(NotFoundError) as caught:
        remove_watchlist(store, "a")
    assert caught.value.code == "E705"
