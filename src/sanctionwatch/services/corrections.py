"""Use cases of corrections: record one (then rebuild the incidents), read them back, export.

Recording a correction never touches the claim or the incident it is about: it is stored
beside them (``store.corrections``), and incidents are rebuilt with every correction
applied (``assess.review``), so the incident, its grade and every surface show the
corrected reading, and the next extractor's claims are corrected the same way.

``export_gold`` writes the documents that hold a corrected claim in the gold format of
``shared/gold/README.md``: every current claim of the document, with corrections applied
and rejected claims left out, so each correction becomes training data.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TextIO

from sanctionwatch import store as st
from sanctionwatch.assess.review import Reviewed, review_claims
from sanctionwatch.domain import Claim
from sanctionwatch.domain.correction import (
    CORRECTION_MISFIT,
    Correction,
    CorrectionError,
    CorrectionKind,
    check_correction,
    correction_id_for,
)
from sanctionwatch.evaluation.predictions import claim_to_gold_dict
from sanctionwatch.extract import extractor_id
from sanctionwatch.services.clustering import rebuild_incidents
from sanctionwatch.services.incidents import get_incident
from sanctionwatch.store.corrections import (
    corrected_document_ids,
    list_corrections,
    save_correction,
)

MAX_AUTHOR = 100


def correct_claim(
    store: st.Store,
    claim_id: str,
    *,
    kind: str,
    data: dict[str, Any],
    author: str,
    rebuild: bool = True,
) -> Correction:
    """Record a correction of a claim and rebuild the incidents so they follow it."""
    claim = st.get_claim(store, claim_id)
    payload = check_correction("claim", kind, data)
    at = datetime.now(UTC)
    who = _author(author)
    correction = Correction(
        id=correction_id_for(claim.id, kind, payload, who, at.isoformat()),
        subject="claim",
        subject_id=claim.id,
        kind=CorrectionKind(kind),
        data=payload,
        author=who,
        created_at=at,
        document_id=claim.document_id,
        claim_type=claim.type.value,
        evidence_start=claim.evidence.start,
        evidence_end=claim.evidence.end,
        evidence_text=claim.evidence.text,
    )
    return _record(store, correction, rebuild=rebuild)


def correct_incident(
    store: st.Store,
    incident_id: str,
    *,
    kind: str,
    data: dict[str, Any],
    author: str,
    rebuild: bool = True,
) -> Correction:
    """Merge, split or annotate an incident; the claims it holds now are recorded with it."""
    incident = get_incident(store, incident_id)
    payload = check_correction("incident", kind, data)
    held = sorted(incident.claim_ids)
    if kind == CorrectionKind.MERGE:
        into = get_incident(store, payload["into"])
        if into.id == incident.id or into.type is not incident.type:
            raise CorrectionError(
                "an incident merges only into another incident of its type",
                code=CORRECTION_MISFIT,
            )
        payload = {**payload, "into": into.id, "into_claim_ids": sorted(into.claim_ids)}
    if kind == CorrectionKind.SPLIT:
        ids = set(payload["claim_ids"])
        if not ids <= set(held) or ids == set(held):
            raise CorrectionError(
                "a split takes some, not all, of the claims the incident holds",
                code=CORRECTION_MISFIT,
            )
    payload = {**payload, "incident_claim_ids": held}
    at = datetime.now(UTC)
    who = _author(author)
    correction = Correction(
        id=correction_id_for(incident.id, kind, payload, who, at.isoformat()),
        subject="incident",
        subject_id=incident.id,
        kind=CorrectionKind(kind),
        data=payload,
        author=who,
        created_at=at,
    )
    return _record(store, correction, rebuild=rebuild)


def reviewed_claims(store: st.Store, claims: Sequence[Claim]) -> Reviewed:
    """``claims`` with the corrections on their documents applied."""
    documents = {c.document_id for c in claims}
    corrections = list_corrections(store, subject="claim", document_ids=documents)
    return review_claims(claims, corrections)


def correction_statuses(store: st.Store, corrections: Sequence[Correction]) -> dict[str, str]:
    """Where each claim correction stands against the current claims: ``applied`` (its
    claim by id), ``moved`` (found by span under a new id), ``sentence changed``, or
    ``unmatched`` (no current claim: kept, shown, never dropped)."""
    on_claims = [c for c in corrections if c.subject == "claim"]
    documents = sorted({c.document_id for c in on_claims if c.document_id})
    claims = [
        claim
        for doc_id in documents
        for claim in st.list_claims(store, document_id=doc_id, extractor=extractor_id())
    ]
    reviewed = review_claims(claims, on_claims)
    out = {c.id: "unmatched" for c in reviewed.unmatched}
    evidence = {c.id: c.evidence.text for c in claims}
    for review in reviewed.reviews.values():
        for c in review.corrections:
            if c.evidence_text is not None and c.evidence_text != evidence[review.claim_id]:
                out[c.id] = "sentence changed"
            else:
                out[c.id] = "applied" if c.subject_id == review.claim_id else "moved"
    return out


def incident_notes(store: st.Store, incident_id: str) -> list[Correction]:
    return list_corrections(store, subject="incident", subject_ids=[incident_id])


def export_gold(store: st.Store, handle: TextIO) -> int:
    """Write one gold line per document with a corrected claim; returns the claim count."""
    count = 0
    extractor = extractor_id()
    for doc_id in corrected_document_ids(store):
        doc = st.get_document(store, doc_id)
        reviewed = reviewed_claims(
            store, st.list_claims(store, document_id=doc_id, extractor=extractor)
        )
        claims = []
        for claim in reviewed.claims:
            line = claim_to_gold_dict(claim)
            line.pop("evidence_span")
            claims.append(line)
        record = {
            "doc_id": doc.external_id or doc.id,
            "title": doc.title,
            "outlet": doc.outlet,
            "published": doc.published,
            "url": doc.url,
            "text": doc.text,
            "claims": claims,
            "reviewed_claim_ids": sorted(reviewed.reviews),
        }
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += len(claims)
    return count


def _author(author: str) -> str:
    cleaned = " ".join(author.split())
    if not cleaned or len(cleaned) > MAX_AUTHOR:
        raise CorrectionError(f"author is required (at most {MAX_AUTHOR} characters)")
    return cleaned


def _record(store: st.Store, correction: Correction, *, rebuild: bool) -> Correction:
    """Store a correction; the incidents follow it at once unless it is only a note."""
    save_correction(store, correction)
    if rebuild and correction.kind is not CorrectionKind.NOTE:
        rebuild_incidents(store)
    return correction
