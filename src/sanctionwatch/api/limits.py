"""Caps on what one request may send: a body size (413, code E204) and a check that no
text in a JSON body holds a lone surrogate, which no encoder can write (422, code E422).

The size cap is a pure ASGI middleware, so it holds before any route reads the body:
a declared ``Content-Length`` over the cap is refused at once, and a streamed body is
counted as it arrives and refused when it passes the cap.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sanctionwatch.domain.errors import TOO_LARGE, InputError

MAX_BODY_BYTES = 32 * 1024 * 1024
"""A request body larger than this is refused (the UN consolidated list is about 2 MiB)."""
BAD_PARAMETER = "E422"


def _too_large(limit: int) -> Message:
    body = {
        "error": {
            "code": TOO_LARGE,
            "message": f"the request body is larger than the limit of {limit:,} bytes",
        }
    }
    return {"type": "http.response.body", "body": json.dumps(body).encode()}


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _refuse(self, send: Send) -> None:
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send(_too_large(self.max_bytes))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        # Read the whole body first (it is at most max_bytes), so a refusal never races a
        # route that has started to answer.
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


def has_surrogate(value: Any) -> bool:
    return isinstance(value, str) and any("\ud800" <= char <= "\udfff" for char in value)


def encodable(value: Any) -> Any:
    """``value`` with lone surrogates written as ``\\udcff`` escapes, so an error message
    that quotes bad input can itself be sent as UTF-8."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, Mapping):
        return {encodable(k): encodable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [encodable(v) for v in value]
    return value


MAX_DEPTH = 32
"""Deeper JSON than this in a request is refused: no request shape nests half as deep."""


def reject_surrogates(value: Any, *, where: str = "body", depth: int = 0) -> None:
    """Raise E422 when any string (key or value) in ``value`` holds a lone surrogate."""
    if depth > MAX_DEPTH:
        raise InputError(f"{where} nests deeper than {MAX_DEPTH} levels", code=BAD_PARAMETER)
    if isinstance(value, str):
        for char in value:
            if "\ud800" <= char <= "\udfff":
                raise InputError(
                    f"{where} holds a lone surrogate (U+{ord(char):04X}), which is not text",
                    code=BAD_PARAMETER,
                )
    elif isinstance(value, Mapping):
        for key, item in value.items():
            reject_surrogates(key, where=where, depth=depth + 1)
            reject_surrogates(item, where=f"{where}.{key}", depth=depth + 1)
    elif isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        for number, item in enumerate(value):
            reject_surrogates(item, where=f"{where}[{number}]", depth=depth + 1)
