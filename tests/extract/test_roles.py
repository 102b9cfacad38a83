"""Source and target from markers and voices (extract/roles.py), on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctionwatch import extract_claims
from sanctionwatch.domain import Claim, ClaimType, Modality


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
def test_roles_sanctions_roles(
    text: str, sources: tuple[str, ...], targets: tuple[str, ...]
) -> None:
    claim = next(c for c in extract_claims(text) if c.type == ClaimType.SANCTIONS_ACTION)
    assert (claim.source_codes, claim.target_codes) == (sources, targets)
    assert all(span.is_grounded_in(text) for span in claim.spans())


def test_roles_bought_for_a_state_makes_it_the_recipient(only: Callable[..., Claim]) -> None:
    text = "An embassy in Europe was used to acquire missile technologies for North Korea."
    claim = only(text, ClaimType.TECH_TRANSFER)
    assert claim.target_codes == ("KP",)


def test_roles_a_possessor_names_who_gives_assistance(only: Callable[..., Claim]) -> None:
    text = "The issue of Russia's spy satellite technology assistance is surmised to matter."
    claim = only(text, ClaimType.TECH_TRANSFER)
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
def test_roles_where_a_state_buys_is_where_it_comes_from(
    text: str, sources: tuple[str, ...], only: Callable[..., Claim]
) -> None:
    claim = only(text, ClaimType.TECH_TRANSFER)
    assert claim.source_codes == sources and claim.target_codes == ("KP",)


def test_roles_a_gerunds_subject_is_its_agent_after_a_preposition(
    only: Callable[..., Claim],
) -> None:
    text = "Seoul has to respond to North Korea sending troops to Russia."
    claim = only(text, ClaimType.TROOP_DEPLOYMENT)
    assert (claim.source_codes, claim.target_codes) == (("KP",), ("RU",))


def test_roles_various_coordinated_states_share_a_role(only: Callable[..., Claim]) -> None:
    text = "The panel is investigating military cooperation between North Korea and various Libyan authorities."
    claim = only(text, ClaimType.ARMS_TRANSFER)
    assert (claim.source_codes, claim.target_codes) == (("KP",), ("LY",))


@pytest.mark.parametrize(
    ("text", "claim_type", "sources"),
    [
        (
            "The new U.N. sanctions close a gap in the arms embargo on Pyongyang.",
            "sanctions_action",
            ("UN",),
        ),
        ("The United Nations blacklisted a North Korean tanker.", "sanctions_action", ("UN",)),
        (
            "Two shipments of North Korean chemical weapons bound for Syria have been "
            "intercepted by United Nations member states.",
            "sanctions_action",
            (),
        ),
        ("Russia is defying U.N. sanctions by supplying North Korea with oil.", "trade", ("RU",)),
    ],
    ids=["issues-sanctions", "heads-its-phrase", "modifies-member-states", "ships-nothing"],
)
def test_roles_the_un_acts_by_its_sanctions_only(
    text: str, claim_type: str, sources: tuple[str, ...]
) -> None:
    """The bare "UN" is an actor where it heads its phrase or issues sanctions; "UN member
    states" are not the UN, and the UN supplies, ships or deploys nothing."""
    claims = [c for c in extract_claims(text, published="2024-03-01") if c.type.value == claim_type]
    assert claims, f"no {claim_type} claim in {text!r}"
    assert claims[0].source_codes == sources


@pytest.mark.parametrize(
    ("text", "sources", "targets"),
    [
        ("China's provision of dual-use goods to Russia continued.", ("CN",), ("RU",)),
        ("North Korea's supply of shells to the Russian army grew.", ("KP",), ("RU",)),
    ],
    ids=["provision", "supply"],
)
def test_roles_the_possessor_of_a_noun_of_giving_gives(
    text: str, sources: tuple[str, ...], targets: tuple[str, ...]
) -> None:
    (claim,) = [c for c in extract_claims(text, published="2025-01-01")]
    assert (claim.source_codes, claim.target_codes) == (sources, targets)


def test_roles_the_modifier_of_sanctions_issues_them() -> None:
    """ "New EU sanctions on Russia": the modifier issues, the "on" attachment is hit."""
    (claim,) = extract_claims("New EU sanctions on Russia took effect.", published="2024-03-01")
    assert (claim.source_codes, claim.target_codes) == (("EU",), ("RU",))


def test_roles_a_resolutions_authors_do_not_impose_it() -> None:
    """ "New U.N. sanctions ... on a resolution drafted by the United States and China": the
    drafters wrote the resolution; the U.N. imposes the sanctions on North Korea."""
    text = (
        "Pyongyang now faces tough new U.N. sanctions to cut off money for its weapons "
        "programs, following a Security Council vote on a resolution drafted by the United "
        "States and China."
    )
    claims = extract_claims(text, published="2016-03-03")
    assert [(c.source_codes, c.target_codes) for c in claims] == [(("UN",), ("KP",))]


def test_roles_the_one_accused_of_doing_it_did_it() -> None:
    """ "Accuse two Russia-flagged ships of having sold fuel": the flag state's ships sold
    it ("-flagged", "-based" make the thing that state's; "-led", "-backed" do not)."""
    text = "Officials accuse two Russia-flagged ships of having sold fuel to North Korean vessels."
    (claim,) = extract_claims(text, published="2019-04-01")
    assert (claim.source_codes, claim.target_codes) == (("RU",), ("KP",))


def test_roles_supplied_with_makes_the_subject_the_recipient() -> None:
    (claim,) = extract_claims(
        "North Korea was provided with missiles by Russia.", published="2019-04-01"
    )
    assert (claim.source_codes, claim.target_codes) == (("RU",), ("KP",))


def test_roles_an_agent_noun_serves_its_possessor() -> None:
    """ "China's biggest drone supplier" supplies China: an agent noun's possessor gets."""
    from sanctionwatch.extract.grammar import parse_texts, possessor_of

    text = "Iran became Russia's biggest drone supplier."
    doc = parse_texts([text])[0]
    owner = possessor_of(doc, 0, text.index("supplier"))
    assert owner is not None
    (start, end), getting = owner
    assert text[start:end].startswith("Russia") and getting


def test_roles_what_is_given_in_exchange_flows_the_other_way() -> None:
    text = "Russia has been supplying North Korea with oil, reportedly in exchange for weapons."
    claims = {c.type.value: c for c in extract_claims(text, published="2024-03-01")}
    assert (claims["trade"].source_codes, claims["trade"].target_codes) == (("RU",), ("KP",))
    arms = claims["arms_transfer"]
    assert (arms.source_codes, arms.target_codes) == (("KP",), ("RU",))


def test_roles_a_passive_sanctions_verb_is_imposed_by_its_agent_on_its_subject() -> None:
    from sanctionwatch.extract.claims import propose_claims

    text = "Two North Korean tankers were seized by Indonesian authorities in April 2018."
    (claim,) = [
        p.claim
        for _, ps in propose_claims(text).sentences
        for p in ps
        if p.claim.type is ClaimType.SANCTIONS_ACTION
    ][:1]
    assert (claim.source_codes, claim.target_codes) == (("ID",), ("KP",))


def test_roles_the_governing_subject_gives_and_the_object_of_provide_with_gets() -> None:
    from sanctionwatch.extract.claims import propose_claims

    text = (
        "Iran has become Syria's main backer, quietly providing Damascus with drones and "
        "ballistic missiles."
    )
    (claim,) = [
        p.claim
        for _, ps in propose_claims(text).sentences
        for p in ps
        if p.claim.type is ClaimType.ARMS_TRANSFER and p.claim.trigger.text.startswith("provid")
    ][:1]
    assert (claim.source_codes, claim.target_codes) == (("IR",), ("SY",))


def test_roles_money_taken_by_someone_goes_to_them() -> None:
    claims = [
        c
        for c in extract_claims(
            "Investigators said $40 million in cryptocurrency was stolen by North Korean "
            "hackers from an exchange in Japan.",
            published="2023-05-01",
        )
        if c.type is ClaimType.FINANCIAL_FLOW
    ]
    assert claims and "KP" in claims[0].target_codes and "KP" not in claims[0].source_codes


def test_roles_what_a_passive_buyer_bought_goes_to_it() -> None:
    from sanctionwatch.extract.claims import Roles, _direct_by_grammar
    from sanctionwatch.extract.grammar import Arguments
    from sanctionwatch.resolve.gazetteer import find_actors

    text = "Drones were bought by Russia from Iran."
    actors = find_actors(text)
    roles = Roles()
    by = text.index("by Russia")
    frm = text.index("from Iran")
    arguments = Arguments(
        subject=None, agent=(by, by + 9), recipients=(), origins=((frm, frm + 9),)
    )
    _direct_by_grammar(roles, arguments, actors, "recipient")
    assert ([a.code for a in roles.sources], [a.code for a in roles.targets]) == (["IR"], ["RU"])


def test_roles_a_state_made_into_an_origin_supplies_the_item() -> None:
    claims = [
        c
        for c in extract_claims(
            "Syria used Iran-made drones in the attack.", published="2023-05-01"
        )
        if c.type is ClaimType.ARMS_TRANSFER
    ]
    assert claims and (claims[0].source_codes, claims[0].target_codes) == (("IR",), ("SY",))


def test_roles_a_quantifier_between_the_preposition_and_the_actor() -> None:
    claims = [
        c
        for c in extract_claims(
            "The shipping firm, which was sanctioned by both the UK and the EU in July 2025, "
            "manages North Korean tankers.",
            published="2025-09-01",
        )
        if c.type is ClaimType.SANCTIONS_ACTION
    ]
    assert claims and set(claims[0].source_codes) == {"GB", "EU"}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Analysts tied the Bangladesh Bank heist in 2016 to Lazarus hackers.", "BD"),
        ("Lazarus hackers carried out the theft from Bybit in February 2025.", "AE"),
    ],
)
def test_roles_a_theft_nouns_modifier_or_from_names_its_victim(text: str, source: str) -> None:
    (theft,) = [c for c in extract_claims(text) if c.type is ClaimType.FINANCIAL_FLOW]
    assert theft.source_codes == (source,)
    assert source not in theft.target_codes


def test_roles_a_by_phrase_holding_a_gerund_is_the_means_not_the_sanctioner() -> None:
    text = (
        "Intershipping Services LLC was sanctioned by the UK in July 2025 for trading "
        "by facilitating Russian energy sales."
    )
    (action,) = [c for c in extract_claims(text) if c.type is ClaimType.SANCTIONS_ACTION]
    assert action.source_codes == ("GB",)


def test_roles_who_pleads_guilty_answers_the_case_and_brings_none() -> None:
    text = "A Canadian man pleaded guilty in 2021 to evading U.S. sanctions on North Korea."
    pleas = [c for c in extract_claims(text) if c.type is ClaimType.SANCTIONS_ACTION]
    assert pleas and all("CA" not in c.source_codes for c in pleas)
