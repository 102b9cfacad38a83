"""Form posts of the UI: read a bounded urlencoded body, authorise it as a write.

A form writes with the API key typed into it, or with the key cookie beside that key's
CSRF token from this server's own pages (checked as ``api.security`` checks every write).
"""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import Request

from sanctionwatch.api.security import (
    COOKIE,
    KeyConfig,
    check_cookie_write,
    check_key,
    header_key,
)
from sanctionwatch.domain.errors import InputError

MAX_FORM_BYTES = 64 * 1024


async def read_form(request: Request) -> dict[str, list[str]]:
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise InputError("the form is too large", code="E422")
    return parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=False)


def authorise_form(request: Request, form: dict[str, list[str]]) -> None:
    config: KeyConfig = request.app.state.keys
    typed = (form.get("api_key") or [""])[0] or header_key(request)
    cookie = request.cookies.get(COOKIE)
    if not typed and cookie:
        check_key(config, cookie, action="writing")
        check_cookie_write(request, cookie, form_token=(form.get("csrf_token") or [""])[0])
        return
    check_key(config, typed, action="writing")


def first_value(form: dict[str, list[str]], key: str) -> str | None:
    values = form.get(key)
    return values[0].strip() if values and values[0].strip() else None


def split_values(values: list[str], *, lines: bool = False) -> list[str]:
    parts = [p for v in values for p in (v.splitlines() if lines else v.split(","))]
    return [p.strip() for p in parts if p.strip()]
