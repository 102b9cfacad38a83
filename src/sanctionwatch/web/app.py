"""What ``api.create_app`` needs from the web UI: its routers, static files and error page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from sanctionwatch.web import explore, pages, review, watching
from sanctionwatch.web.templating import STATIC_DIR

__all__ = ["STATIC_DIR", "open_routers", "render_error", "routers"]


def open_routers() -> tuple[APIRouter, ...]:
    """Routes mounted without the read key: the login page (a reader whose reads are keyed
    must reach it to log in) and forms that check the write key themselves."""
    return (review.router,)


def routers() -> tuple[APIRouter, ...]:
    return (pages.router, explore.router, watching.router)


def render_error(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return pages.render(request, "error.html", status, status=status, code=code, message=message)
