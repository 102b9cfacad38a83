"""Roles a sentence does not name (extract/coref.py), on texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctionwatch import extract_claims
from sanctionwatch.domain import Claim, ClaimType


@pytest.mark.parametrize(
    ("text", "claim_type", "sources", "targets"),
    [
        (
            "North Korea is isolated. North Korean troops deployed to Kursk were seen in "
            "March. Soldiers were sent to Russia in October.",
            ClaimType.TROOP_DEPLOYMENT,
            ("KP",),
            ("RU",),
        ),
        (
            "Iran is Russia's partner. Iranian officials met. Iran's drones matter to Iran. "
            "Russia received combat drones in 2023.",
            ClaimType.ARMS_TRANSFER,
            ("IR",),
            ("RU",),
        ),
    ],
    ids=["source-from-topic", "source-from-topic-receiving"],
)
def test_coref_the_document_topic_fills_the_side_left_empty(
    text: str, claim_type: ClaimType, sources: tuple[str, ...], targets: tuple[str, ...]
) -> None:
    claim = [c for c in extract_claims(text) if c.type == claim_type][-1]
    assert (claim.source_codes, claim.target_codes) == (sources, targets)
    assert any("coref:document-topic" in rule for rule in claim.rules)


def test_coref_a_counted_group_stands_for_the_states_named_before() -> None:
    text = (
        "China sells Russia machine tools. Iran has sent drones. North Korea has sent "
        "shells. Combined, the three have supplied Russia with arms."
    )
    claim = [c for c in extract_claims(text) if c.type == ClaimType.ARMS_TRANSFER][-1]
    assert set(claim.source_codes) == {"CN", "IR", "KP"}
    assert claim.target_codes == ("RU",)
    assert all(rule == "source:coref:group" for rule in claim.rules if "coref:group" in rule)


def test_coref_a_counted_noun_is_no_group(only: Callable[..., Claim]) -> None:
    text = "China sells Russia machine tools. The three companies supplied Russia with arms."
    claim = only(text, ClaimType.ARMS_TRANSFER)
    assert (claim.source_codes, claim.target_codes) == ((), ("RU",))


def test_coref_a_point_back_to_a_dated_theft_takes_its_date() -> None:
    text = (
        "North Korea denies it. On March 3, 2025, North Korean hackers stole $200 million "
        "from an exchange, North Korea watchers say. Within two hours of the theft, the "
        "stolen funds were sent to 30 wallets."
    )
    flows = [
        c
        for c in extract_claims(text, published="2025-03-10")
        if c.type == ClaimType.FINANCIAL_FLOW
    ]
    last = flows[-1]
    assert last.time is not None and last.time.start == "2025-03-03"
    assert last.time.span.text == "Within two hours of the theft"
    assert last.time.rule == "times.told-event"


def test_coref_the_proceeds_of_a_told_theft_keep_its_victim() -> None:
    text = (
        "North Korea denies it. On March 3, 2025, North Korean hackers stole $200 million "
        "from a Singaporean exchange, North Korea watchers say. Within two hours of the "
        "theft, the stolen funds were sent to 30 wallets."
    )
    flows = [
        c
        for c in extract_claims(text, published="2025-03-10")
        if c.type == ClaimType.FINANCIAL_FLOW
    ]
    first, last = flows[0], flows[-1]
    assert first.source_codes == ("SG",)
    assert (last.source_codes, last.target_codes) == (("SG",), ("KP",))
    assert last.sources[0].span == first.sources[0].span
    assert "source:coref:told-event" in last.rules and last.rules[0] == "finance.money_moved"


def test_coref_he_opening_a_sentence_is_the_person_last_named() -> None:
    text = (
        "Kim Jong Un received a Russian delegation on Monday. He had a talk with the "
        "vice-minister of defence of the Russian Federation."
    )
    meetings = [c for c in extract_claims(text) if c.type == ClaimType.MEETING]
    assert set(meetings[-1].source_codes) == {"KP", "RU"}
    assert "source:coref:pronoun" in meetings[-1].rules


def test_coref_trilateral_counts_three_parties() -> None:
    text = (
        "Japan, South Korea and the United States issued a statement. We applaud the first "
        "trilateral meeting between our finance ministries."
    )
    meeting = [c for c in extract_claims(text) if c.type == ClaimType.MEETING][-1]
    assert set(meeting.source_codes) == {"JP", "KR", "US"}


def test_coref_the_funds_of_a_told_theft_are_an_event() -> None:
    text = (
        "North Korea denies it. North Korean hackers stole $100 million from a Singaporean "
        "exchange in May, North Korea watchers say. Once moved out of the wallets, the funds "
        "are being laundered through mixers."
    )
    flows = [
        c for c in extract_claims(text, published="2025-06") if c.type == ClaimType.FINANCIAL_FLOW
    ]
    assert len(flows) == 2 and flows[-1].source_codes == ("SG",)


def test_coref_the_dprk_alone_in_a_sanctions_sentence_is_the_target(
    only: Callable[..., Claim],
) -> None:
    text = (
        "North Korea says North Korea will resist. North Korea condemned the hostile forces "
        "for imposing illegal and outrageous sanctions."
    )
    claim = only(text, ClaimType.SANCTIONS_ACTION)
    assert (claim.source_codes, claim.target_codes) == ((), ("KP",))


def _proposed(text: str, claim_type: ClaimType) -> list[Claim]:
    from sanctionwatch.extract.claims import propose_claims

    proposals = propose_claims(text)
    return [p.claim for _, ps in proposals.sentences for p in ps if p.claim.type == claim_type]


@pytest.mark.parametrize(
    ("text", "parties", "antecedent"),
    [
        (
            "French President Emmanuel Macron arrived in Tokyo on Monday. In the afternoon, "
            "he will meet with Japanese Prime Minister Fumio Kishida.",
            ("FR", "JP"),
            "Emmanuel Macron",
        ),
        (
            "Russian President Vladimir Putin landed in Pyongyang. On Wednesday he held "
            "talks with North Korean leader Kim Jong Un.",
            ("KP", "RU"),
            "Vladimir Putin",
        ),
    ],
    ids=["subject-of-a-meeting-verb", "subject-of-the-verb-taking-talks"],
)
def test_coref_a_participant_pronoun_stands_for_the_person_named_before(
    text: str, parties: tuple[str, ...], antecedent: str
) -> None:
    (meeting, *_) = _proposed(text, ClaimType.MEETING)
    assert meeting.source_codes == parties
    assert antecedent in {s.span.text for s in meeting.sources}
    assert "source:coref:pronoun" in meeting.rules


def test_coref_a_pronoun_with_no_person_before_it_meets_nobody() -> None:
    text = (
        "The ship left port on Monday. In the afternoon, he will meet with Japanese Prime "
        "Minister Fumio Kishida."
    )
    assert _proposed(text, ClaimType.MEETING) == []


def test_coref_a_sentence_opening_he_is_the_first_person_the_last_sentence_named() -> None:
    text = (
        "North Korean leader Kim Jong Un will meet South Korean President Moon Jae-in on "
        "April 27. He is also scheduled to meet U.S. President Donald Trump in May."
    )
    meetings = _proposed(text, ClaimType.MEETING)
    assert set(meetings[-1].source_codes) == {"KP", "US"}
