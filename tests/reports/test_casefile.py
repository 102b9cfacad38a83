import io
from typing import Any

import pytest
from pypdf import PdfReader

from sanctionwatch.reports import (
    render_casefile,
    render_casefile_html,
    render_casefile_markdown,
    render_casefile_pdf,
)
from sanctionwatch.reports.casefile import http_url, md_escape
from sanctionwatch.services.reporting import build_case_file, format_quantity

DOC: dict[str, Any] = {
    "id": "d" * 64,
    "title": "Shells <script>alert(1)</script> by rail",
    "outlet": "Test Wire",
    "published": "2024-02-10",
    "url": "https://example.org/a",
}


def _claim(cid: str, role: str, text: str, start: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": cid,
        "role": role,
        "type": "arms_transfer",
        "evidence": {"start": start, "end": start + len(text), "text": text},
        "modality": "denied" if role == "contradict" else "fact",
        "attributed_to": [{"name": "officials"}],
        "quantity": extra.get("quantity"),
        "document": DOC,
    }


VIEW: dict[str, Any] = {
    "id": "inc_test",
    "type": "arms_transfer",
    "source": ["KP"],
    "target": ["RU"],
    "time_start": "2023-08",
    "time_end": "2023-12",
    "quantity_low": 1_000_000.0,
    "quantity_high": 1_000_000.0,
    "quantity_unit": "shell",
    "item": "artillery shells",
    "supporting_claim_ids": ["c1"],
    "contradicting_claim_ids": ["c2"],
    "provisions": [
        {
            "provision_id": "UNSCR-1718-OP8(b)",
            "citation": "UNSCR 1718 OP8(b)",
            "summary": "No arms from the DPRK.",
            "kind": "violation",
            "status": "verified",
            "reasons": ["arms_transfer with supplier KP"],
            "warnings": [],
        }
    ],
    "assessment": {"code": "B2", "reasons": ["two independent origins"]},
    "origins": [{"name": "NIS"}],
    "claims": [
        _claim(
            "c1",
            "support",
            "North Korea shipped 1 million shells <b>to</b> Russia.",
            10,
            quantity={
                "span": {"text": "1 million shells"},
                "low": 1e6,
                "high": 1e6,
                "unit": "shell",
            },
        ),
        _claim("c2", "contradict", "Russia denied *buying* any weapons.", 80),
    ],
}


def _case() -> Any:
    return build_case_file(
        [VIEW], subject="incident inc_test", title="Case", generated="2024-05-01"
    )


def test_casefile_numbers_citations_in_order() -> None:
    case = _case()
    assert [(c.number, c.role) for c in case.citations] == [(1, "support"), (2, "contradict")]
    finding = case.findings[0]
    assert finding.support == (1,) and finding.contradict == (2,)
    assert finding.quantity == "1 million shells" and finding.period == "2023-08 to 2023-12"
    assert dict(finding.extra) == {"origins": [{"name": "NIS"}]}
    assert finding.quantities[0]["reported_by"] == ["officials"]


def test_casefile_markdown_escapes_source_text() -> None:
    text = render_casefile_markdown(_case())
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\*buying\\*" in text and "<https://example.org/a>" in text
    assert "1. “North Korea shipped 1 million shells &lt;b&gt;to&lt;/b&gt; Russia.”" in text
    assert "## Annex A. Assessment details" in text and "- Name: NIS" in text


def test_casefile_html_escapes_and_links() -> None:
    page = render_casefile_html(_case())
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert (
        'id="cite-1"' in page
        and 'href="#cite-2"' in page
        and 'href="https://example.org/a"' in page
    )


def test_casefile_pdf_has_the_quoted_sentences() -> None:
    pdf = render_casefile_pdf(_case())
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    assert "[1] “North Korea shipped 1 million shells <b>to</b> Russia.”" in flat
    assert "[2] “Russia denied *buying* any weapons.”" in flat


def test_casefile_unknown_format_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render_casefile(_case(), "docx")


URLS = [
    ("https://example.org/x", "https://example.org/x"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("data:text/html,x", None),
    (None, None),
]


@pytest.mark.parametrize(("url", "expected"), URLS, ids=[str(u) for u, _ in URLS])
def test_casefile_only_http_urls_become_links(url: str | None, expected: str | None) -> None:
    assert http_url(url) == expected


QUANTITIES = [
    ((20000, 20000, "shell"), "20,000 shells"),
    ((100, 500, "worker"), "between 100 and 500 workers"),
    ((1e6, None, "shell"), "at least 1 million shells"),
    ((None, 5e8, "USD"), "up to USD 500 million"),
    ((1, 1, "ship"), "1 ship"),
    ((None, None, "shell"), None),
]


@pytest.mark.parametrize(("args", "expected"), QUANTITIES, ids=[str(q) for q, _ in QUANTITIES])
def test_casefile_quantities_read_like_prose(
    args: tuple[float | None, float | None, str], expected: str | None
) -> None:
    assert format_quantity(*args) == expected


def test_casefile_md_escape_makes_html_inert() -> None:
    assert md_escape("<img src=x> [a](b) `c`") == "&lt;img src=x&gt; \\[a\\](b) \\`c\\`"


@pytest.mark.parametrize(
    ("likelihood_reason", "shown"),
    [
        pytest.param(
            "likely (55-80%, ICD 203): credibility 2",
            "Likelihood (ICD 203): likely (55-80%, ICD 203): credibility 2",
            id="stated",
        ),
        pytest.param(
            "no likelihood is stated: speculation is not an event (a conditional ('if'))",
            "Likelihood (ICD 203): no likelihood is stated: speculation is not an event",
            id="none-for-speculation",
        ),
    ],
)
def test_casefile_states_the_likelihood_or_why_none(likelihood_reason: str, shown: str) -> None:
    view = {
        **VIEW,
        "assessment": {**VIEW["assessment"], "likelihood_reason": likelihood_reason},
    }
    case = build_case_file(
        [view], subject="incident inc_test", title="Case", generated="2024-05-01"
    )
    text = render_casefile_markdown(case)
    assert shown in text
