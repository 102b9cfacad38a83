"""What event coreference reads from one claim: who, when, where, what, how much, its names.

Reports name one event by its participants, its time at their own grain, its place and
its own name ("the Vostochny summit", "Resolution 2270", "the Bybit hack"). ``EventFacts``
holds those for one claim; ``anchors_of`` finds the names: places, organisations and
people the gazetteer knows (not the bare state names, which the actors already carry),
resolution numbers, designations such as "Hwasong-18", and capitalised names the
gazetteer does not know, minus words any report uses ("President", "Ministry").

Two kinds of event behave differently over time. An *act* (a meeting, an agreement, a
sanctions action, a visa decision) happens at a point: reports of it share a day. An
*activity* (a transfer, a deployment, trade, a flow of money or labour) goes on: reports
of it cover overlapping or adjacent periods and together make one campaign.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from sanctionwatch.assess.items import ItemClasses, classify_item
from sanctionwatch.assess.origins import filler_is_coref
from sanctionwatch.assess.sources import DocumentInfo
from sanctionwatch.assess.timeline import Interval, parse_bound, time_interval
from sanctionwatch.domain import Claim, ClaimType, Modality, Quantity, RoleFiller
from sanctionwatch.resolve.gazetteer import find_actors

ACTS = frozenset(
    {
        ClaimType.MEETING,
        ClaimType.AGREEMENT,
        ClaimType.SANCTIONS_ACTION,
        ClaimType.VISA_ISSUANCE,
    }
)
"""Events at a point in time; every other type is an activity that can go on."""
SYMMETRIC = frozenset({ClaimType.MEETING, ClaimType.AGREEMENT})
"""For these the roles are participants, not a direction: who is "source" is arbitrary."""
CONTRADICTING = frozenset({Modality.DENIED, Modality.NEGATED})

# Gazetteer kinds that name a place, an organisation or a person rather than the state.
# A person is kept by surname ("Vladimir Putin", "Putin" -> "putin"): leaders name events
# ("the Kim-Putin summit") that their states' ministers do not.
_ANCHOR_KINDS = frozenset({"place", "metonym", "organisation"})
_PERSON = "person"
_RESOLUTION = re.compile(r"\b(?:[Rr]esolutions?|UNSCR|S/RES/)\s*(\d{3,4})\b")
_DESIGNATION = re.compile(r"\b[A-Z][A-Za-z]{1,9}-\d{1,3}[A-Z]?\b")
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]{2,}(?:[-'][A-Za-z]+)?\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(\n]\s*)$")
# Words capitalised in any report on any event: titles, institutions, calendar, framing.
_COMMON_WORDS = """
the this that these those there their they then than when what which while where who
with without from into after before during since until also but and for not all any some
most more many much such its his her our one two three four five six seven eight nine
ten first second third last next new former earlier later recent today yesterday january
february march april may june july august september october november december monday
tuesday wednesday thursday friday saturday sunday president minister ministry foreign
defence defense secretary general chairman chair leader premier prime deputy vice
ambassador envoy spokesperson spokesman spokeswoman official officials government state
states department office council security committee commission agency assembly
parliament congress senate house white union united nations national international
central people peoples republic democratic federation kingdom party army military navy
force forces command news press statement report reports reported according however
meanwhile although though because despite korea korean koreans north south russia
russian china chinese japan japanese america american ukraine ukrainian iran iranian
european western east west eastern mr mrs ms dr sir comrade supreme great dear respected
treaty agreement summit talks meeting visit resolution sanctions sanction
group company corporation ltd
"""
_COMMON = frozenset(_COMMON_WORDS.split())


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What clustering reads from one claim."""

    claim: Claim
    sources: frozenset[str]
    targets: frozenset[str]
    interval: Interval | None
    published: dt.date | None
    anchors: frozenset[str]
    items: ItemClasses
    quantity: Quantity | None
    syndication: str | None
    weak: bool
    guessed: frozenset[str] = frozenset()
    """Roles ("source", "target") the extractor filled by a document-level guess."""

    @property
    def type(self) -> ClaimType:
        return self.claim.type

    @property
    def document_id(self) -> str:
        return self.claim.document_id

    @property
    def position(self) -> int:
        return self.claim.evidence.start

    @property
    def parties(self) -> frozenset[str]:
        return self.sources | self.targets

    @property
    def full(self) -> bool:
        """Every actor named: two participants, or a source and a target."""
        if self.type in SYMMETRIC:
            return len(self.sources) >= 2
        return bool(self.sources) and bool(self.targets)

    @property
    def concrete(self) -> bool:
        """Every actor named and a time of its own: it says who, whom and when."""
        return self.full and self.interval is not None

    @property
    def vague(self) -> bool:
        """One side missing and no time ("North Korea relies on imported technology"):
        only where it sits in its report ties it to an event."""
        return not self.full and self.interval is None

    @property
    def directionless(self) -> bool:
        """A flow whose states all sit in one role ("its soldiers sent into the Russian
        meat grinder" read as sent to Russia and North Korea): who sends is unknown.
        Acts are not: two states may impose one measure or cast one veto together."""
        if self.is_act:
            return False
        return not (self.sources and self.targets) and len(self.parties) >= 2

    @property
    def contradicts(self) -> bool:
        return self.claim.modality in CONTRADICTING

    @property
    def is_act(self) -> bool:
        return self.type in ACTS

    @property
    def grain(self) -> str:
        return self.claim.time.grain if self.claim.time and self.interval else ""

    def firm(self) -> EventFacts | None:
        """The same report with its doubtful roles left empty: those guessed from the
        document, and a state named on both sides of a flow ("North Korea to North
        Korea": one side is wrong, and which is unknown). None if nothing is doubtful."""
        both = self.sources & self.targets if self.type not in SYMMETRIC else frozenset()
        if not self.guessed and not both:
            return None
        sources, targets = _roles(self.claim, skip=self.guessed)
        return dataclasses.replace(
            self, sources=sources - both, targets=targets - both, guessed=frozenset()
        )

    def kind(self) -> str | None:
        """Type and parties, the unit whose recurrence is counted; None unless ``full``."""
        if not self.full:
            return None
        if self.type in SYMMETRIC:
            return f"{self.type.value}|{','.join(sorted(self.sources))}"
        return (
            f"{self.type.value}|{','.join(sorted(self.sources))}>{','.join(sorted(self.targets))}"
        )

    def order(self) -> tuple[bool, bool, bool, int, str, str]:
        """Most specific first: both actors, dated, finer grain, earlier; then the id.

        An activity reported over an explicit range ("from September to February") comes
        before its dated reports: it draws the campaign they fall into.
        """
        rank = {"day": 0, "month": 1, "year": 2}.get(self.grain, 3)
        interval, time = self.interval, self.claim.time
        if interval is not None and (interval[1] - interval[0]).days >= 400:
            rank = 4
        elif not self.is_act and time is not None and time.end and time.end != time.start:
            rank = -1
        start = interval[0].isoformat() if interval else "9999"
        return (self.weak, not self.full, interval is None, rank, start, self.claim.id)


GUESSING_RULES = ("coref:document-topic", "coref:told-event")
"""Coreference that fills a role the sentence leaves empty from the rest of the document
(its topic, the actors of an event told before): a guess a named actor elsewhere overrides."""


def guessed_roles(claim: Claim) -> frozenset[str]:
    """Roles filled by a guessing rule whose fillers the sentence does not itself name."""
    evidence = claim.evidence

    def named_here(fillers: tuple[RoleFiller, ...]) -> bool:
        return any(evidence.start <= f.span.start and f.span.end <= evidence.end for f in fillers)

    return frozenset(
        role
        for role, fillers in (("source", claim.sources), ("target", claim.targets))
        if any(rule.startswith(f"{role}:{g}") for rule in claim.rules for g in GUESSING_RULES)
        and not named_here(fillers)
    )


def _roles(
    claim: Claim, *, skip: frozenset[str] = frozenset()
) -> tuple[frozenset[str], frozenset[str]]:
    sources = frozenset() if "source" in skip else frozenset(claim.source_codes)
    targets = frozenset() if "target" in skip else frozenset(claim.target_codes)
    if claim.type in SYMMETRIC:
        return sources | targets, frozenset()
    return sources, targets


def read_facts(claim: Claim, documents: Mapping[str, DocumentInfo]) -> EventFacts:
    doc = documents.get(claim.document_id)
    sources, targets = _roles(claim)
    quantity = claim.quantity
    if quantity is not None and (quantity.kind not in {"count", "money"} or not quantity.unit):
        quantity = None
    return EventFacts(
        claim=claim,
        sources=sources,
        targets=targets,
        interval=time_interval(claim.time),
        published=parse_bound(doc.published, upper=True) if doc else None,
        anchors=anchors_of(claim),
        items=classify_item(claim.type, claim.item.value if claim.item else None),
        quantity=quantity,
        syndication=doc.syndication_cluster if doc else None,
        weak=filler_is_coref(claim),
        guessed=guessed_roles(claim),
    )


def anchors_of(claim: Claim) -> frozenset[str]:
    """Names in the claim's sentence that tie it to one event, lower-cased and typed.

    ``place:kursk``, ``org:bybit`` (gazetteer places, organisations, institutions),
    ``person:putin`` (by surname), ``resolution 2270``, ``model:hwasong-18`` and
    ``name:zorvak`` for a capitalised name the gazetteer does not know.
    """
    text = claim.evidence.text
    out: set[str] = set()
    taken: list[tuple[int, int]] = []
    for match in find_actors(text):
        taken.append((match.start, match.end))
        if match.kind in _ANCHOR_KINDS and not match.form.lower().startswith("the "):
            prefix = "place" if match.kind == "place" else "org"
            out.add(f"{prefix}:{_norm(match.form)}")
        elif match.kind == _PERSON:
            out.add("person:" + re.split(r"[\s-]+", match.form.strip())[-1].lower())
    for found in _RESOLUTION.finditer(text):
        out.add(f"resolution {found.group(1)}")
    for found in _DESIGNATION.finditer(text):
        out.add(f"model:{found.group(0).lower()}")
    for found in _CAPITALISED.finditer(text):
        start = found.start()
        word = found.group(0)
        if word.lower() in _COMMON or any(a <= start < b for a, b in taken):
            continue
        if _SENTENCE_START.search(text[:start]):
            continue  # capitalised only because a sentence or quotation begins
        out.add(f"name:{word.lower()}")
    return frozenset(out)


def _norm(form: str) -> str:
    return " ".join(form.lower().split())


def filed_years(facts: EventFacts) -> list[int]:
    """Years an incident is filed under for this claim: its own, else its report's."""
    if facts.interval is not None:
        lo, hi = facts.interval[0].year, facts.interval[1].year
        lo = max(lo, hi - 4)
        return list(range(lo, hi + 1))
    return [facts.published.year] if facts.published is not None else []


def query_years(facts: EventFacts) -> list[int]:
    """Years to look in: a year either side of its own (a campaign runs on), or, undated,
    the years before its report (an undated report tells of something already past)."""
    if facts.interval is not None:
        lo, hi = facts.interval[0].year - 1, facts.interval[1].year + 1
    elif facts.published is not None:
        lo, hi = facts.published.year - UNDATED_LOOKBACK_YEARS, facts.published.year
    else:
        return []
    return list(range(max(lo, hi - 6), hi + 1))


UNDATED_LOOKBACK_YEARS = 3
"""How far back before its report an undated claim looks for its event."""


def blocking_keys(facts: EventFacts, *, query: bool) -> set[str]:
    """Keys under which an incident is filed (``query=False``) or looked up (``True``).

    Each key is a type with one actor or one anchor and a year, or the document; the year
    keeps a bucket as small as one year's reporting however large the store grows. A claim
    without a date or a publication date files under "undated".
    """
    kind = facts.type.value
    keys = {f"{kind}|d:{facts.document_id}"}
    years = query_years(facts) if query else filed_years(facts)
    buckets = [f"y:{year}" for year in years] or ["undated"]
    names = [f"a:{actor}" for actor in sorted(facts.parties)]
    names += [f"n:{anchor}" for anchor in sorted(facts.anchors)]
    keys |= {f"{kind}|{name}|{bucket}" for name in names for bucket in buckets}
    return keys
