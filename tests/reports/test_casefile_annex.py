"""Case files a Panel could annex: sources as a numbered list with clean outlet names and
access dates, no raw JSON, vague amounts as written, rates never stated as totals."""

from __future__ import annotations

import copy
import io
from typing import Any

import pytest
from pypdf import PdfReader

from sanctionwatch.reports import render_casefile_markdown, render_casefile_pdf
from sanctionwatch.reports.casefile import describe
from sanctionwatch.services.reporting import as_reported, build_case_file, clean_outlet

DOCS = [
    {
        "id": "a" * 64,
        "title": "Containers at the border",
        "outlet": "Think Tank Review (inferred from author note; republished on mirror.example)",
        "published": "2024-03-01",
        "url": "https://example.org/containers",
        "fetched_at": "2024-03-05T10:00:00+00:00",
    },
    {
        "id": "b" * 64,
        "title": "Rounds a day",
        "outlet": "Korean Central News Agency (KCNA)",
        "published": "2024-04-01",
        "url": None,
        "fetched_at": None,
    },
]


def _claim(cid: str, doc: dict[str, Any], text: str, quantity: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": cid,
        "role": "support",
        "type": "arms_transfer",
        "evidence": {"start": 0, "end": len(text), "text": text},
        "modality": "fact",
        "attributed_to": [],
        "quantity": quantity,
        "document": doc,
    }


def _view(**quantity: Any) -> dict[str, Any]:
    return {
        "id": "inc_annex",
        "type": "arms_transfer",
        "source": ["KP"],
        "target": ["RU"],
        "time_start": "2024-02",
        "time_end": "2024-02",
        "quantity_low": quantity["low"],
        "quantity_high": quantity["high"],
        "quantity_unit": quantity["unit"],
        "supporting_claim_ids": ["c1", "c2"],
        "contradicting_claim_ids": [],
        "provisions": [],
        "assessment": {"code": "C3", "reasons": ["one origin"]},
        "origins": [{"label": "Think Tank Review", "reliability": "C", "claim_ids": ["c1"]}],
        "estimate": {"value": 7400.0, "unit": "shell", "basis": "the lowest figure"},
        "claims": [
            _claim(
                "c1",
                DOCS[0],
                "Hundreds of containers crossed the border in February.",
                {
                    "span": {"text": "Hundreds of containers"},
                    "low": 100.0,
                    "high": 999.0,
                    "unit": "container",
                },
            ),
            _claim(
                "c2",
                DOCS[1],
                "Russia fired 7,400 North Korean rounds per day.",
                {
                    "span": {"text": "7,400 North Korean rounds per day"},
                    "low": 7400.0,
                    "high": 7400.0,
                    "unit": "shell",
                },
            ),
        ],
    }


@pytest.mark.parametrize(
    ("outlet", "clean"),
    [
        ("RUSI (inferred from author note; republished on agorahub)", "RUSI"),
        ("BBC News (reposted by a mirror with an auto-inserted lead)", "BBC News"),
        ("The White House (Biden-era briefing room transcript/statement)", "The White House"),
        ("Korean Central News Agency (KCNA)", "Korean Central News Agency (KCNA)"),
        ("Reuters", "Reuters"),
    ],
    ids=["republished", "reposted", "note", "abbreviation-kept", "plain"],
)
def test_casefile_annex_outlets_are_clean(outlet: str, clean: str) -> None:
    assert clean_outlet(outlet) == clean


def test_casefile_annex_sources_are_a_numbered_list() -> None:
    case = build_case_file([_view(low=100.0, high=999.0, unit="container")], subject="s", title="t")
    assert [s.number for s in case.sources] == [1, 2]
    assert [c.source for c in case.citations] == [1, 2]
    text = render_casefile_markdown(case)
    sources = text.split("## IV. Sources")[1]
    assert (
        "S1. Think Tank Review, “Containers at the border”, 2024-03-01. "
        "<https://example.org/containers> (accessed 2024-03-05)." in sources
    )
    assert "S2. Korean Central News Agency (KCNA), “Rounds a day”, 2024-04-01." in sources
    assert "access date not recorded" in sources
    assert "republished" not in text and "inferred from" not in text


def test_casefile_annex_vague_amount_is_written_as_the_source_wrote_it() -> None:
    case = build_case_file([_view(low=100.0, high=999.0, unit="container")], subject="s", title="t")
    finding = case.findings[0]
    assert finding.quantity == "Hundreds of containers"
    assert "between 100 and 999" not in render_casefile_markdown(case)
    assert finding.quantities[0]["value"] == "Hundreds of containers"


def test_casefile_annex_rate_is_never_a_total() -> None:
    case = build_case_file([_view(low=7400.0, high=7400.0, unit="shell")], subject="s", title="t")
    finding = case.findings[0]
    assert finding.quantity == "7,400 shells per day"
    assert "at a rate of 7,400 shells per day (a rate, not a total)" in finding.statement
    assert "best estimate of 7,400" not in finding.statement
    assert finding.quantities[1]["value"] == "7,400 shells per day"


@pytest.mark.parametrize(
    ("quantity", "said"),
    [
        (
            {
                "span": {"text": "thousands of workers"},
                "low": 1000.0,
                "high": 9999.0,
                "unit": "worker",
            },
            "thousands of workers",
        ),
        (
            {
                "span": {"text": "$200 million a year"},
                "low": 2e8,
                "high": 2e8,
                "unit": "USD",
                "rate": "year",
            },
            "USD 200 million per year",
        ),
        (
            {
                "span": {"text": "1,000 shells daily"},
                "low": 1000.0,
                "high": 1000.0,
                "unit": "shell",
            },
            "1,000 shells per day",
        ),
        (
            {"span": {"text": "20,000 shells"}, "low": 2e4, "high": 2e4, "unit": "shell"},
            "20,000 shells",
        ),
    ],
    ids=["vague", "money-rate", "daily", "plain"],
)
def test_casefile_annex_quantities_as_reported(quantity: dict[str, Any], said: str) -> None:
    assert as_reported(quantity) == said


def test_casefile_annex_pdf_has_no_raw_json() -> None:
    view = _view(low=100.0, high=999.0, unit="container")
    view["figures"] = [{"low": 100.0, "high": 999.0, "unit": "container", "reported_by": ["X"]}]
    case = build_case_file([copy.deepcopy(view)], subject="s", title="t")
    pdf = render_casefile_pdf(case)
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert "IV. Sources" in text and "Annex A" in text
    assert "accessed 2024-03-05" in text
    assert '"' + "label" + '":' not in text and "{" not in text and "}" not in text
    assert "Label: Think Tank Review; Reliability: C" in text


def test_casefile_annex_describe_keeps_every_value() -> None:
    lines = describe(
        {
            "estimate": {"value": 7400.0, "basis": "x"},
            "origins": [{"label": "A", "conduits": [{"outlet": "B"}]}],
        }
    )
    assert lines == [
        (0, "Estimate:"),
        (1, "Value: 7,400"),
        (1, "Basis: x"),
        (0, "Origins:"),
        (1, "Label: A"),
        (2, "Conduits:"),
        (3, "Outlet: B"),
    ]
