"""People a document names with their roles, so a later surname can be read as that person.

News style introduces a speaker once in full ("South Korean President Park Geun-hye",
"Lim Soo-ho, a senior analyst at the Institute for National Security Strategy") and then
by surname ("Park said"). The speaker's kind is judged from the fullest mention, not the
surname: a president quoted by surname is not a private person.

Two shapes are read: role words before a name ("Russian Deputy Prime Minister Marat
Khusnullin", "leader Kim Jong Un") and an appositive after it ("Alexander Matsegora,
Russia's ambassador to North Korea,"). An appositive must name a role held by a person
(``_PERSON_NOUNS``), so "North Korea, a country that ..." is not taken for a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

_TITLES = (
    r"president|vice[- ]president|prime minister|premier|(?:\w+ )?minister|secretary(?: of state)?|"
    r"ambassador|envoy|spokes(?:wo)?man|spokesperson|general|gen\.|admiral|adm\.|commander|"
    r"chairman|chairwoman|chief of staff|chief|director|leader|senator|sen\.|congressman|"
    r"congresswoman|rep\.|governor|mayor|professor|prof\.|dr\.|analyst|researcher|fellow|"
    r"official|lawmaker|king|dictator|chancellor|marshal|colonel|col\.|lieutenant|deputy|"
    r"head|diplomat|attorney general|prosecutor|judge|adviser|advisor|expert|economist|"
    r"businessman|businesswoman|executive|ceo|founder|journalist|correspondent"
)
_PERSON_NOUNS = _TITLES + r"|businessmen|owner|member|officer|scholar|engineer|scientist|defector"
_NAME_TOKEN = r"(?:[A-Z][a-z’'\-]+|[A-Z]\.?)"
# A personal name: two to four capitalised tokens, hyphenated given names included
# ("Park Geun-hye", "R Scott Kemp", "Kim Jong Un"); the last may be a surname alone.
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}"
# Words before a title: "South Korean", "U.S.", "former"; not a dateline in capitals.
_MODIFIER = (
    r"(?:(?![A-Z]{3,}\b)[A-Z][\w’'-]*|[A-Z](?:\.[A-Z])+\.|"
    r"(?i:former|then|acting|deputy|vice|senior|chief|foreign|defen[cs]e))"
)
_BEFORE = re.compile(rf"(?P<role>(?:{_MODIFIER}\s+){{0,5}}(?i:{_TITLES}))\s+(?P<name>{_NAME})\b")
# ", a senior analyst at ...", ", Russia's ambassador to ...", ", foreign minister of ...".
_AFTER = re.compile(
    rf"(?P<name>{_NAME}),\s+(?P<role>(?:(?:a|an|the|one of the|his|her|[A-Z][\w.]*(?:'s|’s))\s+"
    rf"(?:[\w.’'-]+\s+){{0,4}}?(?i:{_PERSON_NOUNS})|(?:[a-z][\w-]*\s+){{0,2}}"
    rf"(?i:{_PERSON_NOUNS})(?=\s+(?:of|at|for|to)\s))\b[^,.;:()\n]{{0,80}})",
)
_MAX_TEXT = 200_000


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One mention of a named person with the role the text gives them."""

    start: int
    end: int
    name: str
    role: str
    role_after: bool = False

    @property
    def described(self) -> str:
        """The mention as the text gives it: "President Park Geun-hye", "Lim, an analyst"."""
        return f"{self.name}, {self.role}" if self.role_after else f"{self.role} {self.name}"


@lru_cache(maxsize=8)
def find_people(text: str) -> tuple[PersonMention, ...]:
    """Every named person with a role, in text order (kept for the last few texts:
    extraction and grading ask of the same document more than once)."""
    text = text[:_MAX_TEXT]
    found: dict[tuple[int, int], PersonMention] = {}
    for match in _BEFORE.finditer(text):
        offset, name = _trim_name(match.group("name"))
        role = " ".join(match.group("role").split())
        if not name or not _title_is_lowercase_or_capitalised(role):
            continue
        start = match.start("name") + offset
        found.setdefault(
            (start, start + len(name)), PersonMention(start, start + len(name), name, role)
        )
    for match in _AFTER.finditer(text):
        offset, name = _trim_name(match.group("name"))
        if not name:
            continue
        start = match.start("name") + offset
        role = " ".join(match.group("role").split()).rstrip(" ,")
        key = (start, start + len(name))
        before = found.get(key)
        if before is None or len(role) > len(before.role):
            found[key] = PersonMention(start, key[1], name, role, role_after=True)
    return tuple(sorted(found.values(), key=lambda m: (m.start, m.end)))


def resolve_person(name: str, *, at: int, people: Iterable[PersonMention]) -> PersonMention | None:
    """The fullest mention, up to ``at``, of the person ``name`` (a surname or a full name)
    refers to; with two people of one surname, the one named last before ``at``."""
    tokens = _tokens(name)
    if not tokens or len(tokens) > 4:
        return None
    candidates = [m for m in people if m.start <= at and _fits(tokens, _tokens(m.name))]
    if not candidates:
        return None
    latest = max(candidates, key=lambda m: m.start)
    same = [m for m in candidates if _tokens(m.name) == _tokens(latest.name)]
    return max(same, key=lambda m: (len(m.role), m.start))


def _fits(tokens: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Every word of the speaker's name is a word of the mention's, the last included."""
    return set(tokens) <= set(name) and (tokens[-1] in name)


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(t.casefold().strip(".") for t in re.split(r"[\s-]+", name) if t.strip("."))


_STOP = frozenset({"The", "A", "An", "And", "Of", "In", "On", "At", "For", "To", "With", "By"})


_TITLE_WORDS = frozenset(re.findall(r"[a-z]+", _PERSON_NOUNS)) | {"foreign", "deputy", "former"}


def _trim_name(name: str) -> tuple[int, str]:
    """(offset, name) with connectors and title words at the edges left out; "" if under
    two words remain."""
    words = list(re.finditer(r"\S+", name))
    while words and words[-1].group(0) in _STOP:
        words.pop()
    while words and (
        words[0].group(0) in _STOP or words[0].group(0).casefold().strip(".") in _TITLE_WORDS
    ):
        words.pop(0)
    if len(words) < 2:
        return 0, ""
    text = " ".join(w.group(0) for w in words)
    return words[0].start(), re.sub(r"(?:’s|'s)$", "", text)


def _title_is_lowercase_or_capitalised(role: str) -> bool:
    # "President" or "president", never "PRESIDENT" shouting a headline.
    return not role.isupper()
