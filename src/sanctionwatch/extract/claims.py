"""Assemble claims: sentences → triggers → roles, item, quantity, time, modality, attribution.

Every value is built with :func:`make_span` over the text it came from, and a final check
drops any claim whose spans do not slice back to that text (the grounding invariant).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sanctionwatch.domain import (
    Attribution,
    Claim,
    ClaimType,
    Modality,
    Quantity,
    RoleFiller,
    TimeValue,
    claim_id_for,
    make_span,
)
from sanctionwatch.extract.cues import find_attributions, find_modality
from sanctionwatch.extract.lexicon import Lexicon, TriggerRule, load_lexicon
from sanctionwatch.extract.quantities import ParsedQuantity, parse_quantities
from sanctionwatch.extract.roles import resolve_roles
from sanctionwatch.extract.sentences import split_sentences
from sanctionwatch.extract.times import ParsedTime, parse_times
from sanctionwatch.resolve.gazetteer import ActorMatch, find_actors, load_gazetteer

EXTRACTOR_NAME = "extract.rules"
EXTRACTOR_VERSION = "v1"

# Which counted units a claim type can carry (None: take the unit from the item).
_UNITS_FOR_TYPE: dict[ClaimType, set[str | None]] = {
    ClaimType.ARMS_TRANSFER: {
        "shell",
        "missile",
        "rocket",
        "container",
        "drone",
        "tank",
        "launcher",
        "USD",
        None,
    },
    ClaimType.LABOR_DISPATCH: {"worker", "person", "national", None},
    ClaimType.TROOP_DEPLOYMENT: {"troop", "casualty", "person", None},
    ClaimType.VISA_ISSUANCE: {"visa", None},
    ClaimType.FINANCIAL_FLOW: {"USD", "KRW", "EUR", "RUB", "CNY"},
    ClaimType.TRADE: {"ton", "barrel", "ship", "vessel", "container", "USD", None},
    ClaimType.SANCTIONS_ACTION: {
        "resolution",
        "individual",
        "entity",
        "company",
        "national",
        "person",
        "ship",
        "vessel",
        "USD",
    },
}
_DEFAULT_UNIT = {
    ClaimType.LABOR_DISPATCH: "worker",
    ClaimType.TROOP_DEPLOYMENT: "troop",
    ClaimType.VISA_ISSUANCE: "visa",
}
_ITEM_UNITS = (
    ("shell", "shell"),
    ("missile", "missile"),
    ("rocket", "rocket"),
    ("container", "container"),
    ("drone", "drone"),
)
_VOICE_RANK = {
    "agent": 0,
    "recipient": 0,
    "item_first": 1,
    "sanctions": 1,
    "nominal": 2,
    "parties": 2,
}


def extractor_id(lexicon: Lexicon | None = None) -> str:
    lexicon = lexicon or load_lexicon()
    return f"{EXTRACTOR_NAME}@{EXTRACTOR_VERSION}+{lexicon.version}+gazetteer-v{load_gazetteer().version}"


def _nearest(
    items: Iterable[ParsedQuantity | ParsedTime], anchor: tuple[int, int]
) -> ParsedQuantity | ParsedTime | None:
    def distance(x: ParsedQuantity | ParsedTime) -> int:
        if x.end <= anchor[0]:
            return anchor[0] - x.end
        if x.start >= anchor[1]:
            return x.start - anchor[1]
        return 0

    return min(items, key=lambda x: (distance(x), x.start), default=None)


def _pick_quantity(
    claim_type: ClaimType,
    quantities: list[ParsedQuantity],
    anchor: tuple[int, int],
    item_text: str | None,
) -> ParsedQuantity | None:
    allowed = _UNITS_FOR_TYPE.get(claim_type)
    if allowed is None:
        return None
    fitting = [q for q in quantities if q.kind in {"count", "money"} and q.unit in allowed]
    return _nearest(fitting, anchor)  # type: ignore[return-value]


def _unit_for(claim_type: ClaimType, parsed: ParsedQuantity, item_text: str | None) -> str | None:
    if parsed.unit:
        return parsed.unit
    lowered = (item_text or "").lower()
    for needle, unit in _ITEM_UNITS:
        if needle in lowered:
            return unit
    return _DEFAULT_UNIT.get(claim_type)


def _candidate_claims(
    text: str,
    sentence: tuple[int, int],
    lexicon: Lexicon,
    actors: list[ActorMatch],
) -> list[tuple[TriggerRule, re.Match[str], list[str], object]]:
    found = []
    for rule in lexicon.triggers:
        for m in rule.regex.finditer(text, sentence[0], sentence[1]):
            item = (
                (m.start("item"), m.end("item"))
                if "item" in rule.regex.groupindex and m.group("item")
                else None
            )
            roles = resolve_roles(
                text,
                sentence=sentence,
                trigger=(m.start(), m.end()),
                item=item,
                actors=actors,
                voice=rule.voice,
                claim_type=rule.type,
            )
            if not roles.sources and not roles.targets:
                continue
            if (
                rule.voice == "parties"
                and len({a.code for a in roles.sources}) < 2
                and rule.type == ClaimType.MEETING
            ):
                continue
            found.append((rule, m, roles.rules, roles))
            break
    return found


def extract_claims(
    text: str, *, published: str | None = None, document_id: str = ""
) -> list[Claim]:
    """Every claim in ``text``, each value grounded to a span of ``text``.

    ``published`` (ISO date, year-month or year) anchors relative times ("last year").
    """
    lexicon = load_lexicon()
    extractor = extractor_id(lexicon)
    claims: list[Claim] = []
    for sentence in split_sentences(text):
        actors = find_actors(text, *sentence)
        if not actors:
            continue
        candidates = _candidate_claims(text, sentence, lexicon, actors)
        if not candidates:
            continue
        quantities = parse_quantities(text, *sentence)
        times = parse_times(text, *sentence, published=published)
        attributions = find_attributions(text, sentence=sentence, rules=lexicon.attribution)
        best: dict[ClaimType, tuple[int, Claim]] = {}
        for rule, m, role_rules, roles in candidates:
            claim = _build_claim(
                text,
                document_id,
                extractor,
                lexicon,
                sentence,
                rule,
                m,
                roles,
                role_rules,  # type: ignore[arg-type]
                quantities,
                times,
                attributions,
            )
            score = len(claim.sources) + len(claim.targets) * 2 - _VOICE_RANK[rule.voice]
            if rule.type not in best or score > best[rule.type][0]:
                best[rule.type] = (score, claim)
        claims.extend(claim for _, claim in best.values())
    return [c for c in claims if all(span.is_grounded_in(text) for span in c.spans())]


def _build_claim(
    text: str,
    document_id: str,
    extractor: str,
    lexicon: Lexicon,
    sentence: tuple[int, int],
    rule: TriggerRule,
    m: re.Match[str],
    roles: object,
    role_rules: list[str],
    quantities: list[ParsedQuantity],
    times: list[ParsedTime],
    attributions: list,  # type: ignore[type-arg]
) -> Claim:
    from sanctionwatch.extract.roles import Roles

    assert isinstance(roles, Roles)
    span = lambda start, end: make_span(text, start, end, document_id=document_id)  # noqa: E731
    trigger = (m.start(), m.end())
    item = None
    item_text = None
    if "item" in rule.regex.groupindex and m.group("item"):
        item = RoleFiller(span(m.start("item"), m.end("item")), m.group("item"), f"{rule.id}:item")
        item_text = m.group("item")
    elif rule.voice in {"nominal", "sanctions"} or rule.type == ClaimType.AGREEMENT:
        item = RoleFiller(span(*trigger), m.group(0), f"{rule.id}:trigger-as-item")
        item_text = m.group(0)
    quantity = None
    parsed_q = _pick_quantity(rule.type, quantities, trigger, item_text)
    if parsed_q is not None:
        quantity = Quantity(
            span(parsed_q.start, parsed_q.end),
            parsed_q.low,
            parsed_q.high,
            _unit_for(rule.type, parsed_q, item_text),
            parsed_q.kind,
            parsed_q.rate,
            "quantities.grammar@v1",
        )
    time = None
    parsed_t = _nearest(times, trigger)
    if isinstance(parsed_t, ParsedTime):
        time = TimeValue(
            span(parsed_t.start, parsed_t.end),
            parsed_t.value_start,
            parsed_t.value_end,
            parsed_t.grain,
            parsed_t.rule,
        )
    cue = find_modality(text, sentence=sentence, trigger=trigger, rules=lexicon.modality)
    modality = cue.modality if cue else Modality.FACT
    return Claim(
        id=claim_id_for(document_id, rule.type.value, sentence[0], sentence[1], extractor),
        document_id=document_id,
        type=rule.type,
        evidence=span(*sentence),
        trigger=span(*trigger),
        sources=tuple(RoleFiller(span(a.start, a.end), a.code, a.rule) for a in roles.sources),
        targets=tuple(RoleFiller(span(a.start, a.end), a.code, a.rule) for a in roles.targets),
        item=item,
        quantity=quantity,
        time=time,
        modality=modality,
        modality_cue=span(cue.start, cue.end) if cue else None,
        attributions=tuple(
            Attribution(span(a.start, a.end), a.name, span(a.cue_start, a.cue_end), a.rule)
            for a in attributions
        ),
        extractor=extractor,
        rules=(rule.id, *role_rules, *([cue.rule] if cue else [])),
    )
