from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sanctionwatch.domain import Claim, Modality, ProvisionMatch
from sanctionwatch.law import load_regime, map_claim, map_incident, map_incident_roles

ClaimFactory = Callable[..., Claim]


def ids(matches: list[ProvisionMatch]) -> list[str]:
    return [m.provision_id for m in matches]


def by_id(matches: list[ProvisionMatch]) -> dict[str, ProvisionMatch]:
    return {m.provision_id: m for m in matches}


REQUIRED = [
    pytest.param(
        "arms_transfer",
        ["KP"],
        ["RU"],
        "152 mm artillery shells",
        {"UNSCR-1718-OP8(b)"},
        id="arms-kp-to-ru",
    ),
    pytest.param(
        "arms_transfer",
        ["KP"],
        ["RU"],
        None,
        {"UNSCR-1874-UNVERIFIED-all-arms-from-dprk", "UNSCR-2270-OP8"},
        id="arms-no-item",
    ),
    pytest.param(
        "labor_dispatch",
        ["KP"],
        ["RU"],
        "workers",
        {"UNSCR-2397-OP8", "UNSCR-2375-OP17"},
        id="workers-to-ru",
    ),
    pytest.param(
        "labor_dispatch",
        ["KP"],
        ["UA"],
        "construction workers",
        {"UNSCR-2397-OP8", "UNSCR-2375-OP17"},
        id="workers-to-occupied-ua",
    ),
    pytest.param(
        "tech_transfer",
        ["RU"],
        ["KP"],
        "reconnaissance satellite help",
        {"UNSCR-1718-OP8(c)"},
        id="satellite-tech-to-kp",
    ),
    pytest.param(
        "tech_transfer",
        ["RU"],
        ["KP"],
        "missile engines",
        {"UNSCR-1718-OP8(c)"},
        id="missile-tech-to-kp",
    ),
    pytest.param(
        "arms_transfer",
        ["RU"],
        ["KP"],
        "air defence systems",
        {"UNSCR-1718-OP8(a)"},
        id="arms-ru-to-kp",
    ),
    pytest.param(
        "trade", ["RU"], ["KP"], "refined petroleum", {"UNSCR-2397-OP5"}, id="petroleum-to-kp"
    ),
    pytest.param("trade", ["KP"], ["CN"], "coal", {"UNSCR-2371-OP8"}, id="coal-from-kp"),
    pytest.param(
        "trade", ["KP"], [], "frozen seafood", {"UNSCR-2371-UNVERIFIED-seafood"}, id="seafood"
    ),
    pytest.param(
        "trade",
        ["CN"],
        ["KP"],
        "trucks and machinery",
        {"UNSCR-2397-UNVERIFIED-machinery-vehicles-metals-to-dprk"},
        id="machinery-to-kp",
    ),
    pytest.param(
        "financial_flow", [], ["KP"], "stolen crypto", {"UNSCR-2094-OP11"}, id="funds-to-kp"
    ),
]


@pytest.mark.parametrize(("claim_type", "sources", "targets", "item", "expected"), REQUIRED)
def test_mapper_maps_required_cases(
    claim_type: str, sources: list[str], targets: list[str], item: str | None, expected: set[str]
) -> None:
    matches = map_incident_roles(claim_type, sources, targets, item)
    assert expected <= set(ids(matches))
    for match in matches:
        assert match.reasons, match.provision_id
        assert match.rule


@pytest.mark.parametrize(
    ("sources", "targets", "present", "absent"),
    [
        pytest.param(
            ["RU"],
            ["KP"],
            {"UNSCR-1718-OP8(a)"},
            {"UNSCR-1718-OP8(b)", "UNSCR-1874-UNVERIFIED-all-arms-from-dprk"},
            id="to-dprk",
        ),
        pytest.param(
            ["KP"],
            ["RU"],
            {"UNSCR-1718-OP8(b)"},
            {"UNSCR-1718-OP8(a)", "UNSCR-1874-OP10", "UNSCR-2270-UNVERIFIED-SALW"},
            id="from-dprk",
        ),
        pytest.param(["CN"], ["RU"], set(), {"UNSCR-1718-OP8(a)", "UNSCR-1718-OP8(b)"}, id="none"),
    ],
)
def test_mapper_direction_matters_for_arms(
    sources: list[str], targets: list[str], present: set[str], absent: set[str]
) -> None:
    found = set(ids(map_incident_roles("arms_transfer", sources, targets, "artillery shells")))
    assert present <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("sources", "targets", "item", "provision_id", "expected"),
    [
        pytest.param(["KP"], ["CN"], "coal", "UNSCR-2371-OP8", True, id="coal-out"),
        pytest.param(["RU"], ["KP"], "coal", "UNSCR-2371-OP8", False, id="coal-in"),
        pytest.param(["RU"], ["KP"], "crude oil", "UNSCR-2397-OP4", True, id="crude-op4"),
        pytest.param(["RU"], ["KP"], "crude oil", "UNSCR-2397-OP5", False, id="crude-not-op5"),
        pytest.param(["RU"], ["KP"], "diesel", "UNSCR-2397-OP4", False, id="diesel-not-op4"),
        pytest.param(
            ["RU"],
            ["KP"],
            "leadership talks",
            "UNSCR-2371-UNVERIFIED-lead",
            False,
            id="lead-whole-word",
        ),
        pytest.param(["KP"], ["RU"], "rifles", "UNSCR-1718-OP8(b)", False, id="salw-not-8b"),
        pytest.param(
            ["KP"],
            ["RU"],
            "rifles",
            "UNSCR-1874-UNVERIFIED-all-arms-from-dprk",
            True,
            id="salw-all-arms",
        ),
    ],
)
def test_mapper_item_keywords_and_direction(
    sources: list[str], targets: list[str], item: str, provision_id: str, expected: bool
) -> None:
    claim_type = "arms_transfer" if item == "rifles" else "trade"
    found = ids(map_incident_roles(claim_type, sources, targets, item))
    assert (provision_id in found) is expected


def test_mapper_reasons_are_plain_english() -> None:
    matches = by_id(map_incident_roles("arms_transfer", ["KP"], ["RU"], "152 mm artillery shells"))
    reasons = matches["UNSCR-1718-OP8(b)"].reasons
    assert reasons[0] == (
        "arms_transfer with supplier KP (the DPRK): procurement from the DPRK of heavy"
        " conventional arms or missile/WMD-list items"
    )
    assert (
        "item '152 mm artillery shells' is in category heavy_arms (heavy conventional arms:"
        " 'artillery')" in reasons
    )


def test_mapper_item_outside_categories_falls_to_the_catch_all() -> None:
    matches = by_id(map_incident_roles("arms_transfer", ["KP"], ["RU"], "containers"))
    assert "UNSCR-1718-OP8(b)" not in matches
    match = matches["UNSCR-2270-OP8"]
    assert any(r.startswith("catch-all:") for r in match.reasons)


def test_mapper_visa_issuance_is_indicator() -> None:
    matches = map_incident_roles("visa_issuance", ["RU"], ["KP"], "work visas")
    assert {"UNSCR-2397-OP8", "UNSCR-2375-OP17"} <= set(ids(matches))
    assert {m.kind for m in matches} == {"indicator"}
    assert all("an indicator, not a violation by itself" in m.reasons for m in matches)


def test_mapper_workers_are_violations() -> None:
    matches = by_id(map_incident_roles("labor_dispatch", ["KP"], ["RU"], "workers"))
    assert matches["UNSCR-2397-OP8"].kind == "violation"
    assert matches["UNSCR-2397-OP8"].rule == "workers-from-kp"


def test_mapper_tech_without_domain_skips_8c() -> None:
    found = ids(map_incident_roles("tech_transfer", ["RU"], ["KP"], None))
    assert "UNSCR-1718-OP8(c)" not in found
    assert "UNSCR-2321-UNVERIFIED-sci-tech-cooperation" in found


@pytest.mark.parametrize(
    ("provision_id", "status", "warning"),
    [
        pytest.param(
            "UNSCR-1874-UNVERIFIED-all-arms-from-dprk",
            "unverified",
            "paragraph number unverified: do not cite a paragraph",
            id="unverified",
        ),
        pytest.param("UNSCR-1718-OP8(a)", "partial", "sub-paragraph mapping partial", id="partial"),
    ],
)
def test_mapper_warns_on_unverified_status(provision_id: str, status: str, warning: str) -> None:
    claim_sources, claim_targets = (
        (["RU"], ["KP"]) if "OP8(a)" in provision_id else (["KP"], ["RU"])
    )
    item = "tanks" if "OP8(a)" in provision_id else "weapons"
    match = by_id(map_incident_roles("arms_transfer", claim_sources, claim_targets, item))[
        provision_id
    ]
    assert match.status == status
    assert warning in match.warnings


def test_mapper_verified_match_has_no_status_warning() -> None:
    match = by_id(map_incident_roles("labor_dispatch", ["KP"], ["RU"], "workers"))["UNSCR-2397-OP8"]
    assert match.status == "verified"
    assert match.warnings == ()


@pytest.mark.parametrize(
    ("modality", "word"),
    [
        pytest.param(Modality.FACT, "fact", id="fact"),
        pytest.param(Modality.UNCERTAIN, "alleged", id="alleged"),
        pytest.param(Modality.PLANNED, "planned", id="planned"),
        pytest.param(Modality.DENIED, "denied", id="denied"),
        pytest.param(Modality.NEGATED, "negated", id="negated"),
    ],
)
def test_mapper_shows_modality_beside_the_provision(
    make_claim: ClaimFactory, modality: Modality, word: str
) -> None:
    claim = make_claim("arms_transfer", ["KP"], ["RU"], item="shells", modality=modality)
    plain = map_incident_roles("arms_transfer", ["KP"], ["RU"], "shells")
    matches = map_claim(claim)
    assert ids(matches) == ids(plain)
    assert {m.modality for m in matches} == {word}
    assert all(any(r.startswith(f"modality: {word}") for r in m.reasons) for m in matches)


def test_mapper_order_is_deterministic_violations_first() -> None:
    first = map_incident_roles("visa_issuance", ["RU"], ["KP"], "student visas")
    again = map_incident_roles("visa_issuance", ["RU"], ["KP"], "student visas")
    assert first == again
    matches = map_incident_roles("financial_flow", ["RU"], ["KP"], "wages of workers")
    kinds = [m.kind for m in matches]
    assert kinds == sorted(kinds, key=lambda k: k != "violation")
    assert "indicator" in kinds and "violation" in kinds


def test_mapper_no_actors_maps_nothing(make_claim: ClaimFactory) -> None:
    assert map_claim(make_claim("arms_transfer", item="shells")) == []
    assert map_claim(make_claim("meeting", ["KP", "RU"])) == []


def test_mapper_uses_given_regime(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(
        "regime: tiny\nversion: '0'\nname: Tiny\nprovisions:\n"
        "  - {id: T-OP1, resolution: '1', paragraph: '1', adopted: '2020', category: workers,\n"
        "     status: verified, summary: s, conditions: [{id: w, claim_type: labor_dispatch,\n"
        "     target: [RU], reason: workers arriving in Russia}]}\n",
        encoding="utf-8",
    )
    matches = map_incident_roles("labor_dispatch", ["KP"], ["RU"], None, regime=load_regime(path))
    assert ids(matches) == ["T-OP1"]
    assert matches[0].reasons == (
        "labor_dispatch with destination RU (Russia): workers arriving in Russia",
    )


@pytest.mark.parametrize(
    ("latest", "dated", "present"),
    [
        pytest.param("2015-06-30", True, False, id="before-adoption"),
        pytest.param("2018-03-31", True, True, id="after-adoption"),
        pytest.param(None, False, True, id="undated-unknown"),
    ],
)
def test_mapper_incident_only_provisions_in_force(
    latest: str | None, dated: bool, present: bool
) -> None:
    matches = map_incident(
        "labor_dispatch", ["KP"], ["RU"], ["workers"], latest=latest, dated=dated
    )
    found = next((m for m in matches if m.provision_id == "UNSCR-2397-OP8"), None)
    assert (found is not None) is present
    if found is not None and dated:
        assert found.in_force.startswith("in force: adopted 2017-12-22")
        assert found.kind == "context"  # before the 2019-12-22 repatriation deadline
    if found is not None and not dated:
        assert any("undated" in w for w in found.warnings)


def test_mapper_incident_matches_on_any_item_and_says_which() -> None:
    matches = map_incident("trade", ["KP"], ["CN"], ["goods", "coal"])
    coal = next(m for m in matches if m.provision_id == "UNSCR-2371-OP8")
    assert "item 'coal' is in category coal (coal: 'coal')" in coal.reasons
    assert not any("not confirmed" in w for w in coal.warnings)


def test_mapper_incident_planned_only_is_flagged() -> None:
    matches = map_incident("arms_transfer", ["KP"], ["RU"], ["shells"], planned_only=True)
    assert matches
    assert all(m.modality == "planned" for m in matches)
    assert all(any("a breach once carried out" in r for r in m.reasons) for m in matches)


def test_mapper_incident_keeps_indicators_apart() -> None:
    matches = map_incident("visa_issuance", ["RU"], ["KP"], ["student visas"])
    assert matches and {m.kind for m in matches} == {"indicator"}
    assert all("an indicator, not a violation by itself" in m.reasons for m in matches)
