"""Incidents with their claims, provisions and grades."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from sanctionwatch import services
from sanctionwatch.api.deps import DATE_PATTERN, StoreDep
from sanctionwatch.domain import ClaimType

router = APIRouter(tags=["incidents"])


@router.get("/incidents")
def list_incidents(
    store: StoreDep,
    type: Annotated[ClaimType | None, Query(description="Claim type of the incident.")] = None,
    since: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")
    ] = None,
    until: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[dict[str, Any]]:
    views = services.list_incident_views(
        store, type=type.value if type else None, since=since, until=until, limit=limit
    )
    return [v.to_dict() for v in views]


@router.get("/incidents/{incident_id}")
def get_incident(store: StoreDep, incident_id: str) -> dict[str, Any]:
    return services.incident_view(store, incident_id).to_dict()
