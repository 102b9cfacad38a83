"""Use case: find incidents by type, actor, provision, grade, time and text, a page at a time.

Every surface filters the same way: the API (``GET /incidents``), the web list, the case
file's ``--query``. Filters are checked once, in ``parse_filter``, so a typo ("B9", "last
week", an actor nobody knows) is an ``InputError`` (E423) with the reason instead of an
empty result. Counts by type and grade come with every page, over all matches.
Filters, counts and paging run in SQL (``store.pages``), so a page costs about the same
whatever the size of the store.

The page's incidents are the services' own views (``incident_view(...).to_dict()``), so
whatever keys the incident view grows are passed on unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from sanctionwatch import store as st
from sanctionwatch.assess.titles import OTHER, RELEVANT
from sanctionwatch.domain import ClaimType
from sanctionwatch.domain.codec import document_to_dict, incident_to_dict
from sanctionwatch.domain.errors import InputError
from sanctionwatch.services.incidents import IncidentView, reviewed_view
from sanctionwatch.store.corrections import list_corrections
from sanctionwatch.store.timebounds import lower_bound, parse_bound, upper_bound

BAD_FILTER = "E423"
GRADE = re.compile(r"^(?:[A-F][1-6]?|[1-6])$")
WORD = re.compile(r"\w+")
UNGRADED = "ungraded"


def first_day(value: str | None) -> str | None:
    """First day of a year, month or day, as ISO text (charts and filters compare strings)."""
    return lower_bound(value)


def last_day(value: str | None) -> str | None:
    """Last day of a year, month or day, as ISO text."""
    return upper_bound(value)


@dataclass(frozen=True)
class IncidentFilter:
    """What an analyst asks for; every field optional, all given fields must hold."""

    type: str | None = None
    actor: str | None = None
    """An ISO 3166 code (``KP``) or any name the gazetteer knows ("Pyongyang")."""
    provision: str | None = None
    """A provision id or part of one: ``UNSCR-2397-OP8``, ``2397``."""
    grade: str | None = None
    """Admiralty code ``B2``, a reliability letter ``B`` or a credibility digit ``2``."""
    since: str | None = None
    until: str | None = None
    text: str | None = None
    """Every word must occur in an evidence sentence, the item or the type of the incident."""
    relevance: str | None = None
    """``other`` or ``all``; unset is the default view, incidents relevant to the regime."""

    def to_params(self) -> dict[str, str]:
        """The non-empty fields, as query parameters for links."""
        return {key: value for key, value in asdict(self).items() if value}

    @property
    def is_empty(self) -> bool:
        return not self.to_params()


@dataclass
class IncidentPage:
    incidents: list[dict[str, Any]]
    total: int
    offset: int
    limit: int
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    """``{"type": {...}, "grade": {...}}`` over every match, not only this page."""

    @property
    def next_offset(self) -> int | None:
        after = self.offset + self.limit
        return after if after < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_filter(
    *,
    type: str | None = None,
    actor: str | None = None,
    provision: str | None = None,
    grade: str | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
    relevance: str | None = None,
) -> IncidentFilter:
    """Check raw values (from a form, a query string or the CLI) and normalise them."""
    relevance = _clean(relevance)
    if relevance == RELEVANT:
        relevance = None
    if relevance is not None and relevance not in {OTHER, "all"}:
        raise InputError(
            f"relevance {relevance!r} is not one of: regime, other, all", code=BAD_FILTER
        )
    type, actor, provision = _clean(type), _clean(actor), _clean(provision)
    grade, since, until, text = _clean(grade), _clean(since), _clean(until), _clean(text)
    if type is not None and type not in {t.value for t in ClaimType}:
        known = ", ".join(t.value for t in ClaimType)
        raise InputError(f"type {type!r} is not one of: {known}", code=BAD_FILTER)
    if actor is not None:
        actor = resolve_actor(actor)
    if grade is not None:
        grade = grade.upper()
        if not GRADE.fullmatch(grade):
            raise InputError(
                f"grade {grade!r} is not an Admiralty code: a letter A-F, a digit 1-6 or both (B2)",
                code=BAD_FILTER,
            )
    for name, value in (("since", since), ("until", until)):
        if value is not None:
            parse_bound(value, name=name)
    if since and until and (first_day(since) or "") > (last_day(until) or ""):
        raise InputError(f"since {since} is after until {until}", code=BAD_FILTER)
    if text is not None and not WORD.search(text):
        raise InputError(f"text {text!r} has no word to search for", code=BAD_FILTER)
    return IncidentFilter(type, actor, provision, grade, since, until, text, relevance)


def resolve_actor(value: str) -> str:
    """An ISO code as given, or the state a name denotes ("Moscow" -> ``RU``)."""
    from sanctionwatch.resolve.gazetteer import find_actors, load_gazetteer

    labels = load_gazetteer().labels
    if value.upper() in labels:
        return value.upper()
    found = find_actors(value)
    codes = {m.code for m in found}
    if len(codes) == 1 and found[0].start == 0 and found[0].end == len(value):
        return codes.pop()
    lowered = value.casefold()
    by_label = [code for code, label in labels.items() if label.casefold().startswith(lowered)]
    if len(by_label) == 1:
        return by_label[0]
    raise InputError(
        f"actor {value!r} is not a state code (KP, RU, ...) or a name the gazetteer knows",
        code=BAD_FILTER,
    )


def incident_query(flt: IncidentFilter) -> st.IncidentQuery:
    """The store's query for a checked filter (words casefolded, relevance defaulted)."""
    return st.IncidentQuery(
        type=flt.type,
        actor=flt.actor,
        provision=flt.provision,
        grade=flt.grade,
        since=flt.since,
        until=flt.until,
        words=tuple(w.casefold() for w in WORD.findall(flt.text or "")),
        relevance=None if flt.relevance == "all" else flt.relevance or RELEVANT,
    )


def matching_incidents(store: st.Store, flt: IncidentFilter) -> list[dict[str, Any]]:
    """Every incident (as its plain JSON, without claims) that passes the filter, latest first."""
    ids = st.find_incident_ids(store, incident_query(flt))
    return [incident_to_dict(page.incident) for page in st.load_incident_pages(store, ids)]


def count_incidents(store: st.Store, flt: IncidentFilter) -> dict[str, Any]:
    """How many incidents match, by type and by grade (``ungraded`` for none)."""
    counts = st.count_incidents(store, incident_query(flt))
    return {"total": sum(counts["type"].values()), **counts}


def count_by(incidents: Iterable[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Counts by type and grade of incidents already in hand."""
    types: Counter[str] = Counter()
    grades: Counter[str] = Counter()
    for data in incidents:
        types[str(data["type"])] += 1
        code = (data.get("assessment") or {}).get("code")
        grades[str(code) if code else UNGRADED] += 1
    return {"type": dict(sorted(types.items())), "grade": dict(sorted(grades.items()))}


def find_incidents(
    store: st.Store, flt: IncidentFilter, *, limit: int = 50, offset: int = 0
) -> IncidentPage:
    """One page of matching incidents as full views (claims and documents included).

    Filtering, counting and paging happen in SQL; only the page's incidents are decoded,
    with their claims and documents read in a few queries for the whole page.
    """
    query = incident_query(flt)
    ids = st.find_incident_ids(store, query, limit=limit, offset=offset)
    counts = st.count_incidents(store, query)
    pages = st.load_incident_pages(store, ids)
    # Incidents of one page share documents; encode each once.
    documents = {
        doc_id: document_to_dict(doc, include_text=False, word_count=page.word_counts[doc_id])
        for page in pages
        for doc_id, doc in page.documents.items()
    }
    # Analysts' corrections of the page, in two queries whatever its size.
    corrections = list_corrections(store, document_ids=documents) + list_corrections(
        store, subject="incident", subject_ids=ids
    )
    views = [
        reviewed_view(
            IncidentView(page.incident, page.claims, page.documents), corrections
        ).to_dict(document_dicts=documents)
        for page in pages
    ]
    return IncidentPage(views, sum(counts["type"].values()), offset, limit, counts)


def search_documents(
    store: st.Store, query: str, *, limit: int = 20, markers: tuple[str, str] = ("[", "]")
) -> list[dict[str, Any]]:
    """Ranked full-text hits (FTS5 on SQLite) with snippets, matched words between ``markers``."""
    return [
        hit._asdict() for hit in st.search_documents(store, query, limit=limit, markers=markers)
    ]
