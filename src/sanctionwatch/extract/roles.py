"""Who did what to whom: fill source and target roles from the actors around a trigger.

Direction comes from the trigger's voice (data on each rule) and from the little words
around each actor: "to"/"into" mark a recipient, "from" and a passive "by" a supplier, a
possessive before a noun trigger its agent, a demonym on the item its origin
("North Korean-made shells", "North Korean workers").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sanctionwatch.domain import ClaimType
from sanctionwatch.resolve.gazetteer import ActorMatch

_PREP_BEFORE = re.compile(r"(\b[\w-]+)\s+(?:(?:the|a|an|its|their|his|her)\s+)?$")
_POSSESSIVE_AFTER = re.compile(r"^['’]s?\b|^['’]")
_TO = {"to", "into", "toward", "towards"}
_FROM = {"from"}
_BY = {"by"}
_IN = {"in", "inside", "at"}
_SKIP = {
    "against",
    "with",
    "on",
    "of",
    "between",
    "over",
    "about",
    "than",
    "like",
    "as",
    "and",
    "for",
}
_HOST_TYPES = {ClaimType.TROOP_DEPLOYMENT, ClaimType.LABOR_DISPATCH}
_ORIGIN_TYPES = {
    ClaimType.ARMS_TRANSFER,
    ClaimType.LABOR_DISPATCH,
    ClaimType.TROOP_DEPLOYMENT,
    ClaimType.TECH_TRANSFER,
    ClaimType.TRADE,
}


@dataclass
class Roles:
    sources: list[ActorMatch] = field(default_factory=list)
    targets: list[ActorMatch] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)

    def add_source(self, actor: ActorMatch, rule: str) -> None:
        if all(a.code != actor.code for a in self.sources):
            self.sources.append(actor)
            self.rules.append(f"source:{rule}")

    def add_target(self, actor: ActorMatch, rule: str) -> None:
        if all(a.code != actor.code for a in self.targets):
            self.targets.append(actor)
            self.rules.append(f"target:{rule}")


def _prep(text: str, sentence_start: int, actor: ActorMatch) -> str | None:
    window = text[max(sentence_start, actor.start - 24) : actor.start]
    m = _PREP_BEFORE.search(window)
    return m.group(1).lower() if m else None


def _is_possessive(text: str, actor: ActorMatch) -> bool:
    return bool(_POSSESSIVE_AFTER.match(text[actor.end : actor.end + 2]))


def _demonym_on_item(text: str, actor: ActorMatch, item: tuple[int, int] | None) -> bool:
    """ "North Korean workers", "North Korean-made 152 mm shells": the actor modifies the item."""
    if item is None or actor.kind not in {"demonym", "name", "capital"}:
        return False
    if item[0] <= actor.start < item[1]:
        return True
    gap = text[actor.end : item[0]]
    return (
        actor.end <= item[0]
        and len(gap) <= 24
        and not re.search(r"[,;.]|\b(?:to|from|by|and|in)\b", gap)
    )


def resolve_roles(
    text: str,
    *,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    item: tuple[int, int] | None,
    actors: list[ActorMatch],
    voice: str,
    claim_type: ClaimType,
) -> Roles:
    roles = Roles()
    s_start, _ = sentence
    t_start, t_end = trigger
    if voice == "parties":
        for actor in actors:
            if _prep(text, s_start, actor) != "against":
                roles.add_source(actor, "parties")
        return roles

    origin: list[ActorMatch] = []
    marked_source: list[ActorMatch] = []
    marked_target: list[ActorMatch] = []
    host: list[ActorMatch] = []
    left_free: list[ActorMatch] = []
    inside: list[ActorMatch] = []
    right_free: list[ActorMatch] = []
    for actor in actors:
        prep = _prep(text, s_start, actor)
        if claim_type in _ORIGIN_TYPES and _demonym_on_item(text, actor, item):
            origin.append(actor)
        elif prep in _FROM or (prep in _BY and (voice != "agent" or actor.start > t_start)):
            marked_source.append(actor)
        elif prep in _TO or (
            prep == "for" and claim_type in {ClaimType.FINANCIAL_FLOW, ClaimType.TROOP_DEPLOYMENT}
        ):
            marked_target.append(actor)
        elif prep in _IN:
            host.append(actor)
        elif voice == "sanctions" and prep in {"on", "against"}:
            marked_target.append(actor)
        elif prep in _SKIP:
            continue
        elif actor.end <= t_start:
            left_free.append(actor)
        elif actor.start < t_end:
            inside.append(actor)
        else:
            right_free.append(actor)

    subject = left_free[-1] if left_free else None
    possessive = next((a for a in reversed(left_free) if _is_possessive(text, a)), None)
    for actor in marked_source:
        roles.add_source(actor, "marker:from/by")
    for actor in marked_target:
        roles.add_target(actor, "marker:to")

    if voice == "agent":
        if subject:
            roles.add_source(subject, "subject:agent")
        for actor in inside:
            roles.add_target(actor, "indirect-object")  # "supplied Russia with shells"
    elif voice == "recipient":
        if subject:
            roles.add_target(subject, "subject:recipient")
    elif voice == "item_first":
        if subject and subject not in origin:
            roles.add_target(subject, "subject:user")
    elif voice == "nominal":
        if possessive:
            roles.add_source(possessive, "possessive")
        elif subject and not roles.sources:
            roles.add_source(subject, "subject:nominal")
    elif voice == "sanctions":
        if subject:
            roles.add_source(subject, "subject:sanctioner")
        for actor in inside + right_free:
            roles.add_target(actor, "object")

    for actor in origin:
        if (
            voice == "recipient"
            or not roles.sources
            or actor.code not in {a.code for a in roles.targets}
        ):
            roles.add_source(actor, "demonym-on-item")
    if claim_type in _HOST_TYPES and not roles.targets:
        for actor in host:
            if actor.start > t_start:
                roles.add_target(actor, "marker:in")
    if voice == "sanctions" and not roles.targets:
        for actor in actors:
            if actor.code == "KP" and all(a.code != "KP" for a in roles.sources):
                roles.add_target(actor, "default:dprk-target")
                break
    if claim_type == ClaimType.FINANCIAL_FLOW and not roles.targets:
        for actor in actors:
            if actor.code == "KP":
                roles.add_target(actor, "default:dprk-payee")
                break
    # A state is not its own counterpart.
    source_codes = {a.code for a in roles.sources}
    if voice != "parties":
        roles.targets = [a for a in roles.targets if a.code not in source_codes]
    return roles
