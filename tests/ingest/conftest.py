"""Builders for real files of each format, written for the tests (no text from elsewhere).

Fixtures rather than a helper module: test modules cannot import each other under
``--import-mode=importlib``.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

STORY = [
    "North Korea has sent a new consignment of artillery shells to Russia by rail, "
    "according to satellite images reviewed by analysts at a research institute in Seoul.",
    "The images show dozens of freight wagons at the Tumangang border station in early "
    "March, loaded with containers of the kind used for earlier shipments of munitions.",
    "Officials in Seoul said the shipment was the largest since the autumn and estimated "
    "that it carried as many as 300 containers, each holding several hundred shells.",
    "The Russian defence ministry declined to comment, and a spokesman for the foreign "
    "ministry in Moscow repeated that cooperation with Pyongyang broke no international rule.",
    "Analysts said the trains returned north carrying fuel, food and machine parts, a "
    "pattern seen in previous months that suggests payment in kind rather than in cash.",
]


def html_page(
    title: str,
    paragraphs: Sequence[str],
    *,
    site: str = "Harbour Ledger",
    author: str = "Mina Cho",
    date: str = "2024-03-12",
    charset: str | None = "utf-8",
    boilerplate: bool = True,
) -> str:
    meta_charset = f'<meta charset="{charset}">' if charset else ""
    nav = (
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        if boilerplate
        else ""
    )
    footer = (
        "<footer><p>Subscribe to our newsletter for daily updates.</p>"
        "<p>All rights reserved. Privacy policy. Cookie settings.</p></footer>"
        if boilerplate
        else ""
    )
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head>{meta_charset}<title>{title} | {site}</title>"
        f'<meta property="og:site_name" content="{site}">'
        f'<meta name="author" content="{author}">'
        f'<meta property="article:published_time" content="{date}T08:00:00Z">'
        f"<script>var tracker = 'do not keep me';</script></head><body>{nav}"
        f"<article><h1>{title}</h1>{body}</article>{footer}</body></html>"
    )


@dataclass(frozen=True)
class Builders:
    """Makers of real files; each returns bytes."""

    def pdf(self, pages: Sequence[str], *, title: str | None = "Rail shipments") -> bytes:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.set_creation_date(__import__("datetime").datetime(2024, 3, 12, 9, 30))
        if title:
            pdf.set_title(title)
            pdf.set_author("Research Desk")
        pdf.set_font("helvetica", size=11)
        for text in pages:
            pdf.add_page()
            pdf.multi_cell(0, 6, text)
        return bytes(pdf.output())

    def scanned_pdf(self) -> bytes:
        """A PDF whose only page is a picture of text: no text layer."""
        from fpdf import FPDF
        from PIL import Image, ImageDraw

        image = Image.new("RGB", (600, 200), "white")
        ImageDraw.Draw(image).text((20, 80), "Shells shipped by rail in March", fill="black")
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        pdf = FPDF()
        pdf.add_page()
        pdf.image(io.BytesIO(buffer.getvalue()), x=10, y=10, w=180)
        return bytes(pdf.output())

    def encrypted_pdf(self) -> bytes:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
        pdf.set_font("helvetica", size=11)
        pdf.add_page()
        pdf.multi_cell(0, 6, STORY[0])
        return bytes(pdf.output())

    def rss(self, items: Sequence[tuple[str, str, str]], *, title: str = "Harbour Ledger") -> bytes:
        """``items``: (title, link, description HTML)."""
        entries = "".join(
            f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate><author>desk@example.org (Desk)</author>"
            f"<description><![CDATA[{d}]]></description></item>"
            for t, link, d in items
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>https://ledger.example.org/</link>"
            f"<description>News</description>{entries}</channel></rss>"
        ).encode()

    def atom(self, items: Sequence[tuple[str, str, str]], *, title: str = "Border Notes") -> bytes:
        entries = "".join(
            f"<entry><title>{t}</title><link href='{link}'/><id>{link}</id>"
            f"<updated>2024-03-13T10:00:00Z</updated><author><name>Ana Park</name></author>"
            f"<content type='html'><![CDATA[{d}]]></content></entry>"
            for t, link, d in items
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{title}</title><id>urn:border-notes</id><updated>2024-03-13T10:00:00Z</updated>"
            f"{entries}</feed>"
        ).encode()

    def warc(
        self, records: Sequence[tuple[str, str, int, bytes]], *, gzipped: bool = False
    ) -> bytes:
        """``records``: (url, content type, HTTP status, body); a request record too."""
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=gzipped)
        for url, media_type, status, body in records:
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
            )
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders(
                f"{status} {'OK' if status == 200 else 'Other'}",
                [("Content-Type", media_type), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
            record.raw_stream.close()  # warcio spools the payload to compute its digest
        return buffer.getvalue()

    def zip(self, members: dict[str, bytes]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        return buffer.getvalue()

    def zip_bomb(self, *, size: int = 20 * 1024 * 1024) -> bytes:
        """One member of zeros: ~20 MB from ~20 kB (ratio about 1000)."""
        buffer = io.BytesIO()
        with (
            zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive,
            archive.open("report.txt", "w", force_zip64=True) as member,
        ):
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
        return buffer.getvalue()

    def gzip_bomb(self, *, size: int = 20 * 1024 * 1024) -> bytes:
        return gzip.compress(b"\0" * size, compresslevel=9)


@pytest.fixture(scope="session")
def build() -> Builders:
    return Builders()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    def make(name: str, data: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path

    return make


@pytest.fixture
def story_html() -> str:
    return html_page("Shells roll north by rail", STORY)


@pytest.fixture
def page() -> Callable[..., str]:
    return html_page


@pytest.fixture
def story() -> list[str]:
    return list(STORY)


Route = tuple[int, dict[str, str], bytes]


@dataclass
class LocalServer:
    """A real HTTP server on 127.0.0.1 serving ``routes`` (path -> status, headers, body).

    A route whose headers hold ``X-Test-Delay`` sleeps that many seconds before answering.
    """

    routes: dict[str, Route]
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def server() -> Iterator[LocalServer]:
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    state = LocalServer(routes={})

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, headers, body = state.routes.get(self.path, (404, {}, b"not here"))
            delay = float(headers.get("X-Test-Delay", "0"))
            if delay:
                time.sleep(delay)
            try:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to do

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
