"""A folder of every kind of bad input next to good files: the bad are quarantined with
distinct codes and their bytes, the good are stored, and nothing stops the batch."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from sanctionwatch import store as st
from sanctionwatch.ingest import IngestOptions
from sanctionwatch.services import ingest_sources

STORY = (
    "Customs officers in Vladivostok logged 40 containers from Rajin on 3 March. "
    "The manifests listed machine parts, but port workers said the crates were heavy "
    "and stamped with military serial numbers. Officials did not answer questions."
)
OTHER = (
    "A second report describes a tanker that switched off its transponder near the "
    "Korean coast for nine days in April, then reappeared with a lower draught, which "
    "analysts read as a sign of a ship-to-ship transfer of refined petroleum."
)
CAP = 256 * 1024


def _pdf(text: str | None, *, password: str | None = None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    pdf.add_page()
    if text is not None:
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    else:
        from PIL import Image

        buffer = io.BytesIO()
        Image.new("RGB", (300, 100), "white").save(buffer, format="PNG")
        pdf.image(io.BytesIO(buffer.getvalue()), x=10, y=10, w=100)
    return bytes(pdf.output())


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("payload.txt", "w", force_zip64=True) as member,
    ):
        for _ in range(20):
            member.write(b"\0" * (1024 * 1024))
    return buffer.getvalue()


def _warc(body: bytes) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://port.example.org/log", "response", payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)
    record.raw_stream.close()
    return buffer.getvalue()


def _html(title: str, body: str) -> bytes:
    return (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='Port Watch'>"
        f"</head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    ).encode()


RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Port Watch</title>'
    "<item><title>Tanker</title><link>https://port.example.org/t</link>"
    f"<description>{OTHER}</description></item></channel></rss>"
).encode()

# name -> expected code; each file below is one kind of bad input.
BAD: dict[str, str] = {
    "bad/empty.txt": "E201",
    "bad/picture.txt": "E202",
    "bad/broken-utf16.txt": "E203",
    "bad/huge.txt": "E204",
    "bad/records.jsonl#L2": "E205",
    "bad/records.jsonl#L3": "E206",
    "bad/slides.pptx": "E207",
    "bad/pipe.txt": "E208",
    "bad/scanned.pdf": "E210",
    "bad/damaged.pdf": "E211",
    "bad/locked.pdf": "E212",
    "bad/broken.rss": "E213",
    "bad/broken.warc": "E214",
    "bad/broken.zip": "E215",
    "bad/bomb.zip!/payload.txt": "E216",
    "bad/bomb.txt.gz": "E216",
    "bad/menu.html": "E217",
}
BLOCKED_URL = "http://169.254.169.254/latest/meta-data/"


def _make_folder(root: Path) -> None:
    files: dict[str, bytes] = {
        # good
        "good/article.html": _html("Crates at Vladivostok", STORY),
        "good/report.pdf": _pdf(OTHER),
        "good/feed.rss": RSS.replace(OTHER.encode(), STORY.replace("40", "41").encode()),
        "good/crawl.warc": _warc(STORY.replace("40", "42").encode()),
        "good/bundle.zip": _zip({"one.txt": STORY.replace("40", "43").encode()}),
        "good/cp1252 “quotes”.txt": ("Café owners said: “" + STORY + "” – 20 €.").encode("cp1252"),
        "good/latin1.txt": ("Le café du port: " + STORY).encode("latin-1"),
        "good/utf16.txt": codecs.BOM_UTF16_LE + ("UTF-16: " + STORY).encode("utf-16-le"),
        "good/new\nline.md": ("# Port log\n\n" + OTHER.replace("nine", "ten")).encode(),
        # bad
        "bad/empty.txt": b"",
        "bad/picture.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "bad/broken-utf16.txt": codecs.BOM_UTF16_LE + b"a\x00\x00\xd8b\x00",
        "bad/huge.txt": (STORY + "\n").encode() * (CAP // len(STORY) + 10),
        "bad/records.jsonl": (
            json.dumps({"id": "ok", "text": OTHER.replace("April", "May")})
            + "\n{not json\n"
            + json.dumps({"id": "no-text", "title": "x"})
            + "\n"
        ).encode(),
        "bad/slides.pptx": b"PK\x03\x04 fake slides",
        "bad/scanned.pdf": _pdf(None),
        "bad/damaged.pdf": _pdf(STORY)[:300],
        "bad/locked.pdf": _pdf(STORY, password="secret"),
        "bad/broken.rss": b"<rss version='2.0'><channel><item><title>cut",
        "bad/broken.warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nshort",
        "bad/broken.zip": b"PK\x03\x04" + b"\x00" * 40,
        "bad/bomb.zip": _zip_bomb(),
        "bad/bomb.txt.gz": gzip.compress(b"\0" * (20 * 1024 * 1024)),
        "bad/menu.html": b"<html><body><nav>Home</nav><script>x()</script></body></html>",
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    os.mkfifo(root / "bad/pipe.txt")
    os.symlink(root, root / "good/loop")  # a symlink loop: walked once
    os.symlink(root / "missing.txt", root / "good/dangling.txt")
    bad_name = os.fsencode(root / "good") + b"/odd-\xff-name.txt"
    Path(os.fsdecode(bad_name)).write_bytes(OTHER.replace("tanker", "freighter").encode())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_ingest_bad_inputs_quarantined_with_distinct_codes(store: st.Store, tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    _make_folder(root)

    summary = ingest_sources(
        store, [str(root), BLOCKED_URL], options=IngestOptions(max_bytes=CAP), extract=False
    )

    by_source = {f["source"]: f["code"] for f in summary.failures}
    expected = {str(root / name): code for name, code in BAD.items()}
    expected[BLOCKED_URL] = "E220"
    expected[str(root / "good/dangling.txt")] = "E208"
    assert by_source == expected
    assert len(set(expected.values())) >= 17
    # Every quarantined item is in the table; the bytes are kept for all that were read.
    entries = {e.source_ref: e for e in st.list_quarantine(store)}
    assert set(entries) == set(expected)
    assert st.get_raw(store, entries[str(root / "bad/picture.txt")].raw_sha256 or "").startswith(
        b"\x89PNG"
    )
    assert entries[str(root / "bad/huge.txt")].origin == str(root / "bad/huge.txt")
    # The good files (and the good line of the bad JSONL file) are all stored.
    docs = {d.source_ref: d for d in st.list_documents(store, limit=100)}
    assert summary.ingested == len(docs) == 11
    assert docs[str(root / "good/latin1.txt")].text.startswith("Le café du port")
    assert "“" in docs[str(root / "good/cp1252 “quotes”.txt")].text
    assert docs[str(root / "good/utf16.txt")].text.startswith("UTF-16: ")
    assert any(ref.endswith("odd-\\xff-name.txt") for ref in docs)
    assert str(root / "good/new\nline.md") in docs
