import pytest

from sanctionwatch.extract.quantities import parse_quantities

CASES = [
    # (phrase, quantity text, low, high, unit, kind)
    ("Provided 1.6 Mil Artillery Shells", "1.6 Mil", 1.6e6, 1.6e6, "shell", "count"),
    ("more than 74-thousand tons of explosives", "more than 74-thousand", 74_000, None, "ton", "count"),
    ("a fleet of eight nuclear-powered submarines", "eight", 8, 8, "submarine", "count"),
    ("from hundreds of thousands to more than a million shells", "from hundreds of thousands to more than a million", 100_000, None, "shell", "count"),
    ("up to 500,000 workers", "up to 500,000", None, 500_000, "worker", "count"),
    ("issued 26,000 tourist and student visas", "26,000", 26_000, 26_000, "visa", "count"),
    ("earned $200 million to $500 million a year", "$200 million to $500 million a year", 2e8, 5e8, "USD", "money"),
    ("hundreds of millions of dollars a year", "hundreds of millions of dollars a year", 1e8, 999_999_999, "USD", "money"),
    ("several hundreds or even thousands of workers", "several hundreds or even thousands", 100, 9_999, "worker", "count"),
    ("One hundred or 200 workers", "One hundred or 200", 100, 200, "worker", "count"),
    ("about 100,000 North Koreans", "about 100,000", 100_000, 100_000, "worker", "count"),
    ("three resolutions", "three", 3, 3, "resolution", "count"),
    ("at least $14.5 million in drones", "at least $14.5 million", 14.5e6, None, "USD", "money"),
    ("At least 10,000 soldiers", "At least 10,000", 10_000, None, "troop", "count"),
    ("around 400 Fateh-110 ballistic missiles", "around 400", 400, 400, "missile", "count"),
    ("as many as 5,000 containers", "as many as 5,000", None, 5_000, "container", "count"),
    ("over $6 billion", "over $6 billion", 6e9, None, "USD", "money"),
    ("$11,000,000 was taken", "$11,000,000", 11e6, 11e6, "USD", "money"),
    ("more than 600 troops", "more than 600", 600, None, "troop", "count"),
    ("tens of thousands of laborers", "tens of thousands", 10_000, 99_999, "worker", "count"),
    ("thousands of workers", "thousands", 1_000, 9_999, "worker", "count"),
    ("hundreds of laborers", "hundreds", 100, 999, "worker", "count"),
    ("dozens of missiles", "dozens", 24, 99, "missile", "count"),
    ("between 3,000 and 5,000 troops", "between 3,000 and 5,000", 3_000, 5_000, "troop", "count"),
    ("some 12,000 soldiers", "some 12,000", 12_000, 12_000, "troop", "count"),
    ("approximately $1.46 billion", "approximately $1.46 billion", 1.46e9, 1.46e9, "USD", "money"),
    ("nearly 2 million shells", "nearly 2 million", None, 2e6, "shell", "count"),
    ("1.5 million rounds", "1.5 million", 1.5e6, 1.5e6, "shell", "count"),
    ("70 percent of the fleet", "70 percent", 70, 70, "percent", "percent"),
    ("14.5% of assets", "14.5%", 14.5, 14.5, "percent", "percent"),
    ("over five times the number", "over five times", 5, None, "times", "ratio"),
    ("5 billion won", "5 billion won", 5e9, 5e9, "KRW", "money"),
    ("two ships", "two", 2, 2, "ship", "count"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("phrase", "text", "low", "high", "unit", "kind"), CASES, ids=[c[0] for c in CASES]
)
def test_quantities_parse_phrase(
    phrase: str, text: str, low: float | None, high: float | None, unit: str, kind: str
) -> None:
    found = parse_quantities(phrase)
    assert found, f"no quantity in {phrase!r}"
    q = found[0]
    assert phrase[q.start : q.end] == text
    assert q.low == (pytest.approx(low) if low is not None else None)
    assert q.high == (pytest.approx(high) if high is not None else None)
    assert q.unit == unit
    assert q.kind == kind


NOT_QUANTITIES = [
    "152 mm artillery shells",
    "in 2019 after the deadline",
    "Resolution 2397 required it",
    "F-16 fighters",
    "from 8 a.m. to 8 p.m.",
    "COVID-19 outbreak",
    "between 2014 and 2016",
]


@pytest.mark.parametrize("phrase", NOT_QUANTITIES, ids=NOT_QUANTITIES)
def test_quantities_ignore_non_quantities(phrase: str) -> None:
    assert parse_quantities(phrase) == []


def test_quantities_money_rate_is_recorded() -> None:
    (q,) = parse_quantities("they earned $5 million a year")
    assert (q.kind, q.rate) == ("money", "year")


def test_a_resolution_number_is_no_quantity() -> None:
    lows = [q.low for q in parse_quantities("UNSCR 1695 and resolution 2397 named 500 firms")]
    assert lows == [500]


def test_quantities_a_sanctions_action_counts_people_and_goods_not_firms() -> None:
    from sanctionwatch import extract_claims
    from sanctionwatch.domain import ClaimType

    def quantity(text: str) -> str | None:
        (claim,) = [
            c
            for c in extract_claims(text, published="2019-06-01")
            if c.type is ClaimType.SANCTIONS_ACTION
        ][:1]
        return None if claim.quantity is None else claim.quantity.unit

    assert quantity("The US Treasury sanctioned five North Korean individuals on Monday.") == (
        "individual"
    )
    assert quantity("The US Treasury sanctioned two North Korean shipping companies.") is None
