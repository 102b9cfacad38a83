"""Train the decision model on the gold: ``make train`` (or ``python -m
sanctionwatch.extract.train --gold FILE... --out FILE``).

Every candidate the rules propose in a gold document is an example: positive when a gold
claim of the same type shares its evidence, negative otherwise (so every other sentence
teaches precision). A logistic regression (scikit-learn, liblinear, L2) learns the
weights; the threshold is the one that maximises F1 over out-of-fold probabilities of a
grouped cross-validation by document inside the training data, so it is never tuned on
what it will be scored on. The result is deterministic: the same gold gives the same file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sanctionwatch.evaluation.cv import CrossValidation, cross_validate
from sanctionwatch.evaluation.gold import GoldClaim, GoldDocument, load_gold
from sanctionwatch.extract.claims import Proposals, propose_claims
from sanctionwatch.extract.decision import FEATURES_VERSION, DecisionModel, proposer_kind

REGULARISATION = 0.5
"""Inverse L2 strength (scikit-learn's ``C``)."""
INNER_FOLDS = 4
LONE_LEMMA_FLOOR = 0.5
"""A candidate only a trigger lemma proposed is kept when the model finds it more likely a
claim than not, whatever cut the folds prefer: lone lemmas are few in the gold, so their
tuned cut swings from fold to fold, and idioms the gold never shows ("meets this moment")
must not pass on a cut tuned down for recall."""


@dataclass(frozen=True, slots=True)
class Example:
    document: str
    features: dict[str, float]
    label: int


def gold_hashes(paths: Iterable[str | Path]) -> dict[str, str]:
    return {Path(p).name: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths}


def propose_gold(documents: Sequence[GoldDocument]) -> dict[str, Proposals]:
    return {
        d.doc_id: propose_claims(d.text, published=d.published, document_id=d.doc_id)
        for d in documents
    }


def label_examples(proposals: Proposals, gold: Sequence[GoldClaim], document: str) -> list[Example]:
    """A candidate is positive when a gold claim of its type overlaps its evidence."""
    examples = []
    for _, candidates in proposals.sentences:
        for p in candidates:
            start, end = p.claim.evidence.start, p.claim.evidence.end
            positive = any(
                g.type == p.claim.type.value and g.start < end and start < g.end for g in gold
            )
            examples.append(Example(document, p.features, int(positive)))
    return examples


def examples_for(
    documents: Sequence[GoldDocument], proposals: Mapping[str, Proposals]
) -> list[Example]:
    return [e for d in documents for e in label_examples(proposals[d.doc_id], d.claims, d.doc_id)]


def fit_model(
    examples: Sequence[Example], *, trained_on: Mapping[str, str] | None = None
) -> DecisionModel:
    """Weights from all ``examples``, threshold from out-of-fold scores by document."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    features = [e.features for e in examples]
    labels = np.array([e.label for e in examples])
    groups = np.array([e.document for e in examples])

    def fit(rows: Sequence[dict[str, float]], y: object) -> tuple[DictVectorizer, object]:
        vectoriser = DictVectorizer()
        matrix = _int32(vectoriser.fit_transform(rows))
        model = LogisticRegression(C=REGULARISATION, solver="liblinear", random_state=0)
        model.fit(matrix, y)
        return vectoriser, model

    out_of_fold = np.zeros(len(examples))
    folds = min(INNER_FOLDS, len(set(groups)))
    if folds >= 2 and len(set(labels)) == 2:
        for train, test in GroupKFold(n_splits=folds).split(features, labels, groups):
            if len(set(labels[train])) < 2:
                continue
            vectoriser, model = fit([features[i] for i in train], labels[train])
            matrix = _int32(vectoriser.transform([features[i] for i in test]))
            out_of_fold[test] = model.predict_proba(matrix)[:, 1]  # type: ignore[attr-defined]
    kinds = [proposer_kind(e.features) for e in examples]
    thresholds = best_thresholds(out_of_fold.tolist(), labels.tolist(), kinds)
    vectoriser, model = fit(features, labels)
    coefficients = model.coef_[0]  # type: ignore[attr-defined]
    weights = {
        name: round(float(coefficients[index]), 6)
        for name, index in vectoriser.vocabulary_.items()
        if round(float(coefficients[index]), 6) != 0.0
    }
    return DecisionModel(
        weights=weights,
        bias=round(float(model.intercept_[0]), 6),  # type: ignore[attr-defined]
        threshold=thresholds.get("pattern", 0.5),
        thresholds=thresholds,
        features_version=FEATURES_VERSION,
        trained_on=dict(trained_on or {}),
        examples=len(examples),
    )


def _int32(matrix: Any) -> Any:
    """liblinear takes 32-bit sparse indices only."""
    import numpy as np

    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    return matrix


def best_thresholds(
    scores: Sequence[float], labels: Sequence[int], kinds: Sequence[str]
) -> dict[str, float]:
    """One cut per proposer kind (a trigger pattern, a lone trigger lemma), chosen together
    to maximise F1 of candidates; ties go to the higher cut, for precision."""
    import numpy as np

    score = np.asarray(scores)
    label = np.asarray(labels, dtype=bool)
    positives = int(label.sum())
    names = sorted(set(kinds)) or ["pattern"]
    if not positives:
        return dict.fromkeys(names, 0.5)
    cuts = np.round(np.arange(0.10, 0.91, 0.01), 2)
    kind = np.asarray(kinds)
    # tp and fp of each kind at each cut, then the best combination.
    table = {
        n: [
            (
                int((label & (kind == n) & (score >= c)).sum()),
                int((~label & (kind == n) & (score >= c)).sum()),
            )
            for c in cuts
        ]
        for n in names
    }
    best: tuple[float, tuple[int, ...]] = (-1.0, (len(cuts) - 1,) * len(names))
    for combo in _product(len(cuts), len(names)):
        if any(
            n == "lemma" and cuts[i] < LONE_LEMMA_FLOOR for n, i in zip(names, combo, strict=True)
        ):
            continue
        tp = sum(table[n][i][0] for n, i in zip(names, combo, strict=True))
        fp = sum(table[n][i][1] for n, i in zip(names, combo, strict=True))
        f1 = 2 * tp / (tp + fp + positives)
        if f1 >= best[0]:
            best = (f1, combo)
    return {n: float(cuts[i]) for n, i in zip(names, best[1], strict=True)}


def _product(size: int, repeat: int) -> Iterable[tuple[int, ...]]:
    import itertools

    return itertools.product(range(size), repeat=repeat)


def train_from_gold(paths: Sequence[str | Path]) -> DecisionModel:
    documents = [d for p in paths for d in load_gold(p)]
    proposals = propose_gold(documents)
    return fit_model(examples_for(documents, proposals), trained_on=gold_hashes(paths))


def cross_validate_gold(
    paths: Sequence[str | Path],
    *,
    k: int,
    seed: str = "",
    progress: Callable[[str], None] | None = None,
) -> CrossValidation:
    """``eval --cv k``: the decision retrained on k-1 folds by document, scored on the k-th."""
    from sanctionwatch.extract.claims import decide_claims

    return cross_validate(
        paths,
        k=k,
        propose=lambda d: propose_claims(d.text, published=d.published, document_id=d.doc_id),
        train=lambda documents, proposals: fit_model(examples_for(documents, proposals)),
        decide=lambda proposals, model: decide_claims(proposals, model=model),
        seed=seed,
        progress=progress,
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", nargs="+", required=True, help="gold JSONL files")
    parser.add_argument("--out", required=True, help="where to write the model JSON")
    args = parser.parse_args(argv)
    model = train_from_gold(args.gold)
    Path(args.out).write_text(json.dumps(model.to_dict(), indent=1, sort_keys=True) + "\n")
    print(
        f"{model.version}: {model.examples} examples, {len(model.weights)} weights, "
        f"thresholds {model.thresholds}"
    )


if __name__ == "__main__":
    main()
