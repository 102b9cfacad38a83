"""Named people and their roles, and a later surname read as the person named in full.
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from sanctionwatch.resolve.people import find_people, resolve_person


@pytest.mark.parametrize(
    ("text", "described"),
    [
        pytest.param("South Korean President Han Mi-rae spoke.", "South Korean President Han Mi-rae",
                     id="title-before"),
        pytest.param("Russian Deputy Prime Minister Ivan Petrov spoke.",
                     "Russian Deputy Prime Minister Ivan Petrov", id="long-title"),
        pytest.param("It was ordered by leader Kim Jong Un.", "leader Kim Jong Un", id="leader"),
        pytest.param("Ivan Petrov, Russia's ambassador to North Korea, spoke.",
                     "Ivan Petrov, Russia's ambassador to North Korea", id="appositive-possessive"),
        pytest.param("Lim Mi-ra, a senior analyst at the Hanbit Institute, spoke.",
                     "Lim Mi-ra, a senior analyst at the Hanbit Institute", id="appositive-analyst"),
        pytest.param("Choe Min Ho, foreign minister of the DPRK, spoke.",
                     "Choe Min Ho, foreign minister of the DPRK", id="appositive-bare-role"),
    ],
)  # fmt: skip
def test_people_find_named_people_with_roles(text: str, described: str) -> None:
    assert [m.described for m in find_people(text)] == [described]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("North Korea, a country under sanctions, sent shells.", id="a-country"),
        pytest.param("Delegates in New York, head into the talks.", id="head-of-a-queue"),
        pytest.param("Happy New Year, Admiral.", id="greeting"),
    ],
)
def test_people_places_and_phrases_are_not_people(text: str) -> None:
    assert find_people(text) == ()


def test_people_surname_resolves_to_the_fullest_earlier_mention() -> None:
    text = "President Han spoke. South Korean President Han Mi-rae arrived. Han said no."
    people = find_people(text)
    found = resolve_person("Han", at=text.index("Han said"), people=people)
    assert found is not None and found.described == "South Korean President Han Mi-rae"


def test_people_two_people_of_one_surname_the_latest_named_wins() -> None:
    text = "Minister Kim Dae-ho spoke. Kim Su-jin, a shop owner in Seoul, spoke. Kim said no."
    found = resolve_person("Kim", at=text.index("Kim said"), people=find_people(text))
    assert found is not None and found.name == "Kim Su-jin"


def test_people_a_later_mention_does_not_resolve_an_earlier_surname() -> None:
    text = "Han said no. Later, President Han Mi-rae arrived."
    assert resolve_person("Han", at=text.index("Han said") + 3, people=find_people(text)) is None


def test_people_a_full_name_resolves_to_its_appositive_in_the_same_sentence() -> None:
    text = "Shells were sent, said Ivan Petrov, Russia's deputy foreign minister."
    at = text.index("Ivan Petrov") + len("Ivan Petrov")
    found = resolve_person("Ivan Petrov", at=at, people=find_people(text))
    assert found is not None and found.role == "Russia's deputy foreign minister"


def test_people_a_different_given_name_is_not_the_person() -> None:
    text = "President Han Mi-rae spoke. Han Jun-ho said no."
    assert resolve_person("Jun-ho Han", at=len(text), people=find_people(text)) is None
