"""Watching pages: source health, watchlists with their Atom feeds and recent alerts, and
the incidents new or changed since a date or since the reader's last visit (a cookie).

Adding or removing a watchlist is a write: the form carries the API key (typed into it,
or the key cookie with its CSRF token, checked as ``api.security`` checks every write)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sanctionwatch.api.security import COOKIE, csrf_token_for
from sanctionwatch.domain.claim import ClaimType
from sanctionwatch.domain.errors import InputError, SanctionwatchError
from sanctionwatch.watch import (
    add_watchlist,
    list_alerts,
    list_watchlists,
    make_watchlist,
    remove_watchlist,
    source_health,
)
from sanctionwatch.watch.desk import VISIT_COOKIE, new_since, parse_since
from sanctionwatch.watch.records import now_utc
from sanctionwatch.web.forms import authorise_form as _authorise
from sanctionwatch.web.forms import first_value as _first
from sanctionwatch.web.forms import read_form as _form
from sanctionwatch.web.forms import split_values as _split
from sanctionwatch.web.pages import StoreDep, paged, render

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("/watch", response_class=HTMLResponse)
def watch_page(request: Request, store: StoreDep) -> Response:
    return _watch_page(request, store)


def _watch_page(
    request: Request, store: Any, *, error: str | None = None, status_code: int = 200
) -> HTMLResponse:
    cookie = request.cookies.get(COOKIE)
    return render(
        request,
        "watch.html",
        status_code,
        sources=source_health(store),
        watchlists=[w.to_dict() for w in list_watchlists(store)],
        alerts=list_alerts(store, limit=50),
        types=[t.value for t in ClaimType],
        csrf_token=csrf_token_for(cookie) if cookie else "",
        error=error,
    )


@router.post("/watchlists", response_class=HTMLResponse)
async def add_watchlist_form(request: Request, store: StoreDep) -> Response:
    form = await _form(request)
    _authorise(request, form)
    try:
        watchlist = make_watchlist(
            _first(form, "name") or "",
            actors=_split(form.get("actors", [])),
            types=form.get("types", []),
            provisions=_split(form.get("provisions", [])),
            min_grade=_first(form, "min_grade"),
            text=_first(form, "text"),
            names=_split(form.get("names", []), lines=True),
            webhook=_first(form, "webhook"),
        )
        add_watchlist(store, watchlist)
    except InputError as error:
        return _watch_page(request, store, error=f"{error.code}: {error.message}", status_code=422)
    return RedirectResponse("/ui/watch", status_code=303)


@router.post("/watchlists/{name}/remove", response_class=HTMLResponse)
async def remove_watchlist_form(request: Request, store: StoreDep, name: str) -> Response:
    form = await _form(request)
    _authorise(request, form)
    try:
        remove_watchlist(store, name)
    except SanctionwatchError as error:
        return _watch_page(request, store, error=f"{error.code}: {error.message}", status_code=404)
    return RedirectResponse("/ui/watch", status_code=303)


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
