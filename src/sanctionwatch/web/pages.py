"""Pages for reading incidents and documents: the list, one incident, one document."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sanctionwatch import services
from sanctionwatch import store as st
from sanctionwatch.api.security import COOKIE, csrf_token_for
from sanctionwatch.domain import ClaimType
from sanctionwatch.domain.errors import InputError
from sanctionwatch.reports.highlight import (
    claim_marks,
    evidence_mark,
    paragraph_bounds,
    role_marks,
    segment_text,
)
from sanctionwatch.services.browsing import IncidentFilter, find_incidents, parse_filter
from sanctionwatch.services.reporting import KNOWN_KEYS, build_case_file
from sanctionwatch.web.templating import templates

PAGE_SIZE = 50
"""Rows per page of every long list (incidents, an entity's incidents, claims, documents)."""


def paged(items: list[Any], offset: int, *, size: int = PAGE_SIZE) -> dict[str, Any]:
    """One page of ``items`` with what its pager needs (``macros.pager``)."""
    offset = min(offset, max(0, len(items) - 1)) if items else 0
    shown = items[offset : offset + size]
    after = offset + size
    return {
        "items": shown,
        "total": len(items),
        "first": offset + 1 if shown else 0,
        "last": offset + len(shown),
        "next": after if after < len(items) else None,
        "previous": max(0, offset - size) if offset > 0 else None,
    }


def get_store(request: Request) -> st.Store:
    store: st.Store = request.app.state.store
    return store


StoreDep = Annotated[st.Store, Depends(get_store)]
router = APIRouter(prefix="/ui", include_in_schema=False)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page with a Content-Security-Policy: only our own nonce-tagged script may run, so
    even text that escaped escaping could not execute."""
    nonce = secrets.token_urlsafe(16)
    response = templates().TemplateResponse(
        request, name, {**context, "csp_nonce": nonce}, status_code=status_code
    )
    response.headers.update(security_headers(nonce))
    return response


def security_headers(nonce: str, *, inline_style: bool = False) -> dict[str, str]:
    """The headers every page sends; ``inline_style`` also allows the one ``<style>`` that
    carries ``nonce`` (a case file is one self-contained page, styled inside)."""
    style = f"'self' 'nonce-{nonce}'" if inline_style else "'self'"
    policy = (
        f"default-src 'self'; script-src 'nonce-{nonce}'; style-src {style}; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        # same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" on
        # a form post to this very server, and the cookie-key write check needs the origin.
        # Other sites still get no referrer.
        "Referrer-Policy": "same-origin",
    }


@router.get("/", response_class=HTMLResponse)
def incident_list(
    request: Request,
    store: StoreDep,
    type: str | None = None,
    actor: str | None = None,
    provision: str | None = None,
    grade: str | None = None,
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    relevance: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    raw = {"type": type, "actor": actor, "provision": provision, "grade": grade}
    raw |= {"since": since, "until": until, "text": q, "relevance": relevance}
    try:
        flt = parse_filter(**raw)
    except InputError as error:
        return render(
            request,
            "incidents.html",
            422,
            error=error,
            page=None,
            form=raw,
            params={},
            types=[t.value for t in ClaimType],
        )
    page = find_incidents(store, flt, limit=PAGE_SIZE, offset=offset)
    return render(
        request,
        "incidents.html",
        page=page,
        form=raw,
        params=_link_params(flt),
        types=[t.value for t in ClaimType],
        error=None,
        markers=_markers(request, store, page.incidents),
    )


def _markers(request: Request, store: st.Store, incidents: list[dict[str, Any]]) -> dict[str, str]:
    """Issue 15: "new"/"changed" since the reader's last look at /ui/new (watch.desk)."""
    from sanctionwatch.watch.desk import VISIT_COOKIE, markers_since, visit_time

    since = visit_time(request.cookies.get(VISIT_COOKIE))
    return markers_since(store, since, [str(i["id"]) for i in incidents])


def _link_params(flt: IncidentFilter) -> dict[str, str]:
    params = flt.to_params()
    if "text" in params:
        params["q"] = params.pop("text")
    return params


# Keys of the incident view the page shows in their own sections (or that only restate
# what is shown): the rest, if any, goes to the generic "Assessment details" block.
_SHOWN_ON_PAGE = frozenset(
    {"origins", "origin_count", "conduit_count", "estimate", "figures", "time_precision",
     "time_label", "summary", "items", "notes", "reviewed"}
)  # fmt: skip


def _extra(view: dict[str, Any]) -> list[tuple[str, Any]]:
    return [
        (key, value)
        for key, value in view.items()
        if key not in KNOWN_KEYS
        and key not in _SHOWN_ON_PAGE
        and value not in (None, "", [], {}, 0)
    ]


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, store: StoreDep, incident_id: str) -> Response:
    try:
        view = services.incident_view(store, incident_id).to_dict(include_text=True)
    except services.IncidentMoved as moved:
        # Merged into another incident: its old address keeps working.
        return RedirectResponse(f"/ui/incidents/{moved.new_id}", status_code=301)
    case = build_case_file([view], subject=view["id"], title=view["id"])
    finding = case.findings[0]
    cite_of = {c.claim_id: c.number for c in case.citations}
    cards = []
    documents: dict[str, dict[str, Any]] = {}
    for claim in view["claims"]:
        document = claim["document"]
        text = document.get("text") or ""
        lo, hi = paragraph_bounds(text, claim["evidence"]["start"], claim["evidence"]["end"])
        marks = [evidence_mark(claim), evidence_mark(claim, kind=claim["role"]), *role_marks(claim)]
        cards.append(
            {
                "claim": claim,
                "number": cite_of.get(claim["id"]),
                "segments": segment_text(text, marks, start=lo, end=hi),
                "document": document,
            }
        )
        entry = documents.setdefault(document["id"], {"document": document, "claims": []})
        entry["claims"].append(claim)
    sources = [
        {
            "document": entry["document"],
            "claims": entry["claims"],
            "segments": segment_text(
                entry["document"].get("text") or "", claim_marks(entry["claims"])
            ),
        }
        for entry in documents.values()
    ]
    return render(
        request,
        "incident.html",
        view=view,
        finding=finding,
        cards=cards,
        sources=sources,
        extra=_extra(view),
        csrf_token=csrf_token_for(cookie) if (cookie := request.cookies.get(COOKIE)) else "",
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request, store: StoreDep, offset: Annotated[int, Query(ge=0)] = 0
) -> Response:
    total = st.count_documents(store)
    docs = st.list_documents(store, limit=PAGE_SIZE, offset=offset)
    after = offset + PAGE_SIZE
    page = {
        "items": docs,
        "total": total,
        "first": offset + 1 if docs else 0,
        "last": offset + len(docs),
        "next": after if after < total else None,
        "previous": max(0, offset - PAGE_SIZE) if offset > 0 else None,
    }
    return render(request, "documents.html", page=page)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    store: StoreDep,
    document_id: str,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    data = services.document_detail(store, document_id)
    claims = data["claims"]
    return render(
        request,
        "document.html",
        doc=data,
        claims=claims,
        page=paged(claims, offset),
        segments=segment_text(data["text"], claim_marks(claims)),
        custody=services.document_custody(store, data["id"]),
    )
