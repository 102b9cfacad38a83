import gzip
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.domain.errors import EMPTY_INPUT, MALFORMED_WARC
from sanctionwatch.ingest import Failed, Ingested, ingest_paths


def test_warc_captures_become_documents_with_url_and_time(
    build: Any, write: Callable[[str, bytes | str], Path], story_html: str, story: list[str]
) -> None:
    data = build.warc(
        [
            (
                "https://ledger.example.org/shells",
                "text/html; charset=utf-8",
                200,
                story_html.encode(),
            ),
            ("https://ledger.example.org/logo.png", "image/png", 200, b"\x89PNG\r\n\x1a\n"),
            ("https://ledger.example.org/gone", "text/html", 404, b"<html>gone</html>"),
            ("https://ledger.example.org/notes.txt", "text/plain", 200, story[4].encode()),
            ("https://ledger.example.org/report.pdf", "application/pdf", 200, build.pdf(story[:2])),
        ]
    )
    path = write("crawl.warc", data)

    results = list(ingest_paths([path]))

    assert all(isinstance(r, Ingested) for r in results), results
    docs = [r.document for r in results if isinstance(r, Ingested)]
    assert [d.url for d in docs] == [
        "https://ledger.example.org/shells",
        "https://ledger.example.org/notes.txt",
        "https://ledger.example.org/report.pdf",
    ]
    assert [d.format for d in docs] == ["html", "text", "pdf"]
    assert all(d.fetched_at and d.meta["container"] == str(path) for d in docs)
    assert docs[0].source_ref.startswith(f"{path}#r")
    assert docs[0].outlet == "Harbour Ledger"


def test_warc_gzipped_per_record_and_whole_file(
    build: Any, write: Callable[[str, bytes | str], Path], story_html: str
) -> None:
    records = [("https://ledger.example.org/a", "text/html", 200, story_html.encode())]
    per_record = write("a.warc.gz", build.warc(records, gzipped=True))
    whole = write("b.warc.gz", gzip.compress(build.warc(records)))

    results = list(ingest_paths([per_record, whole]))

    assert [type(r) for r in results] == [Ingested, Ingested]
    assert len({r.document.id for r in results if isinstance(r, Ingested)}) == 1


@pytest.mark.parametrize(
    ("data", "code"),
    [
        pytest.param(
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort",
            MALFORMED_WARC,
            id="truncated",
        ),
        pytest.param(b"this is not a warc file at all\n" * 4, MALFORMED_WARC, id="not-warc"),
    ],
)
def test_warc_damaged_files_are_quarantined(
    write: Callable[[str, bytes | str], Path], data: bytes, code: str
) -> None:
    (result,) = ingest_paths([write("bad.warc", data)])

    assert isinstance(result, Failed) and result.code == code


def test_warc_without_documents_is_empty(
    build: Any, write: Callable[[str, bytes | str], Path]
) -> None:
    data = build.warc([("https://x.example.org/logo.png", "image/png", 200, b"\x89PNG")])

    (result,) = ingest_paths([write("images.warc", data)])

    assert isinstance(result, Failed) and result.code == EMPTY_INPUT
