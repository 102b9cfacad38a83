from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from sanctionwatch.domain import Claim, Document, Incident, Provision
from sanctionwatch.domain.errors import NotFoundError
from sanctionwatch.store import (
    Store,
    claims_for_incident,
    count_documents,
    get_document,
    get_raw,
    list_claims,
    list_incidents,
    list_provisions,
    list_quarantine,
    quarantine,
    rebuild_search_index,
    replace_incidents,
    save_claims,
    save_document,
    save_extractions,
    save_provisions,
    search_documents,
    sha256_hex,
    stats,
)

MakeDoc = Callable[..., Document]
MakeClaim = Callable[..., Claim]
MakeIncident = Callable[..., Incident]

RAW = b"<html><body>Pyongyang shipped shells to Moscow in July.</body></html>"


def test_writer_save_document_is_idempotent(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(title="Shells", raw_sha256=sha256_hex(RAW))
    assert save_document(store, doc, RAW) is True
    assert save_document(store, doc, RAW) is False
    assert count_documents(store) == 1
    assert get_document(store, doc.id) == doc
    assert search_documents(store, "shells")[0].doc_id == doc.id
    assert len(search_documents(store, "shells")) == 1  # the index was not filled twice


def test_writer_document_never_updated(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(title="First title")
    save_document(store, doc)
    assert save_document(store, dataclasses.replace(doc, title="Second title")) is False
    assert get_document(store, doc.id).title == "First title"


def test_writer_raw_bytes_kept(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(raw_sha256=sha256_hex(RAW))
    save_document(store, doc, RAW)
    assert get_raw(store, doc.raw_sha256 or "") == RAW


def test_writer_raw_bytes_added_on_later_save(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc(raw_sha256=sha256_hex(RAW))
    save_document(store, doc)
    with pytest.raises(NotFoundError):
        get_raw(store, sha256_hex(RAW))
    assert save_document(store, doc, RAW) is False
    assert get_raw(store, sha256_hex(RAW)) == RAW


def test_writer_raw_hash_linked_when_not_declared(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc()
    save_document(store, doc, RAW)
    assert get_document(store, doc.id).raw_sha256 == sha256_hex(RAW)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        pytest.param({"id": "0" * 64}, "not the SHA-256", id="id-not-text-hash"),
        pytest.param({"raw_sha256": "f" * 64}, "raw bytes hash", id="raw-hash-mismatch"),
    ],
)
def test_writer_save_document_checks_hashes(
    store: Store, make_doc: MakeDoc, changes: dict[str, Any], message: str
) -> None:
    doc = dataclasses.replace(make_doc(), **changes)
    with pytest.raises(ValueError, match=message):
        save_document(store, doc, RAW)
    assert count_documents(store) == 0


def test_writer_save_claims_replaces_per_extractor(
    store: Store, make_doc: MakeDoc, make_claim: MakeClaim
) -> None:
    doc = make_doc("Pyongyang shipped shells. Pyongyang shipped missiles too.")
    save_document(store, doc)
    first = make_claim(doc, needle="Pyongyang shipped shells.")
    second = make_claim(doc, needle="Pyongyang shipped missiles too.")
    other = make_claim(doc, needle="Pyongyang shipped shells.", extractor="model@2")
    save_claims(store, doc.id, [first, second], extractor="rules@1")
    save_claims(store, doc.id, [other], extractor="model@2")
    # Re-running the rules extractor with one claim fewer leaves exactly that one claim.
    assert save_claims(store, doc.id, [first], extractor="rules@1") == 1
    assert save_claims(store, doc.id, [first], extractor="rules@1") == 1
    assert {c.id for c in list_claims(store)} == {first.id, other.id}
    assert list_claims(store, extractor="model@2") == [other]


def test_writer_save_claims_needs_the_document(
    store: Store, make_doc: MakeDoc, make_claim: MakeClaim
) -> None:
    doc = make_doc()
    with pytest.raises(NotFoundError):
        save_claims(store, doc.id, [make_claim(doc)], extractor="rules@1")


def test_writer_save_extractions_is_one_transaction(
    store: Store, make_doc: MakeDoc, make_claim: MakeClaim
) -> None:
    stored, missing = make_doc(), make_doc("Pyongyang shipped shells to Minsk in May.")
    save_document(store, stored)
    batch = [(stored.id, [make_claim(stored)]), (missing.id, [make_claim(missing)])]
    with pytest.raises(NotFoundError):
        save_extractions(store, batch, extractor="rules@1")
    assert list_claims(store) == []
    assert save_extractions(store, batch[:1], extractor="rules@1") == 1
    assert [c.document_id for c in list_claims(store)] == [stored.id]


def test_writer_save_claims_rejects_bad_batches(
    store: Store, make_doc: MakeDoc, make_claim: MakeClaim
) -> None:
    doc, other_doc = make_doc(), make_doc("Moscow shipped fuel to Pyongyang.")
    save_document(store, doc)
    claim = make_claim(doc)
    with pytest.raises(ValueError, match="duplicate claim ids"):
        save_claims(store, doc.id, [claim, claim], extractor="rules@1")
    with pytest.raises(ValueError, match="belongs to"):
        save_claims(store, doc.id, [make_claim(other_doc)], extractor="rules@1")
    assert list_claims(store) == []


def test_writer_replace_incidents_replaces_everything(
    store: Store, make_doc: MakeDoc, make_claim: MakeClaim, make_incident: MakeIncident
) -> None:
    doc = make_doc()
    save_document(store, doc)
    claim = make_claim(doc)
    save_claims(store, doc.id, [claim], extractor="rules@1")
    replace_incidents(store, [make_incident("inc_old_00000", support=(claim.id,))])
    new = make_incident("inc_new_00000", contradict=(claim.id,))
    assert replace_incidents(store, [new]) == 1
    assert list_incidents(store) == [new]
    assert claims_for_incident(store, "inc_new_00000") == [("contradict", claim)]
    with pytest.raises(NotFoundError):
        claims_for_incident(store, "inc_old_00000")
    assert stats(store)["incidents"] == 1


def test_writer_replace_incidents_rejects_duplicate_ids(
    store: Store, make_incident: MakeIncident
) -> None:
    replace_incidents(store, [make_incident("inc_keep_0000")])
    with pytest.raises(ValueError, match="duplicate incident ids"):
        replace_incidents(store, [make_incident("inc_a"), make_incident("inc_a")])
    assert [i.id for i in list_incidents(store)] == ["inc_keep_0000"]


def _provision(id: str, summary: str) -> Provision:
    return Provision(
        id=id,
        regime="1718",
        resolution="0000",
        paragraph="1",
        adopted=None,
        category="arms",
        status="verified",
        summary=summary,
    )


def test_writer_save_provisions_upserts(store: Store) -> None:
    save_provisions(store, [_provision("P-1", "old"), _provision("P-2", "two")])
    save_provisions(store, [_provision("P-1", "new")])
    assert [p.summary for p in list_provisions(store)] == ["new", "two"]


@pytest.mark.parametrize(
    "raw", [pytest.param(b"\x00\xff junk", id="bytes"), pytest.param(None, id="no-bytes")]
)
def test_writer_quarantine_is_idempotent(store: Store, raw: bytes | None) -> None:
    kwargs = {"source_ref": "feeds/bad.bin", "code": "E202", "message": "binary", "raw": raw}
    assert quarantine(store, **kwargs) is True  # type: ignore[arg-type]
    assert quarantine(store, **kwargs) is False  # type: ignore[arg-type]
    entries = list_quarantine(store)
    assert [(e.source_ref, e.code, e.message) for e in entries] == [
        ("feeds/bad.bin", "E202", "binary")
    ]
    assert entries[0].created_at.tzinfo is not None
    if raw is not None:
        assert get_raw(store, entries[0].raw_sha256 or "") == raw


def test_writer_quarantine_keeps_distinct_failures(store: Store) -> None:
    quarantine(store, source_ref="a.txt", code="E201", message="empty", raw=b"")
    quarantine(store, source_ref="a.txt", code="E203", message="undecodable", raw=b"")
    quarantine(store, source_ref="a.txt", code="E201", message="empty", raw=b" ")
    quarantine(store, source_ref="b.txt", code="E201", message="empty", raw=b"")
    assert len(list_quarantine(store)) == 4
    assert [e.source_ref for e in list_quarantine(store, code="E203")] == ["a.txt"]


def test_writer_rebuild_search_index(sqlite_store: Store, make_doc: MakeDoc) -> None:
    save_document(sqlite_store, make_doc())
    save_document(sqlite_store, make_doc("Another article about fuel.", title=None))
    assert rebuild_search_index(sqlite_store) == 2
    assert len(search_documents(sqlite_store, "fuel")) == 1
    assert len(search_documents(sqlite_store, "shells")) == 1
