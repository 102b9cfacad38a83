"""Which mentions become claims (extract/selection.py), on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctionwatch import extract_claims
from sanctionwatch.domain import Claim, ClaimType, Modality


def test_selection_a_mention_whose_parties_the_other_names_is_the_same_event(
    only: Callable[..., Claim],
) -> None:
    text = (
        "Iran has reportedly sent Russia 400 ballistic missiles since January, enough to "
        "strike cities hundreds of miles inside Ukraine, with further missile shipments from "
        "Iran potentially underway."
    )
    claim = only(text, ClaimType.ARMS_TRANSFER)
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
def test_selection_a_demonstrative_points_back_even_with_a_state_named(text: str) -> None:
    arms = [c for c in extract_claims(text) if c.type == ClaimType.ARMS_TRANSFER]
    assert [c.trigger.text for c in arms] == ["sold shells"]


def test_selection_a_definite_meeting_used_as_a_date_is_a_back_reference() -> None:
    text = (
        "North Korea sent workers to Russia following the September summit between Russia "
        "and North Korea."
    )
    assert [c.type for c in extract_claims(text)] == [ClaimType.LABOR_DISPATCH]


def test_selection_an_indefinite_dated_meeting_is_a_new_event(only: Callable[..., Claim]) -> None:
    text = "Following a September 2023 summit between Russia and North Korea, shells moved."
    claim = only(text, ClaimType.MEETING)
    assert claim.time is not None and claim.time.start == "2023-09"


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
def test_selection_ending_imagining_or_defining_an_event_is_no_claim(text: str) -> None:
    assert extract_claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "North Korea's launch was met with new sanctions by Japan.",
        "Both sides pledged to implement the agreements reached at the Russia-North Korea summit.",
        "Leaders of Japan and South Korea are discussing ways to keep the momentum.",
    ],
    ids=["met-with", "implementing", "discussing-ways"],
)
def test_selection_words_that_only_look_like_a_meeting(text: str) -> None:
    assert ClaimType.MEETING not in {c.type for c in extract_claims(text)}


def test_selection_a_list_after_including_is_part_of_the_event(only: Callable[..., Claim]) -> None:
    text = (
        "Russia and North Korea agreed to hold more dialogues between the foreign ministries "
        "of the two countries, including the ministerial strategic dialogue."
    )
    claim = only(text, ClaimType.MEETING)
    assert claim.modality == Modality.PLANNED


def test_selection_the_stolen_funds_of_one_theft_are_an_event() -> None:
    text = (
        "North Korea denies it. Hackers linked to North Korea stole $300 million from an "
        "exchange in May, North Korea watchers say. Within hours of the theft, the stolen "
        "funds were sent to 40 wallets."
    )
    flows = [c for c in extract_claims(text) if c.type == ClaimType.FINANCIAL_FLOW]
    assert [c.trigger.text for c in flows][-1] == "funds were sent"


def test_selection_laundering_in_general_is_no_event() -> None:
    text = "North Korea is isolated. Moving funds to other blockchains hides them from police."
    assert extract_claims(text) == []


def test_selection_a_dollar_amount_leads_a_money_moved_trigger() -> None:
    text = (
        "North Korea denies it. North Korea's hackers emptied the exchange, North Korea "
        "watchers say. By March, 10% of the loot (now worth $195 million) had been moved to "
        "new wallets."
    )
    flows = [
        c for c in extract_claims(text, published="2025-03") if c.type == ClaimType.FINANCIAL_FLOW
    ]
    assert flows and flows[-1].quantity is not None and flows[-1].quantity.low == 195_000_000


def test_selection_a_meeting_named_to_date_something_else_is_no_new_meeting() -> None:
    text = (
        "Prior to the strategic dialogue between Russia and North Korea, the two ministers "
        "laid flowers."
    )
    assert ClaimType.MEETING not in {c.type for c in extract_claims(text)}


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
def test_selection_the_head_of_the_item_decides_the_type(text: str, claim_type: ClaimType) -> None:
    assert [c.type for c in extract_claims(text)] == [claim_type]


def test_selection_a_trigger_inside_the_cited_source_is_no_claim() -> None:
    text = (
        "North Korea's hackers stole $100 million from the exchange in May. The investigation "
        "into the hack confirmed that North Korea had no insider."
    )
    claims = extract_claims(text, published="2025-06")
    assert [c.trigger.text for c in claims] == ["stole $100 million"]
    assert all("investigation" not in c.evidence.text for c in claims)


def test_selection_a_gap_does_not_cross_a_dash() -> None:
    text = (
        "North Korean diplomats are involved in fund-raising and – given that the revenue "
        "helps North Korea – in proliferation."
    )
    assert extract_claims(text) == []


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
def test_selection_idioms_that_look_like_triggers(text: str) -> None:
    assert extract_claims(text) == []


def test_selection_an_indictment_of_people_is_an_action() -> None:
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
def test_selection_a_reports_apparatus_states_nothing(text: str) -> None:
    assert extract_claims(text) == []


def test_selection_an_opening_if_clause_is_a_supposition() -> None:
    text = (
        "If Russia, a permanent member, is seen to use North Korean missiles in Ukraine, "
        "other states may buy them too."
    )
    assert ClaimType.ARMS_TRANSFER not in {c.type for c in extract_claims(text)}


def test_selection_a_trailing_condition_still_reports_the_claim(only: Callable[..., Claim]) -> None:
    text = "The aid will grow if claims about Chinese plans to send weapons to Russia hold."
    claim = only(text, ClaimType.ARMS_TRANSFER)
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
def test_selection_what_the_law_bans_is_not_an_event(text: str) -> None:
    assert [c.type for c in extract_claims(text)] == []


def test_selection_an_acronym_modifies_technology(only: Callable[..., Claim]) -> None:
    text = "Russia transferred missile and WMD technology to North Korea in 2024."
    claim = only(text, ClaimType.TECH_TRANSFER)
    assert claim.item is not None and claim.item.value == "missile and WMD technology"


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
def test_selection_law_text_questions_and_adjectives_state_no_event(text: str) -> None:
    assert extract_claims(text) == []


def test_selection_sanctioned_a_named_person_is_an_action(only: Callable[..., Claim]) -> None:
    claim = only(
        "OFAC sanctioned Song Kum Hyok, a North Korean hacker.", ClaimType.SANCTIONS_ACTION
    )
    assert claim.source_codes == ("US",)


def test_selection_a_sources_list_is_apparatus() -> None:
    text = (
        "Sources: J. Doe, “Hackers Stole $600 Million From North Korea's Victims”, Crypto "
        "Daily, 15 September 2023; K. Roe, “Funds Sent to North Korea”, Chain News."
    )
    assert extract_claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Because of our sanctions and export controls, Russia looks for help in North Korea.",
        "The machine tool cases discussed above involve North Korea and Russia.",
    ],
    ids=["export-controls", "discussed-above"],
)
def test_selection_words_of_the_writer_not_the_event(text: str) -> None:
    assert extract_claims(text) == []


def test_selection_a_caption_line_inside_a_block_is_apparatus() -> None:
    text = "chart image\n▲ Figure 2: Russia's and Iran's oil exports to China, 2016–2025."
    assert extract_claims(text) == []


def test_selection_sanctions_evasion_is_no_sanctions_action() -> None:
    text = "Researchers study North Korea's sanctions evasion networks in Asia."
    assert ClaimType.SANCTIONS_ACTION not in {c.type for c in extract_claims(text)}


@pytest.mark.parametrize(
    "text",
    [
        "South Korea will strengthen supply chains of key products, including chips, with the U.S.",
        "Shipping, accelerated deployment of clean fuels and nuclear technology in South Korea.",
    ],
    ids=["supply-chains", "shipping-the-noun"],
)
def test_selection_nouns_that_share_a_sending_verbs_spelling(text: str) -> None:
    assert extract_claims(text) == []


def test_selection_two_sanctioners_in_one_clause_are_two_measures() -> None:
    text = (
        "The European Union is considering additional measures against North Korea following "
        "the approval of harsh new sanctions by the U.N. Security Council."
    )
    sanctions = [c for c in extract_claims(text) if c.type == ClaimType.SANCTIONS_ACTION]
    assert sorted(c.source_codes for c in sanctions) == [("EU",), ("UN",)]


def test_selection_weapons_and_know_how_side_by_side_are_two_claims() -> None:
    text = (
        "North Korea expects Russia to provide advanced weapons systems and technological know-how."
    )
    assert sorted(c.type for c in extract_claims(text)) == [
        ClaimType.ARMS_TRANSFER,
        ClaimType.TECH_TRANSFER,
    ]


def test_selection_an_item_ending_in_technology_stays_one_claim() -> None:
    text = "China relies on Russian imports of advanced defense equipment and technologies."
    assert len([c for c in extract_claims(text) if c.type != ClaimType.TRADE]) == 1


def test_selection_a_consequence_imagined_is_no_claim() -> None:
    text = "Defence cooperation between Moscow and Beijing might lead to the proliferation of Russian weapons to Iran."
    assert ClaimType.ARMS_TRANSFER not in {c.type for c in extract_claims(text)}


def test_selection_military_cooperation_in_quotes_with_a_named_state(
    only: Callable[..., Claim],
) -> None:
    text = "The panel is investigating “attempts at military cooperation” between North Korea and Sudan."
    claim = only(text, ClaimType.ARMS_TRANSFER)
    assert claim.source_codes == ("KP",) and claim.modality == Modality.UNCERTAIN


def test_selection_a_ship_visiting_ports_is_no_meeting() -> None:
    text = "Tracking data showed the vessel visited Brazil and Panama in 2008."
    assert extract_claims(text) == []


def test_selection_a_trigger_after_the_cited_source_is_still_found(
    only: Callable[..., Claim],
) -> None:
    text = "The Taiwanese exchange BitoPro claims North Korean hackers stole $11 million from it."
    claim = only(text, ClaimType.FINANCIAL_FLOW, published="2025-06")
    assert claim.trigger.text.startswith("stole")
    assert [a.name for a in claim.attributions] == ["Taiwanese exchange BitoPro"]


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
def test_selection_recommendations_appeals_and_self_descriptions(text: str) -> None:
    assert extract_claims(text) == []


def test_selection_a_resolution_calling_on_states_is_still_an_action() -> None:
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
def test_selection_a_participle_naming_a_kind_is_no_event(text: str) -> None:
    assert ClaimType.TECH_TRANSFER not in {c.type for c in extract_claims(text)}


def test_selection_a_participle_as_a_verb_is_still_an_event(only: Callable[..., Claim]) -> None:
    claim = only("North Korea imported technology from China in 2019.", ClaimType.TECH_TRANSFER)
    assert claim.source_codes == ("CN",)


@pytest.mark.parametrize(
    "text",
    [
        "To seize assets, authorities in South Korea typically partner with a provider.",
        "If you can seize cars in North Korea, you can seize crypto.",
        "Russia has shown a greater willingness than China to exercise its veto powers over "
        "North Korea.",
        "The designated authority in Japan may lack the resources to trace North Korean hackers.",
    ],
    ids=["to-seize", "can-seize", "veto-powers", "designated-authority"],
)
def test_selection_sanctions_words_that_name_no_measure(text: str) -> None:
    assert ClaimType.SANCTIONS_ACTION not in {c.type for c in extract_claims(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Japan prohibited imports from North Korea in 2006.",
        "The U.S. moved to seize the North Korean ship in 2019.",
        "The Treasury designated three North Korean banks in 2016.",
    ],
    ids=["prohibited", "moved-to-seize", "designated"],
)
def test_selection_sanctions_verbs_still_name_measures(text: str) -> None:
    assert [c.type for c in extract_claims(text, published="2024-01")] == [
        ClaimType.SANCTIONS_ACTION
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. delivers lifesaving humanitarian assistance to Ukraine and Israel.",
        "We commit to continue providing assistance to Ukraine.",
        "Other states seek to prevent technology leaking out to North Korea.",
    ],
    ids=["humanitarian-assistance", "bare-assistance", "seek-to-prevent"],
)
def test_selection_assistance_and_seeking_that_transfer_no_technology(text: str) -> None:
    assert extract_claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia has provided critical assistance to Pyongyang's nuclear and missile programs.",
        "North Korea sought technology from Russia in 2023.",
    ],
    ids=["assistance-to-programs", "sought-technology"],
)
def test_selection_assistance_to_programmes_is_technology(text: str) -> None:
    assert [c.type for c in extract_claims(text, published="2024-01")] == [ClaimType.TECH_TRANSFER]


def test_selection_two_events_of_one_type_in_one_clause_run_split_their_evidence() -> None:
    from sanctionwatch import extract_claims
    from sanctionwatch.domain import ClaimType

    text = (
        "Kim Jong Un met Chinese President Xi Jinping in Beijing in March and an announcement "
        "said that the North Korean leader would meet South Korean President Moon Jae-in."
    )
    meetings = sorted(
        (c for c in extract_claims(text, published="2018-04-01") if c.type is ClaimType.MEETING),
        key=lambda c: c.trigger.start,
    )
    assert len(meetings) == 2
    first, second = meetings
    assert first.evidence.end <= second.evidence.start
    assert "Xi" in first.evidence.text and "Moon" in second.evidence.text


def test_selection_two_flows_the_opposite_way_in_one_clause_are_two_events() -> None:
    from sanctionwatch import extract_claims

    text = "For years North Korea used such tankers to import oil and export coal."
    trades = [c for c in extract_claims(text) if c.type is ClaimType.TRADE]
    assert sorted(c.trigger.text for c in trades) == ["export coal", "import oil"]
    same_way = "North Korea sent shells to Russia and delivered more shells in May."
    assert len([c for c in extract_claims(same_way) if c.type is ClaimType.ARMS_TRANSFER]) == 1
