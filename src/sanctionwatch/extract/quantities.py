"""Quantities as ranges with a unit: a small grammar, not an off-the-shelf parser.

Conventions (``../shared/gold/README.md``): "hundreds" is 100–999, "thousands"
1000–9999, "tens of thousands" 10000–99999, "hundreds of thousands" 100000–999999;
"more than X" gives low = X and an open high; "up to X" high = X; "about X" low = high
= X; "X to more than Y" leaves the high end open. Money carries its currency as unit and
an optional rate ("a year"); "five times" is a ratio; "70 percent" a percent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUANTITIES_NAME = "quantities.grammar"
QUANTITIES_VERSION = "v2"

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100, "a thousand": 1000,
    "a dozen": 12, "a million": 1_000_000, "a billion": 1_000_000_000,
}  # fmt: skip
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mil": 1e6,
           "mln": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12}  # fmt: skip
# Vague amounts: (low, high) per the gold conventions.
_VAGUE = {
    "hundreds of thousands": (100_000, 999_999),
    "tens of thousands": (10_000, 99_999),
    "hundreds of millions": (100_000_000, 999_999_999),
    "tens of millions": (10_000_000, 99_999_999),
    "billions": (1_000_000_000, 9_999_999_999),
    "millions": (1_000_000, 9_999_999),
    "thousands": (1_000, 9_999),
    "hundreds": (100, 999),
    "dozens": (24, 99),
    "scores": (40, 99),
    # "several thousand", "a few hundred": the singular after a vague quantifier.
    "million": (1_000_000, 9_999_999),
    "thousand": (1_000, 9_999),
    "hundred": (100, 999),
}

_WORDNUM = "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:(?i:thousand|million|billion|trillion|mil|mln)|bn|mn|m)\b"
_NUMBER = rf"(?:(?:US)?\$\s?)?(?:{_DIGITS}|{_WORDNUM})(?:[\s-]?{_SCALE})?"
_PLURAL_VAGUE = "|".join(v for v in _VAGUE if v not in {"million", "thousand", "hundred"})
# A bare "hundred" is a number ("one hundred"); only after a vague quantifier is it vague.
_VAGUE_RE = rf"(?:(?:several|a few|many) (?:million|thousand|hundred)(?!s)|(?:(?:several|a few|many) )?(?:{_PLURAL_VAGUE}))"
_AMOUNT = rf"(?:{_NUMBER}|{_VAGUE_RE})"
_LOW_MOD = (
    r"more than|over|at least|upwards of|in excess of|no fewer than|no less than|above|exceeding"
)
_HIGH_MOD = (
    r"up to|as many as|as much as|at most|less than|fewer than|under|no more than|nearly|almost"
)
_ABOUT_MOD = r"about|around|approximately|roughly|some|an estimated|estimated|close to|around some"
_MOD = rf"(?:{_LOW_MOD}|{_HIGH_MOD}|{_ABOUT_MOD})"
_CURRENCY_AFTER = r"(?:of )?(?:dollars|USD|US dollars|won|rubles|roubles|euros|yuan)"
_RATE = r"(?:a|per|each|every) (?:year|month|day|week|annum)|annually|monthly"
_CONNECT = r"(?:to|-|–|and|or|or even|to more than|to over|to as many as|to up to)"

QUANTITY_RE = re.compile(
    rf"(?<![\w$.,-])(?:(?P<mod>{_MOD}) )?(?:(?:between|from) )?(?P<a>{_AMOUNT})"
    rf"(?:\s?(?P<conn>{_CONNECT})\s?(?P<b>{_AMOUNT}))?"
    rf"(?P<cur>\s{_CURRENCY_AFTER})?(?P<pct>\s?(?:percent|per cent|%))?"
    rf"(?P<times> times)?(?: (?P<rate>{_RATE}))?(?![\w])",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(r"\s*(?:of\s+)?(?:[\w-]+\s+){0,3}?(?P<noun>[A-Za-z][\w-]*)")
# Nouns the unit may be; plural -> singular, synonyms folded onto the gold's units.
_UNITS = {
    "shell": "shell", "shells": "shell", "round": "shell", "rounds": "shell",
    "worker": "worker", "workers": "worker", "laborer": "worker", "laborers": "worker",
    "labourers": "worker", "labourer": "worker", "koreans": "worker",
    "troop": "troop", "troops": "troop", "soldier": "troop", "soldiers": "troop",
    "visa": "visa", "visas": "visa", "container": "container", "containers": "container",
    "missile": "missile", "missiles": "missile", "rocket": "rocket", "rockets": "rocket",
    "drone": "drone", "drones": "drone", "resolution": "resolution", "resolutions": "resolution",
    "ship": "ship", "ships": "ship", "vessel": "vessel", "vessels": "vessel", "tank": "tank",
    "tanks": "tank", "ton": "ton", "tons": "ton", "tonnes": "ton", "barrel": "barrel",
    "barrels": "barrel", "individual": "individual", "individuals": "individual",
    "entity": "entity", "entities": "entity", "national": "national", "nationals": "national",
    "company": "company", "companies": "company", "person": "person", "people": "person",
    "wallet": "wallet", "wallets": "wallet", "project": "project", "projects": "project",
    "artillery": "shell", "launcher": "launcher", "launchers": "launcher", "casualties": "casualty",
    "submarine": "submarine", "submarines": "submarine", "howitzer": "howitzer",
    "howitzers": "howitzer", "grenade": "grenade", "grenades": "grenade", "aircraft": "aircraft",
    "jet": "aircraft", "jets": "aircraft", "helicopter": "aircraft", "helicopters": "aircraft",
}  # fmt: skip
_LABEL_BEFORE = re.compile(
    r"\b(?:[Rr]esolutions?|UNSCRs?|UNSC|S/RES/|No\.|[Nn]umber|[Pp]aragraph|OP|[Aa]rticle|[Ff]light|[Pp]age|[Cc]hapter|[Ss]ection|[Mm]odel)\s*$"
)
_NOT_QUANTITY_AFTER = re.compile(r"\s?(?:mm|km|kg|cm|a\.m\.|p\.m\.|-mm|th\b|st\b|nd\b|rd\b)", re.I)


@dataclass(frozen=True, slots=True)
class ParsedQuantity:
    start: int
    end: int
    low: float | None
    high: float | None
    unit: str | None
    kind: str
    rate: str | None


def _number(text: str) -> float:
    text = text.lower().replace("us$", "").replace("$", "").strip()
    if text in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[text])
    scale = 1.0
    for word, factor in _SCALES.items():
        if re.search(rf"[\s-]?{word}$", text) and not text.isdigit():
            scale, text = factor, re.sub(rf"[\s-]?{word}$", "", text).strip()
            break
    value = float(_WORD_NUMBERS[text]) if text in _WORD_NUMBERS else float(text.replace(",", ""))
    return value * scale


def _amount(text: str) -> tuple[float, float]:
    low = text.lower()
    for prefix in ("several ", "a few ", "many "):
        low = low.removeprefix(prefix)
    if low in _VAGUE:
        lo, hi = _VAGUE[low]
        return float(lo), float(hi)
    value = _number(low)
    return value, value


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(1[89]\d\d|20\d\d)", text.strip()))


def _unit_after(text: str, end: int) -> str | None:
    match = _UNIT_AFTER.match(text, end, min(len(text), end + 60))
    if not match:
        return None
    # Take the first counted noun in the next few words ("26,000 tourist and student visas").
    window = text[end : min(len(text), end + 50)].lower()
    words = re.findall(r"[a-z][a-z-]*", window)[:6]
    for i, word in enumerate(words[:5]):
        if word in _UNITS:
            if word in {"round", "rounds"} and words[i + 1 : i + 2] == ["of"]:
                return None  # "eight rounds of sanctions"
            return _UNITS[word]
    return None


def parse_quantities(text: str, start: int = 0, end: int | None = None) -> list[ParsedQuantity]:
    """Every quantity in ``text[start:end]``; offsets are into ``text``."""
    end = len(text) if end is None else end
    out = []
    for m in QUANTITY_RE.finditer(text, start, end):
        a, b = m.group("a"), m.group("b")
        if _is_year(a) and not b and _unit_after(text, m.end()) is None:
            continue  # "since at least 2016" is a year, not an amount
        if _NOT_QUANTITY_AFTER.match(text, m.end()):
            continue
        if m.start() > 0 and text[m.start() - 1] in "-/":
            continue  # model numbers: "F-16", "Fateh-110"
        if _LABEL_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "Resolution 2397", "No. 7", "paragraph 8"
        if b and _is_year(a) and _is_year(b):
            continue  # "2014 to 2016" is a time range
        low: float | None
        high: float | None
        low, high = _amount(a)
        mod = (m.group("mod") or "").lower()
        conn = (m.group("conn") or "").lower()
        if b:
            _, b_high = _amount(b)
            # "hundreds or even thousands": low of the first, high of the second.
            high = None if conn in {"to more than", "to over"} else b_high
            if conn in {"to as many as", "to up to"}:
                high = b_high
        if mod and re.fullmatch(_LOW_MOD, mod):
            high = None
        elif mod and re.fullmatch(_HIGH_MOD, mod):
            low = None if not b else low
        is_money = "$" in a or bool(m.group("cur")) or "dollars" in a.lower()
        kind, unit = "count", None
        if m.group("pct"):
            kind, unit = "percent", "percent"
        elif m.group("times"):
            kind, unit = "ratio", "times"
        elif is_money:
            kind, unit = "money", _currency(m.group("cur") or a)
        else:
            unit = _unit_after(text, m.end())
            if unit is None and re.fullmatch(r"\d{1,2}", a.strip()):
                continue  # a bare small number with no counted noun is rarely a quantity
        qend = m.end()
        out.append(ParsedQuantity(m.start(), qend, low, high, unit, kind, _rate(m.group("rate"))))
    return out


def _currency(text: str) -> str:
    text = text.lower()
    for word, code in (
        ("won", "KRW"),
        ("ruble", "RUB"),
        ("rouble", "RUB"),
        ("euro", "EUR"),
        ("yuan", "CNY"),
    ):
        if word in text:
            return code
    return "USD"


def _rate(text: str | None) -> str | None:
    if not text:
        return None
    for period in ("year", "month", "day", "week"):
        if period in text:
            return period
    return "year" if "annu" in text else None
