"""Downloads: the incident data set (JSON, CSV, FtM) and case files (Markdown, HTML, PDF)."""

from __future__ import annotations

import secrets
from typing import Literal

from fastapi import APIRouter
from fastapi.responses import Response, StreamingResponse

from sanctionwatch.api.deps import StoreDep
from sanctionwatch.api.routes.incidents import FilterDep
from sanctionwatch.reports import render_casefile, render_casefile_html
from sanctionwatch.services import datasets, reporting
from sanctionwatch.web.pages import security_headers

router = APIRouter(tags=["exports"])
CASEFILE_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}
CASEFILE_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {
        "description": "The case file in the format asked for.",
        "content": {
            kind.split(";")[0]: {"schema": {"type": "string"}} for kind in CASEFILE_TYPES.values()
        },
    }
}


@router.get("/exports/{fmt}", response_class=StreamingResponse)
def export(
    store: StoreDep, fmt: Literal["json", "csv", "ftm"], flt: FilterDep
) -> StreamingResponse:
    """Incidents matching the filters (FtM: every entity and incident) as a download."""
    name = f"sanctionwatch-incidents.{'jsonl' if fmt == 'ftm' else fmt}"
    return StreamingResponse(
        datasets.iter_export(store, fmt, flt),
        media_type=datasets.FORMATS[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _casefile_response(
    case: reporting.CaseFile, fmt: str, *, filename: str | None = None
) -> Response:
    """A case file with the headers of the pages: HTML under the same Content-Security-Policy
    (its one inline style allowed by nonce), every format with ``nosniff``."""
    headers = {"X-Content-Type-Options": "nosniff"}
    if fmt == "html":
        nonce = secrets.token_urlsafe(16)
        body = render_casefile_html(case, nonce=nonce).encode("utf-8")
        headers.update(security_headers(nonce, inline_style=True))
    else:
        body = render_casefile(case, fmt)
    if filename:
        disposition = "attachment" if fmt == "pdf" else "inline"
        headers["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return Response(body, media_type=CASEFILE_TYPES[fmt], headers=headers)


@router.get(
    "/incidents/{incident_id}/casefile.{fmt}",
    tags=["reports"],
    response_class=Response,
    responses=CASEFILE_RESPONSES,
)
def casefile(store: StoreDep, incident_id: str, fmt: Literal["md", "html", "pdf"]) -> Response:
    """A Panel-of-Experts-style case file on one incident, with numbered citations."""
    case = reporting.case_file_for_incident(store, incident_id)
    filename = f"casefile-{case.findings[0].incident_id}.{fmt}"
    return _casefile_response(case, fmt, filename=filename)


@router.get(
    "/casefile.{fmt}", tags=["reports"], response_class=Response, responses=CASEFILE_RESPONSES
)
def casefile_query(store: StoreDep, fmt: Literal["md", "html", "pdf"], flt: FilterDep) -> Response:
    """A case file on every incident the filters find (at most 50)."""
    return _casefile_response(reporting.case_file_for_query(store, flt), fmt)
