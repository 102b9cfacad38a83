from typing import Any

import pytest

from sanctionwatch.domain.errors import MALFORMED_PDF, PDF_ENCRYPTED, PDF_NO_TEXT
from sanctionwatch.ingest import Failed, Ingested, RawInput, ingest_input


def _one(data: bytes) -> Ingested | Failed:
    (result,) = ingest_input(RawInput("report.pdf", None, data, "pdf"))
    return result


def test_pdf_text_layer_becomes_the_document(build: Any, story: list[str]) -> None:
    data = build.pdf([" ".join(story[:2]), " ".join(story[2:])])

    result = _one(data)

    assert isinstance(result, Ingested)
    doc = result.document
    assert (doc.format, doc.title, doc.published) == ("pdf", "Rail shipments", "2024-03-12")
    assert doc.meta["pages"] == "2" and doc.meta["author"] == "Research Desk"
    assert "Tumangang border station" in doc.text and "payment in kind" in doc.text
    assert result.raw == data


@pytest.mark.parametrize(
    ("maker", "code"),
    [
        pytest.param("scanned_pdf", PDF_NO_TEXT, id="scanned-no-text-layer"),
        pytest.param("encrypted_pdf", PDF_ENCRYPTED, id="encrypted"),
    ],
)
def test_pdf_unreadable_kinds_have_their_own_codes(build: Any, maker: str, code: str) -> None:
    data = getattr(build, maker)()

    result = _one(data)

    assert isinstance(result, Failed) and result.code == code
    assert result.raw == data


@pytest.mark.parametrize(
    "cut",
    [
        pytest.param(lambda d: d[: len(d) // 3], id="truncated"),
        pytest.param(lambda d: b"%PDF-1.4\n" + bytes(range(256)) * 8, id="garbage-after-header"),
        pytest.param(lambda d: b"not a pdf at all", id="no-header"),
    ],
)
def test_pdf_damaged_files_are_quarantined(build: Any, story: list[str], cut: Any) -> None:
    result = _one(cut(build.pdf(story)))

    assert isinstance(result, Failed) and result.code == MALFORMED_PDF
