"""Hand-built claims for the mapper tests; spans point into a short sentence written here."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from sanctionwatch.domain import Claim, ClaimType, Modality, RoleFiller, claim_id_for, make_span

TEXT = "One state shipped goods to another state last spring, a report said."
DOC_ID = "doc-law"

ClaimFactory = Callable[..., Claim]


def build_claim(
    claim_type: str,
    sources: Sequence[str] = (),
    targets: Sequence[str] = (),
    *,
    item: str | None = None,
    modality: Modality = Modality.FACT,
) -> Claim:
    evidence = make_span(TEXT, 0, len(TEXT), document_id=DOC_ID)
    trigger = make_span(TEXT, 10, 17, document_id=DOC_ID)
    source_span = make_span(TEXT, 0, 9, document_id=DOC_ID)
    target_span = make_span(TEXT, 27, 40, document_id=DOC_ID)
    item_span = make_span(TEXT, 18, 23, document_id=DOC_ID)
    return Claim(
        id=claim_id_for(DOC_ID, claim_type, 0, len(TEXT), f"test@{item}"),
        document_id=DOC_ID,
        type=ClaimType(claim_type),
        evidence=evidence,
        trigger=trigger,
        sources=tuple(RoleFiller(source_span, code, "test") for code in sources),
        targets=tuple(RoleFiller(target_span, code, "test") for code in targets),
        item=RoleFiller(item_span, item, "test") if item is not None else None,
        modality=modality,
        extractor="test@1",
    )


@pytest.fixture(scope="session")
def make_claim() -> ClaimFactory:
    return build_claim
