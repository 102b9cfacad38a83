"""Hypothesis: what goes into the store comes out equal."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.domain import (
    Assessment,
    Attribution,
    Claim,
    ClaimType,
    Document,
    Incident,
    Modality,
    ProvisionMatch,
    Quantity,
    RoleFiller,
    Span,
    TimeValue,
    build_document,
)
from sanctionwatch.store import (
    Store,
    get_document,
    get_incident,
    list_claims,
    list_incidents,
    replace_incidents,
    save_claims,
    save_document,
)

DOC = build_document("A stored article that the generated claims point into.")
OTHER_DOC_ID = "cd" * 32

# No NUL: PostgreSQL text cannot hold it, and normalise_text strips it from every document,
# so no span, id or name taken from one can carry it.
texts = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=20)
opt_texts = st.none() | texts
numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False)
iso_dates = st.none() | st.sampled_from(["2022", "2023-07", "2024-02-29"])


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(0, 5_000))
    end = draw(st.integers(start, start + 300))
    return Span(start, end, draw(texts), draw(st.sampled_from([DOC.id, DOC.id, "", OTHER_DOC_ID])))


roles = st.builds(RoleFiller, span=spans(), value=texts, rule=texts)
claim_bodies = st.builds(
    Claim,
    id=st.just(""),
    document_id=st.just(DOC.id),
    type=st.sampled_from(ClaimType),
    evidence=spans(),
    trigger=spans(),
    sources=st.lists(roles, max_size=3).map(tuple),
    targets=st.lists(roles, max_size=3).map(tuple),
    item=st.none() | roles,
    quantity=st.none()
    | st.builds(
        Quantity,
        span=spans(),
        low=numbers,
        high=numbers,
        unit=opt_texts,
        kind=texts,
        rate=opt_texts,
        rule=texts,
    ),
    time=st.none()
    | st.builds(TimeValue, span=spans(), start=iso_dates, end=iso_dates, grain=texts, rule=texts),
    modality=st.sampled_from(Modality),
    modality_cue=st.none() | spans(),
    attributions=st.lists(
        st.builds(Attribution, span=spans(), name=texts, cue=st.none() | spans(), rule=texts),
        max_size=2,
    ).map(tuple),
    extractor=texts,
    rules=st.lists(texts, max_size=3).map(tuple),
)
# Ids are assigned by position so a batch never repeats one (the writer rejects that).
claim_batches = st.lists(claim_bodies, max_size=5).map(
    lambda batch: [dataclasses.replace(c, id=f"clm_{i:04d}") for i, c in enumerate(batch)]
)

id_tuples = st.lists(texts, max_size=3).map(tuple)
incidents = st.builds(
    Incident,
    id=st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=12),
    type=st.sampled_from(ClaimType),
    sources=id_tuples,
    targets=id_tuples,
    time_start=iso_dates,
    time_end=iso_dates,
    quantity_low=numbers,
    quantity_high=numbers,
    quantity_unit=opt_texts,
    item=opt_texts,
    supporting_claim_ids=id_tuples,
    contradicting_claim_ids=id_tuples,
    provisions=st.lists(
        st.builds(ProvisionMatch, provision_id=texts, kind=texts, reasons=id_tuples, status=texts),
        max_size=2,
    ).map(tuple),
    assessment=st.none()
    | st.builds(
        Assessment,
        reliability=st.sampled_from("ABCDEF"),
        credibility=st.integers(1, 6),
        reasons=id_tuples,
    ),
    method=texts,
)


@pytest.fixture(scope="module")
def shared_store(module_store: Store) -> Store:
    # Module scope because Hypothesis runs many examples per test function.
    save_document(module_store, DOC)
    return module_store


def _claim_order(claim: Claim) -> tuple[str, int, str]:
    return (claim.document_id, claim.evidence.start, claim.id)


@settings(deadline=None, max_examples=60)
@given(batch=claim_batches)
def test_roundtrip_claims_write_read(shared_store: Store, batch: list[Claim]) -> None:
    save_claims(shared_store, DOC.id, batch, extractor="hypothesis@1")
    stored = list_claims(shared_store, document_id=DOC.id, extractor="hypothesis@1")
    assert stored == sorted(batch, key=_claim_order)


@settings(deadline=None, max_examples=60)
@given(batch=st.lists(incidents, max_size=4, unique_by=lambda i: i.id))
def test_roundtrip_incidents_write_read(shared_store: Store, batch: list[Incident]) -> None:
    replace_incidents(shared_store, batch)
    stored = {incident.id: incident for incident in list_incidents(shared_store)}
    assert stored == {incident.id: incident for incident in batch}
    for incident in batch:
        assert get_incident(shared_store, incident.id) == incident


@settings(deadline=None, max_examples=40)
@given(
    text=st.text(min_size=1, max_size=200),  # NUL allowed: build_document strips it
    title=opt_texts,
    meta=st.dictionaries(texts, texts, max_size=3),
)
def test_roundtrip_documents_write_read(
    shared_store: Store, text: str, title: str | None, meta: dict[str, str]
) -> None:
    doc: Document = build_document(text, title=title, meta=meta, language="en")
    if save_document(shared_store, doc):
        assert get_document(shared_store, doc.id) == doc
    else:  # an earlier example had the same text; the first save stands
        assert get_document(shared_store, doc.id).text == doc.text
