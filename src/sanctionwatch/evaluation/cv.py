"""Cross-validation by document: the figure that says whether extraction generalises.

The documents of every gold file are dealt into ``k`` folds by a hash of their id (stable
across runs and machines; ``seed`` deals other folds, so the spread over a few seeds shows
how much of a change is the folds' noise). For each fold a model is trained on the other folds (its
threshold tuned inside them), the held-out documents are extracted with it and scored by
the same scorer as ``eval``. The report gives each fold, their mean, the worst fold and the
pooled counts. Candidate proposal (the rules and the parse) does not learn, so it runs once
per document; only the decision is retrained.

Like :mod:`sanctionwatch.evaluation.run`, this module never imports the extractor: the
proposer, the decider and the trainer are parameters.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sanctionwatch.domain import Claim
from sanctionwatch.evaluation.gold import GoldClaim, GoldDocument, load_gold, parse_claim
from sanctionwatch.evaluation.predictions import claim_to_gold_dict
from sanctionwatch.evaluation.score import Scores, score_documents

P = TypeVar("P")
M = TypeVar("M")


@dataclass(frozen=True)
class FoldResult:
    fold: int
    documents: int
    scores: Scores


@dataclass(frozen=True)
class CrossValidation:
    gold_paths: tuple[str, ...]
    folds: tuple[FoldResult, ...]
    pooled: Scores
    by_file: Mapping[str, Scores]
    """Pooled scores of each gold file's documents (each scored by the fold that held it)."""

    def summary(self) -> dict[str, Any]:
        """Mean, worst fold and pooled figures of the headline measures."""

        def figure(scores: Scores, name: str) -> float | None:
            if name in {"f1", "precision", "recall"}:
                value: float | None = getattr(scores.detection, name)
            elif name == "attribution_f1":
                value = scores.attribution.f1
            else:
                value = scores.fields[name].accuracy
            return value

        names = (
            *("f1", "precision", "recall", "source", "target", "modality"),
            *("modality_non_fact", "attribution_f1", "time", "quantity"),
        )
        out: dict[str, Any] = {}
        for name in names:
            values = [v for f in self.folds if (v := figure(f.scores, name)) is not None]
            out[name] = {
                "mean": sum(values) / len(values) if values else None,
                "worst": min(values) if values else None,
                "pooled": figure(self.pooled, name),
            }
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": list(self.gold_paths),
            "folds": [
                {
                    "fold": f.fold,
                    "documents": f.documents,
                    "detection": f.scores.detection.to_dict(),
                }
                for f in self.folds
            ],
            "summary": self.summary(),
            "pooled": {
                "detection": self.pooled.detection.to_dict(),
                "fields": {k: v.to_dict() for k, v in self.pooled.fields.items()},
                "attribution": self.pooled.attribution.to_dict(),
            },
        }


def fold_of(doc_id: str, k: int, seed: str = "") -> int:
    """The fold of a document: a hash of its id (and of ``seed``, to deal other folds)."""
    return int(hashlib.sha256((seed + doc_id).encode()).hexdigest(), 16) % k


def cross_validate(
    gold_paths: Sequence[str | Path],
    *,
    k: int,
    propose: Callable[[GoldDocument], P],
    train: Callable[[Sequence[GoldDocument], Mapping[str, P]], M],
    decide: Callable[[P, M], list[Claim]],
    seed: str = "",
    progress: Callable[[str], None] | None = None,
) -> CrossValidation:
    """Train on k-1 folds, score the k-th, for every fold; documents never cross folds."""
    if k < 2:
        raise ValueError("E116: cross-validation needs at least 2 folds")
    files = {str(p): load_gold(p) for p in gold_paths}
    documents = [d for file_documents in files.values() for d in file_documents]
    ids = [d.doc_id for d in documents]
    if len(set(ids)) != len(ids):
        raise ValueError("E117: a document id appears twice across the gold files")
    proposals = {d.doc_id: propose(d) for d in documents}
    results = []
    predictions: dict[str, list[GoldClaim]] = {}
    for fold in range(k):
        held = [d for d in documents if fold_of(d.doc_id, k, seed) == fold]
        rest = [d for d in documents if fold_of(d.doc_id, k, seed) != fold]
        if not held:
            continue
        model = train(rest, proposals)
        fold_predictions = {
            d.doc_id: [
                parse_claim(claim_to_gold_dict(c), text=d.text)
                for c in decide(proposals[d.doc_id], model)
            ]
            for d in held
        }
        predictions.update(fold_predictions)
        results.append(FoldResult(fold, len(held), score_documents(held, fold_predictions)))
        if progress is not None:
            progress(f"fold {fold + 1}/{k}: {len(held)} documents")
    by_file = {
        path: score_documents(
            file_documents, {d.doc_id: predictions[d.doc_id] for d in file_documents}
        )
        for path, file_documents in files.items()
    }
    return CrossValidation(
        tuple(str(p) for p in gold_paths),
        tuple(results),
        score_documents(documents, predictions),
        by_file,
    )
