"""Which time dates a claim (extract/times.py, extract/claims.py), on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctionwatch import extract_claims
from sanctionwatch.domain import Claim, ClaimType


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Before the 2017 sanctions, North Korea sent workers to Russia in large numbers.",
            None,
        ),
        (
            "Following a September 2023 summit in Russia, North Korea sent shells to Russia.",
            "2023-09",
        ),
    ],
    ids=["dates-another-noun", "anchor-dates-what-follows"],
)
def test_claim_times_a_date_modifying_a_noun(text: str, start: str | None) -> None:
    claim = next(
        c for c in extract_claims(text, published="2024-05") if c.type != ClaimType.MEETING
    )
    assert (claim.time.start if claim.time else None) == start


def test_claim_times_a_sanctions_deadline_does_not_date_the_action(
    only: Callable[..., Claim],
) -> None:
    text = "Resolution 2397 called on member states to repatriate North Korean workers by 2019."
    claim = only(text, ClaimType.SANCTIONS_ACTION)
    assert claim.time is None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "A monitoring team reported in May that North Korea had sent 9,000 shells to Russia.",
            None,
        ),
        (
            "North Korea sent shells to Russia, a monitoring team said on Monday.",
            None,
        ),
        ("In March, officials said North Korea had sent shells to Russia.", "2025-03"),
        ("The United States announced sanctions on North Korea on Monday.", "2025-06-09"),
    ],
    ids=["reported-in-may-that", "said-on-monday", "fronted-date-frames-all", "announced-act"],
)
def test_claim_times_a_report_date_does_not_date_the_event(text: str, start: str | None) -> None:
    """A date a verb of telling governs dates the telling; a date set before the teller
    frames the sentence, and an act that is itself announced keeps its day."""
    (claim,) = [c for c in extract_claims(text, published="2025-06-11")]
    assert (claim.time.start if claim.time else None) == start


def test_claim_times_the_day_of_an_anchor_event_is_not_the_claims() -> None:
    """ "The resolution follows the nuclear test on January 6": the test's day, not the
    resolution's; a coarser anchor date may hold both and still dates what follows."""
    text = "The resolution, which expands sanctions on North Korea, follows its nuclear test on January 6."
    (claim,) = extract_claims(text, published="2016-03-03")
    assert claim.time is None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "On Friday, South Korea and the United States agreed to deploy a missile shield.",
            "2016-07-08",
        ),
        ("South Korea and the United States will hold talks on Friday.", "2016-07-15"),
    ],
    ids=["an-agreement-made-on-friday", "talks-to-come-on-friday"],
)
def test_claim_times_only_an_event_ahead_takes_the_day_to_come(text: str, start: str) -> None:
    """A vow or agreement made on a day keeps that day; an event ahead takes the next one."""
    (claim,) = extract_claims(text, published="2016-07-11")
    assert claim.time is not None and claim.time.start == start


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Officials who visited Minsk in 2020 said North Korea sent troops to Russia.", None),
        (
            "The deployment of North Korean troops to Russia, which began in October, grew.",
            "2024-10",
        ),
    ],
    ids=["a-clause-of-its-own", "a-clause-on-the-trigger"],
)
def test_claim_times_a_date_in_a_clause_of_its_own(text: str, start: str | None) -> None:
    """A date whose verb stands in a clause the trigger is not part of dates that clause's
    event; a clause on the trigger's own phrase dates the trigger."""
    claims = [c for c in extract_claims(text, published="2025-01-10") if "KP" in c.source_codes]
    assert claims
    assert (claims[0].time.start if claims[0].time else None) == start
