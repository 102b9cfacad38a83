"""Apply analysts' corrections to claims and clusters, leaving the machine's output as it was.

A claim correction finds its claim by id; when a new extractor gave the claim another id,
by the same document and type with the most overlapping evidence span. When the evidence
text is no longer the one the correction was made on, the review says
``sentence_changed`` so a page can ask the analyst to look again. A correction that finds
no claim is kept and reported as unmatched, never dropped.

Corrected values keep spans into the document (the span the machine had, the text the
analyst quoted, or the evidence), so grounding holds, and their rule is
``review:<correction id>``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sanctionwatch.assess.profiles import ClaimCluster
from sanctionwatch.domain import Claim, ClaimType, Modality, Quantity, RoleFiller, Span, TimeValue
from sanctionwatch.domain.correction import Correction, CorrectionKind
from sanctionwatch.domain.span import make_span

_PARTICIPANTS = frozenset({ClaimType.MEETING, ClaimType.AGREEMENT})
_GRAINS = {4: "year", 7: "month", 10: "day"}


@dataclass(frozen=True)
class Review:
    """What analysts said about one current claim."""

    claim_id: str
    corrections: tuple[Correction, ...]
    matched_by: str
    """id | span: how the corrections found this claim"""
    sentence_changed: bool = False

    @property
    def rejected(self) -> bool:
        return any(c.kind is CorrectionKind.REJECT for c in self.corrections)

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id,
            "rejected": self.rejected,
            "matched_by": self.matched_by,
            "sentence_changed": self.sentence_changed,
            "corrections": [correction_to_dict(c) for c in self.corrections],
        }


@dataclass(frozen=True)
class Reviewed:
    claims: list[Claim]
    """The claims to use: corrected, rejected ones left out."""
    reviews: dict[str, Review]
    rejected: list[Claim]
    unmatched: list[Correction]


def correction_to_dict(correction: Correction) -> dict[str, Any]:
    return {
        "id": correction.id,
        "subject": correction.subject,
        "subject_id": correction.subject_id,
        "kind": correction.kind.value,
        "data": correction.data,
        "author": correction.author,
        "created_at": correction.created_at.isoformat(),
        "summary": correction.describe(),
        "document_id": correction.document_id,
        "evidence_text": correction.evidence_text,
    }


def review_claims(claims: Sequence[Claim], corrections: Iterable[Correction]) -> Reviewed:
    """The claims with their corrections applied, oldest correction first."""
    by_id = {c.id: c for c in claims}
    found: dict[str, list[Correction]] = {}
    how: dict[str, str] = {}
    changed: set[str] = set()
    unmatched = []
    ordered = sorted(corrections, key=lambda c: (c.created_at, c.id))
    for correction in (c for c in ordered if c.subject == "claim"):
        claim = by_id.get(correction.subject_id) or _by_span(claims, correction)
        if claim is None:
            unmatched.append(correction)
            continue
        found.setdefault(claim.id, []).append(correction)
        how.setdefault(claim.id, "id" if claim.id == correction.subject_id else "span")
        if correction.evidence_text is not None and claim.evidence.text != correction.evidence_text:
            changed.add(claim.id)
    reviews = {
        cid: Review(cid, tuple(cs), how[cid], sentence_changed=cid in changed)
        for cid, cs in found.items()
    }
    kept, rejected = [], []
    for claim in claims:
        review = reviews.get(claim.id)
        if review is None:
            kept.append(claim)
        elif review.rejected:
            rejected.append(claim)
        else:
            kept.append(correct_claim(claim, review.corrections))
    return Reviewed(kept, reviews, rejected, unmatched)


def _by_span(claims: Sequence[Claim], correction: Correction) -> Claim | None:
    if correction.evidence_start is None or correction.evidence_end is None:
        return None
    lo, hi = correction.evidence_start, correction.evidence_end
    best: tuple[int, str] | None = None
    chosen = None
    for claim in claims:
        if claim.document_id != correction.document_id or claim.type.value != correction.claim_type:
            continue
        overlap = min(hi, claim.evidence.end) - max(lo, claim.evidence.start)
        if overlap > 0 and (best is None or (overlap, claim.id) > best):
            best, chosen = (overlap, claim.id), claim
    return chosen


def correct_claim(claim: Claim, corrections: Iterable[Correction]) -> Claim:
    """The claim as the analysts said it is."""
    for correction in corrections:
        rule = f"review:{correction.id}"
        d = correction.data
        kind = correction.kind
        if kind is CorrectionKind.ROLE:
            old = claim.sources if d["role"] == "source" else claim.targets
            span = old[0].span if old else claim.trigger
            fillers = tuple(RoleFiller(span, code, rule) for code in d["codes"])
            if d["role"] == "source":
                claim = dataclasses.replace(claim, sources=fillers)
            else:
                claim = dataclasses.replace(claim, targets=fillers)
        elif kind is CorrectionKind.QUANTITY:
            base = claim.quantity
            span = _quote(claim, d.get("text")) or (base.span if base else claim.evidence)
            claim = dataclasses.replace(
                claim,
                quantity=Quantity(
                    span,
                    d.get("low"),
                    d.get("high"),
                    d.get("unit") or (base.unit if base else None),
                    kind=base.kind if base else "count",
                    rate=base.rate if base else None,
                    rule=rule,
                ),
            )
        elif kind is CorrectionKind.TIME:
            span = _quote(claim, d.get("text")) or (
                claim.time.span if claim.time else claim.evidence
            )
            grain = _GRAINS.get(len(d["start"]), "year")
            claim = dataclasses.replace(
                claim, time=TimeValue(span, d["start"], d.get("end"), grain, rule=rule)
            )
        elif kind is CorrectionKind.MODALITY:
            claim = dataclasses.replace(claim, modality=Modality(d["modality"]))
        else:
            continue
        claim = dataclasses.replace(claim, rules=(*claim.rules, rule))
    return claim


def _quote(claim: Claim, text: str | None) -> Span | None:
    """The analyst's quoted words inside the evidence, as a span of the document."""
    if not text:
        return None
    at = claim.evidence.text.find(text)
    if at < 0:
        return None
    # evidence.text is document.text[evidence.start:evidence.end], so a slice of it is a
    # slice of the document at the shifted offsets.
    inner = make_span(claim.evidence.text, at, at + len(text))
    start = claim.evidence.start + inner.start
    return Span(start, start + len(inner.text), inner.text, claim.document_id)


def apply_incident_corrections(
    clusters: Sequence[ClaimCluster], corrections: Iterable[Correction]
) -> tuple[list[ClaimCluster], dict[str, str]]:
    """Clusters after merges and splits, and the redirects merges leave (old id → new)."""
    out = list(clusters)
    redirects: dict[str, str] = {}
    for correction in sorted(corrections, key=lambda c: (c.created_at, c.id)):
        if correction.subject != "incident":
            continue
        if correction.kind is CorrectionKind.MERGE:
            out, moved = _merge(out, correction)
            redirects.update(moved)
        elif correction.kind is CorrectionKind.SPLIT:
            out = _split(out, correction)
    return out, redirects


def _holding(clusters: Sequence[ClaimCluster], claim_ids: Iterable[str]) -> int | None:
    wanted = set(claim_ids)
    scores = [(len(wanted & {c.id for c in k.claims}), -i) for i, k in enumerate(clusters)]
    best = max(scores, default=(0, 0))
    return -best[1] if best[0] > 0 else None


def _merge(
    clusters: list[ClaimCluster], correction: Correction
) -> tuple[list[ClaimCluster], dict[str, str]]:
    a = _holding(clusters, correction.data.get("incident_claim_ids", ()))
    b = _holding(clusters, correction.data.get("into_claim_ids", ()))
    if a is None or b is None or a == b or clusters[a].type is not clusters[b].type:
        return clusters, {}
    left, right = clusters[a], clusters[b]
    merged = _with_claims(
        right, right.supporting + left.supporting, right.contradicting + left.contradicting
    )
    # Keep the id the analyst merged into, whichever side a rebuild gave it to.
    into = correction.data.get("into")
    keep, other = (left.id, right.id) if into == left.id else (right.id, left.id)
    merged = dataclasses.replace(merged, id=keep)
    out = [merged if i == b else k for i, k in enumerate(clusters) if i != a]
    moved = {old: keep for old in {other, correction.subject_id} if old != keep}
    return out, moved


def _split(clusters: list[ClaimCluster], correction: Correction) -> list[ClaimCluster]:
    ids = set(correction.data["claim_ids"])
    index = _holding(clusters, ids)
    if index is None:
        return clusters
    whole = clusters[index]
    stay = [c for c in whole.claims if c.id not in ids]
    if not stay:
        return clusters
    keep = _with_claims(
        whole,
        tuple(c for c in whole.supporting if c.id not in ids),
        tuple(c for c in whole.contradicting if c.id not in ids),
    )
    part = _with_claims(
        whole,
        tuple(c for c in whole.supporting if c.id in ids),
        tuple(c for c in whole.contradicting if c.id in ids),
    )
    new_id = _id_for(correction.id)
    part = dataclasses.replace(part, id=new_id, parent=None, anchors=())
    if keep.id == new_id:
        # A rebuild gave the rejoined cluster the split-off id (its claims held it last
        # time): the rest takes back the id the split was made on, if nobody holds it.
        taken = {k.id for k in clusters}
        rest = correction.subject_id
        keep = dataclasses.replace(
            keep, id=rest if rest not in taken else _id_for(correction.id + ":rest")
        )
    return [*clusters[:index], keep, part, *clusters[index + 1 :]]


def _id_for(key: str) -> str:
    return "inc_" + hashlib.sha256(key.encode()).hexdigest()[:20]


def _with_claims(
    cluster: ClaimCluster, supporting: tuple[Claim, ...], contradicting: tuple[Claim, ...]
) -> ClaimCluster:
    claims = supporting or contradicting
    sources = {code for c in claims for code in c.source_codes}
    targets = {code for c in claims for code in c.target_codes}
    if cluster.type in _PARTICIPANTS:
        sources, targets = sources | targets, set()
    return dataclasses.replace(
        cluster,
        supporting=supporting,
        contradicting=contradicting,
        sources=tuple(sorted(sources)),
        targets=tuple(sorted(targets)),
    )


def review_reasons(reviews: Iterable[Review]) -> list[str]:
    """Lines for the grade's reasons: who changed what, when."""
    out = []
    for review in reviews:
        for c in review.corrections:
            if c.kind is CorrectionKind.NOTE:
                continue
            when = c.created_at.strftime("%Y-%m-%d %H:%M UTC")
            flag = " (sentence changed since)" if review.sentence_changed else ""
            out.append(
                f"reviewed: claim {review.claim_id[:16]} {c.describe()} by {c.author}, {when}{flag}"
            )
    return out
