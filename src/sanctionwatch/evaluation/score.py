"""Pure scoring of predicted claims against gold, as ``shared/gold/README.md`` defines it.

Matching is one to one within a document: same type and overlapping evidence spans,
greedy by largest character overlap, ties broken by the smaller union of the two spans,
then by gold order, then by prediction order. On matched pairs:

- ``source`` / ``target``: equal as sets (null is the empty set); every pair is scored.
- ``modality``: equal; every pair. ``modality_non_fact``: pairs where either side is
  not ``fact``.
- ``quantity``: pairs where either side has one; correct iff both have one and ``low``
  and ``high`` are each within 1 % of the gold value (null must equal null).
- ``time``: pairs where either side has one; correct iff both have one and the
  predicted ``start`` truncated to the length of the gold ``start`` equals it (a
  coarser prediction is wrong); the ``end`` is compared the same way when gold has one.
- attribution: precision/recall/F1 over names, one to one per pair, after
  normalisation (lowercase, punctuation and articles dropped); two names match when
  one contains the other on word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sanctionwatch.evaluation.gold import CLAIM_TYPES, GoldClaim, GoldDocument

FIELDS: tuple[str, ...] = ("source", "target", "modality", "modality_non_fact", "quantity", "time")
_ARTICLES = frozenset({"the", "a", "an"})
_PUNCTUATION = re.compile(r"[^\w\s]")


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A matched pair that disagrees on ``field``; values are JSON-ready."""

    field: str
    type: str
    evidence: str
    gold: Any
    predicted: Any


@dataclass(frozen=True, slots=True)
class DocumentErrors:
    doc_id: str
    false_positives: tuple[tuple[str, str], ...]
    """(type, evidence) of predictions matched to no gold claim."""
    false_negatives: tuple[tuple[str, str], ...]
    """(type, evidence) of gold claims matched to no prediction."""
    mismatches: tuple[Mismatch, ...]


@dataclass(frozen=True, slots=True)
class Scores:
    documents: int
    gold_claims: int
    predicted_claims: int
    detection: Counts
    per_type: Mapping[str, Counts]
    fields: Mapping[str, Accuracy]
    attribution: Counts
    errors: tuple[DocumentErrors, ...] = ()


def score_documents(
    gold: Sequence[GoldDocument], predictions: Mapping[str, Sequence[GoldClaim]]
) -> Scores:
    """Score every gold document against its predictions (missing doc_id: none predicted)."""
    unknown = sorted(set(predictions) - {d.doc_id for d in gold})
    if unknown:
        raise ValueError(f"predictions for documents not in the gold: {unknown[:5]}")
    tally = _Tally()
    errors = tuple(_score_document(d, predictions.get(d.doc_id, ()), tally) for d in gold)
    return Scores(
        documents=len(gold),
        gold_claims=sum(len(d.claims) for d in gold),
        predicted_claims=sum(len(predictions.get(d.doc_id, ())) for d in gold),
        detection=Counts(*(sum(c[i] for c in tally.per_type.values()) for i in range(3))),
        per_type={t: Counts(*values) for t, values in tally.per_type.items()},
        fields={name: Accuracy(*values) for name, values in tally.fields.items()},
        attribution=Counts(*tally.names),
        errors=errors,
    )


@dataclass(slots=True)
class _Tally:
    """Running counts: [tp, fp, fn] per type, [correct, total] per field, names [tp, fp, fn]."""

    per_type: dict[str, list[int]] = field(
        default_factory=lambda: {t: [0, 0, 0] for t in CLAIM_TYPES}
    )
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in FIELDS})
    names: list[int] = field(default_factory=lambda: [0, 0, 0])


def _score_document(
    document: GoldDocument, predicted: Sequence[GoldClaim], tally: _Tally
) -> DocumentErrors:
    pairs = match_claims(document.claims, predicted)
    matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    missed = [c for i, c in enumerate(document.claims) if i not in matched_gold]
    spurious = [c for i, c in enumerate(predicted) if i not in matched_pred]
    for g, _ in pairs:
        tally.per_type[document.claims[g].type][0] += 1
    for claim in spurious:
        tally.per_type[claim.type][1] += 1
    for claim in missed:
        tally.per_type[claim.type][2] += 1
    mismatches = [m for g, p in pairs for m in _score_pair(document.claims[g], predicted[p], tally)]
    return DocumentErrors(
        doc_id=document.doc_id,
        false_positives=tuple((c.type, c.evidence) for c in spurious),
        false_negatives=tuple((c.type, c.evidence) for c in missed),
        mismatches=tuple(mismatches),
    )


def _score_pair(gold: GoldClaim, predicted: GoldClaim, tally: _Tally) -> list[Mismatch]:
    mismatches = []
    for name, check in _CHECKS.items():
        verdict = check(gold, predicted)
        if verdict is None:
            continue
        tally.fields[name][0] += verdict
        tally.fields[name][1] += 1
        if not verdict and name != "modality_non_fact":
            mismatches.append(_mismatch(name, gold, predicted))
    matches = match_names(gold.attributed_to, predicted.attributed_to)
    tally.names[0] += matches
    tally.names[1] += len(predicted.attributed_to) - matches
    tally.names[2] += len(gold.attributed_to) - matches
    if matches < max(len(gold.attributed_to), len(predicted.attributed_to)):
        mismatches.append(_mismatch("attributed_to", gold, predicted))
    return mismatches


def match_claims(
    gold: Sequence[GoldClaim], predicted: Sequence[GoldClaim]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, sorted by gold index."""
    candidates = []
    for g, gold_claim in enumerate(gold):
        for p, claim in enumerate(predicted):
            if gold_claim.type != claim.type:
                continue
            overlap = min(gold_claim.end, claim.end) - max(gold_claim.start, claim.start)
            if overlap > 0:
                union = max(gold_claim.end, claim.end) - min(gold_claim.start, claim.start)
                candidates.append((-overlap, union, g, p))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, g, p in sorted(candidates):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def normalise_name(name: str) -> str:
    """Lowercase, punctuation removed ("U.S." -> "us"), articles dropped."""
    words = _PUNCTUATION.sub("", name.lower()).split()
    return " ".join(w for w in words if w not in _ARTICLES)


def match_names(gold: Sequence[str], predicted: Sequence[str]) -> int:
    """Size of a maximum one-to-one matching of names that contain one another."""
    gold_norm = [normalise_name(n) for n in gold]
    pred_norm = [normalise_name(n) for n in predicted]
    edges = [[p for p, b in enumerate(pred_norm) if _contains(a, b)] for a in gold_norm]
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p not in seen:
                seen.add(p)
                if p not in owner or augment(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    return sum(augment(g, set()) for g in range(len(gold_norm)))


def _contains(a: str, b: str) -> bool:
    return bool(a and b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def _within(gold: float | None, predicted: float | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return abs(predicted - gold) <= 0.01 * abs(gold)


def _same_grain(gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return len(predicted) >= len(gold) and predicted[: len(gold)] == gold


def _check_quantity(gold: GoldClaim, predicted: GoldClaim) -> bool | None:
    g, p = gold.quantity, predicted.quantity
    if g is None and p is None:
        return None
    return g is not None and p is not None and _within(g.low, p.low) and _within(g.high, p.high)


def _check_time(gold: GoldClaim, predicted: GoldClaim) -> bool | None:
    g, p = gold.time, predicted.time
    if g is None and p is None:
        return None
    if g is None or p is None:
        return False
    return _same_grain(g.start, p.start) and (g.end is None or _same_grain(g.end, p.end))


def _check_non_fact(gold: GoldClaim, predicted: GoldClaim) -> bool | None:
    if gold.modality == "fact" and predicted.modality == "fact":
        return None
    return gold.modality == predicted.modality


_CHECKS: dict[str, Callable[[GoldClaim, GoldClaim], bool | None]] = {
    "source": lambda g, p: g.source == p.source,
    "target": lambda g, p: g.target == p.target,
    "modality": lambda g, p: g.modality == p.modality,
    "modality_non_fact": _check_non_fact,
    "quantity": _check_quantity,
    "time": _check_time,
}


def _mismatch(name: str, gold: GoldClaim, predicted: GoldClaim) -> Mismatch:
    return Mismatch(name, gold.type, gold.evidence, _value(gold, name), _value(predicted, name))


def _value(claim: GoldClaim, name: str) -> Any:
    value = getattr(claim, name)
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    if value is None or isinstance(value, str):
        return value
    return asdict(value)
