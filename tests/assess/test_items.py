from __future__ import annotations

import pytest

from sanctionwatch.assess import classify_item, items_fit
from sanctionwatch.assess.items import common_classes, parse_item_classes
from sanctionwatch.domain import ClaimType
from sanctionwatch.domain.errors import ConfigError


@pytest.mark.parametrize(
    ("claim_type", "item", "classes"),
    [
        pytest.param("arms_transfer", "artillery shells", {"ammunition"}, id="shells"),
        pytest.param("arms_transfer", "122 mm ammunition", {"ammunition"}, id="ammunition"),
        pytest.param("arms_transfer", "KN-23 ballistic missiles", {"missile"}, id="kn23"),
        pytest.param("arms_transfer", "rocket launchers", {"launcher"}, id="launcher-not-rocket"),
        pytest.param("arms_transfer", "rockets and missiles", {"missile"}, id="rockets"),
        pytest.param("arms_transfer", "weapons", set(), id="unspecific"),
        pytest.param("arms_transfer", "arms and ammunition", set(), id="list-with-unspecific"),
        pytest.param(
            "arms_transfer", "shells and other equipment", set(), id="list-with-other-goods"
        ),
        pytest.param("arms_transfer", "shells, rockets", {"ammunition", "missile"}, id="list"),
        pytest.param(
            "tech_transfer", "nuclear and missile technology", {"nuclear", "missile"}, id="two"
        ),
        pytest.param(
            "tech_transfer", "technical assistance on spy satellites", {"space"}, id="space"
        ),
        pytest.param("trade", "refined petroleum products", {"petroleum"}, id="oil"),
        pytest.param("labor_dispatch", "overseas IT workers", {"it"}, id="it-workers"),
        pytest.param("sanctions_action", "seizing", {"seizure"}, id="seize"),
        pytest.param("sanctions_action", "vetoed", {"veto"}, id="veto"),
        pytest.param("meeting", "talks", set(), id="no-classes"),
        pytest.param("arms_transfer", None, set(), id="none"),
    ],
)
def test_items_classify(claim_type: str, item: str | None, classes: set[str]) -> None:
    assert classify_item(ClaimType(claim_type), item) == classes


def test_items_fit_and_common_classes() -> None:
    shells, missiles = frozenset({"ammunition"}), frozenset({"missile"})
    assert items_fit(shells, frozenset()) and not items_fit(shells, missiles)
    both = frozenset({"missile", "nuclear"})
    assert common_classes([both, frozenset(), missiles]) == missiles
    assert common_classes([both, missiles, frozenset({"nuclear"})]) is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("- not a mapping\n", id="not-mapping"),
        pytest.param("smuggling: {a: [b]}\n", id="unknown-type"),
        pytest.param("trade: [coal]\n", id="classes-not-mapping"),
    ],
)
def test_items_rejects_bad_data(text: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_item_classes(text)
    assert caught.value.code == "E322"
