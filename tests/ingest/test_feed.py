from typing import Any

import pytest

from sanctionwatch.domain.errors import EMPTY_INPUT, MALFORMED_FEED, MISSING_TEXT
from sanctionwatch.ingest import Failed, Ingested, IngestOptions, RawInput, ingest_input


def _run(data: bytes, hint: str = "rss", **options: Any) -> list[Ingested | Failed]:
    raw = RawInput("news.xml", None, data, hint)
    return list(ingest_input(raw, options=IngestOptions(**options)))


def test_feed_rss_items_become_documents(build: Any, story: list[str]) -> None:
    data = build.rss(
        [
            (
                "Shells roll north",
                "https://ledger.example.org/a",
                f"<p>{story[0]}</p><p>{story[1]}</p>",
            ),
            ("Trains return", "https://ledger.example.org/b", f"<p>{story[4]}</p>"),
        ]
    )

    results = _run(data)

    assert [type(r) for r in results] == [Ingested, Ingested]
    first = results[0].document  # type: ignore[union-attr]
    assert (first.title, first.outlet, first.published, first.url, first.format) == (
        "Shells roll north",
        "Harbour Ledger",
        "2024-03-12",
        "https://ledger.example.org/a",
        "feed",
    )
    assert first.source_ref == "news.xml#item1"
    assert story[1] in first.text and "<p>" not in first.text


def test_feed_atom_entries_use_full_content(build: Any, story: list[str]) -> None:
    data = build.atom([("Notes", "https://notes.example.org/1", "<div>" + story[2] + "</div>")])

    (result,) = _run(data, "atom")

    assert isinstance(result, Ingested)
    doc = result.document
    assert (doc.outlet, doc.published, doc.meta["author"]) == (
        "Border Notes",
        "2024-03-13",
        "Ana Park",
    )
    assert doc.text == story[2]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        pytest.param(b"<rss><channel><item><title>x</ti", MALFORMED_FEED, id="truncated"),
        pytest.param(
            b"<?xml version='1.0'?><catalog><book/></catalog>", MALFORMED_FEED, id="not-a-feed"
        ),
        pytest.param(
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
            EMPTY_INPUT,
            id="no-items",
        ),
    ],
)
def test_feed_bad_feeds_are_quarantined(data: bytes, code: str) -> None:
    (result,) = _run(data)

    assert isinstance(result, Failed) and result.code == code


def test_feed_item_without_text_fails_alone(build: Any, story: list[str]) -> None:
    data = build.rss(
        [("Empty", "https://x.example.org/1", ""), ("Full", "https://x.example.org/2", story[0])]
    )

    results = _run(data)

    assert isinstance(results[0], Failed) and results[0].code == MISSING_TEXT
    assert isinstance(results[1], Ingested)


def test_feed_xml_that_is_not_a_feed_is_unsupported() -> None:
    (result,) = _run(b"<?xml version='1.0'?><catalog><book/></catalog>", "xml")

    assert isinstance(result, Failed) and result.code == "E207"
