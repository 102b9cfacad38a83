"""Mentions in text, linked to knowledge-base entities, states and sanctions-list entries.

``link_mentions(text)`` finds every knowledge-base name (any script, hyphen or space
between parts) and every state actor of the gazetteer, longest first, and returns
grounded ``Mention``s. ``designations_for`` looks an entity up in the loaded lists, so a
mention of the Munitions Industry Department carries its UN reference when the UN list
is loaded; ``claim_designations`` says which actors of a claim are designated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sanctionwatch.domain import Claim, Designation, Mention, make_span
from sanctionwatch.resolve.gazetteer import find_actors
from sanctionwatch.resolve.index import ScreeningIndex
from sanctionwatch.resolve.knowledge import KbEntity, load_kb
from sanctionwatch.resolve.matcher import Query

LINKER = "resolve.linker@v1"


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


def designations_for(
    names: tuple[str, ...],
    index: ScreeningIndex,
    *,
    schema: str = "LegalEntity",
    country: str | None = None,
) -> list[tuple[Designation, str]]:
    """List entries that match ``names``, each with the confidence of the match."""
    query = Query(schema, names, countries=(country.lower(),) if country else ())
    out = []
    for result in index.screen(query, limit=3):
        if result.match:
            entry = result.entry
            designation = Designation(entry.list_name, entry.reference, entry.listed_on)
            out.append((designation, result.confidence))
    return out


def entity_designations(entity: KbEntity, index: ScreeningIndex) -> list[tuple[Designation, str]]:
    schema = "Person" if entity.kind == "person" else "Organization"
    return designations_for(entity.names, index, schema=schema, country=entity.country)


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
