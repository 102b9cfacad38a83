"""API keys: writes always need one; reads only when configured to.

Keys come from ``create_app(api_keys=...)`` (``sanctionwatch serve --api-key``) or the
comma-separated ``SANCTIONWATCH_API_KEYS``; ``SANCTIONWATCH_READ_REQUIRES_KEY=1`` (or
``serve --read-requires-key``) keys the read endpoints and the web UI too. A client sends
its key as ``X-API-Key: KEY`` or ``Authorization: Bearer KEY``; a browser may carry it in
the ``sanctionwatch_api_key`` cookie. Missing or wrong keys are a 401 with code E401.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Iterable
from dataclasses import dataclass

from fastapi import Request

from sanctionwatch.domain.errors import SanctionwatchError

API_KEYS_ENV = "SANCTIONWATCH_API_KEYS"
READ_REQUIRES_KEY_ENV = "SANCTIONWATCH_READ_REQUIRES_KEY"
COOKIE = "sanctionwatch_api_key"
UNAUTHORISED = "E401"


class AuthError(SanctionwatchError):
    """The request needs a valid API key (HTTP 401)."""

    code = UNAUTHORISED


@dataclass(frozen=True)
class KeyConfig:
    keys: tuple[str, ...] = ()
    read_requires_key: bool = False

    @classmethod
    def build(
        cls, keys: Iterable[str] | None = None, read_requires_key: bool | None = None
    ) -> KeyConfig:
        """Explicit values win; anything not given comes from the environment."""
        if keys is None:
            keys = os.environ.get(API_KEYS_ENV, "").split(",")
        cleaned = tuple(k.strip() for k in keys if k and k.strip())
        if read_requires_key is None:
            flag = os.environ.get(READ_REQUIRES_KEY_ENV, "").strip().lower()
            read_requires_key = flag in {"1", "true", "yes", "on"}
        return cls(cleaned, read_requires_key)


def presented_key(request: Request) -> str | None:
    key = request.headers.get("x-api-key")
    if key:
        return key.strip()
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return request.cookies.get(COOKIE)


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
    check_key(_config(request), presented_key(request), action="writing")


def require_read_key(request: Request) -> None:
    """Dependency of every read endpoint: a no-op unless reads are keyed."""
    config = _config(request)
    if config.read_requires_key:
        check_key(config, presented_key(request), action="reading")
