"""The PDF case file for the arms-transfer incident of the seed articles (``../shared/seeds``).

The PDF is written to ``test-artifacts/reports/`` and read back with pypdf: every numbered
citation must be followed by its quoted sentence exactly as stored, and every number a
finding cites must exist.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from sanctionwatch import store as st
from sanctionwatch.reports import render_casefile_pdf
from sanctionwatch.services import ingest_sources
from sanctionwatch.services.browsing import IncidentFilter, matching_incidents
from sanctionwatch.services.reporting import case_file_for_incident

pytestmark = pytest.mark.integration
OUT = Path(__file__).resolve().parents[2] / "test-artifacts" / "reports"


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_report_seeds_arms_transfer_pdf_cites_the_quoted_sentences(
    shared: Path, store: st.Store
) -> None:
    ingest_sources(store, [shared / "seeds"])
    arms = matching_incidents(store, IncidentFilter(type="arms_transfer"))
    assert arms, "the seeds report an arms transfer"
    # The transfer the seeds are about: North Korean shells and rockets to Russia.
    incident = max(
        arms,
        key=lambda i: ("KP" in i["source"], "RU" in i["target"], len(i["supporting_claim_ids"])),
    )
    case = case_file_for_incident(store, incident["id"], generated="2026-01-01")
    pdf = render_casefile_pdf(case)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"casefile-{incident['id']}.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    text = _flat(" ".join(page.extract_text() for page in reader.pages))
    assert case.citations
    for citation in case.citations:
        assert f"[{citation.number}] “{_flat(citation.quote)}”" in text, citation.number
    evidence = text.split("III. Evidence", 1)[1]
    assert [int(n) for n in re.findall(r"\[(\d+)\] “", evidence)] == [
        c.number for c in case.citations
    ]
    cited = {n for f in case.findings for n in (*f.support, *f.contradict)}
    assert cited == {c.number for c in case.citations}
    for provision in case.findings[0].provisions:
        assert _flat(provision["citation"]) in text
