"""One designee, many listings: entries on different lists that name the same target.

The UN lists a person; the EU, the UK and OpenSanctions copy the listing. Screening
should say "this is KPi.001, listed by the UN and the EU", not "two people share this
name". ``group_entries`` links entries of *different* lists (entries of one list are
distinct targets by construction) when they share a normalised name and another
attribute agrees while none conflicts:

* vessels: the same IMO number (names of ships change; the number does not);
* people: a birth date agrees at the precision both give, or both carry the same
  listing date (a copy keeps the date of the original listing); no birth date conflicts;
* organisations: no country conflicts.

A shared name alone never links two people: homonyms ("Kim Yong Chol", b. 1946 and
b. 1962) are the case screening must keep apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rigour.text.translit import ascii_text

from sanctionwatch.resolve.lists import PERSON, VESSEL, ListEntry

_WORD = re.compile(r"[a-z0-9]+")
_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


def name_signature(name: str) -> str:
    """Case, punctuation, hyphens and word order ironed out: "KIM, Yong-chol" = "Kim Yong Chol"."""
    words = _WORD.findall(ascii_text(name).lower())
    return " ".join(sorted(words))


def iso_date(value: str | None) -> str | None:
    """``2009-07-16`` from ``2009-07-16``, ``16.7.2009`` or ``2009-07-16T00:00:00``."""
    if not value:
        return None
    value = value.strip()
    match = _DATE.match(value)
    if match:
        day, month, year = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return value[:10] if re.match(r"^\d{4}(-\d{2}){0,2}", value) else None


def _dates_agree(a: str, b: str) -> bool:
    size = min(len(a), len(b))
    return a[:size] == b[:size]


def _imo(entry: ListEntry) -> set[str]:
    return {re.sub(r"\D", "", d.number) for d in entry.documents if d.type.lower() == "imo"} - {""}


def same_designee(a: ListEntry, b: ListEntry) -> bool:
    """Whether two entries of different lists are listings of one target."""
    if a.list_name == b.list_name or (a.schema == PERSON) != (b.schema == PERSON):
        return False
    if a.schema == VESSEL or b.schema == VESSEL:
        return bool(_imo(a) & _imo(b))
    if a.schema == PERSON:
        births = [(x, y) for x in a.birth_dates for y in b.birth_dates]
        if births and not any(_dates_agree(x, y) for x, y in births):
            return False
        if any(_dates_agree(x, y) for x, y in births):
            return True
        listed_a, listed_b = iso_date(a.listed_on), iso_date(b.listed_on)
        return listed_a is not None and listed_a == listed_b
    countries_a, countries_b = set(a.nationalities), set(b.nationalities)
    return not (countries_a and countries_b and not countries_a & countries_b)


def group_entries(entries: Sequence[ListEntry]) -> list[int]:
    """For each entry, the position of the first entry of its designee (itself if alone)."""
    parent = list(range(len(entries)))
    lists: dict[int, set[str]] = {i: {e.list_name} for i, e in enumerate(entries)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[str, list[int]] = defaultdict(list)
    for position, entry in enumerate(entries):
        keys = {f"n:{name_signature(n.name)}" for n in entry.names if n.quality != "low"}
        keys |= {f"imo:{number}" for number in _imo(entry)}
        for key in keys - {"n:"}:
            blocks[key].append(position)
    for members in blocks.values():
        # A name shared by hundreds of entries ("Kim Chol") links nothing on its own;
        # comparing every pair there would be quadratic for no gain.
        if len(members) > 50:
            continue
        for i, j in ((i, j) for k, i in enumerate(members) for j in members[k + 1 :]):
            a, b = find(i), find(j)
            # Never two entries of one list in a group, not even through a third.
            if a != b and not lists[a] & lists[b] and same_designee(entries[i], entries[j]):
                root, other = min(a, b), max(a, b)
                parent[other] = root
                lists[root] |= lists.pop(other)
    return [find(i) for i in range(len(entries))]
