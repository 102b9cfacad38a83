"""A battery of quantity phrases written for this project, following the gold conventions
(../shared/gold/README.md): vague amounts as ranges, "more than X" open above, "up to X"
open below, "about X" exact, money in its currency with its rate."""

import pytest

from sanctionwatch.extract.quantities import parse_quantities

M = 1_000_000
B = 1_000_000_000
# (phrase, low, high, unit, kind)
BATTERY = [
    ("some 300 laborers arrived", 300, 300, "worker", "count"),
    ("more than 10,000 soldiers", 10_000, None, "troop", "count"),
    ("over 1,000 containers", 1_000, None, "container", "count"),
    ("at least 4,600 drones", 4_600, None, "drone", "count"),
    ("no fewer than 20 ships", 20, None, "ship", "count"),
    ("in excess of 2 million shells", 2 * M, None, "shell", "count"),
    ("upwards of 500 workers", 500, None, "worker", "count"),
    ("up to 12,000 troops", None, 12_000, "troop", "count"),
    ("as many as 7,000 containers", None, 7_000, "container", "count"),
    ("fewer than 100 workers", None, 100, "worker", "count"),
    ("less than $5 million", None, 5 * M, "USD", "money"),
    ("almost 300 North Korean workers", None, 300, "worker", "count"),
    ("about 50 ballistic missiles", 50, 50, "missile", "count"),
    ("around 10,000 shells a day", 10_000, 10_000, "shell", "count"),
    ("approximately 1,500 workers", 1_500, 1_500, "worker", "count"),
    ("roughly 2,000 soldiers", 2_000, 2_000, "troop", "count"),
    ("an estimated 100,000 workers", 100_000, 100_000, "worker", "count"),
    ("close to 3 million rounds", 3 * M, 3 * M, "shell", "count"),
    ("between 10,000 and 12,000 troops", 10_000, 12_000, "troop", "count"),
    ("from 3,000 to 5,000 workers", 3_000, 5_000, "worker", "count"),
    ("5,000 to 6,000 containers", 5_000, 6_000, "container", "count"),
    ("1 million to 2 million shells", M, 2 * M, "shell", "count"),
    ("two or three missiles", 2, 3, "missile", "count"),
    ("one hundred workers", 100, 100, "worker", "count"),
    ("ten ships", 10, 10, "ship", "count"),
    ("twelve missiles", 12, 12, "missile", "count"),
    ("fifty drones", 50, 50, "drone", "count"),
    ("a dozen vessels", 12, 12, "vessel", "count"),
    ("hundreds of soldiers", 100, 999, "troop", "count"),
    ("thousands of containers", 1_000, 9_999, "container", "count"),
    ("tens of thousands of workers", 10_000, 99_999, "worker", "count"),
    ("hundreds of thousands of rounds", 100_000, 999_999, "shell", "count"),
    ("millions of shells", M, 9_999_999, "shell", "count"),
    ("several thousand workers", 1_000, 9_999, "worker", "count"),
    ("several hundred soldiers", 100, 999, "troop", "count"),
    ("a few thousand laborers", 1_000, 9_999, "worker", "count"),
    ("dozens of ships", 24, 99, "ship", "count"),
    ("hundreds or thousands of workers", 100, 9_999, "worker", "count"),
    ("thousands to tens of thousands of troops", 1_000, 99_999, "troop", "count"),
    ("1.5 million rounds", 1.5 * M, 1.5 * M, "shell", "count"),
    ("2.3 million shells", 2.3 * M, 2.3 * M, "shell", "count"),
    ("12 thousand workers", 12_000, 12_000, "worker", "count"),
    ("$1.5 billion", 1.5 * B, 1.5 * B, "USD", "money"),
    ("$600 million", 600 * M, 600 * M, "USD", "money"),
    ("$200m a year", 200 * M, 200 * M, "USD", "money"),
    ("$3bn", 3 * B, 3 * B, "USD", "money"),
    ("US$ 40 million", 40 * M, 40 * M, "USD", "money"),
    ("$24 million", 24 * M, 24 * M, "USD", "money"),
    ("$11,000,000", 11 * M, 11 * M, "USD", "money"),
    ("$500,000", 500_000, 500_000, "USD", "money"),
    ("about $195 million", 195 * M, 195 * M, "USD", "money"),
    ("over $75 million", 75 * M, None, "USD", "money"),
    ("up to $2 billion", None, 2 * B, "USD", "money"),
    ("$200 million to $500 million", 200 * M, 500 * M, "USD", "money"),
    ("between $1 billion and $2 billion", B, 2 * B, "USD", "money"),
    ("hundreds of millions of dollars", 100 * M, 999_999_999, "USD", "money"),
    ("tens of millions of dollars", 10 * M, 99_999_999, "USD", "money"),
    ("billions of dollars", B, 9_999_999_999, "USD", "money"),
    ("500 million dollars", 500 * M, 500 * M, "USD", "money"),
    ("3 billion won", 3 * B, 3 * B, "KRW", "money"),
    ("2 million rubles", 2 * M, 2 * M, "RUB", "money"),
    ("10 million euros", 10 * M, 10 * M, "EUR", "money"),
    ("$500 million annually", 500 * M, 500 * M, "USD", "money"),
    ("$5 million per month", 5 * M, 5 * M, "USD", "money"),
    ("40 percent of the fleet", 40, 40, "percent", "percent"),
    ("47 per cent rise", 47, 47, "percent", "percent"),
    ("up to 40 percent", None, 40, "percent", "percent"),
    ("more than 60 percent", 60, None, "percent", "percent"),
    ("three times the number", 3, 3, "times", "ratio"),
    ("more than five times", 5, None, "times", "ratio"),
    ("ten times", 10, 10, "times", "ratio"),
    ("17,601 tons of coal", 17_601, 17_601, "ton", "count"),
    ("4,000 barrels of oil", 4_000, 4_000, "barrel", "count"),
    ("three North Korean nationals", 3, 3, "national", "count"),
    ("14 individuals", 14, 14, "individual", "count"),
    ("two companies", 2, 2, "company", "count"),
    ("56 construction projects", 56, 56, "project", "count"),
    ("50 different wallets", 50, 50, "wallet", "count"),
    ("13,000 student visas", 13_000, 13_000, "visa", "count"),
    ("600 casualties", 600, 600, "casualty", "count"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("phrase", "low", "high", "unit", "kind"), BATTERY, ids=[b[0] for b in BATTERY]
)
def test_quantities_battery(
    phrase: str, low: float | None, high: float | None, unit: str, kind: str
) -> None:
    found = parse_quantities(phrase)
    assert found, f"no quantity in {phrase!r}"
    q = found[0]
    assert (q.low, q.high) == (
        pytest.approx(low) if low is not None else None,
        pytest.approx(high) if high is not None else None,
    ), phrase[q.start : q.end]
    assert (q.unit, q.kind) == (unit, kind)


NOT_AMOUNTS = [
    "the 2017 sanctions",
    "since 2016",
    "Resolution 1718",
    "paragraph 8",
    "Su-27 jets",
    "the 122 mm rockets",
    "at 8 a.m.",
    "on Dec. 24",
    "a 24-hour period",
    "No. 7 Hotel",
]


@pytest.mark.parametrize("phrase", NOT_AMOUNTS, ids=NOT_AMOUNTS)
def test_quantities_battery_ignores_lookalikes(phrase: str) -> None:
    assert [
        phrase[q.start : q.end] for q in parse_quantities(phrase) if q.kind != "count" or q.unit
    ] == []
