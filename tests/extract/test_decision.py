"""The decision model: a sum of weights, a cut per proposer kind, reasons, its file."""

from __future__ import annotations

import pytest

from sanctionwatch.domain import ClaimType
from sanctionwatch.extract import extract_claims
from sanctionwatch.extract.decision import (
    FEATURES_VERSION,
    DecisionModel,
    load_model,
    model_from_dict,
    proposer_kind,
)


def test_decision_scores_a_weighted_sum_and_cuts_per_kind() -> None:
    model = DecisionModel(
        weights={"a": 2.0, "family=lemma:give": -1.0},
        bias=0.0,
        threshold=0.5,
        thresholds={"lemma": 0.9, "pattern": 0.5},
    )
    pattern = {"a": 1.0, "family=pattern:arms": 1.0}
    lemma = {"a": 1.0, "family=lemma:give": 1.0}
    assert model.score(pattern) == pytest.approx(1 / (1 + 2.718281828459045**-2))
    assert model.keeps(pattern)
    assert proposer_kind(lemma) == "lemma" and not model.keeps(lemma)
    assert model.reasons(lemma)[0] == ("a", 2.0)


def test_decision_round_trips_through_its_file_format() -> None:
    model = DecisionModel(
        weights={"x": 0.25}, bias=-0.5, threshold=0.4, thresholds={"lemma": 0.6},
        trained_on={"gold.jsonl": "0" * 64}, examples=3,
    )  # fmt: skip
    again = model_from_dict(model.to_dict())
    assert again == model and again.version == model.version


def test_decision_the_shipped_model_names_its_gold_and_features() -> None:
    model = load_model()
    assert model.features_version == FEATURES_VERSION
    assert {"seeds.jsonl", "dev.jsonl", "train.jsonl"} <= set(model.trained_on)
    assert model.examples > 0 and model.weights


def test_decision_a_kept_claim_records_its_probability_and_reasons() -> None:
    claims = extract_claims("North Korea shipped artillery shells to Russia.")
    claim = next(c for c in claims if c.type == ClaimType.ARMS_TRANSFER)
    assert any(r.startswith("decision:p=") for r in claim.rules)
    assert sum(r.startswith("decision:") for r in claim.rules) >= 2
    assert load_model().version in claim.extractor


def test_decision_a_model_that_keeps_nothing_keeps_nothing() -> None:
    never = DecisionModel(weights={}, bias=-30.0, threshold=0.5)
    assert extract_claims("North Korea shipped shells to Russia.", model=never) == []


def test_decision_reads_whether_the_dprk_is_a_party_and_how() -> None:
    from sanctionwatch.extract.claims import propose_claims

    def presence(text: str) -> set[str]:
        proposals = propose_claims(text, published="2024-06")
        return {
            k
            for _, candidates in proposals.sentences
            for p in candidates
            for k in p.features
            if k.startswith("type|KP=")
        }

    assert "type|KP=arms_transfer|role" in presence("North Korea shipped shells to Russia.")
    assert "type|KP=arms_transfer|none" in presence("Iran shipped drones to Russia.")
