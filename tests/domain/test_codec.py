from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.domain import (
    Assessment,
    Attribution,
    Claim,
    ClaimType,
    Incident,
    Modality,
    Provision,
    ProvisionMatch,
    Quantity,
    RoleFiller,
    Span,
    TimeValue,
    build_document,
    make_span,
)
from sanctionwatch.domain.codec import (
    claim_from_dict,
    claim_to_dict,
    document_from_dict,
    document_to_dict,
    incident_from_dict,
    incident_to_dict,
    provision_from_dict,
    provision_to_dict,
    span_from_dict,
    span_to_dict,
)

DOC_ID = "ab" * 32

# --- strategies ------------------------------------------------------------------------

texts = st.text(max_size=30)
opt_texts = st.none() | texts
numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False)
iso_dates = st.none() | st.sampled_from(["2022", "2023-07", "2024-02-29", "2023-09-30"])


@st.composite
def spans(draw: st.DrawFn, document_id: str = DOC_ID) -> Span:
    start = draw(st.integers(0, 10_000))
    end = draw(st.integers(start, start + 500))
    # Mostly the claim's own document; sometimes none or another, which must survive too.
    doc = draw(st.sampled_from([document_id, document_id, "", "cd" * 32]))
    return Span(start, end, draw(texts), doc)


def roles(doc_id: str) -> st.SearchStrategy[RoleFiller]:
    return st.builds(RoleFiller, span=spans(doc_id), value=texts, rule=texts)


def claims_for(doc_id: str) -> st.SearchStrategy[Claim]:
    return st.builds(
        Claim,
        id=texts,
        document_id=st.just(doc_id),
        type=st.sampled_from(ClaimType),
        evidence=spans(doc_id),
        trigger=spans(doc_id),
        sources=st.lists(roles(doc_id), max_size=3).map(tuple),
        targets=st.lists(roles(doc_id), max_size=3).map(tuple),
        item=st.none() | roles(doc_id),
        quantity=st.none()
        | st.builds(
            Quantity,
            span=spans(doc_id),
            low=numbers,
            high=numbers,
            unit=opt_texts,
            kind=st.sampled_from(["count", "money", "ratio", "percent"]),
            rate=opt_texts,
            rule=texts,
        ),
        time=st.none()
        | st.builds(
            TimeValue,
            span=spans(doc_id),
            start=iso_dates,
            end=iso_dates,
            grain=st.sampled_from(["year", "month", "day"]),
            rule=texts,
        ),
        modality=st.sampled_from(Modality),
        modality_cue=st.none() | spans(doc_id),
        attributions=st.lists(
            st.builds(
                Attribution,
                span=spans(doc_id),
                name=texts,
                cue=st.none() | spans(doc_id),
                rule=texts,
            ),
            max_size=2,
        ).map(tuple),
        extractor=texts,
        rules=st.lists(texts, max_size=3).map(tuple),
    )


claims = st.sampled_from([DOC_ID, "", "ef" * 32]).flatmap(claims_for)

id_tuples = st.lists(texts, max_size=4).map(tuple)
incidents = st.builds(
    Incident,
    id=texts,
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
        st.builds(
            ProvisionMatch,
            provision_id=texts,
            kind=st.sampled_from(["violation", "indicator"]),
            reasons=id_tuples,
            status=texts,
            rule=texts,
            warnings=id_tuples,
        ),
        max_size=3,
    ).map(tuple),
    assessment=st.none()
    | st.builds(
        Assessment,
        reliability=st.sampled_from("ABCDEF"),
        credibility=st.integers(1, 6),
        reasons=id_tuples,
        method=texts,
    ),
    method=texts,
)


def _json_round_trip(data: dict[str, Any]) -> dict[str, Any]:
    """What the API and the store actually do to the dict."""
    result: dict[str, Any] = json.loads(json.dumps(data))
    return result


# --- round trips -----------------------------------------------------------------------


@given(claims)
def test_codec_claim_round_trip(claim: Claim) -> None:
    assert claim_from_dict(_json_round_trip(claim_to_dict(claim))) == claim


@given(incidents)
def test_codec_incident_round_trip(incident: Incident) -> None:
    assert incident_from_dict(_json_round_trip(incident_to_dict(incident))) == incident


@given(
    text=st.text(min_size=1),
    title=opt_texts,
    published=iso_dates,
    meta=st.dictionaries(texts, texts, max_size=3),
)
def test_codec_document_round_trip(
    text: str, title: str | None, published: str | None, meta: dict[str, str]
) -> None:
    doc = build_document(text, title=title, published=published, meta=meta, format="html")
    assert document_from_dict(_json_round_trip(document_to_dict(doc))) == doc


def test_codec_provision_round_trip() -> None:
    provision = Provision(
        id="UNSCR-0000-OP1",
        regime="1718",
        resolution="0000",
        paragraph=None,
        adopted="2017-12-22",
        category="arms",
        status="unverified",
        summary="A made-up provision for the test.",
        unverified_paragraph_guess="9",
    )
    assert provision_from_dict(_json_round_trip(provision_to_dict(provision))) == provision


# --- the public shape ------------------------------------------------------------------


def _sample_claim() -> Claim:
    text = "Officials said Pyongyang reportedly sent 1,000 shells to Moscow in July."
    doc = build_document(text)

    def span(needle: str) -> Span:
        start = doc.text.index(needle)
        return make_span(doc.text, start, start + len(needle), document_id=doc.id)

    return Claim(
        id="clm_x",
        document_id=doc.id,
        type=ClaimType.ARMS_TRANSFER,
        evidence=span(doc.text),
        trigger=span("sent"),
        sources=(RoleFiller(span("Pyongyang"), "KP", "state"),),
        targets=(RoleFiller(span("Moscow"), "RU", "state"),),
        item=RoleFiller(span("shells"), "shells", "item"),
        quantity=Quantity(span("1,000"), 1000.0, 1000.0, "shells", rule="num"),
        time=TimeValue(span("in July"), "2023-07", "2023-07", "month", rule="month"),
        modality=Modality.UNCERTAIN,
        modality_cue=span("reportedly"),
        attributions=(Attribution(span("Officials"), "Officials", span("said"), "said"),),
        extractor="rules@1",
        rules=("trigger:sent",),
    )


def test_codec_claim_dict_has_the_documented_keys() -> None:
    data = claim_to_dict(_sample_claim())
    assert list(data) == [
        "id",
        "document_id",
        "type",
        "evidence",
        "trigger",
        "source",
        "target",
        "item",
        "quantity",
        "time",
        "modality",
        "modality_cue",
        "attributed_to",
        "extractor",
        "rules",
    ]
    assert data["type"] == "arms_transfer"
    assert data["modality"] == "uncertain"
    assert data["source"] == [
        {"value": "KP", "span": {"start": 15, "end": 24, "text": "Pyongyang"}, "rule": "state"}
    ]
    assert set(data["quantity"]) == {"low", "high", "unit", "kind", "rate", "span", "rule"}
    assert set(data["time"]) == {"start", "end", "grain", "span", "rule"}
    assert set(data["attributed_to"][0]) == {"name", "span", "cue", "rule"}
    assert data["rules"] == ["trigger:sent"]
    json.dumps(data)  # plain JSON types only


def test_codec_claim_dict_nulls_for_missing_parts() -> None:
    claim = _sample_claim()
    bare = Claim(claim.id, claim.document_id, claim.type, claim.evidence, claim.trigger)
    data = claim_to_dict(bare)
    assert (data["item"], data["quantity"], data["time"], data["modality_cue"]) == (None,) * 4
    assert data["source"] == data["target"] == data["attributed_to"] == []


@pytest.mark.parametrize(
    ("span_doc", "context", "has_key"),
    [
        pytest.param("d1", "d1", False, id="same-document"),
        pytest.param("d2", "d1", True, id="other-document"),
        pytest.param("", "d1", True, id="no-document-in-context"),
        pytest.param("", None, False, id="no-document-no-context"),
        pytest.param("d1", None, True, id="document-without-context"),
    ],
)
def test_codec_span_document_id_written_only_when_needed(
    span_doc: str, context: str | None, has_key: bool
) -> None:
    span = Span(1, 4, "abc", span_doc)
    data = span_to_dict(span, document_id=context)
    assert ("document_id" in data) is has_key
    assert span_from_dict(data, document_id=context) == span


def test_codec_incident_dict_shows_grade_code() -> None:
    incident = Incident(
        id="inc_1",
        type=ClaimType.LABOR_DISPATCH,
        sources=("KP",),
        targets=("RU",),
        time_start="2024",
        time_end=None,
        quantity_low=None,
        quantity_high=500000.0,
        quantity_unit="workers",
        item=None,
        supporting_claim_ids=("c1",),
        contradicting_claim_ids=("c2",),
        provisions=(ProvisionMatch("P1", "violation", ("labour abroad",), "verified"),),
        assessment=Assessment("B", 2, ("two independent outlets",)),
    )
    data = incident_to_dict(incident)
    assert data["type"] == "labor_dispatch"
    assert data["assessment"]["code"] == "B2"
    assert data["provisions"][0]["reasons"] == ["labour abroad"]
    assert incident_from_dict(data) == incident


def test_codec_document_without_text() -> None:
    doc = build_document("Some text here.", title="T")
    data = document_to_dict(doc, include_text=False)
    assert "text" not in data
    assert data["word_count"] == 3
    with pytest.raises(ValueError, match="no 'text'"):
        document_from_dict(data)


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda d: d.pop("evidence"), id="missing-evidence"),
        pytest.param(lambda d: d.update(type="smuggling"), id="unknown-type"),
        pytest.param(lambda d: d.update(modality="maybe"), id="unknown-modality"),
        pytest.param(lambda d: d["trigger"].update(start="x"), id="bad-offset"),
        pytest.param(lambda d: d.update(source=[{"span": None}]), id="bad-role"),
    ],
)
def test_codec_malformed_claim_raises_value_error(mutate: Any) -> None:
    data = claim_to_dict(_sample_claim())
    mutate(data)
    with pytest.raises(ValueError, match="malformed"):
        claim_from_dict(data)
