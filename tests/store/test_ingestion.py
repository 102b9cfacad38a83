from __future__ import annotations

from collections.abc import Callable

from sanctionwatch import store as st
from sanctionwatch.domain import Document
from sanctionwatch.store import Store


def _doc_write(make_doc: Callable[..., Document], text: str) -> st.DocumentWrite:
    doc = make_doc(text, source_ref="in.txt")
    return st.DocumentWrite(doc, text.encode())


def test_ingestion_item_state_goes_failed_then_done(store: Store) -> None:
    key = st.item_key_for("a.txt", "ab" * 32, "ingest@2")
    assert st.get_item(store, key) is None

    st.start_item(store, key=key, source_ref="a.txt", raw_sha256="ab" * 32, version="ingest@2")
    started = st.get_item(store, key)
    assert started is not None and started.status == "failed"
    assert [i.key for i in st.unfinished_items(store)] == [key]

    st.finish_item(store, key, documents=3, quarantined=1)
    done = st.get_item(store, key)
    assert done is not None and (done.status, done.documents, done.quarantined) == ("done", 3, 1)
    assert st.unfinished_items(store) == []


def test_ingestion_batch_save_is_idempotent_and_links_custody(
    store: Store, make_doc: Callable[..., Document]
) -> None:
    key = st.item_key_for("bundle.zip", None, "ingest@2")
    st.start_item(store, key=key, source_ref="bundle.zip", raw_sha256=None, version="ingest@2")
    writes: list[st.DocumentWrite | st.QuarantineWrite] = [
        _doc_write(make_doc, "Pyongyang shipped shells to Moscow in July."),
        _doc_write(make_doc, "Pyongyang shipped shells to Moscow in July."),
        st.QuarantineWrite("bundle.zip!/x.bin", "E202", "binary", b"\x00\x01", "bin", None),
    ]

    first = st.save_results(store, key, writes)
    again = st.save_results(store, key, writes)

    assert first == [True, False, True] and again == [False, False, False]
    assert st.stats(store)["documents"] == 1 and st.stats(store)["quarantine"] == 1
    (doc_id,) = st.item_document_ids(store, key)
    assert [c["source_ref"] for c in st.document_items(store, doc_id)] == ["bundle.zip"]
    (entry,) = st.list_quarantine(store)
    assert (entry.format_hint, entry.attempts) == ("bin", 0)
    assert st.get_raw(store, entry.raw_sha256 or "") == b"\x00\x01"


def test_ingestion_retry_closes_and_reopens_entries(store: Store) -> None:
    st.quarantine(store, source_ref="x.txt", code="E201", message="empty", raw=b"", origin="x.txt")
    (entry,) = st.list_quarantine(store)

    st.record_retry(store, entry.id, resolved=False)
    assert st.list_quarantine(store)[0].attempts == 1
    st.record_retry(store, entry.id, resolved=True)
    assert st.list_quarantine(store) == []
    (closed,) = st.list_quarantine(store, include_resolved=True)
    assert closed.attempts == 2 and closed.resolved_at is not None and closed.origin == "x.txt"

    # The same failure met again opens the entry again.
    assert not st.quarantine(store, source_ref="x.txt", code="E201", message="empty", raw=b"")
    assert [e.id for e in st.list_quarantine(store)] == [entry.id]


def _entry(doc_id: str, keys: list[str], signature: bytes = b"\x01" * 8) -> st.SyndicationEntry:
    return st.SyndicationEntry(doc_id, signature, 10, keys, "test@1")


def test_ingestion_syndication_clusters_are_written_once_and_read_back(
    store: Store, make_doc: Callable[..., Document]
) -> None:
    docs = [make_doc(f"Story number {n} about rail shipments.") for n in range(3)]
    for doc in docs:
        st.save_document(store, doc)

    def decide(
        entry: st.SyndicationEntry, candidates: list[st.Candidate]
    ) -> tuple[st.Candidate, float] | None:
        return (candidates[0], 0.9) if candidates else None

    pages = list(st.iter_unclustered(store, batch=10))
    assert sorted(doc_id for page in pages for doc_id, _ in page) == sorted(d.id for d in docs)
    first = st.assign_clusters(
        store, [_entry(docs[0].id, ["00:a"]), _entry(docs[1].id, ["01:z"])], decide=decide
    )
    second = st.assign_clusters(
        store, [_entry(docs[2].id, ["00:a"]), _entry(docs[0].id, ["00:a"])], decide=decide
    )

    assert [a.matched_document_id for a in first] == [None, None]
    assert len(second) == 1 and second[0].matched_document_id == docs[0].id
    cluster = st.get_document(store, docs[0].id).syndication_cluster
    assert cluster == f"syn_{docs[0].id[:16]}"
    assert st.get_document(store, docs[2].id).syndication_cluster == cluster
    assert st.cluster_members(store, cluster) == sorted([docs[0].id, docs[2].id])
    assert st.cluster_sizes(store) == {cluster: 2}
    assert list(st.iter_unclustered(store)) == []
    assert {d.id: d.syndication_cluster for d in st.list_documents(store)}[docs[2].id] == cluster
