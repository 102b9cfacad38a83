"""Use case: backfill years of reporting, the extraction spread over an executor.

``backfill`` = ``ingest_sources(..., extract=False)`` (parse, language, syndication
signature and cluster, written as ingest writes them), then the extraction stage mapped
over partitions of the pending documents by any ``PartitionExecutor`` (in process, or
Dask: ``pipeline.dask_executor``), each partition's claims written through the store as
it comes back, in partition order; then the incidents, once.

Exactly once: documents are content-addressed and an input is marked done only when all
of it is stored; a document's claims and its extraction record are written in one
transaction (a partition's documents in one), so a document is either extracted or
pending, never half. A killed worker's
partitions are rerun by the scheduler (the stage is pure and results are written only
here); a killed client is rerun with the same command and submits only what is pending.
The result (documents, claim ids, incidents) equals a local run's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sanctionwatch import store as st
from sanctionwatch.extract import extractor_id
from sanctionwatch.ingest import IngestOptions
from sanctionwatch.pipeline.partitions import (
    PartitionExecutor,
    extract_partition,
    make_partitions,
)
from sanctionwatch.services.clustering import rebuild_incidents, update_incidents
from sanctionwatch.services.ingesting import ENGLISH, IngestSummary, ingest_sources

DEFAULT_PARTITION_SIZE = 64


@dataclass
class BackfillSummary:
    ingest: IngestSummary
    partitions: int = 0
    extracted: int = 0
    claims: int = 0
    already_extracted: int = 0
    """Documents a previous (killed) run had finished: not submitted again."""
    incidents: int = 0
    document_ids: list[str] = field(default_factory=list)
    """Documents extracted by this run, in the order their claims were written."""

    def to_dict(self) -> dict[str, object]:
        return {
            "ingested": self.ingest.ingested,
            "duplicates": self.ingest.duplicates,
            "quarantined": self.ingest.quarantined,
            "partitions": self.partitions,
            "extracted": self.extracted,
            "already_extracted": self.already_extracted,
            "claims": self.claims,
            "incidents": self.incidents,
        }


def backfill(
    store: st.Store,
    paths: Sequence[str | Path],
    *,
    executor: PartitionExecutor,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    options: IngestOptions | None = None,
    on_partition: Callable[[int, int], None] | None = None,
) -> BackfillSummary:
    """Ingest ``paths``, extract pending documents on ``executor``, update incidents.

    ``on_partition(done, total)`` is called after each partition is written.
    """
    summary = BackfillSummary(ingest_sources(store, paths, options=options, extract=False))
    extractor = extractor_id()
    # A run killed after writing claims but before the incidents: which claims the
    # incidents lack is unknown, so this run ends with a full rebuild.
    cut_short = st.incidents_out_of_date(store)
    finished = st.extracted_document_ids(store, extractor=extractor)
    pending = []
    for doc_id in st.document_ids(store):
        if doc_id in finished:
            summary.already_extracted += 1
            continue
        doc = st.get_document(store, doc_id)
        if doc.language in ENGLISH:
            pending.append(doc)
    partitions = make_partitions(pending, size=partition_size)
    summary.partitions = len(partitions)
    results = executor.map_partitions(extract_partition, partitions)
    for index, result in enumerate(results, start=1):
        # One transaction a partition: its documents are all extracted or all pending.
        summary.claims += st.save_extractions(store, result, extractor=extractor)
        summary.document_ids.extend(doc_id for doc_id, _ in result)
        summary.extracted += len(result)
        if on_partition is not None:
            on_partition(index, len(partitions))
    if cut_short:
        summary.incidents = rebuild_incidents(store)
    elif summary.document_ids or summary.ingest.ingested:
        summary.incidents = update_incidents(store, document_ids=summary.document_ids)
    return summary
