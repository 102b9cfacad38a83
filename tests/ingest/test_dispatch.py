import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctionwatch.domain.errors import (
    BINARY_INPUT,
    EMPTY_INPUT,
    MALFORMED_JSON,
    MALFORMED_PDF,
    NO_MAIN_TEXT,
    PARSER_ERROR,
    TOO_LARGE,
    UNSUPPORTED_FORMAT,
    ConfigError,
)
from sanctionwatch.ingest import (
    Failed,
    Ingested,
    IngestResult,
    RawInput,
    ingest_input,
    ingest_paths,
)

BODY = "Customs records list 40 crates shipped by rail.\nThe buyer was not named."
RECORD = {"id": "r1", "title": "Crates by rail", "text": BODY, "repo": "example/archive"}


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _summary(results: list[IngestResult]) -> list[tuple[str, str]]:
    """(source_ref, document format or error code) per result."""
    return [
        (r.document.source_ref or "", r.document.format)
        if isinstance(r, Ingested)
        else (r.source_ref, r.code)
        for r in results
    ]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        pytest.param("a.txt", BODY.encode(), "text", id="txt"),
        pytest.param("a.text", BODY.encode(), "text", id="text"),
        pytest.param("a.md", BODY.encode(), "text", id="md"),
        pytest.param("A.TXT", BODY.encode(), "text", id="upper-case"),
        pytest.param("README", BODY.encode(), "text", id="no-extension-text"),
        pytest.param("a.jsonl", json.dumps(RECORD).encode(), "jsonl", id="jsonl"),
        pytest.param("a.ndjson", json.dumps(RECORD).encode(), "jsonl", id="ndjson"),
        pytest.param("a.pdf", b"%PDF-1.7\n...", MALFORMED_PDF, id="pdf-damaged"),
        pytest.param("a.html", b"<p>hi</p>", NO_MAIN_TEXT, id="html-no-main-text"),
        pytest.param("a.docx", b"PK\x03\x04", UNSUPPORTED_FORMAT, id="docx"),
        pytest.param("blob", b"\x89PNG\r\n\x1a\n\x00\x00\x00\r", BINARY_INPUT, id="no-ext-binary"),
    ],
)
def test_dispatch_by_extension(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    path = _write(tmp_path / name, data)

    (result,) = ingest_paths([path])

    ref = f"{path}#L1" if expected == "jsonl" else str(path)
    assert _summary([result]) == [(ref, expected)]
    if isinstance(result, Failed):
        assert result.raw == data


def test_dispatch_bad_items_never_stop_the_batch(tmp_path: Path) -> None:
    good_line = json.dumps(RECORD).encode()
    _write(tmp_path / "1-empty.txt", b"")
    _write(tmp_path / "2-image.txt", b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(512))
    _write(tmp_path / "3-feed.jsonl", good_line + b"\n{oops\n" + good_line + b"\n")
    _write(tmp_path / "4-big.txt", b"x" * 5000)
    _write(tmp_path / "5-slides.pptx", b"PK\x03\x04")
    _write(tmp_path / "6-good.txt", BODY.encode())

    results = list(ingest_paths([tmp_path], max_bytes=4096))

    assert _summary(results) == [
        (f"{tmp_path}/1-empty.txt", EMPTY_INPUT),
        (f"{tmp_path}/2-image.txt", BINARY_INPUT),
        (f"{tmp_path}/3-feed.jsonl#L1", "jsonl"),
        (f"{tmp_path}/3-feed.jsonl#L2", MALFORMED_JSON),
        (f"{tmp_path}/3-feed.jsonl#L3", "jsonl"),
        (f"{tmp_path}/4-big.txt", TOO_LARGE),
        (f"{tmp_path}/5-slides.pptx", UNSUPPORTED_FORMAT),
        (f"{tmp_path}/6-good.txt", "text"),
    ]
    assert results[3].raw == b"{oops"
    assert results[5].raw == b"x" * 5000, "kept as evidence, never parsed"
    assert "quarantine keeps all of it" in results[5].message


def test_dispatch_same_text_twice_gives_same_document_id(tmp_path: Path) -> None:
    _write(tmp_path / "copy1.txt", BODY.encode("utf-8"))
    _write(tmp_path / "copy2.txt", ("\ufeff" + BODY.replace("\n", "\r\n") + "\n").encode("utf-16"))
    _write(tmp_path / "feed.jsonl", json.dumps(RECORD).encode())

    results = list(ingest_paths([tmp_path]))

    ids = {r.document.id for r in results if isinstance(r, Ingested)}
    assert len(results) == 3 and len(ids) == 1


def test_dispatch_is_deterministic(tmp_path: Path) -> None:
    for index in range(12):
        name = f"d{index % 3}/f{index}.{'jsonl' if index % 4 == 0 else 'txt'}"
        text = f"Report {index}: {BODY}"
        data = json.dumps({"text": text}).encode() if name.endswith("jsonl") else text.encode()
        _write(tmp_path / name, data)

    assert list(ingest_paths([tmp_path])) == list(ingest_paths([tmp_path]))


def _crashing_parser(raw: RawInput) -> Iterator[IngestResult]:
    yield Failed(source_ref=f"{raw.source_ref}#1", code="E299", message="first", raw=b"1")
    raise KeyError("boom")


def test_dispatch_parser_bug_becomes_a_failure() -> None:
    raw = RawInput(source_ref="x.odd", path=None, data=b"payload", format_hint="odd")

    results = list(ingest_input(raw, parsers={"odd": _crashing_parser}))

    assert results[1] == Failed(
        source_ref="x.odd",
        code=PARSER_ERROR,
        message="KeyError: 'boom'",
        raw=b"payload",
        format_hint="odd",
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"%PDF-1.4\n%", "pdf", id="pdf"),
        pytest.param(b"PK\x03\x04rest", "zip", id="zip"),
        pytest.param(b"\x1f\x8b\x08", "gz", id="gzip"),
        pytest.param(b"WARC/1.1\r\n", "warc", id="warc"),
        pytest.param(b"<?xml version='1.0'?><rss version='2.0'>", "rss", id="rss"),
        pytest.param(b"\n  <!DOCTYPE html><html>", "html", id="html"),
        pytest.param(b"Plain words.", "", id="text"),
    ],
)
def test_dispatch_sniffs_inputs_without_extension(data: bytes, expected: str) -> None:
    from sanctionwatch.ingest.media import sniff_format

    assert sniff_format(data) == expected


@pytest.mark.parametrize("max_bytes", [pytest.param(0, id="zero"), pytest.param(-1, id="negative")])
def test_dispatch_rejects_bad_max_bytes(max_bytes: int) -> None:
    with pytest.raises(ConfigError):
        ingest_paths([], max_bytes=max_bytes)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("junk.bin", random.Random(3).randbytes(4096), BINARY_INPUT),
        ("image.dat", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, BINARY_INPUT),
        ("slides.pptx", b"PK\x03\x04" + bytes(64), UNSUPPORTED_FORMAT),
        ("notes.xyz", b"plain words in a file type we do not read\n", UNSUPPORTED_FORMAT),
    ],
    ids=["random-bin", "png-dat", "zip-pptx", "text-xyz"],
)
def test_dispatch_content_is_sniffed_before_the_extension(
    tmp_path: Path, name: str, data: bytes, code: str
) -> None:
    (result,) = ingest_paths([_write(tmp_path / name, data)])
    assert isinstance(result, Failed) and result.code == code
