from pathlib import Path

from sanctionwatch import store as st
from sanctionwatch.services import ingest_sources, list_incident_views


def test_ingesting_stores_extracts_and_quarantines(store: st.Store, articles: Path) -> None:
    summary = ingest_sources(store, [articles])
    assert summary.ingested == 2
    assert summary.quarantined == 2
    assert {f["code"] for f in summary.failures} == {"E201", "E202"}
    assert summary.claims > 0 and summary.incidents > 0
    codes = {e.code for e in st.list_quarantine(store)}
    assert codes == {"E201", "E202"}


def test_ingesting_twice_changes_nothing(store: st.Store, articles: Path) -> None:
    ingest_sources(store, [articles])
    before = st.stats(store)
    incidents_before = [v.to_dict() for v in list_incident_views(store)]
    again = ingest_sources(store, [articles])
    assert again.ingested == 0 and again.duplicates == 2 and again.extracted == 0
    assert st.stats(store) == before
    assert [v.to_dict() for v in list_incident_views(store)] == incidents_before


def test_ingesting_keeps_the_denial_as_contradicting(store: st.Store, articles: Path) -> None:
    ingest_sources(store, [articles])
    arms = [v for v in list_incident_views(store, type="arms_transfer")]
    assert arms, "no arms_transfer incident"
    roles = {(role, claim.modality.value) for v in arms for role, claim in v.claims}
    assert ("contradict", "denied") in roles


def test_ingesting_every_span_slices_back_to_the_stored_text(
    store: st.Store, articles: Path
) -> None:
    ingest_sources(store, [articles])
    for claim in st.all_claims(store):
        text = st.get_document(store, claim.document_id).text
        for span in claim.spans():
            assert text[span.start : span.end] == span.text


def test_ingesting_resumes_documents_left_without_extraction(
    store: st.Store, articles: Path
) -> None:
    from sanctionwatch.ingest import Ingested, ingest_paths

    # Simulate a run killed after saving documents but before extracting them.
    for result in ingest_paths([articles]):
        if isinstance(result, Ingested):
            st.save_document(store, result.document, result.raw)
    summary = ingest_sources(store, [articles])
    assert summary.ingested == 0 and summary.extracted == 2 and summary.claims > 0
