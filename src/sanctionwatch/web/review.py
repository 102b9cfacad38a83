"""Correcting the machine from the incident page, and the key login that lets a browser write.

``/ui/login`` checks the API key and keeps it in an HttpOnly, SameSite=Strict cookie;
every form then carries the key's CSRF token and is checked as ``api.security`` checks
every write (a form may also carry the key itself, typed into it). A correction form
posts to ``/ui/claims/{id}/corrections`` or ``/ui/incidents/{id}/corrections`` and comes
back to the incident it was made on.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sanctionwatch.api.security import COOKIE, KeyConfig, check_key
from sanctionwatch.domain.errors import SanctionwatchError
from sanctionwatch.services import corrections as service
from sanctionwatch.web.forms import authorise_form, first_value, read_form, split_values
from sanctionwatch.web.pages import StoreDep, render

router = APIRouter(prefix="/ui", include_in_schema=False)

_INCIDENT = re.compile(r"^inc_[0-9a-z]{1,40}$")
_NEXT = re.compile(r"^/ui/[\w/.-]*$")
# Form fields a correction may carry; the service checks them per kind.
_FIELDS = ("reason", "role", "low", "high", "unit", "start", "end", "modality", "text", "into")


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/ui/") -> Response:
    return render(request, "login.html", next=_safe_next(next), error=None)


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    form = await read_form(request)
    key = first_value(form, "api_key") or ""
    target = _safe_next(first_value(form, "next") or "/ui/")
    config: KeyConfig = request.app.state.keys
    try:
        check_key(config, key, action="writing")
    except SanctionwatchError as error:
        return render(
            request, "login.html", 401, next=target, error=f"{error.code}: {error.message}"
        )
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, key, httponly=True, samesite="strict", max_age=12 * 3600)
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    response = RedirectResponse("/ui/", status_code=303)
    response.delete_cookie(COOKIE)
    return response


@router.post("/claims/{claim_id}/corrections")
async def correct_claim_form(request: Request, store: StoreDep, claim_id: str) -> Response:
    form, data = await _submitted(request, lists=("codes",))
    service.correct_claim(store, claim_id, **_correction(form, data))
    return _back(form, anchor=f"claim-{claim_id}")


@router.post("/incidents/{incident_id}/corrections")
async def correct_incident_form(request: Request, store: StoreDep, incident_id: str) -> Response:
    form, data = await _submitted(request, lists=("claim_ids",))
    service.correct_incident(store, incident_id, **_correction(form, data))
    into = data.get("into") if first_value(form, "kind") == "merge" else None
    return _back(form, incident=into)


def _data(form: dict[str, list[str]]) -> dict[str, Any]:
    return {name: value for name in _FIELDS if (value := first_value(form, name)) is not None}


def _back(form: dict[str, list[str]], *, anchor: str = "", incident: Any = None) -> Response:
    target = incident if isinstance(incident, str) else first_value(form, "incident")
    where = f"/ui/incidents/{target}" if target and _INCIDENT.match(target) else "/ui/"
    return RedirectResponse(where + (f"#{anchor}" if anchor else ""), status_code=303)


def _safe_next(value: str) -> str:
    """Only a page of this UI: a login never sends the browser elsewhere."""
    return value if _NEXT.match(value) and "//" not in value else "/ui/"


async def _submitted(
    request: Request, *, lists: tuple[str, ...]
) -> tuple[dict[str, list[str]], dict[str, Any]]:
    """The authorised form and its correction data, ``lists`` split into values."""
    form = await read_form(request)
    authorise_form(request, form)
    data: dict[str, Any] = _data(form)
    for name in lists:
        if name in form:
            data[name] = split_values(form[name])
    return form, data


def _correction(form: dict[str, list[str]], data: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": first_value(form, "kind") or "",
        "data": data,
        "author": first_value(form, "author") or "",
    }
