"""Map a group of claims (an incident's) to provisions: what the claims say about the event.

Reads, for the claims that support an incident: whether any of them reports an event at
all (only events breach), the modality the event is reported with (fact, alleged,
planned), which way each item flows, and the event's interval. ``map_incident`` does
the matching; this module decides what to feed it.

Two guards against extraction and clustering errors the law can see: an item counts only
from claims whose own direction agrees with the incident's (a Russia-to-China claim that
joined a DPRK-to-Russia incident does not lend it its item), and a code that every claim
names only through coreference cannot carry a violation on its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from sanctionwatch.domain import Claim, ClaimType, Modality, ProvisionMatch
from sanctionwatch.domain.dates import first_day, last_day
from sanctionwatch.law.eventhood import EventReading, read_event
from sanctionwatch.law.flows import read_flows
from sanctionwatch.law.mapper import coref_only_codes, map_incident, modality_word
from sanctionwatch.law.regime import Regime

_SUPPORTING = (Modality.FACT, Modality.UNCERTAIN, Modality.PLANNED)


def event_readings(claims: Iterable[Claim]) -> dict[str, EventReading]:
    return {claim.id: read_event(claim) for claim in claims}


def group_modality(claims: Sequence[Claim]) -> str:
    """fact when any claim states it; else alleged; else planned; else denied/negated."""
    present = {c.modality for c in claims}
    for modality in (*_SUPPORTING, Modality.DENIED, Modality.NEGATED):
        if modality in present:
            return modality_word(modality)
    return ""


def map_claim_group(
    claim_type: ClaimType | str,
    sources: Iterable[str],
    targets: Iterable[str],
    claims: Sequence[Claim],
    *,
    time_start: str | None,
    time_end: str | None,
    published: str | None = None,
    regime: Regime | None = None,
) -> list[ProvisionMatch]:
    """Provisions for an incident's claims (supporting first; any claim when none support).

    ``time_start``/``time_end`` are the incident's time; ``published`` (ISO day) is its
    first report, used only to bound an undated reported (not planned) event.
    """
    support = [c for c in claims if c.modality in _SUPPORTING] or list(claims)
    readings = event_readings(support)
    events = [c for c in support if readings[c.id].is_event]
    non_event = None
    if support and not events:
        first = min(support, key=lambda c: c.id)
        non_event = readings[first.id].reason
        events = support
    sources, targets = tuple(sources), tuple(targets)
    forward: Counter[str] = Counter()
    counter: Counter[str] = Counter()
    counter_reason = ""
    notes: list[str] = []
    carriers = [c for c in events if _agrees(c, sources, targets)] or events
    for claim in sorted(carriers, key=lambda c: c.id):
        flows = read_flows(claim)
        forward.update(" ".join(i.split()) for i in flows.forward if i.strip())
        counter.update(" ".join(i.split()) for i in flows.counter if i.strip())
        counter_reason = counter_reason or flows.reason
        notes.extend(flows.notes)
    weak = coref_only_codes(support)
    dated = bool(time_start or time_end)
    modality = group_modality(events)
    start_day = first_day(time_start or time_end) if dated else None
    end_day = last_day(time_end or time_start) if dated else None
    if dated:
        latest = end_day.isoformat() if end_day else None
    else:
        latest = None if modality == "planned" else published
    return map_incident(
        claim_type,
        sources,
        targets,
        _ranked(forward),
        earliest=start_day.isoformat() if start_day else None,
        latest=latest,
        dated=dated,
        modality=modality,
        non_event=non_event,
        counter_items=_ranked(counter),
        counter_reason=counter_reason,
        item_notes=list(dict.fromkeys(notes)),
        coref_sources=weak["source"],
        coref_targets=weak["target"],
        unnamed_sources=weak["source_rule"],
        unnamed_targets=weak["target_rule"],
        coref_parties=weak["party"],
        sentences=[c.evidence.text for c in sorted(carriers, key=lambda c: c.id)],
        regime=regime,
    )


def _agrees(claim: Claim, sources: Sequence[str], targets: Sequence[str]) -> bool:
    """The claim's own roles do not point elsewhere than the incident's (empty agrees)."""
    if claim.source_codes and sources and not set(claim.source_codes) & set(sources):
        return False
    return not (claim.target_codes and targets and not set(claim.target_codes) & set(targets))


def _ranked(counts: Counter[str]) -> list[str]:
    return sorted(counts, key=lambda item: (-counts[item], item.casefold()))
