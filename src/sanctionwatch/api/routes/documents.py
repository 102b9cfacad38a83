"""Documents, their claims, and full-text search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from sanctionwatch import services
from sanctionwatch import store as st
from sanctionwatch.api.deps import StoreDep
from sanctionwatch.domain import ClaimType
from sanctionwatch.domain.codec import claim_to_dict, document_to_dict

router = APIRouter(tags=["documents"])


@router.get("/documents")
def list_documents(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[dict[str, Any]]:
    return [
        document_to_dict(d, include_text=False)
        for d in st.list_documents(store, limit=limit, offset=offset)
    ]


@router.get("/documents/{document_id}")
def get_document(store: StoreDep, document_id: str) -> dict[str, Any]:
    return services.document_detail(store, document_id)


@router.get("/claims", tags=["claims"])
def list_claims(
    store: StoreDep,
    document_id: str | None = None,
    type: ClaimType | None = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> list[dict[str, Any]]:
    claims = st.list_claims(store, document_id=document_id, type=type.value if type else None)
    return [claim_to_dict(c) for c in claims[:limit]]


@router.get("/search")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[dict[str, Any]]:
    return services.search(store, q, limit=limit)
