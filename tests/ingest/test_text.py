import hashlib
from pathlib import Path

import pytest

from sanctionwatch.domain.document import document_id_for
from sanctionwatch.domain.errors import BINARY_INPUT, EMPTY_INPUT, InputError
from sanctionwatch.ingest import Ingested, RawInput
from sanctionwatch.ingest.text import guess_title, parse_text

BODY = (
    "Port officials said the freighter left Rajin on 3 May.\n\n"
    "Satellite images showed containers on its deck."
)


def _raw(data: bytes, ref: str = "notes.txt") -> RawInput:
    return RawInput(source_ref=ref, path=Path(ref), data=data, format_hint="txt")


def _parse(data: bytes, ref: str = "notes.txt") -> Ingested:
    (result,) = parse_text(_raw(data, ref))
    assert isinstance(result, Ingested)
    return result


def test_text_builds_one_document_with_provenance() -> None:
    data = f"Freighter leaves Rajin\n\n{BODY}\n".encode()

    result = _parse(data)

    doc = result.document
    assert result.raw == data
    assert doc.text == f"Freighter leaves Rajin\n\n{BODY}"
    assert doc.id == document_id_for(doc.text)
    assert doc.title == "Freighter leaves Rajin"
    assert (doc.format, doc.source_ref, doc.fetched_at, doc.language) == (
        "text",
        "notes.txt",
        None,
        None,
    )
    assert doc.raw_sha256 == hashlib.sha256(data).hexdigest()
    assert doc.meta == {"encoding": "utf-8"}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(f"Freighter leaves Rajin\n{BODY}", "Freighter leaves Rajin", id="short-line"),
        pytest.param(f"\n\n  Spaced   headline \n{BODY}", "Spaced headline", id="leading-blanks"),
        pytest.param(f"## Markdown headline\n{BODY}", "Markdown headline", id="markdown-heading"),
        pytest.param(f"#hashtag first\n{BODY}", "#hashtag first", id="hashtag-is-not-heading"),
        pytest.param(f"Who paid for the fuel?\n{BODY}", "Who paid for the fuel?", id="question"),
        pytest.param(BODY, None, id="sentence-ending-in-period"),
        pytest.param(f"Dear colleagues,\n{BODY}", None, id="ending-in-comma"),
        pytest.param(f"Officials said:\n{BODY}", None, id="ending-in-colon"),
        pytest.param(f"{'word ' * 50}\n{BODY}", None, id="too-long"),
        pytest.param("A single short line", None, id="nothing-follows"),
    ],
)
def test_text_title_heuristic(text: str, title: str | None) -> None:
    assert guess_title(text) == title


def test_text_keeps_whole_text_when_first_line_is_title() -> None:
    doc = _parse(f"Freighter leaves Rajin\n{BODY}".encode()).document

    assert doc.text.startswith("Freighter leaves Rajin\n")


@pytest.mark.parametrize(
    "encoding", [pytest.param(name, id=name) for name in ["utf-8", "utf-16", "utf-8-sig"]]
)
def test_text_same_text_gives_same_id_across_encodings(encoding: str) -> None:
    reference = _parse(BODY.encode("utf-8"), "a.txt").document

    doc = _parse(BODY.encode(encoding), "b.txt").document

    assert doc.id == reference.id
    assert doc.text == reference.text


@pytest.mark.parametrize(
    ("data", "code"),
    [
        pytest.param(b"", EMPTY_INPUT, id="empty"),
        pytest.param(b"\n \n", EMPTY_INPUT, id="whitespace"),
        pytest.param(b"\xef\xbb\xbf\xef\xbb\xbf", EMPTY_INPUT, id="two-boms"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", BINARY_INPUT, id="png"),
    ],
)
def test_text_bad_input_raises_input_error(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as caught:
        list(parse_text(_raw(data)))
    assert caught.value.code == code
