"""Who did what to whom: fill source and target roles from the actors around a trigger.

Direction comes from the trigger's voice (data on each rule) and from the little words
around each actor: "to"/"into" mark a recipient, "from" and a passive "by" a supplier, a
possessive before a noun trigger its agent, a demonym on the item its origin
("North Korean-made shells", "North Korean workers").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sanctionwatch.domain import ClaimType
from sanctionwatch.extract.parties import participants
from sanctionwatch.extract.times import ANCHOR_WORDS
from sanctionwatch.resolve.gazetteer import ActorMatch

# The word before an actor, past a determiner and a quantifier ("by both the UK").
_PREP_BEFORE = re.compile(
    r"(\b[\w-]+)\s+(?:(?:both|either|all|each)\s+)?(?:(?:the|a|an|its|their|his|her)\s+)?$"
)
_POSSESSIVE_AFTER = re.compile(r"^['’]s?\b|^['’]")
_TO = {"to", "into", "toward", "towards"}
_FROM = {"from"}
_BY = {"by"}
_TAKING = re.compile(
    r"\b(?:stole|stolen|steal\w*|theft|heist|launder\w*|hack\w*|loot\w*|siphon\w*|rob\w*"
    r"|extract\w*|exfiltrat\w*|earn\w*|generat\w*|rais(?:e|es|ed|ing))\b",
    re.I,
)
"""Verbs and nouns of taking money: their "by" agent is who gets it."""
_DESTINED = re.compile(r"\b(?:bound|destined|headed)\s+(?:for|to)\b", re.I)
_IN = {"in", "inside", "at"}
_SKIP = {
    "against",
    "with",
    "on",
    "of",
    "between",
    "over",
    "than",
    "like",
    "as",
    "for",
}
# Role markers count only near the trigger: "to X" 200 characters later is another clause.
_MARKER_BEFORE = 12
_MARKER_AFTER = 70
_SUBJECT_BEFORE = 140
_COORDINATION = re.compile(
    r"^(?:,\s*|\s*,?\s+and\s+(?:the\s+|various\s+|other\s+|several\s+)?|\s*[–-]\s*)$"
)
_MODIFIER_AFTER = re.compile(r"^-[a-z]")
# "Russia-flagged ships", "Russia-based companies": the thing is that state's; "U.S.-led",
# "Russia-backed" name someone else's thing.
_BELONGING_AFTER = re.compile(
    r"-(?:based|flagged|registered|owned|operated|headquartered|controlled|run|linked)\b"
    r"|" + r"-(?:made|built|produced|manufactured)\b"
)
_MADE_AFTER = re.compile(r"-(?:made|built|produced|manufactured)\b")
""""North Korea-made missiles": a state's name made into an origin, as a demonym is."""
_MARKET_TYPES = {ClaimType.TECH_TRANSFER, ClaimType.ARMS_TRANSFER, ClaimType.TRADE}
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

    def assign(self, role: str, actors: Sequence[ActorMatch], rule: str) -> None:
        """Replace a role's fillers, and the rules that had filled it, by ``actors``."""
        if role == "source":
            self.sources = list(actors)
        else:
            self.targets = list(actors)
        self.rules = [r for r in self.rules if not r.startswith(f"{role}:")]
        self.rules.append(f"{role}:{rule}")


def _prep(text: str, sentence_start: int, actor: ActorMatch) -> str | None:
    window = text[max(sentence_start, actor.start - 24) : actor.start]
    m = _PREP_BEFORE.search(window)
    return m.group(1).lower() if m else None


def _is_possessive(text: str, actor: ActorMatch) -> bool:
    return bool(_POSSESSIVE_AFTER.match(text[actor.end : actor.end + 2]))


_PASSIVE_WITH = re.compile(r"\s+with\b")
_PARTICIPLE = re.compile(
    r"\w+ed|sent|sold|given|brought|shown|made|built|taken|shipped|supplied", re.I
)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$", re.I)
_OF_AFTER = re.compile(r"\s+of\b")
_ACCORDING = re.compile(r"\b(?:according\s+to|citing|sources?\s+in)\s+(?:the\s+)?$", re.I)
_HELP = {"support", "help", "aid", "assist", "bolster", "arm", "supply"}
_POSSESSIVE_BEFORE = 25
_POSSESSOR_OF = re.compile(r"^['’]s?\s+$")
_SANCTIONED = (
    r"(?:frozen|seized|sanctioned|designated|blacklisted|impounded|confiscated|indicted|charged)"
)
_SANCTIONED_PASSIVE = re.compile(
    rf"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?{_SANCTIONED}\b", re.I
)
_SANCTIONED_WORD = re.compile(_SANCTIONED, re.I)
_GERUND = re.compile(r"[a-z]+ing\b")
_INFINITIVE_AFTER = re.compile(r"\s+to\s+(?!the\b|a\b|an\b)[a-z]+\b")
_ANOTHER_EVENT = re.compile(rf"\b{ANCHOR_WORDS}\b", re.I)
_ON_BEHALF = re.compile(r"\bon\s+behalf\s+of\s+(?:the\s+)?$", re.I)
BUYING = re.compile(
    r"\b(?:purchases?|imports?|procurement|acquisitions?|use|employment|hiring)\b", re.I
)
_BETWEEN_BEFORE = 110


def _word_end(text: str, start: int) -> int:
    m = re.compile(r"[\w'’-]+").match(text, start)
    return m.end() if m else start


def _coordinated(text: str, actors: list[ActorMatch], actor: ActorMatch) -> list[ActorMatch]:
    """ "Russia and China vetoed": the subject and every actor coordinated with it."""
    group = [actor]
    index = actors.index(actor)
    while index > 0:
        left = actors[index - 1]
        if not _COORDINATION.match(text[left.end : group[0].start]):
            break
        group.insert(0, left)
        index -= 1
    return group


def _demonym_on_item(
    text: str, actor: ActorMatch, item: tuple[int, int] | None, trigger_start: int
) -> bool:
    """ "North Korean workers", "North Korean-made shells": the actor modifies the item.

    Only a demonym modifies an item, and only from inside the trigger or right before an
    item that opens it: in "Russian officials used shells" the demonym is the user's.
    """
    if item is None or (actor.kind != "demonym" and not _MADE_AFTER.match(text, actor.end)):
        return False
    if item[0] <= actor.start < item[1]:
        return True
    if actor.end > item[0]:
        return False
    if actor.start < trigger_start and item[0] > trigger_start + 2:
        return False
    gap = text[actor.end : item[0]]
    return len(gap) <= 24 and not re.search(r"[,;.]|\b(?:to|from|by|in|with|of)\b", gap)


def _orient_deal(roles: Roles, partners: list[ActorMatch], claim_type: ClaimType) -> None:
    """A deal "with X" names a counterpart but no direction.

    For arms the DPRK is taken as the supplier when it is one of the two sides: it is
    under an export embargo and the reporting this tool reads is overwhelmingly about
    its exports. The rule id says so, so the choice can be traced and overridden.
    """
    sides = roles.sources + [p for p in partners if p.code not in {a.code for a in roles.sources}]
    codes = {a.code for a in sides}
    if claim_type == ClaimType.ARMS_TRANSFER and "KP" in codes and len(codes) == 2:
        roles.sources, roles.targets = [], []
        roles.rules = [r for r in roles.rules if not r.startswith(("source:", "target:"))]
        for actor in sides:
            if actor.code == "KP":
                roles.add_source(actor, "prior:dprk-arms-supplier")
            else:
                roles.add_target(actor, "prior:dprk-arms-supplier")
        return
    for actor in partners:
        roles.add_target(actor, "marker:with")


def _suffered(text: str, sentence_start: int, trigger: tuple[int, int]) -> bool:
    """A passive sanctions verb ("funds were frozen", "the ship was seized"): its subject
    is the one sanctioned, not the sanctioner."""
    if _SANCTIONED_PASSIVE.search(text, *trigger):
        return True
    word = text[trigger[0] : _word_end(text, trigger[0])]
    return _SANCTIONED_WORD.fullmatch(word) is not None and (
        _PASSIVE_AUX.search(text, max(sentence_start, trigger[0] - 20), trigger[0]) is not None
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
    # "U.S.-led", "Russia-backed": a modifier, not a participant.
    actors = [
        a
        for a in actors
        if not _MODIFIER_AFTER.match(text[a.end : a.end + 2]) or _BELONGING_AFTER.match(text, a.end)
    ]
    if voice == "parties":
        marked = [(actor, _prep(text, s_start, actor)) for actor in actors]
        for actor in participants(text, sentence, trigger, marked):
            roles.add_source(actor, "parties")
        return roles

    origin: list[ActorMatch] = []
    marked_source: list[ActorMatch] = []
    marked_target: list[ActorMatch] = []
    host: list[ActorMatch] = []
    left_free: list[ActorMatch] = []
    inside: list[ActorMatch] = []
    right_free: list[ActorMatch] = []
    partners: list[ActorMatch] = []
    principals: list[ActorMatch] = []
    target_preps = _TO | (_HELP if claim_type in _ORIGIN_TYPES else set())
    if claim_type in {ClaimType.FINANCIAL_FLOW, ClaimType.TROOP_DEPLOYMENT} or voice == "recipient":
        target_preps = target_preps | {"for"}  # "procured technology for North Korea"
    if voice == "sanctions":
        target_preps = target_preps | {"on", "against", "for"}
    if _DESTINED.search(text, t_start, t_end):
        target_preps = target_preps | {"for"}  # "weapons bound for the DPRK"
    if claim_type == ClaimType.FINANCIAL_FLOW and _TAKING.search(text, t_start, t_end):
        # "funds stolen by North Korean hackers": who takes the money gets it.
        target_preps = target_preps | _BY
    previous: tuple[ActorMatch, list[ActorMatch]] | None = None
    skipped: list[ActorMatch] = []
    last: tuple[ActorMatch, str | None] | None = None
    for actor in actors:
        prep = _prep(text, s_start, actor)
        if last is not None and _POSSESSOR_OF.match(text[last[0].end : actor.start]):
            prep = last[1]  # "frozen at Macau's Banco Delta Asia": one phrase, one marker
        last = (actor, prep)
        if prep == "for" and _INFINITIVE_AFTER.match(text, actor.end):
            prep = None  # "scope for the European Union to adopt measures": its subject
        if 0 <= t_start - actor.end <= 2 and _GERUND.match(text, t_start):
            prep = None  # "respond to North Korea sending troops": the gerund's subject
        near = t_start - _MARKER_BEFORE <= actor.start <= t_end + _MARKER_AFTER
        if (
            prep in _FROM | _BY
            and actor.start >= t_end
            and _ANOTHER_EVENT.search(text, t_end, actor.start)
        ):
            continue  # "measures following the approval of sanctions by the UN": that event's
        # "in Russia and China", "with Iran, Libya and Sudan": the same role again.
        if (
            previous
            and previous[1] is not left_free
            and previous[1] is not right_free
            and _COORDINATION.match(text[previous[0].end : actor.start])
        ):
            previous[1].append(actor)
            previous = (actor, previous[1])
            continue
        if _ACCORDING.search(text, max(s_start, actor.start - 16), actor.start):
            continue  # "according to Ukraine": a cited source, not a party
        if _ON_BEHALF.search(text, max(s_start, actor.start - 20), actor.start):
            principals.append(actor)  # "arms brokering on behalf of North Korea"
            previous = (actor, principals)
            continue
        if not near and prep in _FROM | _BY | target_preps | _IN:
            continue
        if actor.end <= t_start and t_start - actor.end > _SUBJECT_BEFORE:
            continue
        if claim_type in _ORIGIN_TYPES and _demonym_on_item(text, actor, item, t_start):
            bucket = origin
        elif (
            actor.end <= t_start
            and _is_possessive(text, actor)
            and prep not in _FROM | _BY | target_preps
        ):
            bucket = left_free  # "in light of the DPRK's decision to deploy": the agent
        elif prep in _FROM or (
            prep in _BY and prep not in target_preps and (voice != "agent" or actor.start > t_start)
        ):
            bucket = marked_source
        elif prep in target_preps:
            bucket = marked_target
        elif prep in _IN:
            bucket = host
        elif (prep == "with" and actor.start >= t_end and near) or (
            prep == "between" and t_start - actor.start <= _BETWEEN_BEFORE
        ):
            bucket = partners  # "arms deals with North Korea", "a deal between X and Y"
        elif prep in _SKIP:
            bucket = skipped  # and whatever is coordinated with it

        elif actor.end <= t_start:
            bucket = left_free
        elif actor.start < t_end:
            bucket = inside
        else:
            bucket = right_free
        bucket.append(actor)
        previous = (actor, bucket)

    subjects = _coordinated(text, left_free, left_free[-1]) if left_free else []
    possessive = next(
        (
            a
            for a in reversed(left_free)
            if _is_possessive(text, a) and t_start - a.end <= _POSSESSIVE_BEFORE
        ),
        None,
    )
    if principals:
        # Brokers acting "on behalf of" a state are its intermediaries: the state supplies.
        subjects = []
        for actor in principals:
            roles.add_source(actor, "marker:on-behalf-of")
    for actor in marked_source:
        roles.add_source(actor, "marker:from/by")
    for actor in marked_target:
        roles.add_target(actor, "marker:to")

    if voice == "agent" and _OF_AFTER.match(text, _word_end(text, t_start)):
        voice = "nominal"  # "the dispatching of workers", "transfer of technology"
    if voice == "agent" and (
        _PASSIVE_WITH.match(text, _word_end(text, t_start))
        or (
            _PASSIVE_AUX.search(text, max(s_start, t_start - 16), t_start)
            and _PARTICIPLE.fullmatch(text[t_start : _word_end(text, t_start)]) is not None
        )
    ):
        voice = "recipient"  # "the military was kept supplied with munitions", "were provided food"
    if voice == "agent":
        for subject in subjects:
            roles.add_source(subject, "subject:agent")
        for actor in inside:
            roles.add_target(actor, "indirect-object")  # "supplied Russia with shells"
    elif voice == "recipient":
        for subject in subjects:
            roles.add_target(subject, "subject:recipient")
    elif voice == "item_first":
        for subject in subjects:
            if subject not in origin:
                roles.add_target(subject, "subject:user")
        if not roles.targets and right_free and right_free[0].start - t_end <= 30:
            roles.add_target(right_free[0], "object")  # "workers have entered Russia"
    elif voice == "nominal":
        buys = BUYING.search(text, t_start, t_end) is not None
        if possessive and buys and possessive.code not in {a.code for a in origin}:
            roles.add_target(possessive, "possessive:buyer")  # "Russia's arms purchases"
        elif possessive and origin and possessive.code not in {a.code for a in origin}:
            roles.add_target(
                possessive, "possessive:user"
            )  # "Russia's use of North Korean workers"
        elif possessive:
            roles.add_source(possessive, "possessive")
        elif subjects and not roles.sources and not origin:
            for subject in subjects:
                roles.add_source(subject, "subject:nominal")
        if partners and not roles.targets:
            _orient_deal(roles, partners, claim_type)
    elif voice == "sanctions" and _suffered(text, s_start, trigger):
        # "North Korean funds were frozen", "the ship was seized": the subject suffers it.
        for subject in subjects:
            roles.add_target(subject, "subject:sanctioned")
    elif voice == "sanctions":
        # "sanctions approved by the Security Council": the passive agent acts, not the
        # subject of the sentence ("The EU is considering measures following ...").
        for subject in subjects if not marked_source else []:
            roles.add_source(subject, "subject:sanctioner")
        objects = [a for a in inside + right_free if a.start - t_end <= _MARKER_AFTER]
        # The sanctioned party, not the financial system it is cut off from ("U.S. banks").
        dprk = [a for a in objects if a.code == "KP"]
        for actor in dprk or objects[:1]:
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
    buying = voice == "recipient" or (voice == "nominal" and BUYING.search(text, t_start, t_end))
    if claim_type in _MARKET_TYPES and buying and not roles.sources:
        # "procurement in China", "In Moscow, a diplomat sought to procure": bought there.
        for actor in host:
            if actor.code not in {a.code for a in roles.targets}:
                roles.add_source(actor, "marker:in-market")
    if voice == "sanctions" and not roles.targets:
        for actor in actors:
            if actor.code == "KP" and all(a.code != "KP" for a in roles.sources):
                roles.add_target(actor, "default:dprk-target")
                break
    if claim_type == ClaimType.FINANCIAL_FLOW and not roles.targets:
        # The DPRK is the beneficiary of the flows this tool reads about ("the DPRK's
        # illicit revenue generation"): a DPRK agent of a money flow is its payee.
        dprk = [a for a in roles.sources if a.code == "KP"]
        if dprk:
            roles.sources = [a for a in roles.sources if a.code != "KP"]
            roles.add_target(dprk[0], "prior:dprk-payee")
        for actor in actors:
            if actor.code == "KP":
                roles.add_target(actor, "default:dprk-payee")
                break
    # A state is not its own counterpart.
    source_codes = {a.code for a in roles.sources}
    if voice != "parties":
        roles.targets = [a for a in roles.targets if a.code not in source_codes]
    return roles
