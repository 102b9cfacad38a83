"""Use case: sources → stored documents → clusters → claims → incidents, losing nothing.

Each top-level input (a file, an archive, a fetched URL) is marked failed before it is
processed and done after its last document is stored; documents and quarantine rows are
content-addressed and written in batches, one transaction each. A run killed at any
moment and started again redoes only unfinished inputs and stores each document once;
a finished input is skipped, so re-running the same input is a no-op. Bad items go to
quarantine with their code and original bytes and the batch goes on.

After the inputs: syndication clusters for new documents, extraction of English (and
undetermined) documents not yet extracted by the current extractor, then incidents.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sanctionwatch import store as st
from sanctionwatch.domain import Document
from sanctionwatch.extract import extractor_id
from sanctionwatch.ingest import (
    DEFAULT_MAX_BYTES,
    Failed,
    Fetcher,
    IngestOptions,
    IngestResult,
    Parser,
    RawInput,
    fetch_policy,
    ingest_input,
    iter_sources,
    make_parsers,
)
from sanctionwatch.pipeline import extract_document, make_executor
from sanctionwatch.services.clustering import rebuild_incidents, update_incidents
from sanctionwatch.services.syndicating import assign_syndication

ProgressFn = Callable[[str, str], None]
"""Called with (event, source_ref); event is ingested | duplicate | quarantined."""

BATCH_SIZE = 200
ENGLISH = ("en", None)


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
    skipped_inputs: int = 0
    """Inputs a previous run finished: not read again, their documents count as duplicates."""
    resumed_inputs: int = 0
    """Inputs a previous run started and never finished (killed): redone."""
    not_english: int = 0
    """New documents in another language: stored and marked, not extracted."""
    languages: dict[str, int] = field(default_factory=dict)
    syndicated: int = 0
    """New documents that joined the syndication cluster of an earlier copy."""

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
            "skipped_inputs": self.skipped_inputs,
            "resumed_inputs": self.resumed_inputs,
            "not_english": self.not_english,
            "languages": dict(sorted(self.languages.items())),
            "syndicated": self.syndicated,
        }


class _Recorder:
    """Stores results in batches and keeps the summary and progress up to date."""

    def __init__(self, store: st.Store, summary: IngestSummary, on_progress: ProgressFn | None):
        self.store = store
        self.summary = summary
        self.on_progress = on_progress
        self.seen: set[str] = set()
        self.languages: Counter[str] = Counter()

    def record(self, results: Iterable[IngestResult], *, item_key: str | None) -> tuple[int, int]:
        """Store every result; return (documents, failures) seen."""
        documents = failures = 0
        batch: list[IngestResult] = []
        for result in results:
            batch.append(result)
            if len(batch) >= BATCH_SIZE:
                documents, failures = self._add(self._flush(batch, item_key), documents, failures)
                batch = []
        if batch:
            documents, failures = self._add(self._flush(batch, item_key), documents, failures)
        return documents, failures

    @staticmethod
    def _add(counts: tuple[int, int], documents: int, failures: int) -> tuple[int, int]:
        return documents + counts[0], failures + counts[1]

    def _flush(self, batch: Sequence[IngestResult], item_key: str | None) -> tuple[int, int]:
        writes = [_write_for(result) for result in batch]
        added = st.save_results(self.store, item_key, writes)
        documents = failures = 0
        for result, is_new in zip(batch, added, strict=True):
            if isinstance(result, Failed):
                failures += 1
                self._failed(result)
                continue
            documents += 1
            doc = result.document
            first_time = doc.id not in self.seen
            if is_new and first_time:
                self.summary.ingested += 1
                self._count_language(doc)
                event = "ingested"
            else:
                self.summary.duplicates += 1
                event = "duplicate"
            if first_time:
                self.seen.add(doc.id)
                self.summary.document_ids.append(doc.id)
            self._progress(event, doc.source_ref or doc.id)
        return documents, failures

    def _failed(self, result: Failed) -> None:
        self.summary.quarantined += 1
        self.summary.failures.append(
            {"source": result.source_ref, "code": result.code, "message": result.message}
        )
        self._progress("quarantined", result.source_ref)

    def skipped(self, document_ids: list[str], source_ref: str) -> None:
        self.summary.skipped_inputs += 1
        for doc_id in document_ids:
            self.summary.duplicates += 1
            if doc_id not in self.seen:
                self.seen.add(doc_id)
                self.summary.document_ids.append(doc_id)
            self._progress("duplicate", source_ref)

    def _count_language(self, doc: Document) -> None:
        key = doc.language or "und"
        self.summary.languages[key] = self.summary.languages.get(key, 0) + 1
        if doc.language not in ENGLISH:
            self.summary.not_english += 1

    def _progress(self, event: str, ref: str) -> None:
        if self.on_progress is not None:
            self.on_progress(event, ref)


def _write_for(result: IngestResult) -> st.DocumentWrite | st.QuarantineWrite:
    if isinstance(result, Failed):
        return st.QuarantineWrite(
            result.source_ref,
            result.code,
            result.message,
            result.raw,
            result.format_hint,
            result.origin,
        )
    return st.DocumentWrite(result.document, result.raw)


def ingest_sources(
    store: st.Store,
    paths: Sequence[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int = 1,
    on_progress: ProgressFn | None = None,
    options: IngestOptions | None = None,
    extract: bool = True,
) -> IngestSummary:
    """Ingest files, folders and URLs; then cluster, extract and rebuild incidents.

    ``options`` (size caps, bomb guards, ``follow_links``, ``allow_private``) wins over
    ``max_bytes``. With ``extract=False`` documents are stored and clustered only.
    """
    opts = (options or IngestOptions(max_bytes=max_bytes)).check()
    summary = IngestSummary()
    recorder = _Recorder(store, summary, on_progress)
    parsers = make_parsers(opts)
    with Fetcher(fetch_policy(opts)) as fetcher:
        items = iter_sources(paths, options=opts, fetcher=fetcher)
        _ingest_items(store, recorder, items, parsers=parsers, options=opts, fetcher=fetcher)
    return _after_ingest(store, summary, workers=workers, extract=extract)


def ingest_fetched(
    store: st.Store,
    items: Iterable[RawInput | Failed],
    *,
    fetcher: Fetcher,
    options: IngestOptions | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Like :func:`ingest_sources`, for inputs the caller already fetched (the watcher).

    ``fetcher`` fetches the links a feed item points at, so the caller's rate limits and
    address rules hold for them too.
    """
    opts = (options or IngestOptions()).check()
    summary = IngestSummary()
    recorder = _Recorder(store, summary, None)
    parsers = make_parsers(opts)
    _ingest_items(store, recorder, items, parsers=parsers, options=opts, fetcher=fetcher)
    return _after_ingest(store, summary, workers=workers, extract=True)


def _ingest_items(
    store: st.Store,
    recorder: _Recorder,
    items: Iterable[RawInput | Failed],
    *,
    parsers: Mapping[str, Parser],
    options: IngestOptions,
    fetcher: Fetcher,
) -> None:
    """Each input once: a failure is recorded, a finished input skipped, an interrupted one
    resumed (its state says how far it got)."""
    for item in items:
        if isinstance(item, Failed):
            recorder.record([item], item_key=None)
            continue
        key = st.item_key_for(item.source_ref, _sha256(item.data), options.version())
        state = st.get_item(store, key)
        if state is not None and state.status == "done":
            recorder.skipped(st.item_document_ids(store, key), item.source_ref)
            continue
        if state is not None:
            recorder.summary.resumed_inputs += 1
        _ingest_item(store, recorder, item, key, parsers, options, fetcher)


def _ingest_item(
    store: st.Store,
    recorder: _Recorder,
    item: RawInput,
    key: str,
    parsers: Mapping[str, Parser],
    options: IngestOptions,
    fetcher: Fetcher,
) -> None:
    st.start_item(
        store,
        key=key,
        source_ref=item.source_ref,
        raw_sha256=_sha256(item.data),
        version=options.version(),
    )
    results = ingest_input(item, parsers=parsers, options=options, fetcher=fetcher)
    documents, failures = recorder.record(results, item_key=key)
    st.finish_item(store, key, documents=documents, quarantined=failures)


def _after_ingest(
    store: st.Store, summary: IngestSummary, *, workers: int, extract: bool
) -> IngestSummary:
    clusters = assign_syndication(store)
    summary.syndicated = clusters.joined
    if not extract:
        return summary
    done: list[str] = []
    extracted, claims = extract_pending(store, workers=workers, extracted_ids=done)
    summary.extracted, summary.claims = extracted, claims
    if st.incidents_out_of_date(store) and not done:
        # A run killed between extraction and incidents: which claims it left out is
        # unknown, so every claim is clustered again.
        summary.incidents = rebuild_incidents(store)
    elif extracted or summary.ingested or clusters.assigned:
        # Only what this run extracted is clustered into the stored incidents; a change
        # of clusterer or extractor makes this a full rebuild.
        summary.incidents = update_incidents(store, document_ids=done)
    return summary


def extract_pending(
    store: st.Store,
    *,
    workers: int = 1,
    force: bool = False,
    extracted_ids: list[str] | None = None,
) -> tuple[int, int]:
    """Extract every stored English (or undetermined) document not yet extracted.

    The ids of the documents extracted are appended to ``extracted_ids`` when given.
    """
    extractor = extractor_id()
    done = set() if force else st.extracted_document_ids(store, extractor=extractor)
    pending = [doc_id for doc_id in st.document_ids(store) if doc_id not in done]
    documents = (st.get_document(store, doc_id) for doc_id in pending)
    english: list[Document] = [d for d in documents if d.language in ENGLISH]
    total_claims = 0
    executor = make_executor(workers=workers)
    for doc, claims in zip(english, executor.map(extract_document, english), strict=True):
        total_claims += st.save_claims(store, doc.id, claims, extractor=extractor)
        if extracted_ids is not None:
            extracted_ids.append(doc.id)
    return len(english), total_claims


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
