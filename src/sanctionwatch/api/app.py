"""The JSON API and the web UI: thin routers over services. OpenAPI schema at ``/openapi.json``,
docs at ``/docs``, the analyst's pages under ``/ui`` (``/`` redirects there).

Domain errors are turned into HTTP errors here, at the edge, with the stable code in
the body: ``{"error": {"code": "E404", "message": "..."}}`` (an HTML page under ``/ui``).
Bad parameters are a 422 in the same shape (code E422, or E423 for a filter that parses
but means nothing, such as an unknown actor), with FastAPI's ``detail`` list kept beside it.
Writes need an API key; reads too when configured (``api.security``). Every JSON ``GET``
carries an ETag (``api.caching``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from sanctionwatch import __version__, web
from sanctionwatch import store as st
from sanctionwatch.api.caching import MAX_CACHE_BYTES, ETagMiddleware, ResponseCache
from sanctionwatch.api.limits import (
    MAX_BODY_BYTES,
    BodyLimitMiddleware,
    encodable,
    has_surrogate,
)
from sanctionwatch.api.responses import READ_ERRORS, WRITE_ERRORS
from sanctionwatch.api.routes import (
    corrections,
    documents,
    entities,
    exports,
    incidents,
    meta,
    screening,
    timeline,
    watching,
    writes,
)
from sanctionwatch.api.security import AuthError, ForbiddenError, KeyConfig, require_read_key
from sanctionwatch.domain.errors import (
    ConfigError,
    InputError,
    NotFoundError,
    SanctionwatchError,
)

READ_ROUTERS = (
    incidents.router,
    documents.router,
    screening.router,
    entities.router,
    timeline.router,
    exports.router,
    watching.router,
    corrections.router,
)
ROUTERS = (
    meta.router,
    *READ_ROUTERS,
    writes.router,
    watching.write_router,
    corrections.write_router,
)
_STATUS = {
    NotFoundError: 404,
    ConfigError: 503,
    InputError: 422,
    AuthError: 401,
    ForbiddenError: 403,
}
BAD_PARAMETER = "E422"


def _status_of(error: SanctionwatchError) -> int:
    return next((code for kind, code in _STATUS.items() if isinstance(error, kind)), 400)


def _describe(errors: list[Any]) -> str:
    """FastAPI's validation errors as one sentence a person can act on."""
    parts = []
    for error in errors:
        location = [str(p) for p in error.get("loc", ())]
        where = location[0] if location else "request"
        name = ".".join(location[1:]) or "body"
        label = {"query": "query parameter", "path": "path parameter", "body": "body field"}
        msg = error.get("msg", "is invalid")
        if has_surrogate(error.get("input")):
            msg = "holds a lone surrogate (such as \\udcff), which is not text"
        text = f"{label.get(where, where)} '{name}': {msg}"
        if "input" in error and where in {"query", "path"}:
            text += f" (got {error['input']!r})"
        parts.append(text)
    return "; ".join(parts) or "invalid request"


def create_app(
    *,
    database_url: str | None = None,
    store: st.Store | None = None,
    api_keys: Iterable[str] | None = None,
    read_requires_key: bool | None = None,
    remote_reads_require_key: bool = False,
    max_body_bytes: int = MAX_BODY_BYTES,
    cache_bytes: int = MAX_CACHE_BYTES,
) -> FastAPI:
    """An app over ``store``, or over the database at ``database_url`` opened at startup.

    ``api_keys`` and ``read_requires_key`` default to ``SANCTIONWATCH_API_KEYS`` and
    ``SANCTIONWATCH_READ_REQUIRES_KEY``; ``remote_reads_require_key`` keys reads from
    clients off loopback (``serve --host`` on a public interface). A request body over
    ``max_body_bytes`` is a 413 (E204). List pages are cached in up to ``cache_bytes``
    (0: off) while the store is unchanged (``api.caching.ResponseCache``).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = store or st.open_store(database_url)
        yield
        if store is None:
            app.state.store.close()

    # The docs page with Swagger UI's own files (bundled by fastapi-offline), not a CDN's:
    # /docs works on a machine with no network.
    app = FastAPIOffline(
        title="sanctionwatch",
        version=__version__,
        description="Source-grounded, legally mapped, evidence-graded incidents of UN 1718 "
        "sanctions evasion. Writes need an API key (X-API-Key or Authorization: Bearer).",
        lifespan=lifespan,
    )
    app.state.response_cache = ResponseCache(max_bytes=cache_bytes)
    app.state.keys = KeyConfig.build(
        api_keys, read_requires_key, remote_reads_require_key=remote_reads_require_key
    )

    @app.exception_handler(SanctionwatchError)
    async def domain_error(request: Request, error: SanctionwatchError) -> Response:
        status = _status_of(error)
        if request.url.path.startswith("/ui"):
            return web.render_error(request, status, error.code, error.message)
        headers = {"WWW-Authenticate": 'Bearer realm="sanctionwatch"'} if status == 401 else None
        return JSONResponse(
            {"error": {"code": error.code, "message": error.message}},
            status_code=status,
            headers=headers,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        # Routing and body-parsing errors (404, 405, a body that is not JSON) in our shape.
        status, code, message = error.status_code, f"E{error.status_code}", str(error.detail)
        if status == 400:
            # FastAPI's answer to a body it cannot decode: a bad request body, like any other.
            status, code = 422, BAD_PARAMETER
            message = "the request body could not be parsed (not UTF-8 JSON, or nested too deep)"
        if request.url.path.startswith("/ui"):
            return web.render_error(request, status, code, message)
        body = {"error": {"code": code, "message": message}}
        return JSONResponse(body, status_code=status, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        message = encodable(_describe(list(error.errors())))
        if request.url.path.startswith("/ui"):
            return web.render_error(request, 422, BAD_PARAMETER, message)
        body = {
            "error": {"code": BAD_PARAMETER, "message": message},
            "detail": encodable(jsonable_encoder(error.errors())),
        }
        return JSONResponse(body, status_code=422)

    app.include_router(meta.router, responses=READ_ERRORS)
    for router in READ_ROUTERS:
        app.include_router(router, dependencies=[Depends(require_read_key)], responses=READ_ERRORS)
    app.include_router(writes.router, responses=WRITE_ERRORS)
    app.include_router(watching.write_router, responses=WRITE_ERRORS)
    app.include_router(corrections.write_router, responses=WRITE_ERRORS)
    for router in web.routers():
        app.include_router(router, dependencies=[Depends(require_read_key)])
    for router in web.open_routers():
        app.include_router(router)
    app.mount("/ui/static", StaticFiles(directory=web.STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/ui/")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(web.STATIC_DIR / "favicon.svg", media_type="image/svg+xml")

    app.add_middleware(ETagMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body_bytes)
    return app
