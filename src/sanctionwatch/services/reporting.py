"""Use case: a case file on one incident or on every incident a query finds.

Shaped like the case studies of the UN Panel of Experts: a summary, then one finding per
incident (what was reported, by whom, the provisions it engages and why, the grade of
the evidence and why), each resting on numbered citations — outlet, title, date, URL and
the quoted sentence, exactly as stored — and the contradicting statements set out apart.

This module builds the case file as data; ``reports.casefile`` renders it as Markdown,
HTML or PDF. Incidents come from ``incident_view(...).to_dict()``; keys that view grows
beyond the ones known here are carried into ``Finding.extra`` and shown as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Any

from sanctionwatch import store as st
from sanctionwatch.domain.codec import INCIDENT_CORE_KEYS
from sanctionwatch.domain.errors import InputError
from sanctionwatch.resolve.gazetteer import load_gazetteer
from sanctionwatch.services.browsing import BAD_FILTER, IncidentFilter, matching_incidents
from sanctionwatch.services.incidents import incident_view

MAX_INCIDENTS = 50
KNOWN_KEYS = frozenset((*INCIDENT_CORE_KEYS, "claims", "reviewed", "notes"))
"""Keys a case file renders in its own sections; any others go to the annex."""
TYPE_HEADINGS = {
    "arms_transfer": "Transfer of arms and related materiel",
    "troop_deployment": "Deployment of troops",
    "labor_dispatch": "Dispatch of workers",
    "tech_transfer": "Transfer of technology",
    "trade": "Trade in goods",
    "financial_flow": "Financial flow",
    "visa_issuance": "Issuance of visas",
    "meeting": "Meeting",
    "agreement": "Agreement",
    "sanctions_action": "Sanctions action",
}
_CURRENCIES = {"USD", "EUR", "RUB", "KRW", "CNY", "KPW", "JPY", "GBP"}


@dataclass(frozen=True)
class Citation:
    number: int
    role: str
    """``support`` or ``contradict``."""
    incident_id: str
    claim_id: str
    document_id: str
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None
    quote: str
    """The evidence sentence, exactly as stored (``document.text[start:end]``)."""
    start: int
    end: int
    attributed_to: tuple[str, ...]
    modality: str
    source: int = 0
    """The number of the quoted document in the case file's list of sources."""
    review: str = ""
    """What analysts corrected on the claim ("reviewed: target set to CN, by Ana, ..."), or ""."""


@dataclass(frozen=True)
class Source:
    """One document the case file quotes, as a Panel annex lists it."""

    number: int
    document_id: str
    outlet: str | None
    """Cleaned: a collector's note such as "(republished on ...)" is left out."""
    title: str | None
    published: str | None
    url: str | None
    accessed: str | None
    """The day the document was fetched, when it was fetched by URL."""


@dataclass(frozen=True)
class Finding:
    number: int
    incident_id: str
    type: str
    heading: str
    statement: str
    period: str | None
    quantity: str | None
    grade: str | None
    grade_reasons: tuple[str, ...]
    provisions: tuple[dict[str, Any], ...]
    quantities: tuple[dict[str, Any], ...]
    """Each reported quantity with who reported it and its citation number."""
    support: tuple[int, ...]
    contradict: tuple[int, ...]
    extra: tuple[tuple[str, Any], ...]
    """Keys the incident view has beyond those above, shown as they are."""

    def simple_extra(self) -> list[tuple[str, str]]:
        """Extra values that read as a line: text, numbers, lists of them."""
        out = []
        for key, value in self.extra:
            if isinstance(value, str | int | float | bool):
                out.append((key, str(value)))
            elif isinstance(value, list | tuple) and all(
                isinstance(v, str | int | float) for v in value
            ):
                out.append((key, ", ".join(str(v) for v in value)))
        return out

    def complex_extra(self) -> list[tuple[str, Any]]:
        """Structured extra values, for an annex."""
        simple = {key for key, _ in self.simple_extra()}
        return [(key, value) for key, value in self.extra if key not in simple]


@dataclass(frozen=True)
class CaseFile:
    title: str
    subject: str
    generated: str
    summary: str
    findings: tuple[Finding, ...]
    citations: tuple[Citation, ...]
    sources: tuple[Source, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def citation(self, number: int) -> Citation:
        return self.citations[number - 1]


def state_label(code: str) -> str:
    return load_gazetteer().labels.get(code, code)


def _parties(codes: list[str]) -> str:
    return " and ".join(state_label(c) for c in codes) if codes else "an unnamed party"


def format_number(value: float) -> str:
    if value >= 1_000_000_000 and value % 100_000_000 == 0:
        return f"{value / 1_000_000_000:g} billion"
    if value >= 1_000_000 and value % 100_000 == 0:
        return f"{value / 1_000_000:g} million"
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def format_quantity(low: float | None, high: float | None, unit: str | None) -> str | None:
    """'20,000 shells', 'between 100 and 500 workers', 'at least USD 1 million'."""
    if low is None and high is None:
        return None
    currency = unit in _CURRENCIES

    def amount(value: float) -> str:
        return f"{unit} {format_number(value)}" if currency else format_number(value)

    one = (high if high is not None else low) == 1
    plural = unit and not (currency or one or unit.endswith("s") or unit in {"percent", "%"})
    noun = "" if currency or not unit else f"{unit}s" if plural else unit
    if low is not None and high is not None:
        text = amount(low) if low == high else f"between {amount(low)} and {amount(high)}"
    elif low is not None:
        text = f"at least {amount(low)}"
    else:
        assert high is not None
        text = f"up to {amount(high)}"
    return f"{text} {noun}".strip()


_VAGUE = re.compile(
    r"\b(?:dozens|scores|hundreds|thousands|millions|billions|tens|several|many|numerous|"
    r"countless|a few|a number)\b",
    re.IGNORECASE,
)
_RATE = re.compile(
    r"\b(?:per|a|an|each|every)\s+(day|week|month|year|hour)\b"
    r"|\b(daily|weekly|monthly|annually|yearly)\b",
    re.IGNORECASE,
)
_RATE_WORDS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year"}
_RATE_WORDS["yearly"] = "year"


def is_vague(text: str) -> bool:
    """ "hundreds of containers", "thousands of workers": an amount without a figure."""
    return not any(ch.isdigit() for ch in text) and bool(_VAGUE.search(text))


def rate_of(quantity: dict[str, Any]) -> str | None:
    """The period of a rate ("day" for "7,400 rounds per day"), from the value or its text."""
    if quantity.get("rate"):
        return str(quantity["rate"])
    found = _RATE.search(str((quantity.get("span") or {}).get("text") or ""))
    if not found:
        return None
    return found.group(1).lower() if found.group(1) else _RATE_WORDS[found.group(2).lower()]


def as_reported(quantity: dict[str, Any]) -> str | None:
    """A reported quantity as a finding states it: a vague amount in the source's own words
    (never "between 100 and 999"), a rate with its period (never as a total)."""
    text = str((quantity.get("span") or {}).get("text") or "").strip()
    if text and is_vague(text):
        return text
    value = format_quantity(quantity.get("low"), quantity.get("high"), quantity.get("unit"))
    rate = rate_of(quantity)
    if value and rate:
        return f"{value} per {rate}"
    return value


def format_period(start: str | None, end: str | None) -> str | None:
    if not start and not end:
        return None
    if start and end and start != end:
        return f"{start} to {end}"
    return start or end


def _heading(view: dict[str, Any]) -> str:
    kind = TYPE_HEADINGS.get(view["type"], view["type"].replace("_", " ").capitalize())
    sources, targets = view.get("source") or [], view.get("target") or []
    if view["type"] in {"meeting", "agreement"}:
        return f"{kind}: {_parties(sources + targets)}"
    parts = [kind]
    if sources:
        parts.append(f"from {_parties(sources)}")
    if targets:
        parts.append(f"to {_parties(targets)}")
    return " ".join(parts)


def _best_quantity(view: dict[str, Any]) -> tuple[str | None, str | None]:
    """The incident's best estimate as a finding states it, and its rate period if the
    figure it rests on is a rate: then it is a rate, never a total."""
    low, high, unit = view.get("quantity_low"), view.get("quantity_high"), view.get("quantity_unit")
    if low is None and high is None:
        return None, None
    for claim in view.get("claims") or []:
        q = claim.get("quantity") or {}
        if (q.get("low"), q.get("high"), q.get("unit")) == (low, high, unit):
            return as_reported(q), rate_of(q)
    return format_quantity(low, high, unit), None


def _statement(
    view: dict[str, Any],
    period: str | None,
    quantity: str | None,
    n: int,
    *,
    rate: str | None = None,
) -> str:
    what = _heading(view)
    bits = [f"{what} was reported"]
    if view.get("item") and not quantity:
        bits.append(f"(item: {view['item']})")
    if quantity and rate:
        bits.append(f"at a rate of {quantity} (a rate, not a total)")
    elif quantity:
        bits.append(f"with a best estimate of {quantity}")
    if period:
        bits.append(f"for {period}")
    sources = f"{n} source sentence" + ("s" if n != 1 else "")
    return " ".join(bits) + f", on the strength of {sources}."


_NOTE = re.compile(r"\s*\((?![A-Z0-9][\w.&'-]*\))[^()]*\)\s*$")
"""A trailing parenthesis that is a note, not an abbreviation: "(republished on X)",
"(inferred from author note; ...)" go; "(KCNA)" stays."""


def _grade_reasons(assessment: dict[str, Any]) -> tuple[str, ...]:
    """The grade's reasons, then the likelihood's (or why none is stated: speculation)."""
    reasons = tuple(assessment.get("reasons") or ())
    why = assessment.get("likelihood_reason")
    return (*reasons, f"Likelihood (ICD 203): {why}") if why else reasons


def clean_outlet(value: str | None) -> str | None:
    """The outlet's name as a citation gives it, without a collector's notes."""
    if not value:
        return value
    cleaned = value.strip()
    while True:
        stripped = _NOTE.sub("", cleaned).strip()
        if stripped == cleaned or not stripped:
            return cleaned
        cleaned = stripped


def _accessed(doc: dict[str, Any]) -> str | None:
    fetched = doc.get("fetched_at") or (doc.get("meta") or {}).get("accessed")
    return str(fetched)[:10] if fetched else None


class _Numbering:
    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self.sources: list[Source] = []
        self._index: dict[tuple[str, str, int, int], int] = {}
        self._source_of: dict[str, int] = {}

    def source(self, doc: dict[str, Any]) -> int:
        if doc["id"] not in self._source_of:
            number = len(self.sources) + 1
            self.sources.append(
                Source(
                    number=number,
                    document_id=doc["id"],
                    outlet=clean_outlet(doc.get("outlet")),
                    title=doc.get("title"),
                    published=doc.get("published"),
                    url=doc.get("url"),
                    accessed=_accessed(doc),
                )
            )
            self._source_of[doc["id"]] = number
        return self._source_of[doc["id"]]

    def cite(self, incident_id: str, claim: dict[str, Any]) -> int:
        evidence = claim["evidence"]
        doc = claim["document"]
        key = (claim["role"], doc["id"], evidence["start"], evidence["end"])
        if key in self._index:
            return self._index[key]
        number = len(self.citations) + 1
        self.citations.append(
            Citation(
                number=number,
                role=claim["role"],
                incident_id=incident_id,
                claim_id=claim["id"],
                document_id=doc["id"],
                outlet=clean_outlet(doc.get("outlet")),
                title=doc.get("title"),
                published=doc.get("published"),
                url=doc.get("url"),
                quote=evidence["text"],
                start=evidence["start"],
                end=evidence["end"],
                attributed_to=tuple(a["name"] for a in claim.get("attributed_to") or []),
                modality=claim.get("modality", "fact"),
                source=self.source(doc),
                review=review_line(claim.get("review")),
            )
        )
        self._index[key] = number
        return number


def _finding(number: int, view: dict[str, Any], numbering: _Numbering) -> Finding:
    support: list[int] = []
    contradict: list[int] = []
    quantities: list[dict[str, Any]] = []
    for claim in view["claims"]:
        ref = numbering.cite(view["id"], claim)
        (support if claim["role"] == "support" else contradict).append(ref)
        quantity = claim.get("quantity")
        if quantity:
            who = [a["name"] for a in claim.get("attributed_to") or []]
            quantities.append(
                {
                    "text": quantity["span"]["text"],
                    "value": as_reported(quantity),
                    "rate": rate_of(quantity),
                    "reported_by": who
                    or [clean_outlet(claim["document"].get("outlet")) or "the writer"],
                    "role": claim["role"],
                    "citation": ref,
                }
            )
    assessment = view.get("assessment") or {}
    period = format_period(view.get("time_start"), view.get("time_end"))
    quantity, rate = _best_quantity(view)
    return Finding(
        number=number,
        incident_id=view["id"],
        type=view["type"],
        heading=view.get("title") or _heading(view),
        statement=_statement(view, period, quantity, len(support), rate=rate),
        period=period,
        quantity=quantity,
        grade=assessment.get("code"),
        grade_reasons=_grade_reasons(assessment),
        provisions=tuple(view.get("provisions") or ()),
        quantities=tuple(quantities),
        support=tuple(dict.fromkeys(support)),
        contradict=tuple(dict.fromkeys(contradict)),
        extra=tuple(
            (k, v) for k, v in view.items() if k not in KNOWN_KEYS and v not in (None, "", [], {})
        ),
    )


def _summary(findings: list[Finding], citations: list[Citation]) -> str:
    if not findings:
        return "No incident matches this case file's subject."
    documents = {c.document_id for c in citations}
    outlets = sorted({c.outlet for c in citations if c.outlet})  # already cleaned
    dates = sorted(d for c in citations if (d := c.published))
    engaged = sorted(
        {p.get("citation") or p["provision_id"] for f in findings for p in f.provisions}
    )
    parts = [
        f"This case file sets out {len(findings)} incident"
        + ("s" if len(findings) != 1 else "")
        + f" drawn from {len(documents)} source document"
        + ("s" if len(documents) != 1 else "")
        + (f" ({', '.join(outlets)})" if outlets else "")
        + (f", published {dates[0]} to {dates[-1]}" if dates else "")
        + "."
    ]
    if engaged:
        parts.append("Provisions engaged: " + ", ".join(engaged) + ".")
    contradicted = sum(1 for f in findings if f.contradict)
    if contradicted:
        parts.append(
            f"{contradicted} of them {'is' if contradicted == 1 else 'are'} contradicted or denied "
            "by at least one source; those statements are set out with the evidence."
        )
    parts.append(
        "Every finding rests on the numbered sentences quoted in the evidence section, "
        "exactly as they appear in the sources; grades follow the Admiralty code."
    )
    return " ".join(parts)


def build_case_file(
    views: list[dict[str, Any]], *, subject: str, title: str, generated: str | None = None
) -> CaseFile:
    numbering = _Numbering()
    findings = [_finding(n, view, numbering) for n, view in enumerate(views, 1)]
    return CaseFile(
        title=title,
        subject=subject,
        generated=generated or dt.datetime.now(dt.UTC).date().isoformat(),
        summary=_summary(findings, numbering.citations),
        findings=tuple(findings),
        citations=tuple(numbering.citations),
        sources=tuple(numbering.sources),
    )


def case_file_for_incident(
    store: st.Store, incident_id: str, *, generated: str | None = None
) -> CaseFile:
    view = incident_view(store, incident_id).to_dict()
    return build_case_file(
        [view],
        subject=f"incident {view['id']}",
        title=f"Case file: {view.get('title') or _heading(view)}",
        generated=generated,
    )


def case_file_for_query(
    store: st.Store,
    flt: IncidentFilter,
    *,
    limit: int = MAX_INCIDENTS,
    generated: str | None = None,
) -> CaseFile:
    if flt.is_empty:
        raise InputError("a case file needs an incident id or at least one filter", code=BAD_FILTER)
    found = matching_incidents(store, flt)[:limit]
    views = [incident_view(store, data["id"]).to_dict() for data in found]
    subject = "; ".join(f"{k}: {v}" for k, v in flt.to_params().items())
    return build_case_file(
        views, subject=subject, title=f"Case file: {subject}", generated=generated
    )


def review_line(review: dict[str, Any] | None) -> str:
    """ "reviewed: target set to CN (Ana, 2026-01-02 03:04 UTC)" for a corrected claim."""
    if not review:
        return ""
    done = [
        f"{c['summary']} ({c['author']}, {c['created_at'][:16].replace('T', ' ')} UTC)"
        for c in review.get("corrections") or []
    ]
    flag = "; the sentence changed since" if review.get("sentence_changed") else ""
    return "reviewed: " + "; ".join(done) + flag
