"""Which number counts a claim's item (extract/amounts.py), on sentences written for these tests."""

from __future__ import annotations

from sanctionwatch import extract_claims
from sanctionwatch.domain import ClaimType


def test_amounts_a_number_in_another_clause_counts_something_else() -> None:
    text = (
        "Russia fired 50 North Korean missiles in Ukraine, which Washington tied to new "
        "sanctions on North Korean arms sales."
    )
    quantities = {c.trigger.text: c.quantity for c in extract_claims(text)}
    assert quantities["arms sales"] is None
    fired = quantities["fired 50 North Korean missiles"]
    assert fired is not None and fired.low == 50


def test_amounts_casualties_are_not_the_size_of_a_deployment() -> None:
    text = "North Korea sent troops to Russia; more than 600 North Korean troops had been killed."
    deployments = [c for c in extract_claims(text) if c.type == ClaimType.TROOP_DEPLOYMENT]
    assert deployments and all(c.quantity is None for c in deployments)


def test_amounts_an_amount_in_the_main_clause_is_not_the_subordinate_clauses() -> None:
    text = (
        "About $24 million of North Korean funds was frozen in Macau after the U.S. Treasury "
        "accused the bank of helping to channel earnings to North Korea."
    )
    flows = [c for c in extract_claims(text) if c.type == ClaimType.FINANCIAL_FLOW]
    assert flows and all(c.quantity is None for c in flows)


def test_amounts_a_vessels_size_is_no_amount_seized() -> None:
    from sanctionwatch import extract_claims

    (ship,) = extract_claims("The 17,601-ton bulk carrier was seized in 2018 by Indonesia.")
    assert ship.quantity is None
    (coal,) = extract_claims("Indonesia seized 17,601 tons of North Korean coal in 2018.")
    assert coal.quantity is not None and coal.quantity.low == 17601
