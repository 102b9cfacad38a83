"""Trigger lemmas, their arguments and the participants' places, on sentences written here."""

from __future__ import annotations

import pytest

from sanctionwatch import extract_claims
from sanctionwatch.domain import ClaimType
from sanctionwatch.extract.grammar import (
    grammar_candidates,
    has_trigger_word,
    load_lemmas,
    load_parser,
    syntax_features,
)


def _candidates(text: str) -> list[tuple[str, ClaimType, str]]:
    doc = load_parser()(text)
    return [
        (text[c.trigger[0] : c.trigger[1]], c.type, c.voice)
        for c in grammar_candidates(doc, 0, load_lemmas())
    ]


def test_grammar_every_inflection_of_a_lemma_is_a_trigger_word() -> None:
    lemmas = load_lemmas()
    for text in ("It shipped.", "It ships.", "It was shipping.", "Two shipments.", "They stole."):
        assert has_trigger_word(text, lemmas), text
    assert not has_trigger_word("The weather was warm today.", lemmas)


@pytest.mark.parametrize(
    ("text", "trigger", "claim_type", "voice"),
    [
        (
            "Pyongyang supplied artillery shells to Moscow.",
            "supplied",
            ClaimType.ARMS_TRANSFER,
            "agent",
        ),
        ("Moscow acquired drones from Tehran.", "acquired", ClaimType.ARMS_TRANSFER, "recipient"),
        ("Shells were delivered by rail.", "delivered", ClaimType.ARMS_TRANSFER, "item_first"),
        ("The shipment of coal reached the port.", "shipment", ClaimType.TRADE, "nominal"),
        ("Hackers laundered the stolen funds.", "laundered", ClaimType.FINANCIAL_FLOW, "recipient"),
        ("The ministers signed a treaty.", "signed", ClaimType.AGREEMENT, "parties"),
    ],
    ids=["give-arms", "get-arms", "passive", "nominal-trade", "launder", "sign"],
)
def test_grammar_a_lemma_and_its_item_give_type_and_voice(
    text: str, trigger: str, claim_type: ClaimType, voice: str
) -> None:
    assert (trigger, claim_type, voice) in _candidates(text)


def test_grammar_a_verb_of_giving_with_no_item_proposes_nothing() -> None:
    assert all(t != "gave" for t, _, _ in _candidates("The minister gave a speech."))


def test_grammar_a_noun_modifying_another_names_a_kind() -> None:
    assert all(t != "sanctions" for t, _, _ in _candidates("Experts study sanctions evasion."))


def test_grammar_syntax_features_name_the_relations() -> None:
    doc = load_parser()("Russia may not send troops.")
    send = next(t for t in doc if t.lower_ == "send")
    features = syntax_features(send)
    assert features["lemma"] == "send"
    assert features["modal"] == "may"
    assert features["neg"] == "1"


def test_grammar_participants_stand_in_the_subject_and_object() -> None:
    doc = load_parser()("Kim met Putin.")
    candidate = next(c for c in grammar_candidates(doc, 10, load_lemmas()) if c.voice == "parties")
    assert candidate.subject == (10, 13)
    assert candidate.object == (18, 23)


def test_grammar_verb_arguments_place_subject_recipient_and_origin() -> None:
    from sanctionwatch.extract.grammar import verb_arguments

    text = "Moscow has decided to buy shells from Pyongyang for its army."
    doc = load_parser()(text)
    arguments = verb_arguments(doc, 0, text.index("buy"))
    assert arguments is not None and arguments.subject is not None
    assert text[slice(*arguments.subject)] == "Moscow"  # the governing verb's subject
    assert [text[slice(*o)] for o in arguments.origins] == ["from Pyongyang"]


def test_grammar_an_item_another_trigger_governs_is_not_borrowed() -> None:
    text = "A rule on the transfer of technology applies."
    assert all(t != "rule" for t, _, _ in _candidates(text))
    triggers = {
        t for t, _, _ in _candidates("There were 27 shipments between the ports of munitions.")
    }
    assert "shipments" in triggers  # the sentence's kind of thing, marked as such


def test_grammar_meeting_parties_are_its_arguments() -> None:
    from sanctionwatch.extract import extract_claims

    text = "Officials from Japan and China will meet on Thursday to discuss North Korea's test."
    meetings = [c for c in extract_claims(text) if c.type.value == "meeting"]
    assert meetings and set(meetings[0].source_codes) == {"JP", "CN"}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("North Korea conducted its latest test of a ballistic missile on Saturday.", False),
        ("North Korea is acquiring the ability to launch missiles from submarines.", False),
        ("North Korea sent a shipment of missiles to Russia.", True),
    ],
    ids=["a-test", "a-capability", "a-consignment"],
)
def test_grammar_a_verb_acting_on_a_use_moves_no_weapons(text: str, kept: bool) -> None:
    """ "Conducted a test of a missile", "acquiring the ability to launch missiles": the
    verb acts on a use or a capability; only weapons that change hands are a transfer."""
    arms = [
        c for c in extract_claims(text, published="2016-04-25") if c.type.value == "arms_transfer"
    ]
    assert bool(arms) is kept


def test_grammar_a_lemma_lemminflect_does_not_know_is_inflected_by_its_rules() -> None:
    from sanctionwatch.extract.grammar import load_lemmas

    forms = load_lemmas().forms
    assert {"deregistered", "deregisters", "heists"} <= forms


def test_grammar_a_conjoined_item_of_another_kind_is_a_second_event() -> None:
    from sanctionwatch.extract.grammar import grammar_candidates, load_lemmas, parse_texts

    text = "Belarus supplied rifles and manpower to Russia."
    doc = parse_texts([text])[0]
    found = {(c.type, c.conjunct) for c in grammar_candidates(doc, 0, load_lemmas())}
    assert (ClaimType.ARMS_TRANSFER, False) in found
    assert (ClaimType.TROOP_DEPLOYMENT, True) in found


@pytest.mark.parametrize(
    ("text", "claim_type"),
    [
        # A perfect participle the parse hangs on a noun is still a finite verb.
        (
            "Syrian officials have long procured missile technology from North Korea.",
            ClaimType.TECH_TRANSFER,
        ),
        # A plea of guilty is a step of a prosecution.
        (
            "Two American brokers pleaded guilty to helping North Korea evade sanctions.",
            ClaimType.SANCTIONS_ACTION,
        ),
    ],
    ids=["perfect participle", "plea"],
)
def test_grammar_reports_an_event_of_its_type(text: str, claim_type: ClaimType) -> None:
    assert any(c.type is claim_type for c in extract_claims(text, published="2021-09-01"))


def test_grammar_the_subject_of_willing_is_who_would_talk() -> None:
    from sanctionwatch.extract.claims import propose_claims

    text = "Donald Trump said he is willing to talk to North Korean leader Kim Jong Un."
    meetings = [
        p.claim
        for _, ps in propose_claims(text).sentences
        for p in ps
        if p.claim.type is ClaimType.MEETING
    ]
    assert meetings and set(meetings[0].source_codes) == {"KP", "US"}


def test_grammar_a_form_the_parser_lemmatises_wrongly_still_finds_its_lemma() -> None:
    from sanctionwatch.extract.grammar import grammar_candidates, load_lemmas, parse_texts

    text = "The tankers, which were deregistered by Liberia, kept sailing to Russia."
    doc = parse_texts([text])[0]
    rules = {c.rule for c in grammar_candidates(doc, 0, load_lemmas())}
    assert "lemma:sanction:deregister:sanctions" in rules


def test_grammar_what_an_act_is_for_is_not_what_it_moves() -> None:
    from sanctionwatch.extract.claims import propose_claims

    text = "More than 3,000 troops that were dispatched to Russia for training crossed the border."
    rules = {
        p.claim.rules[0]
        for _, ps in propose_claims(text, published="2024-10-30").sentences
        for p in ps
    }
    assert "troops.item_first" in rules and "tech.send" not in rules  # not "sent ... training"


@pytest.mark.parametrize(
    ("text", "item", "kind"),
    [
        ("Pyongyang bought rocket engines from Ukraine.", "rocket", ClaimType.TECH_TRANSFER),
        ("Iran sold missile components to Syria.", "missile", ClaimType.TECH_TRANSFER),
        ("Moscow sent artillery shells to the front.", "artillery shells", None),
        ("Moscow sent artillery shells to the front.", "shells", None),
        ("Russia sold equipment and technology to Iran.", "equipment and technology", None),
    ],
)
def test_grammar_the_head_of_a_patterns_item_names_its_kind(
    text: str, item: str, kind: ClaimType | None
) -> None:
    from sanctionwatch.extract.grammar import item_head_kind

    doc = load_parser()(text)
    start = text.index(item)
    # The pattern's match is the trigger verb and the item.
    verb = next(t for t in doc if t.pos_ == "VERB")
    match = (verb.idx, start + len(item))
    found = item_head_kind(doc, 0, (start, start + len(item)), match, load_lemmas())
    assert (found[0] if found else None) is kind
    if found is not None:  # the item stretches to the head that names its kind
        assert text[found[1][0] : found[1][1]].split()[-1] in {"engines", "components"}


def test_grammar_a_pattern_read_rocket_engines_as_arms_gives_technology() -> None:
    claims = extract_claims("In 2017 North Korea bought rocket engines from a Ukrainian factory.")
    assert {c.type for c in claims} == {ClaimType.TECH_TRANSFER}


def test_grammar_a_headlines_participle_is_its_verb_and_passive() -> None:
    claims = extract_claims("North Korean tanker sanctioned for fuel transfers at sea")
    sanctions = [c for c in claims if c.type is ClaimType.SANCTIONS_ACTION]
    assert len(sanctions) == 1
    assert sanctions[0].source_codes == () and sanctions[0].target_codes == ("KP",)
    # A participle describing a noun in a sentence with its own verb stays a description.
    described = extract_claims("The sanctioned North Korean vessel was sold for scrap.")
    assert not any(c.type is ClaimType.SANCTIONS_ACTION for c in described)


def test_grammar_a_passive_seizure_without_agent_does_not_make_its_ship_the_seizer() -> None:
    claims = extract_claims("A North Korean cargo ship was seized in May 2019.")
    (seizure,) = [c for c in claims if c.type is ClaimType.SANCTIONS_ACTION]
    assert "KP" not in seizure.source_codes
    assert seizure.target_codes == ("KP",)


@pytest.mark.parametrize(
    "text",
    [
        "The tests violate resolutions which prohibit North Korea's use of missile technology.",
        "The launches defy Security Council resolutions prohibiting North Korea's launches.",
        "North Korea is banned by U.N. Security Council resolutions from testing missiles.",
    ],
)
def test_grammar_what_a_resolution_forbids_is_the_law_not_an_act(text: str) -> None:
    assert not any(c.type is ClaimType.SANCTIONS_ACTION for c in extract_claims(text))


def test_grammar_a_state_that_bans_acts() -> None:
    claims = extract_claims("The United States banned imports of North Korean seafood in 2017.")
    assert ClaimType.SANCTIONS_ACTION in {c.type for c in claims}


def test_grammar_a_capitalised_law_noun_still_names_the_law() -> None:
    text = "The launch violates U.N. Security Council Resolutions, which prohibit such launches."
    assert not any(c.type is ClaimType.SANCTIONS_ACTION for c in extract_claims(text))
