"""Readable titles and relevance to the 1718 regime, generated from an incident's facts.

A title says what, who, the item, the place or name reports use, and when:
"Arms (munitions) from North Korea to Russia · Rajin, Sep 2023 – Feb 2025". Relevance
says whether the incident belongs in the default view: it does when it involves the
DPRK or maps to a provision of the regime; others are stored and shown behind a filter,
each with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sanctionwatch.domain import ClaimType
from sanctionwatch.domain.provision import ProvisionMatch
from sanctionwatch.resolve.gazetteer import load_gazetteer

REGIME_STATE = "KP"
RELEVANT = "regime"
OTHER = "other"

_NOUNS = {
    ClaimType.ARMS_TRANSFER: "Arms",
    ClaimType.TROOP_DEPLOYMENT: "Troops",
    ClaimType.LABOR_DISPATCH: "Workers",
    ClaimType.TECH_TRANSFER: "Technology",
    ClaimType.TRADE: "Trade",
    ClaimType.FINANCIAL_FLOW: "Funds",
    ClaimType.VISA_ISSUANCE: "Visas",
    ClaimType.MEETING: "Meeting",
    ClaimType.AGREEMENT: "Agreement",
    ClaimType.SANCTIONS_ACTION: "Sanctions",
}
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def title_for(
    claim_type: ClaimType,
    sources: Sequence[str],
    targets: Sequence[str],
    *,
    item: str | None,
    anchors: Sequence[str],
    time_start: str | None,
    time_end: str | None,
) -> str:
    noun = _NOUNS[claim_type]
    what = f"{noun} ({_short(item)})" if item and claim_type is not ClaimType.MEETING else noun
    if claim_type in (ClaimType.MEETING, ClaimType.AGREEMENT):
        who = f": {_names(sources) or 'unnamed parties'}"
    elif claim_type is ClaimType.SANCTIONS_ACTION:
        who = f" by {_names(sources) or 'an unnamed party'} on {_names(targets) or '?'}"
    else:
        origin = f" from {_names(sources)}" if sources else ""
        who = f"{origin} to {_names(targets) or 'an unnamed recipient'}"
    place = f" · {_display(anchors[0])}" if anchors else ""
    return f"{what}{who}{place}, {time_phrase(time_start, time_end)}"


def time_phrase(start: str | None, end: str | None) -> str:
    """ "Sep 2023", "13 Sep 2023", "Sep 2023 – Feb 2025", "until 2024", "undated"."""
    if not start and not end:
        return "undated"
    if not start:
        return f"until {_date(end or '')}"
    if not end or end == start:
        return _date(start)
    return f"{_date(start)} – {_date(end)}"


def relevance_for(
    sources: Sequence[str], targets: Sequence[str], provisions: Sequence[ProvisionMatch]
) -> tuple[str, str]:
    """(``regime`` | ``other``, the reason)."""
    if REGIME_STATE in sources or REGIME_STATE in targets:
        return RELEVANT, "involves North Korea (DPRK)"
    if provisions:
        ids = ", ".join(sorted({m.provision_id for m in provisions})[:3])
        return RELEVANT, f"maps to 1718-regime provisions ({ids})"
    return OTHER, "no North Korean party and no 1718-regime provision"


def _names(codes: Sequence[str]) -> str:
    labels = load_gazetteer().labels
    names = [labels.get(c, c).split(" (")[0] for c in codes]
    return " and ".join(names)


def _short(item: str) -> str:
    words = " ".join(item.split()).split(" ")
    return " ".join(words[:5]) + (" …" if len(words) > 5 else "")


def _display(anchor: str) -> str:
    return " ".join(
        w if any(ch.isdigit() for ch in w) and "-" in w else w.capitalize() for w in anchor.split()
    )


def _date(value: str) -> str:
    parts = value[:10].split("-")
    try:
        if len(parts) == 3:
            day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return value
    return parts[0]
