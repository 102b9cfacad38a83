"""Endpoints that change data; each needs an API key (see ``api.security``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from sanctionwatch.api.deps import DATE_PATTERN, StoreDep
from sanctionwatch.api.limits import reject_surrogates
from sanctionwatch.api.security import require_write_key
from sanctionwatch.services import writing

router = APIRouter(tags=["writes"], dependencies=[Depends(require_write_key)])
UNSUPPORTED_MEDIA = "E415"
# Not text/plain, forms or multipart: those a page on another site may post without asking
# (no CORS preflight), so a list only comes as the types no such page can send.
LIST_TYPES = (
    "application/xml",
    "text/xml",
    "application/json",
    "application/x-ndjson",
    "application/jsonl",
    "application/octet-stream",
)


class Article(BaseModel):
    text: str = Field(min_length=1, max_length=5_000_000)
    title: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=4000)
    published: str | None = Field(default=None, pattern=DATE_PATTERN)
    id: str | None = Field(default=None, max_length=500)
    language: str | None = Field(default=None, max_length=20)


class IngestRequest(BaseModel):
    articles: list[Article] = Field(default=[], max_length=writing.MAX_ARTICLES)
    urls: list[Annotated[str, Field(max_length=4000)]] = Field(default=[], max_length=100)


@router.post("/ingest", status_code=201)
def ingest(store: StoreDep, body: IngestRequest) -> dict[str, Any]:
    """Ingest posted articles (corpus shape) and URLs; extraction and incidents follow."""
    articles = [a.model_dump(exclude_none=True) for a in body.articles]
    reject_surrogates(articles, where="body.articles")
    reject_surrogates(body.urls, where="body.urls")
    summary = writing.ingest_posted(store, articles=articles, urls=body.urls)
    return summary.to_dict()


@router.post(
    "/lists",
    status_code=201,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                kind: {"schema": {"type": "string"}}
                for kind in ("application/xml", "application/json", "application/x-ndjson")
            },
        },
        "responses": {
            "413": {"description": "The list is larger than the body limit (E204)."},
            "415": {"description": "Not an XML or JSON content type (E415)."},
            "422": {"description": "Not a valid list (E505, E506)."},
        },
    },
)
async def update_list(
    request: Request,
    name: Annotated[str | None, Query(max_length=100, pattern=r"^[\w.-]+$")] = None,
) -> Any:
    """Replace a sanctions list with the posted UN consolidated XML or FtM JSON lines."""
    kind = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if kind not in LIST_TYPES:
        accepted = ", ".join(LIST_TYPES)
        message = f"a list is posted as one of {accepted}, not {kind or 'no content type'!r}"
        body = {"error": {"code": UNSUPPORTED_MEDIA, "message": message}}
        return JSONResponse(body, status_code=415)
    data = await request.body()
    record = await run_in_threadpool(writing.replace_list, data, name=name, source="api")
    return record.to_dict()
