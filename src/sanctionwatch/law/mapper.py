"""Map claims (or incidents, through their aggregated roles) to provisions, with reasons.

``map_claim`` and ``map_incident_roles`` read type, direction and item only. Modality is
deliberately ignored there: a denied transfer still concerns the same paragraphs, and
grading is the assess stage's job.

``map_incident`` reads what an incident adds: every item its claims name (a match on any
of them counts, and the reason says which), when it happened (a provision adopted after
the last day the event can have taken place was not in force, so it is left out), and
whether it was only planned (the match then warns that it would be a breach once carried
out). Indicators that are not violations by themselves keep ``kind: indicator``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from sanctionwatch.domain import Claim, ClaimType, Provision, ProvisionMatch
from sanctionwatch.law.loader import load_regime
from sanctionwatch.law.regime import Condition, Regime

MAPPER = "law.mapper@v2"

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
_STATUS_WARNINGS = {
    "unverified": "paragraph number unverified: do not cite a paragraph",
    "partial": "sub-paragraph mapping partial",
    "verified_xref": "paragraph number verified by cross-reference only",
}
_ITEM_NOT_CONFIRMED = "item not confirmed as covered by this provision"
_PLANNED_ONLY = "reported only as planned or offered: a breach once carried out"
_UNDATED = "the incident is undated: check that it falls after the provision was adopted"
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def map_claim(claim: Claim, *, regime: Regime | None = None) -> list[ProvisionMatch]:
    """Provisions a single claim falls under, violations first, then in regime order."""
    item = claim.item.value if claim.item else None
    return map_incident_roles(
        claim.type, claim.source_codes, claim.target_codes, item, regime=regime
    )


def map_incident_roles(
    claim_type: ClaimType | str,
    sources: Iterable[str],
    targets: Iterable[str],
    item: str | None,
    *,
    regime: Regime | None = None,
) -> list[ProvisionMatch]:
    """Provisions for a type, source codes, target codes and item (e.g. an incident's)."""
    regime = regime if regime is not None else load_regime()
    claim_type = ClaimType(claim_type)
    source_set, target_set = frozenset(sources), frozenset(targets)
    found: list[tuple[int, ProvisionMatch]] = []
    for position, provision in enumerate(regime.provisions):
        hits: list[tuple[Condition, list[str], list[str]]] = []
        for condition in regime.conditions_for(provision.id):
            outcome = _match_condition(condition, claim_type, source_set, target_set, item)
            if outcome is not None:
                hits.append((condition, *outcome))
        if hits:
            found.append((position, _build_match(provision, hits)))
    # Violations before indicators; within each, the pack's (chronological) order.
    found.sort(key=lambda pair: (pair[1].kind != "violation", pair[0]))
    return [match for _, match in found]


def map_incident(
    claim_type: ClaimType | str,
    sources: Iterable[str],
    targets: Iterable[str],
    items: Sequence[str] = (),
    *,
    latest: str | None = None,
    dated: bool = True,
    planned_only: bool = False,
    regime: Regime | None = None,
) -> list[ProvisionMatch]:
    """Provisions an incident implicates, violations first, then in regime order.

    ``items`` are every item its claims name, most named first; ``latest`` is the last day
    (ISO) the event can have happened, e.g. the end of its time or, undated, its first
    publication; ``dated`` says whether the incident itself carries a date.
    """
    regime = regime if regime is not None else load_regime()
    claim_type = ClaimType(claim_type)
    source_set, target_set = frozenset(sources), frozenset(targets)
    candidates: list[str | None] = list(dict.fromkeys(items)) or [None]
    last_day = _day(latest)
    found: list[tuple[int, ProvisionMatch]] = []
    for position, provision in enumerate(regime.provisions):
        adopted = _day(provision.adopted)
        if last_day is not None and adopted is not None and last_day < adopted:
            continue  # not in force when the event happened
        hits: list[tuple[Condition, list[str], list[str]]] = []
        for condition in regime.conditions_for(provision.id):
            outcome = _best_item_outcome(condition, claim_type, source_set, target_set, candidates)
            if outcome is not None:
                hits.append((condition, *outcome))
        if not hits:
            continue
        match = _build_match(provision, hits)
        extra_reasons: tuple[str, ...] = ()
        extra_warnings: list[str] = []
        if adopted is not None and last_day is not None and dated:
            extra_reasons = (
                f"in force since {provision.adopted}; the incident is dated up to {latest}",
            )
        elif adopted is not None and not dated:
            extra_warnings.append(_UNDATED)
        if planned_only:
            extra_warnings.append(_PLANNED_ONLY)
        found.append(
            (
                position,
                ProvisionMatch(
                    provision_id=match.provision_id,
                    kind=match.kind,
                    reasons=match.reasons + extra_reasons,
                    status=match.status,
                    rule=match.rule,
                    warnings=_unique([*match.warnings, *extra_warnings]),
                ),
            )
        )
    found.sort(key=lambda pair: (pair[1].kind != "violation", pair[0]))
    return [match for _, match in found]


def _best_item_outcome(
    condition: Condition,
    claim_type: ClaimType,
    sources: frozenset[str],
    targets: frozenset[str],
    items: list[str | None],
) -> tuple[list[str], list[str]] | None:
    """The outcome for the first item that names a keyword, else for the first that matches."""
    first: tuple[list[str], list[str]] | None = None
    for item in items:
        outcome = _match_condition(condition, claim_type, sources, targets, item)
        if outcome is None:
            continue
        if not outcome[1] or not condition.item_keywords:
            return outcome
        first = first or outcome
    return first


def _day(value: str | None) -> dt.date | None:
    found = _ISO_DAY.match(value or "")
    if not found:
        return None
    try:
        return dt.date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def _match_condition(
    condition: Condition,
    claim_type: ClaimType,
    sources: frozenset[str],
    targets: frozenset[str],
    item: str | None,
) -> tuple[list[str], list[str]] | None:
    """(reasons, warnings) when the condition holds, else None."""
    if condition.claim_type != claim_type:
        return None
    if condition.source and not condition.source & sources:
        return None
    if condition.target and not condition.target & targets:
        return None
    if condition.party and not condition.party & (sources | targets):
        return None
    if condition.find_exclusion(item) is not None:
        return None
    keyword = condition.find_keyword(item)
    if condition.item_keywords and condition.item_match == "required" and keyword is None:
        return None
    reasons = [_describe_roles(condition, claim_type, sources, targets)]
    warnings: list[str] = []
    if keyword is not None:
        reasons.append(f"item '{item}' matches keyword '{keyword}'")
    elif condition.item_keywords and item:
        reasons.append(
            f"item '{item}' names none of the listed items: mapped on claim type and direction"
        )
        warnings.append(_ITEM_NOT_CONFIRMED)
    elif condition.item_keywords:
        reasons.append("no item given: mapped on claim type and direction")
        warnings.append(_ITEM_NOT_CONFIRMED)
    if condition.kind == "indicator":
        reasons.append("an indicator, not a violation by itself")
    return reasons, warnings


def _describe_roles(
    condition: Condition, claim_type: ClaimType, sources: frozenset[str], targets: frozenset[str]
) -> str:
    source_role, target_role = _ROLE_NAMES[claim_type]
    parts = []
    if condition.source:
        parts.append(f"{source_role} {_name_codes(sources)}")
    if condition.target:
        parts.append(f"{target_role} {_name_codes(targets)}")
    if condition.party:
        parts.append(f"party {_name_codes(condition.party & (sources | targets))}")
    roles = f" with {' and '.join(parts)}" if parts else ""
    return f"{claim_type.value}{roles}: {condition.reason}"


def _name_codes(codes: Iterable[str]) -> str:
    return ", ".join(f"{code} ({_PLACE_NAMES.get(code, code)})" for code in sorted(codes))


def _build_match(
    provision: Provision, hits: list[tuple[Condition, list[str], list[str]]]
) -> ProvisionMatch:
    # Several conditions of one provision can hold; report one match carrying all reasons,
    # named after the strongest condition (a violation beats an indicator).
    violations = [hit for hit in hits if hit[0].kind == "violation"]
    used = violations or hits
    reasons = _unique(reason for _, rs, _ in used for reason in rs)
    warnings = _unique(
        [w for w in (_STATUS_WARNINGS.get(provision.status),) if w]
        + [warning for _, _, ws in used for warning in ws]
    )
    return ProvisionMatch(
        provision_id=provision.id,
        kind="violation" if violations else "indicator",
        reasons=reasons,
        status=provision.status,
        rule=used[0][0].id,
        warnings=warnings,
    )


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
