"""People a document introduces with their state, found again by name (extract/people.py)."""

from __future__ import annotations

import pytest

from sanctionwatch import extract_claims
from sanctionwatch.extract.people import DOCUMENT_TIER, document_people
from sanctionwatch.resolve.gazetteer import find_actors


def people(text: str) -> list[tuple[str, str]]:
    return [(p.form, p.code) for p in document_people(text, find_actors(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zorvanian officials met the Chinese Foreign Minister Lio Tamsen. Tamsen said little.",
            [("Tamsen", "CN")],
        ),
        (
            "President Arno Veldt of France arrived on Monday. Veldt spoke first.",
            [("Veldt", "FR")],
        ),
        (
            "Han Sol Mi, foreign minister of North Korea, flew in. Han stayed two days.",
            [("Han", "KP")],
        ),
    ],
    ids=["state-title-name", "title-name-of-state", "name-comma-title-of-state"],
)
def test_people_a_title_ties_a_name_to_its_state(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert people(text) == expected


def test_people_a_name_two_states_share_is_nobodys() -> None:
    text = (
        "South Korean Minister Lee Dal-su met Japanese Minister Lee Haru. Lee said the talks "
        "went well."
    )
    assert people(text) == []


def test_people_without_a_title_a_name_stays_a_name() -> None:
    assert people("Tamsen, a Chinese businessman, said. Tamsen left.") == []


def test_people_later_mentions_are_grounded_actors_of_the_document_tier() -> None:
    """ "Wang is due to meet Kerry": both named only by surname, a meeting of their states."""
    text = (
        "Chinese Foreign Minister Lio Tamsen will visit Washington this week. "
        "U.S. Secretary of State Adam Corvel said he welcomed it. "
        "Tamsen is due to meet Corvel on Tuesday."
    )
    found = document_people(text, find_actors(text))
    assert {p.tier for p in found} == {DOCUMENT_TIER}
    assert all(text[p.start : p.end] == p.form for p in found)
    meetings = [
        c for c in extract_claims(text, published="2016-03-28") if c.type.value == "meeting"
    ]
    assert any(set(c.source_codes) == {"CN", "US"} for c in meetings)


def test_people_a_state_named_right_before_the_name_says_whose() -> None:
    """ "South Korea's Kim" is South Korea's, whoever else the document calls Kim."""
    text = (
        "U.S. special envoy Tarn Kim met officials in Seoul. On Wednesday, Japan's minister "
        "met South Korea's Kim in Tokyo."
    )
    assert [p.form for p in document_people(text, find_actors(text))] == []


def test_people_a_states_own_security_council_is_not_the_uns() -> None:
    from sanctionwatch.extract.claims import _without_states_own_councils

    for text, codes in [
        ("Russian Security Council Secretary Arkady Brun visited Pyongyang.", ["RU", "KP"]),
        ("The U.S. National Security Council said so.", ["US"]),
        ("The Security Council voted on North Korea.", ["UN", "KP"]),
    ]:
        kept = _without_states_own_councils(text, find_actors(text))
        assert [a.code for a in kept] == codes, text
