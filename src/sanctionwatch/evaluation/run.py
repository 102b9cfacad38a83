"""Run an extractor over a gold file and score it; or re-score a predictions file.

The extractor is a parameter (anything with the signature of
``sanctionwatch.extract.extract_claims``), so this module never imports the extractor
and tests can pass a fake one. The JSON shape of the report is documented in
:mod:`sanctionwatch.evaluation.report`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from sanctionwatch.domain import Claim
from sanctionwatch.evaluation.gold import GoldClaim, load_gold, parse_claim
from sanctionwatch.evaluation.predictions import (
    claim_to_gold_dict,
    read_predictions,
    write_predictions,
)
from sanctionwatch.evaluation.report import EvalReport, Grounding, Speed
from sanctionwatch.evaluation.score import score_documents


class Extractor(Protocol):
    """The signature of ``sanctionwatch.extract.extract_claims``."""

    def __call__(
        self, text: str, *, published: str | None = None, document_id: str = ""
    ) -> list[Claim]: ...


def evaluate(
    gold_path: str | Path,
    *,
    extractor: Extractor,
    predictions_path: str | Path | None = None,
) -> EvalReport:
    """Extract claims from every gold document, score them, optionally write predictions.

    Speed counts the extractor calls alone (``time.perf_counter``), after one untimed
    warm-up call; words are whitespace-separated tokens of the document text.
    """
    gold = load_gold(gold_path)
    extracted: dict[str, list[Claim]] = {}
    seconds = 0.0
    if gold:
        # One untimed call loads lexicons and the tokenizer, so speed is the steady state.
        extractor(gold[0].text[:2000], published=gold[0].published, document_id="warm-up")
    for document in gold:
        started = time.perf_counter()
        claims = extractor(document.text, published=document.published, document_id=document.doc_id)
        seconds += time.perf_counter() - started
        extracted[document.doc_id] = list(claims)
    texts = {d.doc_id: d.text for d in gold}
    predictions = {
        doc_id: [to_gold_claim(c, text=texts[doc_id]) for c in claims]
        for doc_id, claims in extracted.items()
    }
    if predictions_path is not None:
        write_predictions(predictions_path, extracted.items())
    return EvalReport(
        gold_path=str(gold_path),
        predictions_path=None if predictions_path is None else str(predictions_path),
        scores=score_documents(gold, predictions),
        grounding=measure_grounding(
            [(texts[doc_id], claims) for doc_id, claims in extracted.items()]
        ),
        speed=Speed(
            documents=len(gold),
            words=sum(len(d.text.split()) for d in gold),
            seconds=seconds,
        ),
        extractors=_extractor_names(extracted.values()),
    )


def evaluate_predictions(gold_path: str | Path, predictions_path: str | Path) -> EvalReport:
    """Score a predictions file written by :func:`evaluate` (no grounding, no speed)."""
    gold = load_gold(gold_path)
    predictions = read_predictions(predictions_path, texts={d.doc_id: d.text for d in gold})
    return EvalReport(
        gold_path=str(gold_path),
        predictions_path=str(predictions_path),
        scores=score_documents(gold, predictions),
    )


def measure_grounding(documents: Sequence[tuple[str, Sequence[Claim]]]) -> Grounding:
    """Count the spans of the claims (``Claim.spans()``) that slice back to their text."""
    spans = grounded = 0
    for text, claims in documents:
        for claim in claims:
            for span in claim.spans():
                spans += 1
                grounded += span.is_grounded_in(text)
    return Grounding(spans=spans, grounded=grounded)


def to_gold_claim(claim: Claim, *, text: str) -> GoldClaim:
    """A predicted claim as the scorer sees it: through the same dict a file would hold."""
    return parse_claim(claim_to_gold_dict(claim), text=text)


def _extractor_names(claim_lists: Iterable[Sequence[Claim]]) -> tuple[str, ...]:
    names = {c.extractor for claims in claim_lists for c in claims if c.extractor}
    return tuple(sorted(names))
