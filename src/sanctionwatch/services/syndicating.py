"""Use case: group stored documents into syndication clusters (copies of one story).

Runs over every document that has no cluster yet, oldest stored first, so it resumes
after an interrupted run and a re-run does nothing. The grading stage reads the cluster
from ``Document.syndication_cluster`` and counts a cluster as one source.
"""

from __future__ import annotations

from dataclasses import dataclass

from sanctionwatch import store as st
from sanctionwatch.ingest import syndication as syn


@dataclass
class SyndicationSummary:
    assigned: int = 0
    """Documents given a cluster in this run."""
    joined: int = 0
    """Of those, documents that joined an existing cluster (copies of an earlier story)."""


def entry_for(document_id: str, text: str) -> st.SyndicationEntry:
    signature = syn.signature_of(text)
    if signature is None:
        return st.SyndicationEntry(document_id, None, 0, (), syn.VERSION)
    return st.SyndicationEntry(
        document_id,
        signature.to_bytes(),
        signature.shingles,
        syn.band_keys(signature),
        syn.VERSION,
    )


def _decide(
    entry: st.SyndicationEntry, candidates: list[st.Candidate]
) -> tuple[st.Candidate, float] | None:
    if entry.signature is None:
        return None
    mine = syn.Signature.from_bytes(entry.signature, entry.shingles)
    best: tuple[st.Candidate, float] | None = None
    for candidate in candidates:
        theirs = syn.Signature.from_bytes(candidate.signature, candidate.shingles)
        same, similarity = syn.same_story(mine, theirs)
        if same and (best is None or similarity > best[1]):
            best = (candidate, similarity)
    return best


def assign_syndication(store: st.Store, *, batch: int = 200) -> SyndicationSummary:
    """Give every document without one its syndication cluster."""
    summary = SyndicationSummary()
    for page in st.iter_unclustered(store, batch=batch):
        entries = [entry_for(doc_id, text) for doc_id, text in page]
        for assignment in st.assign_clusters(store, entries, decide=_decide):
            summary.assigned += 1
            summary.joined += assignment.matched_document_id is not None
    return summary
