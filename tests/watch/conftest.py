"""Real servers on loopback for the watch tests: a news site publishing feeds over time
(ETag, 304, 429, slow and broken answers) and a webhook receiver that checks signatures.
Articles are written for these tests.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sanctionwatch import store as st
from sanctionwatch.watch.webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify

ARMS_PARAGRAPHS = [
    "North Korea shipped artillery shells and ballistic missiles to Russia in March 2024, "
    "South Korean officials said on Tuesday.",
    "The officials said trains carried the munitions from the port of Rajin to a depot "
    "near the border, where Russian army trucks collected them.",
    "Russia has denied buying weapons from North Korea.",
]


def article_html(
    title: str, paragraphs: list[str], *, site: str, date: str = "2024-03-12"
) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title} | {site}</title>"
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{date}T08:00:00Z"></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def rss(base: str, items: list[tuple[str, str]], *, title: str = "Desk News") -> bytes:
    """An RSS 2.0 feed whose items (title, path) link to pages on ``base``."""
    entries = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
        f"<pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate></item>"
        for t, p in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{base}/</link><description>news</description>{entries}</channel></rss>"
    ).encode()


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    hold: threading.Event | None = None
    """Answer only once this is set (a server that hangs)."""


class Site:
    """Routes a test changes while the server runs; every request is logged."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.base = ""
        self.lock = threading.Lock()

    arms = ARMS_PARAGRAPHS

    @staticmethod
    def page(title: str, paragraphs: list[str], *, site: str) -> bytes:
        return article_html(title, paragraphs, site=site)

    def feed(self, path: str, items: list[tuple[str, str]], *, etag: str | None = None) -> None:
        """Publish an RSS feed at ``path`` linking to ``items`` (title, path) on this site."""
        self.put(path, rss(self.base, items), content_type="application/rss+xml", etag=etag)

    def put(self, path: str, body: bytes, **kwargs: object) -> None:
        with self.lock:
            self.routes[path] = Route(body=body, **kwargs)  # type: ignore[arg-type]

    def hits(self, path: str) -> list[dict[str, str]]:
        with self.lock:
            return [h for p, h in self.requests if p == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def do_GET(self) -> None:
            with site.lock:
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = site.routes.get(self.path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.hold is not None:
                route.hold.wait(10)
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.etag:
                self.send_header("ETag", route.etag)
            for key, value in route.headers.items():
                self.send_header(key, value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    server.daemon_threads = True
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served
    for route in served.routes.values():
        if route.hold is not None:
            route.hold.set()
    server.shutdown()
    server.server_close()


@dataclass
class Receiver:
    secret: str = ""
    url: str = ""
    fail_first: int = 0
    received: list[dict[str, object]] = field(default_factory=list)
    attempts: int = 0
    bad_signatures: int = 0


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    import json

    got = Receiver()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with lock:
                got.attempts += 1
                failing = got.attempts <= got.fail_first
                ok = verify(
                    got.secret,
                    self.headers.get(TIMESTAMP_HEADER, ""),
                    body,
                    self.headers.get(SIGNATURE_HEADER, ""),
                )
                if not ok:
                    got.bad_signatures += 1
                elif not failing:
                    got.received.append(json.loads(body))
            self.send_response(500 if failing or not ok else 204)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    got.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield got
    server.shutdown()
    server.server_close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[st.Store]:
    with st.open_store(f"sqlite:///{tmp_path / 'watch.db'}") as opened:
        yield opened
