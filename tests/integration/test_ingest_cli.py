"""The ``ingest`` and ``quarantine`` commands end to end, URLs served on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctionwatch.cli.app import app

runner = CliRunner()
PARAGRAPHS = [
    "North Korea shipped artillery shells to Russia in August 2023, officials in Seoul said.",
    "The shells were loaded at the port of Rajin and unloaded near Vladivostok days later.",
    "Russian officials have denied buying weapons from North Korea.",
]


def _page(title: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
        "</article></body></html>"
    ).encode()


@pytest.fixture
def site() -> Iterator[str]:
    routes: dict[str, tuple[str, bytes]] = {
        "/story.html": ("text/html", _page("Shells by sea")),
        "/feed.xml": ("application/rss+xml", b""),
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path not in routes:
                self.send_error(404)
                return
            media_type, body = routes[self.path]
            self.send_response(200)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    routes["/feed.xml"] = (
        "application/rss+xml",
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>'
            f"<item><title>Shells</title><link>{base}/story.html</link>"
            "<description>short</description></item></channel></rss>"
        ).encode(),
    )
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield base
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def _invoke(*args: str) -> dict | list:  # type: ignore[type-arg]
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_ingest_cli_url_needs_allow_private_then_retry_fixes_it(tmp_path: Path, site: str) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    url = f"{site}/story.html"

    blocked = _invoke("ingest", url, "--db", db, "--json")
    assert isinstance(blocked, dict)
    assert blocked["quarantined"] == 1 and blocked["failures"][0]["code"] == "E220"
    listed = _invoke("quarantine", "--db", db, "--json")
    assert [(e["source"], e["code"]) for e in listed] == [(url, "E220")]  # type: ignore[index]

    retried = _invoke("quarantine", "--retry", "--allow-private", "--db", db, "--json")
    assert isinstance(retried, dict)
    assert (retried["retried"], retried["resolved"]) == (1, 1)
    assert retried["ingest"]["ingested"] == 1 and retried["ingest"]["claims"] > 0
    assert _invoke("quarantine", "--db", db, "--json") == []
    (closed,) = _invoke("quarantine", "--all", "--db", db, "--json")
    assert closed["resolved"] and closed["attempts"] == 1  # type: ignore[index]


def test_ingest_cli_feed_follows_links(tmp_path: Path, site: str) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    feed = f"{site}/feed.xml"

    summaries = _invoke("ingest", feed, "--allow-private", "--no-extract", "--db", db, "--json")
    followed = _invoke("ingest", feed, "--allow-private", "--follow-links", "--db", db, "--json")

    assert isinstance(summaries, dict) and isinstance(followed, dict)
    assert summaries["ingested"] == 1 and summaries["extracted"] == 0
    assert followed["ingested"] == 1 and followed["incidents"] > 0
    (doc_id,) = [d for d in followed["document_ids"] if d not in summaries["document_ids"]]
    shown = _invoke("document", doc_id, "--db", db, "--json")
    assert isinstance(shown, dict)
    assert shown["url"] == f"{site}/story.html" and shown["title"] == "Shells by sea"


def test_ingest_cli_json_keeps_its_keys(tmp_path: Path, articles: Path) -> None:
    summary = _invoke("ingest", str(articles), "--db", f"sqlite:///{tmp_path / 'k.db'}", "--json")

    assert isinstance(summary, dict)
    assert {
        "ingested",
        "duplicates",
        "quarantined",
        "extracted",
        "claims",
        "incidents",
        "failures",
        "document_ids",
    } <= set(summary)
