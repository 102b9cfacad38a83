"""Map claims (or incidents, through their aggregated roles) to provisions, with reasons.

``map_incident`` is the matcher; every match says why:

- **direction and item**: a condition holds on claim type, source/target codes and the
  item, read as keywords or item categories (``law/data/items.yaml``); money offered as
  "arms" is mapped as a payment; items given "in return" flow the other way (their own
  flow, with its own most specific paragraph);
- **most specific wins**: within one flow, a condition marked ``catch_all`` is dropped when
  a specific one holds, and says "catch-all" when kept;
- **time in force** over the event's interval (``law/timing.py``), shown as ``in_force``;
- **only events breach**: ``non_event`` (a forecast, suggestion, ... see
  ``law/eventhood.py``) turns every match into ``kind: context``;
- **modality** (fact, alleged, planned) is shown beside every match.

``map_claim`` reads all of this off one claim; ``map_incident_roles`` tests type,
direction and item only (no time). ``law/claims.py`` feeds an incident's claims in.
Indicators that are not violations by themselves keep ``kind: indicator``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sanctionwatch.domain import Claim, ClaimType, Modality, Provision, ProvisionMatch
from sanctionwatch.domain.dates import first_day, last_day
from sanctionwatch.law.eventhood import read_event
from sanctionwatch.law.flows import FINANCE_CATEGORIES, read_flows
from sanctionwatch.law.items import load_item_categories
from sanctionwatch.law.loader import load_regime
from sanctionwatch.law.regime import Condition, Regime, normalise_item_text
from sanctionwatch.law.timing import InForce, check_in_force
from sanctionwatch.law.wording import describe_coref, describe_roles, describe_self_flow
from sanctionwatch.resolve.gazetteer import find_actors

MAPPER = "law.mapper@v8"
COREF_PREFIX = "coref:"
# A link's address is not the sentence's words ("...north-korea-flagged-ship...").
_LINK = re.compile(r"\(?https?://\S+|www\.\S+")

_STATUS_WARNINGS = {
    "unverified": "paragraph number unverified: do not cite a paragraph",
    "partial": "sub-paragraph mapping partial",
    "verified_xref": "paragraph number verified by cross-reference only",
}
_ITEM_NOT_CONFIRMED = "item not confirmed as covered by this provision"


def map_claim(
    claim: Claim, *, published: str | None = None, regime: Regime | None = None
) -> list[ProvisionMatch]:
    """Provisions one claim falls under, read as a one-claim incident.

    Reads what the claim says about itself: whether it is an event at all
    (``read_event``), which way its items flow (``read_flows``), its time, and its
    modality. ``published`` (ISO) bounds an undated reported event.
    """
    reading = read_event(claim)
    flows = read_flows(claim)
    weak = coref_only_codes([claim])
    start = claim.time.start if claim.time else None
    end = claim.time.end if claim.time else None
    dated = bool(start or end)
    planned = claim.modality is Modality.PLANNED
    latest = _interval_end(end or start) if dated else (None if planned else published)
    return map_incident(
        claim.type,
        claim.source_codes,
        claim.target_codes,
        flows.forward,
        earliest=_interval_start(start or end) if dated else None,
        latest=latest,
        dated=dated,
        modality=modality_word(claim.modality),
        non_event=None if reading.is_event else reading.reason,
        counter_items=flows.counter,
        counter_reason=flows.reason,
        item_notes=flows.notes,
        coref_sources=weak["source"],
        coref_targets=weak["target"],
        unnamed_sources=weak["source_rule"],
        unnamed_targets=weak["target_rule"],
        coref_parties=weak["party"],
        sentences=(claim.evidence.text,),
        regime=regime,
    )


def coref_only_codes(claims: Iterable[Claim]) -> dict[str, frozenset[str]]:
    """Per side, the codes the claims name only through coreference, never by a name.

    ``source``/``target``: codes no sentence names; ``source_rule``/``target_rule``: codes
    no claim fills by a name (a sentence may still mention them in another role);
    ``party``: codes no sentence names in either role.

    The extractor records a role filled by coreference ("it", "the country", the
    document's topic) as ``source:coref:...`` / ``target:coref:...`` in ``Claim.rules``.
    A state the sentence itself names ("DPRK procurement agents") is named, whatever rule
    filled the role.
    """
    named: dict[str, set[str]] = {"source": set(), "target": set()}
    coref: dict[str, set[str]] = {"source": set(), "target": set()}
    by_name: dict[str, set[str]] = {"source": set(), "target": set()}
    every: dict[str, set[str]] = {"source": set(), "target": set()}
    for claim in claims:
        in_sentence: set[str] | None = None
        for side, fillers in (("source", claim.sources), ("target", claim.targets)):
            by_coref = any(r.startswith(f"{side}:{COREF_PREFIX}") for r in claim.rules)
            for filler in fillers:
                weak = by_coref or filler.rule.startswith(COREF_PREFIX)
                every[side].add(filler.value)
                if not weak:
                    by_name[side].add(filler.value)
                if weak:
                    if in_sentence is None:
                        words = _LINK.sub(" ", claim.evidence.text)
                        in_sentence = {m.code for m in find_actors(words)}
                    weak = filler.value not in in_sentence
                (coref if weak else named)[side].add(filler.value)
    found = {side: frozenset(coref[side] - named[side]) for side in named}
    for side in every:
        found[f"{side}_rule"] = frozenset(every[side] - by_name[side])
    # A party condition reads the flow either way: a code a sentence names in either role
    # is named, whichever side an incident's roles put it on.
    found["party"] = frozenset(
        (coref["source"] | coref["target"]) - named["source"] - named["target"]
    )
    return found


def modality_word(modality: Modality) -> str:
    """The word shown beside a provision: fact, alleged, planned, denied, negated."""
    return "alleged" if modality is Modality.UNCERTAIN else modality.value


def _interval_start(value: str | None) -> str | None:
    day = first_day(value)
    return day.isoformat() if day else None


def _interval_end(value: str | None) -> str | None:
    day = last_day(value)
    return day.isoformat() if day else None


def map_incident_roles(
    claim_type: ClaimType | str,
    sources: Iterable[str],
    targets: Iterable[str],
    item: str | None,
    *,
    regime: Regime | None = None,
) -> list[ProvisionMatch]:
    """Provisions for a type, source codes, target codes and item, with no time test."""
    return map_incident(claim_type, sources, targets, [item] if item else [], regime=regime)


def map_incident(
    claim_type: ClaimType | str,
    sources: Iterable[str],
    targets: Iterable[str],
    items: Sequence[str] = (),
    *,
    latest: str | None = None,
    earliest: str | None = None,
    dated: bool = True,
    planned_only: bool = False,
    modality: str = "",
    non_event: str | None = None,
    counter_items: Sequence[str] = (),
    counter_reason: str = "",
    item_notes: Sequence[str] = (),
    coref_sources: frozenset[str] = frozenset(),
    coref_targets: frozenset[str] = frozenset(),
    unnamed_sources: frozenset[str] = frozenset(),
    unnamed_targets: frozenset[str] = frozenset(),
    coref_parties: frozenset[str] | None = None,
    sentences: Sequence[str] = (),
    regime: Regime | None = None,
) -> list[ProvisionMatch]:
    """Provisions an incident implicates: violations, then indicators, then context.

    ``items`` flow from the sources to the targets, most named first; ``counter_items``
    were given in return and flow the other way. ``earliest``/``latest`` bound the event
    (ISO days); undated, ``latest`` is its first report. ``modality`` (fact, alleged,
    planned) is shown beside every match; ``non_event`` (the reason a claim is a forecast,
    suggestion, ...) turns every match into context: only events breach.
    ``item_notes`` say how the items were read (``law/flows.py``). ``coref_sources`` /
    ``coref_targets`` are codes named only through coreference: a violation that rests on
    such a code for the role it needs (the DPRK as supplier, ...) is kept as context, and
    so is a directed violation on a code that claims fill by name as both source and target
    (``unnamed_*``: codes no claim fills by name on that side). ``coref_parties`` are the
    codes no sentence names in either role, for conditions on a party (either direction);
    None reads the parties off the two sides. ``sentences`` are the claims' own sentences,
    read for the method a condition names ("ship-to-ship"), never for items.
    """
    regime = regime if regime is not None else load_regime()
    claim_type = ClaimType(claim_type)
    if planned_only and not modality:
        modality = "planned"
    forward = list(dict.fromkeys(items))
    notes: list[str] = list(item_notes)
    if claim_type is ClaimType.ARMS_TRANSFER and forward and all(_is_money(i) for i in forward):
        claim_type = ClaimType.FINANCIAL_FLOW
        notes.append(f"the item given ({forward[0]}) is money: mapped as a payment, not as arms")
    elif claim_type is ClaimType.ARMS_TRANSFER and forward and all(_is_civil(i) for i in forward):
        claim_type = ClaimType.TRADE
        notes.append(f"the item given ({forward[0]}) is not arms: mapped as trade, not as arms")
    elif claim_type in _GOODS_ONLY and forward and all(_is_non_goods(i) for i in forward):
        # "sharing of missile warning data", "missile tests", "a money laundering
        # jurisdiction": nothing that is goods or money moves.
        non_event = non_event or (
            f"what the sentence names ({forward[0]}) is neither goods nor money, so nothing "
            "is transferred"
        )
    elif claim_type is ClaimType.FINANCIAL_FLOW and forward and all(_is_goods(i) for i in forward):
        claim_type = ClaimType.TRADE
        notes.append(f"what flows ({forward[0]}) is goods, not money: mapped as trade")
    first_items: list[str | None] = [*forward] or [None]
    flows = [
        _Flow(
            claim_type,
            frozenset(sources),
            frozenset(targets),
            first_items,
            notes,
            (coref_sources, unnamed_sources),
            (coref_targets, unnamed_targets),
            coref_parties,
        )
    ]
    for item in dict.fromkeys(counter_items):
        if not load_item_categories().category_ids(item):
            continue  # "in return for its support": nothing the regime names flows back
        flows.append(
            _Flow(
                _counter_type(claim_type, item),
                frozenset(targets),
                frozenset(sources),
                [item],
                [f"{counter_reason or 'given in return'}: '{item}' flows from target to source"],
                (coref_targets, unnamed_targets),
                (coref_sources, unnamed_sources),
                coref_parties,
            )
        )
    merged: dict[str, tuple[int, ProvisionMatch]] = {}
    for flow in flows:
        flow_type, flow_sources, flow_targets = flow.type, flow.sources, flow.targets
        found: list[tuple[int, ProvisionMatch, bool]] = []
        not_yet: list[str] = []
        for position, provision in enumerate(regime.provisions):
            hits = []
            for condition in regime.conditions_for(provision.id):
                hit = _best_hit(
                    condition, flow_type, flow_sources, flow_targets, flow.items, sentences
                )
                if hit is not None:
                    weak = _rests_on_coref(condition, flow)
                    hits.append(replace(hit, reasons=[*flow.notes, *hit.reasons], coref=weak))
            if not hits:
                continue
            timing = None
            if earliest is not None or latest is not None or not dated:
                timing = check_in_force(
                    provision,
                    earliest=earliest,
                    latest=latest,
                    dated=dated,
                    breach_from=regime.breach_from.get(provision.id),
                )
                if not timing.keep:
                    if any(h.specific and h.condition.kind == "violation" for h in hits):
                        not_yet.append(provision.id)
                    continue
            match = _build_match(provision, hits, timing, modality=modality)
            violations = [h for h in hits if h.condition.kind == "violation"]
            if match.kind == "violation" and all(h.coref for h in violations):
                match = _as_coref_context(match, violations[0].coref)
            specific = any(h.specific for h in violations)
            found.append((position, match, specific))
        # The most specific paragraph wins within one flow; each flow has its own.
        for position, match, _ in _most_specific(found, not_yet):
            if match.provision_id in merged:
                match = _merge(merged[match.provision_id][1], match)
            merged[match.provision_id] = (position, match)
    result = [(position, match, True) for position, match in merged.values()]
    if non_event:
        result = [(p, _as_context(m, non_event), s) for p, m, s in result]
    order = {"violation": 0, "indicator": 1, "context": 2}
    result.sort(key=lambda entry: (order.get(entry[1].kind, 3), entry[0]))
    return [match for _, match, _ in result]


def _merge(first: ProvisionMatch, second: ProvisionMatch) -> ProvisionMatch:
    """One provision reached by both flows: the stronger kind, every reason once."""
    order = {"violation": 0, "indicator": 1, "context": 2}
    kind = min(first.kind, second.kind, key=lambda k: order.get(k, 3))
    return replace(
        first,
        kind=kind,
        reasons=_unique([*first.reasons, *second.reasons]),
        warnings=_unique([*first.warnings, *second.warnings]),
    )


@dataclass(frozen=True, slots=True)
class _Hit:
    condition: Condition
    reasons: list[str]
    warnings: list[str]
    specific: bool
    coref: str = ""
    """Why the role the condition needs rests only on coreference, else empty."""


@dataclass(frozen=True, slots=True)
class _Flow:
    """One direction of flow: what goes from ``sources`` to ``targets``, and why."""

    type: ClaimType
    sources: frozenset[str]
    targets: frozenset[str]
    items: list[str | None]
    notes: list[str]
    source_weakness: tuple[frozenset[str], frozenset[str]]
    target_weakness: tuple[frozenset[str], frozenset[str]]
    """(codes no sentence names, codes no claim fills by name) on each side."""
    party_weakness: frozenset[str] | None = None
    """Codes no sentence names in either role (None: read them off the two sides)."""

    @property
    def coref_sources(self) -> frozenset[str]:
        return self.source_weakness[0]

    @property
    def coref_targets(self) -> frozenset[str]:
        return self.target_weakness[0]


def _rests_on_coref(condition: Condition, flow: _Flow) -> str:
    """Why the role the condition needs is not established, else "".

    Either the codes that satisfy it come only from coreference, or a code is named as both
    source and target (a transfer to oneself: the direction is not established).
    """
    sides = (
        ("source", condition.source & flow.sources, flow.coref_sources),
        ("target", condition.target & flow.targets, flow.coref_targets),
    )
    for side, matched, weak in sides:
        if matched and matched <= weak:
            return describe_coref(flow.type, side, matched)
    if flow.type not in _SYMMETRIC:
        named_both = (flow.sources - flow.source_weakness[1]) & (
            flow.targets - flow.target_weakness[1]
        )
        for _, matched, _ in sides:
            if matched and matched <= named_both:
                return describe_self_flow(flow.type, matched)
    if condition.party:
        matched = condition.party & (flow.sources | flow.targets)
        if flow.party_weakness is not None:
            weak_codes = set(matched & flow.party_weakness)
        else:
            weak_codes = {
                code
                for code in matched
                if (code not in flow.sources or code in flow.coref_sources)
                and (code not in flow.targets or code in flow.coref_targets)
            }
        if matched and matched == weak_codes:
            return describe_coref(flow.type, "party", matched)
    return ""


_SYMMETRIC = frozenset({ClaimType.MEETING, ClaimType.AGREEMENT})


def _as_coref_context(match: ProvisionMatch, why: str) -> ProvisionMatch:
    return replace(
        match,
        kind="context",
        reasons=(f"not listed as a violation: {why}", *match.reasons),
        warnings=_unique([*match.warnings, "context only: the role it needs is not established"]),
    )


def _is_money(item: str) -> bool:
    return load_item_categories().category_ids(item) == {"funds"}


def _is_civil(item: str | None) -> bool:
    """Goods of a named civil category (machinery, oil, food), none of them military."""
    categories = load_item_categories().category_ids(item)
    return _is_goods(item) and not categories & _MILITARY_CATEGORIES


_MILITARY_CATEGORIES = frozenset(
    {"heavy_arms", "small_arms", "missiles", "wmd", "dual_use", "arms_general", "military_tech"}
)


_GOODS_ONLY = frozenset({ClaimType.ARMS_TRANSFER, ClaimType.TRADE, ClaimType.FINANCIAL_FLOW})


def _is_non_goods(item: str | None) -> bool:
    """Every word of the item is a non-goods head ("warning data", "tests")."""
    words = (item or "").split()
    heads = load_item_categories().non_goods_heads
    return bool(words) and all(normalise_item_text(w) in heads for w in words)


def _is_goods(item: str | None) -> bool:
    categories = load_item_categories().category_ids(item)
    return bool(categories) and not categories & FINANCE_CATEGORIES


def _counter_type(claim_type: ClaimType, item: str) -> ClaimType:
    categories = load_item_categories().category_ids(item)
    if categories & _ARMS_CATEGORIES:
        return ClaimType.ARMS_TRANSFER
    if categories == {"funds"}:
        return ClaimType.FINANCIAL_FLOW
    return ClaimType.TRADE if claim_type is not ClaimType.TECH_TRANSFER else claim_type


_ARMS_CATEGORIES = frozenset({"heavy_arms", "small_arms", "missiles", "wmd", "arms_general"})


def _most_specific(
    found: list[tuple[int, ProvisionMatch, bool]],
    not_yet: Sequence[str] = (),
) -> list[tuple[int, ProvisionMatch, bool]]:
    """Drop catch-all violations when a specific one holds; say so on those kept.

    A specific paragraph kept only as context because a role is not established still
    fits the item and direction, so the catch-all does not take its place. Nor does it
    when the specific paragraph (``not_yet``) was adopted after the event: the item's own
    ban says when it became banned, and a catch-all does not back-date it.
    """
    if any(specific for _, _, specific in found):
        return [e for e in found if e[1].kind != "violation" or e[2]]
    if not_yet:
        why = (
            f"not listed as a violation: the specific paragraph for this item and direction "
            f"({', '.join(not_yet)}) was not yet in force, and a catch-all does not take its "
            "place"
        )
        return [
            (p, replace(m, kind="context", reasons=(why, *m.reasons)), s)
            if m.kind == "violation" and not s
            else (p, m, s)
            for p, m, s in found
        ]
    out = []
    for position, match, specific in found:
        if match.kind == "violation" and not specific:
            match = replace(match, reasons=(*match.reasons, _CATCH_ALL))
        out.append((position, match, specific))
    return out


_CATCH_ALL = "catch-all: applies because no more specific paragraph fits this item and direction"


def _as_context(match: ProvisionMatch, non_event: str) -> ProvisionMatch:
    return replace(
        match,
        kind="context",
        reasons=(f"not an event, so no violation: {non_event}", *match.reasons),
        warnings=_unique([*match.warnings, "context only: the claim is not an event"]),
    )


def _best_hit(
    condition: Condition,
    claim_type: ClaimType,
    sources: frozenset[str],
    targets: frozenset[str],
    items: Sequence[str | None],
    sentences: Sequence[str] = (),
) -> _Hit | None:
    """The hit for the first item that satisfies the item test, else the first that holds."""
    method = None
    if condition.sentence_keywords:
        method = condition.find_method(sentences)
        if method is None:
            return None
    first: _Hit | None = None
    for item in items:
        outcome = _match_condition(condition, claim_type, sources, targets, item)
        if outcome is not None and method is not None:
            reasons, warnings, specific = outcome
            outcome = ([*reasons, f"the sentence names the method ('{method}')"], warnings, True)
        if outcome is None:
            continue
        reasons, warnings, specific = outcome
        hit = _Hit(condition, reasons, warnings, specific)
        if specific or not (condition.item_keywords or condition.item_categories):
            return hit
        first = first or hit
    return first


def _match_condition(
    condition: Condition,
    claim_type: ClaimType,
    sources: frozenset[str],
    targets: frozenset[str],
    item: str | None,
) -> tuple[list[str], list[str], bool] | None:
    """(reasons, warnings, specific) when the condition holds, else None."""
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
    hits = load_item_categories().categorise(item)
    if condition.exclude_categories and any(
        h.category in condition.exclude_categories for h in hits
    ):
        return None
    keyword = condition.find_keyword(item)
    category = next((h for h in hits if h.category in condition.item_categories), None)
    restricted = bool(condition.item_keywords or condition.item_categories)
    matched = keyword is not None or category is not None
    if restricted and condition.item_match == "required" and not matched:
        return None
    reasons = [describe_roles(condition, claim_type, sources, targets)]
    warnings: list[str] = []
    if category is not None:
        reasons.append(
            f"item '{item}' is in category {category.category} ({category.label}: "
            f"'{category.keyword}')"
        )
    elif keyword is not None:
        reasons.append(f"item '{item}' matches keyword '{keyword}'")
    elif restricted and item:
        reasons.append(
            f"item '{item}' names none of the listed items: mapped on claim type and direction"
        )
        warnings.append(_ITEM_NOT_CONFIRMED)
    elif restricted:
        reasons.append("no item given: mapped on claim type and direction")
        warnings.append(_ITEM_NOT_CONFIRMED)
    if condition.kind == "indicator":
        reasons.append("an indicator, not a violation by itself")
    specific = not condition.catch_all and (matched or not restricted)
    return reasons, warnings, specific


def _build_match(
    provision: Provision,
    hits: Sequence[_Hit],
    timing: InForce | None = None,
    *,
    modality: str = "",
) -> ProvisionMatch:
    # Several conditions of one provision can hold; report one match carrying all reasons,
    # named after the strongest condition (a violation beats an indicator).
    violations = [hit for hit in hits if hit.condition.kind == "violation"]
    used = violations or list(hits)
    reasons = list(_unique(reason for hit in used for reason in hit.reasons))
    warnings = [w for w in (_STATUS_WARNINGS.get(provision.status),) if w]
    warnings += [warning for hit in used for warning in hit.warnings]
    kind = "violation" if violations else "indicator"
    in_force = ""
    if timing is not None:
        in_force = timing.text
        reasons.append(timing.text)
        warnings += timing.warnings
        if timing.before_deadline and kind == "violation":
            kind = "context"
    if modality:
        reasons.append(f"modality: {modality} ({_MODALITY_WORDS.get(modality, modality)})")
    return ProvisionMatch(
        provision_id=provision.id,
        kind=kind,
        reasons=tuple(reasons),
        status=provision.status,
        rule=used[0].condition.id,
        warnings=_unique(warnings),
        modality=modality,
        in_force=in_force,
    )


_MODALITY_WORDS = {
    "fact": "reported as having happened",
    "alleged": "reported as alleged or suspected: a breach if the report is true",
    "planned": "reported only as planned or offered: a breach once carried out",
    "denied": "reported, and denied by an actor",
}


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
