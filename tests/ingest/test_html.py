from collections.abc import Callable
from pathlib import Path

import pytest

from sanctionwatch.domain.errors import NO_MAIN_TEXT
from sanctionwatch.ingest import Failed, Ingested, RawInput, ingest_input, ingest_paths


def _one(data: bytes, *, url: str | None = None) -> Ingested | Failed:
    (result,) = ingest_input(RawInput("page.html", None, data, "html", url=url))
    return result


def test_html_main_text_and_metadata(story_html: str, story: list[str]) -> None:
    result = _one(story_html.encode(), url="https://ledger.example.org/2024/shells")

    assert isinstance(result, Ingested)
    doc = result.document
    assert doc.format == "html"
    assert (doc.title, doc.outlet, doc.published) == (
        "Shells roll north by rail",
        "Harbour Ledger",
        "2024-03-12",
    )
    assert doc.meta["author"] == "Mina Cho"
    assert doc.url == "https://ledger.example.org/2024/shells"
    assert doc.language == "en"
    for paragraph in story:
        assert paragraph in doc.text
    for boilerplate in ("Subscribe", "Cookie", "tracker", "Sport"):
        assert boilerplate not in doc.text
    assert result.raw == story_html.encode()


@pytest.mark.parametrize(
    ("encoding", "charset", "bom"),
    [
        pytest.param("utf-16", None, True, id="utf-16-bom"),
        pytest.param("cp1252", "windows-1252", False, id="windows-1252-declared"),
        pytest.param("latin-1", None, False, id="latin-1-undeclared"),
    ],
)
def test_html_other_encodings_are_decoded(
    page: Callable[..., str], story: list[str], encoding: str, charset: str | None, bom: bool
) -> None:
    paragraphs = [*story[:3], "The café near the station sold 20 € tickets – “for soldiers”."]
    if encoding == "latin-1":
        paragraphs[-1] = "The café near the station sold tickets to the façade."
    markup = page("Shells roll north", paragraphs, charset=charset)
    data = markup.encode(encoding)  # Python's utf-16 codec writes the BOM

    result = _one(data)

    assert isinstance(result, Ingested), result
    assert paragraphs[-1] in result.document.text
    assert bom == data.startswith((b"\xff\xfe", b"\xfe\xff"))


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param("<html><head><title>x</title></head><body></body></html>", id="empty-body"),
        pytest.param(
            "<html><body><script>alert('x')</script><nav>Home</nav></body></html>",
            id="script-only",
        ),
    ],
)
def test_html_without_main_text_is_quarantined(markup: str) -> None:
    result = _one(markup.encode())

    assert isinstance(result, Failed) and result.code == NO_MAIN_TEXT


def test_html_truncated_page_still_gives_its_text(story_html: str, story: list[str]) -> None:
    cut = story_html[: story_html.index(story[3][:40])]

    result = _one(cut.encode())

    assert isinstance(result, Ingested)
    assert story[2] in result.document.text


def test_html_files_are_found_by_extension(
    write: Callable[[str, bytes | str], Path], story_html: str
) -> None:
    path = write("site/Page One.HTM", story_html)

    (result,) = ingest_paths([path.parent])

    assert isinstance(result, Ingested) and result.document.source_ref == str(path)
