from pathlib import Path

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
