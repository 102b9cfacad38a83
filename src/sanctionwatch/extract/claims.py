"""Assemble claims: sentences → triggers → roles, item, quantity, time, modality, attribution.

Every value is built with :func:`make_span` over the text it came from, and a final check
drops any claim whose spans do not slice back to that text (the grounding invariant).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
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
from sanctionwatch.extract.cues import (
    AttributionCue,
    clause_around,
    continues_speaker,
    find_attributions,
    find_modality,
    governs,
)
from sanctionwatch.extract.lexicon import Lexicon, TriggerRule, load_lexicon
from sanctionwatch.extract.noise import is_apparatus, mask_noise
from sanctionwatch.extract.quantities import (
    QUANTITIES_NAME,
    QUANTITIES_VERSION,
    ParsedQuantity,
    parse_quantities,
)
from sanctionwatch.extract.roles import BUYING, Roles, resolve_roles
from sanctionwatch.extract.sentences import split_sentences
from sanctionwatch.extract.times import ParsedTime, parse_times, to_future
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
_CLAUSE_BETWEEN = re.compile(
    r";|\s[–—]\s|,\s+(?:but|while|whereas|although|though|yet|which|who|where)\b", re.I
)
_IMPLEMENTING = re.compile(r"\bimplement(?:s|ed|ing|ation of)?\b(?:\s+[\w’'-]+){0,8}\s*$", re.I)
_GROUP_SIZES = {"both": 2, "two": 2, "three": 3, "four": 4, "bilateral": 2, "trilateral": 3}
_GROUP = re.compile(
    r"\b(?:(?:the|all)\s+(?P<n>two|three|four)(?:\s+(?:countries|states|nations|sides|"
    r"governments|allies|partners|neighbou?rs|regimes|leaders))?\b(?!\s+[a-z]+s\b)"
    r"|both\s+(?:sides|countries|states|nations|governments|leaders)"
    r"|(?P<lateral>bilateral|trilateral)(?=\s+(?:[\w-]+\s+){0,4}?(?:meetings?|summit|talks|"
    r"dialogues?|memorandum|agreement|framework)\b))",
    re.I,
)
_PRONOUN_SUBJECT = re.compile(r"[\s“\"]*(?:He|She)\b")
_INCLUDING = re.compile(r"\b(?:including|such as|notably|among them)\b", re.I)
_ONE_THEFT = re.compile(
    r"\b(?i:the\s+stolen|(?:the|this)\s+)(?:(?<=stolen)|(?:[A-Z][\w.-]*\s+)?"
    r"(?i:theft|hack|heist|exploit|breach)\b)"
)
# "the funds are being laundered through mixers": money already told of, not a method.
_THOSE_FUNDS = re.compile(r"\b(?:the|these|those)\s+(?:funds|proceeds)\b", re.I)
_PREMODIFYING = re.compile(r"(?:['’]s)?(?:\s+[\w.’'-]+){1,4}")
_ANCHORS_WHAT_FOLLOWS = re.compile(r"\b(?:after|following|since)\s+(?:the|a|an)\s+$", re.I)
_DEFINITE_TIME = re.compile(r"\b(?:the|a)\s+$", re.I)
_TOLD_EVENT_TYPES = {
    "theft": ClaimType.FINANCIAL_FLOW,
    "hack": ClaimType.FINANCIAL_FLOW,
    "heist": ClaimType.FINANCIAL_FLOW,
    "exploit": ClaimType.FINANCIAL_FLOW,
    "summit": ClaimType.MEETING,
    "talks": ClaimType.MEETING,
}
_TOLD_EVENT = re.compile(
    r"\b(?:(?:in|within)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:minutes|hours|days|weeks)\s+"
    r"(?:of|after|following)|since|after|following)\s+the\s+(?:[A-Z][\w-]*\s+)?"
    r"(?P<noun>theft|hack|heist|exploit|summit|talks)\b",
    re.I,
)
_NUMBERED_RESOLUTION = re.compile(r"resolutions?\s+(?:No\.\s*)?\d{4}\b", re.I)
_IF = re.compile(r"[\s“\"]*(?:If|Unless)\b")
_MAIN_AFTER_IF = re.compile(r",\s+(?:[\w’'-]+\s+){0,3}?(?:may|might|could|would|will|can)\b")
_DEMONSTRATIVES = {"this", "that", "these", "those", "such"}
_GENERIC_ITEM = re.compile(r"\b(?:items|goods|components|parts|products|materials)\b", re.I)
# Types whose unnamed, undated, unsourced mentions are mostly descriptions of a method.
_UNDER_SANCTIONS = re.compile(
    r"\b(?:violat\w*|breach\w*|evad\w*|evasion of|circumvent\w*|skirt\w*|defiance of|afoul of|under|despite)\s+(?:[\w.’'-]+\s+){0,4}$",
    re.I,
)
_TIME_ANCHOR_BEFORE = re.compile(
    r"\b(?:after|following|since|prior to|before)\b(?P<definite>\s+the\b)?(?:\s+[\w’'-]+){0,6}\s*$",
    re.I,
)
_NOUN_OF = re.compile(r"[\w’'-]+\s+of\b")
_ITS_BEFORE = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+)?$", re.I)
_DETAIL_NEEDED = {ClaimType.FINANCIAL_FLOW}
_NO_TOPIC_FALLBACK = {ClaimType.MEETING, ClaimType.AGREEMENT, ClaimType.VISA_ISSUANCE}
_TOPIC_MIN_MENTIONS = 3
_TOPIC_MIN_SHARE = 0.34
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
    def item(self) -> tuple[int, int] | None:
        if "item" in self.rule.regex.groupindex and self.match.group("item") is not None:
            return self.match.start("item"), self.match.end("item")
        return None

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
    # Everything is found in the masked text; every span is cut from the original.
    scan = mask_noise(text)
    claims: list[Claim] = []
    seen_sentences: set[str] = set()
    previous_attributions: list[AttributionCue] = []
    block_speaker: list[AttributionCue] = []
    document_actors = find_actors(scan)
    actor_starts = [a.start for a in document_actors]
    topic = _document_topic(document_actors)
    for sentence in split_sentences(scan):
        sentence_text = scan[sentence[0] : sentence[1]].strip()
        if sentence_text in seen_sentences or is_apparatus(sentence_text):
            continue  # a headline repeated as the first line states nothing new
        seen_sentences.add(sentence_text)
        lo = bisect_left(actor_starts, sentence[0])
        actors = [
            a
            for a in document_actors[lo : bisect_left(actor_starts, sentence[1])]
            if a.end <= sentence[1]
        ]
        antecedent = _antecedent(document_actors, topic, sentence[0])
        attributions = find_attributions(scan, sentence=sentence, rules=lexicon.attribution)
        if _introduces_quotation(scan, sentence):
            # "The press statement says:": what follows is the statement's, not the writer's.
            block_speaker = [replace(a, inherited=True) for a in attributions] or block_speaker
        group = _named_group(scan, sentence, document_actors[:lo])
        if not actors and antecedent is None and group is None:
            previous_attributions = attributions
            continue
        if not attributions and continues_speaker(scan, sentence):
            # "But they say ...", or a quotation running on after "..., Lim said. “...":
            # the speaker of the previous sentence, grounded where it was named.
            attributions = [replace(a, inherited=True) for a in previous_attributions]
        elif not attributions and block_speaker:
            attributions = block_speaker
        previous_attributions = attributions
        candidates = _candidates(scan, sentence, lexicon, actors, attributions, antecedent, group)
        if not candidates:
            continue
        times = parse_times(scan, *sentence, published=published)
        # "In September 2023 Pyongyang sent shells": 2023 is a date, not 2,023 shells.
        quantities = [
            q
            for q in parse_quantities(scan, *sentence)
            if not any(q.start < t.end and t.start < q.end for t in times)
        ]
        context = _Context(text, scan, document_id, extractor, lexicon, sentence, published)
        built = [
            (c.score, claim)
            for c in _prefer_heads(candidates)
            if (claim := _build_claim(context, c, quantities, times, attributions)) is not None
            and not _is_back_reference(scan, c, claim)
        ]
        claims.extend(_narrow_shared_sentences(text, scan, _one_per_event(scan, sentence, built)))
    claims = _drop_repeats(claims, nominal={r.id for r in lexicon.triggers if r.voice == "nominal"})
    claims = _date_from_told_events(text, scan, claims)
    claims = _victim_from_told_theft(scan, claims)
    return [c for c in claims if all(span.is_grounded_in(text) for span in c.spans())]


def _dates_another_noun(scan: str, time: ParsedTime, trigger: tuple[int, int]) -> bool:
    """ "Before the 2017 sanctions", "Wednesday's U.N. vote": a date that modifies a noun
    dates that noun's event, not a trigger elsewhere in the sentence. "Following a September
    2023 meeting, ..." dates what follows it, as the anchor it is."""
    noun_phrase = _PREMODIFYING.match(scan, time.end)
    if noun_phrase is None:
        return False
    if _ANCHORS_WHAT_FOLLOWS.search(scan, max(0, time.start - 20), time.start):
        return False
    if not (
        _DEFINITE_TIME.search(scan, max(0, time.start - 5), time.start)
        or "'" in scan[time.start : time.end].replace("’", "'")
    ):
        return False
    return not (time.end <= trigger[0] < noun_phrase.end())


def _date_from_told_events(text: str, scan: str, claims: list[Claim]) -> list[Claim]:
    """ "Within two hours of the theft", "since the hack": a date the document already gave
    the event it points back to. The phrase is the span; the value is the first dated claim
    of that kind in the document."""
    out: list[Claim] = []
    for claim in claims:
        anchor = (
            _TOLD_EVENT.search(scan, claim.evidence.start, claim.evidence.end)
            if claim.time is None
            else None
        )
        kind = _TOLD_EVENT_TYPES.get(anchor.group("noun").lower()) if anchor else None
        earlier = next(
            (
                c.time
                for c in out
                if c.type == kind and c.time is not None and c.time.grain == "day"
            ),
            None,
        )
        if anchor is not None and earlier is not None:
            span = make_span(text, anchor.start(), anchor.end(), document_id=claim.document_id)
            claim = replace(
                claim,
                time=TimeValue(span, earlier.start, None, earlier.grain, "times.told-event"),
            )
        out.append(claim)
    return out


def _victim_from_told_theft(scan: str, claims: list[Claim]) -> list[Claim]:
    """ "The stolen Ether is being converted to bitcoin": the proceeds of the theft the
    document told first, so the victim it named there (the source of a financial flow) is
    this claim's source too, grounded where it was named. A victim misread as the
    recipient gives way to the first telling's recipient."""
    out: list[Claim] = []
    theft: Claim | None = None
    for claim in claims:
        if claim.type != ClaimType.FINANCIAL_FLOW:
            out.append(claim)
            continue
        # "the funds are being laundered": the funds the trigger moves, not "the proceeds"
        # of some other theft the sentence mentions in passing.
        funds = _THOSE_FUNDS.search(scan, max(0, claim.trigger.start - 5), claim.trigger.end)
        told = funds is not None or _ONE_THEFT.search(
            scan, claim.evidence.start, claim.evidence.end
        )
        if told and theft is not None:
            victims = {s.value for s in theft.sources}
            if not claim.sources or any(r.startswith("source:coref:") for r in claim.rules):
                claim = _with_role(claim, "source", theft.sources)
            if any(t.value in victims for t in claim.targets):
                claim = _with_role(claim, "target", theft.targets)
        if theft is None and claim.sources and claim.targets:
            theft = claim
        out.append(claim)
    return out


def _with_role(claim: Claim, role: str, fillers: tuple[RoleFiller, ...]) -> Claim:
    """``claim`` with its sources or targets taken from the event it points back to."""
    rules = (
        *(r for r in claim.rules if not r.startswith(f"{role}:")),
        f"{role}:coref:told-event",
    )
    if role == "source":
        return replace(claim, sources=fillers, rules=rules)
    return replace(claim, targets=fillers, rules=rules)


def _in_condition(scan: str, sentence: tuple[int, int], trigger: tuple[int, int]) -> bool:
    """Whether the trigger sits in the "if" clause a sentence opens with, up to the comma
    before the main clause's modal ("If X, it may ..."). A trailing condition ("will grow
    if the claims about arms shipments prove true") still reports the claims."""
    m = _IF.match(scan, sentence[0], sentence[1])
    if m is None or trigger[0] < m.end():
        return False
    main = _MAIN_AFTER_IF.search(scan, m.end(), sentence[1])
    comma = scan.find(",", m.end(), sentence[1])
    end = main.start() if main else (comma if comma >= 0 else sentence[1])
    return trigger[0] < end


def _introduces_quotation(scan: str, sentence: tuple[int, int]) -> bool:
    return (
        scan[sentence[0] : sentence[1]].rstrip().endswith(":") and sentence[1] - sentence[0] < 120
    )


def _drop_repeats(claims: list[Claim], *, nominal: set[str]) -> list[Claim]:
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


def _candidates(
    text: str,
    sentence: tuple[int, int],
    lexicon: Lexicon,
    actors: list[ActorMatch],
    attributions: Sequence[AttributionCue],
    topic: ActorMatch | None,
    group: _Group | None = None,
) -> list[_Candidate]:
    # An actor named as the cited source ("confirmed by the U.S. government") is not a
    # party to the event, unless nobody else is ("North Korea confirmed it sent troops").
    uncited = [
        a for a in actors if not any(c.start < a.end and a.start < c.end for c in attributions)
    ]
    pools = (uncited, actors) if len(uncited) < len(actors) else (actors,)
    found = []
    for rule in lexicon.triggers:
        for m in rule.regex.finditer(text, sentence[0], sentence[1]):
            if any(a.start <= m.start() < a.end for a in attributions if not a.inherited):
                continue  # "The investigation into the hack confirmed": who speaks, not what
            has_item = "item" in rule.regex.groupindex and m.group("item") is not None
            item = (m.start("item"), m.end("item")) if has_item else None
            # The pool without cited actors wins unless the full pool fills more roles
            # ("Russian authorities have denied any deals with North Korea").
            roles = max(
                (
                    resolve_roles(
                        text,
                        sentence=sentence,
                        trigger=(m.start(), m.end()),
                        item=item,
                        actors=pool,
                        voice=rule.voice,
                        claim_type=rule.type,
                    )
                    for pool in pools
                ),
                key=lambda r: bool(r.sources) + bool(r.targets),
            )
            numbered = _NUMBERED_RESOLUTION.match(text, m.start())
            if rule.voice == "sanctions" and not roles.sources and numbered:
                # "Resolution 2397 called on member states": a numbered resolution is the
                # Security Council's, named by its number.
                roles.add_source(
                    ActorMatch(numbered.start(), numbered.end(), "UN", "metonym", numbered[0]),
                    "default:numbered-resolution",
                )
            if group is not None and (rule.voice == "parties" or group.end <= m.start()):
                group.fill(rule, roles)
            if (
                not roles.sources
                and item is not None
                and _ITS_BEFORE.search(text, max(sentence[0], item[0] - 12), item[0])
            ):
                # "North Korea said its soldiers had helped": the cited speaker owns the item.
                speaker = next((a for a in actors if a not in uncited and a.end <= item[0]), None)
                if speaker is not None:
                    roles.add_source(speaker, "coref:its")
            if not roles.sources and not roles.targets and topic is not None:
                roles = _topic_roles(rule, topic, buying=BUYING.search(m.group(0)) is not None)
            elif (
                rule.voice == "sanctions"
                and not roles.targets
                and topic is not None
                and topic.code == "KP"
            ):
                # In a report about the DPRK, an untargeted sanctions action targets it.
                roles.add_target(topic, "coref:document-topic")
            if not roles.sources and not roles.targets:
                continue
            if topic is not None:
                _complete_from_topic(rule, roles, topic)
            if rule.type == ClaimType.MEETING and len({a.code for a in roles.sources}) < 2:
                continue  # a meeting needs two sides
            found.append(_Candidate(rule, m, roles))
    return found


@dataclass(frozen=True, slots=True)
class _Group:
    """ "The three", "both sides": states counted rather than named, standing for the last
    distinct states the text named before the sentence (most recent first). "He" opening a
    sentence is one more: the person last named."""

    start: int
    end: int
    size: int
    named_before: tuple[ActorMatch, ...]
    pronoun: bool = False

    def fill(self, rule: TriggerRule, roles: Roles) -> None:
        if rule.voice == "parties":
            taken = {a.code for a in roles.sources}
            size = len(taken) + self.size if self.pronoun else self.size
            for actor in self.named_before:
                if len(taken) >= size:
                    break
                if actor.code not in taken:
                    roles.add_source(actor, "coref:pronoun" if self.pronoun else "coref:group")
                    taken.add(actor.code)
            return
        if roles.sources:
            return
        others = {a.code for a in roles.targets}
        for actor in [a for a in self.named_before if a.code not in others][: self.size]:
            roles.add_source(actor, "coref:pronoun" if self.pronoun else "coref:group")


def _named_group(
    scan: str, sentence: tuple[int, int], before: Sequence[ActorMatch]
) -> _Group | None:
    pronoun = _PRONOUN_SUBJECT.match(scan, sentence[0], sentence[1])
    m = pronoun or _GROUP.search(scan, sentence[0], sentence[1])
    if m is None:
        return None
    if pronoun:
        # "He had a talk with the vice-minister": the person last named before.
        person = next((a for a in reversed(before) if a.kind == "person"), None)
        return _Group(m.start(), m.end(), 1, (person,), pronoun=True) if person else None
    size = _GROUP_SIZES[(m.group("n") or m.group("lateral") or "both").lower()]
    distinct: dict[str, ActorMatch] = {}
    for actor in reversed(before):
        if actor.code not in distinct and actor.code not in {"UN", "EU"}:
            distinct[actor.code] = actor
    return _Group(m.start(), m.end(), size, tuple(distinct.values()))


def _is_back_reference(scan: str, candidate: _Candidate, claim: Claim) -> bool:
    """ "The theft", "this laundering", "such arms sales": a passing reference to an event
    already told, which annotators (and analysts) skip unless the sentence adds a detail:
    a number, a date, a cited source or a named state."""
    named = any("coref:" not in rule for rule in candidate.roles.rules)
    detail = bool(claim.quantity or claim.time or claim.attributions)
    # "The stolen funds were sent to 50 wallets": what happened to one theft's proceeds,
    # not how laundering works in general.
    specific = any(
        pattern.search(scan, claim.evidence.start, claim.evidence.end) is not None
        for pattern in (_ONE_THEFT, _THOSE_FUNDS)
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


def _prefer_heads(candidates: list[_Candidate]) -> list[_Candidate]:
    """Arms, trade and technology rules firing on the same words: keep the head.

    "technical assistance on spy satellites and missiles" is technology, "dual-use items,
    arms and weapon parts" is arms: the item that comes first is the head, unless it is a
    generic word ("items", "components", "parts") that only lists what follows; "missile
    and nuclear-related technologies" ends in its head. "Goods for the missile programme"
    are technology, not trade.
    """

    def with_item(claim_type: ClaimType) -> list[_Candidate]:
        return [c for c in candidates if c.rule.type == claim_type and c.item is not None]

    tech = with_item(ClaimType.TECH_TRANSFER)
    dropped: set[int] = set()
    for a in with_item(ClaimType.ARMS_TRANSFER):
        for t in tech:
            a_item, t_item = a.item, t.item
            assert a_item is not None and t_item is not None
            if not (a.match.start() < t.match.end() and t.match.start() < a.match.end()):
                continue
            generic = _GENERIC_ITEM.search(a.match.string, t_item[0], t_item[1]) is not None
            head_is_tech = t_item[0] <= a_item[0] and t_item[1] > a_item[1]
            dropped.add(id(a) if (t_item[0] < a_item[0] or head_is_tech) and not generic else id(t))
    for g in with_item(ClaimType.TRADE):
        g_item = g.item
        assert g_item is not None
        if any(t.item and t.item[0] <= g_item[0] < t.item[1] for t in tech):
            dropped.add(id(g))
    return [c for c in candidates if id(c) not in dropped]


def _complete_from_topic(rule: TriggerRule, roles: Roles, topic: ActorMatch) -> None:
    """One side named, the other not: "troops deployed to Russia" in a report about the
    DPRK were sent by the DPRK; "Russia received drones" in a report about Iran got them
    from Iran. The document's topic fills the empty side, unless it already has a role."""
    if rule.voice in {"parties", "sanctions"} or rule.type in _NO_TOPIC_FALLBACK:
        return
    if any(a.code == topic.code for a in (*roles.sources, *roles.targets)):
        return
    if not roles.sources:
        roles.add_source(topic, "coref:document-topic")
    elif not roles.targets:
        roles.add_target(topic, "coref:document-topic")


def _topic_roles(rule: TriggerRule, topic: ActorMatch, *, buying: bool = False) -> Roles:
    """No state named in the sentence: "Diplomats procured technology" in a report about
    the DPRK is about the DPRK. The role goes to the document's dominant actor, grounded
    at its nearest mention before the sentence, under its own rule id."""
    roles = Roles()
    if rule.type in _NO_TOPIC_FALLBACK or rule.voice == "parties":
        return roles
    # "the procurement of intangible technologies": the topic state is the buyer.
    takes_target = (
        rule.voice in {"recipient", "sanctions"} or rule.type == ClaimType.FINANCIAL_FLOW or buying
    )
    if takes_target:
        roles.add_target(topic, "coref:document-topic")
    else:
        roles.add_source(topic, "coref:document-topic")
    return roles


def _document_topic(actors: Sequence[ActorMatch]) -> str | None:
    """The state a document is about: named most, and in at least a third of mentions."""
    # The DPRK counts double: it is the monitored party, and reports about its evasion
    # name the ships, banks and officials that deal with it more often than the DPRK itself.
    counts = Counter(a.code for a in actors if a.code not in {"UN", "EU"})
    counts["KP"] *= 2
    if not counts:
        return None
    code, count = counts.most_common(1)[0]
    return (
        code
        if count >= _TOPIC_MIN_MENTIONS and count / sum(counts.values()) >= _TOPIC_MIN_SHARE
        else None
    )


def _antecedent(actors: Sequence[ActorMatch], code: str | None, position: int) -> ActorMatch | None:
    """The nearest mention of ``code`` before ``position`` (or the first after it)."""
    if code is None:
        return None
    before = [a for a in actors if a.code == code and a.end <= position]
    if before:
        return before[-1]
    return next((a for a in actors if a.code == code), None)


def _one_per_event(
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


def _narrow_shared_sentences(text: str, scan: str, claims: list[Claim]) -> list[Claim]:
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
    return out


def _distinct_events(scan: str, sentence: tuple[int, int], a: Claim, b: Claim) -> bool:
    """Triggers far apart or in different clauses that also differ in who did it, to
    whom, or how it is asserted."""
    apart = abs(a.trigger.start - b.trigger.start) > _SEPARATE_TRIGGERS
    clause = clause_around(scan, sentence, (a.trigger.start, a.trigger.end))
    if not apart and clause[0] <= b.trigger.start < clause[1]:
        return False
    first, second = sorted((a, b), key=lambda c: c.trigger.start)
    if _INCLUDING.search(scan, first.trigger.end, max(first.trigger.end, second.trigger.start)):
        return False  # "more dialogues ..., including the ministerial dialogue": one event
    if a.modality != b.modality:
        return True
    # "Tehran sent Moscow 400 missiles, with more missile shipments from Iran underway":
    # a mention whose parties are a subset of the other's adds no second event.
    return not (_subsumes(a, b) or _subsumes(b, a))


def _subsumes(a: Claim, b: Claim) -> bool:
    """``a`` names every party ``b`` names, in the same roles."""
    return set(b.source_codes) <= set(a.source_codes) and set(b.target_codes) <= set(a.target_codes)


def _between(q: ParsedQuantity, trigger: tuple[int, int]) -> tuple[int, int]:
    return (q.end, trigger[0]) if q.end <= trigger[0] else (trigger[1], max(trigger[1], q.start))


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
    fitting = (
        q
        for q in quantities
        if q.kind in {"count", "money"} and q.unit in allowed and _is_amount(q)
    )
    return _nearest(fitting, anchor)


def _is_amount(q: ParsedQuantity) -> bool:
    """A bare small number with no counted noun ("the three have supplied") is not an amount."""
    return q.unit is not None or q.low != q.high or (q.low or 0) >= 100


def _unit_for(claim_type: ClaimType, parsed: ParsedQuantity, item_text: str | None) -> str | None:
    if parsed.unit:
        return parsed.unit
    lowered = (item_text or "").lower()
    return next((unit for unit in _ITEM_UNITS if unit in lowered), _DEFAULT_UNIT.get(claim_type))


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    """The original text: every span is cut from it."""
    scan: str
    """The same text with markup masked (same length): every match is found in it."""
    document_id: str
    extractor: str
    lexicon: Lexicon
    sentence: tuple[int, int]
    published: str | None


def _build_claim(
    context: _Context,
    candidate: _Candidate,
    quantities: list[ParsedQuantity],
    times: list[ParsedTime],
    attributions: Sequence[AttributionCue],
) -> Claim | None:
    text, document_id, extractor, sentence = (
        context.text,
        context.document_id,
        context.extractor,
        context.sentence,
    )
    rule, m, roles = candidate.rule, candidate.match, candidate.roles

    def span(start: int, end: int) -> Span:
        return make_span(text, start, end, document_id=document_id)

    trigger = (m.start(), m.end())
    item: RoleFiller | None = None
    if "item" in rule.regex.groupindex and m.group("item"):
        item_span = span(m.start("item"), m.end("item"))
        item = RoleFiller(item_span, item_span.text, f"{rule.id}:item")
    elif rule.voice in {"nominal", "sanctions"} or rule.type == ClaimType.AGREEMENT:
        trigger_span = span(*trigger)
        item = RoleFiller(trigger_span, trigger_span.text, f"{rule.id}:trigger-as-item")
    quantity = None
    # A number in another clause counts something else ("deployed 50 missiles, which the
    # White House ... sanctions in those arms deals").
    parsed_q = _pick_quantity(
        rule.type,
        [q for q in quantities if not _CLAUSE_BETWEEN.search(context.scan, *_between(q, trigger))],
        trigger,
    )
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
    parsed_t = _nearest(
        (t for t in times if not _dates_another_noun(context.scan, t, trigger)), trigger
    )
    cue = find_modality(
        context.scan,
        sentence=sentence,
        trigger=trigger,
        rules=context.lexicon.modality,
        nominal=rule.voice == "nominal" or _NOUN_OF.match(context.scan, trigger[0]) is not None,
    )
    if _in_condition(context.scan, sentence, trigger):
        return None  # "If Russia is seen to use North Korean arms, ...": a supposition
    if cue is not None and cue.is_opinion:
        return None  # "Russia should not accept workers": an opinion, not a claim
    if parsed_t is not None and cue is not None and cue.modality == Modality.PLANNED:
        parsed_t = to_future(parsed_t, context.published)
    if parsed_t is not None:
        time = TimeValue(
            span(parsed_t.start, parsed_t.end),
            parsed_t.value_start,
            parsed_t.value_end,
            parsed_t.grain,
            parsed_t.rule,
        )
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
            Attribution(
                span(a.start, a.end), text[a.start : a.end], span(a.cue_start, a.cue_end), a.rule
            )
            for a in attributions
            if governs(context.scan, a, trigger, sentence)
        ),
        extractor=extractor,
        rules=(rule.id, *roles.rules, *([cue.rule] if cue else [])),
    )
