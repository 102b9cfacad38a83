"""People a document introduces as holders of a state's office, found again by name.

"Chinese Foreign Minister Wang Yi", "President François Hollande of France", "Choe Son
Hui, foreign minister of the DPRK": an office ties a name to a state once (the mentions
and their roles are :func:`sanctionwatch.resolve.people.find_people`'s); later the report
says only "Wang" or "Hollande" ("Wang is due to meet Kerry on Tuesday"). Each later
mention of the name's first or last word becomes an actor of that state, grounded at the
mention, under the ``document`` tier of the gazetteer so the rule says where it came
from. A person the gazetteer knows by full name ("Wang Yi") is introduced the same way.

Only offices count: a "Chinese businessman" or "a Russian analyst" is a national, not
the state. A word two introductions give to different states is nobody's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sanctionwatch.resolve.gazetteer import ActorMatch, find_actors
from sanctionwatch.resolve.people import find_people

DOCUMENT_TIER = "document"
_STATE_KINDS = frozenset({"name", "demonym", "capital", "metonym"})
_OFFICES = frozenset(
    """president premier chancellor minister secretary leader ambassador envoy spokesperson
    spokesman spokeswoman chief head general chairman chairwoman commander director adviser
    advisor counsellor counselor representative official diplomat king queen emperor
    senator lawmaker governor mayor marshal admiral""".split()  # noqa: SIM905
)
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?")
_POSSESSOR_BEFORE = re.compile(r"()['’]s\s+(?:[a-z][\w-]*\s+){0,3}$")
_WORD = re.compile(r"[a-z]+")
# Capitalised words that are no one's name in this sense.
_NOT_NAMES = frozenset(
    """The This That These Those He She It They We I A An And But Or Of In On At For With
    By From To As After Before Since While When Mr Mrs Ms Dr Sir Comrade Madam
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday North South East West
    Korea Korean Russia Russian China Chinese United States Republic Democratic People's
    President Minister Secretary Leader General Chairman Premier Ambassador""".split()  # noqa: SIM905
)


def document_people(scan: str, actors: Sequence[ActorMatch]) -> list[ActorMatch]:
    """Later mentions, by name, of the people the document introduced with a state."""
    names: dict[str, set[str]] = {}
    introduced: list[tuple[int, int]] = []
    for name, code, span in _introductions(scan, actors):
        introduced.append(span)
        words = name.split()
        for word in {words[0], words[-1]} if len(words) > 1 else set():
            if word not in _NOT_NAMES and not word.endswith("."):
                names.setdefault(word, set()).add(code)
    keys = {word: next(iter(codes)) for word, codes in names.items() if len(codes) == 1}
    if not keys:
        return []
    taken = [(a.start, a.end) for a in actors] + introduced
    ordered = sorted(keys, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w’'-])")
    found: list[ActorMatch] = []
    state_ends = {a.end for a in actors if a.kind in _STATE_KINDS}
    for m in pattern.finditer(scan):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        possessor = _POSSESSOR_BEFORE.search(scan, max(0, m.start() - 40), m.start())
        if possessor and possessor.start(1) in state_ends:
            continue  # "South Korea's Kim": the state named right there says whose
        code = keys[m.group(0)]
        if found and found[-1].code == code and m.start() - found[-1].end <= 1:
            # "Wang Yi" written again in full: one person, one mention.
            last = found.pop()
            form = scan[last.start : m.end()]
            found.append(ActorMatch(last.start, m.end(), code, "person", form, DOCUMENT_TIER))
            continue
        found.append(ActorMatch(m.start(), m.end(), code, "person", m.group(0), DOCUMENT_TIER))
    return found


def introduced_people(scan: str, actors: Sequence[ActorMatch]) -> list[ActorMatch]:
    """The office-holders the text introduces, each a person of its state at the name
    ("French President Emmanuel Macron": FR at "Emmanuel Macron"), beside the state's own
    mention; what a later "he" or "she" can stand for. Names the gazetteer already knows
    as people are in ``actors`` already."""
    known = {(a.start, a.end) for a in actors}
    return [
        ActorMatch(start, end, code, "person", scan[start:end], DOCUMENT_TIER)
        for _, code, (start, end) in _introductions(scan, actors)
        if (start, end) not in known
    ]


def _introductions(
    scan: str, actors: Sequence[ActorMatch]
) -> list[tuple[str, str, tuple[int, int]]]:
    """(name, state, where the name stands) for each office-holder the text introduces."""
    out = [
        (a.form, a.code, (a.start, a.end))
        for a in actors
        if a.kind == "person" and len(a.form.split()) > 1
    ]
    starts = {a.start: a for a in actors if a.kind in _STATE_KINDS}
    for person in find_people(scan):
        if not _OFFICES & set(_WORD.findall(person.role.lower())):
            continue
        codes = {a.code for a in find_actors(person.role) if a.kind in _STATE_KINDS}
        after = _OF_STATE.match(scan, person.end)
        if not codes and after and after.end() in starts:
            codes = {starts[after.end()].code}  # "President François Hollande of France"
        if len(codes) == 1:
            out.append((person.name, next(iter(codes)), (person.start, person.end)))
    return out
