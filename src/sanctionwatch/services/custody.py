"""Use case: the chain of custody of a stored document.

Where its bytes came from (every input that gave it, with the input's own hash), the
hash and size of the original bytes kept beside the text, how it was fetched, and the
syndication cluster it was put in: enough to show provenance or re-process it.
"""

from __future__ import annotations

from typing import Any

from sanctionwatch import store as st


def document_custody(store: st.Store, document_id: str) -> dict[str, Any]:
    doc = st.get_document(store, document_id)
    raw_size = len(st.get_raw(store, doc.raw_sha256)) if doc.raw_sha256 else None
    cluster = doc.syndication_cluster
    return {
        "id": doc.id,
        "format": doc.format,
        "source_ref": doc.source_ref,
        "url": doc.url,
        "fetched_at": doc.fetched_at,
        "language": doc.language,
        "raw_sha256": doc.raw_sha256,
        "raw_size": raw_size,
        "meta": dict(doc.meta),
        "inputs": st.document_items(store, doc.id),
        "syndication_cluster": cluster,
        "cluster_members": st.cluster_members(store, cluster) if cluster else [],
    }
