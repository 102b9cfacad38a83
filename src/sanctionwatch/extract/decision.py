"""The learned decision: is a candidate a claim?

Rules propose candidates (trigger patterns in ``triggers.yaml`` and trigger lemmas in
``lemmas.yaml``) with their roles, values and the parse around the trigger; a logistic
regression over those features, trained on the gold (``make train``), keeps those whose
probability reaches the model's threshold. The weights are data
(``data/decision.json``), with the hashes of the gold they were trained on; nothing is
downloaded at run time, and applying the model is a sum of weights (no scikit-learn).

Every kept claim records its probability and the features that weighed most, so the
review page can show why.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from sanctionwatch.domain import Claim

DECISION_NAME = "extract.decision"
FEATURES_VERSION = "f3"
"""Bump when :func:`candidate_features` changes: a model is only valid for its features."""
MODEL_RESOURCE = "data/decision.json"


@dataclass(frozen=True)
class DecisionModel:
    weights: Mapping[str, float]
    bias: float
    threshold: float
    """The cut for candidates a trigger pattern proposed (and any kind without its own)."""
    thresholds: Mapping[str, float] = field(default_factory=dict)
    """A cut per proposer kind (:func:`proposer_kind`): a lone trigger lemma needs more."""
    features_version: str = FEATURES_VERSION
    trained_on: Mapping[str, str] = field(default_factory=dict)
    """Gold file name → SHA-256 of its bytes."""
    examples: int = 0

    @property
    def version(self) -> str:
        digest = _digest(self.trained_on)
        return f"{DECISION_NAME}-{self.features_version}.{digest}"

    def score(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def threshold_for(self, features: Mapping[str, float]) -> float:
        return self.thresholds.get(proposer_kind(features), self.threshold)

    def keeps(self, features: Mapping[str, float]) -> bool:
        return self.score(features) >= self.threshold_for(features)

    def reasons(self, features: Mapping[str, float], *, top: int = 6) -> list[tuple[str, float]]:
        """The features that pushed the decision most, either way."""
        weighed = [(k, self.weights.get(k, 0.0) * v) for k, v in features.items()]
        weighed = [(k, round(w, 3)) for k, w in weighed if w]
        return sorted(weighed, key=lambda kw: -abs(kw[1]))[:top]

    def to_dict(self) -> dict[str, object]:
        return {
            "name": DECISION_NAME,
            "features_version": self.features_version,
            "trained_on": dict(self.trained_on),
            "examples": self.examples,
            "bias": self.bias,
            "threshold": self.threshold,
            "thresholds": dict(sorted(self.thresholds.items())),
            "weights": dict(sorted(self.weights.items())),
        }


def _digest(trained_on: Mapping[str, str]) -> str:
    import hashlib

    joined = "|".join(f"{k}={v}" for k, v in sorted(trained_on.items()))
    return hashlib.sha256(joined.encode()).hexdigest()[:8]


def model_from_dict(data: Mapping[str, object]) -> DecisionModel:
    weights = data["weights"]
    trained_on = data.get("trained_on") or {}
    thresholds = data.get("thresholds") or {}
    assert isinstance(weights, dict) and isinstance(trained_on, dict)
    assert isinstance(thresholds, dict)
    return DecisionModel(
        weights={str(k): float(v) for k, v in weights.items()},
        bias=float(str(data["bias"])),
        threshold=float(str(data["threshold"])),
        thresholds={str(k): float(v) for k, v in thresholds.items()},
        features_version=str(data.get("features_version", FEATURES_VERSION)),
        trained_on={str(k): str(v) for k, v in trained_on.items()},
        examples=int(str(data.get("examples", 0))),
    )


@lru_cache(maxsize=1)
def load_model() -> DecisionModel:
    """The shipped model. A model trained for other features is refused (E115)."""
    raw = resources.files("sanctionwatch.extract").joinpath(MODEL_RESOURCE).read_text("utf-8")
    model = model_from_dict(json.loads(raw))
    if model.features_version != FEATURES_VERSION:
        raise ValueError(
            f"E115: {MODEL_RESOURCE} was trained for features {model.features_version!r}, "
            f"the extractor computes {FEATURES_VERSION!r}: run `make train`"
        )
    return model


def proposer_kind(features: Mapping[str, float]) -> str:
    """``pattern`` when a trigger pattern proposed the candidate, else ``lemma``."""
    return "lemma" if any(k.startswith("family=lemma:") for k in features) else "pattern"


FOCUS_STATES = ("KP",)
"""The state the regime is about: whether a candidate's roles name it (read from the
text, only by coreference, or not at all while its sentence does) weighs differently per
claim type (money moving is the DPRK's, by the annotation brief; meetings are anyone's).
Only the DPRK: a prior for any other state would be this gold's news cycle, not the
regime."""


def _presence(code: str, claim: Claim, sentence_states: set[str]) -> str:
    fillers = [f for f in (*claim.sources, *claim.targets) if f.value == code]
    if any(not f.rule.startswith("coref:") for f in fillers):
        return "role"
    if fillers:
        return "coref"
    return "sentence" if code in sentence_states else "none"


def _bucket(n: int, edges: Iterable[int]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return "more"


def candidate_features(
    *,
    rule: str,
    voice: str,
    claim: Claim,
    role_rules: Iterable[str],
    syntax: Mapping[str, str],
    window: Iterable[str],
    sentence_bag: Iterable[str] = (),
    sentence_words: int,
    sentence_actors: int,
    sentence_index: int,
    proposers: int,
    sentence_states: Iterable[str] = (),
) -> dict[str, float]:
    """What the decision reads of one candidate: its rule and voice, what it filled, the
    values found, the parse around the trigger and the words beside it."""
    claim_type = claim.type.value
    family = rule.split(":")[1] if rule.startswith("lemma:") else rule.split(".")[0]
    kind = "lemma" if rule.startswith("lemma:") else "pattern"
    features: dict[str, float] = {
        f"rule={rule}": 1.0,
        f"family={kind}:{family}": 1.0,
        f"type={claim_type}": 1.0,
        f"voice={voice}": 1.0,
        f"type|voice={claim_type}|{voice}": 1.0,
        f"proposers={min(proposers, 2)}": 1.0,
        f"actors={_bucket(sentence_actors, (0, 1, 2, 3))}": 1.0,
        f"length={_bucket(sentence_words, (8, 16, 30, 50))}": 1.0,
        f"position={_bucket(sentence_index, (0, 2, 10))}": 1.0,
        f"modality={claim.modality.value}": 1.0,
    }
    role_rules = list(role_rules)
    sources, targets = bool(claim.sources), bool(claim.targets)
    features[f"roles={int(sources)}{int(targets)}"] = 1.0
    features[f"type|roles={claim_type}|{int(sources)}{int(targets)}"] = 1.0
    if any("coref:" in r for r in role_rules):
        features["roles_from_coref"] = 1.0
    for code in FOCUS_STATES:
        where = _presence(code, claim, set(sentence_states))
        features[f"type|{code}={claim_type}|{where}"] = 1.0
    for name, present in (
        ("quantity", claim.quantity is not None),
        ("time", claim.time is not None),
        ("attribution", bool(claim.attributions)),
        ("item", claim.item is not None),
    ):
        if present:
            features[f"has_{name}"] = 1.0
            features[f"type|has_{name}={claim_type}"] = 1.0
    for r in claim.rules[1:]:
        if r.startswith(("cue.", "modality.")) or r.count(":") == 0:
            features[f"cue={r}"] = 1.0
    for key, value in syntax.items():
        features[f"syn.{key}={value}"] = 1.0
    if "dep" in syntax:
        features[f"type|dep={claim_type}|{syntax['dep']}"] = 1.0
    if "lemma" in syntax:
        features[f"type|lemma={claim_type}|{syntax['lemma']}"] = 1.0
    if claim.item is not None:
        head = claim.item.value.split()[-1].lower() if claim.item.value.split() else ""
        features[f"item={head}"] = 1.0
        features[f"type|kind={claim_type}|{kind}"] = 1.0
    for word in window:
        features[f"w={word}"] = 1.0
    for word in sentence_bag:
        features[f"s={word}"] = 0.5
    return features
