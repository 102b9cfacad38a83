import pytest

from sanctionwatch.resolve.gazetteer import (
    GAZETTEER_NAME,
    HAND_TIER,
    KINDS,
    WORLD_TIER,
    WorldTier,
    compile_gazetteer,
    find_actors,
    load_gazetteer,
    state_entries,
)

CASES = [
    ("Pyongyang sent shells", "Pyongyang", "KP", "capital"),
    ("the Kremlin said", "the Kremlin", "RU", "metonym"),
    ("The Kremlin said", "The Kremlin", "RU", "metonym"),
    ("provided by the North Korean side", "the North Korean side", "KP", "metonym"),
    ("North Korean-made shells", "North Korean-made", "KP", "demonym"),
    ("visas to North Koreans", "North Koreans", "KP", "demonym"),
    ("the DPRK said", "DPRK", "KP", "name"),
    ("in South Korea today", "South Korea", "KR", "name"),
    ("Seoul said", "Seoul", "KR", "capital"),
    ("Russia’s Putin", "Russia", "RU", "name"),
    ("the U.S. Treasury", "U.S. Treasury", "US", "metonym"),
    ("the U.S. said", "U.S.", "US", "name"),
    ("Kim Jong Un met", "Kim Jong Un", "KP", "person"),
    ("occupied Donbas", "Donbas", "UA", "place"),
    ("UN Security Council adopted", "UN Security Council", "UN", "name"),
    ("the United\nStates agreed", "United\nStates", "US", "name"),
]


@pytest.mark.parametrize(("text", "form", "code", "kind"), CASES, ids=[c[0] for c in CASES])
def test_gazetteer_resolves_surface_forms(text: str, form: str, code: str, kind: str) -> None:
    first = find_actors(text)[0]
    assert (text[first.start : first.end], first.code, first.kind) == (form, code, kind)


@pytest.mark.parametrize(
    "text", ["pro-Russian separatists", "tell us more", "anti-American rally"], ids=str
)
def test_gazetteer_ignores_non_actors(text: str) -> None:
    assert find_actors(text) == []


def test_gazetteer_finds_both_sides_of_a_hyphenated_pair() -> None:
    assert [a.code for a in find_actors("the Moscow-Pyongyang summit")] == ["RU", "KP"]


def test_gazetteer_rejects_a_form_claimed_by_two_states() -> None:
    with pytest.raises(ValueError, match="E120"):
        compile_gazetteer({"states": {"AA": {"name": ["Georgia"]}, "BB": {"name": ["Georgia"]}}})


WORLD_CASES = [
    ("Equatorial Guinean officials signed", "Equatorial Guinean", "GQ", "demonym"),
    ("workers in Tanzania were paid", "Tanzania", "TZ", "name"),
    ("two Tanzanians were hired", "Tanzanians", "TZ", "demonym"),
    ("a port in Mozambique", "Mozambique", "MZ", "name"),
    ("Eritrean officials denied it", "Eritrean", "ER", "demonym"),
    ("the Nigerian navy", "Nigerian", "NG", "demonym"),
    ("the junta in Niger", "Niger", "NE", "name"),
    ("the Chadian army", "Chadian", "TD", "demonym"),
    ("Czech-made rifles", "Czech-made", "CZ", "demonym"),
    ("cocoa from Cote d'Ivoire", "Cote d'Ivoire", "CI", "name"),
    ("ships near Papua New Guinea", "Papua New Guinea", "PG", "name"),
    ("the Dominican Republic voted", "Dominican Republic", "DO", "name"),
]


@pytest.mark.parametrize(
    ("text", "form", "code", "kind"), WORLD_CASES, ids=[c[0] for c in WORLD_CASES]
)
def test_gazetteer_world_tier_resolves_other_states(
    text: str, form: str, code: str, kind: str
) -> None:
    (actor,) = find_actors(text)
    assert (text[actor.start : actor.end], actor.code, actor.kind) == (form, code, kind)
    assert actor.tier == WORLD_TIER and actor.rule.startswith(f"{GAZETTEER_NAME}.world:{kind}:")


@pytest.mark.parametrize(
    "text",
    [
        "Congolese troops crossed",  # both Congos
        "Dominican officials said",  # Dominica and the Dominican Republic
        "Chad said on Monday",
        "Jordan met the minister",
        "the governor of Georgia",
        "a ship in the Gulf of Guinea",
        "a tanker off Bermuda",  # a dependency, not a sovereign state
        "Korean food",
    ],
    ids=str,
)
def test_gazetteer_world_tier_leaves_ambiguous_and_stoplisted_forms_alone(text: str) -> None:
    assert find_actors(text) == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("North Korean and South Korean envoys", ["KP", "KR"]),
        ("Northern Ireland and Ireland", ["GB", "IE"]),
        ("towed to American Samoa", ["US"]),
        ("Turkey and Türkiye", ["TR", "TR"]),
    ],
    ids=str,
)
def test_gazetteer_hand_written_forms_win(text: str, codes: list[str]) -> None:
    actors = find_actors(text)
    assert [a.code for a in actors] == codes
    assert actors[0].tier == HAND_TIER and actors[0].rule.startswith(f"{GAZETTEER_NAME}:")


def test_gazetteer_world_tier_never_overrides_the_yaml() -> None:
    gazetteer = load_gazetteer()
    for code, entry in state_entries().items():
        for kind in KINDS:
            for form in entry.get(kind) or []:
                key = " ".join(form.replace("’", "'").lower().split())
                assert gazetteer.forms[key][0] == code and key not in gazetteer.world, form


def test_gazetteer_labels_world_states_by_country_name() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.labels["TZ"] == "Tanzania"
    assert gazetteer.labels["KP"] == "North Korea (DPRK)"
    assert "rigour" in gazetteer.world_source and "countryinfo" in gazetteer.world_source


ORGANISATION_CASES = [
    ("hackers stole funds from Bybit", "Bybit", "AE"),
    ("the Taiwanese exchange BitoPro", "BitoPro", "TW"),
    ("a theft from Upbit", "Upbit", "KR"),
    ("the Atomic Wallet hack", "Atomic Wallet", "EE"),
    ("funds frozen at Banco Delta Asia", "Banco Delta Asia", "MO"),
    ("the Horizon Bridge exploit", "Horizon Bridge", "US"),
]


@pytest.mark.parametrize(
    ("text", "form", "code"), ORGANISATION_CASES, ids=[c[0] for c in ORGANISATION_CASES]
)
def test_gazetteer_resolves_organisations_to_their_home_state(
    text: str, form: str, code: str
) -> None:
    actor = find_actors(text)[-1]
    assert (text[actor.start : actor.end], actor.code, actor.kind) == (form, code, "organisation")


def test_gazetteer_compiles_an_injected_world_tier() -> None:
    world = WorldTier(
        {
            "AA": {"label": "Atlantis", "name": ["Atlantis"], "demonym": ["Atlantean"]},
            "BB": {"label": "Lemuria", "name": ["Lemuria", "Georgia"], "demonym": ["Atlantean"]},
        },
        "test",
        not_actors=("Gulf of Atlantis",),
    )
    gazetteer = compile_gazetteer({"states": {"DD": {"name": ["Georgia"]}}}, world=world)
    found = gazetteer.find("Atlantean ships left Atlantis for Georgia, not the Gulf of Atlantis")
    assert [(a.form, a.code, a.tier) for a in found] == [
        ("Atlantis", "AA", WORLD_TIER),
        ("Georgia", "DD", HAND_TIER),
    ]
    assert gazetteer.labels == {"DD": "DD", "AA": "Atlantis", "BB": "Lemuria"}


def test_gazetteer_tag_names_the_world_tier_packages() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.tag.startswith(f"v{gazetteer.version}.")
    assert gazetteer.world_source.startswith("rigour ")
    assert compile_gazetteer({"version": 3, "states": {}}).tag == "v3"


def test_gazetteer_tag_without_compiling_agrees_with_the_compiled_one() -> None:
    from sanctionwatch.resolve.gazetteer import gazetteer_tag

    assert gazetteer_tag() == load_gazetteer().tag
