"""Use case: list quarantined inputs and retry them.

A retry parses the kept bytes again with the format they were read as, or, when no
bytes were kept (a URL that failed) or only the head of them (a file over the cap, an
archive member refused as a bomb), reads the file or fetches the URL again. An entry whose retry stores everything is closed (it leaves the default
listing); one that fails again stays open with its attempt counted. Useful after a fix,
a raised cap, an OCR pass, or a site that was down.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sanctionwatch import store as st
from sanctionwatch.domain.errors import DECOMPRESSION_BOMB, TOO_LARGE
from sanctionwatch.ingest import (
    Failed,
    Fetcher,
    IngestOptions,
    IngestResult,
    RawInput,
    fetch_policy,
    ingest_input,
    iter_sources,
    make_parsers,
)
from sanctionwatch.services.ingesting import (
    IngestSummary,
    ProgressFn,
    _after_ingest,
    _Recorder,
)

PARTIAL_CODES = frozenset({TOO_LARGE, DECOMPRESSION_BOMB})
"""Failures whose kept bytes may be a head only (``ingest.evidence``), never re-parsed."""


@dataclass
class RetrySummary:
    retried: int = 0
    resolved: int = 0
    still_failing: int = 0
    not_retryable: int = 0
    ingest: IngestSummary = field(default_factory=IngestSummary)

    def to_dict(self) -> dict[str, object]:
        return {
            "retried": self.retried,
            "resolved": self.resolved,
            "still_failing": self.still_failing,
            "not_retryable": self.not_retryable,
            "ingest": self.ingest.to_dict(),
        }


def retry_quarantine(
    store: st.Store,
    *,
    code: str | None = None,
    options: IngestOptions | None = None,
    workers: int = 1,
    on_progress: ProgressFn | None = None,
    extract: bool = True,
) -> RetrySummary:
    """Re-run every open quarantine entry (or those with ``code``)."""
    opts = (options or IngestOptions()).check()
    summary = RetrySummary()
    recorder = _Recorder(store, summary.ingest, on_progress)
    parsers = make_parsers(opts)
    with Fetcher(fetch_policy(opts)) as fetcher:
        for entry in st.list_quarantine(store, code=code):
            sources = list(_sources_for(store, entry, opts, fetcher))
            if not sources:
                summary.not_retryable += 1
                st.record_retry(store, entry.id, resolved=False)
                continue
            summary.retried += 1
            failures = 0
            for source in sources:
                results: Iterator[IngestResult] = (
                    iter([source])
                    if isinstance(source, Failed)
                    else ingest_input(source, parsers=parsers, options=opts, fetcher=fetcher)
                )
                failures += recorder.record(results, item_key=None)[1]
            resolved = failures == 0
            summary.resolved += resolved
            summary.still_failing += not resolved
            st.record_retry(store, entry.id, resolved=resolved)
    _after_ingest(store, summary.ingest, workers=workers, extract=extract)
    return summary


def _sources_for(
    store: st.Store, entry: st.QuarantineEntry, options: IngestOptions, fetcher: Fetcher
) -> Iterator[RawInput | Failed]:
    if entry.code in PARTIAL_CODES and entry.origin:
        # The kept bytes are only the head of the input: read the whole of it again.
        yield from iter_sources([entry.origin], options=options, fetcher=fetcher)
        return
    raw = st.get_raw(store, entry.raw_sha256) if entry.raw_sha256 else b""
    if raw:
        yield RawInput(
            source_ref=entry.source_ref,
            path=None,
            data=raw,
            format_hint=entry.format_hint or "",
            origin=entry.origin,
        )
    elif entry.origin:
        yield from iter_sources([entry.origin], options=options, fetcher=fetcher)
