"""Claims on short sentences written for these tests (never copied from the corpus)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch import extract_claims
from sanctionwatch.domain import Claim, ClaimType, Modality

ROLE_CASES = [
    (
        "Syrian brokers sold rockets to Libya on behalf of North Korea.",
        ClaimType.ARMS_TRANSFER,
        ("KP",),
        ("LY",),
    ),
    (
        "Experts tracked Russia's arms purchases from North Korea in 2024.",
        ClaimType.ARMS_TRANSFER,
        ("KP",),
        ("RU",),
    ),
    (
        "Diplomats described the DPRK's money laundering schemes abroad in 2023.",
        ClaimType.FINANCIAL_FLOW,
        (),
        ("KP",),
    ),
    (
        "North Korea shipped artillery shells to Russia last autumn.",
        ClaimType.ARMS_TRANSFER,
        ("KP",),
        ("RU",),
    ),
    ("Russia bought rockets from Pyongyang.", ClaimType.ARMS_TRANSFER, ("KP",), ("RU",)),
    (
        "Moscow's troops fired North Korean-made shells at the city.",
        ClaimType.ARMS_TRANSFER,
        ("KP",),
        ("RU",),
    ),
    ("Iran has supplied Russia with attack drones.", ClaimType.ARMS_TRANSFER, ("IR",), ("RU",)),
    (
        "Russia transferred satellite technology to North Korea.",
        ClaimType.TECH_TRANSFER,
        ("RU",),
        ("KP",),
    ),
    (
        "The Kremlin's transfer of missile technology to Pyongyang worries Seoul.",
        ClaimType.TECH_TRANSFER,
        ("RU",),
        ("KP",),
    ),
    (
        "North Korea dispatched thousands of workers to the Russian Far East.",
        ClaimType.LABOR_DISPATCH,
        ("KP",),
        ("RU",),
    ),
    (
        "Russia employs North Korean laborers on building sites.",
        ClaimType.LABOR_DISPATCH,
        ("KP",),
        ("RU",),
    ),
    (
        "North Korean workers have entered Russia on student visas.",
        ClaimType.LABOR_DISPATCH,
        ("KP",),
        ("RU",),
    ),
    (
        "North Korea deployed troops to Russia's Kursk region.",
        ClaimType.TROOP_DEPLOYMENT,
        ("KP",),
        ("RU",),
    ),
    (
        "Russia issued 5,000 work visas to North Koreans in 2023.",
        ClaimType.VISA_ISSUANCE,
        ("RU",),
        ("KP",),
    ),
    (
        "Russia and China vetoed the resolution to tighten sanctions on North Korea.",
        ClaimType.SANCTIONS_ACTION,
        ("CN", "RU"),
        ("KP",),
    ),
]


@pytest.mark.parametrize(
    ("text", "claim_type", "sources", "targets"), ROLE_CASES, ids=[c[0][:40] for c in ROLE_CASES]
)
def test_claims_fill_source_and_target(
    text: str,
    claim_type: ClaimType,
    sources: tuple[str, ...],
    targets: tuple[str, ...],
    only: Callable[..., Claim],
) -> None:
    claim = only(text, claim_type)
    assert (claim.source_codes, claim.target_codes) == (sources, targets)


def test_claims_meeting_lists_participants(only: Callable[..., Claim]) -> None:
    claim = only("Kim Jong Un met Vladimir Putin in Vladivostok in April 2019.", ClaimType.MEETING)
    assert claim.source_codes == ("KP", "RU")
    assert claim.time is not None and claim.time.start == "2019-04"


MODALITY_CASES = [
    (
        "Russian officials have denied buying weapons from North Korea.",
        ClaimType.ARMS_TRANSFER,
        Modality.DENIED,
    ),
    (
        "China has refrained from supplying weapons to Russia.",
        ClaimType.ARMS_TRANSFER,
        Modality.NEGATED,
    ),
    ("North Korea may send workers to Russia.", ClaimType.LABOR_DISPATCH, Modality.UNCERTAIN),
    (
        "Pyongyang has reportedly sent missiles to Moscow.",
        ClaimType.ARMS_TRANSFER,
        Modality.UNCERTAIN,
    ),
    (
        "Russia is planning to bring up to 500,000 workers from North Korea.",
        ClaimType.LABOR_DISPATCH,
        Modality.PLANNED,
    ),
    ("North Korea sent hundreds of laborers to Russia.", ClaimType.LABOR_DISPATCH, Modality.FACT),
]


@pytest.mark.parametrize(
    ("text", "claim_type", "modality"), MODALITY_CASES, ids=[c[0][:40] for c in MODALITY_CASES]
)
def test_claims_modality(
    text: str, claim_type: ClaimType, modality: Modality, only: Callable[..., Claim]
) -> None:
    assert only(text, claim_type).modality == modality


def test_claims_quantity_and_unit_from_the_item(only: Callable[..., Claim]) -> None:
    claim = only(
        "Analysts say the number of shells sent by North Korea to Russia ranges from hundreds of thousands to more than a million.",
        ClaimType.ARMS_TRANSFER,
    )
    assert claim.quantity is not None
    assert (claim.quantity.low, claim.quantity.high, claim.quantity.unit) == (
        100_000,
        None,
        "shell",
    )


def test_claims_attribution_is_grounded_and_not_an_actor(only: Callable[..., Claim]) -> None:
    text = "North Korea sent shells to Russia, a figure confirmed by the U.S. government."
    claim = only(text, ClaimType.ARMS_TRANSFER)
    assert claim.target_codes == ("RU",)
    assert [a.name for a in claim.attributions] == ["U.S. government"]


def test_claims_according_to(only: Callable[..., Claim]) -> None:
    claim = only(
        "North Korea sent 3,000 workers to Russia in 2024, according to the National Intelligence Service.",
        ClaimType.LABOR_DISPATCH,
    )
    assert [a.name for a in claim.attributions] == ["National Intelligence Service"]
    assert claim.quantity is not None and claim.quantity.low == 3000
    assert claim.time is not None and claim.time.start == "2024"


def test_claims_every_value_records_its_rule_and_extractor(only: Callable[..., Claim]) -> None:
    claim = only("North Korea shipped artillery shells to Russia.", ClaimType.ARMS_TRANSFER)
    assert claim.extractor.startswith("extract.learned@")
    assert claim.rules[0].startswith("arms.")
    assert all(role.rule for role in claim.sources + claim.targets)


def test_claims_ids_are_deterministic() -> None:
    text = "North Korea shipped artillery shells to Russia. Russia transferred satellite technology to North Korea."
    first = [c.id for c in extract_claims(text, document_id="d1")]
    assert first == [c.id for c in extract_claims(text, document_id="d1")]
    assert len(set(first)) == len(first) == 2


def test_claims_repeated_headline_counts_once() -> None:
    text = "North Korea sends workers to Russia\n\nNorth Korea sends workers to Russia\n\nMore text follows here."
    assert len(extract_claims(text)) == 1


def test_claims_sentences_without_events_give_nothing() -> None:
    assert extract_claims("The weather in Pyongyang was cold. Russia is a large country.") == []


_WORDS = st.sampled_from(
    ["North Korea", "Russia", "sent", "shells", "to", "from", "workers", "may", "denied", "the Kremlin", "in July",
     "2023", "up to 500,000", "said", "according to", "Seoul", ".", ",", "\n", "visas", "issued", "met", "Putin"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40).map(" ".join))
def test_claims_every_span_slices_back_to_the_text(text: str) -> None:
    for claim in extract_claims(text, published="2024-05", document_id="doc"):
        for span in claim.spans():
            assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text",
    [
        "Many analysts doubt the plan. But they say North Korea will send workers to Russia.",
        "“Moscow needs labour,” Kim said. “North Korea will send workers to Russia.”",
    ],
    ids=["pronoun", "running-quote"],
)
def test_claims_attribution_carries_to_the_next_sentence(
    text: str, only: Callable[..., Claim]
) -> None:
    claim = only(text, ClaimType.LABOR_DISPATCH)
    assert [a.name for a in claim.attributions] in (["Many analysts"], ["Kim"])
    first = text.index(claim.attributions[0].name)
    assert claim.attributions[0].span.start == first  # grounded where the speaker is named


def test_claims_footage_showing_is_a_source(only: Callable[..., Claim]) -> None:
    claim = only(
        "Television footage showing Russian troops using North Korean-made shells was aired.",
        ClaimType.ARMS_TRANSFER,
    )
    assert [a.name for a in claim.attributions] == ["Television footage"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia should not accept North Korean laborers.",
        "China ought to stop selling oil to North Korea.",
    ],
    ids=["should-not", "ought-to"],
)
def test_claims_opinions_about_what_a_state_should_do_are_not_claims(text: str) -> None:
    assert extract_claims(text) == []


def test_claims_denial_stays_in_its_while_clause() -> None:
    text = "While Russian officials have denied any arms deals with North Korea, footage shows Russian troops firing North Korean-made shells."
    by_modality = {c.modality for c in extract_claims(text) if c.type == ClaimType.ARMS_TRANSFER}
    assert by_modality == {Modality.DENIED, Modality.FACT}


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        (
            "Russia's transfer of missile technology to North Korea would create shockwaves.",
            Modality.UNCERTAIN,
        ),
        ("Putin plans a visit to Pyongyang later this year.", Modality.PLANNED),
        ("The regime appears bent on signing a treaty with Russia.", Modality.PLANNED),
    ],
    ids=["nominal-would", "later-this-year", "bent-on"],
)
def test_claims_modality_of_the_governing_clause(text: str, modality: Modality) -> None:
    claims = extract_claims(text, published="2024-02")
    assert claims and claims[0].modality == modality


def test_claims_image_alt_text_is_read_and_the_url_is_not() -> None:
    text = "![US sanctions North Korean firm over IT workers](https://img.example/us-kp.jpg)"
    claims = extract_claims(text, published="2025-07")
    assert [(c.type, c.source_codes) for c in claims] == [(ClaimType.SANCTIONS_ACTION, ("US",))]
    assert "https" not in claims[0].trigger.text


def test_claims_passive_sanctioner_wins_over_the_sentence_subject() -> None:
    text = "The EU is weighing its options following the approval of new sanctions by the U.N. Security Council."
    claim = next(c for c in extract_claims(text) if "approval" in c.trigger.text)
    assert claim.source_codes == ("UN",)


def test_claims_a_colon_introduced_statement_speaks_for_what_follows(
    only: Callable[..., Claim],
) -> None:
    text = "Pyongyang, June 2 (KCNA) -- The joint statement says:\nThe DPRK and Russia held talks in Moscow on June 1."
    claim = only(text, ClaimType.MEETING, published="2024-06-02")
    assert [a.name for a in claim.attributions] == ["The joint statement"]


def test_claims_a_year_is_not_a_quantity_and_an_estimate_is_not_a_source(
    only: Callable[..., Claim],
) -> None:
    claim = only(
        "In September 2023 Pyongyang sent an estimated 1,000 shells to Moscow.",
        ClaimType.ARMS_TRANSFER,
    )
    assert claim.quantity is not None and claim.quantity.low == 1000
    assert claim.time is not None and claim.time.start == "2023-09"
    assert claim.attributions == ()


@pytest.mark.parametrize(
    "text",
    [
        "The ship was carrying coal in violation of the ban on North Korean exports.",
        "Hiring them would run afoul of U.N. sanctions imposed on North Korea.",
    ],
    ids=["violation-of-ban", "afoul-of"],
)
def test_claims_sanctions_in_force_are_not_a_new_action(text: str) -> None:
    assert ClaimType.SANCTIONS_ACTION not in {c.type for c in extract_claims(text)}


@pytest.mark.parametrize(
    ("text", "sources", "targets"),
    [
        ("North Korean workers in Russia were provided food by Moscow.", ("RU",), ()),
        ("North Korea is sending workers to Russia.", ("KP",), ("RU",)),
    ],
    ids=["passive", "progressive"],
)
def test_claims_passive_and_progressive_voices(
    text: str, sources: tuple[str, ...], targets: tuple[str, ...]
) -> None:
    claim = extract_claims(text)[0]
    assert claim.source_codes == sources
    assert not targets or claim.target_codes == targets


@pytest.mark.parametrize(
    "text",
    [
        "EU countries cannot export arms to North Korea.",
        "Member states are banned from selling oil to North Korea.",
    ],
    ids=["cannot", "banned-from"],
)
def test_claims_what_the_law_forbids_is_not_an_event(text: str) -> None:
    assert extract_claims(text) == []


def test_claims_a_count_of_ships_is_no_amount_of_trade() -> None:
    """ "Six vessels" carried the oil; the trade's amount is the goods, not the ships."""
    text = "Six Russian vessels transferred oil to North Korean tankers at sea."
    trades = [c for c in extract_claims(text, published="2024-01-01") if c.type.value == "trade"]
    assert trades and trades[0].quantity is None
