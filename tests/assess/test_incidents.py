from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from sanctionwatch.assess import DocumentInfo, build_incidents
from sanctionwatch.assess.incidents import aggregate_quantity, aggregate_time, most_common_item
from sanctionwatch.domain import Claim, Incident, Modality, Quantity, make_span

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
            item="munitions",
            quantity=(300000.0, 300000.0, "shell"),
        ),
        make_claim(
            "arms_transfer", ["KP"], ["RU"], doc="d4", modality=Modality.DENIED, item="shells"
        ),
        make_claim(
            "arms_transfer", ["KP"], ["RU"], doc="d5", start="2023-09", item="ballistic missiles"
        ),
        make_claim("labor_dispatch", ["KP"], ["UA"], doc="d6", item="workers"),
        make_claim("visa_issuance", ["RU"], ["KP"], doc="d7", start="2024-02", item="visas"),
    ]


DOCUMENTS = {
    "d1": DocumentInfo(id="d1", outlet="Reuters", published="2023-10"),
    "d2": DocumentInfo(id="d2", outlet="BBC News", published="2023-10"),
    "d3": DocumentInfo(id="d3", outlet="RUSI", published="2024-01"),
    "d4": DocumentInfo(id="d4", outlet="KCNA", published="2023-10-03"),
    "d5": DocumentInfo(id="d5", outlet="Yonhap", published="2023-10"),
}


def shells(incidents: list[Incident]) -> Incident:
    return next(i for i in incidents if i.item and "shell" in i.item.casefold())


def test_incidents_aggregate_one_event(claims: list[Claim]) -> None:
    incidents = build_incidents(claims, documents=DOCUMENTS)
    arms = shells(incidents)
    assert arms.sources == ("KP",) and arms.targets == ("RU",)
    assert (arms.time_start, arms.time_end) == ("2023-09-13", "2023-09")
    assert arms.time_precision == "range"
    assert (arms.quantity_low, arms.quantity_high, arms.quantity_unit) == (100000, 500000, "shell")
    assert arms.items == ("Artillery shells", "munitions")
    assert arms.item == "Artillery shells"
    assert len(arms.supporting_claim_ids) == 3
    assert arms.contradicting_claim_ids == (claims[3].id,)
    assert arms.supporting_claim_ids == tuple(sorted(arms.supporting_claim_ids))
    assert "UNSCR-1718-OP8(b)" in [p.provision_id for p in arms.provisions]
    assert arms.assessment is not None and arms.assessment.code == "B2"
    assert arms.assessment.likelihood == "likely"
    assert any("involved party" in r for r in arms.assessment.reasons)
    assert arms.method == "incidents.events@v3"


def test_incidents_missiles_are_another_event(claims: list[Claim]) -> None:
    incidents = build_incidents(claims, documents=DOCUMENTS)
    missiles = next(i for i in incidents if i.item == "ballistic missiles")
    assert missiles.supporting_claim_ids == (claims[4].id,)
    assert missiles.time_start == "2023-09"


def test_incidents_record_origins_and_conduits(claims: list[Claim]) -> None:
    arms = shells(build_incidents(claims, documents=DOCUMENTS))
    support = {o.label: o for o in arms.supporting_origins}
    assert set(support) == {"Reuters", "BBC", "RUSI"}
    assert all(o.stated_as_fact and o.kind == "outlet" for o in support.values())
    assert [c.document_id for c in support["BBC"].conduits] == ["d2"]
    against = [o for o in arms.origins if o.role == "contradict"]
    # KCNA speaks with authority about its own government's statement: that it denies.
    assert [(o.label, o.reliability) for o in against] == [("KCNA", "B")]


def test_incidents_keep_contradictions_beside_support(claims: list[Claim]) -> None:
    arms = shells(build_incidents(claims, documents=DOCUMENTS))
    # "at least 100,000", "up to 500,000" and "300,000" can all be right: no figure dispute.
    (denial,) = arms.contradictions
    assert denial.kind == "denial"
    assert denial.claim_ids == (claims[3].id,)
    assert "KCNA" in denial.reason


def test_incidents_figures_with_who_reported_them(claims: list[Claim]) -> None:
    arms = shells(build_incidents(claims, documents=DOCUMENTS))
    assert [(f.low, f.high, f.reported_by) for f in arms.figures] == [
        (100000.0, None, ("Reuters",)),
        (300000.0, 300000.0, ("RUSI",)),
        (None, 500000.0, ("BBC",)),
    ]
    assert arms.estimate is not None
    assert (arms.estimate.value, arms.estimate.unit) == (100000.0, "shell")
    assert "Reuters" in arms.estimate.basis and "lowest well-supported" in arms.estimate.basis


def test_incidents_id_is_stable_and_order_free(claims: list[Claim]) -> None:
    forward = build_incidents(claims, documents=DOCUMENTS)
    backward = build_incidents(list(reversed(claims)), documents=DOCUMENTS)
    assert forward == backward
    for incident in forward:
        assert re.fullmatch(r"inc_[0-9a-f]{20}", incident.id)


def test_incidents_sorted_newest_first_undated_last(claims: list[Claim]) -> None:
    incidents = build_incidents(claims, documents=DOCUMENTS)
    assert incidents[0].type.value == "visa_issuance"
    assert incidents[-1].type.value == "labor_dispatch"
    assert incidents[-1].time_start is None


def test_incidents_map_roles_to_law(claims: list[Claim]) -> None:
    incidents = {i.type.value: i for i in build_incidents(claims, documents=DOCUMENTS)}
    labour = [p.provision_id for p in incidents["labor_dispatch"].provisions]
    assert {"UNSCR-2397-OP8", "UNSCR-2375-OP17"} <= set(labour)
    assert {p.kind for p in incidents["visa_issuance"].provisions} == {"indicator"}


def test_incidents_leave_out_provisions_adopted_later(make_claim: Factory) -> None:
    """Workers sent in 2015 breach 1718-era bans, not the 2017 ban on work authorisations."""
    (early,) = build_incidents(
        [make_claim("labor_dispatch", ["KP"], ["RU"], doc="d1", start="2015", item="workers")]
    )
    (late,) = build_incidents(
        [make_claim("labor_dispatch", ["KP"], ["RU"], doc="d1", start="2019", item="workers")]
    )
    assert "UNSCR-2397-OP8" not in [p.provision_id for p in early.provisions]
    late_match = next(p for p in late.provisions if p.provision_id == "UNSCR-2397-OP8")
    assert late_match.in_force.startswith("in force: adopted 2017-12-22")
    assert late_match.in_force in late_match.reasons


def test_incidents_skip_claims_without_actors(make_claim: Factory) -> None:
    assert build_incidents([make_claim("trade", doc="d1", item="coal")]) == []


@pytest.mark.parametrize(
    ("times", "expected"),
    [
        pytest.param([("2023-09", None), ("2023", None)], ("2023-09", "2023-09"), id="finest"),
        pytest.param(
            [("2023-09-13", None), ("2023-09", None)], ("2023-09-13", "2023-09-13"), id="day"
        ),
        pytest.param(
            [("2022-01", "2022-03"), ("2022-02-10", None)], ("2022-02-10", "2022-02-10"), id="rng"
        ),
        pytest.param([("2022-01", "2022-06"), ("2022", None)], ("2022-01", "2022-06"), id="range"),
        pytest.param([("2020", None), ("2024", None)], ("2020", "2024"), id="apart"),
        pytest.param([(None, None)], (None, None), id="undated"),
    ],
)
def test_incidents_time_is_what_every_claim_allows(
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
