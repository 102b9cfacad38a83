from pathlib import Path

import pytest

from sanctionwatch.resolve.index import ScreeningIndex
from sanctionwatch.resolve.knowledge import load_kb, parse_entities
from sanctionwatch.resolve.linker import entity_designations, link_mentions
from sanctionwatch.resolve.lists import parse_list

FIXTURE = Path(__file__).parent / "data" / "un_small.xml"
TEXT = (
    "KCNA said Kim Jong-un met Sergei Shoigu in Pyongyang; the Munitions Industry "
    "Department and the nis were not mentioned, but the NIS was."
)


def test_linker_mentions_are_grounded_and_linked() -> None:
    mentions = link_mentions(TEXT, document_id="d1")
    for mention in mentions:
        assert mention.span.is_grounded_in(TEXT)
    linked = {m.span.text: m.entity_id for m in mentions}
    assert linked["Kim Jong-un"] == "kb:kim-jong-un"
    assert linked["Sergei Shoigu"] == "kb:sergei-shoigu"
    assert linked["KCNA"] == "kb:kcna"
    assert linked["Pyongyang"] == "KP"
    assert linked["NIS"] == "kb:nis" and "nis" not in linked


def test_linker_kb_reads_outlets_and_gazetteer() -> None:
    kb = load_kb()
    assert kb.name.startswith("kb@v") and "gazetteer" in kb.name
    assert any(o.kind == "wire_service" for o in kb.outlets)


def test_linker_kb_rejects_duplicate_ids() -> None:
    import pytest

    rows = {"entities": [{"id": "a", "kind": "person", "names": ["A"]}] * 2}
    with pytest.raises(ValueError, match="E121"):
        parse_entities(rows)


def test_linker_designation_of_a_kb_entity_comes_from_the_lists() -> None:
    index = ScreeningIndex([parse_list(FIXTURE.read_bytes())])
    kb = load_kb()
    entity = kb.get("munitions-industry-department")
    assert entity is not None
    designations = entity_designations(entity, index)
    assert [d.reference for d, _ in designations] == ["TKe.002"]


def test_linker_person_is_claimed_only_when_birth_year_agrees() -> None:
    from sanctionwatch.resolve.knowledge import KbEntity

    index = ScreeningIndex([parse_list(FIXTURE.read_bytes())])
    rgb_head = KbEntity("kyc", "person", ("Kim Yong Chol",), "KP", "head of the RGB", born=1946)
    found = entity_designations(rgb_head, index)
    assert [(d.reference, c) for d, c in found] == [("TKi.002", "strong")]


def test_linker_person_without_telling_attribute_is_possible() -> None:
    from sanctionwatch.resolve.knowledge import KbEntity

    index = ScreeningIndex([parse_list(FIXTURE.read_bytes())])
    someone = KbEntity("kyc", "person", ("Kim Yong Chol",), "KP", "head of the RGB")
    found = entity_designations(someone, index)
    assert {d.reference for d, _ in found} == {"TKi.001", "TKi.002"}
    assert {c for _, c in found} == {"possible"}


@pytest.mark.parametrize(
    ("role", "listing", "agrees"),
    [
        ("former head of the Reconnaissance General Bureau", "Commander of the RGB", True),
        ("former head of the Reconnaissance General Bureau", "KOMID representative in Iran", False),
        ("Minister of Atomic Energy Industry", "Former Minister of Atomic Energy Industry", True),
    ],
    ids=["acronym", "other-post", "words"],
)
def test_linker_role_agrees(role: str, listing: str, agrees: bool) -> None:
    from sanctionwatch.resolve.linker import role_agrees

    assert role_agrees(role, listing) is agrees
