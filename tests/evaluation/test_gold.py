from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.evaluation.gold import GoldQuantity, GoldTime, load_gold, parse_codes


def test_gold_loads_documents_and_finds_evidence(tmp_path: Path, kit: Any) -> None:
    path = kit.write_jsonl(tmp_path / "gold.jsonl", [kit.gold_line(kit.perfect_gold()), ""])

    [document] = load_gold(path)

    assert (document.doc_id, document.published, document.outlet) == (
        "doc-1",
        "2024-03",
        "Test Wire",
    )
    assert len(document.claims) == 4
    for claim in document.claims:
        assert document.text[claim.start : claim.end] == claim.evidence
    first = document.claims[0]
    assert first.quantity == GoldQuantity(5000.0, 5000.0, "round", "5,000")
    assert first.time == GoldTime("2023-09", None, "in September 2023")
    assert document.claims[2].source == frozenset({"KP", "RU"})
    assert document.claims[2].target == frozenset()


def test_gold_prefers_evidence_span_over_find(tmp_path: Path, kit: Any) -> None:
    sentence = "Ruritania sent shells to Freedonia."
    text = f"{sentence} Later: {sentence}"
    second = text.rindex(sentence)
    claim = kit.gold_claim(sentence, evidence_span=[second, second + len(sentence)])
    path = kit.write_jsonl(tmp_path / "gold.jsonl", [kit.gold_line([claim], text=text)])

    [document] = load_gold(path)

    assert (document.claims[0].start, document.claims[0].end) == (second, len(text))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("KP", {"KP"}), (["RU", "KP"], {"KP", "RU"}), (None, set()), ([], set())],
    ids=["string", "list", "null", "empty-list"],
)
def test_gold_parses_codes_as_sets(value: Any, expected: set[str]) -> None:
    assert parse_codes(value, "source") == frozenset(expected)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2"),
        ("[1, 2]", "must be a JSON object"),
        ('{"doc_id": "d2", "claims": []}', "'text' must be a string"),
        ({"type": "smuggling"}, "unknown claim type"),
        ({"modality": "maybe"}, "unknown modality"),
        ({"evidence": "Nobody wrote this sentence."}, "evidence not found"),
        ({"source": 7}, "'source' must be a code"),
        ({"quantity": {"low": "many"}}, "'low' must be a number"),
        ({"evidence_span": [0, 3]}, "does not slice to the evidence"),
        ({"attributed_to": "officials"}, "'attributed_to' must be a list"),
    ],
    ids=[
        "not-json",
        "not-object",
        "no-text",
        "bad-type",
        "bad-modality",
        "evidence-missing",
        "bad-source",
        "bad-quantity",
        "bad-span",
        "bad-attribution",
    ],
)
def test_gold_malformed_line_raises_with_line_number(
    tmp_path: Path, kit: Any, line: str | dict[str, Any], message: str
) -> None:
    if isinstance(line, dict):
        line = kit.gold_line([{**kit.gold_claim(kit.SHIPPED), **line}], doc_id="d2")
    path = kit.write_jsonl(tmp_path / "gold.jsonl", [kit.gold_line([]), line])

    with pytest.raises(ValueError, match="line 2") as error:
        load_gold(path)

    assert message in str(error.value)


def test_gold_duplicate_doc_id_is_an_error(tmp_path: Path, kit: Any) -> None:
    path = kit.write_jsonl(tmp_path / "gold.jsonl", [kit.gold_line([]), kit.gold_line([])])

    with pytest.raises(ValueError, match="line 2: duplicate doc_id"):
        load_gold(path)
