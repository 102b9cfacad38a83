"""Which body a definite description refers back to: "the panel said", "the experts found".

An article names a body once in full ("U.N. experts say ...", "the UN Panel of Experts")
and then speaks of "the panel" or "the experts". The description is graded as the body it
refers to, as a surname is graded as the person named in full (``resolve/people.py``): the
antecedent is the latest qualified mention of such a group before the citation ("U.N.
experts", "Treasury investigators"), so "the experts" after "CSIS experts" stays an
unnamed group of the think tank's, never the UN's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEAD = r"(?:panel|experts?|monitors|investigators|inspectors)"
# The citation as written: a determiner, at most a generic word, and the group noun.
_DEFINITE = re.compile(
    rf"^\W*(?:the|these|those)\s+(?:(?:expert|independent|same)\s+)?{_HEAD}\W*$", re.IGNORECASE
)
# A group noun with the word before it ("U.N. experts", "Treasury investigators"), or a
# body's title ("Panel of Experts").
_QUALIFIED = re.compile(
    rf"(?P<qualifier>[\w.’'-]+)\s+(?:sanctions\s+)?{_HEAD}\b|\bpanel\s+of\s+experts\b",
    re.IGNORECASE,
)
# Words before the group noun that do not say whose group it is.
_GENERIC = frozenset(
    {
        "the", "these", "those", "some", "of", "a", "an", "its", "their", "his", "her", "our",
        "this", "that", "expert", "independent", "same", "other", "many", "several", "two",
        "three", "said", "and", "by", "to", "with", "from", "for", "as", "eight-member",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class BodyMention:
    """A qualified mention of a group that speaks ("U.N. experts"), with its offsets."""

    start: int
    end: int
    text: str


def find_bodies(text: str) -> tuple[BodyMention, ...]:
    """Every qualified group mention in a document's text, in order."""
    found = []
    for match in _QUALIFIED.finditer(text):
        qualifier = match.group("qualifier")
        if qualifier is not None and qualifier.casefold() in _GENERIC:
            continue
        found.append(BodyMention(match.start(), match.end(), " ".join(match.group(0).split())))
    return tuple(found)


def resolve_body(name: str, *, at: int, bodies: tuple[BodyMention, ...]) -> BodyMention | None:
    """The body a definite description ("the experts") cited at offset ``at`` refers to:
    the latest qualified group mention before it; None when ``name`` is not one."""
    if _DEFINITE.match(" ".join(name.split())) is None:
        return None
    before = [b for b in bodies if b.end <= at]
    return before[-1] if before else None
