"""What ``api.create_app`` needs from the web UI: its routers, static files and error page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from sanctionwatch.web import explore, pages, review, watching
from sanctionwatch.web.templating import STATIC_DIR

__all__ = ["STATIC_DIR", "render_error", "routers"]


def routers() -> tuple[APIRouter, ...]:
    return (pages.router, explore.router, watching.router, review.router)


def render_error(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return pages.render(request, "error.html", status, status=status, code=code, message=message)
