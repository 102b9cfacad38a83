"""Factories for store tests. The stores themselves (``store``, ``module_store``,
``sqlite_store``: SQLite, and PostgreSQL when a server is set) come from tests/conftest.py.

Factories come as fixtures because test modules cannot import each other under
``--import-mode=importlib``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctionwatch.domain import (
    Claim,
    ClaimType,
    Document,
    Incident,
    RoleFiller,
    build_document,
    claim_id_for,
    make_span,
)

MakeDoc = Callable[..., Document]
MakeClaim = Callable[..., Claim]
MakeIncident = Callable[..., Incident]


@pytest.fixture
def make_doc() -> MakeDoc:
    def make(text: str = "Pyongyang shipped shells to Moscow in July.", **meta: object) -> Document:
        return build_document(text, **meta)

    return make


@pytest.fixture
def make_claim() -> MakeClaim:
    def make(
        doc: Document,
        *,
        needle: str | None = None,
        trigger: str = "shipped",
        type: ClaimType = ClaimType.ARMS_TRANSFER,
        extractor: str = "rules@1",
    ) -> Claim:
        text = doc.text
        start = text.index(needle) if needle else 0
        end = start + len(needle) if needle else len(text)
        t_start = text.index(trigger, start)
        src = text.index("Pyongyang") if "Pyongyang" in text else t_start
        return Claim(
            id=claim_id_for(doc.id, type.value, start, end, extractor),
            document_id=doc.id,
            type=type,
            evidence=make_span(text, start, end, document_id=doc.id),
            trigger=make_span(text, t_start, t_start + len(trigger), document_id=doc.id),
            sources=(RoleFiller(make_span(text, src, src + 9, document_id=doc.id), "KP", "r1"),),
            extractor=extractor,
            rules=("trigger:shipped",),
        )

    return make


@pytest.fixture
def make_incident() -> MakeIncident:
    def make(
        id: str,
        *,
        time_start: str | None = "2023-07",
        time_end: str | None = None,
        type: ClaimType = ClaimType.ARMS_TRANSFER,
        support: tuple[str, ...] = (),
        contradict: tuple[str, ...] = (),
    ) -> Incident:
        return Incident(
            id=id,
            type=type,
            sources=("KP",),
            targets=("RU",),
            time_start=time_start,
            time_end=time_end,
            quantity_low=1000.0,
            quantity_high=None,
            quantity_unit="shells",
            item="artillery shells",
            supporting_claim_ids=support,
            contradicting_claim_ids=contradict,
            provisions=(),
            assessment=None,
        )

    return make
