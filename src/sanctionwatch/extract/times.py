"""Time expressions resolved against the publication date, at year, month or day grain.

Rules cover the forms news actually uses ("in July", "last year", "(on Dec. 24, 2023)",
"since August 2023", "between 2014 and 2016", "on Tuesday"); a relative expression with
no publication date to anchor it is left unresolved rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from sanctionwatch.packaged import load_yaml

TIMES_NAME = "times.rules"
TIMES_VERSION = "v4"
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_PREP = r"(?:(?:in|on|since|by|until|till|from|during|as of|after|before|of|in early|in late|in mid-?|early|late|mid-?|by the end of|the end of|until the end of|at the end of|at the start of|the start of|earlier|starting)\s+)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "time.part_of_year",
        re.compile(
            rf"\b(?:(?:in|within|during|over) )?the (?P<part>first|second|last) (?P<unit>half|six months|quarter|three months) of (?P<year>{_YEAR})\b",
            re.I,
        ),
    ),
    (
        "time.range_years",
        re.compile(rf"\b(?:between|from) (?P<y1>{_YEAR}) (?:and|to|until) (?P<y2>{_YEAR})\b"),
    ),
    (
        "time.month_day_year",
        re.compile(rf"\b{_PREP}(?P<mon>{_MONTH}) (?P<day>{_DAY}),? (?P<year>{_YEAR})\b", re.I),
    ),
    (
        "time.day_month_year",
        re.compile(rf"\b{_PREP}(?P<day>{_DAY}) (?P<mon>{_MONTH}),? (?P<year>{_YEAR})\b", re.I),
    ),
    (
        "time.month_year",
        re.compile(rf"\b{_PREP}(?P<mon>{_MONTH}),? (?:of )?(?P<year>{_YEAR})\b", re.I),
    ),
    (
        "time.decade",
        re.compile(
            r"\b(?:(?:in|during|since|by|through|throughout) )?(?:the )?(?:early |late |mid-)?(?P<decade>(?:19|20)\d0)['’]?s\b",
            re.I,
        ),
    ),
    (
        "time.month_day",
        re.compile(rf"\b(?:on )(?P<mon>{_MONTH}) (?P<day>{_DAY})\b(?!,? \d{{4}}\b)", re.I),
    ),
    (
        "time.month_relative_year",
        re.compile(
            rf"\b(?:(?:in|since|by|during|until|of) )?(?P<mon>{_MONTH}),? (?:of )?(?P<rel>last|this|next) year\b",
            re.I,
        ),
    ),
    (
        "time.relative_month",
        re.compile(
            rf"\b(?P<rel>last|this|next|in|earlier this|late|early|in early|in late|in mid-|in mid|the|following the|after the|since the|since)(?:\s+|(?<=-))(?P<mon>{_MONTH})\b(?![ ,]*\d)",
            re.I,
        ),
    ),
    ("time.year", re.compile(rf"\b{_PREP}(?P<year>{_YEAR})\b(?![-\d]|\s?(?:mm|km))", re.I)),
    (
        "time.relative_year",
        re.compile(
            r"\b(?P<rel>last|this|next|earlier this|later this|late last|early this|early next) year\b",
            re.I,
        ),
    ),
    (
        "time.relative_month_word",
        re.compile(r"\b(?P<rel>last|this|next|earlier this|later this) month\b", re.I),
    ),
    (
        "time.weekday",
        re.compile(
            r"\b(?:on |last |next )?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\b"
        ),
    ),
    ("time.relative_day", re.compile(r"\b(?P<rel>yesterday|today)\b", re.I)),
    (
        "time.part_of_day",
        re.compile(
            r"\b(?:this (?:morning|afternoon|evening)|tonight|(?:earlier|later) in the day"
            r"|in the (?:morning|afternoon|evening)(?! of))\b",
            re.I,
        ),
    ),
    (
        # "over the past three years", "in the last six months", "in recent weeks": a span
        # that ends when the article was written.
        "time.recent_span",
        re.compile(
            r"\b(?:(?:in|over|during|within|for) )?(?:the )?(?:(?:past|last|previous) "
            r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            r"|a couple of) |past |recent )(?P<unit>days?|weeks?|months?|years?)\b",
            re.I,
        ),
    ),
    (
        "time.relative_week",
        re.compile(r"\b(?<!earlier )(?<!later )(?P<rel>last|this|next) week\b", re.I),
    ),
]


@dataclass(frozen=True, slots=True)
class ParsedTime:
    start: int
    end: int
    value_start: str
    value_end: str | None
    grain: str
    rule: str


def _parse_published(published: str | None) -> tuple[int, int | None, int | None] | None:
    if not published:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published)
    if not m:
        return None
    return (
        int(m.group(1)),
        int(m.group(2)) if m.group(2) else None,
        int(m.group(3)) if m.group(3) else None,
    )


def _month(text: str) -> int:
    return _MONTHS[
        text.lower().rstrip(".")[:4] if text.lower().startswith("sept") else text.lower()[:3]
    ]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


_AHEAD = re.compile(r"\b(?:until|till|by|this coming|will be(?: held)?(?: on)?)\s+$", re.I)


def _resolve(
    rule: str, m: re.Match[str], pub: tuple[int, int | None, int | None] | None
) -> tuple[str, str | None, str] | None:
    groups = m.groupdict()
    if rule == "time.part_of_year":
        year = int(groups["year"])
        months = 6 if groups["unit"].lower() in {"half", "six months"} else 3
        first = 1 if groups["part"].lower() == "first" else (7 if months == 6 else 4)
        if groups["part"].lower() == "last":
            first = 13 - months
        return f"{year:04d}-{first:02d}", f"{year:04d}-{first + months - 1:02d}", "month"
    if rule == "time.decade":
        decade = int(groups["decade"])
        return f"{decade:04d}", f"{decade + 9:04d}", "year"
    if rule == "time.range_years":
        return groups["y1"], groups["y2"], "year"
    if rule in {"time.month_day_year", "time.day_month_year"}:
        try:
            date = dt.date(int(groups["year"]), _month(groups["mon"]), _day(groups["day"]))
        except ValueError:
            return None
        return date.isoformat(), None, "day"
    if rule == "time.month_year":
        return f"{int(groups['year']):04d}-{_month(groups['mon']):02d}", None, "month"
    if rule == "time.year":
        return groups["year"], None, "year"
    if pub is None:
        return None
    year, month, day = pub
    if rule == "time.month_day":
        try:
            return (
                dt.date(year, _month(groups["mon"]), _day(groups["day"])).isoformat(),
                None,
                "day",
            )
        except ValueError:
            return None
    if rule == "time.relative_month":
        mon, rel = _month(groups["mon"]), groups["rel"].lower()
        target_year = year
        if rel == "next" or (rel != "this" and month is not None and mon > month and rel != "next"):
            target_year = year + 1 if rel == "next" else year - 1
        elif rel == "last" and month is not None and mon == month:
            target_year = year - 1  # "last September", written in September: a year ago
        return f"{target_year:04d}-{mon:02d}", None, "month"
    if rule == "time.month_relative_year":
        rel = groups["rel"].lower()
        offset = -1 if rel == "last" else 1 if rel == "next" else 0
        return f"{year + offset:04d}-{_month(groups['mon']):02d}", None, "month"
    if rule == "time.relative_year":
        rel = groups["rel"].lower()
        offset = -1 if rel in {"last", "late last"} else 1 if "next" in rel else 0
        return f"{year + offset:04d}", None, "year"
    if rule == "time.recent_span":
        return _recent_span(groups, year, month, day)
    if month is None:
        return None
    if rule == "time.relative_month_word":
        rel = groups["rel"].lower()
        offset = -1 if rel == "last" else 1 if rel == "next" else 0
        y, mo = divmod((year * 12 + month - 1) + offset, 12)
        return f"{y:04d}-{mo + 1:02d}", None, "month"
    if day is None:
        return None
    anchor = dt.date(year, month, day)
    if rule == "time.weekday":
        back = (anchor.weekday() - _WEEKDAYS.index(groups["wd"].lower())) % 7
        ahead = _AHEAD.search(m.string, max(0, m.start() - 12), m.start())
        if back and (ahead or m.group(0).lower().startswith("next")):
            # "delayed until Wednesday", "by Friday", "next Monday": the one to come.
            return (anchor + dt.timedelta(days=7 - back)).isoformat(), None, "day"
        return (anchor - dt.timedelta(days=back)).isoformat(), None, "day"
    if rule == "time.relative_day":
        delta = 1 if groups["rel"].lower() == "yesterday" else 0
        return (anchor - dt.timedelta(days=delta)).isoformat(), None, "day"
    if rule == "time.part_of_day":
        return anchor.isoformat(), None, "day"
    if rule == "time.relative_week":
        # A week has no grain of its own: its month ("talks next week" in late February
        # may be in March).
        rel = groups["rel"].lower()
        weeks = -1 if "last" in rel else 1 if rel == "next" else 0
        week = anchor + dt.timedelta(days=7 * weeks)
        return f"{week.year:04d}-{week.month:02d}", None, "month"
    return None


_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "a couple of": 2}  # fmt: skip


def _recent_span(
    groups: dict[str, str | None], year: int, month: int | None, day: int | None
) -> tuple[str, str | None, str] | None:
    """The span that ends at publication: its length in the text's own unit ("the past
    three years" is three years back), at the coarsest grain that holds it (a span of
    weeks or months is months; a bare "recent weeks" is the month before)."""
    unit = (groups["unit"] or "").lower().rstrip("s")
    raw = (groups.get("n") or "").lower()
    count = int(raw) if raw.isdigit() else _COUNTS.get(raw, 1)
    if unit == "year":
        return f"{year - count:04d}", f"{year:04d}", "year"
    if month is None:
        return None
    if unit == "day" and day is None:
        return None
    days = {"day": count, "week": 7 * count, "month": 31 * count}[unit]
    anchor = dt.date(year, month, day or 28)
    first = anchor - dt.timedelta(days=days - 1 if unit == "day" else days)
    if unit == "day":
        return first.isoformat(), anchor.isoformat(), "day"
    start, end = f"{first.year:04d}-{first.month:02d}", f"{year:04d}-{month:02d}"
    return start, (end if end != start else None), "month"


def to_future(parsed: ParsedTime, published: str | None) -> ParsedTime:
    """A weekday or a month in a planned event ("talks on Friday", "a summit in May") is
    the next one, not the last."""
    pub = _parse_published(published)
    if pub is None or pub[1] is None:
        return parsed
    if parsed.rule == "time.relative_month" and parsed.grain == "month":
        year, month = (int(x) for x in parsed.value_start.split("-"))
        if (year, month) >= (pub[0], pub[1]):
            return parsed
        value = f"{year + 1:04d}-{month:02d}"
        return ParsedTime(
            parsed.start, parsed.end, value, None, parsed.grain, f"{parsed.rule}:future"
        )
    if parsed.rule != "time.weekday" or pub[2] is None:
        return parsed
    anchor = dt.date(pub[0], pub[1], pub[2])
    past = dt.date.fromisoformat(parsed.value_start)
    if past >= anchor:
        return parsed
    future = past + dt.timedelta(days=7)
    return ParsedTime(
        parsed.start, parsed.end, future.isoformat(), None, parsed.grain, f"{parsed.rule}:future"
    )


def parse_times(
    text: str, start: int = 0, end: int | None = None, *, published: str | None = None
) -> list[ParsedTime]:
    """Time expressions in ``text[start:end]``, longest first when they overlap."""
    end = len(text) if end is None else end
    pub = _parse_published(published)
    found: list[ParsedTime] = []
    taken: list[tuple[int, int]] = []
    for rule_id, event_pattern, date in _events():
        for m in event_pattern.finditer(text, start, end):
            grain = {4: "year", 7: "month"}.get(len(date), "day")
            found.append(ParsedTime(m.start(), m.end(), date, None, grain, rule_id))
            taken.append((m.start(), m.end()))
    for rule, pattern in _PATTERNS:
        for m in pattern.finditer(text, start, end):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if (m.groupdict().get("mon") or "X")[0].islower():
                continue  # "this may be", "troops march": not months
            resolved = _resolve(rule, m, pub)
            if resolved is None:
                continue
            value_start, value_end, grain = resolved
            if rule == "time.weekday" and m.group(0)[-2:] in {"'s", "’s"}:
                rule = "time.weekday.possessive"  # "Wednesday's vote" is past: never moved forward
            found.append(ParsedTime(m.start(), m.end(), value_start, value_end, grain, rule))
            taken.append((m.start(), m.end()))
    return _ranges(text, sorted(found, key=lambda t: t.start))


_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:through|to|until|till|and|-|–)\s*", re.I)
_GRAINS = ("year", "month", "day")


def _ranges(text: str, found: list[ParsedTime]) -> list[ParsedTime]:
    """ "from last August through January this year", "between May and July 2023": two
    times joined as a range are one interval, at the coarser of their grains."""
    out: list[ParsedTime] = []
    i = 0
    while i < len(found):
        first = found[i]
        second = found[i + 1] if i + 1 < len(found) else None
        opened = _RANGE_OPEN.search(text, max(0, first.start - 10), first.start) or re.match(
            r"(?:from|between)\b", text[first.start : first.end], re.I
        )
        if (
            second is not None
            and opened
            and first.value_end is None
            and _RANGE_JOIN.fullmatch(text, first.end, second.start)
            and second.value_start >= first.value_start
        ):
            grain = min(first.grain, second.grain, key=_GRAINS.index)
            width = {"year": 4, "month": 7, "day": 10}[grain]
            out.append(
                ParsedTime(
                    first.start,
                    second.end,
                    first.value_start[:width],
                    (second.value_end or second.value_start)[:width],
                    grain,
                    "time.range",
                )
            )
            i += 2
            continue
        out.append(first)
        i += 1
    return out


@lru_cache(maxsize=1)
def _events() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """Anchor events from ``data/events.yaml``: phrase pattern -> the event's own date."""
    data = load_yaml("sanctionwatch.extract", "data/events.yaml")
    return tuple((e["id"], re.compile(e["pattern"], re.I), str(e["date"])) for e in data["events"])


_PREMODIFYING = re.compile(r"(?:['’]s)?(?:\s+[\w.’'-]+){1,4}")
# Words that date one event by another ("following the summit", "prior to the dialogue").
ANCHOR_WORDS = r"(?:after|following|since|prior to|before)"
_ANCHORS_WHAT_FOLLOWS = re.compile(r"\b(?:after|following|since)\s+(?:the|a|an)\s+$", re.I)
_DEFINITE_TIME = re.compile(r"\b(?:the|a)\s+$", re.I)


def dates_another_noun(scan: str, time: ParsedTime, trigger: tuple[int, int]) -> bool:
    """ "Before the 2017 sanctions", "Wednesday's U.N. vote": a date that modifies a noun
    dates that noun's event, not a trigger elsewhere in the sentence. "Following a September
    2023 meeting, ..." dates what follows it, as the anchor it is."""
    noun_phrase = _PREMODIFYING.match(scan, time.end)
    if noun_phrase is None:
        return False
    if _ANCHORS_WHAT_FOLLOWS.search(scan, max(0, time.start - 20), time.start):
        return False
    if not (
        _DEFINITE_TIME.search(scan, max(0, time.start - 5), time.start)
        or "'" in scan[time.start : time.end].replace("’", "'")
    ):
        return False
    return not (time.end <= trigger[0] < noun_phrase.end())
