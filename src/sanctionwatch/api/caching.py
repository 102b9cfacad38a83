"""ETags for every JSON ``GET``, and a cache of the list pages' encoded bodies.

ETags: clients revalidate with ``If-None-Match`` and get a 304. The tag is a hash of the
response body, so it changes exactly when the data does (a re-ingest that changes nothing
keeps every tag). A pure ASGI middleware: JSON bodies are buffered to hash them (or carry
the tag a cached body was stored with); anything else (HTML pages, PDF and CSV downloads)
streams through.

``ResponseCache``: the encoded body and headers of a page, by URL, kept while the store's
revision (``Store.revision``, read before the page is built) is unchanged; any committed
write, by this process or another, changes it. One build per URL and revision: concurrent
requests for a page being built wait for it instead of building it again. Bounded in
bytes, least recently used first out. Each process has its own (``serve --workers``).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_CACHE_BYTES = 64 * 2**20
"""What one process keeps at most; a body larger than an eighth of it is never kept."""


def etag_for(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _matches(header: str | None, tag: str) -> bool:
    if not header:
        return False
    candidates = {t.strip().removeprefix("W/") for t in header.split(",")}
    return "*" in candidates or tag in candidates


class ETagMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"GET", "HEAD"}:
            await self.app(scope, receive, send)
            return
        if_none_match = Headers(scope=scope).get("if-none-match")
        start: dict[str, Any] = {}
        chunks: list[bytes] = []
        passing = False

        async def capture(message: Message) -> None:
            nonlocal passing
            if message["type"] == "http.response.start":
                headers = Headers(raw=message["headers"])
                json = headers.get("content-type", "").startswith("application/json")
                if message["status"] != 200 or not json:
                    passing = True
                    await send(message)
                    return
                start.update(message)
                return
            if passing or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            headers = MutableHeaders(raw=list(start["headers"]))
            tag = headers.get("etag") or etag_for(body)
            headers["etag"] = tag
            headers["cache-control"] = "no-cache"
            if _matches(if_none_match, tag):
                del headers["content-length"]
                del headers["content-type"]
                await send({"type": "http.response.start", "status": 304, "headers": headers.raw})
                await send({"type": "http.response.body", "body": b""})
                return
            await send({**start, "headers": headers.raw})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, capture)


@dataclass(frozen=True, slots=True)
class _Entry:
    revision: str
    body: bytes
    headers: dict[str, str]


class ResponseCache:
    """Encoded JSON bodies by key (the URL), valid while the store's revision holds."""

    def __init__(self, *, max_bytes: int = MAX_CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        # Striped: requests for one URL share a lock, requests for others rarely wait.
        self._build_locks = [threading.Lock() for _ in range(16)]
        self.hits = 0
        self.misses = 0

    def respond(
        self,
        key: str,
        revision: str | None,
        build: Callable[[], tuple[Any, Mapping[str, str]]],
    ) -> Response:
        """The cached response for ``key`` at ``revision``, else ``build()``'s ``(content,
        headers)`` encoded as JSON (and kept). ``revision`` ``None`` or a cache of no bytes:
        build, keep nothing."""
        if revision is None or self.max_bytes <= 0:
            return self._response(self._encode(None, build()))
        entry = self._get(key, revision)
        if entry is None:
            with self._build_locks[hash(key) % len(self._build_locks)]:
                entry = self._get(key, revision)
                if entry is None:
                    entry = self._encode(revision, build())
                    self._put(key, entry)
                    self.misses += 1
                    return self._response(entry)
        self.hits += 1
        return self._response(entry)

    @property
    def size(self) -> int:
        """Bytes of the bodies kept."""
        return self._size

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0

    def _get(self, key: str, revision: str) -> _Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry.revision != revision:
                return None
            self._entries.move_to_end(key)
            return entry

    def _put(self, key: str, entry: _Entry) -> None:
        size = len(entry.body)
        if size > self.max_bytes // 8:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old.body)
            self._entries[key] = entry
            self._size += size
            while self._size > self.max_bytes and self._entries:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped.body)

    @staticmethod
    def _encode(revision: str | None, built: tuple[Any, Mapping[str, str]]) -> _Entry:
        content, headers = built
        body = bytes(JSONResponse(content).body)
        return _Entry(revision or "", body, {**headers, "etag": etag_for(body)})

    @staticmethod
    def _response(entry: _Entry) -> Response:
        return Response(entry.body, media_type="application/json", headers=entry.headers)
