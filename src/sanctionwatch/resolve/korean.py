"""Korean names: Hangul syllables, romanised syllables in any system, and how alike they sound.

A syllable is reduced to a *sound class* ``(initial, vowel, final)`` that McCune–Reischauer
(with or without breves and apostrophes), Revised Romanization and the common spellings
(Lee/Rhee, Park, Choi, Sung, Young, French "Tch"/"Dj") all land on: ``정`` "Jong", "Jeong",
"Chong", "Chŏng" and "Jung" are one class or a near one. Two syllables are compared class by
class with a small table of known confusions (ŏ/o/u, ㄹ/ㄴ/silent before i and y — "Ri", "Lee",
"I", "Yi"), and the product says how alike they are: one different syllable in a given name
("Jong Un" against "Jong Il") takes a pair far below any threshold, as it should, because it
names a different person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

_BASE, _LAST = 0xAC00, 0xD7A3

# Sound classes of the 19 initials, 21 medials and 28 finals, in Unicode order.
_INITIALS = (
    "K",
    "K",
    "N",
    "T",
    "T",
    "L",
    "M",
    "P",
    "P",
    "S",
    "S",
    "",
    "C",
    "C",
    "C",
    "K",
    "T",
    "P",
    "H",
)
_VOWELS = (
    "a", "e", "ya", "ye", "o", "e", "yo", "ye", "o", "wa", "we",
    "we", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i",
)  # fmt: skip
_FINALS = (
    "", "K", "K", "K", "N", "N", "N", "T", "L", "L", "L", "L", "L", "L",
    "L", "L", "M", "P", "P", "T", "T", "NG", "T", "T", "K", "T", "P", "T",
)  # fmt: skip

Key = tuple[str, str, str]
"""(initial class, vowel class, final class)"""


@dataclass(frozen=True, slots=True)
class Syllable:
    key: Key
    text: str
    """The Hangul syllable or the romanised spelling it was read from."""
    hangul: bool = False
    alternatives: tuple[Key, ...] = ()
    """Other plausible readings of an ambiguous spelling ("Young": 영 or 용)."""
    sig: str = field(init=False, compare=False, repr=False)
    """What similarity depends on: the letter for Hangul, the sound classes otherwise."""

    def __post_init__(self) -> None:
        sig = "h" + self.text if self.hangul else "l" + ";".join("".join(k) for k in self.keys)
        object.__setattr__(self, "sig", sig)

    @property
    def keys(self) -> tuple[Key, ...]:
        return (self.key, *self.alternatives)


def is_hangul(char: str) -> bool:
    return _BASE <= ord(char) <= _LAST


def has_hangul(text: str) -> bool:
    return any(is_hangul(c) for c in text)


def hangul_syllable(char: str) -> Syllable:
    index = ord(char) - _BASE
    initial, rest = divmod(index, 21 * 28)
    vowel, final = divmod(rest, 28)
    return Syllable((_INITIALS[initial], _VOWELS[vowel], _FINALS[final]), char, hangul=True)


# Romanised spellings. Longest first so "tch" wins over "t", "yeo" over "ye".
_INITIAL_SPELLINGS = {
    "tch": "C", "ch": "C", "dj": "C", "tj": "C", "ts": "C", "jj": "C", "j": "C", "c": "C",
    "kk": "K", "kh": "K", "k": "K", "g": "K", "gg": "K", "q": "K",
    "tt": "T", "th": "T", "t": "T", "d": "T",
    "pp": "P", "ph": "P", "p": "P", "b": "P", "f": "P",
    "ss": "S", "sh": "S", "s": "S",
    "h": "H", "m": "M", "n": "N", "rh": "L", "r": "L", "l": "L", "ll": "L",
}  # fmt: skip
_VOWEL_SPELLINGS: dict[str, tuple[str, ...]] = {
    "a": ("a",), "ae": ("e",), "ai": ("e",), "e": ("e",), "eh": ("e",),
    "ya": ("ya",), "yae": ("ye",), "ye": ("ye",),
    "eo": ("o",), "o": ("o",), "oh": ("o",),
    "yeo": ("yo",), "yo": ("yo",), "yeu": ("yo",),
    "u": ("u",), "oo": ("u",), "ou": ("u", "o"), "eu": ("u",), "ue": ("u",),
    "yu": ("yu",), "yoo": ("yu",), "you": ("yo", "yu"), "iu": ("yu",),
    "wa": ("wa",), "oa": ("wa",), "wae": ("we",), "oe": ("we",), "oi": ("we",), "we": ("we",),
    "wo": ("wo",), "weo": ("wo",), "uo": ("wo",),
    "wi": ("wi",), "ui": ("ui", "wi"), "eui": ("ui",), "yi": ("i", "ui"),
    "i": ("i",), "ee": ("i",), "y": ("i",),
}  # fmt: skip
_FINAL_SPELLINGS = {
    "ng": "NG", "n": "N", "k": "K", "g": "K", "kk": "K", "ck": "K", "c": "K", "rk": "K",
    "t": "T", "d": "T", "s": "T", "tt": "T", "l": "L", "r": "L", "ll": "L", "m": "M",
    "p": "P", "b": "P", "h": "",
}  # fmt: skip


def _alternation(spellings: list[str]) -> str:
    return "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))


_SYLLABLE = re.compile(
    f"({_alternation(list(_INITIAL_SPELLINGS))})?"
    f"({_alternation(list(_VOWEL_SPELLINGS))})"
    f"({_alternation(list(_FINAL_SPELLINGS))})?"
)


def clean_romanised(text: str) -> str:
    """Lowercase ASCII letters only: breves and apostrophes go ("Ch'ŏng" → "chong")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if "a" <= c <= "z")


@lru_cache(maxsize=65536)
def segment_romanised(word: str, *, limit: int = 4) -> tuple[tuple[Syllable, ...], ...]:
    """Every way ``word`` (lowercase ASCII) reads as romanised Korean syllables, fewest first.

    "jongun" → (jong, un) and (jon, gun); "kyongchol" → (kyong, chol); "olaf" → none.
    """
    results: list[tuple[Syllable, ...]] = []

    def walk(pos: int, acc: tuple[Syllable, ...]) -> None:
        if len(results) >= 16 or len(acc) > limit:
            return
        if pos == len(word):
            results.append(acc)
            return
        for syllable, end in _syllables_at(word, pos):
            walk(end, (*acc, syllable))

    walk(0, ())
    results.sort(key=len)
    return tuple(results)


def _syllables_at(word: str, pos: int) -> list[tuple[Syllable, int]]:
    out: list[tuple[Syllable, int]] = []
    for initial in _prefixes(word, pos, _INITIAL_SPELLINGS, allow_empty=True):
        vpos = pos + len(initial)
        for vowel in _prefixes(word, vpos, _VOWEL_SPELLINGS, allow_empty=False):
            fpos = vpos + len(vowel)
            for final in _prefixes(word, fpos, _FINAL_SPELLINGS, allow_empty=True):
                end = fpos + len(final)
                # A final consonant followed by a vowel belongs to the next syllable.
                if final and end < len(word) and word[end] in "aeiouwy" and final != "ng":
                    continue
                if final == "h" and end < len(word):
                    continue
                keys = [
                    (_INITIAL_SPELLINGS.get(initial, ""), v, _FINAL_SPELLINGS.get(final, ""))
                    for v in _VOWEL_SPELLINGS[vowel]
                ]
                text = word[pos:end]
                out.append((Syllable(keys[0], text, alternatives=tuple(keys[1:])), end))
    return out


def _prefixes(word: str, pos: int, table: Mapping[str, object], *, allow_empty: bool) -> list[str]:
    found = [s for s in table if word.startswith(s, pos)]
    if allow_empty:
        found.append("")
    return found


# Similarities between classes; anything not listed and not equal scores _FAR.
_FAR = 0.05
_INITIAL_SIM = {
    frozenset({"L", "N"}): 0.85,
    frozenset({"K", "H"}): 0.2,
    frozenset({"C", "S"}): 0.2,
    frozenset({"C", "T"}): 0.3,
}
_VOWEL_SIM = {
    frozenset({"o", "u"}): 0.85,
    frozenset({"yo", "yu"}): 0.85,
    frozenset({"ui", "i"}): 0.9,
    frozenset({"ui", "wi"}): 0.85,
    frozenset({"ui", "u"}): 0.6,
    frozenset({"wi", "i"}): 0.6,
    frozenset({"e", "a"}): 0.6,
    frozenset({"e", "ye"}): 0.7,
    frozenset({"we", "e"}): 0.6,
    frozenset({"we", "wa"}): 0.6,
    frozenset({"we", "o"}): 0.5,
    frozenset({"wo", "o"}): 0.7,
    frozenset({"wa", "a"}): 0.7,
    frozenset({"ya", "a"}): 0.6,
    frozenset({"yo", "o"}): 0.6,
    frozenset({"yu", "u"}): 0.6,
    frozenset({"ye", "yo"}): 0.4,
}
_FINAL_SIM = {
    frozenset({"N", "NG"}): 0.45,
    frozenset({"", "NG"}): 0.35,
    frozenset({"", "N"}): 0.35,
    frozenset({"", "L"}): 0.5,
    frozenset({"", "K"}): 0.55,
    frozenset({"", "T"}): 0.55,
    frozenset({"K", "T"}): 0.5,
    frozenset({"N", "M"}): 0.4,
    frozenset({"L", "N"}): 0.4,
    frozenset({"NG", "M"}): 0.3,
    frozenset({"P", "T"}): 0.4,
}
_FRONT = (
    "i",
    "y",
)  # ㄹ/ㄴ fall silent before these in the South: 리 Ri/I, 류 Ryu/Yu, 녕 Nyong/Yong


def _initial_sim(a: str, b: str, vowel: str) -> float:
    if a == b:
        return 1.0
    if {a, b} <= {"L", "N", ""}:
        return 0.85 if vowel.startswith(_FRONT) or vowel == "ui" else 0.45
    return _INITIAL_SIM.get(frozenset({a, b}), _FAR)


@lru_cache(maxsize=262144)
def key_similarity(a: Key, b: Key) -> float:
    """How alike two sound classes are, 0..1 (a product of initial, vowel and final)."""
    if a == b:
        return 1.0
    vowel = a[1] if a[1] == b[1] else _VOWEL_SIM.get(frozenset({a[1], b[1]}), _FAR)
    vowel_score = 1.0 if a[1] == b[1] else float(vowel)
    initial = _initial_sim(a[0], b[0], a[1] if a[1].startswith(_FRONT) else b[1])
    final = 1.0 if a[2] == b[2] else _FINAL_SIM.get(frozenset({a[2], b[2]}), 0.15)
    return initial * vowel_score * final


_SIMILARITY: dict[tuple[str, str], float] = {}


def syllable_similarity(a: Syllable, b: Syllable) -> float:
    cached = _SIMILARITY.get((a.sig, b.sig))
    if cached is None:
        cached = _syllable_similarity(a, b)
        if len(_SIMILARITY) < 1_000_000:
            _SIMILARITY[(a.sig, b.sig)] = cached
    return cached


def _syllable_similarity(a: Syllable, b: Syllable) -> float:
    if a.hangul and b.hangul:
        # Both written in Hangul: the letters themselves must agree; a class match
        # between different syllables (정/종) is a different name.
        return 1.0 if a.text == b.text else 0.6 * key_similarity(a.key, b.key)
    return max(key_similarity(x, y) for x in a.keys for y in b.keys)


def contract(syllables: tuple[Syllable, ...]) -> tuple[Syllable, ...] | None:
    """니오 → 뇨: an "i" syllable with no final followed by a vowel-initial one reads as one.

    Returns the contracted reading, or None when nothing contracts.
    """
    out: list[Syllable] = []
    changed = False
    i = 0
    while i < len(syllables):
        cur = syllables[i]
        nxt = syllables[i + 1] if i + 1 < len(syllables) else None
        if (
            nxt is not None
            and cur.key[1] == "i"
            and cur.key[2] == ""
            and nxt.key[0] == ""
            and nxt.key[1] in {"a", "o", "u", "e"}
        ):
            vowel = {"a": "ya", "o": "yo", "u": "yu", "e": "ye"}[nxt.key[1]]
            out.append(Syllable((cur.key[0], vowel, nxt.key[2]), cur.text + nxt.text))
            changed = True
            i += 2
            continue
        out.append(cur)
        i += 1
    return tuple(out) if changed else None
