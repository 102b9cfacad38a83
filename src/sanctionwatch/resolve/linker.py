"""Mentions in text, linked to knowledge-base entities, states and sanctions-list entries.

``link_mentions(text)`` finds every knowledge-base name (any script, hyphen or space
between parts) and every state actor of the gazetteer, longest first, and returns
grounded ``Mention``s. ``entity_designations`` looks an entity up in the loaded lists, so
a mention of the Munitions Industry Department carries its UN reference when the UN list
is loaded; a person is claimed as a designee only when the birth year or the role agrees
with the listing, and is a ``possible`` one when neither can be checked.
``claim_designations`` says which actors of a claim are designated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sanctionwatch.domain import Claim, Designation, Mention, make_span
from sanctionwatch.resolve.gazetteer import find_actors
from sanctionwatch.resolve.index import ScreeningIndex
from sanctionwatch.resolve.knowledge import KbEntity, load_kb
from sanctionwatch.resolve.lists import ListEntry
from sanctionwatch.resolve.matcher import MatchResult, Query

LINKER = "resolve.linker@v2"


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    names: dict[str, KbEntity]


def _key(text: str) -> str:
    return " ".join(re.split(r"[\s\-‐–]+", text.replace("’", "'"))).casefold()


@lru_cache(maxsize=1)
def _pattern() -> _Pattern:
    names: dict[str, KbEntity] = {}
    for entity in load_kb().entities:
        for name in entity.names:
            names.setdefault(_key(name), entity)
    bodies = []
    for name in sorted(names, key=len, reverse=True):
        parts = [re.escape(p).replace("'", "['’]") for p in name.split(" ")]
        bodies.append(r"[\s\-‐–]+".join(parts))
    regex = re.compile(rf"(?<!\w)(?:{'|'.join(bodies)})(?!\w)", re.IGNORECASE)
    return _Pattern(regex, names)


def link_mentions(text: str, *, document_id: str = "") -> list[Mention]:
    """Knowledge-base entities and states named in ``text``, as grounded mentions."""
    found: list[Mention] = []
    pattern = _pattern()
    for match in pattern.regex.finditer(text):
        surface = match.group(0)
        # Acronyms must keep their case: "nis" in running text is not the NIS.
        entity = pattern.names[_key(surface)]
        if _canonical_upper(entity, surface) and not surface.isupper():
            continue
        span = make_span(text, match.start(), match.end(), document_id=document_id)
        kind = "person" if entity.kind == "person" else "organization"
        found.append(Mention(span, kind, f"kb:{entity.id}", f"{LINKER}:kb"))
    taken = [(m.span.start, m.span.end) for m in found]
    for actor in find_actors(text):
        if any(s < actor.end and actor.start < e for s, e in taken):
            continue
        span = make_span(text, actor.start, actor.end, document_id=document_id)
        kind = "country" if actor.kind in {"name", "demonym", "capital", "metonym"} else actor.kind
        found.append(Mention(span, kind, actor.code, actor.rule))
    return sorted(found, key=lambda m: (m.span.start, -m.span.end))


def _canonical_upper(entity: KbEntity, surface: str) -> bool:
    key = _key(surface)
    return any(_key(n) == key and n.isupper() for n in entity.names)


POSSIBLE = "possible"
_ROLE_STOP = frozenset(
    [
        "the",
        "of",
        "and",
        "for",
        "a",
        "an",
        "in",
        "on",
        "at",
        "to",
        "from",
        "with",
        "by",
        "former",
        "head",
        "chief",
        "director",
        "deputy",
        "vice",
        "member",
        "official",
        "minister",
        "department",
        "general",
        "first",
        "senior",
        "acting",
    ]
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.casefold()) if w not in _ROLE_STOP}


def _acronyms(text: str) -> set[str]:
    """ "Reconnaissance General Bureau (RGB)" → {"rgb"}: spelled-out and written acronyms."""
    found = {a.casefold() for a in re.findall(r"\b[A-Z]{2,6}\b", text)}
    for phrase in re.findall(r"(?:[A-Z][a-z]+\s+){1,5}[A-Z][a-z]+", text):
        found.add("".join(w[0] for w in phrase.split()).casefold())
    return found


def role_agrees(role: str, listing: str) -> bool:
    """Whether a role and a listing's positions and reasons name the same post or body:
    an acronym in common, or two telling words ("Reconnaissance", "Bureau")."""
    if _acronyms(role) & (_acronyms(listing) | _words(listing)):
        return True
    return len(_words(role) & _words(listing)) >= 2


def check_listing(entity: KbEntity, entry: ListEntry) -> str | None:
    """``strong`` when the birth year or the role agrees with the listing, ``possible``
    when nothing tells (a name alone, or a nationality every namesake shares), ``None``
    when the birth year conflicts: a namesake, not this person."""
    years = {b[:4] for b in entry.birth_dates}
    if entity.born is not None and years:
        return "strong" if str(entity.born) in years else None
    listing = " ".join([*entry.positions, entry.notes or ""])
    if entity.role and listing.strip() and role_agrees(entity.role, listing):
        return "strong"
    return POSSIBLE


def designations_for(
    names: tuple[str, ...],
    index: ScreeningIndex,
    *,
    schema: str = "LegalEntity",
    country: str | None = None,
) -> list[tuple[Designation, str]]:
    """List entries that match ``names``, each with the confidence of the match. A person
    named by text alone is at most a ``possible`` designee: namesakes are common."""
    query = Query(schema, names, countries=(country.lower(),) if country else ())
    out = []
    for result in index.screen(query, limit=3):
        if result.match:
            confidence = POSSIBLE if result.entry.is_person else result.confidence
            for entry in result.designations or [result.entry]:
                out.append((_designation(entry), confidence))
    return out


def _designation(entry: ListEntry) -> Designation:
    return Designation(entry.list_name, entry.reference, entry.listed_on)


def entity_listings(
    entity: KbEntity, index: ScreeningIndex
) -> list[tuple[ListEntry, MatchResult, str]]:
    """The listings of a knowledge-base entity, each with the match and its confidence.

    A person is claimed as a designee (``strong``) only when the birth year or the role
    agrees with the listing, is ``possible`` when neither can be checked, and is not
    linked when the birth year conflicts (Kim Yong Chol of the RGB, b. 1946, is not UN
    KPi.024, b. 1962)."""
    schema = "Person" if entity.kind == "person" else "Organization"
    countries = (entity.country.lower(),) if entity.country else ()
    out: list[tuple[ListEntry, MatchResult, str]] = []
    for result in index.screen(Query(schema, entity.names, countries=countries), limit=5):
        if not result.match:
            continue
        for entry in result.designations or [result.entry]:
            if entity.kind != "person":
                out.append((entry, result, result.confidence))
                continue
            confidence = check_listing(entity, entry)
            if confidence is not None:
                out.append((entry, result, confidence))
    return out


def entity_designations(entity: KbEntity, index: ScreeningIndex) -> list[tuple[Designation, str]]:
    return [(_designation(e), c) for e, _, c in entity_listings(entity, index)]


def claim_designations(claim: Claim, index: ScreeningIndex) -> list[dict[str, object]]:
    """Which actors of a claim are designated: role, the text naming it, the list entry."""
    out: list[dict[str, object]] = []
    for role, fillers in (("source", claim.sources), ("target", claim.targets)):
        for filler in fillers:
            text = filler.span.text.strip()
            if not text or (text.isupper() and len(text) <= 3):
                continue  # "US", "UN": states are not list entries
            for designation, confidence in designations_for((text,), index):
                out.append(
                    {
                        "role": role,
                        "text": text,
                        "start": filler.span.start,
                        "end": filler.span.end,
                        "list": designation.list_name,
                        "reference": designation.reference,
                        "listed_on": designation.listed_on,
                        "confidence": confidence,
                    }
                )
    return out
