"""Names in any script: checking, cleaning, transliterating and tokenising.

``check_name`` is the gate every screened name passes (empty, too long, control
characters, scripts that should not mix: each a stable code). ``analyse_name`` turns a
checked name into a ``NameForm``: its scripts, the Latin tokens used for comparison (with
the transliteration that produced them), a folded spelling of each token that irons out
transliteration habits (Sergey/Sergei, Shoygu/Shoigu, Wladimir/Vladimir), and the Korean
readings when the name is Korean in Hangul or in romanisation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rigour.names import remove_person_prefixes
from rigour.text.cleaning import remove_bracketed_text
from rigour.text.scripts import text_scripts
from rigour.text.translit import ascii_text

from sanctionwatch.domain.errors import InputError
from sanctionwatch.resolve.korean import has_hangul
from sanctionwatch.resolve.korean_names import KoreanName, read_korean_name

MAX_NAME_LENGTH = 1000

# Screening error codes. Stable: the API, the CLI and batch reports key on them.
EMPTY_NAME = "E501"
NAME_TOO_LONG = "E502"
CONTROL_CHARACTERS = "E503"
MIXED_SCRIPTS = "E504"

# Scripts that legitimately share one name: Japanese mixes kana and kanji, Korean names
# may carry Hanja. Any other mix in one word is a homoglyph trick or two names glued.
_SCRIPT_FAMILIES = {
    "Han": "CJK",
    "Hiragana": "CJK",
    "Katakana": "CJK",
    "Hangul": "CJK",
}


_BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


def _is_control(char: str) -> bool:
    """C0/C1 controls (NUL, ESC, line breaks) and bidi overrides that disguise text."""
    return unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS


def check_name(text: str) -> str:
    """The name, NFC-normalised and stripped, or an ``InputError`` saying what is wrong."""
    if not isinstance(text, str):
        raise InputError("a name must be text", code=EMPTY_NAME)
    if len(text) > MAX_NAME_LENGTH:
        raise InputError(
            f"name is {len(text):,} characters long; the limit is {MAX_NAME_LENGTH:,}",
            code=NAME_TOO_LONG,
        )
    bad = sorted({f"U+{ord(c):04X}" for c in text if _is_control(c)})
    if bad:
        raise InputError(
            f"name contains control characters ({', '.join(bad[:5])})", code=CONTROL_CHARACTERS
        )
    # Zero-width joiners belong to Persian and Indic spellings; they carry no letter.
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    name = unicodedata.normalize("NFC", text).strip()
    if not any(c.isalnum() for c in name):
        raise InputError("name is empty", code=EMPTY_NAME)
    for word in name.split():
        families = {_SCRIPT_FAMILIES.get(s, s) for s in text_scripts(word)}
        if len(families) > 1:
            raise InputError(
                f"the word {word!r} mixes scripts ({', '.join(sorted(families))}): "
                "write each name in one script",
                code=MIXED_SCRIPTS,
            )
    families = {_SCRIPT_FAMILIES.get(s, s) for s in text_scripts(name)}
    if len(families) > 1:
        raise InputError(
            f"name mixes scripts ({', '.join(sorted(families))}): screen each spelling "
            "as its own name or alias",
            code=MIXED_SCRIPTS,
        )
    return name


@dataclass(frozen=True, slots=True)
class NameForm:
    original: str
    scripts: tuple[str, ...]
    tokens: tuple[str, ...]
    """Lowercase ASCII tokens after transliteration, prefixes and org types normalised."""
    folded: tuple[str, ...]
    """``tokens`` with transliteration habits folded away."""
    transliteration: str
    """none | icu-latin (rigour/normality) | korean"""
    korean: tuple[KoreanName, ...] = ()
    is_org: bool = False

    @property
    def joined(self) -> str:
        return "".join(self.folded)


_SPLIT = re.compile(r"[^a-z0-9#]+")
# Order matters: longer patterns first.
_FOLDS = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("kh", "h"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("w", "v"),
    ("x", "ks"),
    ("iy", "i"),
    ("yi", "i"),
    ("ij", "i"),
    ("y", "i"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
)
_J_AFTER_VOWEL = re.compile(r"(?<=[aeiou])j(?![aeiou])")
_DOUBLE = re.compile(r"(.)\1+")
_C_SOFT = re.compile(r"c(?=[eiy])")
_C_HARD = re.compile(r"c(?!h)")
_LEET = str.maketrans("01345789", "oieastbg")
ORG_FORM = "#"
"""Legal forms fold to "#" tokens: "#jsc" for JSC, OAO, "Joint Stock Company"; "#llc" for OOO."""

# Legal forms, spelled out or abbreviated; phrases are replaced before tokenising.
_ORG_FORM_PHRASES = (
    (re.compile(r"\b(?:open |closed |public |private )?joint[ -]stock company\b"), "#jsc"),
    (re.compile(r"\blimited liability company\b|\bsp\s+z\s+o\s*o\b|\bo\s+o\s+o\b"), "#llc"),
    (re.compile(r"\bgesellschaft mit beschrankter haftung\b"), "#gmbh"),
    (re.compile(r"\bpublic limited company\b"), "#plc"),
    (re.compile(r"\baktiengesellschaft\b"), "#ag"),
    (re.compile(r"\bsociete anonyme\b|\bsociedad anonima\b"), "#sa"),
)
_ORG_FORMS = {
    **dict.fromkeys(["ltd", "limited"], "#ltd"),
    **dict.fromkeys(["co", "company"], "#co"),
    **dict.fromkeys(["corp", "corporation"], "#corp"),
    **dict.fromkeys(["inc", "incorporated"], "#inc"),
    **dict.fromkeys(["jsc", "ojsc", "pjsc", "cjsc", "oao", "zao", "ao", "pao", "#jsc"], "#jsc"),
    **dict.fromkeys(["llc", "ooo", "spzoo", "#llc"], "#llc"),
    **dict.fromkeys(["gmbh", "#gmbh"], "#gmbh"),
    **dict.fromkeys(["ag", "#ag"], "#ag"),
    **dict.fromkeys(["sa", "#sa"], "#sa"),
    **dict.fromkeys(["plc", "#plc"], "#plc"),
    **dict.fromkeys(
        [
            "llp",
            "lp",
            "kg",
            "spa",
            "srl",
            "bv",
            "nv",
            "ab",
            "as",
            "oy",
            "pte",
            "pty",
            "sarl",
            "sas",
        ],
        "#other",
    ),
}


@lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    """A spelling that transliteration variants share: "sergey"/"sergej"/"sergei" → "sergei"."""
    if token.startswith(ORG_FORM) or token.isdigit():
        return token
    out = token.translate(_LEET) if any(c.isdigit() for c in token) else token
    for _ in range(4):  # to a fixed point: "qh" → "kh" → "h"
        before = out
        out = _J_AFTER_VOWEL.sub("i", out)
        for old, new in _FOLDS:
            out = out.replace(old, new)
        out = _DOUBLE.sub(r"\1", _C_HARD.sub("k", _C_SOFT.sub("s", out)))
        if out == before:
            break
    return out


def _merge_initials(tokens: list[str]) -> list[str]:
    """ "A.B.C. Company" and "ABC Co." both read "abc": runs of single letters join."""
    out: list[str] = []
    run = ""
    for token in [*tokens, ""]:
        if len(token) == 1 and token.isalpha():
            run += token
            continue
        if run:
            out.append(run)
            run = ""
        if token:
            out.append(token)
    return out


def _latin_tokens(text: str, *, is_org: bool) -> tuple[str, ...]:
    ascii_name = ascii_text(text).lower()
    ascii_name = ascii_name.replace("'", "").replace("’", "")
    if is_org:
        ascii_name = " ".join(ascii_name.replace(".", " ").split())
        for pattern, form in _ORG_FORM_PHRASES:
            ascii_name = pattern.sub(f" {form} ", ascii_name)
        tokens = [t for t in _SPLIT.split(ascii_name) if t]
        tokens = [_ORG_FORMS.get(t, t) for t in _merge_initials(tokens)]
        return tuple(tokens)
    ascii_name = remove_person_prefixes(ascii_name)
    return tuple(t for t in _SPLIT.split(ascii_name) if t)


def _han_tokens(text: str) -> tuple[str, ...] | None:
    """Chinese and Japanese names compare character by character: no fuzzy spelling there."""
    chars = [c for c in text if c.isalpha()]
    if chars and all(text_scripts(c) & {"Han", "Hiragana", "Katakana"} for c in chars):
        return tuple(chars)
    return None


@lru_cache(maxsize=65536)
def analyse_name(text: str, *, is_org: bool = False) -> NameForm:
    """A checked name ready for comparison. Cached: list names are analysed once."""
    scripts = tuple(sorted(text_scripts(text)))
    stripped = remove_bracketed_text(text) if "(" in text else text
    stripped = stripped if any(c.isalnum() for c in stripped) else text
    tokens = _latin_tokens(text, is_org=is_org)
    han = _han_tokens(text)
    non_latin = [s for s in scripts if s != "Latin"]
    transliteration = "none" if not non_latin else "icu-latin"
    korean: tuple[KoreanName, ...] = ()
    if not is_org:
        korean = read_korean_name(stripped)
        if korean and has_hangul(stripped):
            transliteration = "korean"
    return NameForm(
        original=text,
        scripts=scripts,
        tokens=han if han else tokens,
        folded=han if han else tuple(fold_token(t) for t in tokens),
        transliteration=transliteration,
        korean=korean,
        is_org=is_org,
    )
