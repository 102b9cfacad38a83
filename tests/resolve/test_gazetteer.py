import pytest

from sanctionwatch.resolve.gazetteer import compile_gazetteer, find_actors

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
