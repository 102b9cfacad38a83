"""Stored text cut at span boundaries into plain pieces, for templates to escape and mark.

Marks may nest (a trigger inside an evidence sentence) or overlap (two claims sharing a
sentence): the text is cut at every boundary, and each piece carries the kinds of every
mark that covers it. A template then writes each piece once, escaped, inside a ``<mark>``
with those kinds as classes — no HTML is ever built from source text here, and joining
the pieces gives back exactly ``text[start:end]``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

ROLE_KINDS = ("trigger", "source", "target", "item", "quantity", "time", "cue", "attribution")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str
    title: str = ""
    claim: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()

    @property
    def classes(self) -> str:
        return " ".join(self.kinds)

    @property
    def title(self) -> str:
        return "; ".join(self.titles)


def segment_text(
    text: str, marks: Iterable[Mark], *, start: int = 0, end: int | None = None
) -> list[Segment]:
    """``text[start:end]`` as pieces; marks outside the region are ignored, edges clipped."""
    end = len(text) if end is None else end
    inside = [
        Mark(max(m.start, start), min(m.end, end), m.kind, m.title, m.claim)
        for m in marks
        if m.start < end and m.end > start and m.end > m.start
    ]
    cuts = sorted({start, end, *(m.start for m in inside), *(m.end for m in inside)})
    pieces: list[Segment] = []
    for lo, hi in itertools.pairwise(cuts):
        covering = [m for m in inside if m.start <= lo and hi <= m.end]
        kinds = tuple(dict.fromkeys(m.kind for m in covering))
        titles = tuple(dict.fromkeys(m.title for m in covering if m.title))
        claims = tuple(dict.fromkeys(m.claim for m in covering if m.claim))
        pieces.append(Segment(text[lo:hi], kinds, titles, claims))
    return pieces


def _span_mark(span: Mapping[str, Any] | None, kind: str, title: str, claim: str) -> list[Mark]:
    if not span:
        return []
    return [Mark(int(span["start"]), int(span["end"]), kind, title, claim)]


def _number(value: float | None) -> str:
    if value is None:
        return "…"
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def role_marks(claim: Mapping[str, Any]) -> list[Mark]:
    """Trigger, actors, item, quantity, time, modality cue and attributions of a claim dict."""
    cid = str(claim["id"])
    marks = _span_mark(claim.get("trigger"), "trigger", f"trigger: {claim['type']}", cid)
    for role in ("source", "target"):
        for filler in claim.get(role) or []:
            marks += _span_mark(filler["span"], role, f"{role}: {filler['value']}", cid)
    item = claim.get("item")
    if item and item.get("span") != claim.get("trigger"):
        marks += _span_mark(item["span"], "item", f"item: {item['value']}", cid)
    quantity = claim.get("quantity")
    if quantity:
        low, high = _number(quantity.get("low")), _number(quantity.get("high"))
        title = f"quantity: {low}–{high} {quantity.get('unit') or ''}".strip()
        marks += _span_mark(quantity["span"], "quantity", title, cid)
    time = claim.get("time")
    if time:
        title = f"time: {time.get('start') or '…'}–{time.get('end') or ''}"
        marks += _span_mark(time["span"], "time", title, cid)
    marks += _span_mark(claim.get("modality_cue"), "cue", f"modality: {claim.get('modality')}", cid)
    for attribution in claim.get("attributed_to") or []:
        marks += _span_mark(attribution["span"], "attribution", f"per {attribution['name']}", cid)
    return marks


def evidence_mark(claim: Mapping[str, Any], *, kind: str = "evidence") -> Mark:
    evidence = claim["evidence"]
    title = f"{claim['type']} ({claim.get('modality', 'fact')})"
    return Mark(int(evidence["start"]), int(evidence["end"]), kind, title, str(claim["id"]))


def claim_marks(claims: Sequence[Mapping[str, Any]], *, roles: bool = True) -> list[Mark]:
    """Evidence sentences (kind ``evidence`` plus the claim's ``role`` if it has one)."""
    marks: list[Mark] = []
    for claim in claims:
        marks.append(evidence_mark(claim))
        if claim.get("role"):
            marks.append(evidence_mark(claim, kind=str(claim["role"])))
        if roles:
            marks += role_marks(claim)
    return marks


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (text between blank lines or line breaks) holding ``[start, end)``."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi
