"""Incidents with their claims, provisions and grades; filters, counts, pages."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import RedirectResponse

from sanctionwatch import services
from sanctionwatch.api.deps import DATE_PATTERN, ResponseCacheDep, StoreDep
from sanctionwatch.api.pagination import page_headers
from sanctionwatch.domain import ClaimType
from sanctionwatch.services.browsing import (
    IncidentFilter,
    count_incidents,
    find_incidents,
    parse_filter,
)

router = APIRouter(tags=["incidents"])

DATE = Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")


def incident_filter(
    type: Annotated[ClaimType | None, Query(description="Claim type of the incident.")] = None,
    actor: Annotated[
        str | None,
        Query(max_length=100, description="State as ISO code (KP) or a name (Russia, Pyongyang)."),
    ] = None,
    provision: Annotated[
        str | None, Query(max_length=100, description="Provision id or part of one (2397).")
    ] = None,
    grade: Annotated[
        str | None,
        Query(
            pattern=r"^([A-Fa-f][1-6]?|[1-6])$",
            description="Admiralty code B2, reliability letter B or credibility digit 2.",
        ),
    ] = None,
    since: Annotated[str | None, DATE] = None,
    until: Annotated[str | None, DATE] = None,
    q: Annotated[
        str | None, Query(max_length=500, description="Words that must all occur in the evidence.")
    ] = None,
    relevance: Annotated[
        str | None,
        Query(
            pattern=r"^(regime|other|all)$",
            description="regime (default: touches the DPRK or the 1718 regime), other or all.",
        ),
    ] = None,
) -> IncidentFilter:
    return parse_filter(
        type=type.value if type else None,
        actor=actor,
        provision=provision,
        grade=grade,
        since=since,
        until=until,
        text=q,
        relevance=relevance,
    )


FilterDep = Annotated[IncidentFilter, Depends(incident_filter)]


@router.get("/incidents", response_model=list[dict[str, Any]])
def list_incidents(
    request: Request,
    store: StoreDep,
    cache: ResponseCacheDep,
    flt: FilterDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Incidents latest first, each with provisions, grade and every claim with its document."""

    def build() -> tuple[list[dict[str, Any]], dict[str, str]]:
        page = find_incidents(store, flt, limit=limit, offset=offset)
        return page.incidents, page_headers(request, total=page.total, limit=limit, offset=offset)

    # The revision is read before the page, so a write during the build is never hidden.
    return cache.respond(str(request.url), store.revision(), build)


@router.get("/incidents/counts")
def incident_counts(store: StoreDep, flt: FilterDep) -> dict[str, Any]:
    """How many incidents match, by type and by grade."""
    return count_incidents(store, flt)


@router.get(
    "/incidents/{incident_id}",
    responses={301: {"description": "The incident was merged into another; follow Location."}},
)
def get_incident(request: Request, store: StoreDep, incident_id: str) -> Any:
    try:
        return services.incident_view(store, incident_id).to_dict()
    except services.IncidentMoved as moved:
        url = request.url_for("get_incident", incident_id=moved.new_id)
        return RedirectResponse(str(url), status_code=301)
