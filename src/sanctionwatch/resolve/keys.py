"""Retrieval keys: what two spellings of one name share, in any script.

``name_keys(form)`` gives the keys one analysed name is filed under. They are built so
that spelling variants meet and different names mostly do not:

* ``t:`` a folded Latin token (after transliteration from Cyrillic, Greek, Arabic ...);
* ``m:`` its metaphone, so a typo or another transliteration habit still meets;
* ``b:`` an unordered pair of tokens: rarer than either token, and order-free;
* ``k:``/``g:``/``f:`` Korean sound classes, coarsened where romanisations disagree
  (ŏ/o/u, Ri/Li/I/Yi): the family name, the given name as a whole, and both together.
  Hangul and any romanisation of it land on the same keys; so ``김정은``, ``Kim Jong-un``
  and ``KIM, Jung Eun`` meet on ``f:``, a key few entries share;
* ``o:`` a Korean proper name inside an organisation name, from Hangul or romanised, and
  the English renderings of Hangul glossary words as ``t:`` keys.

How much a key says is decided by the index (rarity), not here.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from rigour.text.phonetics import metaphone

from sanctionwatch.resolve.korean import Key, Syllable, has_hangul, segment_romanised
from sanctionwatch.resolve.korean_orgs import read_korean_org
from sanctionwatch.resolve.names import ORG_FORM, NameForm

MAX_READINGS = 8
MAX_PAIR_TOKENS = 5

_INITIAL = {"L": "", "N": "", "": ""}
_VOWEL = {
    "u": "o",
    "yu": "yo",
    "wo": "o",
    "ye": "e",
    "wa": "w",
    "we": "w",
    "wi": "w",
    "ui": "i",
}


def coarse_key(key: Key) -> str:
    """A syllable's sound class with the distinctions romanisations blur taken out."""
    initial, vowel, _final = key
    return _INITIAL.get(initial, initial) + _VOWEL.get(vowel, vowel)


def _syllable_keys(syllables: tuple[Syllable, ...]) -> set[str]:
    per = [sorted({coarse_key(k) for k in s.keys}) for s in syllables]
    return {".".join(combo) for combo in itertools.islice(itertools.product(*per), 8)}


@lru_cache(maxsize=65536)
def _token_keys(token: str) -> tuple[str, ...]:
    keys = [f"t:{token}"]
    if len(token) >= 3 and token.isalpha():
        sound = metaphone(token)
        if len(sound) >= 2:
            keys.append(f"m:{sound}")
    return tuple(keys)


def _korean_keys(form: NameForm) -> set[str]:
    keys: set[str] = set()
    for reading in form.korean[:MAX_READINGS]:
        families = _syllable_keys(reading.family)
        givens = _syllable_keys(reading.given)
        keys.update(f"k:{f}" for f in families)
        keys.update(f"g:{g}" for g in givens)
        keys.update(f"f:{f}/{g}" for f in families for g in givens)
    return keys


def _org_keys(form: NameForm) -> set[str]:
    keys: set[str] = set()
    if has_hangul(form.original):
        for item in read_korean_org(form.original):
            if item.is_proper:
                keys.update(f"o:{k}" for k in _hangul_keys(item.hangul))
            else:
                for rendering in item.renderings:
                    keys.update(f"t:{t}" for t in rendering if not t.startswith(ORG_FORM))
        return keys
    for token in form.folded:
        if len(token) >= 4 and token.isalpha():
            for reading in segment_romanised(token)[:2]:
                if len(reading) >= 2:
                    keys.update(f"o:{k}" for k in _syllable_keys(reading))
    return keys


def _hangul_keys(text: str) -> set[str]:
    from sanctionwatch.resolve.korean import hangul_syllable, is_hangul

    syllables = tuple(hangul_syllable(c) for c in text if is_hangul(c))
    return _syllable_keys(syllables) if len(syllables) >= 2 else set()


def name_keys(form: NameForm) -> set[str]:
    """Every key ``form`` is filed under."""
    keys: set[str] = set()
    tokens = [t for t in dict.fromkeys(form.folded) if t and not t.startswith(ORG_FORM)]
    for token in tokens:
        if len(token) >= 2 or not token.isascii():
            keys.update(_token_keys(token))
    strong = [t for t in tokens if len(t) >= 2][:MAX_PAIR_TOKENS]
    keys.update(f"b:{a}|{b}" for a, b in itertools.combinations(sorted(strong), 2))
    if form.is_org:
        keys |= _org_keys(form)
    else:
        keys |= _korean_keys(form)
    return keys
