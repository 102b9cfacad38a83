"""The JSON API: thin routers over services. OpenAPI schema at ``/openapi.json``, docs at ``/docs``.

Domain errors are turned into HTTP errors here, at the edge, with the stable code in
the body: ``{"error": {"code": "E404", "message": "..."}}``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from sanctionwatch import __version__
from sanctionwatch import store as st
from sanctionwatch.api.routes import documents, incidents, meta, screening
from sanctionwatch.domain.errors import ConfigError, NotFoundError, SanctionwatchError

ROUTERS = (meta.router, incidents.router, documents.router, screening.router)
_STATUS = {NotFoundError: 404, ConfigError: 503}


def create_app(*, database_url: str | None = None, store: st.Store | None = None) -> FastAPI:
    """An app over ``store``, or over the database at ``database_url`` opened at startup."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = store or st.open_store(database_url)
        yield
        if store is None:
            app.state.store.close()

    app = FastAPI(
        title="sanctionwatch",
        version=__version__,
        description="Source-grounded, legally mapped, evidence-graded incidents of UN 1718 sanctions evasion.",
        lifespan=lifespan,
    )

    @app.exception_handler(SanctionwatchError)
    async def domain_error(request: Request, error: SanctionwatchError) -> JSONResponse:
        status = next((code for kind, code in _STATUS.items() if isinstance(error, kind)), 400)
        return JSONResponse(
            {"error": {"code": error.code, "message": error.message}}, status_code=status
        )

    for router in ROUTERS:
        app.include_router(router)
    return app
