"""Use cases over documents: show one with its claims; search the collection."""

from __future__ import annotations

from typing import Any

from sanctionwatch import store as st
from sanctionwatch.domain.codec import claim_to_dict, document_to_dict


def document_detail(
    store: st.Store, document_id: str, *, include_text: bool = True
) -> dict[str, Any]:
    doc = st.get_document(store, document_id)
    data = document_to_dict(doc, include_text=include_text)
    data["claims"] = [claim_to_dict(c) for c in st.list_claims(store, document_id=doc.id)]
    return data


def search(store: st.Store, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    return [hit._asdict() for hit in st.search_documents(store, query, limit=limit)]
