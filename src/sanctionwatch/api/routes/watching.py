"""Watching: source health, watchlists, alerts (JSON and an Atom feed per watchlist),
and incidents new or changed since a time. Watchlist writes need an API key."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel, Field

from sanctionwatch.api.deps import StoreDep
from sanctionwatch.api.limits import reject_surrogates
from sanctionwatch.api.security import require_write_key
from sanctionwatch.watch import (
    add_watchlist,
    get_watchlist,
    list_alerts,
    list_watchlists,
    make_watchlist,
    remove_watchlist,
    source_health,
)
from sanctionwatch.watch.atom import MEDIA_TYPE, render_alerts_atom
from sanctionwatch.watch.desk import new_since, parse_since
from sanctionwatch.watch.records import now_utc

router = APIRouter(tags=["watching"])
write_router = APIRouter(tags=["watching"], dependencies=[Depends(require_write_key)])
NAME = r"^[\w.-]{1,100}$"
SinceQuery = Annotated[str | None, Query(max_length=40, description="YYYY-MM-DD or an ISO time.")]
Items = Annotated[list[Annotated[str, Field(max_length=500)]], Field(max_length=50)]


class WatchlistIn(BaseModel):
    name: str = Field(pattern=NAME)
    actors: Items = []
    types: Items = []
    provisions: Items = []
    min_grade: str | None = Field(default=None, max_length=2)
    text: str | None = Field(default=None, max_length=500)
    names: Items = []
    webhook: str | None = Field(default=None, max_length=2000)
    secret: str | None = Field(default=None, max_length=200)
    replace: bool = False


@router.get("/sources")
def sources(store: StoreDep) -> list[dict[str, Any]]:
    """Each polled source: last success, last error with its code, items seen, next poll."""
    return source_health(store)


@router.get("/watchlists")
def watchlists(store: StoreDep) -> list[dict[str, Any]]:
    return [w.to_dict() for w in list_watchlists(store)]


@router.get("/alerts")
def alerts(
    store: StoreDep,
    since: SinceQuery = None,
    watchlist: Annotated[str | None, Query(pattern=NAME)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[dict[str, Any]]:
    """Alerts newest first, each with what changed and why it matched."""
    start = parse_since(since) if since else None
    return list_alerts(store, since=start, watchlist=watchlist, limit=limit)


@router.get(
    "/watchlists/{name}/alerts.atom",
    response_class=Response,
    responses={200: {"content": {MEDIA_TYPE: {}}}},
)
def alerts_atom(
    store: StoreDep, request: Request, name: Annotated[str, Path(pattern=NAME)]
) -> Response:
    """The watchlist's alerts as an Atom feed, for any feed reader."""
    get_watchlist(store, name)
    body = render_alerts_atom(
        name,
        list_alerts(store, watchlist=name, limit=200),
        base_url=str(request.base_url),
        generated_at=now_utc().isoformat(),
    )
    return Response(body, media_type=MEDIA_TYPE)


@router.get("/changes")
def changes(store: StoreDep, since: Annotated[str, Query(max_length=40)]) -> list[dict[str, Any]]:
    """Incidents new or changed since ``since``, each marked ``new`` or ``changed``."""
    return new_since(store, parse_since(since))


@write_router.post("/watchlists", status_code=201)
def create_watchlist(store: StoreDep, body: WatchlistIn) -> dict[str, Any]:
    """Save a watchlist; the answer carries the webhook secret, shown only here."""
    reject_surrogates(body.model_dump(), where="body")
    watchlist = make_watchlist(
        body.name,
        actors=body.actors,
        types=body.types,
        provisions=body.provisions,
        min_grade=body.min_grade,
        text=body.text,
        names=body.names,
        webhook=body.webhook,
        secret=body.secret,
    )
    add_watchlist(store, watchlist, replace=body.replace)
    return watchlist.to_dict(with_secret=True)


@write_router.delete("/watchlists/{name}", status_code=204)
def delete_watchlist(store: StoreDep, name: Annotated[str, Path(pattern=NAME)]) -> Response:
    remove_watchlist(store, name)
    return Response(status_code=204)
