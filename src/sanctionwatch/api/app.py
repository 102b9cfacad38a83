"""The JSON API: thin routes over services. OpenAPI schema at ``/openapi.json``, docs at ``/docs``.

Domain errors are turned into HTTP errors here, at the edge, with the stable code in
the body: ``{"error": {"code": "E404", "message": "..."}}``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse

from sanctionwatch import __version__, services
from sanctionwatch import store as st
from sanctionwatch.domain import ClaimType
from sanctionwatch.domain.codec import claim_to_dict, document_to_dict, provision_to_dict
from sanctionwatch.domain.errors import ConfigError, NotFoundError, SanctionwatchError

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def create_app(*, database_url: str | None = None, store: st.Store | None = None) -> FastAPI:
    """An app over ``store`` (or the database at ``database_url``, opened at startup)."""

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

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, error: NotFoundError) -> JSONResponse:
        return JSONResponse(
            {"error": {"code": error.code, "message": error.message}}, status_code=404
        )

    @app.exception_handler(ConfigError)
    async def config_error(request: Request, error: ConfigError) -> JSONResponse:
        return JSONResponse(
            {"error": {"code": error.code, "message": error.message}}, status_code=503
        )

    @app.exception_handler(SanctionwatchError)
    async def domain_error(request: Request, error: SanctionwatchError) -> JSONResponse:
        return JSONResponse(
            {"error": {"code": error.code, "message": error.message}}, status_code=400
        )

    def _store(request: Request) -> st.Store:
        value: st.Store = request.app.state.store
        return value

    @app.get("/health", tags=["meta"])
    def health(request: Request) -> dict[str, Any]:
        from sanctionwatch.extract import extractor_id

        return {
            "status": "ok",
            "version": __version__,
            "extractor": extractor_id(),
            "counts": st.stats(_store(request)),
        }

    @app.get("/incidents", tags=["incidents"])
    def list_incidents(
        request: Request,
        type: Annotated[ClaimType | None, Query(description="Claim type of the incident.")] = None,
        since: Annotated[
            str | None, Query(pattern=_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")
        ] = None,
        until: Annotated[
            str | None, Query(pattern=_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")
        ] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> list[dict[str, Any]]:
        views = services.list_incident_views(
            _store(request),
            type=type.value if type else None,
            since=since,
            until=until,
            limit=limit,
        )
        return [v.to_dict() for v in views]

    @app.get("/incidents/{incident_id}", tags=["incidents"])
    def get_incident(request: Request, incident_id: str) -> dict[str, Any]:
        return services.incident_view(_store(request), incident_id).to_dict()

    @app.get("/documents", tags=["documents"])
    def list_documents(
        request: Request,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> list[dict[str, Any]]:
        docs = st.list_documents(_store(request), limit=limit, offset=offset)
        return [document_to_dict(d, include_text=False) for d in docs]

    @app.get("/documents/{document_id}", tags=["documents"])
    def get_document(request: Request, document_id: str) -> dict[str, Any]:
        return services.document_detail(_store(request), document_id)

    @app.get("/claims", tags=["claims"])
    def list_claims(
        request: Request,
        document_id: str | None = None,
        type: ClaimType | None = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    ) -> list[dict[str, Any]]:
        claims = st.list_claims(
            _store(request), document_id=document_id, type=type.value if type else None
        )
        return [claim_to_dict(c) for c in claims[:limit]]

    @app.get("/search", tags=["documents"])
    def search(
        request: Request,
        q: Annotated[str, Query(min_length=1)],
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> list[dict[str, Any]]:
        return services.search(_store(request), q, limit=limit)

    @app.get("/provisions", tags=["law"])
    def list_provisions(request: Request) -> list[dict[str, Any]]:
        from sanctionwatch.law import load_regime

        return [provision_to_dict(p) for p in load_regime().provisions]

    return app
