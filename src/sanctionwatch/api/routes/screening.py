"""Screening: ``POST /match/{dataset}`` in the shape of the yente API, and ``GET /lists``.

Existing yente clients work unchanged: the request is ``{"queries": {KEY: {"schema",
"properties"}}}``, the response ``{"responses": {KEY: {"results": [...], "total",
"query"}}, "matcher", "limit"}``, and each result carries ``score``, ``match``,
``features`` and ``explanations`` — plus ``confidence`` and ``homonyms``, which yente has
not. A bad query (empty name, control characters, a name over 1,000 characters) is a 422
with the reason; the service stays up.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from sanctionwatch.api.limits import reject_surrogates
from sanctionwatch.domain.errors import InputError
from sanctionwatch.resolve.matcher import DEFAULT_THRESHOLD
from sanctionwatch.services import screening

router = APIRouter(tags=["screening"])
MAX_QUERIES = 100
"""Queries in one ``/match`` request (yente's own default batch cap); more is a 413."""
TOO_MANY_QUERIES = "E509"


class EntityExample(BaseModel):
    id: str | None = None
    schema_: str = Field(alias="schema")
    properties: dict[str, str | list[Any]]


class MatchRequest(BaseModel):
    queries: dict[str, EntityExample]
    weights: dict[str, float] = {}
    config: dict[str, Any] = {}


def _unprocessable(error: InputError) -> JSONResponse:
    # ``detail`` in FastAPI's own shape (a list), as the OpenAPI schema of a 422 says.
    detail = [{"loc": ["body"], "msg": error.message, "type": error.code}]
    body = {"error": {"code": error.code, "message": error.message}, "detail": detail}
    return JSONResponse(body, status_code=422)


@router.post(
    "/match/{dataset}",
    response_model=None,
    responses={413: {"description": f"More than {MAX_QUERIES} queries (E509)."}},
)
def match(
    dataset: str,
    request: MatchRequest,
    limit: Annotated[int, Query(ge=1, le=500)] = 5,
    threshold: Annotated[float, Query(ge=0.0, le=1.0)] = DEFAULT_THRESHOLD,
    algorithm: str | None = None,
) -> dict[str, Any] | JSONResponse:
    """Match example entities against the loaded sanctions lists (yente-compatible)."""
    if not request.queries:
        return _unprocessable(InputError("no queries provided", code="E508"))
    if len(request.queries) > MAX_QUERIES:
        message = f"{len(request.queries)} queries in one request; at most {MAX_QUERIES}"
        body = {"error": {"code": TOO_MANY_QUERIES, "message": message}}
        return JSONResponse(body, status_code=413)
    queries = {
        key: {"id": q.id, "schema": q.schema_, "properties": q.properties}
        for key, q in request.queries.items()
    }
    try:
        reject_surrogates(dataset, where="path parameter 'dataset'")
        reject_surrogates(queries, where="body.queries")
        return screening.yente_match(dataset, queries, threshold=threshold, limit=limit)
    except InputError as error:
        return _unprocessable(error)


@router.get("/lists")
def lists() -> list[dict[str, Any]]:
    """The loaded lists with their version, date, source and load time."""
    return [record.to_dict() for record in screening.list_records()]


@router.get("/screen")
def screen(
    name: Annotated[str, Query(max_length=2000)],
    birth_date: str | None = None,
    country: str | None = None,
    schema: str = "Person",
    imo: str | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 5,
) -> Any:
    """Screen one name: a Person (default), Organization or Vessel (with its IMO number)."""
    try:
        query = screening.make_query(
            name, schema=schema, birth_date=birth_date, country=country, imo=imo
        )
        results = screening.screen(query, limit=limit)
    except InputError as error:
        return _unprocessable(error)
    return [screening.result_to_dict(r) for r in results]
