"""Claims on short sentences written for these tests (never copied from the corpus)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch import extract_claims
from sanctionwatch.domain import Claim, ClaimType, Modality


def _only(text: str, claim_type: ClaimType, *, published: str | None = "2024-03") -> Claim:
    claims = [c for c in extract_claims(text, published=published) if c.type == claim_type]
    assert len(claims) == 1, [(c.type, c.trigger.text) for c in claims]
    return claims[0]


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
    text: str, claim_type: ClaimType, sources: tuple[str, ...], targets: tuple[str, ...]
) -> None:
    claim = _only(text, claim_type)
    assert (claim.source_codes, claim.target_codes) == (sources, targets)


def test_claims_meeting_lists_participants() -> None:
    claim = _only("Kim Jong Un met Vladimir Putin in Vladivostok in April 2019.", ClaimType.MEETING)
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
def test_claims_modality(text: str, claim_type: ClaimType, modality: Modality) -> None:
    assert _only(text, claim_type).modality == modality


def test_claims_quantity_and_unit_from_the_item() -> None:
    claim = _only(
        "Analysts say the number of shells sent by North Korea to Russia ranges from hundreds of thousands to more than a million.",
        ClaimType.ARMS_TRANSFER,
    )
    assert claim.quantity is not None
    assert (claim.quantity.low, claim.quantity.high, claim.quantity.unit) == (
        100_000,
        None,
        "shell",
    )


def test_claims_attribution_is_grounded_and_not_an_actor() -> None:
    text = "North Korea sent shells to Russia, a figure confirmed by the U.S. government."
    claim = _only(text, ClaimType.ARMS_TRANSFER)
    assert claim.target_codes == ("RU",)
    assert [a.name for a in claim.attributions] == ["U.S. government"]


def test_claims_according_to() -> None:
    claim = _only(
        "North Korea sent 3,000 workers to Russia in 2024, according to the National Intelligence Service.",
        ClaimType.LABOR_DISPATCH,
    )
    assert [a.name for a in claim.attributions] == ["National Intelligence Service"]
    assert claim.quantity is not None and claim.quantity.low == 3000
    assert claim.time is not None and claim.time.start == "2024"


def test_claims_every_value_records_its_rule_and_extractor() -> None:
    claim = _only("North Korea shipped artillery shells to Russia.", ClaimType.ARMS_TRANSFER)
    assert claim.extractor.startswith("extract.rules@")
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
def test_claims_attribution_carries_to_the_next_sentence(text: str) -> None:
    claim = _only(text, ClaimType.LABOR_DISPATCH)
    assert [a.name for a in claim.attributions] in (["Many analysts"], ["Kim"])
    first = text.index(claim.attributions[0].name)
    assert claim.attributions[0].span.start == first  # grounded where the speaker is named


def test_claims_footage_showing_is_a_source() -> None:
    claim = _only(
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


def test_claims_a_colon_introduced_statement_speaks_for_what_follows() -> None:
    text = "Pyongyang, June 2 (KCNA) -- The joint statement says:\nThe DPRK and Russia held talks in Moscow on June 1."
    claim = _only(text, ClaimType.MEETING, published="2024-06-02")
    assert [a.name for a in claim.attributions] == ["The joint statement"]


def test_claims_a_year_is_not_a_quantity_and_an_estimate_is_not_a_source() -> None:
    claim = _only(
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


def test_claims_a_mention_whose_parties_the_other_names_is_the_same_event() -> None:
    text = (
        "Iran has reportedly sent Russia 400 ballistic missiles since January, enough to "
        "strike cities hundreds of miles inside Ukraine, with further missile shipments from "
        "Iran potentially underway."
    )
    claim = _only(text, ClaimType.ARMS_TRANSFER)
    assert (claim.source_codes, claim.target_codes) == (("IR",), ("RU",))


@pytest.mark.parametrize(
    "text",
    [
        "North Korea sold shells to Russia in 2023. Washington vowed sanctions on everyone "
        "involved in those arms deals.",
        "North Korea sold shells to Russia in 2023. Such arms sales worry Seoul.",
    ],
    ids=["those", "such"],
)
def test_claims_a_demonstrative_points_back_even_with_a_state_named(text: str) -> None:
    arms = [c for c in extract_claims(text) if c.type == ClaimType.ARMS_TRANSFER]
    assert [c.trigger.text for c in arms] == ["sold shells"]


def test_claims_a_definite_meeting_used_as_a_date_is_a_back_reference() -> None:
    text = (
        "North Korea sent workers to Russia following the September summit between Russia "
        "and North Korea."
    )
    assert [c.type for c in extract_claims(text)] == [ClaimType.LABOR_DISPATCH]


def test_claims_an_indefinite_dated_meeting_is_a_new_event() -> None:
    text = "Following a September 2023 summit between Russia and North Korea, shells moved."
    claim = _only(text, ClaimType.MEETING)
    assert claim.time is not None and claim.time.start == "2023-09"


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
def test_claims_the_document_topic_fills_the_side_left_empty(
    text: str, claim_type: ClaimType, sources: tuple[str, ...], targets: tuple[str, ...]
) -> None:
    claim = [c for c in extract_claims(text) if c.type == claim_type][-1]
    assert (claim.source_codes, claim.target_codes) == (sources, targets)
    assert any("coref:document-topic" in rule for rule in claim.rules)


@pytest.mark.parametrize(
    "text",
    [
        "Angola repatriated almost 300 North Korean workers in early 2020.",
        "Seoul admitted 13 defectors, North Korean restaurant workers who arrived in April.",
        "For Russia, the idea of employing North Korean workers has merit, Lim said.",
        "Lazarus has the capability to steal cryptoassets from any exchange.",
        "Sanctions by Japan translate into freezing assets of North Korean firms.",
    ],
    ids=["repatriated", "defectors", "idea-of", "capability", "translate-into"],
)
def test_claims_ending_imagining_or_defining_an_event_is_no_claim(text: str) -> None:
    assert extract_claims(text) == []


def test_claims_a_number_in_another_clause_counts_something_else() -> None:
    text = (
        "Russia fired 50 North Korean missiles in Ukraine, which Washington tied to new "
        "sanctions on North Korean arms sales."
    )
    quantities = {c.trigger.text: c.quantity for c in extract_claims(text)}
    assert quantities["arms sales"] is None
    fired = quantities["fired 50 North Korean missiles"]
    assert fired is not None and fired.low == 50


@pytest.mark.parametrize(
    "text",
    [
        "North Korea's launch was met with new sanctions by Japan.",
        "Both sides pledged to implement the agreements reached at the Russia-North Korea summit.",
        "Leaders of Japan and South Korea are discussing ways to keep the momentum.",
    ],
    ids=["met-with", "implementing", "discussing-ways"],
)
def test_claims_words_that_only_look_like_a_meeting(text: str) -> None:
    assert ClaimType.MEETING not in {c.type for c in extract_claims(text)}


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
def test_claims_a_state_named_beside_a_meeting_is_no_participant(
    text: str, participants: tuple[str, ...]
) -> None:
    claim = _only(text, ClaimType.MEETING)
    assert set(claim.source_codes) == set(participants)


def test_claims_a_counted_group_stands_for_the_states_named_before() -> None:
    text = (
        "China sells Russia machine tools. Iran has sent drones. North Korea has sent "
        "shells. Combined, the three have supplied Russia with arms."
    )
    claim = [c for c in extract_claims(text) if c.type == ClaimType.ARMS_TRANSFER][-1]
    assert set(claim.source_codes) == {"CN", "IR", "KP"}
    assert claim.target_codes == ("RU",)
    assert all(rule == "source:coref:group" for rule in claim.rules if "coref:group" in rule)


def test_claims_a_counted_noun_is_no_group() -> None:
    text = "China sells Russia machine tools. The three companies supplied Russia with arms."
    claim = _only(text, ClaimType.ARMS_TRANSFER)
    assert (claim.source_codes, claim.target_codes) == ((), ("RU",))


def test_claims_a_list_after_including_is_part_of_the_event() -> None:
    text = (
        "Russia and North Korea agreed to hold more dialogues between the foreign ministries "
        "of the two countries, including the ministerial strategic dialogue."
    )
    claim = _only(text, ClaimType.MEETING)
    assert claim.modality == Modality.PLANNED


def test_claims_the_stolen_funds_of_one_theft_are_an_event() -> None:
    text = (
        "North Korea denies it. Hackers linked to North Korea stole $300 million from an "
        "exchange in May, North Korea watchers say. Within hours of the theft, the stolen "
        "funds were sent to 40 wallets."
    )
    flows = [c for c in extract_claims(text) if c.type == ClaimType.FINANCIAL_FLOW]
    assert [c.trigger.text for c in flows][-1] == "funds were sent"


def test_claims_laundering_in_general_is_no_event() -> None:
    text = "North Korea is isolated. Moving funds to other blockchains hides them from police."
    assert extract_claims(text) == []


def test_claims_a_dollar_amount_leads_a_money_moved_trigger() -> None:
    text = (
        "North Korea denies it. North Korea's hackers emptied the exchange, North Korea "
        "watchers say. By March, 10% of the loot (now worth $195 million) had been moved to "
        "new wallets."
    )
    flows = [
        c for c in extract_claims(text, published="2025-03") if c.type == ClaimType.FINANCIAL_FLOW
    ]
    assert flows and flows[-1].quantity is not None and flows[-1].quantity.low == 195_000_000


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
def test_claims_meeting_participants_named_far_or_counted(
    text: str, participants: set[str]
) -> None:
    claim = _only(text, ClaimType.MEETING)
    assert set(claim.source_codes) == participants


def test_claims_a_meeting_named_to_date_something_else_is_no_new_meeting() -> None:
    text = (
        "Prior to the strategic dialogue between Russia and North Korea, the two ministers "
        "laid flowers."
    )
    assert ClaimType.MEETING not in {c.type for c in extract_claims(text)}


def test_claims_a_point_back_to_a_dated_theft_takes_its_date() -> None:
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
def test_claims_a_date_modifying_a_noun(text: str, start: str | None) -> None:
    claim = next(
        c for c in extract_claims(text, published="2024-05") if c.type != ClaimType.MEETING
    )
    assert (claim.time.start if claim.time else None) == start


def test_claims_the_proceeds_of_a_told_theft_keep_its_victim() -> None:
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
def test_claims_attribution_forms(text: str, names: list[str]) -> None:
    claim = extract_claims(text, published="2024-03")[0]
    assert [a.name for a in claim.attributions] == names


def test_claims_a_source_speaks_for_its_that_clause_only() -> None:
    text = (
        "The UN Security Council adopted resolutions to block North Korean nationals from "
        "working abroad as the council has determined that Pyongyang channels their foreign "
        "currency earnings to its weapons programs."
    )
    claims = {c.type: c for c in extract_claims(text)}
    assert claims[ClaimType.SANCTIONS_ACTION].attributions == ()
    assert [a.name for a in claims[ClaimType.FINANCIAL_FLOW].attributions] == ["the council"]


def test_claims_an_opening_while_clause_keeps_its_own_source() -> None:
    text = (
        "While Russian officials have denied any arms deals with North Korea, Ukrainian "
        "intelligence says North Korean shells reached Russia in 2023."
    )
    by_modality = {c.modality: c for c in extract_claims(text) if c.type == ClaimType.ARMS_TRANSFER}
    assert [a.name for a in by_modality[Modality.DENIED].attributions] == ["Russian officials"]


@pytest.mark.parametrize(
    ("text", "sources", "targets"),
    [
        (
            "About $24 million of North Korean funds was frozen at Macau's Banco Delta Asia.",
            (),
            ("KP",),
        ),
        (
            "There is scope for the European Union to adopt new sanctions on North Korea.",
            ("EU",),
            ("KP",),
        ),
        (
            "The European Union is considering additional measures against North Korea "
            "following the approval of new sanctions by the U.N. Security Council.",
            ("EU",),
            ("KP",),
        ),
        (
            "Resolution 2397 called on member states to expel North Korean workers.",
            ("UN",),
            ("KP",),
        ),
    ],
    ids=["passive-frozen", "scope-for-x-to", "another-events-agent", "numbered-resolution"],
)
def test_claims_sanctions_roles(
    text: str, sources: tuple[str, ...], targets: tuple[str, ...]
) -> None:
    claim = next(c for c in extract_claims(text) if c.type == ClaimType.SANCTIONS_ACTION)
    assert (claim.source_codes, claim.target_codes) == (sources, targets)
    assert all(span.is_grounded_in(text) for span in claim.spans())


@pytest.mark.parametrize(
    ("text", "claim_type"),
    [
        (
            "North Korea's embassy in Berlin was used to acquire missile and nuclear-related "
            "technologies.",
            ClaimType.TECH_TRANSFER,
        ),
        (
            "In Moscow, a North Korean diplomat sought to procure a range of goods for North "
            "Korea's missile programmes.",
            ClaimType.TECH_TRANSFER,
        ),
    ],
    ids=["technology-is-the-head", "goods-for-missiles-are-technology"],
)
def test_claims_the_head_of_the_item_decides_the_type(text: str, claim_type: ClaimType) -> None:
    assert [c.type for c in extract_claims(text)] == [claim_type]


def test_claims_a_trigger_inside_the_cited_source_is_no_claim() -> None:
    text = (
        "North Korea's hackers hit the exchange in May. The investigation into the hack "
        "confirmed that North Korea had no insider."
    )
    assert all("investigation" not in c.evidence.text for c in extract_claims(text))


def test_claims_a_gap_does_not_cross_a_dash() -> None:
    text = (
        "North Korean diplomats are involved in fund-raising and – given that the revenue "
        "helps North Korea – in proliferation."
    )
    assert extract_claims(text) == []


def test_claims_bought_for_a_state_makes_it_the_recipient() -> None:
    text = "An embassy in Europe was used to acquire missile technologies for North Korea."
    claim = _only(text, ClaimType.TECH_TRANSFER)
    assert claim.target_codes == ("KP",)


@pytest.mark.parametrize(
    "text",
    [
        "Japan and South Korea are meeting the challenges posed by North Korea together.",
        "Japan and South Korea should seize the opportunity to press North Korea.",
        "The defector said his hands would seize up in the cold of North Korea.",
        "Examination of seized goods bound for North Korea helps customs officers.",
        "The study draws on indictments, designations and press releases about North Korea.",
    ],
    ids=["meeting-challenges", "seize-the-opportunity", "seize-up", "seized-goods", "indictments"],
)
def test_claims_idioms_that_look_like_triggers(text: str) -> None:
    assert extract_claims(text) == []


def test_claims_an_indictment_of_people_is_an_action() -> None:
    text = "The U.S. announced the indictment of 14 North Korean IT workers on Thursday."
    assert [c.type for c in extract_claims(text, published="2024-12")] == [
        ClaimType.SANCTIONS_ACTION
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Table 2 summarises the transfers of missiles from North Korea to Iran.",
        "Chapter IV describes how North Korea procured missile technology from China.",
        "J. Smith, “Exchange Gets Back $5 Million Stolen by North Korean Hackers”, Crypto "
        "Daily, 9 June 2024.",
    ],
    ids=["table", "chapter", "reference-entry"],
)
def test_claims_a_reports_apparatus_states_nothing(text: str) -> None:
    assert extract_claims(text) == []


def test_claims_an_opening_if_clause_is_a_supposition() -> None:
    text = (
        "If Russia, a permanent member, is seen to use North Korean missiles in Ukraine, "
        "other states may buy them too."
    )
    assert ClaimType.ARMS_TRANSFER not in {c.type for c in extract_claims(text)}


def test_claims_a_trailing_condition_still_reports_the_claim() -> None:
    text = "The aid will grow if claims about Chinese plans to send weapons to Russia hold."
    claim = _only(text, ClaimType.ARMS_TRANSFER)
    assert (claim.source_codes, claim.target_codes) == (("CN",), ("RU",))


@pytest.mark.parametrize(
    "text",
    [
        "UNSCR 1695 required all states to prevent the transfer of missile technology to "
        "North Korea.",
        "They work in IT centres, in violation of the UN sanctions banning the use of North "
        "Korean labour.",
    ],
    ids=["to-prevent", "banning-the-use"],
)
def test_claims_what_the_law_bans_is_not_an_event(text: str) -> None:
    assert [c.type for c in extract_claims(text)] == []


def test_claims_an_acronym_modifies_technology() -> None:
    text = "Russia transferred missile and WMD technology to North Korea in 2024."
    claim = _only(text, ClaimType.TECH_TRANSFER)
    assert claim.item is not None and claim.item.value == "missile and WMD technology"


def test_claims_not_believing_negates_the_complement() -> None:
    text = "At this time, we do not believe that Iran has delivered ballistic missiles to Russia."
    assert _only(text, ClaimType.ARMS_TRANSFER).modality == Modality.NEGATED


@pytest.mark.parametrize(
    "text",
    [
        "Since 2006 a catch-all provision on the transfer of any technology to North Korea "
        "has applied.",
        "All members shall prevent any transfers of missile technology to North Korea.",
        "What is the reaction to Pyongyang supplying missiles to Russia?",
        "Russia owns the sanctioned SPARTA IV, a vessel that moved equipment from Syria.",
        "A firm in the U.S. published a report on the laundering methods of North Korea.",
        "Congress in the U.S. meets this moment by helping Ukraine.",
    ],
    ids=[
        "provision-on",
        "shall",
        "question",
        "sanctioned-adjective",
        "laundering-methods",
        "meets-this-moment",
    ],
)
def test_claims_law_text_questions_and_adjectives_state_no_event(text: str) -> None:
    assert extract_claims(text) == []


def test_claims_sanctioned_a_named_person_is_an_action() -> None:
    claim = _only(
        "OFAC sanctioned Song Kum Hyok, a North Korean hacker.", ClaimType.SANCTIONS_ACTION
    )
    assert claim.source_codes == ("US",)


def test_claims_he_opening_a_sentence_is_the_person_last_named() -> None:
    text = (
        "Kim Jong Un received a Russian delegation on Monday. He had a talk with the "
        "vice-minister of defence of the Russian Federation."
    )
    meetings = [c for c in extract_claims(text) if c.type == ClaimType.MEETING]
    assert set(meetings[-1].source_codes) == {"KP", "RU"}
    assert "source:coref:pronoun" in meetings[-1].rules


def test_claims_trilateral_counts_three_parties() -> None:
    text = (
        "Japan, South Korea and the United States issued a statement. We applaud the first "
        "trilateral meeting between our finance ministries."
    )
    meeting = [c for c in extract_claims(text) if c.type == ClaimType.MEETING][-1]
    assert set(meeting.source_codes) == {"JP", "KR", "US"}


def test_claims_the_funds_of_a_told_theft_are_an_event() -> None:
    text = (
        "North Korea denies it. North Korean hackers stole $100 million from a Singaporean "
        "exchange in May, North Korea watchers say. Once moved out of the wallets, the funds "
        "are being laundered through mixers."
    )
    flows = [
        c for c in extract_claims(text, published="2025-06") if c.type == ClaimType.FINANCIAL_FLOW
    ]
    assert len(flows) == 2 and flows[-1].source_codes == ("SG",)


def test_claims_a_possessor_names_who_gives_assistance() -> None:
    text = "The issue of Russia's spy satellite technology assistance is surmised to matter."
    claim = _only(text, ClaimType.TECH_TRANSFER)
    assert claim.source_codes == ("RU",) and claim.modality == Modality.UNCERTAIN


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("Experts describe North Korea's clandestine nuclear procurement in China.", ("CN",)),
        (
            "In 2011, North Korean agents were caught procuring missile technology in Ukraine.",
            ("UA",),
        ),
    ],
    ids=["procurement-in", "procuring-in"],
)
def test_claims_where_a_state_buys_is_where_it_comes_from(
    text: str, sources: tuple[str, ...]
) -> None:
    claim = _only(text, ClaimType.TECH_TRANSFER)
    assert claim.source_codes == sources and claim.target_codes == ("KP",)


@pytest.mark.parametrize(
    "text",
    [
        "So, what I’ll say about North Korea is what we have said: we fear North Korea "
        "selling weapons to Russia.",
        "An analysis published on 15 April 2025 indicates that North Korea sent shells to Russia.",
    ],
    ids=["clauses-are-no-name", "a-date-is-no-name"],
)
def test_claims_phrases_that_are_no_source_names(text: str) -> None:
    claim = _only(text, ClaimType.ARMS_TRANSFER)
    assert all(
        a.name not in {"I’ll", "North Korea is what we", "April 2025"} for a in claim.attributions
    )


def test_claims_a_sources_list_is_apparatus() -> None:
    text = (
        "Sources: J. Doe, “Hackers Stole $600 Million From North Korea's Victims”, Crypto "
        "Daily, 15 September 2023; K. Roe, “Funds Sent to North Korea”, Chain News."
    )
    assert extract_claims(text) == []


def test_claims_a_gerunds_subject_is_its_agent_after_a_preposition() -> None:
    text = "Seoul has to respond to North Korea sending troops to Russia."
    claim = _only(text, ClaimType.TROOP_DEPLOYMENT)
    assert (claim.source_codes, claim.target_codes) == (("KP",), ("RU",))


@pytest.mark.parametrize(
    "text",
    [
        "Because of our sanctions and export controls, Russia looks for help in North Korea.",
        "The machine tool cases discussed above involve North Korea and Russia.",
    ],
    ids=["export-controls", "discussed-above"],
)
def test_claims_words_of_the_writer_not_the_event(text: str) -> None:
    assert extract_claims(text) == []


def test_claims_long_reported_keeps_the_source_whole() -> None:
    text = (
        "Western intelligence agencies have long reported that North Korea sent troops to Russia."
    )
    claim = _only(text, ClaimType.TROOP_DEPLOYMENT)
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
def test_claims_calls_scope_and_investigations(text: str, modality: Modality) -> None:
    claims = [c for c in extract_claims(text) if c.type != ClaimType.MEETING]
    assert [c.modality for c in claims] == [modality]


def test_claims_casualties_are_not_the_size_of_a_deployment() -> None:
    text = "North Korea sent troops to Russia; more than 600 North Korean troops had been killed."
    deployments = [c for c in extract_claims(text) if c.type == ClaimType.TROOP_DEPLOYMENT]
    assert deployments and all(c.quantity is None for c in deployments)


def test_claims_an_amount_in_the_main_clause_is_not_the_subordinate_clauses() -> None:
    text = (
        "About $24 million of North Korean funds was frozen in Macau after the U.S. Treasury "
        "accused the bank of helping to channel earnings to North Korea."
    )
    flows = [c for c in extract_claims(text) if c.type == ClaimType.FINANCIAL_FLOW]
    assert flows and all(c.quantity is None for c in flows)


def test_claims_a_caption_line_inside_a_block_is_apparatus() -> None:
    text = "chart image\n▲ Figure 2: Russia's and Iran's oil exports to China, 2016–2025."
    assert extract_claims(text) == []


def test_claims_sanctions_evasion_is_no_sanctions_action() -> None:
    text = "Researchers study North Korea's sanctions evasion networks in Asia."
    assert ClaimType.SANCTIONS_ACTION not in {c.type for c in extract_claims(text)}


def test_claims_a_likelihood_weighed_is_uncertain() -> None:
    text = (
        "The authors assess the likelihood of North Korea selling its missile technology to Iran."
    )
    assert _only(text, ClaimType.TECH_TRANSFER).modality == Modality.UNCERTAIN


@pytest.mark.parametrize(
    "text",
    [
        "South Korea will strengthen supply chains of key products, including chips, with the U.S.",
        "Shipping, accelerated deployment of clean fuels and nuclear technology in South Korea.",
    ],
    ids=["supply-chains", "shipping-the-noun"],
)
def test_claims_nouns_that_share_a_sending_verbs_spelling(text: str) -> None:
    assert extract_claims(text) == []


def test_claims_a_sanctions_deadline_does_not_date_the_action() -> None:
    text = "Resolution 2397 called on member states to repatriate North Korean workers by 2019."
    claim = _only(text, ClaimType.SANCTIONS_ACTION)
    assert claim.time is None


def test_claims_two_sanctioners_in_one_clause_are_two_measures() -> None:
    text = (
        "The European Union is considering additional measures against North Korea following "
        "the approval of harsh new sanctions by the U.N. Security Council."
    )
    sanctions = [c for c in extract_claims(text) if c.type == ClaimType.SANCTIONS_ACTION]
    assert sorted(c.source_codes for c in sanctions) == [("EU",), ("UN",)]


def test_claims_weapons_and_know_how_side_by_side_are_two_claims() -> None:
    text = (
        "North Korea expects Russia to provide advanced weapons systems and technological know-how."
    )
    assert sorted(c.type for c in extract_claims(text)) == [
        ClaimType.ARMS_TRANSFER,
        ClaimType.TECH_TRANSFER,
    ]


def test_claims_an_item_ending_in_technology_stays_one_claim() -> None:
    text = "China relies on Russian imports of advanced defense equipment and technologies."
    assert len([c for c in extract_claims(text) if c.type != ClaimType.TRADE]) == 1


def test_claims_a_consequence_imagined_is_no_claim() -> None:
    text = "Defence cooperation between Moscow and Beijing might lead to the proliferation of Russian weapons to Iran."
    assert ClaimType.ARMS_TRANSFER not in {c.type for c in extract_claims(text)}


def test_claims_military_cooperation_in_quotes_with_a_named_state() -> None:
    text = "The panel is investigating “attempts at military cooperation” between North Korea and Sudan."
    claim = _only(text, ClaimType.ARMS_TRANSFER)
    assert claim.source_codes == ("KP",) and claim.modality == Modality.UNCERTAIN


def test_claims_various_coordinated_states_share_a_role() -> None:
    text = "The panel is investigating military cooperation between North Korea and various Libyan authorities."
    claim = _only(text, ClaimType.ARMS_TRANSFER)
    assert (claim.source_codes, claim.target_codes) == (("KP",), ("LY",))


def test_claims_the_dprk_alone_in_a_sanctions_sentence_is_the_target() -> None:
    text = (
        "North Korea says North Korea will resist. North Korea condemned the hostile forces "
        "for imposing illegal and outrageous sanctions."
    )
    claim = _only(text, ClaimType.SANCTIONS_ACTION)
    assert (claim.source_codes, claim.target_codes) == ((), ("KP",))


def test_claims_a_ship_visiting_ports_is_no_meeting() -> None:
    text = "Tracking data showed the vessel visited Brazil and Panama in 2008."
    assert extract_claims(text) == []


def test_claims_identified_by_x_as_y_cites_x() -> None:
    text = (
        "According to shipment-level trade data, Russia exported goods to North Korea under "
        "codes identified by Project Anthracite as not relevant for CWA production."
    )
    claim = _only(text, ClaimType.TRADE)
    assert [a.name for a in claim.attributions] == [
        "shipment-level trade data",
        "Project Anthracite",
    ]


def test_claims_a_block_quote_speaks_only_for_itself() -> None:
    text = (
        "As the press release noted:\n\n> North Korea sent missiles to Russia in 2023.\n\n"
        "North Korea also sent shells to Russia in 2024."
    )
    claims = extract_claims(text, published="2024-06")
    assert [[a.name for a in c.attributions] for c in claims] == [["the press release"], []]


def test_claims_a_press_statement_in_running_text_speaks_to_the_end() -> None:
    text = (
        "The press statement says:\n\nNorth Korea and Russia held talks in Moscow.\n\n"
        "North Korea and Russia signed an agreement on cooperation."
    )
    claims = extract_claims(text)
    assert all([a.name for a in c.attributions] == ["The press statement"] for c in claims)
    assert len(claims) == 2


def test_claims_a_trigger_after_the_cited_source_is_still_found() -> None:
    text = "The Taiwanese exchange BitoPro claims North Korean hackers stole $11 million from it."
    claim = _only(text, ClaimType.FINANCIAL_FLOW, published="2025-06")
    assert claim.trigger.text.startswith("stole")
    assert [a.name for a in claim.attributions] == ["Taiwanese exchange BitoPro"]


def test_claims_a_noun_after_a_demonym_is_not_a_claim_verb() -> None:
    text = (
        "Nor has China ever recognized Russian claims to Crimea, though China sold arms to Russia."
    )
    claim = _only(text, ClaimType.ARMS_TRANSFER)
    assert claim.attributions == ()


@pytest.mark.parametrize(
    "text",
    [
        "Recommendation 7: Consider offering alternatives to North Korean missile technology.",
        "We will continue to call on North Korea to abide by its pledge not to supply weapons "
        "to Russia.",
        "The paper provides background on North Korean actors' use of mixers to launder "
        "stolen cryptocurrency.",
        "Furthermore, sanctioned actors exploiting crypto assets in North Korea worsen it.",
    ],
    ids=["recommendation", "call-on-to", "self-description", "sanctioned-actors"],
)
def test_claims_recommendations_appeals_and_self_descriptions(text: str) -> None:
    assert extract_claims(text) == []


def test_claims_a_resolution_calling_on_states_is_still_an_action() -> None:
    text = "Resolution 2397 called on UN member states to repatriate North Korean nationals."
    assert [c.type for c in extract_claims(text)] == [ClaimType.SANCTIONS_ACTION]


@pytest.mark.parametrize(
    "text",
    [
        "North Korea's Yongbyon reactor used a simple design, requiring little imported technology.",
        "Khan's network worried about the transferred technologies reaching North Korea.",
    ],
    ids=["little-imported", "the-transferred"],
)
def test_claims_a_participle_naming_a_kind_is_no_event(text: str) -> None:
    assert ClaimType.TECH_TRANSFER not in {c.type for c in extract_claims(text)}


def test_claims_a_participle_as_a_verb_is_still_an_event() -> None:
    claim = _only("North Korea imported technology from China in 2019.", ClaimType.TECH_TRANSFER)
    assert claim.source_codes == ("CN",)
