"""Retraining the decision model on the shipped gold reproduces the shipped weights."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.extract.decision import load_model
from sanctionwatch.extract.train import gold_hashes, train_from_gold

pytestmark = pytest.mark.integration


def test_decision_training_reproduces_the_shipped_model(shared: Path) -> None:
    paths = [shared / "gold" / f"{name}.jsonl" for name in ("seeds", "dev", "train")]
    shipped = load_model()
    if shipped.trained_on != gold_hashes(paths):
        pytest.fail("the gold changed since the model was trained: run `make train`")
    retrained = train_from_gold(paths)
    assert retrained.thresholds == shipped.thresholds
    assert retrained.examples == shipped.examples
    assert retrained.weights.keys() == shipped.weights.keys()
    assert all(abs(retrained.weights[k] - shipped.weights[k]) < 1e-5 for k in shipped.weights)
    assert retrained.bias == pytest.approx(shipped.bias, abs=1e-5)
