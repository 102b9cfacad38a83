"""API keys: writes always need one; reads only when configured to.

Keys come from ``create_app(api_keys=...)`` (``sanctionwatch serve --api-key``) or the
comma-separated ``SANCTIONWATCH_API_KEYS``; ``SANCTIONWATCH_READ_REQUIRES_KEY=1`` (or
``serve --read-requires-key``) keys the read endpoints and the web UI too, and
``remote_reads_require_key`` (what ``serve --host 0.0.0.0`` sets unless ``--open-reads``)
keys them for every client that is not on loopback. A client sends its key as
``X-API-Key: KEY`` or ``Authorization: Bearer KEY``; a browser may carry it in the
``sanctionwatch_api_key`` cookie. Missing or wrong keys are a 401 with code E401.

A cookie travels with requests that other sites' pages make, so for a write it counts only
beside the CSRF token of that key (``X-CSRF-Token`` header or ``csrf_token`` form field,
``csrf_token_for(key)``) on a request whose ``Origin`` (or ``Referer``) is this server;
otherwise the write is a 403 with code E403.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import Request

from sanctionwatch.domain.errors import SanctionwatchError

API_KEYS_ENV = "SANCTIONWATCH_API_KEYS"
READ_REQUIRES_KEY_ENV = "SANCTIONWATCH_READ_REQUIRES_KEY"
COOKIE = "sanctionwatch_api_key"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
UNAUTHORISED = "E401"
FORBIDDEN = "E403"


class AuthError(SanctionwatchError):
    """The request needs a valid API key (HTTP 401)."""

    code = UNAUTHORISED


class ForbiddenError(SanctionwatchError):
    """The key came in a cookie without its CSRF token or from another origin (HTTP 403)."""

    code = FORBIDDEN


@dataclass(frozen=True)
class KeyConfig:
    keys: tuple[str, ...] = ()
    read_requires_key: bool = False
    remote_reads_require_key: bool = False
    """Reads from clients off loopback need a key (a server bound to a public interface)."""

    @classmethod
    def build(
        cls,
        keys: Iterable[str] | None = None,
        read_requires_key: bool | None = None,
        *,
        remote_reads_require_key: bool = False,
    ) -> KeyConfig:
        """Explicit values win; anything not given comes from the environment."""
        if keys is None:
            keys = os.environ.get(API_KEYS_ENV, "").split(",")
        cleaned = tuple(k.strip() for k in keys if k and k.strip())
        if read_requires_key is None:
            flag = os.environ.get(READ_REQUIRES_KEY_ENV, "").strip().lower()
            read_requires_key = flag in {"1", "true", "yes", "on"}
        return cls(cleaned, read_requires_key, remote_reads_require_key)


def csrf_token_for(key: str) -> str:
    """The CSRF token that must go beside ``key`` when the key rides in a cookie."""
    return hmac.new(key.encode(), b"sanctionwatch-csrf-v1", hashlib.sha256).hexdigest()


def header_key(request: Request) -> str | None:
    """The key sent in ``X-API-Key`` or ``Authorization: Bearer``: never sent by a browser
    on its own, so no other site can make a request carry it."""
    key = request.headers.get("x-api-key")
    if key:
        return key.strip()
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


def presented_key(request: Request) -> str | None:
    return header_key(request) or request.cookies.get(COOKIE)


def is_loopback(host: str | None) -> bool:
    """Whether ``host`` (a client or bind address) is this machine."""
    if host in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address((host or "").strip("[]")).is_loopback
    except ValueError:
        return False


def plan_exposure(
    host: str, *, keys: Iterable[str], read_requires_key: bool | None
) -> tuple[bool, list[str]]:
    """Whether reads from other machines need a key on a server bound to ``host``, and what
    to warn about. Off loopback reads are keyed unless ``--open-reads`` said otherwise."""
    if is_loopback(host):
        return False, []
    warnings = []
    remote = read_requires_key is None
    if remote:
        warnings.append(
            f"serving on {host}: reads from other machines need an API key "
            "(--open-reads to serve them without one)"
        )
    elif read_requires_key is False:
        warnings.append(f"serving on {host} with --open-reads: anyone who can reach it can read")
    if not any(k.strip() for k in keys):
        warnings.append(
            "no API key is configured: writes are refused, and so are reads from other "
            f"machines unless --open-reads; give --api-key or set {API_KEYS_ENV}"
        )
    return remote, warnings


def _same_origin(request: Request) -> bool:
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if not claimed:
        return False
    parts = urlsplit(claimed)
    return (parts.scheme, parts.netloc) == (request.url.scheme, request.url.netloc)


def check_cookie_write(request: Request, key: str, *, form_token: str | None = None) -> None:
    """A key from a cookie writes only with its CSRF token, from this server's own pages."""
    token = request.headers.get(CSRF_HEADER) or form_token or ""
    if not hmac.compare_digest(token.encode(), csrf_token_for(key).encode()):
        raise ForbiddenError(
            "a key from a cookie needs its CSRF token (X-CSRF-Token) to write; "
            "scripts send the key as X-API-Key or Authorization: Bearer instead"
        )
    if not _same_origin(request):
        raise ForbiddenError("a write with a cookie key must come from this server's own pages")


def check_key(config: KeyConfig, presented: str | None, *, action: str) -> None:
    if not config.keys:
        raise AuthError(
            f"{action} needs an API key, and none is configured: start the server with "
            f"--api-key or set {API_KEYS_ENV}"
        )
    if not presented:
        raise AuthError(f"{action} needs an API key: send it as X-API-Key or Authorization: Bearer")
    if not any(hmac.compare_digest(presented.encode(), key.encode()) for key in config.keys):
        raise AuthError("the API key is not valid")


def _config(request: Request) -> KeyConfig:
    config: KeyConfig = request.app.state.keys
    return config


def require_write_key(request: Request) -> None:
    """Dependency of every endpoint that changes data."""
    config = _config(request)
    key = header_key(request)
    cookie = request.cookies.get(COOKIE)
    if key is None and cookie:
        check_key(config, cookie, action="writing")
        check_cookie_write(request, cookie)
        return
    check_key(config, key, action="writing")


def require_read_key(request: Request) -> None:
    """Dependency of every read endpoint: a no-op unless reads are keyed."""
    config = _config(request)
    remote = config.remote_reads_require_key and not is_loopback(
        request.client.host if request.client else None
    )
    if config.read_requires_key or remote:
        check_key(config, presented_key(request), action="reading")
