"""Quantities across sources: every figure with who reported it, and a conservative estimate.

Figures are never averaged: "1 million shells" and "5 million shells" are two claims about
the world, and at most one is right. The estimate is the lowest *well-supported* figure:
one stated as fact (not hedged) by two or more independent origins, or by one origin
rated C or better. Figures in other units are listed but never mixed in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from sanctionwatch.assess.origins import states_fact
from sanctionwatch.assess.sources import DocumentInfo, reliability_rank
from sanctionwatch.domain import Claim, Quantity
from sanctionwatch.domain.incident import Contradiction, Estimate, Figure, Origin

_WELL_RATED = reliability_rank("C")


def main_unit(quantities: Sequence[Quantity]) -> str | None:
    """The unit most claims give (ties: alphabetical); None without quantities."""
    if not quantities:
        return None
    counts = Counter(q.unit for q in quantities)
    return min(counts, key=lambda u: (-counts[u], u or ""))


def collect_figures(
    claims: Sequence[Claim],
    origins: Sequence[Origin],
    *,
    documents: Mapping[str, DocumentInfo] | None = None,
) -> list[Figure]:
    """One figure per distinct (range, unit, kind, rate), smallest first within a unit; a
    figure put in a reporter's question (``documents`` give the turns) is not stated."""
    documents = documents or {}
    origin_of = {cid: o.label for o in origins for cid in o.claim_ids}
    groups: dict[tuple[float | None, float | None, str | None, str, str | None], list[Claim]] = {}
    for claim in sorted(claims, key=lambda c: c.id):
        q = claim.quantity
        if q is not None and (q.low is not None or q.high is not None):
            groups.setdefault((q.low, q.high, q.unit, q.kind, q.rate), []).append(claim)
    figures = [
        Figure(
            low=low,
            high=high,
            unit=unit,
            kind=kind,
            rate=rate,
            text=members[0].quantity.span.text if members[0].quantity else "",
            claim_ids=tuple(c.id for c in members),
            reported_by=tuple(sorted({origin_of.get(c.id, c.document_id[:12]) for c in members})),
            stated_as_fact=any(states_fact(c, documents.get(c.document_id)) for c in members),
        )
        for (low, high, unit, kind, rate), members in groups.items()
    ]
    return sorted(figures, key=lambda f: (f.unit or "", _floor(f), f.high or 0.0, f.claim_ids))


def conservative_estimate(
    figures: Sequence[Figure], origins: Sequence[Origin], *, unit: str | None
) -> Estimate | None:
    """The lowest well-supported figure in ``unit`` that gives a floor; None if there is none."""
    letter = {o.label: o.reliability for o in origins}
    candidates = []
    for figure in figures:
        if figure.unit != unit or figure.low is None or not figure.stated_as_fact:
            continue
        rated = [name for name in figure.reported_by if name in letter]
        well_rated = [n for n in rated if reliability_rank(letter[n]) <= _WELL_RATED]
        if len(figure.reported_by) >= 2 or well_rated:
            candidates.append((figure, well_rated))
    if not candidates:
        return None
    figure, well_rated = min(candidates, key=lambda pair: (pair[0].low or 0.0, pair[0].claim_ids))
    who = "; ".join(figure.reported_by)
    if len(figure.reported_by) >= 2:
        why = f"stated as fact by {len(figure.reported_by)} independent origins ({who})"
    else:
        why = f"stated as fact by {who}, rated {letter[well_rated[0]]}"
    others = sum(1 for f in figures if f.unit == unit and f is not figure)
    tail = f"; {others} other figure{'s' if others != 1 else ''} in this unit" if others else ""
    basis = f"the lowest well-supported figure, {say_figure(figure)}, {why}{tail}"
    return Estimate(
        value=float(figure.low or 0.0), unit=unit, basis=basis, claim_ids=figure.claim_ids
    )


def figure_disputes(figures: Sequence[Figure], *, unit: str | None) -> list[Contradiction]:
    """A contradiction when figures in one unit cannot all be right (their ranges do not meet)."""
    same = [f for f in figures if f.unit == unit]
    if len(same) < 2:
        return []
    lows = [f.low for f in same if f.low is not None]
    highs = [f.high for f in same if f.high is not None]
    if not lows or not highs or max(lows) <= min(highs):
        return []
    listed = "; ".join(f"{say_figure(f)} ({', '.join(f.reported_by)})" for f in same)
    return [
        Contradiction(
            kind="figure",
            claim_ids=tuple(sorted(cid for f in same for cid in f.claim_ids)),
            reason=f"sources give figures that cannot all be right: {listed}",
        )
    ]


def say_figure(figure: Figure) -> str:
    """ "1,000,000 shells", "up to 500,000 workers", "more than 2 tons", "USD 1,000,000"."""
    low, high = figure.low, figure.high
    if low is not None and high is not None and low != high:
        value = f"{_number(low)}–{_number(high)}"
    elif low is not None and high is not None:
        value = _number(low)
    elif low is not None:
        value = f"at least {_number(low)}"
    else:
        value = f"up to {_number(high or 0.0)}"
    unit = figure.unit or ""
    if unit.isupper():
        text = f"{unit} {value}"
    else:
        plural = unit.isalpha() and (high or low) != 1 and not unit.endswith("s")
        text = f"{value} {unit}{'s' if plural else ''}".strip()
    return f"{text} a {figure.rate}" if figure.rate else text


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 or value == int(value) else f"{value:,.2f}"


def _floor(figure: Figure) -> float:
    return figure.low if figure.low is not None else (figure.high or 0.0)
