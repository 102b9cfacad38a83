from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctionwatch.assess import (
    DocumentInfo,
    collect_figures,
    conservative_estimate,
    group_origins,
    load_outlet_registry,
)
from sanctionwatch.assess.figures import figure_disputes, say_figure
from sanctionwatch.domain import Claim, Modality
from sanctionwatch.domain.incident import Estimate, Figure

Factory = Callable[..., Claim]
REGISTRY = load_outlet_registry()

Row = tuple[str, str, float | None, float | None, Modality]


def figures_for(make_claim: Factory, rows: list[Row]) -> tuple[list[Figure], Estimate | None]:
    documents = {doc: DocumentInfo(id=doc, outlet=outlet) for doc, outlet, *_ in rows}
    claims = [
        make_claim(
            "arms_transfer", ["KP"], ["RU"], doc=doc, modality=m, quantity=(low, high, "shell")
        )
        for doc, _, low, high, m in rows
    ]
    origins = group_origins(claims, documents=documents, registry=REGISTRY)
    figures = collect_figures(claims, origins)
    return figures, conservative_estimate(figures, origins, unit="shell")


FACT, HEDGED = Modality.FACT, Modality.UNCERTAIN


def test_figures_three_figures_for_one_shipment(make_claim: Factory) -> None:
    figures, estimate = figures_for(
        make_claim,
        [
            ("d1", "Yonhap", 2e6, 2e6, FACT),
            ("d2", "Reuters", 1e6, 1e6, FACT),
            ("d3", "a blog", 5e6, 5e6, HEDGED),
        ],
    )
    assert [(f.low, f.reported_by, f.stated_as_fact) for f in figures] == [
        (1e6, ("Reuters",), True),
        (2e6, ("Yonhap",), True),
        (5e6, ("a blog",), False),
    ]
    assert estimate is not None and estimate.value == 1e6
    assert "Reuters, rated B" in estimate.basis
    (dispute,) = figure_disputes(figures, unit="shell")
    assert dispute.kind == "figure" and len(dispute.claim_ids) == 3
    assert "1,000,000 shells (Reuters)" in dispute.reason


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            [("d1", "a blog", 1e5, 1e5, FACT), ("d2", "Reuters", 3e5, 3e5, FACT)],
            3e5,
            id="lone-unrated-figure-is-not-well-supported",
        ),
        pytest.param(
            [("d1", "a blog", 1e5, 1e5, FACT), ("d2", "another blog", 1e5, 1e5, FACT)],
            1e5,
            id="two-origins-support-it",
        ),
        pytest.param([("d1", "Reuters", 1e5, 1e5, HEDGED)], None, id="hedged-only"),
        pytest.param([("d1", "Reuters", None, 5e5, FACT)], None, id="up-to-gives-no-floor"),
        pytest.param([("d1", "Reuters", 1e5, None, FACT)], 1e5, id="at-least"),
    ],
)
def test_figures_estimate_is_lowest_well_supported(
    make_claim: Factory, rows: list[Row], expected: float | None
) -> None:
    _, estimate = figures_for(make_claim, rows)
    assert (estimate.value if estimate else None) == expected


def test_figures_overlapping_ranges_are_no_dispute(make_claim: Factory) -> None:
    figures, _ = figures_for(
        make_claim, [("d1", "Reuters", 1e5, 5e5, FACT), ("d2", "BBC", 3e5, 3e5, FACT)]
    )
    assert figure_disputes(figures, unit="shell") == []


@pytest.mark.parametrize(
    ("low", "high", "unit", "rate", "text"),
    [
        pytest.param(1e6, 1e6, "shell", None, "1,000,000 shells", id="exact"),
        pytest.param(None, 5e5, "worker", None, "up to 500,000 workers", id="up-to"),
        pytest.param(1e3, None, "troop", None, "at least 1,000 troops", id="at-least"),
        pytest.param(2e8, 5e8, "USD", "year", "USD 200,000,000–500,000,000 a year", id="money"),
    ],
)
def test_figures_read_as_text(
    low: float | None, high: float | None, unit: str, rate: str | None, text: str
) -> None:
    figure = Figure(low, high, unit, "count", "", (), (), True, rate=rate)
    assert say_figure(figure) == text
