"""Who takes part in a meeting (extract/parties.py), on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctionwatch import extract_claims
from sanctionwatch.domain import Claim, ClaimType


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        (
            "The foreign ministers of Japan and South Korea, who are both within range of "
            "North Korea's missiles, phoned each other on Monday.",
            ("JP", "KR"),
        ),
        (
            "Seoul and Beijing were discussing a draft U.N. Security Council resolution.",
            ("CN", "KR"),
        ),
        (
            "Kim Jong Un met Vladimir Putin and said that Iran's drones were no match for theirs.",
            ("KP", "RU"),
        ),
    ],
    ids=["relative-clause", "maker-of-a-document", "what-was-said"],
)
def test_parties_a_state_named_beside_a_meeting_is_no_participant(
    text: str, participants: tuple[str, ...], only: Callable[..., Claim]
) -> None:
    claim = only(text, ClaimType.MEETING)
    assert set(claim.source_codes) == set(participants)


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        (
            "Kim Jong Un received a military delegation of the Russian Federation on July 18.",
            {"KP", "RU"},
        ),
        (
            "A statement on the strategic dialogue between Choe Son Hui, foreign minister of "
            "the DPRK, and Sergei Lavrov, foreign minister of the Russian Federation, was "
            "issued on Friday.",
            {"KP", "RU"},
        ),
        (
            "Russia and North Korea opened an exhibition. There will be a working-level "
            "meeting on IT between the two countries.",
            {"KP", "RU"},
        ),
    ],
    ids=["received-a-delegation", "between-long-titles", "the-two-countries"],
)
def test_parties_meeting_participants_named_far_or_counted(
    text: str, participants: set[str], only: Callable[..., Claim]
) -> None:
    claim = only(text, ClaimType.MEETING)
    assert set(claim.source_codes) == participants


def test_parties_a_path_to_dialogue_is_no_meeting() -> None:
    text = "Seoul and Washington say the path to dialogue remains open with the DPRK."
    assert extract_claims(text) == []


def test_parties_leaders_named_by_person() -> None:
    text = "Then Mr. Obama met Chinese President Xi Jinping in Washington."
    assert extract_claims(text)[0].source_codes == ("CN", "US")


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # An office's portfolio is no party to its holder's meeting.
        (
            "The U.S. special envoy for Iran met his French and German counterparts in Paris.",
            {"US", "FR", "DE"},
        ),
        # A "Security Council Secretary" heads a state's own council, not the UN's.
        (
            "Security Council Secretary Sergei Shoigu held talks with Kim Jong Un in Pyongyang.",
            {"RU", "KP"},
        ),
    ],
    ids=["portfolio", "national council"],
)
def test_parties_named_beside_a_meeting_without_taking_part(text: str, parties: set[str]) -> None:
    claims = [c for c in extract_claims(text, published="2022-03-01") if c.type.value == "meeting"]
    assert claims and set(claims[0].source_codes) == parties
