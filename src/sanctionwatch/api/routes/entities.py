"""Entities: states by ISO code and knowledge-base people and organisations by slug."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response

from sanctionwatch.api.deps import StoreDep
from sanctionwatch.api.pagination import add_page_headers
from sanctionwatch.services import entities

router = APIRouter(tags=["entities"])


@router.get("/entities")
def list_entities(
    request: Request,
    response: Response,
    store: StoreDep,
    kind: Literal["state", "person", "organization"] | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[dict[str, Any]]:
    """States in incidents, then people and organisations, each with its incident count."""
    rows = entities.list_entities(store, kind=kind)
    add_page_headers(request, response, total=len(rows), limit=limit, offset=offset)
    return rows[offset : offset + limit]


@router.get("/entities/{entity_id}")
def get_entity(store: StoreDep, entity_id: str) -> dict[str, Any]:
    """Names by script, designations on the loaded lists, and the incidents it is part of."""
    return entities.entity_detail(store, entity_id)
