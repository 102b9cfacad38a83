"""How the mapper's reasons name roles and states, so they read like the analyst's table."""

from __future__ import annotations

from collections.abc import Iterable

from sanctionwatch.domain import ClaimType
from sanctionwatch.law.regime import Condition

# (source role, target role) as DESIGN.md names them, so reasons read like the analyst's table.
_ROLE_NAMES: dict[ClaimType, tuple[str, str]] = {
    ClaimType.ARMS_TRANSFER: ("supplier", "recipient"),
    ClaimType.TROOP_DEPLOYMENT: ("sending state", "host"),
    ClaimType.LABOR_DISPATCH: ("origin", "destination"),
    ClaimType.TECH_TRANSFER: ("provider", "recipient"),
    ClaimType.TRADE: ("exporter", "importer"),
    ClaimType.FINANCIAL_FLOW: ("payer", "payee"),
    ClaimType.VISA_ISSUANCE: ("issuing state", "nationals of"),
    ClaimType.MEETING: ("participants", "other party"),
    ClaimType.AGREEMENT: ("parties", "other party"),
    ClaimType.SANCTIONS_ACTION: ("actor", "target"),
}
_PLACE_NAMES = {
    "KP": "the DPRK",
    "RU": "Russia",
    "UA": "Ukraine",
    "CN": "China",
    "KR": "South Korea",
    "US": "the United States",
    "IR": "Iran",
    "JP": "Japan",
    "SY": "Syria",
    "BY": "Belarus",
    "UN": "the Security Council",
    "EU": "the European Union",
}


def describe_roles(
    condition: Condition, claim_type: ClaimType, sources: frozenset[str], targets: frozenset[str]
) -> str:
    source_role, target_role = _ROLE_NAMES[claim_type]
    parts = []
    if condition.source:
        parts.append(f"{source_role} {name_codes(sources)}")
    if condition.target:
        parts.append(f"{target_role} {name_codes(targets)}")
    if condition.party:
        parts.append(f"party {name_codes(condition.party & (sources | targets))}")
    roles = f" with {' and '.join(parts)}" if parts else ""
    return f"{claim_type.value}{roles}: {condition.reason}"


def name_codes(codes: Iterable[str]) -> str:
    return ", ".join(f"{code} ({_PLACE_NAMES.get(code, code)})" for code in sorted(codes))


def describe_coref(claim_type: ClaimType, side: str, codes: Iterable[str]) -> str:
    """Why a role resting only on coreference does not carry a violation."""
    source_role, target_role = _ROLE_NAMES[claim_type]
    role = {"source": source_role, "target": target_role}.get(side, "party")
    return (
        f"{name_codes(codes)} as {role} is named only through coreference (a pronoun, "
        "'the country', the document's topic), not in the sentence; a sentence that names "
        "it would make this a violation"
    )


def describe_self_flow(claim_type: ClaimType, codes: Iterable[str]) -> str:
    """Why a state named on both sides of a transfer does not carry a directed violation."""
    source_role, target_role = _ROLE_NAMES[claim_type]
    return (
        f"{name_codes(codes)} is named as both {source_role} and {target_role}: a transfer "
        "needs two parties, so which way it went is not established"
    )
