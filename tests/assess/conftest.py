"""Hand-built claims for the assess tests; spans point into a short sentence written here."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from sanctionwatch.domain import (
    Attribution,
    Claim,
    ClaimType,
    Modality,
    Quantity,
    RoleFiller,
    TimeValue,
    claim_id_for,
    make_span,
)

TEXT = "The first state sent 900 shells to the second state in May, an agency said."


def build_claim(
    claim_type: str,
    sources: Sequence[str] = (),
    targets: Sequence[str] = (),
    *,
    doc: str = "doc-a",
    tag: str = "",
    item: str | None = None,
    start: str | None = None,
    end: str | None = None,
    modality: Modality = Modality.FACT,
    quantity: tuple[float | None, float | None, str | None] | None = None,
    cited: Sequence[str] = (),
) -> Claim:
    """``tag`` keeps ids apart when one document carries several test claims."""

    grain = {4: "year", 7: "month"}.get(len(start or end or ""), "day")
    return Claim(
        id=claim_id_for(doc, claim_type, 0, len(TEXT), f"test@{tag}"),
        document_id=doc,
        type=ClaimType(claim_type),
        evidence=make_span(TEXT, 0, len(TEXT), document_id=doc),
        trigger=make_span(TEXT, 16, 20, document_id=doc),
        sources=tuple(RoleFiller(make_span(TEXT, 0, 15, document_id=doc), c, "t") for c in sources),
        targets=tuple(
            RoleFiller(make_span(TEXT, 35, 51, document_id=doc), c, "t") for c in targets
        ),
        item=RoleFiller(make_span(TEXT, 25, 31, document_id=doc), item, "t") if item else None,
        quantity=(
            Quantity(make_span(TEXT, 21, 24, document_id=doc), *quantity) if quantity else None
        ),
        time=(
            TimeValue(make_span(TEXT, 52, 58, document_id=doc), start, end, grain)
            if start or end
            else None
        ),
        modality=modality,
        attributions=tuple(
            Attribution(make_span(TEXT, 60, 69, document_id=doc), name, None) for name in cited
        ),
        extractor="test@1",
    )


@pytest.fixture(scope="session")
def make_claim() -> Callable[..., Claim]:
    return build_claim
