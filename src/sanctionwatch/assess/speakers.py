"""Who speaks for a claim, and the reliability letter that belongs to them.

Reliability belongs to who speaks, carried by who publishes: a quoted official, a cited
report or an anonymous source is graded as that source; the outlet that carried it is
named beside it. State media are authoritative about their own government's acts and
unreliable about its adversaries. In a briefing transcript the turn decides: a reporter's
question is the reporter's unverified premise, the podium's answer the host's (``turns``). Public records (resolutions, designations, treaties)
are confirmed facts. Rules are data (``speakers.yaml``) with the outlet registry's letters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from importlib import resources

import yaml

from sanctionwatch.assess.bodies import BodyMention, resolve_body
from sanctionwatch.assess.credits import Byline
from sanctionwatch.assess.sources import DocumentInfo, OutletProfile, OutletRegistry
from sanctionwatch.assess.turns import HOST, REPORTER, REPORTER_QUESTION_RULE, Turn, claim_turn
from sanctionwatch.domain import Attribution, Claim, ClaimType, Modality
from sanctionwatch.domain.errors import ConfigError
from sanctionwatch.law.eventhood import read_event
from sanctionwatch.resolve.people import PersonMention, resolve_person

BAD_SPEAKER_RULES = "E324"
_PUBLIC_RECORD = re.compile(
    r"\b(resolutions? \d{4}|s/res/\d+|designat\w*|blacklist\w*|sanctions list|treaty|"
    r"(?:un|u\.n\.|united nations|security council) sanctions)\b",
    re.IGNORECASE,
)


# The trigger of a sanctions action that is itself an act of record.
_RECORDED_ACT = re.compile(
    r"\b(sanction(s|ed|ing)?|designat\w*|blacklist\w*|indict\w*|imposed\s+sanctions)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    kind: str
    reliability: str
    reason: str


@dataclass(frozen=True, slots=True)
class _Rule:
    id: str
    kind: str
    named: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class SpeakerRules:
    rules: tuple[_Rule, ...]
    adversaries: Mapping[str, frozenset[str]]


def speaker_for(
    claim: Claim,
    document: DocumentInfo | None,
    registry: OutletRegistry,
    *,
    involved: Collection[str] = (),
    rules: SpeakerRules | None = None,
) -> Speaker:
    """The best-graded speaker the claim cites, else the outlet that published it; in a
    transcript, a reporter's question is the reporter's whoever it cites."""
    rules = rules if rules is not None else load_speaker_rules()
    profile = registry.classify(document, involved=involved)
    carrier = f"{profile.name} ({profile.reliability})"
    people = document.people if document is not None else ()
    bodies = document.bodies if document is not None else ()
    turn = claim_turn(claim, document.turns if document is not None else ())
    if turn is not None and turn.role == REPORTER:
        return _reporter(turn, claim, profile, registry)
    # The extractor's question cue on a line the transcript gives to the podium is misread.
    cited = [a for a in claim.attributions if a.rule != REPORTER_QUESTION_RULE]
    if turn is not None and turn.role == HOST:
        # "MR. KIRBY:" read as a citation of "KIRBY": the podium speaks for the host.
        cited = [a for a in cited if not _names_podium(a, turn)]
    speakers = [_cited(a, claim, registry, rules, carrier, people, bodies) for a in cited]
    if speakers:
        return min(speakers, key=lambda s: ("ABCDEF".index(s.reliability), s.name))
    if profile.kind in {"state_media", "state_media_involved"} and profile.country:
        kind, why = _state_media(profile.country, claim, rules)
        letter, label = registry.letter_for(kind)
        return Speaker(
            profile.name, kind, letter, f"{profile.name} speaks: {label}{why}{_found_by(profile)}"
        )
    byline = document.credits.byline if document is not None else None
    if not profile.known and byline is not None:
        return _author(byline, profile, registry, rules)
    if not profile.known:
        return Speaker(
            profile.name,
            profile.kind,
            profile.reliability,
            f"{profile.matched_by} and the text names no source for the claim",
        )
    if turn is not None and turn.role == HOST:
        return Speaker(
            profile.name,
            profile.kind,
            profile.reliability,
            f"{_podium(turn, people)} answers at the podium: {profile.name}'s own statement "
            f"({profile.label}, {profile.reliability}){_found_by(profile)}",
        )
    return Speaker(
        profile.name,
        profile.kind,
        profile.reliability,
        f"the outlet's own reporting: {profile.name} ({profile.label}, {profile.reliability})"
        f"{_found_by(profile)}",
    )


REPORTER_QUESTION = "reporter_question"


def _reporter(
    turn: Turn, claim: Claim, profile: OutletProfile, registry: OutletRegistry
) -> Speaker:
    """A claim in a reporter's question: the reporter's premise, unverified, not the host's
    statement, whoever the question cites ("Q  Zelenskyy said today that ...")."""
    letter, label = registry.letter_for(REPORTER_QUESTION)
    relayed = sorted(
        {" ".join(a.name.split()) for a in claim.attributions if a.rule != REPORTER_QUESTION_RULE}
    )
    relays = f"; the reporter relays {', '.join(repr(n) for n in relayed)}" if relayed else ""
    return Speaker(
        f"a reporter's question ({profile.name})",
        REPORTER_QUESTION,
        letter,
        f"a reporter's question ('{turn.label}') in a transcript published by {profile.name}: "
        f"its premise is the reporter's, not {profile.name}'s statement ({label}, {letter})"
        f"{relays}",
    )


_HONORIFIC = re.compile(r"^(?:MR|MS|MRS|DR)\.?\s+")


def _names_podium(attribution: Attribution, turn: Turn) -> bool:
    """The attribution is the label of the turn it stands in ("KIRBY" in "MR. KIRBY: ...")."""
    name = " ".join(attribution.name.split()).casefold()
    label = " ".join(turn.label.split()).casefold()
    return name in {label, _HONORIFIC.sub("", turn.label).casefold()}


def _podium(turn: Turn, people: tuple[PersonMention, ...]) -> str:
    """The host's label, with the fuller mention of them the text gives, if any."""
    surname = _HONORIFIC.sub("", turn.label).title()
    mention = resolve_person(surname, at=turn.end, people=people) if surname else None
    if mention is None:
        return f"'{turn.label}'"
    return f"'{turn.label}' ('{mention.described}', as the text names them)"


def _found_by(profile: OutletProfile) -> str:
    """How the outlet was found, when not from the outlet field (a URL, a credit)."""
    return "" if profile.matched_by.startswith("outlet name") else f"; {profile.matched_by}"


def _author(
    byline: Byline, profile: OutletProfile, registry: OutletRegistry, rules: SpeakerRules
) -> Speaker:
    """No outlet is known, but the text names its author: the author speaks, graded by the
    affiliation the text gives (a professor's column is an expert's, not an unknown's)."""
    kind = "named_person"
    if byline.role:
        kind = _rule_kind(f"{byline.author}, {byline.role}", named=True, rules=rules)
    letter, label = registry.letter_for(kind)
    return Speaker(
        byline.author,
        kind,
        letter,
        f"no outlet is known ({profile.matched_by}); the author is named by {byline.where}: "
        f"'{byline.described}' ({label}, {letter})",
    )


def _rule_kind(text: str, *, named: bool, rules: SpeakerRules) -> str:
    for rule in rules.rules:
        if (rule.named == "required" and not named) or (rule.named == "absent" and named):
            continue
        if rule.pattern.search(text):
            return rule.kind
    return "named_person" if named else "anonymous"


def _cited(
    attribution: Attribution,
    claim: Claim,
    registry: OutletRegistry,
    rules: SpeakerRules,
    carrier: str,
    people: tuple[PersonMention, ...] = (),
    bodies: tuple[BodyMention, ...] = (),
) -> Speaker:
    name = " ".join(attribution.name.split())
    outlet = registry.find_outlet(name)
    if outlet is not None:
        kind, why = outlet.kind, ""
        if kind == "state_media" and outlet.country:
            kind, why = _state_media(outlet.country, claim, rules)
        letter, label = registry.letter_for(kind)
        return Speaker(
            outlet.name, kind, letter, f"{outlet.name} speaks ({label}{why}), carried by {carrier}"
        )
    from sanctionwatch.assess.origins import is_named

    named = is_named(attribution)
    # "Park said": the person is who the text named in full before ("President Park Geun-hye").
    mention = resolve_person(name, at=attribution.span.end, people=people) if named else None
    described = mention.described if mention is not None else name
    # "The experts said": the group the text named before ("U.N. experts say ...").
    body = None if named else resolve_body(name, at=attribution.span.start, bodies=bodies)
    if body is not None:
        described = body.text
    kind = _rule_kind(described, named=named, rules=rules)
    letter, label = registry.letter_for(kind)
    who = f"'{name}'"
    if body is not None:
        who = f"'{name}' ('{described}', the body the text named before)"
    elif mention is not None and described != name:
        who = f"'{name}' ('{described}', as the text names them)"
    return Speaker(name, kind, letter, f"{who} speaks ({label}, {letter}), carried by {carrier}")


def _state_media(country: str, claim: Claim, rules: SpeakerRules) -> tuple[str, str]:
    actors = {*claim.source_codes, *claim.target_codes}
    if country in actors:
        return "state_media_own_acts", f": {country} is itself an actor of the claim"
    rivals = rules.adversaries.get(country, frozenset()) & actors
    if rivals:
        return (
            "state_media_adversary",
            f": about {', '.join(sorted(rivals))}, adversaries of {country}",
        )
    return "state_media", ""


def public_record(claim: Claim) -> str | None:
    """Why the claim states a public record (a resolution, a designation, a treaty), or None.

    A sanctions action stated as fact whose trigger is the act of record itself (sanctioning,
    designating, blacklisting, indicting) is one, whatever else the sentence says.
    """
    if claim.modality is not Modality.FACT:
        return None
    if claim.type not in {ClaimType.SANCTIONS_ACTION, ClaimType.AGREEMENT}:
        return None
    found = _PUBLIC_RECORD.search(claim.evidence.text)
    if claim.type is ClaimType.SANCTIONS_ACTION:
        act = _RECORDED_ACT.search(claim.trigger.text)
        if act is not None and read_event(claim).is_event:
            return (
                f"a public record (the act '{' '.join(act.group(0).split())}'): a confirmed "
                "fact, checkable in the record"
            )
    if found is None:
        return None
    if claim.type is ClaimType.AGREEMENT and "treaty" not in found.group(0).lower():
        return None
    return f"a public record ('{found.group(0)}'): a confirmed fact, checkable in the record"


@functools.lru_cache(maxsize=1)
def load_speaker_rules() -> SpeakerRules:
    text = resources.files("sanctionwatch.assess").joinpath("speakers.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ConfigError("speakers.yaml: needs a 'rules' list", code=BAD_SPEAKER_RULES)
    rules = []
    for row in data["rules"]:
        if row.get("named") not in {"required", "absent", "any"}:
            raise ConfigError(
                f"speakers.yaml: rule {row.get('id')!r}: named", code=BAD_SPEAKER_RULES
            )
        rules.append(_Rule(row["id"], row["kind"], row["named"], re.compile(row["pattern"], re.I)))
    adversaries = {
        str(k): frozenset(str(v) for v in vs) for k, vs in (data.get("adversaries") or {}).items()
    }
    return SpeakerRules(tuple(rules), adversaries)
