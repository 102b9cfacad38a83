"""Watching pages: source health, watchlists with their Atom feeds and recent alerts, and
the incidents new or changed since a date or since the reader's last visit (a cookie)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from sanctionwatch.domain.errors import InputError
from sanctionwatch.watch import list_alerts, list_watchlists, source_health
from sanctionwatch.watch.desk import new_since, parse_since
from sanctionwatch.watch.records import now_utc
from sanctionwatch.web.pages import StoreDep, paged, render

router = APIRouter(prefix="/ui", include_in_schema=False)
VISIT_COOKIE = "sanctionwatch_last_visit"


@router.get("/watch", response_class=HTMLResponse)
def watch_page(request: Request, store: StoreDep) -> Response:
    return render(
        request,
        "watch.html",
        sources=source_health(store),
        watchlists=[w.to_dict() for w in list_watchlists(store)],
        alerts=list_alerts(store, limit=50),
    )


@router.get("/new", response_class=HTMLResponse)
def new_page(
    request: Request, store: StoreDep, since: str | None = None, offset: int = 0
) -> Response:
    """New or changed since ``since``, else since the last visit this browser made."""
    error: str | None = None
    start: datetime | None = None
    remembered = request.cookies.get(VISIT_COOKIE)
    try:
        if since:
            start = parse_since(since)
        elif remembered:
            start = parse_since(remembered)
    except InputError as exc:
        error = exc.message
    rows: list[dict[str, Any]] = new_since(store, start) if start is not None else []
    response = render(
        request,
        "new.html",
        since=since or "",
        start=start.isoformat() if start else None,
        page=paged(rows, max(offset, 0)),
        error=error,
        status_code=422 if error else 200,
    )
    if not since:
        response.set_cookie(
            VISIT_COOKIE, now_utc().isoformat(), max_age=400 * 86400, httponly=True, samesite="lax"
        )
    return response
