import hashlib
import io
import zipfile
from pathlib import Path

from sanctionwatch import store as st
from sanctionwatch.ingest import IngestOptions
from sanctionwatch.services import ingest_sources, list_incident_views, retry_quarantine


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


RUSSIAN = (
    "Северная Корея отправила в Россию артиллерийские снаряды по железной дороге, "
    "сообщили официальные лица в Сеуле в понедельник."
)


def test_ingesting_marks_other_languages_and_skips_their_extraction(
    store: st.Store, tmp_path: Path
) -> None:
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(
        "North Korea shipped artillery shells to Russia in 2023, officials said.", encoding="utf-8"
    )

    summary = ingest_sources(store, [tmp_path])

    assert summary.ingested == 2 and summary.not_english == 1
    assert summary.languages == {"en": 1, "ru": 1} and summary.extracted == 1
    languages = {d.language for d in st.list_documents(store)}
    assert languages == {"en", "ru"}


def test_ingesting_skips_finished_inputs_and_redoes_unfinished(
    store: st.Store, articles: Path
) -> None:
    first = ingest_sources(store, [articles])
    # Pretend a run was killed while it processed arms.txt: its input is marked failed.
    data = (articles / "arms.txt").read_bytes()
    key = st.item_key_for(
        str(articles / "arms.txt"), hashlib.sha256(data).hexdigest(), IngestOptions().version()
    )
    st.start_item(
        store,
        key=key,
        source_ref=str(articles / "arms.txt"),
        raw_sha256=hashlib.sha256(data).hexdigest(),
        version=IngestOptions().version(),
    )

    again = ingest_sources(store, [articles])

    assert again.resumed_inputs == 1 and again.skipped_inputs == 3
    assert again.ingested == 0 and again.duplicates == 2
    assert sorted(again.document_ids) == sorted(first.document_ids)
    assert st.unfinished_items(store) == []


def test_ingesting_retry_parses_kept_bytes_again(store: st.Store) -> None:
    line = b'{"id": "r1", "text": "North Korea shipped shells to Russia, officials said."}'
    st.quarantine(
        store,
        source_ref="old.jsonl#L7",
        code="E209",
        message="a parser bug, since fixed",
        raw=line,
        format_hint="jsonl-record",
    )

    result = retry_quarantine(store)

    assert (result.retried, result.resolved, result.still_failing) == (1, 1, 0)
    (doc,) = st.list_documents(store)
    assert doc.source_ref == "old.jsonl#L7" and doc.external_id == "r1"
    assert st.list_quarantine(store) == []
    assert retry_quarantine(store).retried == 0


def test_ingesting_retry_counts_what_still_fails(store: st.Store, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    ingest_sources(store, [empty])

    still = retry_quarantine(store)
    empty.write_text("North Korea shipped shells to Russia, officials said.", encoding="utf-8")
    fixed = retry_quarantine(store)

    assert (still.retried, still.still_failing) == (1, 1)
    assert (fixed.retried, fixed.resolved, fixed.ingest.ingested) == (1, 1, 1)
    assert st.list_quarantine(store) == []


def test_ingesting_rebuilds_incidents_a_killed_run_left_stale(
    store: st.Store, articles: Path
) -> None:
    ingest_sources(store, [articles])
    incidents = st.list_incidents(store)
    st.replace_incidents(store, [])  # as if killed between extraction and incidents

    again = ingest_sources(store, [articles])

    assert again.incidents == len(incidents) > 0


def test_ingesting_custody_shows_inputs_bytes_and_cluster(store: st.Store, articles: Path) -> None:
    from sanctionwatch.services import document_custody

    summary = ingest_sources(store, [articles], extract=False)

    custody = document_custody(store, summary.document_ids[0])
    raw = (articles / "arms.txt").read_bytes()
    assert custody["raw_sha256"] == hashlib.sha256(raw).hexdigest()
    assert custody["raw_size"] == len(raw)
    assert [i["source_ref"] for i in custody["inputs"]] == [str(articles / "arms.txt")]
    assert custody["cluster_members"] == [custody["id"]]


def _zip_bomb(size: int = 8 * 1024 * 1024) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("payload.txt", b"\0" * size)
        archive.writestr("story.txt", b"North Korea shipped shells to Russia, officials said.")
    return buffer.getvalue()


def test_ingesting_quarantine_keeps_evidence_of_oversized_and_bomb_inputs(
    store: st.Store, tmp_path: Path
) -> None:
    big = tmp_path / "huge.txt"
    big.write_bytes(b"North Korea shipped shells. " * 60_000)  # 1.6 MiB
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(_zip_bomb())
    ingest_sources(store, [big, bomb], options=IngestOptions(max_bytes=1024 * 1024))

    entries = {e.code: e for e in st.list_quarantine(store)}
    too_large, member = entries["E204"], entries["E216"]
    assert too_large.raw_sha256 and member.raw_sha256
    kept = st.get_raw(store, too_large.raw_sha256)
    assert kept == big.read_bytes()[: 1024 * 1024]
    assert hashlib.sha256(big.read_bytes()).hexdigest() in too_large.message
    assert st.get_raw(store, member.raw_sha256) == bomb.read_bytes(), "the outer zip is kept"
    assert member.source_ref.endswith("bomb.zip!/payload.txt")
    assert "quarantine keeps all of it of the archive" in member.message

    big.write_bytes(b"North Korea shipped shells to Russia, officials said.")
    result = retry_quarantine(store, code="E204")
    assert result.resolved == 1, "a retry reads the whole file again, not the kept head"
    assert any(
        d.text.startswith("North Korea shipped shells to Russia") for d in st.list_documents(store)
    )
