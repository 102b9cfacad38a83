"""The keys issue 6 added to incident JSON survive a round trip; the old keys stay."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.domain import Assessment, ClaimType, Incident
from sanctionwatch.domain.codec import incident_from_dict, incident_to_dict
from sanctionwatch.domain.incident import Conduit, Contradiction, Estimate, Figure, Origin

texts = st.text(max_size=12)
opt_texts = st.none() | texts
numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False)
ids = st.lists(texts, max_size=3).map(tuple)

origins = st.builds(
    Origin,
    label=texts,
    kind=st.sampled_from(["cited_source", "outlet", "syndication", "document"]),
    role=st.sampled_from(["support", "contradict"]),
    reliability=st.sampled_from("ABCDEF"),
    stated_as_fact=st.booleans(),
    claim_ids=ids,
    conduits=st.lists(
        st.builds(
            Conduit,
            document_id=texts,
            outlet=opt_texts,
            published=opt_texts,
            syndication_cluster=opt_texts,
        ),
        max_size=3,
    ).map(tuple),
)
figures = st.builds(
    Figure,
    low=numbers,
    high=numbers,
    unit=opt_texts,
    kind=texts,
    text=texts,
    claim_ids=ids,
    reported_by=ids,
    stated_as_fact=st.booleans(),
    rate=opt_texts,
)
incidents = st.builds(
    Incident,
    id=texts,
    type=st.sampled_from(ClaimType),
    sources=ids,
    targets=ids,
    time_start=st.none() | st.sampled_from(["2023", "2023-09", "2023-09-13"]),
    time_end=st.none() | st.sampled_from(["2023", "2024-02"]),
    quantity_low=numbers,
    quantity_high=numbers,
    quantity_unit=opt_texts,
    item=opt_texts,
    supporting_claim_ids=ids,
    contradicting_claim_ids=ids,
    provisions=st.just(()),
    assessment=st.none()
    | st.builds(
        Assessment,
        reliability=st.sampled_from("ABCDEF"),
        credibility=st.integers(1, 6),
        reasons=ids,
        method=texts,
        likelihood=st.sampled_from(["", "likely", "almost certainly"]),
        likelihood_reason=texts,
    ),
    method=texts,
    origins=st.lists(origins, max_size=3).map(tuple),
    figures=st.lists(figures, max_size=3).map(tuple),
    estimate=st.none()
    | st.builds(
        Estimate,
        value=st.floats(allow_nan=False, allow_infinity=False),
        unit=opt_texts,
        basis=texts,
        claim_ids=ids,
    ),
    contradictions=st.lists(
        st.builds(
            Contradiction,
            kind=st.sampled_from(["denial", "negation", "figure"]),
            claim_ids=ids,
            reason=texts,
        ),
        max_size=2,
    ).map(tuple),
    items=ids,
)


@given(incidents)
def test_incident_codec_round_trip_with_issue6_keys(incident: Incident) -> None:
    data = json.loads(json.dumps(incident_to_dict(incident)))
    assert incident_from_dict(data) == incident


def test_incident_codec_keeps_old_keys_and_adds_new() -> None:
    incident = Incident(
        "inc_1",
        ClaimType.TRADE,
        ("KP",),
        ("CN",),
        "2023-09",
        None,
        None,
        None,
        None,
        "coal",
        ("c1",),
        (),
        (),
        Assessment("B", 2, ("x y z w",), likelihood="likely"),
    )
    data = incident_to_dict(incident)
    old = [
        "id",
        "type",
        "source",
        "target",
        "time_start",
        "time_end",
        "quantity_low",
        "quantity_high",
        "quantity_unit",
        "item",
        "supporting_claim_ids",
        "contradicting_claim_ids",
        "provisions",
        "assessment",
        "method",
    ]
    assert list(data)[: len(old)] == old
    assert {
        "time_precision",
        "items",
        "origin_count",
        "conduit_count",
        "origins",
        "figures",
        "estimate",
        "contradictions",
    } <= set(data)
    assert data["time_precision"] == "month"
    assert data["assessment"]["likelihood_range"] == "55-80%"
    # A record written before issue 6 still reads.
    legacy = {k: v for k, v in data.items() if k in old}
    assert incident_from_dict(legacy) == incident
