"""Endpoints that change data; each needs an API key (see ``api.security``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from sanctionwatch.api.deps import DATE_PATTERN, StoreDep
from sanctionwatch.api.security import require_write_key
from sanctionwatch.services import writing

router = APIRouter(tags=["writes"], dependencies=[Depends(require_write_key)])
MAX_LIST_BYTES = 200 * 1024 * 1024


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
    summary = writing.ingest_posted(
        store,
        articles=[a.model_dump(exclude_none=True) for a in body.articles],
        urls=body.urls,
    )
    return summary.to_dict()


@router.post(
    "/lists",
    status_code=201,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/xml": {"schema": {"type": "string"}},
                "application/json": {"schema": {"type": "string"}},
            },
        }
    },
)
async def update_list(
    request: Request,
    name: Annotated[str | None, Query(max_length=100, pattern=r"^[\w.-]+$")] = None,
) -> Any:
    """Replace a sanctions list with the posted UN consolidated XML or FtM JSON lines."""
    data = await request.body()
    if len(data) > MAX_LIST_BYTES:
        body = {"error": {"code": "E204", "message": "the list is larger than 200 MiB"}}
        return JSONResponse(body, status_code=413)
    record = await run_in_threadpool(writing.replace_list, data, name=name, source="api")
    return record.to_dict()
