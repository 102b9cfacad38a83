"""Who a sentence means when it does not name them: the document's topic state, counted
groups ("the three", "both sides", "trilateral"), a sentence-opening "He", and the theft a
document already told ("within two hours of the theft", "the stolen funds").

Every role filled here is grounded at the mention it stands for, under a ``coref:`` rule.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sanctionwatch.domain import Claim, ClaimType, RoleFiller, TimeValue, make_span
from sanctionwatch.extract.lexicon import TriggerRule
from sanctionwatch.extract.roles import Roles
from sanctionwatch.resolve.gazetteer import ActorMatch

_TOPIC_MIN_MENTIONS = 3
_TOPIC_MIN_SHARE = 0.34
_NO_TOPIC_FALLBACK = {ClaimType.MEETING, ClaimType.AGREEMENT, ClaimType.VISA_ISSUANCE}
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
ONE_THEFT = re.compile(
    r"\b(?i:the\s+stolen|(?:the|this)\s+)(?:(?<=stolen)|(?:[A-Z][\w.-]*\s+)?"
    r"(?i:theft|hack|heist|exploit|breach)\b)"
)
# "the funds are being laundered through mixers": money already told of, not a method.
THOSE_FUNDS = re.compile(r"\b(?:the|these|those)\s+(?:funds|proceeds)\b", re.I)
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


@dataclass(frozen=True, slots=True)
class Group:
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


def named_group(
    scan: str,
    sentence: tuple[int, int],
    before: Sequence[ActorMatch],
    *,
    lead: ActorMatch | None = None,
) -> Group | None:
    pronoun = _PRONOUN_SUBJECT.match(scan, sentence[0], sentence[1])
    m = pronoun or _GROUP.search(scan, sentence[0], sentence[1])
    if m is None:
        return None
    if pronoun:
        # "He had a talk with the vice-minister": the person the latest sentence naming
        # one named first (``lead``), else the person last named before.
        person = lead or next((a for a in reversed(before) if a.kind == "person"), None)
        return Group(m.start(), m.end(), 1, (person,), pronoun=True) if person else None
    size = _GROUP_SIZES[(m.group("n") or m.group("lateral") or "both").lower()]
    distinct: dict[str, ActorMatch] = {}
    for actor in reversed(before):
        if actor.code not in distinct and actor.code not in {"UN", "EU"}:
            distinct[actor.code] = actor
    return Group(m.start(), m.end(), size, tuple(distinct.values()))


def pronoun_group(
    pronoun: tuple[tuple[int, int], str],
    before: Sequence[ActorMatch],
    *,
    taken: frozenset[str] = frozenset(),
    sentence_start: int = 0,
    lead: ActorMatch | None = None,
) -> Group | None:
    """Whom a participant pronoun stands for, from the actors named before it (document
    order): "he"/"his"/"she"/"her" the first person named earlier in its own sentence
    ("Putin said he would meet Kim"), else ``lead`` (the first person of the latest
    sentence naming one), else the person last named; "they"/"their" the states last
    named that are not already parties (``taken``): two when none is, else one. None when
    nobody fits. Fillers are grounded at the antecedent's mention (``coref:pronoun``)."""
    (start, end), form = pronoun
    earlier = [a for a in before if a.end <= start]
    if form in {"he", "she", "his", "her"}:
        people = [a for a in earlier if a.kind == "person"]
        here = [a for a in people if a.start >= sentence_start]
        person = here[0] if here else lead or (people[-1] if people else None)
        if person is None or person.code in taken:
            return None
        return Group(start, end, 1, (person,), pronoun=True)
    distinct: dict[str, ActorMatch] = {}
    for actor in reversed(earlier):
        if actor.code not in distinct and actor.code not in {"UN", "EU", *taken}:
            distinct[actor.code] = actor
    size = 1 if taken else 2
    if len(distinct) < size:
        return None
    return Group(start, end, size, tuple(distinct.values())[:size], pronoun=True)


def complete_from_topic(
    rule: TriggerRule, roles: Roles, topic: ActorMatch, *, here: Sequence[ActorMatch] = ()
) -> None:
    """One side named, the other not: "troops deployed to Russia" in a report about the
    DPRK were sent by the DPRK; "Russia received drones" in a report about Iran got them
    from Iran. The document's topic fills the empty side, unless it already has a role.

    When the sentence itself names the topic state (``here``: its actors), the role is
    grounded at that mention: the state is named there, only its role is inferred
    (``assess.origins.is_weak`` reads a filler inside the sentence as named)."""
    if rule.voice in {"parties", "sanctions"} or rule.type in _NO_TOPIC_FALLBACK:
        return
    if any(a.code == topic.code for a in (*roles.sources, *roles.targets)):
        return
    named = next((a for a in here if a.code == topic.code), None)
    filler = named or topic
    if not roles.sources:
        roles.add_source(filler, "coref:document-topic")
    elif not roles.targets:
        roles.add_target(filler, "coref:document-topic")


def topic_roles(rule: TriggerRule, topic: ActorMatch, *, buying: bool = False) -> Roles:
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


def document_topic(actors: Sequence[ActorMatch]) -> str | None:
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


def antecedent(actors: Sequence[ActorMatch], code: str | None, position: int) -> ActorMatch | None:
    """The nearest mention of ``code`` before ``position`` (or the first after it)."""
    if code is None:
        return None
    before = [a for a in actors if a.code == code and a.end <= position]
    if before:
        return before[-1]
    return next((a for a in actors if a.code == code), None)


def date_from_told_events(text: str, scan: str, claims: list[Claim]) -> list[Claim]:
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


def victim_from_told_theft(scan: str, claims: list[Claim]) -> list[Claim]:
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
        funds = THOSE_FUNDS.search(scan, max(0, claim.trigger.start - 5), claim.trigger.end)
        told = funds is not None or ONE_THEFT.search(scan, claim.evidence.start, claim.evidence.end)
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
