"""Korean organisation names in Hangul against their English names.

"조선남강무역회사" is read as 조선 (Korea) + 남강 (a proper name, compared by sound) +
무역회사 (trading corporation): vocabulary comes from ``kb/korean_glossary.yaml``, longest
term first, and what is left over is a proper name. The English side is matched item by
item: each term by any of its renderings, each proper name by its romanisation in any
system, including spellings split over several words ("Nam Chon Gang").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from sanctionwatch.resolve.korean import (
    Syllable,
    clean_romanised,
    hangul_syllable,
    is_hangul,
    segment_romanised,
    syllable_similarity,
)
from sanctionwatch.resolve.names import NameForm, analyse_name

_PROPER_WEIGHT = 1.5
_EXTRA_ENGLISH = 0.4


@dataclass(frozen=True, slots=True)
class Item:
    hangul: str
    renderings: tuple[tuple[str, ...], ...] = ()
    """Folded English tokens of each rendering; empty for a proper name."""

    @property
    def is_proper(self) -> bool:
        return not self.renderings


@lru_cache(maxsize=1)
def _glossary() -> tuple[dict[str, tuple[tuple[str, ...], ...]], int]:
    text = resources.files("sanctionwatch.resolve").joinpath("kb/korean_glossary.yaml")
    data = yaml.safe_load(text.read_text("utf-8"))
    terms = {
        term: tuple(analyse_name(r, is_org=True).folded for r in renderings)
        for term, renderings in data["terms"].items()
    }
    return terms, max(len(t) for t in terms)


def read_korean_org(text: str) -> tuple[Item, ...]:
    """Glossary terms and proper names of a Hangul organisation name, in order."""
    terms, longest = _glossary()
    items: list[Item] = []
    for word in text.split():
        word = "".join(c for c in word if is_hangul(c))
        proper = ""
        i = 0
        while i < len(word):
            for size in range(min(longest, len(word) - i), 0, -1):
                piece = word[i : i + size]
                # One-syllable terms (부, 사, 국) only end a word: elsewhere they are sounds.
                if piece in terms and (size > 1 or i + size == len(word)):
                    if proper:
                        items.append(Item(proper))
                        proper = ""
                    items.append(Item(piece, terms[piece]))
                    i += size
                    break
            else:
                proper += word[i]
                i += 1
        if proper:
            items.append(Item(proper))
    return tuple(items)


def _proper_score(item: Item, tokens: tuple[str, ...], used: set[int]) -> tuple[float, list[int]]:
    target = tuple(hangul_syllable(c) for c in item.hangul)
    best: tuple[float, list[int]] = (0.0, [])
    free = [i for i in range(len(tokens)) if i not in used]
    for start in range(len(free)):
        for size in (1, 2, 3):
            span = free[start : start + size]
            if len(span) < size or span[-1] - span[0] != size - 1:
                break
            word = clean_romanised("".join(tokens[i] for i in span))
            for reading in segment_romanised(word, limit=len(target)):
                score = _syllables_similarity(target, reading)
                if score > best[0]:
                    best = (score, span)
    return best


def _syllables_similarity(a: tuple[Syllable, ...], b: tuple[Syllable, ...]) -> float:
    if len(a) != len(b):
        return 0.0
    score = 1.0
    for x, y in zip(a, b, strict=True):
        score *= syllable_similarity(x, y)
    return float(score ** (1 / len(a)))


def compare_korean_org(items: tuple[Item, ...], english: NameForm) -> tuple[float, str]:
    """0..1 and a detail: how well the English name renders the Hangul one, item by item."""
    tokens = english.folded
    used: set[int] = set()
    total = weight = 0.0
    notes: list[str] = []
    # Proper names first: they are what tells two trading corporations apart.
    for item in sorted(items, key=lambda it: not it.is_proper):
        if item.is_proper:
            score, span = _proper_score(item, english.tokens, used)
            if score < 0.5:
                score, span = 0.0, []
            used.update(span)
            total += _PROPER_WEIGHT * score
            weight += _PROPER_WEIGHT
            shown = " ".join(english.tokens[i] for i in span) or "—"
            notes.append(f"{item.hangul}~{shown}:{score:.2f}")
            continue
        best_hits: list[int] = []
        best_rendering: tuple[str, ...] = item.renderings[0]
        for rendering in item.renderings:
            hits = [i for i, t in enumerate(tokens) if i not in used and t in rendering]
            if len(hits) / len(rendering) > len(best_hits) / len(best_rendering):
                best_hits, best_rendering = hits, rendering
        used.update(best_hits)
        share = min(1.0, len(best_hits) / len(best_rendering))
        total += share
        weight += 1.0
        notes.append(f"{item.hangul}={' '.join(best_rendering)}:{share:.2f}")
    extra = [i for i in range(len(tokens)) if i not in used and not tokens[i].startswith("#")]
    weight += _EXTRA_ENGLISH * len(extra)
    score = total / weight if weight else 0.0
    leftovers = " ".join(english.tokens[i] for i in extra)
    return score, " ".join(notes) + (f"; unmatched: {leftovers}" if leftovers else "")
