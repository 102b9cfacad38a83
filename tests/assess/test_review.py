"""Corrections applied to claims and clusters (assess.review): pure, no store."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from sanctionwatch.assess.profiles import ClaimCluster
from sanctionwatch.assess.review import apply_incident_corrections, review_claims, review_reasons
from sanctionwatch.domain import Claim, ClaimType, Modality
from sanctionwatch.domain.correction import (
    Correction,
    CorrectionError,
    CorrectionKind,
    check_correction,
)

AT = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)


def _on(claim: Claim, kind: str, data: dict[str, Any], *, minute: int = 0) -> Correction:
    return Correction(
        id=f"cor_{kind}_{minute}",
        subject="claim",
        subject_id=claim.id,
        kind=CorrectionKind(kind),
        data=check_correction("claim", kind, data),
        author="Ana",
        created_at=AT.replace(minute=minute),
        document_id=claim.document_id,
        claim_type=claim.type.value,
        evidence_start=claim.evidence.start,
        evidence_end=claim.evidence.end,
        evidence_text=claim.evidence.text,
    )


CASES = [
    ("role", {"role": "target", "codes": ["CN"]}, lambda c: c.target_codes == ("CN",)),
    (
        "quantity",
        {"low": 5000, "high": 5000, "unit": "shell", "text": "900"},
        lambda c: (c.quantity.low, c.quantity.span.text) == (5000, "900"),
    ),
    ("time", {"start": "2023-09"}, lambda c: (c.time.start, c.time.grain) == ("2023-09", "month")),
    ("modality", {"modality": "denied"}, lambda c: c.modality is Modality.DENIED),
]


@pytest.mark.parametrize(("kind", "data", "check"), CASES, ids=[c[0] for c in CASES])
def test_review_correction_sets_the_value_and_keeps_spans_grounded(
    make_claim: Callable[..., Claim],
    kind: str,
    data: dict[str, Any],
    check: Callable[[Claim], bool],
) -> None:
    claim = make_claim("arms_transfer", ["KP"], ["RU"], quantity=(900, 900, "shell"))
    (corrected,) = review_claims([claim], [_on(claim, kind, data)]).claims
    assert check(corrected)
    assert corrected.rules[-1] == f"review:cor_{kind}_0"
    text = " ".join(
        ["The first state sent 900 shells to the second state in May, an agency said."] * 40
    )
    assert all(span.is_grounded_in(text) for span in corrected.spans())


def test_review_rejected_claim_leaves_the_claims(make_claim: Callable[..., Claim]) -> None:
    claim = make_claim("arms_transfer", ["KP"], ["RU"])
    reviewed = review_claims([claim], [_on(claim, "reject", {"reason": "a question"})])
    assert reviewed.claims == [] and reviewed.rejected == [claim]
    assert reviewed.reviews[claim.id].rejected


def test_review_finds_the_claim_by_span_when_a_new_extractor_changed_its_id(
    make_claim: Callable[..., Claim],
) -> None:
    old = make_claim("arms_transfer", ["KP"], ["RU"], tag="v1")
    new = make_claim("arms_transfer", ["KP"], ["RU"], tag="v2")
    assert old.id != new.id
    reviewed = review_claims([new], [_on(old, "role", {"role": "target", "codes": ["IR"]})])
    assert reviewed.claims[0].target_codes == ("IR",)
    review = reviewed.reviews[new.id]
    assert (review.matched_by, review.sentence_changed) == ("span", False)


def test_review_flags_a_changed_sentence(make_claim: Callable[..., Claim]) -> None:
    claim = make_claim("arms_transfer", ["KP"], ["RU"], tag="v1")
    correction = dataclasses.replace(
        _on(claim, "modality", {"modality": "uncertain"}), evidence_text="Another sentence."
    )
    reviewed = review_claims([claim], [correction])
    assert reviewed.reviews[claim.id].sentence_changed
    assert "(sentence changed since)" in review_reasons(reviewed.reviews.values())[0]


def test_review_keeps_a_correction_that_finds_no_claim_as_unmatched(
    make_claim: Callable[..., Claim],
) -> None:
    claim = make_claim("arms_transfer", ["KP"], ["RU"])
    other = make_claim("trade", ["KP"], ["CN"], doc="doc-b")
    reviewed = review_claims([other], [_on(claim, "reject", {})])
    assert reviewed.claims == [other] and len(reviewed.unmatched) == 1


def test_review_later_correction_of_a_role_wins(make_claim: Callable[..., Claim]) -> None:
    claim = make_claim("arms_transfer", ["KP"], ["RU"])
    first = _on(claim, "role", {"role": "target", "codes": ["CN"]}, minute=1)
    second = _on(claim, "role", {"role": "target", "codes": ["IR"]}, minute=2)
    (corrected,) = review_claims([claim], [second, first]).claims
    assert corrected.target_codes == ("IR",)


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("role", {"role": "item", "codes": ["CN"]}),
        ("role", {"role": "target", "codes": ["China"]}),
        ("quantity", {"low": 10, "high": 5}),
        ("quantity", {}),
        ("time", {"start": "2024-13"}),
        ("modality", {"modality": "maybe"}),
        ("note", {}),
        ("merge", {"into": "inc_x"}),
        ("explode", {}),
    ],
    ids=[
        "role-name",
        "role-code",
        "low-above-high",
        "no-figure",
        "month-13",
        "modality",
        "empty-note",
        "merge-on-claim",
        "unknown-kind",
    ],
)
def test_review_malformed_correction_is_e801(kind: str, data: dict[str, Any]) -> None:
    with pytest.raises(CorrectionError) as raised:
        check_correction("claim", kind, data)
    assert raised.value.code == "E801"


def _cluster(claims: list[Claim], id: str) -> ClaimCluster:
    return ClaimCluster(ClaimType.ARMS_TRANSFER, ("KP",), ("RU",), tuple(claims), id=id)


def _incident(kind: str, data: dict[str, Any]) -> Correction:
    return Correction(
        id=f"cor_{kind}",
        subject="incident",
        subject_id="inc_a",
        kind=CorrectionKind(kind),
        data=data,
        author="Ana",
        created_at=AT,
    )


def test_review_merge_joins_two_clusters_and_redirects(make_claim: Callable[..., Claim]) -> None:
    a, b = (
        make_claim("arms_transfer", ["KP"], ["RU"], tag="a"),
        make_claim("arms_transfer", ["KP"], ["RU"], tag="b", doc="doc-b"),
    )
    merge = _incident(
        "merge", {"into": "inc_b", "incident_claim_ids": [a.id], "into_claim_ids": [b.id]}
    )
    clusters, redirects = apply_incident_corrections(
        [_cluster([a], "inc_a"), _cluster([b], "inc_b")], [merge]
    )
    assert [k.id for k in clusters] == ["inc_b"] and {c.id for c in clusters[0].claims} == {
        a.id,
        b.id,
    }
    assert redirects == {"inc_a": "inc_b"}


def test_review_split_moves_claims_to_their_own_cluster(make_claim: Callable[..., Claim]) -> None:
    a = make_claim("arms_transfer", ["KP"], ["RU"], tag="a")
    b = make_claim("arms_transfer", ["KP"], ["IR"], tag="b", doc="doc-b")
    clusters, _ = apply_incident_corrections(
        [_cluster([a, b], "inc_a")], [_incident("split", {"claim_ids": [b.id]})]
    )
    assert [[c.id for c in k.claims] for k in clusters] == [[a.id], [b.id]]
    assert clusters[0].id == "inc_a" and clusters[1].targets == ("IR",)


def test_review_split_again_after_a_rebuild_gave_the_whole_the_split_id(
    make_claim: Callable[..., Claim],
) -> None:
    a = make_claim("arms_transfer", ["KP"], ["RU"], tag="a")
    b = make_claim("arms_transfer", ["KP"], ["IR"], tag="b", doc="doc-b")
    split = _incident("split", {"claim_ids": [b.id]})
    (_, part), _ = apply_incident_corrections([_cluster([a, b], "inc_a")], [split])
    again, _ = apply_incident_corrections([_cluster([a, b], part.id)], [split])
    assert [k.id for k in again] == ["inc_a", part.id]
