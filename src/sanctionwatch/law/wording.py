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
