"""Korean personal names: family name split and comparison across scripts and systems.

``read_korean_name`` reads "김정은", "김 정은", "KIM Jong Un", "Kim Jong-un", "Jong Un Kim",
"KIM, Jong Un" or "Pak Jae-gyong" into its possible (family, given) readings; a Latin name
counts as Korean only when one end is a Korean family name and every other part reads as
romanised syllables. ``compare_korean_names`` scores two readings: family names must agree
and every given-name syllable must agree, up to spelling; one different syllable is a
different person.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from sanctionwatch.resolve.korean import (
    Key,
    Syllable,
    clean_romanised,
    contract,
    hangul_syllable,
    is_hangul,
    segment_romanised,
    syllable_similarity,
)

_DOUBLED = re.compile(r"([a-z])\1")


@dataclass(frozen=True, slots=True)
class KoreanName:
    family: tuple[Syllable, ...]
    given: tuple[Syllable, ...]
    script: str
    """hangul | latin"""
    penalty: float = 1.0
    """Below 1 when the reading needed a repair (doubled letters, a moved hyphen)."""

    @property
    def text(self) -> str:
        sep = "" if self.script == "hangul" else "-"
        family = sep.join(s.text for s in self.family)
        return f"{family} {sep.join(s.text for s in self.given)}"


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str], frozenset[Key]]:
    text = resources.files("sanctionwatch.resolve").joinpath("kb/korean_surnames.yaml")
    data = yaml.safe_load(text.read_text("utf-8"))
    single = frozenset(data["single"])
    compound = frozenset(data["compound"])
    keys = frozenset(hangul_syllable(s).key for s in single)
    return single, compound, keys


def is_family_name(syllables: tuple[Syllable, ...]) -> bool:
    single, compound, keys = _surnames()
    if len(syllables) == 1:
        s = syllables[0]
        return s.text in single if s.hangul else any(k in keys for k in s.keys)
    if len(syllables) == 2 and all(s.hangul for s in syllables):
        return "".join(s.text for s in syllables) in compound
    return False


@lru_cache(maxsize=65536)
def read_korean_name(text: str) -> tuple[KoreanName, ...]:
    """Every plausible (family, given) reading of a personal name, or () if not Korean."""
    if any(is_hangul(c) for c in text):
        return _read_hangul(text)
    return _read_latin(text)


def _read_hangul(text: str) -> tuple[KoreanName, ...]:
    words = ["".join(c for c in w if is_hangul(c)) for w in text.split()]
    words = [w for w in words if w]
    if not words or len("".join(words)) != sum(1 for c in text if c.isalpha()):
        return ()
    _, compound, _ = _surnames()
    readings: list[KoreanName] = []
    joined = "".join(words)
    if len(words) > 1 and len(words[0]) <= 2:
        family, given = words[0], "".join(words[1:])
    elif len(joined) >= 3 and joined[:2] in compound:
        family, given = joined[:2], joined[2:]
    else:
        family, given = joined[:1], joined[1:]
    if not given or len(given) > 4:
        return ()
    fam = tuple(hangul_syllable(c) for c in family)
    giv = tuple(hangul_syllable(c) for c in given)
    readings.append(KoreanName(fam, giv, "hangul"))
    contracted = contract(giv)
    if contracted:
        readings.append(KoreanName(fam, contracted, "hangul", penalty=0.95))
    return tuple(readings)


def _read_latin(text: str) -> tuple[KoreanName, ...]:
    parts = [clean_romanised(p) for p in re.split(r"[\s,\-‐–]+", text)]
    parts = [p for p in parts if p]
    if not 2 <= len(parts) <= 5:
        return ()
    readings: list[KoreanName] = []
    # Family name first (Korean order) or last (Western order, "KWANG IL, HYON").
    for family_part, given_parts in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
        for fam, fam_penalty in _family_readings(family_part):
            for giv, giv_penalty in _given_readings(tuple(given_parts)):
                readings.append(KoreanName(fam, giv, "latin", fam_penalty * giv_penalty))
        if len(parts) == 2 and parts[0] == parts[-1]:
            break
    # Spellings that read the same sounds are one reading; keep the one with no repair.
    unique: dict[tuple[tuple[Key, ...], ...], KoreanName] = {}
    for reading in readings:
        signature = (
            tuple(k for s in reading.family for k in s.keys),
            tuple(k for s in reading.given for k in s.keys),
        )
        kept = unique.get(signature)
        if kept is None or reading.penalty > kept.penalty:
            unique[signature] = reading
    return tuple(unique.values())[:24]


def _variants(word: str) -> list[tuple[str, float]]:
    out = [(word, 1.0)]
    collapsed = _DOUBLED.sub(r"\1", word)
    if collapsed != word:
        out.append((collapsed, 0.95))
    return out


def _family_readings(word: str) -> list[tuple[tuple[Syllable, ...], float]]:
    out = []
    for variant, penalty in _variants(word):
        for reading in segment_romanised(variant, limit=1):
            if is_family_name(reading):
                out.append((reading, penalty))
    return out


@lru_cache(maxsize=65536)
def _given_readings(parts: tuple[str, ...]) -> tuple[tuple[tuple[Syllable, ...], float], ...]:
    per_part: list[list[tuple[tuple[Syllable, ...], float]]] = []
    for part in parts:
        options = [
            (reading, penalty)
            for variant, penalty in _variants(part)
            for reading in segment_romanised(variant, limit=3)
        ]
        per_part.append(options)
    out: list[tuple[tuple[Syllable, ...], float]] = []
    if all(per_part):
        for combo in itertools.islice(itertools.product(*per_part), 32):
            syllables = tuple(s for reading, _ in combo for s in reading)
            penalty = math.prod(p for _, p in combo)
            if 1 <= len(syllables) <= 3:
                out.append((syllables, penalty))
    if not out or len(parts) > 1:
        # A hyphen in the wrong place ("MYONGC-HIN") or a name run together.
        joined = "".join(parts)
        for variant, penalty in _variants(joined):
            for reading in segment_romanised(variant, limit=3):
                if 1 <= len(reading) <= 3:
                    out.append((reading, penalty * (0.97 if len(parts) > 1 else 1.0)))
    return tuple(out)


def _syllables_score(a: tuple[Syllable, ...], b: tuple[Syllable, ...]) -> float:
    if len(a) != len(b) or not a:
        return 0.0
    product = 1.0
    low = 1.0
    for x, y in zip(a, b, strict=True):
        sim = syllable_similarity(x, y)
        product *= sim
        low = min(low, sim)
    if low <= 0:
        return 0.0
    return float(product ** (1 / len(a))) * math.sqrt(low)


def compare_korean_names(a: KoreanName, b: KoreanName) -> float:
    """0..1: family and given name must both agree, syllable by syllable, up to spelling."""
    family = _syllables_score(a.family, b.family)
    if family == 0.0:
        return 0.0
    given = _syllables_score(a.given, b.given)
    return math.sqrt(family) * given * a.penalty * b.penalty


def best_korean_match(
    a: tuple[KoreanName, ...], b: tuple[KoreanName, ...]
) -> tuple[float, KoreanName, KoreanName] | None:
    if not a or not b:
        return None
    best: tuple[float, KoreanName, KoreanName] = (0.0, a[0], b[0])
    families: dict[tuple[int, int], float] = {}
    for x in a:
        for y in b:
            if len(x.given) != len(y.given):
                continue
            key = (id(x.family), id(y.family))
            family = families.get(key)
            if family is None:
                family = families[key] = _syllables_score(x.family, y.family)
            if family == 0.0:
                continue
            score = math.sqrt(family) * _syllables_score(x.given, y.given) * x.penalty * y.penalty
            if score > best[0]:
                best = (score, x, y)
                if score >= 1.0:
                    return best
    return best
