"""People a document introduces with their state, found again by name.

A person the gazetteer knows by full name ("Wang Yi") introduces themselves the same way.

"Chinese Foreign Minister Wang Yi", "U.S. Secretary of State John Kerry", "President
François Hollande of France", "Choe Son Hui, foreign minister of the DPRK": a title ties
a name to a state once; later the report says only "Wang" or "Kerry" ("Wang is due to
meet Kerry on Tuesday"). Each later mention of the name's first or last word becomes an
actor of that state, grounded at the mention, under the ``document`` tier of the
gazetteer so the rule says where it came from. A word that two introductions give to
different states, or that is a title, a month or another capitalised common word, is not
used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sanctionwatch.resolve.gazetteer import ActorMatch

DOCUMENT_TIER = "document"
_STATE_KINDS = frozenset({"name", "demonym", "capital", "metonym"})
_TITLES = frozenset(
    """president vice-president premier chancellor minister ministers secretary leader
    ambassador envoy spokesperson spokesman spokeswoman chief head general chairman
    chairwoman commander director adviser advisor counsellor counselor representative
    official diplomat king queen emperor senator lawmaker governor mayor""".split()  # noqa: SIM905
)
_TITLE_FILLER = frozenset(
    """foreign defence defense prime deputy first state national security council special
    supreme senior top interior finance trade economy affairs general's armed forces
    intelligence of the and for to un u.n. people's people’s military staff joint
    director-general""".split()  # noqa: SIM905
)
_NAME_WORD = r"(?:[A-Z][a-zà-ÿ’'-]+|[A-Z]\.)"
_NAME = rf"(?P<name>{_NAME_WORD}(?:[ ](?:{_NAME_WORD}|[A-Z][a-zà-ÿ]+-[a-zà-ÿ]+)){{0,3}})"
_TITLE_WORD = "|".join(re.escape(w) for w in sorted(_TITLES | _TITLE_FILLER, key=len, reverse=True))
_TITLE_RUN = rf"(?P<title>(?:(?i:{_TITLE_WORD})\s+){{1,6}})"
_AFTER_STATE = re.compile(rf"(?:['’]s)?\s+{_TITLE_RUN}{_NAME}\b")
_BEFORE_STATE = re.compile(rf"{_TITLE_RUN}{_NAME}\s+of\s+(?:the\s+)?$")
_APPOSED_BEFORE_STATE = re.compile(rf"{_NAME},\s+(?:the\s+)?{_TITLE_RUN}(?:of|for)\s+(?:the\s+)?$")
_WINDOW = 90
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
    states = [a for a in actors if a.kind in _STATE_KINDS]
    names: dict[str, set[str]] = {}
    introduced: list[tuple[int, int]] = []
    for actor in [*states, *(a for a in actors if a.kind == "person")]:
        pairs = (
            [(actor.form, (actor.start, actor.end))]
            if actor.kind == "person"
            else _introductions(scan, actor)
        )
        for name, span in pairs:
            introduced.append(span)
            words = name.split()
            for word in {words[0], words[-1]} if len(words) > 1 else set():
                if word.rstrip(".") and word not in _NOT_NAMES and not word.endswith("."):
                    names.setdefault(word, set()).add(actor.code)
    keys = {word: next(iter(codes)) for word, codes in names.items() if len(codes) == 1}
    if not keys:
        return []
    taken = [(a.start, a.end) for a in actors] + introduced
    pattern = re.compile(
        r"(?<![\w’'-])(?:"
        + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
        + r")(?![\w’'-])"
    )
    found: list[ActorMatch] = []
    for m in pattern.finditer(scan):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if found and found[-1].code == keys[m.group(0)] and m.start() - found[-1].end <= 1:
            # "Wang Yi": one person, one mention.
            last = found.pop()
            found.append(
                ActorMatch(
                    last.start,
                    m.end(),
                    last.code,
                    "person",
                    scan[last.start : m.end()],
                    DOCUMENT_TIER,
                )
            )
            continue
        found.append(
            ActorMatch(m.start(), m.end(), keys[m.group(0)], "person", m.group(0), DOCUMENT_TIER)
        )
    return found


def _introductions(scan: str, actor: ActorMatch) -> list[tuple[str, tuple[int, int]]]:
    """Names a title ties to ``actor``: after it ("Chinese Foreign Minister Wang Yi"), or
    before it ("President François Hollande of France", "Choe Son Hui, foreign minister
    of the DPRK")."""
    out = []
    after = _AFTER_STATE.match(scan, actor.end)
    if after and _is_title(after.group("title")):
        out.append((after.group("name"), (after.start("name"), after.end("name"))))
    before = scan[max(0, actor.start - _WINDOW) : actor.start]
    offset = actor.start - len(before)
    for pattern in (_BEFORE_STATE, _APPOSED_BEFORE_STATE):
        m = pattern.search(before)
        if m and _is_title(m.group("title")):
            out.append((m.group("name"), (offset + m.start("name"), offset + m.end("name"))))
    return out


def _is_title(words: str) -> bool:
    tokens = [w.lower().strip(",") for w in words.split()]
    return (
        bool(tokens)
        and any(t in _TITLES for t in tokens)
        and all(t in _TITLES or t in _TITLE_FILLER for t in tokens)
    )
