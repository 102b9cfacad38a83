"""Cross-validation by document: folds never share a document, every document is scored once."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from sanctionwatch.domain import Claim
from sanctionwatch.evaluation.cv import cross_validate, fold_of
from sanctionwatch.evaluation.gold import GoldDocument
from sanctionwatch.extract import extract_claims

TEXT = "North Korea shipped artillery shells to Russia in 2023."


def _gold(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "gold.jsonl"
    lines = []
    for i in range(n):
        claim = {
            "type": "arms_transfer", "evidence": TEXT, "source": "KP", "target": "RU",
            "item": "artillery shells", "quantity": None,
            "time": {"start": "2023", "end": None, "text": "in 2023"},
            "modality": "fact", "attributed_to": [],
        }  # fmt: skip
        lines.append(
            json.dumps(
                {
                    "doc_id": f"doc-{i}",
                    "title": None,
                    "outlet": None,
                    "published": "2024-01",
                    "text": TEXT,
                    "claims": [claim],
                }
            )
        )
    path.write_text("\n".join(lines) + "\n")
    return path


def test_cv_every_document_is_held_out_once_and_never_trained_on(tmp_path: Path) -> None:
    gold = _gold(tmp_path, 12)
    trained: list[set[str]] = []

    def train(documents: Sequence[GoldDocument], proposals: Mapping[str, str]) -> set[str]:
        seen = {d.doc_id for d in documents}
        trained.append(seen)
        return seen

    def decide(text: str, seen: set[str]) -> list[Claim]:
        return extract_claims(text, published="2024-01", document_id="x")

    result = cross_validate([gold], k=3, propose=lambda d: d.text, train=train, decide=decide)
    held = [f.documents for f in result.folds]
    assert sum(held) == 12
    for fold, seen in zip(result.folds, trained, strict=True):
        assert all(fold_of(doc_id, 3) != fold.fold for doc_id in seen)
    assert result.pooled.gold_claims == 12
    assert result.summary()["f1"]["worst"] is not None


def test_cv_needs_two_folds(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="E116"):
        cross_validate(
            [_gold(tmp_path, 2)], k=1, propose=str, train=lambda d, p: None, decide=lambda p, m: []
        )


def test_cv_a_seed_deals_other_folds_and_the_same_seed_the_same() -> None:
    ids = [f"doc-{i}" for i in range(60)]
    plain = [fold_of(d, 5) for d in ids]
    assert plain == [fold_of(d, 5, "") for d in ids]
    seeded = [fold_of(d, 5, "a") for d in ids]
    assert seeded == [fold_of(d, 5, "a") for d in ids]
    assert seeded != plain
