"""The error responses every route documents in the OpenAPI schema, in the one shape every
error has: ``{"error": {"code": "E404", "message": "..."}}`` (a 422 keeps FastAPI's
``detail`` list beside it)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class ErrorDetail(BaseModel):
    code: str
    """A stable code: E401, E404, E422, E423, E5xx ... (README, ``domain.errors``)."""
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail
    detail: list[dict[str, Any]] | None = None
    """For a 422 from request validation: FastAPI's list of what failed where."""


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


READ_ERRORS: dict[int | str, dict[str, Any]] = {
    401: _error("A key is needed (E401)."),
    404: _error("No such id (E404)."),
    413: _error("The request is too large (E204, E509)."),
    422: _error("A bad parameter (E422) or one that means nothing (E423)."),
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **READ_ERRORS,
    403: _error("A cookie key without its CSRF token, or from another origin (E403)."),
    415: _error("A content type this route does not take (E415)."),
    503: _error("The server is not set up for this (E3xx)."),
}
