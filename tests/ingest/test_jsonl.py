import hashlib
import json

import pytest

from sanctionwatch.domain.errors import (
    BINARY_INPUT,
    EMPTY_INPUT,
    MALFORMED_JSON,
    MISSING_TEXT,
    UNDECODABLE,
    InputError,
)
from sanctionwatch.ingest import Failed, Ingested, IngestResult, RawInput
from sanctionwatch.ingest.jsonl import normalise_published, parse_jsonl

RECORD = {
    "id": "wire-0001",
    "repo": "example/news-archive",
    "path": "2024/05/freighter.md",
    "commit": "0123456789abcdef0123456789abcdef01234567",
    "title": "Freighter seen at Rajin",
    "published": "2024-05-03",
    "outlet": "Example Wire",
    "url": "https://news.example.org/freighter",
    "text": "Port officials said the freighter left Rajin.\nImages showed containers.",
}


def _line(record: object) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def _parse(data: bytes) -> list[IngestResult]:
    return list(parse_jsonl(RawInput(source_ref="feed.jsonl", path=None, data=data)))


def _only_document(data: bytes) -> Ingested:
    (result,) = _parse(data)
    assert isinstance(result, Ingested), result
    return result


def test_jsonl_corpus_shape_keeps_metadata() -> None:
    line = _line(RECORD)

    result = _only_document(line + b"\n")

    doc = result.document
    assert result.raw == line
    assert doc.text == RECORD["text"]
    assert (doc.title, doc.outlet, doc.url, doc.published) == (
        "Freighter seen at Rajin",
        "Example Wire",
        "https://news.example.org/freighter",
        "2024-05-03",
    )
    assert (doc.external_id, doc.format, doc.source_ref) == ("wire-0001", "jsonl", "feed.jsonl#L1")
    assert (doc.language, doc.fetched_at) == (None, None)
    assert doc.meta == {
        "repo": "example/news-archive",
        "path": "2024/05/freighter.md",
        "commit": "0123456789abcdef0123456789abcdef01234567",
    }
    assert doc.raw_sha256 == hashlib.sha256(line).hexdigest()


def test_jsonl_optional_fields_and_scalar_meta() -> None:
    record = {
        "text": "Body text.",
        "language": "en",
        "id": 17,
        "url": None,
        "title": ["not", "a", "string"],
        "words": 2,
        "draft": False,
        "tags": ["a", "b"],
    }

    doc = _only_document(_line(record)).document

    assert (doc.language, doc.external_id, doc.url, doc.title) == ("en", "17", None, None)
    assert doc.meta == {"words": "2", "draft": "false"}


def test_jsonl_malformed_line_fails_alone() -> None:
    good = _line(RECORD)
    other = _line({**RECORD, "id": "wire-0002", "text": "Another report."})
    data = b"\n".join([good, b'{"text": "cut off', b"", other, b"[1, 2]", b""])

    results = _parse(data)

    assert [type(result).__name__ for result in results] == [
        "Ingested",
        "Failed",
        "Ingested",
        "Failed",
    ]
    assert isinstance(results[1], Failed)
    assert (results[1].source_ref, results[1].code, results[1].raw) == (
        "feed.jsonl#L2",
        MALFORMED_JSON,
        b'{"text": "cut off',
    )
    assert results[1].message.startswith("invalid JSON: ")
    assert isinstance(results[2], Ingested)
    assert results[2].document.source_ref == "feed.jsonl#L4"
    assert isinstance(results[3], Failed)
    assert (results[3].source_ref, results[3].code) == ("feed.jsonl#L5", MALFORMED_JSON)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        pytest.param(b"not json", MALFORMED_JSON, id="not-json"),
        pytest.param(b'"a string"', MALFORMED_JSON, id="not-an-object"),
        pytest.param(b"[" * 100_000, MALFORMED_JSON, id="deep-nesting"),
        pytest.param(b'{"title": "No body"}', MISSING_TEXT, id="no-text"),
        pytest.param(b'{"text": "  \\n "}', MISSING_TEXT, id="blank-text"),
        pytest.param(b'{"text": 42}', MISSING_TEXT, id="text-not-string"),
        pytest.param(b'{"text": "caf\xe9"}', UNDECODABLE, id="not-utf8"),
        pytest.param(b'{"text": "half \\ud800 pair"}', UNDECODABLE, id="lone-surrogate"),
    ],
)
def test_jsonl_bad_line_codes(line: bytes, code: str) -> None:
    (result,) = _parse(line)

    assert isinstance(result, Failed)
    assert (result.source_ref, result.code, result.raw) == ("feed.jsonl#L1", code, line)


def test_jsonl_handles_crlf_bom_and_blank_lines() -> None:
    line = _line(RECORD)
    data = b"\xef\xbb\xbf" + line + b"\r\n\r\n   \r\n" + line + b"\r\n"

    results = _parse(data)

    assert [r.document.source_ref for r in results if isinstance(r, Ingested)] == [
        "feed.jsonl#L1",
        "feed.jsonl#L4",
    ]
    assert all(r.raw == line for r in results)


def test_jsonl_line_separator_inside_string_is_not_a_line_end() -> None:
    doc = _only_document(_line({"text": "one\u2028two \u0085 three"})).document

    assert doc.text == "one\ntwo \u0085 three"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        pytest.param(b"", EMPTY_INPUT, id="empty"),
        pytest.param(b"\n  \n\r\n", EMPTY_INPUT, id="blank-lines-only"),
        pytest.param(_line(RECORD).decode().encode("utf-16"), UNDECODABLE, id="utf16"),
        pytest.param(b'{"text": "a"}\n\x00\x01\x02', BINARY_INPUT, id="nul-bytes"),
    ],
)
def test_jsonl_unusable_file_raises(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as caught:
        _parse(data)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param("2024", "2024", id="year"),
        pytest.param("2024-05", "2024-05", id="year-month"),
        pytest.param("2024-05-03", "2024-05-03", id="date"),
        pytest.param("2024-05-03T23:30:00+09:00", "2024-05-03", id="datetime-offset-kept-local"),
        pytest.param("2024-05-03T10:00:00Z", "2024-05-03", id="datetime-z"),
        pytest.param("2024-05-03 10:00", "2024-05-03", id="datetime-space"),
        pytest.param("2024-13", None, id="bad-month"),
        pytest.param("2024-02-30", None, id="impossible-date"),
        pytest.param("2024-W01-1", None, id="week-date"),
        pytest.param("20240503", None, id="compact"),
        pytest.param("May 3, 2024", None, id="prose"),
        pytest.param("٢٠٢٤", None, id="non-ascii-digits"),
        pytest.param(None, None, id="none"),
    ],
)
def test_jsonl_normalise_published(given: str | None, expected: str | None) -> None:
    assert normalise_published(given) == expected


def test_jsonl_unparsed_published_is_kept_in_meta() -> None:
    doc = _only_document(_line({"text": "Body.", "published": "last Tuesday"})).document

    assert doc.published is None
    assert doc.meta == {"published_unparsed": "last Tuesday"}


def test_jsonl_numeric_year_is_accepted() -> None:
    doc = _only_document(_line({"text": "Body.", "published": 2019})).document

    assert doc.published == "2019"
