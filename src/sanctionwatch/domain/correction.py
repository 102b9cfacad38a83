"""Corrections: an analyst's statement about a claim or an incident, with author and time.

A correction never changes the machine's output; it sits beside it and is applied when
claims are read for incidents, pages and exports (``assess.review``). Kinds:

- on a claim: ``reject``; ``role`` (``role`` source|target, ``codes``); ``quantity``
  (``low``, ``high``, ``unit``, optional ``text`` as written); ``time`` (``start``,
  optional ``end``, ``text``); ``modality`` (``modality``); ``note`` (``text``);
- on an incident: ``merge`` (``into``: the incident it joins), ``split`` (``claim_ids``
  that leave it to form their own incident), ``note``.

Codes: E801 a correction that is not well formed; E802 one that does not fit its
subject (a merge across event types, a split of claims the incident does not hold).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sanctionwatch.domain.claim import Modality
from sanctionwatch.domain.errors import InputError

INVALID_CORRECTION = "E801"
CORRECTION_MISFIT = "E802"

_CODE = re.compile(r"^([A-Z]{2}|UN|EU)$")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


class CorrectionKind(StrEnum):
    REJECT = "reject"
    ROLE = "role"
    QUANTITY = "quantity"
    TIME = "time"
    MODALITY = "modality"
    NOTE = "note"
    MERGE = "merge"
    SPLIT = "split"


CLAIM_KINDS = frozenset(
    {
        CorrectionKind.REJECT,
        CorrectionKind.ROLE,
        CorrectionKind.QUANTITY,
        CorrectionKind.TIME,
        CorrectionKind.MODALITY,
        CorrectionKind.NOTE,
    }
)
INCIDENT_KINDS = frozenset({CorrectionKind.MERGE, CorrectionKind.SPLIT, CorrectionKind.NOTE})


class CorrectionError(InputError):
    code = INVALID_CORRECTION


@dataclass(frozen=True, slots=True)
class Correction:
    """One statement. For a claim, ``document_id``..``evidence_text`` say what it was made on."""

    id: str
    subject: str
    """claim | incident"""
    subject_id: str
    kind: CorrectionKind
    data: dict[str, Any]
    author: str
    created_at: datetime
    document_id: str | None = None
    claim_type: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    evidence_text: str | None = None

    def describe(self) -> str:
        """A short phrase for grade reasons and pages: "target set to CN"."""
        d = self.data
        if self.kind is CorrectionKind.REJECT:
            return "claim rejected"
        if self.kind is CorrectionKind.ROLE:
            return f"{d['role']} set to {', '.join(d['codes']) or 'none'}"
        if self.kind is CorrectionKind.QUANTITY:
            low, high = d.get("low"), d.get("high")
            shown = f"{low:g}" if low == high and low is not None else f"{low}–{high}"
            return f"figure set to {shown} {d.get('unit') or ''}".rstrip()
        if self.kind is CorrectionKind.TIME:
            end = f" to {d['end']}" if d.get("end") else ""
            return f"date set to {d['start']}{end}"
        if self.kind is CorrectionKind.MODALITY:
            return f"modality set to {d['modality']}"
        if self.kind is CorrectionKind.MERGE:
            return f"merged into {d['into']}"
        if self.kind is CorrectionKind.SPLIT:
            return f"{len(d['claim_ids'])} claim(s) split off"
        return f"note: {d.get('text', '')}"


def correction_id_for(
    subject_id: str, kind: str, data: dict[str, Any], author: str, at: str
) -> str:
    key = json.dumps([subject_id, kind, data, author, at], sort_keys=True, ensure_ascii=False)
    return "cor_" + hashlib.sha256(key.encode()).hexdigest()[:24]


def check_correction(subject: str, kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """The payload, normalised; ``CorrectionError`` (E801) saying what is wrong."""
    try:
        parsed = CorrectionKind(kind)
    except ValueError:
        raise CorrectionError(f"unknown correction kind {kind!r}") from None
    allowed = CLAIM_KINDS if subject == "claim" else INCIDENT_KINDS
    if parsed not in allowed:
        raise CorrectionError(f"a {subject} cannot take a {kind!r} correction")
    return _CHECKS[parsed](data)


def _reject(data: dict[str, Any]) -> dict[str, Any]:
    return {"reason": _text(data.get("reason"), "reason", required=False)}


def _role(data: dict[str, Any]) -> dict[str, Any]:
    role = data.get("role")
    if role not in {"source", "target"}:
        raise CorrectionError("role must be 'source' or 'target'")
    codes = data.get("codes")
    if isinstance(codes, str):
        codes = [c.strip() for c in codes.split(",") if c.strip()]
    if not isinstance(codes, list) or not all(isinstance(c, str) and _CODE.match(c) for c in codes):
        raise CorrectionError("codes must be ISO 3166 alpha-2 codes (or UN, EU)")
    return {"role": role, "codes": sorted(set(codes))}


def _quantity(data: dict[str, Any]) -> dict[str, Any]:
    low, high = _number(data.get("low"), "low"), _number(data.get("high"), "high")
    if low is None and high is None:
        raise CorrectionError("a figure needs low or high")
    if low is not None and high is not None and low > high:
        raise CorrectionError("low is above high")
    unit = _text(data.get("unit"), "unit", required=False)
    return {"low": low, "high": high, "unit": unit, "text": _text(data.get("text"), "text")}


def _time(data: dict[str, Any]) -> dict[str, Any]:
    start, end = data.get("start"), data.get("end") or None
    for name, value in (("start", start), ("end", end)):
        if value is not None and not (isinstance(value, str) and _DATE.match(value)):
            raise CorrectionError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD")
    if start is None:
        raise CorrectionError("a date needs start")
    return {"start": start, "end": end, "text": _text(data.get("text"), "text")}


def _modality(data: dict[str, Any]) -> dict[str, Any]:
    try:
        return {"modality": Modality(str(data.get("modality"))).value}
    except ValueError:
        names = ", ".join(m.value for m in Modality)
        raise CorrectionError(f"modality must be one of {names}") from None


def _note(data: dict[str, Any]) -> dict[str, Any]:
    text = _text(data.get("text"), "text", required=True)
    return {"text": text}


def _merge(data: dict[str, Any]) -> dict[str, Any]:
    into = data.get("into")
    if not isinstance(into, str) or not into.startswith("inc_"):
        raise CorrectionError("into must be an incident id")
    return {"into": into}


def _split(data: dict[str, Any]) -> dict[str, Any]:
    ids = data.get("claim_ids")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        raise CorrectionError("claim_ids must be a non-empty list of claim ids")
    return {"claim_ids": sorted(set(ids))}


def _number(value: Any, name: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise CorrectionError(f"{name} must be a number") from None
    if number != number or number < 0 or number in (float("inf"),):
        raise CorrectionError(f"{name} must be a non-negative number")
    return number


def _text(value: Any, name: str, *, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise CorrectionError(f"{name} is required")
        return None
    if not isinstance(value, str) or len(value) > 5000:
        raise CorrectionError(f"{name} must be text of at most 5000 characters")
    return value.strip()


_CHECKS = {
    CorrectionKind.REJECT: _reject,
    CorrectionKind.ROLE: _role,
    CorrectionKind.QUANTITY: _quantity,
    CorrectionKind.TIME: _time,
    CorrectionKind.MODALITY: _modality,
    CorrectionKind.NOTE: _note,
    CorrectionKind.MERGE: _merge,
    CorrectionKind.SPLIT: _split,
}
