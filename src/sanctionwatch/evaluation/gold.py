"""Gold claims: load the annotated JSONL described in ``shared/gold/README.md``.

One JSON object per line, one line per document. Every claim's evidence is located in
the document text: ``evidence_span`` (``[start, end]``) when the line carries one, else
``text.find(evidence)``. Predicted claims written by :mod:`.predictions` use the same
claim format and are parsed by the same :func:`parse_claim`, so gold and predictions
are scored as the same type.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sanctionwatch.domain import ClaimType, Modality

CLAIM_TYPES: tuple[str, ...] = tuple(t.value for t in ClaimType)
MODALITIES: tuple[str, ...] = tuple(m.value for m in Modality)


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    low: float | None
    high: float | None
    unit: str | None
    text: str | None


@dataclass(frozen=True, slots=True)
class GoldTime:
    start: str | None
    end: str | None
    text: str | None


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """A claim in the gold format, with its evidence located as ``[start, end)``."""

    type: str
    evidence: str
    start: int
    end: int
    source: frozenset[str]
    target: frozenset[str]
    item: str | None
    quantity: GoldQuantity | None
    time: GoldTime | None
    modality: str
    attributed_to: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    text: str
    claims: tuple[GoldClaim, ...]


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold JSONL file; a malformed line raises ``ValueError`` naming its line."""
    documents: list[GoldDocument] = []
    seen: set[str] = set()
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                document = parse_gold_document(json.loads(line))
                if document.doc_id in seen:
                    raise ValueError(f"duplicate doc_id {document.doc_id!r}")
            except ValueError as error:  # json.JSONDecodeError is a ValueError
                raise ValueError(f"{path}, line {number}: {error}") from error
            seen.add(document.doc_id)
            documents.append(document)
    return documents


def parse_gold_document(data: Any) -> GoldDocument:
    """One decoded gold line; evidence spans are checked against the text."""
    if not isinstance(data, Mapping):
        raise ValueError("a gold line must be a JSON object")
    doc_id = _require_str(data, "doc_id")
    text = _require_str(data, "text")
    raw_claims = data.get("claims")
    if not isinstance(raw_claims, list):
        raise ValueError("'claims' must be a list")
    claims = []
    for index, raw in enumerate(raw_claims):
        try:
            claims.append(parse_claim(raw, text=text, check_evidence=True))
        except ValueError as error:
            raise ValueError(f"claim {index}: {error}") from error
    return GoldDocument(
        doc_id=doc_id,
        title=_optional_str(data.get("title"), "title"),
        outlet=_optional_str(data.get("outlet"), "outlet"),
        published=_optional_str(data.get("published"), "published"),
        text=text,
        claims=tuple(claims),
    )


def parse_claim(data: Any, *, text: str | None, check_evidence: bool = False) -> GoldClaim:
    """A claim in the gold format; ``text`` is needed only when ``evidence_span`` is absent.

    With ``check_evidence`` (gold) the span must slice back to ``evidence`` exactly;
    a predicted span is trusted as given (grounding is measured separately).
    """
    if not isinstance(data, Mapping):
        raise ValueError("a claim must be a JSON object")
    claim_type = _require_str(data, "type")
    if claim_type not in CLAIM_TYPES:
        raise ValueError(f"unknown claim type {claim_type!r}")
    modality = data.get("modality", Modality.FACT.value)
    if modality not in MODALITIES:
        raise ValueError(f"unknown modality {modality!r}")
    evidence = _require_str(data, "evidence")
    start, end = _locate(data.get("evidence_span"), evidence, text, check=check_evidence)
    attributed = data.get("attributed_to") or []
    if not isinstance(attributed, list) or not all(isinstance(n, str) for n in attributed):
        raise ValueError("'attributed_to' must be a list of strings")
    return GoldClaim(
        type=claim_type,
        evidence=evidence,
        start=start,
        end=end,
        source=parse_codes(data.get("source"), "source"),
        target=parse_codes(data.get("target"), "target"),
        item=_optional_str(data.get("item"), "item"),
        quantity=_parse_quantity(data.get("quantity")),
        time=_parse_time(data.get("time")),
        modality=str(modality),
        attributed_to=tuple(attributed),
    )


def parse_codes(value: Any, field: str) -> frozenset[str]:
    """A code, a list of codes or null, as a set (null is the empty set)."""
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return frozenset(value)
    raise ValueError(f"{field!r} must be a code, a list of codes or null")


def _locate(span: Any, evidence: str, text: str | None, *, check: bool) -> tuple[int, int]:
    if span is not None:
        if not (
            isinstance(span, list)
            and len(span) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in span)
            and 0 <= span[0] <= span[1]
        ):
            raise ValueError("'evidence_span' must be [start, end] with 0 <= start <= end")
        start, end = span
        if check and text is not None and text[start:end] != evidence:
            raise ValueError(f"'evidence_span' {span} does not slice to the evidence")
        return start, end
    if text is None:
        raise ValueError("no 'evidence_span' and no text to find the evidence in")
    start = text.find(evidence)
    if start < 0:
        raise ValueError(f"evidence not found in text: {evidence[:60]!r}")
    return start, start + len(evidence)


def _parse_quantity(value: Any) -> GoldQuantity | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ValueError("'quantity' must be an object or null")
    low, high = _number(value.get("low"), "low"), _number(value.get("high"), "high")
    if low is None and high is None:
        return None
    unit = _optional_str(value.get("unit"), "quantity.unit")
    return GoldQuantity(low, high, unit, _optional_str(value.get("text"), "quantity.text"))


def _parse_time(value: Any) -> GoldTime | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ValueError("'time' must be an object or null")
    start = _optional_str(value.get("start"), "time.start")
    end = _optional_str(value.get("end"), "time.end")
    if start is None and end is None:
        return None
    return GoldTime(start, end, _optional_str(value.get("text"), "time.text"))


def _number(value: Any, field: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"quantity {field!r} must be a number or null")
    return float(value)


def _require_str(data: Mapping[str, Any], field: str) -> str:
    value = data.get(field)
    if not isinstance(value, str):
        raise ValueError(f"{field!r} must be a string")
    return value


def _optional_str(value: Any, field: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise ValueError(f"{field!r} must be a string or null")
