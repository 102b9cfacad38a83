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
    Span,
    TimeValue,
    claim_id_for,
    make_span,
)

TEXT = "The first state sent 900 shells to the second state in May, an agency said."
# Many copies of the sentence, so a claim can sit far from another in one document.
STRIDE = len(TEXT) + 1
LONG_TEXT = " ".join([TEXT] * 200)


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
    at: int = 0,
    coref: bool = False,
    guessed: Sequence[str] = (),
) -> Claim:
    """``tag`` keeps ids apart when one document carries several test claims; ``at`` puts
    the claim in the ``at``-th sentence of a long document (each ~80 characters on);
    ``coref`` marks the actors as filled by coreference; ``guessed`` names the roles
    ("source", "target") the extractor filled from the document's topic."""

    grain = {4: "year", 7: "month"}.get(len(start or end or ""), "day")
    o = at * STRIDE

    def span(start_at: int, end_at: int) -> Span:
        return make_span(LONG_TEXT, o + start_at, o + end_at, document_id=doc)

    rule = "coref:topic" if coref else "t"

    def role_span(role: str, start_at: int, end_at: int) -> Span:
        # A guessed role is grounded where the document named the state before, one
        # sentence back, not in the claim's own sentence.
        back = STRIDE if role in guessed and at > 0 else 0
        return span(start_at - back, end_at - back)

    return Claim(
        id=claim_id_for(doc, claim_type, o, o + len(TEXT), f"test@{tag}"),
        document_id=doc,
        type=ClaimType(claim_type),
        evidence=span(0, len(TEXT)),
        trigger=span(16, 20),
        sources=tuple(RoleFiller(role_span("source", 0, 15), c, rule) for c in sources),
        targets=tuple(RoleFiller(role_span("target", 35, 51), c, rule) for c in targets),
        item=RoleFiller(span(25, 31), item, "t") if item else None,
        quantity=Quantity(span(21, 24), *quantity) if quantity else None,
        time=TimeValue(span(52, 58), start, end, grain) if start or end else None,
        modality=modality,
        attributions=tuple(Attribution(span(60, 69), name, None) for name in cited),
        extractor="test@1",
        rules=tuple(f"{role}:coref:document-topic" for role in guessed),
    )


@pytest.fixture(scope="session")
def make_claim() -> Callable[..., Claim]:
    return build_claim
