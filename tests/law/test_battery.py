"""The hand-checked law battery (``cases/law_cases.yaml``): one event each, run end to end
through ``map_claim`` (eventhood, flows, time in force, specificity)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sanctionwatch.domain import (
    Claim,
    ClaimType,
    Modality,
    RoleFiller,
    TimeValue,
    claim_id_for,
    make_span,
)
from sanctionwatch.law import load_regime, map_claim

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "law_cases.yaml").read_text(encoding="utf-8")
)["cases"]
DOC = "doc-battery"


def _codes(value: object) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def claim_for(case: dict[str, Any]) -> Claim:
    text: str = case["text"]

    def span(fragment: str, after: int = 0) -> Any:
        start = text.index(fragment, after)
        return make_span(text, start, start + len(fragment), document_id=DOC)

    trigger = span(case["trigger"])
    # Actors are grounded at the sentence start (the battery tests law, not extraction).
    actor = make_span(text, 0, 1, document_id=DOC)
    item = RoleFiller(span(case["item"]), case["item"], "battery") if case.get("item") else None
    time = None
    if case.get("time"):
        start, end = (str(v) for v in case["time"])
        time = TimeValue(make_span(text, 0, 1, document_id=DOC), start, end, "day")
    return Claim(
        id=claim_id_for(DOC, case["type"], 0, len(text), case["id"]),
        document_id=DOC,
        type=ClaimType(case["type"]),
        evidence=make_span(text, 0, len(text), document_id=DOC),
        trigger=trigger,
        sources=tuple(RoleFiller(actor, c, "battery") for c in _codes(case.get("source"))),
        targets=tuple(RoleFiller(actor, c, "battery") for c in _codes(case.get("target"))),
        item=item,
        time=time,
        modality=Modality(case.get("modality", "fact")),
        # ``coref: [source]``: that role was filled by coreference, as the extractor records it.
        rules=tuple(f"{side}:coref:document-topic" for side in case.get("coref", [])),
        extractor="battery@1",
    )


def test_battery_has_at_least_sixty_cases_with_known_provisions() -> None:
    assert len(CASES) >= 60
    assert len({c["id"] for c in CASES}) == len(CASES)
    known = {p.id for p in load_regime().provisions}
    for case in CASES:
        named = {*case.get("must", []), *case.get("must_not", []), *case.get("context", [])}
        assert named <= known, case["id"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_battery_case(case: dict[str, Any]) -> None:
    matches = map_claim(claim_for(case), published=case.get("published"))
    violations = {m.provision_id for m in matches if m.kind == "violation"}
    context = {m.provision_id for m in matches if m.kind == "context"}
    assert set(case.get("must", [])) <= violations, (case["rule"], sorted(violations))
    assert not set(case.get("must_not", [])) & violations, (case["rule"], sorted(violations))
    assert set(case.get("context", [])) <= context, (case["rule"], sorted(context))
    if case.get("none"):
        assert not violations, (case["rule"], sorted(violations))
    for match in matches:
        assert match.reasons and match.rule
        if match.status == "unverified":
            assert "UNVERIFIED" in match.provision_id
    listed = [m for m in matches if m.provision_id in set(case.get("must", []))]
    if "in_force" in case:
        assert all(case["in_force"] in m.in_force for m in listed), [m.in_force for m in listed]
    if "modality_shown" in case:
        assert all(m.modality == case["modality_shown"] for m in listed)
    if case.get("catch_all"):
        assert any(r.startswith("catch-all") for m in listed for r in m.reasons)
