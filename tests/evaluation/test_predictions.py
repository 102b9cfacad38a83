from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.domain import ClaimType, Modality
from sanctionwatch.evaluation.predictions import (
    claim_to_gold_dict,
    read_predictions,
    score_files,
    write_predictions,
)
from sanctionwatch.evaluation.run import evaluate, evaluate_predictions, to_gold_claim


@pytest.mark.parametrize(
    ("claim_type", "sources", "targets", "source", "target"),
    [
        (ClaimType.ARMS_TRANSFER, ("KP",), ("RU",), "KP", "RU"),
        (ClaimType.ARMS_TRANSFER, ("KP", "IR", "KP"), ("RU",), ["IR", "KP"], "RU"),
        (ClaimType.TRADE, (), (), None, None),
        (ClaimType.MEETING, ("RU",), ("KP",), ["KP", "RU"], None),
        (ClaimType.AGREEMENT, ("KP",), (), ["KP"], None),
        (ClaimType.MEETING, (), (), None, None),
    ],
    ids=[
        "single",
        "several-sorted",
        "none",
        "meeting-participants",
        "agreement-one-party",
        "meeting-none",
    ],
)
def test_predictions_claim_to_gold_dict_encodes_codes(
    kit: Any, claim_type: ClaimType, sources: Any, targets: Any, source: Any, target: Any
) -> None:
    data = claim_to_gold_dict(
        kit.make_claim(kit.SHIPPED, claim_type, sources=sources, targets=targets)
    )

    assert (data["source"], data["target"]) == (source, target)


def test_predictions_claim_to_gold_dict_carries_fields(kit: Any) -> None:
    claim = kit.make_claim(
        kit.SHIPPED,
        quantity=(5000.0, None, "round"),
        time=("2023-09", None),
        modality=Modality.UNCERTAIN,
        attributions=["officials"],
    )

    data = claim_to_gold_dict(claim)

    start = kit.ARTICLE.find(kit.SHIPPED)
    assert data["evidence_span"] == [start, start + len(kit.SHIPPED)]
    assert data["quantity"] == {"low": 5000, "high": None, "unit": "round", "text": kit.SHIPPED}
    assert data["time"] == {"start": "2023-09", "end": None, "text": kit.SHIPPED}
    assert (data["type"], data["modality"], data["attributed_to"]) == (
        "arms_transfer",
        "uncertain",
        ["officials"],
    )
    assert json.loads(json.dumps(data)) == data


def test_predictions_write_then_read_round_trips(tmp_path: Path, kit: Any) -> None:
    claims = kit.perfect_claims()
    path = write_predictions(tmp_path / "pred.jsonl", [(kit.DOC_ID, claims), ("doc-2", [])])

    read = read_predictions(path)

    assert read == {kit.DOC_ID: [to_gold_claim(c, text=kit.ARTICLE) for c in claims], "doc-2": []}
    assert len(path.read_text(encoding="utf-8").splitlines()) == 2


def test_predictions_rescored_file_equals_direct_scores(tmp_path: Path, kit: Any) -> None:
    gold = [*kit.perfect_gold(), kit.gold_claim(kit.DENIED, "trade")]
    gold_path = kit.write_jsonl(tmp_path / "gold.jsonl", [kit.gold_line(gold)])
    claims = [
        *kit.perfect_claims()[1:],
        kit.make_claim(kit.SHIPPED, targets=("CN",), time=("2023", None)),
        kit.make_claim(kit.MET, ClaimType.AGREEMENT),
    ]
    pred_path = tmp_path / "pred.jsonl"

    direct = evaluate(
        gold_path, extractor=kit.fake_extractor({kit.DOC_ID: claims}), predictions_path=pred_path
    )
    rescored = evaluate_predictions(gold_path, pred_path)

    assert score_files(gold_path, pred_path) == direct.scores
    assert rescored.to_dict(detail=True) == {
        **direct.to_dict(detail=True),
        "grounding": None,
        "speed": None,
        "extractors": [],
    }
    assert direct.scores.detection.fp == 1


def test_predictions_claims_without_span_are_found_in_text(tmp_path: Path, kit: Any) -> None:
    line = {"doc_id": kit.DOC_ID, "claims": [kit.gold_claim(kit.MET, "meeting")]}
    path = kit.write_jsonl(tmp_path / "pred.jsonl", [line])

    [claim] = read_predictions(path, texts={kit.DOC_ID: kit.ARTICLE})[kit.DOC_ID]

    assert kit.ARTICLE[claim.start : claim.end] == kit.MET


@pytest.mark.parametrize(
    "line",
    ["{", '{"doc_id": 3, "claims": []}', json.dumps({"doc_id": "d", "claims": [{"type": "x"}]})],
    ids=["not-json", "bad-doc-id", "bad-claim"],
)
def test_predictions_malformed_line_raises_with_line_number(
    tmp_path: Path, kit: Any, line: str
) -> None:
    path = kit.write_jsonl(tmp_path / "pred.jsonl", [{"doc_id": "ok", "claims": []}, line])

    with pytest.raises(ValueError, match="line 2"):
        read_predictions(path)
