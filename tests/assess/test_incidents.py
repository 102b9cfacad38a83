from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from sanctionwatch.assess import DocumentInfo, build_incidents
from sanctionwatch.assess.incidents import aggregate_quantity, aggregate_time, most_common_item
from sanctionwatch.domain import Claim, Modality, Quantity, make_span

Factory = Callable[..., Claim]


@pytest.fixture()
def claims(make_claim: Factory) -> list[Claim]:
    return [
        make_claim(
            "arms_transfer",
            ["KP"],
            ["RU"],
            doc="d1",
            start="2023-09",
            item="artillery shells",
            quantity=(100000.0, None, "shell"),
        ),
        make_claim(
            "arms_transfer",
            ["KP"],
            ["RU"],
            doc="d2",
            start="2023-09-13",
            end="2023-10-02",
            item="Artillery shells",
            quantity=(None, 500000.0, "shell"),
        ),
        make_claim(
            "arms_transfer",
            ["KP"],
            ["RU"],
            doc="d3",
            start="2023",
            item="missiles",
            quantity=(50.0, 50.0, "missile"),
        ),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d4", modality=Modality.DENIED),
        make_claim("labor_dispatch", ["KP"], ["UA"], doc="d5", item="workers"),
        make_claim("visa_issuance", ["RU"], ["KP"], doc="d6", start="2024-02", item="visas"),
    ]


DOCUMENTS = {
    "d1": DocumentInfo(id="d1", outlet="Reuters", published="2023-10"),
    "d2": DocumentInfo(id="d2", outlet="BBC News", published="2023-10"),
    "d3": DocumentInfo(id="d3", outlet="RUSI", published="2024-01"),
    "d4": DocumentInfo(id="d4", outlet="KCNA", published="2023-10"),
}


def test_incidents_aggregate_one_event(claims: list[Claim]) -> None:
    incidents = build_incidents(claims, documents=DOCUMENTS)
    arms = next(i for i in incidents if i.type.value == "arms_transfer")
    assert arms.sources == ("KP",) and arms.targets == ("RU",)
    assert (arms.time_start, arms.time_end) == ("2023", "2023")
    assert (arms.quantity_low, arms.quantity_high, arms.quantity_unit) == (100000, 500000, "shell")
    assert arms.item == "Artillery shells"
    assert len(arms.supporting_claim_ids) == 3
    assert arms.contradicting_claim_ids == (claims[3].id,)
    assert arms.supporting_claim_ids == tuple(sorted(arms.supporting_claim_ids))
    assert "UNSCR-1718-OP8(b)" in [p.provision_id for p in arms.provisions]
    assert arms.assessment is not None and arms.assessment.code == "B3"
    assert any("involved party" in r for r in arms.assessment.reasons)
    assert arms.method == "incidents.simple@v1"


def test_incidents_id_is_stable_and_order_free(claims: list[Claim]) -> None:
    forward = build_incidents(claims, documents=DOCUMENTS)
    backward = build_incidents(list(reversed(claims)), documents=DOCUMENTS)
    assert forward == backward
    for incident in forward:
        assert re.fullmatch(r"inc_[0-9a-f]{20}", incident.id)


def test_incidents_sorted_newest_first_undated_last(claims: list[Claim]) -> None:
    incidents = build_incidents(claims, documents=DOCUMENTS)
    assert [i.type.value for i in incidents] == ["visa_issuance", "arms_transfer", "labor_dispatch"]
    assert incidents[-1].time_start is None


def test_incidents_map_roles_to_law(claims: list[Claim]) -> None:
    incidents = {i.type.value: i for i in build_incidents(claims, documents=DOCUMENTS)}
    labour = [p.provision_id for p in incidents["labor_dispatch"].provisions]
    assert {"UNSCR-2397-OP8", "UNSCR-2375-OP17"} <= set(labour)
    assert {p.kind for p in incidents["visa_issuance"].provisions} == {"indicator"}


def test_incidents_skip_claims_without_actors(make_claim: Factory) -> None:
    assert build_incidents([make_claim("trade", doc="d1", item="coal")]) == []


@pytest.mark.parametrize(
    ("times", "expected"),
    [
        pytest.param([("2023-09", None), ("2023", None)], ("2023", "2023"), id="coarse-wins-end"),
        pytest.param([("2023-09-13", None), ("2023-09", None)], ("2023-09", "2023-09"), id="month"),
        pytest.param(
            [("2022-01", "2022-03"), ("2022-02-10", None)], ("2022-01", "2022-03"), id="rng"
        ),
        pytest.param([(None, None)], (None, None), id="undated"),
    ],
)
def test_incidents_time_range(
    make_claim: Factory, times: list[tuple[str | None, str | None]], expected: tuple[str, str]
) -> None:
    claims = [
        make_claim("trade", ["KP"], ["CN"], doc=f"d{i}", start=s, end=e)
        for i, (s, e) in enumerate(times)
    ]
    assert aggregate_time(claims) == expected


def quantity(low: float | None, high: float | None, unit: str | None) -> Quantity:
    return Quantity(make_span("about 10", 0, 8), low, high, unit)


@pytest.mark.parametrize(
    ("quantities", "expected"),
    [
        pytest.param([], (None, None, None), id="none"),
        pytest.param(
            [quantity(10, 20, "worker"), quantity(5, None, "worker"), quantity(1, 1, "visa")],
            (5, 20, "worker"),
            id="most-common-unit",
        ),
        pytest.param([quantity(None, None, "shell")], (None, None, "shell"), id="open"),
        pytest.param(
            [quantity(1, 1, "b"), quantity(2, 2, "a")], (2, 2, "a"), id="tie-alphabetical"
        ),
    ],
)
def test_incidents_quantity_range(
    quantities: list[Quantity], expected: tuple[float | None, float | None, str | None]
) -> None:
    assert aggregate_quantity(quantities) == expected


def test_incidents_most_common_item_ignores_case(make_claim: Factory) -> None:
    claims = [
        make_claim("trade", ["KP"], ["CN"], doc="d1", item="Coal"),
        make_claim("trade", ["KP"], ["CN"], doc="d2", item="coal"),
        make_claim("trade", ["KP"], ["CN"], doc="d3", item="iron ore"),
        make_claim("trade", ["KP"], ["CN"], doc="d4"),
    ]
    assert most_common_item(claims) == "Coal"
    assert most_common_item(claims[3:]) is None
