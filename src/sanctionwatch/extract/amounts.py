"""Which number counts a claim's item: the nearest amount in the trigger's clause whose
unit the claim type can carry ("deployed 50 missiles, which ... arms deals" gives the arms
deals no number; "600 troops had been killed" is no deployment's size).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol, TypeVar

from sanctionwatch.domain import ClaimType
from sanctionwatch.extract.cues import crosses_clause
from sanctionwatch.extract.quantities import ParsedQuantity


class _Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_T = TypeVar("_T", bound=_Located)

# Which counted units a claim type can carry (None: take the unit from the item).
_UNITS_FOR_TYPE: dict[ClaimType, set[str | None]] = {
    ClaimType.ARMS_TRANSFER: {
        "shell", "missile", "rocket", "container", "drone", "tank", "launcher", "howitzer",
        "grenade", "round", "submarine", "aircraft", "ton", "USD", None,
    },
    ClaimType.LABOR_DISPATCH: {"worker", "person", "national", None},
    ClaimType.TROOP_DEPLOYMENT: {"troop", "casualty", "person", None},
    ClaimType.VISA_ISSUANCE: {"visa", None},
    ClaimType.FINANCIAL_FLOW: {"USD", "KRW", "EUR", "RUB", "CNY"},
    # Ships carry a trade; the goods are what it counts ("six vessels" is no amount of oil).
    ClaimType.TRADE: {"ton", "barrel", "container", "USD", None},
    # A sanctions action counts what it seizes or the people it names ("seized 2 million
    # barrels", "designated five individuals"), not the firms, ships or money in its reasons.
    ClaimType.SANCTIONS_ACTION: {"individual", "person", "national", "barrel", "ton", "shipment"},
}  # fmt: skip
_DEFAULT_UNIT = {
    ClaimType.LABOR_DISPATCH: "worker",
    ClaimType.TROOP_DEPLOYMENT: "troop",
    ClaimType.VISA_ISSUANCE: "visa",
}
_ITEM_UNITS = ("shell", "missile", "rocket", "container", "drone")
_LOSSES_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:(?:had|have|has)\s+been|were|are|was)\s+(?:\w+ly\s+)?"
    r"(?:killed|wounded|injured|captured|lost)\b|(?:\s+[\w-]+){0,3}?\s+(?:died|dead|casualties)\b"
)


_VESSEL_SIZE = re.compile(
    r"-(?:ton|tonne|foot|feet|metre|meter|dwt)s?\b(?:[\s,]+[\w-]+){0,3}?[\s,]+"
    r"(?:ship|vessel|tanker|carrier|bulker|freighter|boat|cargo ship)s?\b",
    re.I,
)


def _sizes_a_vessel(scan: str, q: ParsedQuantity) -> bool:
    """ "The 17,601-ton bulk carrier was seized": a measure written as the adjective of a
    vessel is the vessel's size, not an amount of goods moved or seized."""
    return _VESSEL_SIZE.match(scan, q.end) is not None


def claim_quantity(
    scan: str,
    claim_type: ClaimType,
    quantities: list[ParsedQuantity],
    trigger: tuple[int, int],
) -> ParsedQuantity | None:
    """The amount that counts the claim at ``trigger``, or None."""
    in_clause = [
        q
        for q in quantities
        if not crosses_clause(scan, *_between(q, trigger), relative=True)
        and not _counts_losses(scan, q)
        and not _sizes_a_vessel(scan, q)
    ]
    return _pick_quantity(claim_type, in_clause, trigger)


def _between(q: ParsedQuantity, trigger: tuple[int, int]) -> tuple[int, int]:
    return (q.end, trigger[0]) if q.end <= trigger[0] else (trigger[1], max(trigger[1], q.start))


def nearest(items: Iterable[_T], anchor: tuple[int, int]) -> _T | None:
    def distance(x: _T) -> int:
        if x.end <= anchor[0]:
            return anchor[0] - x.end
        if x.start >= anchor[1]:
            return x.start - anchor[1]
        return 0

    return min(items, key=lambda x: (distance(x), x.start), default=None)


def _pick_quantity(
    claim_type: ClaimType, quantities: list[ParsedQuantity], anchor: tuple[int, int]
) -> ParsedQuantity | None:
    allowed = _UNITS_FOR_TYPE.get(claim_type)
    if allowed is None:
        return None
    fitting = (
        q
        for q in quantities
        if q.kind in {"count", "money"} and q.unit in allowed and _is_amount(q)
    )
    return nearest(fitting, anchor)


def _counts_losses(scan: str, q: ParsedQuantity) -> bool:
    """ "More than 600 North Korean troops had been killed": casualties, not a deployment."""
    return _LOSSES_AFTER.match(scan, q.end) is not None


def _is_amount(q: ParsedQuantity) -> bool:
    """A bare small number with no counted noun ("the three have supplied") is not an amount."""
    return q.unit is not None or q.low != q.high or (q.low or 0) >= 100


def unit_for(claim_type: ClaimType, parsed: ParsedQuantity, item_text: str | None) -> str | None:
    if parsed.unit:
        return parsed.unit
    lowered = (item_text or "").lower()
    return next((unit for unit in _ITEM_UNITS if unit in lowered), _DEFAULT_UNIT.get(claim_type))
