"""Scoring a query against list entries, feature by feature, the way a reviewer would read it.

The main feature is the best name pair (``name_match``, or ``identifier_match`` on a
document number); qualifiers then move the score: a birth date that agrees or conflicts,
a nationality that agrees or conflicts. Every result lists each feature with its score,
weight and the values compared, in the shape of yente's ``explanations``, plus a
``confidence``:

* ``strong``: above the threshold and a second attribute (birth date, nationality,
  document) supports it;
* ``ambiguous``: above the threshold on the name alone, and that name fits more than one
  listed person — shared Korean names ("Kim Yong Chol") are the usual case;
* ``name-only``: above the threshold on the name alone, and only one entry has it;
* ``weak``: below the threshold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sanctionwatch.resolve.compare import NameScore, compare_names
from sanctionwatch.resolve.korean import has_hangul
from sanctionwatch.resolve.korean_orgs import compare_korean_org, read_korean_org
from sanctionwatch.resolve.lists import PERSON, ListEntry
from sanctionwatch.resolve.names import NameForm, analyse_name

MATCHER = "sanctionwatch-korean@v1"
DEFAULT_THRESHOLD = 0.7
DOB_CONFLICT = -0.35
DOB_AGREE = 0.05
COUNTRY_CONFLICT = -0.1
COUNTRY_AGREE = 0.02
IDENTIFIER = 0.95

FEATURE_DOCS: dict[str, dict[str, Any]] = {
    "name_match": {"weight": 1.0, "description": "Best pair of names, any script and system."},
    "identifier_match": {"weight": IDENTIFIER, "description": "Same document number."},
    "dob_agree": {"weight": DOB_AGREE, "description": "A birth date on both sides agrees."},
    "dob_conflict": {"weight": DOB_CONFLICT, "description": "Birth dates on both sides differ."},
    "country_agree": {"weight": COUNTRY_AGREE, "description": "A nationality agrees."},
    "country_conflict": {"weight": COUNTRY_CONFLICT, "description": "Nationalities differ."},
}


@dataclass(frozen=True)
class Query:
    schema: str
    names: tuple[str, ...]
    birth_dates: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()

    @property
    def is_org(self) -> bool:
        return self.schema not in {PERSON, "LegalEntity", "Thing"}


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    score: float
    weight: float
    detail: str
    query: str | None = None
    candidate: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "weight": self.weight,
            "detail": self.detail,
            "query": self.query,
            "candidate": self.candidate,
        }


@dataclass
class MatchResult:
    entry: ListEntry
    score: float
    match: bool
    name: NameScore
    features: list[Feature] = field(default_factory=list)
    supported: bool = False
    support: frozenset[str] = frozenset()
    """Which second attributes agree: dob, country, identifier."""
    ambiguous: bool = False
    homonyms: list[str] = field(default_factory=list)
    quality: str = "primary"
    """Quality of the entry name that matched best: primary | original-script | good | low."""
    same_script: bool = False
    """The best pair is in one script (Hangul with Hangul): no transliteration between."""
    designations: list[ListEntry] = field(default_factory=list)
    """Every listing of this designee, this entry first (UN and EU copies of one person)."""

    @property
    def rank(self) -> tuple[float, int, bool, int, str]:
        """Sort key, best first: score; at equal scores (the score is capped at 1) more
        support (a birth date, a document), then a same-script pair over one read through a
        transliteration, then a primary name over an alias."""
        order = {"primary": 0, "original-script": 0, "good": 1, "low": 2}.get(self.quality, 1)
        return (
            -round(self.score, 6),
            -len(self.support),
            not self.same_script,
            order,
            self.entry.id,
        )

    @property
    def confidence(self) -> str:
        if not self.match:
            return "weak"
        if self.supported:
            return "strong"
        return "ambiguous" if self.ambiguous else "name-only"


@dataclass(frozen=True, slots=True)
class EntryForms:
    entry: ListEntry
    forms: tuple[tuple[NameForm, str], ...]
    """(analysed name, quality)"""


def entry_forms(entry: ListEntry) -> EntryForms:
    is_org = not entry.is_person
    return EntryForms(
        entry, tuple((analyse_name(n.name, is_org=is_org), n.quality) for n in entry.names)
    )


def _other_scripts(form: NameForm) -> frozenset[str]:
    return frozenset(s for s in form.scripts if s != "Latin")


def best_name(query_forms: list[NameForm], forms: EntryForms) -> NameScore:
    return best_name_with_quality(query_forms, forms)[0]


def best_name_with_quality(
    query_forms: list[NameForm], forms: EntryForms
) -> tuple[NameScore, str, bool]:
    """The best pair of names, same-script evidence first; the quality of the entry's name
    and whether both names of the pair are in one script.

    A query name in Hangul (or Cyrillic, or Chinese characters) is compared with the
    entry's names in that script when the entry has any: the listing's own spelling is
    better evidence than a romanisation of it, so 박도춘 does not match an entry whose
    Hangul name is 박도준 through its Latin alias "PAK Do jun".
    """
    best: NameScore | None = None
    best_quality = "primary"
    best_same = False
    for q in query_forms:
        scripts = _other_scripts(q)
        pool = forms.forms
        if scripts:
            same = tuple(pair for pair in forms.forms if _other_scripts(pair[0]) & scripts)
            pool = same or pool
        for c, quality in pool:
            score = _compare(q, c)
            if quality == "low":
                # Low-quality aliases (UN "Low") are weak evidence on their own.
                score = NameScore(
                    score.score * 0.9,
                    score.method,
                    score.query,
                    score.candidate,
                    score.transliteration,
                    score.detail + " (low-quality alias)",
                )
            same_script = _other_scripts(c) == scripts
            if best is None or (score.score, same_script) > (best.score, best_same):
                best, best_quality, best_same = score, quality, same_script
    assert best is not None
    return best, best_quality, best_same


def _compare(q: NameForm, c: NameForm) -> NameScore:
    if (q.is_org or c.is_org) and has_hangul(q.original) != has_hangul(c.original):
        hangul, latin = (q, c) if has_hangul(q.original) else (c, q)
        items = read_korean_org(hangul.original)
        if items:
            value, detail = compare_korean_org(items, latin)
            return NameScore(value, "korean-org", q.original, c.original, "korean-glossary", detail)
    return compare_names(q, c)


_ID_CLEAN = re.compile(r"[^0-9A-Z]")


def _clean_id(number: str) -> str:
    """ "IMO 8660313" and "8660313", "PS 123456" and "ps123456" are one number."""
    return _ID_CLEAN.sub("", number.upper()).removeprefix("IMO")


def _dates_agree(a: str, b: str) -> bool:
    """Same date at the precision both have: "1944" agrees with "1944-10-13"."""
    size = min(len(a), len(b))
    return a[:size] == b[:size]


def score_entry(
    query: Query, query_forms: list[NameForm], forms: EntryForms, *, threshold: float
) -> MatchResult:
    entry = forms.entry
    name, quality, same_script = best_name_with_quality(query_forms, forms)
    features = [
        Feature(
            "name_match",
            name.score,
            1.0,
            f"{name.method}: {name.detail}; transliteration: {name.transliteration}",
            name.query,
            name.candidate,
        )
    ]
    main = name.score
    support: set[str] = set()
    entry_ids = {_clean_id(d.number): d for d in entry.documents}
    for identifier in query.identifiers:
        doc = entry_ids.get(_clean_id(identifier))
        if doc is not None:
            features.append(
                Feature("identifier_match", 1.0, IDENTIFIER, doc.type, identifier, doc.number)
            )
            main = max(main, IDENTIFIER)
            support.add("identifier")
    score = main
    if query.birth_dates and entry.birth_dates:
        pairs = [(a, b) for a in query.birth_dates for b in entry.birth_dates if _dates_agree(a, b)]
        if pairs:
            a, b = pairs[0]
            features.append(Feature("dob_agree", 1.0, DOB_AGREE, "birth date agrees", a, b))
            score += DOB_AGREE
            support.add("dob")
        else:
            detail = f"birth date {', '.join(query.birth_dates)} is not among {', '.join(entry.birth_dates)}"
            features.append(
                Feature(
                    "dob_conflict",
                    1.0,
                    DOB_CONFLICT,
                    detail,
                    query.birth_dates[0],
                    entry.birth_dates[0],
                )
            )
            score += DOB_CONFLICT
    if query.countries and entry.nationalities:
        common = set(query.countries) & set(entry.nationalities)
        if common:
            country = sorted(common)[0]
            features.append(
                Feature("country_agree", 1.0, COUNTRY_AGREE, "nationality agrees", country, country)
            )
            score += COUNTRY_AGREE
            support.add("country")
        else:
            features.append(
                Feature(
                    "country_conflict",
                    1.0,
                    COUNTRY_CONFLICT,
                    "nationalities differ",
                    ",".join(query.countries),
                    ",".join(entry.nationalities),
                )
            )
            score += COUNTRY_CONFLICT
    score = min(1.0, max(0.0, score))
    match = score >= threshold
    return MatchResult(
        entry,
        score,
        match,
        name,
        features,
        supported=bool(support) and match,
        support=frozenset(support),
        quality=quality,
        same_script=same_script,
    )


def mark_ambiguous(results: list[MatchResult], *, threshold: float) -> None:
    """Flag name-only matches whose name fits several listed persons as ambiguous."""
    by_name = [r for r in results if r.name.score >= threshold and r.entry.is_person]
    if len(by_name) < 2:
        return
    for result in by_name:
        others = [r for r in by_name if r is not result]
        result.homonyms = [r.entry.id for r in others]
        # A nationality every homonym shares tells them apart no better than the name.
        shared = set.intersection(*(set(r.support) for r in others)) if others else set()
        telling = set(result.support) - shared
        if result.match and not telling:
            result.ambiguous = True
            result.supported = False
