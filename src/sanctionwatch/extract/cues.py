"""Modality with scope, and attribution: who the sentence cites for a claim."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sanctionwatch.domain import Modality
from sanctionwatch.extract.lexicon import CueRule

# How far before the trigger a cue still governs it, by modality (characters).
_SCOPE_BEFORE = {"denied": 80, "negated": 28, "uncertain": 140, "planned": 60}
_SCOPE_AFTER = {"denied": 0, "negated": 0, "uncertain": 30, "planned": 0}
_NEAR_ONLY = {"uncertain.modal": 45, "planned.will": 45, "uncertain.expects": 60}
_PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "this",
    "that",
    "which",
    "who",
    "there",
    "these",
    "those",
    "one",
}
_LEADING_NOISE = re.compile(
    r"^(?:(?:and|but|while|as|so|also|however|meanwhile|yet|then|that|because|although|though|when|after|before)\s+)+",
    re.I,
)
_MAX_SOURCE_WORDS = 9


@dataclass(frozen=True, slots=True)
class ModalityCue:
    modality: Modality
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class AttributionCue:
    start: int
    end: int
    name: str
    cue_start: int
    cue_end: int
    rule: str


def find_modality(
    text: str, *, sentence: tuple[int, int], trigger: tuple[int, int], rules: tuple[CueRule, ...]
) -> ModalityCue | None:
    s_start, s_end = sentence
    t_start, t_end = trigger
    best: ModalityCue | None = None
    order = ["denied", "negated", "uncertain", "planned"]
    for rule in rules:
        lo = max(s_start, t_start - _SCOPE_BEFORE[rule.label])
        hi = min(s_end, t_end + _SCOPE_AFTER[rule.label])
        for m in rule.regex.finditer(text, lo, hi):
            near = _NEAR_ONLY.get(rule.id)
            if near is not None and (m.start() < t_start - near or m.start() > t_end):
                continue
            cue = ModalityCue(Modality(rule.label), m.start(), m.end(), rule.id)
            if best is None or order.index(rule.label) < order.index(best.modality.value):
                best = cue
            break
    return best


def _clean_source(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    lead = _LEADING_NOISE.match(text[start:end])
    if lead:
        start += lead.end()
    words = list(re.finditer(r"\S+", text[start:end]))
    if not words:
        return None
    if len(words) > _MAX_SOURCE_WORDS:
        return None
    name = text[start:end].strip()
    if name.lower() in _PRONOUNS or not re.search(r"[A-Za-z]", name):
        return None
    first = name.split()[0]
    if not (
        first[:1].isupper()
        or first.lower()
        in {
            "the",
            "many",
            "some",
            "several",
            "most",
            "experts",
            "analysts",
            "officials",
            "satellite",
            "our",
            "civilian",
            "south",
            "north",
        }
    ):
        return None
    return start, start + len(name)


def find_attributions(
    text: str, *, sentence: tuple[int, int], rules: tuple[CueRule, ...]
) -> list[AttributionCue]:
    s_start, s_end = sentence
    out: list[AttributionCue] = []
    for rule in rules:
        for m in rule.regex.finditer(text, s_start, s_end):
            cleaned = _clean_source(text, m.start("src"), m.end("src"))
            if cleaned is None:
                continue
            start, end = cleaned
            if any(a.start < end and start < a.end for a in out):
                continue
            cue_start, cue_end = (
                (m.end("src"), m.end()) if m.end("src") < m.end() else (m.start(), m.start("src"))
            )
            out.append(AttributionCue(start, end, text[start:end], cue_start, cue_end, rule.id))
    return sorted(out, key=lambda a: a.start)
