"""Which candidate mentions become claims, and how many: one claim per event per
sentence, the head of an item deciding its type, and no claim from back-references,
suppositions, law text or methods described in general.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from sanctionwatch.domain import Claim, ClaimType, make_span
from sanctionwatch.extract.coref import ONE_THEFT, THOSE_FUNDS
from sanctionwatch.extract.cues import clause_around
from sanctionwatch.extract.lexicon import TriggerRule
from sanctionwatch.extract.roles import Roles
from sanctionwatch.extract.times import ANCHOR_WORDS

_VOICE_RANK = {
    "agent": 0,
    "recipient": 0,
    "item_first": 1,
    "sanctions": 1,
    "nominal": 2,
    "parties": 2,
}
# Same-type triggers further apart than this (characters) are separate events.
_SEPARATE_TRIGGERS = 70
_DEFINITE_BEFORE = re.compile(
    r"\b(the|this|that|these|those|such|its|their|his|her)\s+(?:[\w-]+\s+){0,2}$", re.I
)
# "troops deployed to Russia", "the deployed troops": a participle that takes the event
# as given, the way a back-reference does (no auxiliary: "troops were deployed" asserts).
_PRESUPPOSED = re.compile(
    r"^(?:[\w-]+ ){0,2}?(?:troops|soldiers|workers|labou?rers|shells|missiles|weapons) "
    r"(?:deployed|sent|dispatched|supplied|provided|stationed|shipped|delivered)\b"
    r"|^(?:deployed|dispatched|stationed)\b",
    re.I,
)
_IMPLEMENTING = re.compile(r"\bimplement(?:s|ed|ing|ation of)?\b(?:\s+[\w’'-]+){0,8}\s*$", re.I)
_INCLUDING = re.compile(r"\b(?:including|such as|notably|among them)\b", re.I)
_IF = re.compile(r"[\s“\"]*(?:If|Unless)\b")
_COORDINATED_KINDS = re.compile(r"(?:\s+[\w-]+)?,?\s+(?:and|as well as|plus)\s+")
_TECH_HEAD = re.compile(r"\b(?:know-how|technolog(?:y|ies)|expertise|assistance)\b", re.I)
_DEMONSTRATIVES = {"this", "that", "these", "those", "such"}
_GENERIC_ITEM = re.compile(r"\b(?:items|goods|components|parts|products|materials)\b", re.I)
_UNDER_SANCTIONS = re.compile(
    r"\b(?:violat\w*|breach\w*|evad\w*|evasion of|circumvent\w*|skirt\w*|defiance of|afoul of|under|despite)\s+(?:[\w.’'-]+\s+){0,4}$",
    re.I,
)
_TIME_ANCHOR_BEFORE = re.compile(
    rf"\b{ANCHOR_WORDS}\b(?P<definite>\s+the\b)?(?:\s+[\w’'-]+){{0,6}}\s*$",
    re.I,
)
_ADJECTIVAL_PARTICIPLE = re.compile(
    r"(?:imported|exported|transferred|supplied|smuggled|procured|delivered|shipped)\s", re.I
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|little|much|more|less|some|any|of|and|with|on|its|their|such|these|those)\s+$",
    re.I,
)
# Types whose unnamed, undated, unsourced mentions are mostly descriptions of a method.
_DETAIL_NEEDED = {ClaimType.FINANCIAL_FLOW}


@dataclass(frozen=True, slots=True)
class Candidate:
    rule: TriggerRule
    trigger: tuple[int, int]
    item: tuple[int, int] | None
    roles: Roles
    text: str
    """The (masked) document text the offsets point into."""
    syntax: dict[str, str] = field(default_factory=dict)
    """What the parse says about the trigger (:func:`grammar.syntax_features`)."""
    proposers: int = 1
    """How many proposers (trigger patterns, trigger lemmas) found this event."""

    @property
    def score(self) -> int:
        return len(self.roles.sources) + len(self.roles.targets) - _VOICE_RANK[self.rule.voice]


def drop_repeats(claims: list[Claim], *, nominal: set[str]) -> list[Claim]:
    """A later noun-phrase mention of an event already claimed, adding no number, date or
    cited source, is a passing back-reference ("its arms transfers", after "may have sent
    shells": the noun takes the event as given, whatever the first telling's modality), and
    so is a participle ("troops deployed to Russia") naming no party the first telling did
    not. Annotators and analysts count the event once. Full restatements are kept."""
    seen: set[tuple[object, ...]] = set()
    kept: list[Claim] = []
    for claim in claims:
        key = (claim.type, claim.source_codes, claim.target_codes)
        adds_detail = claim.quantity or claim.time or claim.attributions
        if not adds_detail and (
            (key in seen and claim.rules[0] in nominal)
            or (
                _PRESUPPOSED.search(claim.trigger.text)
                and any(k.type == claim.type and _subsumes(k, claim) for k in kept)
            )
        ):
            continue
        seen.add(key)
        kept.append(claim)
    return kept


def is_back_reference(scan: str, candidate: Candidate, claim: Claim) -> bool:
    """ "The theft", "this laundering", "such arms sales": a passing reference to an event
    already told, which annotators (and analysts) skip unless the sentence adds a detail:
    a number, a date, a cited source or a named state."""
    if _ADJECTIVAL_PARTICIPLE.match(claim.trigger.text) and _DETERMINER_BEFORE.search(
        scan, max(0, claim.trigger.start - 12), claim.trigger.start
    ):
        return True  # "little imported technology", "the transferred technologies": a kind
    named = any("coref:" not in rule for rule in candidate.roles.rules)
    detail = bool(claim.quantity or claim.time or claim.attributions)
    # "The stolen funds were sent to 50 wallets": what happened to one theft's proceeds,
    # not how laundering works in general.
    specific = any(
        pattern.search(scan, claim.evidence.start, claim.evidence.end) is not None
        for pattern in (ONE_THEFT, THOSE_FUNDS)
    )
    if (
        candidate.rule.type == ClaimType.MEETING
        and (
            anchor := _TIME_ANCHOR_BEFORE.search(
                scan, max(claim.evidence.start, claim.trigger.start - 60), claim.trigger.start
            )
        )
        and (
            claim.time is None
            or claim.time.span.start < anchor.start()
            or anchor.group("definite") is not None
        )
    ):
        # "two months after the two leaders met": a meeting used to date something else,
        # unless the anchor introduces and dates it ("following a September 2023 meeting";
        # "following the September summit" points back to one already told).
        return True
    if candidate.rule.voice == "parties" and _IMPLEMENTING.search(
        scan, max(claim.evidence.start, claim.trigger.start - 90), claim.trigger.start
    ):
        return True  # "implementing the agreements reached at the summit": one already held
    if candidate.rule.type == ClaimType.SANCTIONS_ACTION and _UNDER_SANCTIONS.search(
        scan, max(claim.evidence.start, claim.trigger.start - 40), claim.trigger.start
    ):
        return True  # "in violation of a ban on ...": sanctions already in force, not an action
    # "Russia's spy satellite technology assistance": a possessor names who gives it.
    owned = "source:possessive" in candidate.roles.rules
    if not detail and (
        (candidate.rule.needs_detail and not owned)
        or (not named and not specific and candidate.rule.type in _DETAIL_NEEDED)
    ):
        return True  # "Moving funds to other blockchains": a method, not an event
    if candidate.rule.voice != "nominal":
        return False
    before = scan[max(claim.evidence.start, claim.trigger.start - 30) : claim.trigger.start]
    determiner = _DEFINITE_BEFORE.search(before)
    if not determiner:
        return False
    word = determiner.group(1).lower()
    if word == "the" and " of " in claim.trigger.text:
        return False  # "the dispatch of workers abroad" introduces, it does not refer back
    if word in _DEMONSTRATIVES:
        # "those arms deals", "such a move ... arms sales": pointing back even when the
        # sentence names a state; only a number or a date makes it a new statement.
        return not (claim.quantity or claim.time)
    return not (named or detail)


def prefer_heads(candidates: list[Candidate]) -> list[Candidate]:
    """Arms, trade and technology rules firing on the same words: keep the head.

    "technical assistance on spy satellites and missiles" is technology, "dual-use items,
    arms and weapon parts" is arms: the item that comes first is the head, unless it is a
    generic word ("items", "components", "parts") that only lists what follows; "missile
    and nuclear-related technologies" ends in its head. "Goods for the missile programme"
    are technology, not trade. Two things given side by side ("weapons systems and
    technological know-how") are two claims.
    """

    def with_item(claim_type: ClaimType) -> list[Candidate]:
        return [c for c in candidates if c.rule.type == claim_type and c.item is not None]

    tech = with_item(ClaimType.TECH_TRANSFER)
    dropped: set[int] = set()
    for a in with_item(ClaimType.ARMS_TRANSFER):
        for t in tech:
            a_item, t_item = a.item, t.item
            assert a_item is not None and t_item is not None
            if not (a.trigger[0] < t.trigger[1] and t.trigger[0] < a.trigger[1]):
                continue
            joined = (
                _COORDINATED_KINDS.match(a.text, a_item[1], t_item[1])
                if t_item[0] >= a_item[1]
                else None
            )
            if joined and _TECH_HEAD.search(a.text, joined.end(), t_item[1]):
                continue  # "weapons systems and technological know-how": two things given
            generic = _GENERIC_ITEM.search(a.text, t_item[0], t_item[1]) is not None
            head_is_tech = t_item[0] <= a_item[0] and t_item[1] > a_item[1]
            dropped.add(id(a) if (t_item[0] < a_item[0] or head_is_tech) and not generic else id(t))
    for g in with_item(ClaimType.TRADE):
        g_item = g.item
        assert g_item is not None
        if any(t.item and t.item[0] <= g_item[0] < t.item[1] for t in tech):
            dropped.add(id(g))
    return [c for c in candidates if id(c) not in dropped]


def one_per_event(
    scan: str, sentence: tuple[int, int], built: Iterable[tuple[int, Claim]]
) -> list[Claim]:
    """Keep the best claim per type, plus same-type claims whose triggers stand apart.

    Two clauses of one sentence can state two events of one type ("denied any military
    deals ... footage showing North Korean-made shells"); rules firing on the same words
    cannot.
    """
    kept: list[Claim] = []
    for _, claim in sorted(built, key=lambda pair: (-pair[0], pair[1].trigger.start, pair[1].id)):
        same = [k for k in kept if k.type == claim.type]
        if all(_distinct_events(scan, sentence, claim, k) for k in same):
            kept.append(claim)
    return sorted(kept, key=lambda c: (c.trigger.start, c.type.value))


def narrow_shared_sentences(text: str, scan: str, claims: list[Claim]) -> list[Claim]:
    """Two claims of one type from one sentence each get their own clause as evidence,
    so a reader (and the scorer) can tell which words state which event."""
    counts = Counter(c.type for c in claims)
    out = []
    for claim in claims:
        if counts[claim.type] > 1:
            start, end = clause_around(
                scan,
                (claim.evidence.start, claim.evidence.end),
                (claim.trigger.start, claim.trigger.end),
            )
            claim = replace(
                claim, evidence=make_span(text, start, end, document_id=claim.document_id)
            )
        out.append(claim)
    return _split_overlaps(text, scan, out)


_JOIN = re.compile(r",?\s+(?:and|but|while|whereas)\s+|;\s+|,\s+")


def _split_overlaps(text: str, scan: str, claims: list[Claim]) -> list[Claim]:
    """Two claims of one type whose clauses still overlap ("Kim met Xi and an
    announcement that he would meet Moon") are cut at the last joint between their
    triggers, so each keeps the words that state it."""
    out = list(claims)
    # Consecutive claims of each type, whatever claims of other types stand between them.
    ordered = sorted(
        range(len(claims)), key=lambda i: (claims[i].type.value, claims[i].trigger.start)
    )
    for a, b in pairwise(ordered):
        first, second = out[a], out[b]
        if first.type != second.type or first.evidence.end <= second.evidence.start:
            continue
        joints = list(_JOIN.finditer(scan, first.trigger.end, second.trigger.start))
        if not joints:
            continue
        cut = joints[-1]
        out[a] = replace(
            first,
            evidence=make_span(
                text,
                first.evidence.start,
                min(first.evidence.end, cut.start()),
                document_id=first.document_id,
            ),
        )
        out[b] = replace(
            second,
            evidence=make_span(
                text,
                max(second.evidence.start, cut.end()),
                second.evidence.end,
                document_id=second.document_id,
            ),
        )
    return out


def _distinct_events(scan: str, sentence: tuple[int, int], a: Claim, b: Claim) -> bool:
    """Triggers far apart or in different clauses that also differ in who did it, to
    whom, or how it is asserted; or, close together, two measures by different sanctioners
    ("the EU is considering measures following the approval of sanctions by the UN")."""
    apart = abs(a.trigger.start - b.trigger.start) > _SEPARATE_TRIGGERS
    clause = clause_around(scan, sentence, (a.trigger.start, a.trigger.end))
    if not apart and clause[0] <= b.trigger.start < clause[1]:
        if _different_goods(a, b):
            return True  # "to import oil and export coal": two flows, opposite ways
        if a.type != ClaimType.SANCTIONS_ACTION:
            return False
        sources_a, sources_b = set(a.source_codes), set(b.source_codes)
        return bool(sources_a and sources_b) and not (sources_a & sources_b)
    first, second = sorted((a, b), key=lambda c: c.trigger.start)
    if _INCLUDING.search(scan, first.trigger.end, max(first.trigger.end, second.trigger.start)):
        return False  # "more dialogues ..., including the ministerial dialogue": one event
    if a.modality != b.modality:
        return True
    # "Tehran sent Moscow 400 missiles, with more missile shipments from Iran underway":
    # a mention whose parties are a subset of the other's adds no second event.
    return not (_subsumes(a, b) or _subsumes(b, a))


def _different_goods(a: Claim, b: Claim) -> bool:
    """Two triggers of their own, each moving its own goods the other way: neither the
    triggers' words nor the items overlap, and a state that gives in one gets in the other
    ("to import oil and export coal", "arms for oil")."""
    if a.item is None or b.item is None:
        return False
    ta, tb, ia, ib = a.trigger, b.trigger, a.item.span, b.item.span
    if ta.start < tb.end and tb.start < ta.end:
        return False
    if ia.start < ib.end and ib.start < ia.end:
        return False
    # ... and flowing opposite ways: one state gives in one and gets in the other.
    return bool(
        set(a.source_codes) & set(b.target_codes) or set(a.target_codes) & set(b.source_codes)
    )


def _subsumes(a: Claim, b: Claim) -> bool:
    """``a`` names every party ``b`` names, in the same roles."""
    return set(b.source_codes) <= set(a.source_codes) and set(b.target_codes) <= set(a.target_codes)


def in_condition(scan: str, sentence: tuple[int, int], trigger: tuple[int, int]) -> bool:
    """Whether the trigger sits in a sentence that opens with a condition: its "if" clause
    is a supposition and its main clause the consequence ("If X is seen to use missiles,
    other states may buy them too"), and neither reports an event. A trailing condition
    ("will grow if the claims about arms shipments prove true") still reports the claims."""
    m = _IF.match(scan, sentence[0], sentence[1])
    return m is not None and trigger[0] >= m.end()
