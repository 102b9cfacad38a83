"""Predicted claims in the gold claim format, written to and read from JSONL.

A predictions file has one line per document::

    {"doc_id": "...", "claims": [CLAIM, ...]}

where CLAIM is the gold claim format plus ``"evidence_span": [start, end]`` (offsets
into the document text), so that a file can be re-scored without the extractor.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sanctionwatch.domain import Claim, ClaimType, RoleFiller
from sanctionwatch.evaluation.gold import GoldClaim, load_gold, parse_claim
from sanctionwatch.evaluation.score import Scores, score_documents

_PARTICIPANT_TYPES = frozenset({ClaimType.MEETING, ClaimType.AGREEMENT})


def claim_to_gold_dict(claim: Claim) -> dict[str, Any]:
    """The claim in the gold format, with ``evidence_span``.

    Codes: one → string, several → sorted list, none → null. For ``meeting`` and
    ``agreement`` the source is the sorted list of all participants (sources and
    targets) and the target is null.
    """
    if claim.type in _PARTICIPANT_TYPES:
        participants = _codes((*claim.sources, *claim.targets))
        source: str | list[str] | None = participants or None
        target: str | list[str] | None = None
    else:
        source, target = _encode(_codes(claim.sources)), _encode(_codes(claim.targets))
    quantity = claim.quantity
    time = claim.time
    return {
        "type": claim.type.value,
        "evidence": claim.evidence.text,
        "evidence_span": [claim.evidence.start, claim.evidence.end],
        "source": source,
        "target": target,
        "item": claim.item.span.text if claim.item else None,
        "quantity": None
        if quantity is None
        else {
            "low": _number(quantity.low),
            "high": _number(quantity.high),
            "unit": quantity.unit,
            "text": quantity.span.text,
        },
        "time": None
        if time is None
        else {"start": time.start, "end": time.end, "text": time.span.text},
        "modality": claim.modality.value,
        "attributed_to": [a.name for a in claim.attributions],
    }


def write_predictions(path: str | Path, rows: Iterable[tuple[str, Sequence[Claim]]]) -> Path:
    """Write one line per ``(doc_id, claims)`` row; returns the path."""
    target = Path(path)
    with target.open("w", encoding="utf-8") as handle:
        for doc_id, claims in rows:
            line = {"doc_id": doc_id, "claims": [claim_to_gold_dict(c) for c in claims]}
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    return target


def read_predictions(
    path: str | Path, *, texts: Mapping[str, str] | None = None
) -> dict[str, list[GoldClaim]]:
    """Predicted claims by doc_id; ``texts`` lets claims without ``evidence_span`` be found.

    A malformed line raises ``ValueError`` naming its line.
    """
    out: dict[str, list[GoldClaim]] = {}
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                doc_id, claims = _parse_line(json.loads(line), texts or {})
                if doc_id in out:
                    raise ValueError(f"duplicate doc_id {doc_id!r}")
            except ValueError as error:
                raise ValueError(f"{path}, line {number}: {error}") from error
            out[doc_id] = claims
    return out


def score_files(gold_path: str | Path, predictions_path: str | Path) -> Scores:
    """Re-score a predictions file against a gold file."""
    gold = load_gold(gold_path)
    predictions = read_predictions(predictions_path, texts={d.doc_id: d.text for d in gold})
    return score_documents(gold, predictions)


def _parse_line(data: Any, texts: Mapping[str, str]) -> tuple[str, list[GoldClaim]]:
    if not isinstance(data, dict):
        raise ValueError("a predictions line must be a JSON object")
    doc_id, raw_claims = data.get("doc_id"), data.get("claims")
    if not isinstance(doc_id, str) or not isinstance(raw_claims, list):
        raise ValueError("a predictions line needs 'doc_id' (string) and 'claims' (list)")
    claims = []
    for index, raw in enumerate(raw_claims):
        try:
            claims.append(parse_claim(raw, text=texts.get(doc_id)))
        except ValueError as error:
            raise ValueError(f"claim {index}: {error}") from error
    return doc_id, claims


def _codes(fillers: Iterable[RoleFiller]) -> list[str]:
    return sorted({f.value for f in fillers})


def _encode(codes: list[str]) -> str | list[str] | None:
    if not codes:
        return None
    return codes[0] if len(codes) == 1 else codes


def _number(value: float | None) -> int | float | None:
    if value is not None and float(value).is_integer():
        return int(value)
    return value
