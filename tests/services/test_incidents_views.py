"""``IncidentView.to_dict()``: the keys every surface renders, old and new."""

from __future__ import annotations

from pathlib import Path

from sanctionwatch import store as st
from sanctionwatch.services import ingest_sources, list_incident_views

OLD_KEYS = {
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
    "claims",
}
NEW_KEYS = {
    "time_precision",
    "items",
    "origin_count",
    "conduit_count",
    "origins",
    "figures",
    "estimate",
    "contradictions",
    "time_label",
    "summary",
}


def test_incidents_view_keeps_old_keys_and_adds_new(store: st.Store, articles: Path) -> None:
    ingest_sources(store, [articles])
    views = [v.to_dict() for v in list_incident_views(store)]
    assert views
    for data in views:
        assert set(data) >= OLD_KEYS | NEW_KEYS
        for match in data["provisions"]:
            assert {"citation", "summary"} <= set(match)
        assert {"likelihood", "likelihood_range", "likelihood_reason"} <= set(data["assessment"])
        for claim in data["claims"]:
            assert {"role", "document", "origin", "weak_actors"} <= set(claim)
            assert claim["origin"] in {o["label"] for o in data["origins"]}
        conduit_docs = {c["document_id"] for o in data["origins"] for c in o["conduits"]}
        assert conduit_docs == {c["document_id"] for c in data["claims"]}
