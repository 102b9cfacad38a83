"""Hand-made gold-like fixtures: one invented article, gold claim dicts and fake Claims."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from sanctionwatch.domain import (
    Attribution,
    Claim,
    ClaimType,
    Modality,
    Quantity,
    RoleFiller,
    TimeValue,
    claim_id_for,
    make_span,
)
from sanctionwatch.evaluation.gold import parse_gold_document
from sanctionwatch.evaluation.run import to_gold_claim
from sanctionwatch.evaluation.score import Scores, score_documents

SHIPPED = "Ruritania shipped 5,000 mortar rounds to Freedonia in September 2023, officials said."
HELPED = "Freedonian engineers reportedly helped Ruritania with rockets, the ministry claimed."
MET = "The two presidents met in Vladivostok last year."
DENIED = "Freedonia denied hiring Ruritanian welders."
ARTICLE = " ".join([SHIPPED, HELPED, MET, DENIED])
PUBLISHED = "2024-03"
DOC_ID = "doc-1"


def gold_claim(evidence: str, claim_type: str = "arms_transfer", **fields: Any) -> dict[str, Any]:
    """A gold claim dict: KP → RU, fact, no quantity/time/attribution unless given."""
    claim: dict[str, Any] = {
        "type": claim_type,
        "evidence": evidence,
        "source": "KP",
        "target": "RU",
        "item": None,
        "quantity": None,
        "time": None,
        "modality": "fact",
        "attributed_to": [],
    }
    claim.update(fields)
    return claim


def gold_line(
    claims: Sequence[dict[str, Any]], *, doc_id: str = DOC_ID, text: str = ARTICLE
) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "title": "Invented",
        "outlet": "Test Wire",
        "published": PUBLISHED,
        "text": text,
        "claims": list(claims),
    }


def write_jsonl(path: Path, lines: Sequence[dict[str, Any] | str]) -> Path:
    rows = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def make_claim(
    evidence: str,
    claim_type: ClaimType = ClaimType.ARMS_TRANSFER,
    *,
    sources: Sequence[str] = ("KP",),
    targets: Sequence[str] = ("RU",),
    quantity: tuple[float | None, float | None, str] | None = None,
    time: tuple[str | None, str | None] | None = None,
    modality: Modality = Modality.FACT,
    attributions: Sequence[str] = (),
    text: str = ARTICLE,
    doc_id: str = DOC_ID,
) -> Claim:
    """A grounded Claim; role spans reuse the evidence span (values are what is scored)."""
    start = text.find(evidence)
    assert start >= 0, evidence
    span = make_span(text, start, start + len(evidence), document_id=doc_id)
    trigger = make_span(text, start, start + 1, document_id=doc_id)
    return Claim(
        id=claim_id_for(doc_id, claim_type.value, span.start, span.end, "fake@0"),
        document_id=doc_id,
        type=claim_type,
        evidence=span,
        trigger=trigger,
        sources=tuple(RoleFiller(span, code, "test") for code in sources),
        targets=tuple(RoleFiller(span, code, "test") for code in targets),
        quantity=None
        if quantity is None
        else Quantity(span, quantity[0], quantity[1], quantity[2]),
        time=None if time is None else TimeValue(span, time[0], time[1], "month"),
        modality=modality,
        attributions=tuple(Attribution(span, name, None) for name in attributions),
        extractor="fake@0",
    )


def fake_extractor(
    claims: dict[str, list[Claim]], calls: list[dict[str, Any]] | None = None
) -> Callable[..., list[Claim]]:
    """An extractor returning hand-made claims by document id, recording its calls."""

    def extract(text: str, *, published: str | None = None, document_id: str = "") -> list[Claim]:
        if calls is not None:
            calls.append({"text": text, "published": published, "document_id": document_id})
        return list(claims.get(document_id, []))

    return extract


def score_one(gold: Sequence[dict[str, Any]], predicted: Sequence[Claim]) -> Scores:
    """Score one document of gold claim dicts against Claims."""
    document = parse_gold_document(gold_line(gold))
    return score_documents(
        [document], {DOC_ID: [to_gold_claim(c, text=ARTICLE) for c in predicted]}
    )


def perfect_gold() -> list[dict[str, Any]]:
    return [
        gold_claim(
            SHIPPED,
            item="mortar rounds",
            quantity={"low": 5000, "high": 5000, "unit": "round", "text": "5,000"},
            time={"start": "2023-09", "end": None, "text": "in September 2023"},
            attributed_to=["officials"],
        ),
        gold_claim(
            HELPED,
            "tech_transfer",
            source="RU",
            target="KP",
            modality="uncertain",
            attributed_to=["the ministry"],
        ),
        gold_claim(
            MET,
            "meeting",
            source=["RU", "KP"],
            target=None,
            time={"start": "2023", "end": None, "text": "last year"},
        ),
        gold_claim(DENIED, "labor_dispatch", modality="denied"),
    ]


def perfect_claims() -> list[Claim]:
    return [
        make_claim(
            SHIPPED,
            quantity=(5000, 5000, "round"),
            time=("2023-09", None),
            attributions=["officials"],
        ),
        make_claim(
            HELPED,
            ClaimType.TECH_TRANSFER,
            sources=["RU"],
            targets=["KP"],
            modality=Modality.UNCERTAIN,
            attributions=["Ministry"],
        ),
        make_claim(MET, ClaimType.MEETING, sources=["KP"], targets=["RU"], time=("2023", None)),
        make_claim(DENIED, ClaimType.LABOR_DISPATCH, modality=Modality.DENIED),
    ]


@pytest.fixture
def kit() -> SimpleNamespace:
    """The helpers above, for tests (test modules cannot import conftest)."""
    helpers = [
        gold_claim,
        gold_line,
        write_jsonl,
        make_claim,
        fake_extractor,
        score_one,
        perfect_gold,
        perfect_claims,
    ]
    constants = {
        "ARTICLE": ARTICLE,
        "PUBLISHED": PUBLISHED,
        "DOC_ID": DOC_ID,
        "SHIPPED": SHIPPED,
        "HELPED": HELPED,
        "MET": MET,
        "DENIED": DENIED,
    }
    return SimpleNamespace(**{f.__name__: f for f in helpers}, **constants)
