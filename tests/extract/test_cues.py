"""Modality and attribution cues (extract/cues.py), on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctionwatch import extract_claims
from sanctionwatch.domain import Claim, ClaimType, Modality


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Lawmakers in Seoul said North Korea sent 600 troops to Russia, citing their "
            "intelligence officials.",
            ["Lawmakers in Seoul", "their intelligence officials"],
        ),
        (
            "It also comes as the BBC reported the harsh conditions of North Korean workers "
            "sent to Russia.",
            ["BBC"],
        ),
        (
            "As for trade, the experts said they investigate two Chinese firms — Alpha Corp. "
            "and Beta Corp. — for selling missile technology to North Korea.",
            ["the experts"],
        ),
    ],
    ids=["citing-lowercase-officials", "source-after-subordinator", "paired-dashes-aside"],
)
def test_cues_attribution_forms(text: str, names: list[str]) -> None:
    claim = extract_claims(text, published="2024-03")[0]
    assert [a.name for a in claim.attributions] == names


def test_cues_a_source_speaks_for_its_that_clauseonly(only: Callable[..., Claim]) -> None:
    text = (
        "The UN Security Council adopted resolutions to block North Korean nationals from "
        "working abroad as the council has determined that Pyongyang channels their foreign "
        "currency earnings to its weapons programs."
    )
    claims = {c.type: c for c in extract_claims(text)}
    assert claims[ClaimType.SANCTIONS_ACTION].attributions == ()
    assert [a.name for a in claims[ClaimType.FINANCIAL_FLOW].attributions] == ["the council"]


def test_cues_an_opening_while_clause_keeps_its_own_source() -> None:
    text = (
        "While Russian officials have denied any arms deals with North Korea, Ukrainian "
        "intelligence says North Korean shells reached Russia in 2023."
    )
    by_modality = {c.modality: c for c in extract_claims(text) if c.type == ClaimType.ARMS_TRANSFER}
    assert [a.name for a in by_modality[Modality.DENIED].attributions] == ["Russian officials"]


def test_cues_not_believing_negates_the_complement(only: Callable[..., Claim]) -> None:
    text = "At this time, we do not believe that Iran has delivered ballistic missiles to Russia."
    assert only(text, ClaimType.ARMS_TRANSFER).modality == Modality.NEGATED


@pytest.mark.parametrize(
    "text",
    [
        "So, what I’ll say about North Korea is what we have said: we fear North Korea "
        "selling weapons to Russia.",
        "An analysis published on 15 April 2025 indicates that North Korea sent shells to Russia.",
    ],
    ids=["clauses-are-no-name", "a-date-is-no-name"],
)
def test_cues_phrases_that_are_no_source_names(text: str, only: Callable[..., Claim]) -> None:
    claim = only(text, ClaimType.ARMS_TRANSFER)
    assert all(
        a.name not in {"I’ll", "North Korea is what we", "April 2025"} for a in claim.attributions
    )


def test_cues_long_reported_keeps_the_source_whole(only: Callable[..., Claim]) -> None:
    text = (
        "Western intelligence agencies have long reported that North Korea sent troops to Russia."
    )
    claim = only(text, ClaimType.TROOP_DEPLOYMENT)
    assert [a.name for a in claim.attributions] == ["Western intelligence agencies"]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        (
            "The U.S. Treasury called for a prohibition on banks dealing with North Korea.",
            Modality.PLANNED,
        ),
        (
            "There is scope for the European Union to adopt new sanctions on North Korea.",
            Modality.UNCERTAIN,
        ),
        (
            "The experts said they continue to investigate Chinese firms selling missile "
            "technology to North Korea.",
            Modality.UNCERTAIN,
        ),
    ],
    ids=["called-for", "scope-for", "investigating"],
)
def test_cues_calls_scope_and_investigations(text: str, modality: Modality) -> None:
    claims = [c for c in extract_claims(text) if c.type != ClaimType.MEETING]
    assert [c.modality for c in claims] == [modality]


def test_cues_a_likelihood_weighed_is_uncertain(only: Callable[..., Claim]) -> None:
    text = (
        "The authors assess the likelihood of North Korea selling its missile technology to Iran."
    )
    assert only(text, ClaimType.TECH_TRANSFER).modality == Modality.UNCERTAIN


def test_cues_identified_by_x_as_y_cites_x(only: Callable[..., Claim]) -> None:
    text = (
        "According to shipment-level trade data, Russia exported goods to North Korea under "
        "codes identified by Project Anthracite as not relevant for CWA production."
    )
    claim = only(text, ClaimType.TRADE)
    assert [a.name for a in claim.attributions] == [
        "shipment-level trade data",
        "Project Anthracite",
    ]


def test_cues_a_block_quote_speaks_only_for_itself() -> None:
    text = (
        "As the press release noted:\n\n> North Korea sent missiles to Russia in 2023.\n\n"
        "North Korea also sent shells to Russia in 2024."
    )
    claims = extract_claims(text, published="2024-06")
    assert [[a.name for a in c.attributions] for c in claims] == [["the press release"], []]


def test_cues_a_press_statement_in_running_text_speaks_to_the_end() -> None:
    text = (
        "The press statement says:\n\nNorth Korea and Russia held talks in Moscow.\n\n"
        "North Korea and Russia signed an agreement on cooperation."
    )
    claims = extract_claims(text)
    assert all([a.name for a in c.attributions] == ["The press statement"] for c in claims)
    assert len(claims) == 2


def test_cues_a_noun_after_a_demonym_is_not_a_claim_verb(only: Callable[..., Claim]) -> None:
    text = (
        "Nor has China ever recognized Russian claims to Crimea, though China sold arms to Russia."
    )
    claim = only(text, ClaimType.ARMS_TRANSFER)
    assert claim.attributions == ()


def test_cues_unwillingness_negates() -> None:
    text = "China showed unwillingness to veto UN resolutions on North Korea."
    claim = next(c for c in extract_claims(text) if c.type == ClaimType.SANCTIONS_ACTION)
    assert claim.modality == Modality.NEGATED


def test_cues_what_money_could_be_used_for_is_no_claim() -> None:
    text = (
        "It restricts North Korea's access to this revenue source, which could be used to "
        "acquire goods for its weapons programme."
    )
    assert extract_claims(text) == []


def test_cues_a_reporters_question_at_a_briefing_is_the_reporters() -> None:
    text = (
        "Press briefing by the spokesperson.\n"
        "Q   Thanks. North Korea sent 3,000 troops to Russia in October. Your reaction?\n"
        "MR. SMITH:  We will not comment on that."
    )
    claims = [
        c for c in extract_claims(text, published="2024-10") if c.type.value == "troop_deployment"
    ]
    assert claims and all(
        [a.name for a in c.attributions] == ["Q"]
        and "attribution:reporter-question" in {a.rule for a in c.attributions}
        for c in claims
    )


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        (
            "The North Korean leader would meet the South Korean president on April 27.",
            Modality.PLANNED,
        ),
        (
            "Kim Jong Un is scheduled to meet the Russian president in May.",
            Modality.PLANNED,
        ),
        (
            "It is the only planned meeting between North Korea and Russia this year.",
            Modality.PLANNED,
        ),
        (
            "China opposed the intention of Washington and Seoul to hold talks on missile defence.",
            Modality.PLANNED,
        ),
        (
            "North Korea has been linked to the theft of $81 million from Bangladesh.",
            Modality.UNCERTAIN,
        ),
        (
            "Two launches of North Korean missiles at Kharkiv are being investigated by Ukraine.",
            Modality.UNCERTAIN,
        ),
    ],
    ids=[
        "would",
        "scheduled-to",
        "planned-adjective",
        "intention-of-x-to",
        "linked-to",
        "being-investigated",
    ],
)
def test_cues_what_is_to_come_and_what_is_put_forward(text: str, modality: Modality) -> None:
    """ "Would meet" tells a plan, "have been linked to" a responsibility put forward."""
    claims = extract_claims(text, published="2024-03-01")
    assert claims, f"no claim in {text!r}"
    assert claims[0].modality is modality


def test_cues_a_hedge_before_a_noun_after_the_verb_is_the_nouns() -> None:
    """ "Arrested ... on charges related to his alleged operation of a mixer": the arrest and
    the charges are stated as fact; only the operation is alleged."""
    text = (
        "U.S. authorities arrested a Russian-Swedish national on charges related to his "
        "alleged operation of a mixer used by North Korea."
    )
    claims = [c for c in extract_claims(text, published="2024-01-01")]
    assert claims and all(c.modality is Modality.FACT for c in claims)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        (
            "Monitors reported in May that North Korea had supplied Russia with shells.",
            Modality.FACT,
        ),
        ("North Korea supplied Russia with shells on May 3, 2024.", Modality.FACT),
        ("North Korea may have supplied Russia with shells.", Modality.UNCERTAIN),
    ],
    ids=["in May", "May 3", "may have"],
)
def test_cues_the_month_may_is_no_modal(text: str, modality: Modality) -> None:
    (claim,) = [
        c for c in extract_claims(text, published="2024-06-01") if c.type is ClaimType.ARMS_TRANSFER
    ]
    assert claim.modality is modality


def test_cues_a_transcript_answer_is_its_speakers() -> None:
    text = (
        "Q  Can you say more about the shipments?\n\n"
        "MR. PRICE:  Sure. North Korea has sent artillery shells to Russia.\n\n"
        "Q  And the workers?\n"
    )
    (claim,) = [
        c for c in extract_claims(text, published="2024-06-01") if c.type is ClaimType.ARMS_TRANSFER
    ]
    assert [a.name for a in claim.attributions] == ["PRICE"]
    assert claim.attributions[0].span.text == "PRICE"


def test_cues_what_a_weapon_is_capable_of_is_no_transfer_but_the_transfer_stays() -> None:
    from sanctionwatch import extract_claims
    from sanctionwatch.domain import ClaimType

    assert not extract_claims("The North is building rockets capable of delivering warheads.")
    sent = extract_claims("North Korea sent Iran missiles capable of reaching Israel.")
    assert [c.type for c in sent] == [ClaimType.ARMS_TRANSFER]
