"""Use case: sources → stored documents → claims → incidents, losing nothing on bad input.

Each document is stored first (immutable, content-addressed), then extracted; the
claims are written with the extractor id in one transaction, so an interrupted run
re-extracts only what has no claims recorded for the current extractor. Bad items go to
quarantine with their code and original bytes and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sanctionwatch import store as st
from sanctionwatch.domain import Document
from sanctionwatch.extract import extractor_id
from sanctionwatch.ingest import DEFAULT_MAX_BYTES, Failed, Ingested, ingest_paths
from sanctionwatch.pipeline import extract_document, make_executor
from sanctionwatch.services.incidents import rebuild_incidents

ProgressFn = Callable[[str, str], None]
"""Called with (event, source_ref); event is ingested | duplicate | quarantined."""


@dataclass
class IngestSummary:
    ingested: int = 0
    duplicates: int = 0
    quarantined: int = 0
    extracted: int = 0
    claims: int = 0
    incidents: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "ingested": self.ingested,
            "duplicates": self.duplicates,
            "quarantined": self.quarantined,
            "extracted": self.extracted,
            "claims": self.claims,
            "incidents": self.incidents,
            "failures": self.failures,
            "document_ids": self.document_ids,
        }


def ingest_sources(
    store: st.Store,
    paths: Sequence[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int = 1,
    on_progress: ProgressFn | None = None,
) -> IngestSummary:
    summary = IngestSummary()
    seen: set[str] = set()
    for result in ingest_paths(paths, max_bytes=max_bytes):
        if isinstance(result, Failed):
            st.quarantine(
                store,
                source_ref=result.source_ref,
                code=result.code,
                message=result.message,
                raw=result.raw,
            )
            summary.quarantined += 1
            summary.failures.append(
                {"source": result.source_ref, "code": result.code, "message": result.message}
            )
            event, ref = "quarantined", result.source_ref
        else:
            assert isinstance(result, Ingested)
            is_new = st.save_document(store, result.document, result.raw)
            ref = result.document.source_ref or result.document.id
            if is_new and result.document.id not in seen:
                summary.ingested += 1
                event = "ingested"
            else:
                summary.duplicates += 1
                event = "duplicate"
            if result.document.id not in seen:
                seen.add(result.document.id)
                summary.document_ids.append(result.document.id)
        if on_progress:
            on_progress(event, ref)
    extracted, claims = extract_pending(store, workers=workers)
    summary.extracted, summary.claims = extracted, claims
    if extracted or summary.ingested:
        summary.incidents = rebuild_incidents(store)
    return summary


def extract_pending(store: st.Store, *, workers: int = 1, force: bool = False) -> tuple[int, int]:
    """Extract every stored document without claims from the current extractor."""
    extractor = extractor_id()
    done = set() if force else st.extracted_document_ids(store, extractor=extractor)
    pending = [doc_id for doc_id in st.document_ids(store) if doc_id not in done]
    documents = (st.get_document(store, doc_id) for doc_id in pending)
    english: list[Document] = [d for d in documents if d.language in (None, "en")]
    total_claims = 0
    executor = make_executor(workers=workers)
    for doc, claims in zip(english, executor.map(extract_document, english), strict=True):
        total_claims += st.save_claims(store, doc.id, claims, extractor=extractor)
    return len(english), total_claims
