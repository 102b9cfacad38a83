"""Assemble claims: sentences → triggers → roles, item, quantity, time, modality, attribution.

Every value is built with :func:`make_span` over the text it came from, and a final check
drops any claim whose spans do not slice back to that text (the grounding invariant).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sanctionwatch.domain import (
    Attribution,
    Claim,
    ClaimType,
    Modality,
    Quantity,
    RoleFiller,
    Span,
    TimeValue,
    claim_id_for,
    make_span,
)
from sanctionwatch.extract.cues import AttributionCue, find_attributions, find_modality
from sanctionwatch.extract.lexicon import Lexicon, TriggerRule, load_lexicon
from sanctionwatch.extract.quantities import (
    QUANTITIES_NAME,
    QUANTITIES_VERSION,
    ParsedQuantity,
    parse_quantities,
)
from sanctionwatch.extract.roles import Roles, resolve_roles
from sanctionwatch.extract.sentences import split_sentences
from sanctionwatch.extract.times import ParsedTime, parse_times
from sanctionwatch.resolve.gazetteer import ActorMatch, find_actors, load_gazetteer

EXTRACTOR_NAME = "extract.rules"
EXTRACTOR_VERSION = "v1"

# Which counted units a claim type can carry (None: take the unit from the item).
_UNITS_FOR_TYPE: dict[ClaimType, set[str | None]] = {
    ClaimType.ARMS_TRANSFER: {"shell", "missile", "rocket", "container", "drone", "tank", "launcher", "USD", None},
    ClaimType.LABOR_DISPATCH: {"worker", "person", "national", None},
    ClaimType.TROOP_DEPLOYMENT: {"troop", "casualty", "person", None},
    ClaimType.VISA_ISSUANCE: {"visa", None},
    ClaimType.FINANCIAL_FLOW: {"USD", "KRW", "EUR", "RUB", "CNY"},
    ClaimType.TRADE: {"ton", "barrel", "ship", "vessel", "container", "USD", None},
    ClaimType.SANCTIONS_ACTION: {
        "resolution", "individual", "entity", "company", "national", "person", "ship", "vessel", "USD",
    },
}  # fmt: skip
_DEFAULT_UNIT = {
    ClaimType.LABOR_DISPATCH: "worker",
    ClaimType.TROOP_DEPLOYMENT: "troop",
    ClaimType.VISA_ISSUANCE: "visa",
}
_ITEM_UNITS = ("shell", "missile", "rocket", "container", "drone")
# Same-type triggers further apart than this (characters) are separate events.
_SEPARATE_TRIGGERS = 70
_VOICE_RANK = {
    "agent": 0,
    "recipient": 0,
    "item_first": 1,
    "sanctions": 1,
    "nominal": 2,
    "parties": 2,
}

_T = TypeVar("_T", ParsedQuantity, ParsedTime)


@dataclass(frozen=True, slots=True)
class _Candidate:
    rule: TriggerRule
    match: re.Match[str]
    roles: Roles

    @property
    def score(self) -> int:
        return len(self.roles.sources) + len(self.roles.targets) - _VOICE_RANK[self.rule.voice]


def extractor_id(lexicon: Lexicon | None = None) -> str:
    """``name@version`` plus the versions of the data files it ran with."""
    lexicon = lexicon or load_lexicon()
    gazetteer = load_gazetteer()
    return f"{EXTRACTOR_NAME}@{EXTRACTOR_VERSION}+{lexicon.version}+gazetteer-v{gazetteer.version}"


def extract_claims(
    text: str, *, published: str | None = None, document_id: str = ""
) -> list[Claim]:
    """Every claim in ``text``, each value grounded to a span of ``text``.

    ``published`` (ISO date, year-month or year) anchors relative times ("last year").
    """
    lexicon = load_lexicon()
    extractor = extractor_id(lexicon)
    claims: list[Claim] = []
    seen_sentences: set[str] = set()
    for sentence in split_sentences(text):
        sentence_text = text[sentence[0] : sentence[1]]
        if sentence_text in seen_sentences:
            continue  # a headline repeated as the first line states nothing new
        seen_sentences.add(sentence_text)
        actors = find_actors(text, *sentence)
        if not actors:
            continue
        attributions = find_attributions(text, sentence=sentence, rules=lexicon.attribution)
        candidates = _candidates(text, sentence, lexicon, actors, attributions)
        if not candidates:
            continue
        quantities = parse_quantities(text, *sentence)
        times = parse_times(text, *sentence, published=published)
        built = [
            (
                c.score,
                _build_claim(
                    text,
                    document_id,
                    extractor,
                    lexicon,
                    sentence,
                    c,
                    quantities,
                    times,
                    attributions,
                ),
            )
            for c in candidates
        ]
        claims.extend(_one_per_event(built))
    return [c for c in claims if all(span.is_grounded_in(text) for span in c.spans())]


def _candidates(
    text: str,
    sentence: tuple[int, int],
    lexicon: Lexicon,
    actors: list[ActorMatch],
    attributions: Sequence[AttributionCue],
) -> list[_Candidate]:
    # An actor named as the cited source ("confirmed by the U.S. government") is not a
    # party to the event, unless nobody else is ("North Korea confirmed it sent troops").
    uncited = [
        a for a in actors if not any(c.start <= a.start and a.end <= c.end for c in attributions)
    ]
    pools = (uncited, actors) if len(uncited) < len(actors) else (actors,)
    found = []
    for rule in lexicon.triggers:
        for m in rule.regex.finditer(text, sentence[0], sentence[1]):
            has_item = "item" in rule.regex.groupindex and m.group("item") is not None
            item = (m.start("item"), m.end("item")) if has_item else None
            for pool in pools:
                roles = resolve_roles(
                    text,
                    sentence=sentence,
                    trigger=(m.start(), m.end()),
                    item=item,
                    actors=pool,
                    voice=rule.voice,
                    claim_type=rule.type,
                )
                if roles.sources or roles.targets:
                    break
            if not roles.sources and not roles.targets:
                continue
            if rule.type == ClaimType.MEETING and len({a.code for a in roles.sources}) < 2:
                continue  # a meeting needs two sides
            found.append(_Candidate(rule, m, roles))
    return found


def _one_per_event(built: Iterable[tuple[int, Claim]]) -> list[Claim]:
    """Keep the best claim per type, plus same-type claims whose triggers stand apart.

    Two clauses of one sentence can state two events of one type ("denied any military
    deals ... footage showing North Korean-made shells"); rules firing on the same words
    cannot.
    """
    kept: list[Claim] = []
    for _, claim in sorted(built, key=lambda pair: (-pair[0], pair[1].trigger.start, pair[1].id)):
        same = [k for k in kept if k.type == claim.type]
        if all(abs(claim.trigger.start - k.trigger.start) > _SEPARATE_TRIGGERS for k in same):
            kept.append(claim)
    return sorted(kept, key=lambda c: (c.trigger.start, c.type.value))


def _nearest(items: Iterable[_T], anchor: tuple[int, int]) -> _T | None:
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
    return _nearest(
        (q for q in quantities if q.kind in {"count", "money"} and q.unit in allowed), anchor
    )


def _unit_for(claim_type: ClaimType, parsed: ParsedQuantity, item_text: str | None) -> str | None:
    if parsed.unit:
        return parsed.unit
    lowered = (item_text or "").lower()
    return next((unit for unit in _ITEM_UNITS if unit in lowered), _DEFAULT_UNIT.get(claim_type))


def _build_claim(
    text: str,
    document_id: str,
    extractor: str,
    lexicon: Lexicon,
    sentence: tuple[int, int],
    candidate: _Candidate,
    quantities: list[ParsedQuantity],
    times: list[ParsedTime],
    attributions: Sequence[AttributionCue],
) -> Claim:
    rule, m, roles = candidate.rule, candidate.match, candidate.roles

    def span(start: int, end: int) -> Span:
        return make_span(text, start, end, document_id=document_id)

    trigger = (m.start(), m.end())
    item: RoleFiller | None = None
    if "item" in rule.regex.groupindex and m.group("item"):
        item = RoleFiller(span(m.start("item"), m.end("item")), m.group("item"), f"{rule.id}:item")
    elif rule.voice in {"nominal", "sanctions"} or rule.type == ClaimType.AGREEMENT:
        item = RoleFiller(span(*trigger), m.group(0), f"{rule.id}:trigger-as-item")
    quantity = None
    parsed_q = _pick_quantity(rule.type, quantities, trigger)
    if parsed_q is not None:
        quantity = Quantity(
            span=span(parsed_q.start, parsed_q.end),
            low=parsed_q.low,
            high=parsed_q.high,
            unit=_unit_for(rule.type, parsed_q, item.value if item else None),
            kind=parsed_q.kind,
            rate=parsed_q.rate,
            rule=f"{QUANTITIES_NAME}@{QUANTITIES_VERSION}",
        )
    time = None
    parsed_t = _nearest(times, trigger)
    if parsed_t is not None:
        time = TimeValue(
            span(parsed_t.start, parsed_t.end),
            parsed_t.value_start,
            parsed_t.value_end,
            parsed_t.grain,
            parsed_t.rule,
        )
    cue = find_modality(text, sentence=sentence, trigger=trigger, rules=lexicon.modality)
    return Claim(
        id=claim_id_for(document_id, rule.type.value, trigger[0], trigger[1], extractor),
        document_id=document_id,
        type=rule.type,
        evidence=span(*sentence),
        trigger=span(*trigger),
        sources=tuple(RoleFiller(span(a.start, a.end), a.code, a.rule) for a in roles.sources),
        targets=tuple(RoleFiller(span(a.start, a.end), a.code, a.rule) for a in roles.targets),
        item=item,
        quantity=quantity,
        time=time,
        modality=cue.modality if cue else Modality.FACT,
        modality_cue=span(cue.start, cue.end) if cue else None,
        attributions=tuple(
            Attribution(span(a.start, a.end), a.name, span(a.cue_start, a.cue_end), a.rule)
            for a in attributions
        ),
        extractor=extractor,
        rules=(rule.id, *roles.rules, *([cue.rule] if cue else [])),
    )
