import gzip
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.domain.errors import (
    DECOMPRESSION_BOMB,
    MALFORMED_ARCHIVE,
    TOO_LARGE,
)
from sanctionwatch.ingest import Failed, Ingested, IngestOptions, ingest_paths
from sanctionwatch.ingest.archive import gunzip_bounded


def _summary(results: list[Ingested | Failed]) -> list[tuple[str, str]]:
    return [
        (r.document.source_ref or "", r.document.format)
        if isinstance(r, Ingested)
        else (r.source_ref, r.code)
        for r in results
    ]


def test_archive_zip_members_of_every_format(
    build: Any, write: Callable[[str, bytes | str], Path], story_html: str, story: list[str]
) -> None:
    inner = build.zip({"deep/note.md": story[3].encode()})
    data = build.zip(
        {
            "b/page.html": story_html.encode(),
            "a/report.pdf": build.pdf(story[:2]),
            "c/nested.zip": inner,
            "d/notes.txt.gz": gzip.compress(story[4].encode()),
            "__MACOSX/._page.html": b"\x00\x05\x16\x07",
            ".hidden.txt": b"skip me",
        }
    )
    path = write("bundle.zip", data)

    results = list(ingest_paths([path]))

    assert _summary(results) == [
        (f"{path}!/a/report.pdf", "pdf"),
        (f"{path}!/b/page.html", "html"),
        (f"{path}!/c/nested.zip!/deep/note.md", "text"),
        (f"{path}!/d/notes.txt.gz!/notes.txt", "text"),
    ]
    assert all(isinstance(r, Ingested) and r.document.meta["container"] for r in results)


@pytest.mark.parametrize(
    ("name", "maker"),
    [
        pytest.param("bomb.zip", "zip_bomb", id="zip-bomb"),
        pytest.param("bomb.txt.gz", "gzip_bomb", id="gzip-bomb"),
    ],
)
def test_archive_bombs_are_refused(
    build: Any, write: Callable[[str, bytes | str], Path], name: str, maker: str
) -> None:
    (result,) = ingest_paths([write(name, getattr(build, maker)())])

    assert isinstance(result, Failed) and result.code == DECOMPRESSION_BOMB


def test_archive_nesting_too_deep_is_a_bomb(
    build: Any, write: Callable[[str, bytes | str], Path], story: list[str]
) -> None:
    data = story[0].encode()
    for level in range(4):
        data = build.zip({f"level{level}.zip" if level else "story.txt": data})

    (result,) = ingest_paths([write("deep.zip", data)], options=IngestOptions(max_depth=2))

    assert isinstance(result, Failed) and result.code == DECOMPRESSION_BOMB


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("broken.zip", b"PK\x03\x04 this is no zip", id="zip"),
        pytest.param(
            "broken.txt.gz", gzip.compress(b"some text " * 200)[:-30], id="gzip-truncated"
        ),
        pytest.param("noise.gz", b"\x1f\x8b\x08\x00" + bytes(range(200)), id="gzip-garbage"),
    ],
)
def test_archive_damaged_archives_are_quarantined(
    write: Callable[[str, bytes | str], Path], name: str, data: bytes
) -> None:
    (result,) = ingest_paths([write(name, data)])

    assert isinstance(result, Failed) and result.code == MALFORMED_ARCHIVE


def test_archive_member_over_the_cap_fails_alone(
    build: Any, write: Callable[[str, bytes | str], Path], story: list[str]
) -> None:
    data = build.zip({"big.txt": " ".join(story).encode() * 3, "small.txt": story[0].encode()})

    results = list(ingest_paths([write("mixed.zip", data)], max_bytes=2000))

    assert [getattr(r, "code", "ok") for r in results] == [TOO_LARGE, "ok"]


def test_archive_gunzip_reads_every_member() -> None:
    data = gzip.compress(b"first ") + gzip.compress(b"second") + b"\0" * 16

    assert gunzip_bounded(data, cap=1000, max_ratio=100) == b"first second"
