"""The data behind the charts: dated incidents, and reported quantities of a topic."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from sanctionwatch.api.deps import StoreDep
from sanctionwatch.api.routes.incidents import FilterDep
from sanctionwatch.services import charts

router = APIRouter(tags=["timeline"])


@router.get("/timeline")
def timeline(store: StoreDep, flt: FilterDep) -> list[dict[str, Any]]:
    """Dated incidents as day intervals (``start``, ``end``), earliest first."""
    return charts.incident_timeline(store, flt)


@router.get("/timeline/topics")
def topics(store: StoreDep) -> list[dict[str, Any]]:
    """Topics with reported quantities (type, parties, unit), most incidents first."""
    return charts.quantity_topics(store)


@router.get("/timeline/quantities")
def quantities(
    store: StoreDep,
    topic: Annotated[
        str,
        Query(
            pattern=r"^[a-z_]+/[A-Z+\-]+/[A-Z+\-]+/[^/]+$",
            description="TYPE/SOURCE/TARGET/UNIT, e.g. arms_transfer/KP/RU/shell (- for unknown).",
        ),
    ],
) -> list[dict[str, Any]]:
    """Each report of a quantity for the topic: range, date, who reported it, the sentence."""
    return charts.reported_quantities(store, charts.parse_topic(topic))
