"""Incidents: one real-world event, the claims that support or contradict it, and its grade.

Besides the claim ids an incident carries what an analyst needs to defend it: the
independent *origins* of the information with the *conduits* (documents, outlets) that
carried each, every reported figure with who reported it and a conservative estimate, the
contradictions (denials, negations, differing figures) and the Admiralty grade with an
ICD 203 likelihood phrase kept apart from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sanctionwatch.domain.claim import ClaimType
from sanctionwatch.domain.provision import ProvisionMatch

# ICD 203 expressions of likelihood and the probability band each stands for.
LIKELIHOOD_RANGES: dict[str, str] = {
    "almost no chance": "01-05%",
    "very unlikely": "05-20%",
    "unlikely": "20-45%",
    "roughly even chance": "45-55%",
    "likely": "55-80%",
    "very likely": "80-95%",
    "almost certainly": "95-99%",
}

_PRECISION = re.compile(r"^\d{4}(-\d{2})?(-\d{2})?")


@dataclass(frozen=True, slots=True)
class Assessment:
    """NATO Admiralty grade: source reliability A–F, information credibility 1–6.

    ``likelihood`` is an ICD 203 phrase ("likely") for how probable the event is, judged
    from the grade; it is a separate statement, not part of the code.
    """

    reliability: str
    credibility: int
    reasons: tuple[str, ...]
    method: str = ""
    likelihood: str = ""
    likelihood_reason: str = ""

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"

    @property
    def likelihood_range(self) -> str | None:
        return LIKELIHOOD_RANGES.get(self.likelihood)


@dataclass(frozen=True, slots=True)
class Conduit:
    """One document that carried an origin's information to us."""

    document_id: str
    outlet: str | None = None
    published: str | None = None
    syndication_cluster: str | None = None


@dataclass(frozen=True, slots=True)
class Origin:
    """One independent origin: an outlet's own reporting, a cited source, or a syndicated story.

    ``kind`` is ``cited_source``, ``outlet``, ``syndication``, ``document`` or ``question``
    (only reporters' questions in a transcript); ``role`` is
    ``support`` or ``contradict``. ``stated_as_fact`` is true when at least one of its
    claims states the event without hedging and names the actors directly.
    """

    label: str
    kind: str
    role: str
    reliability: str
    stated_as_fact: bool
    claim_ids: tuple[str, ...]
    conduits: tuple[Conduit, ...]
    reliability_reason: str = ""
    """Who speaks for this origin and why it gets its letter."""


@dataclass(frozen=True, slots=True)
class Figure:
    """One reported figure (as a range with a unit) and who reported it."""

    low: float | None
    high: float | None
    unit: str | None
    kind: str
    text: str
    claim_ids: tuple[str, ...]
    reported_by: tuple[str, ...]
    """Labels of the origins that gave this figure."""
    stated_as_fact: bool
    rate: str | None = None


@dataclass(frozen=True, slots=True)
class Estimate:
    """The conservative estimate: the lowest well-supported figure, never an average."""

    value: float
    unit: str | None
    basis: str
    claim_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Something that speaks against the incident or one of its details.

    ``kind`` is ``denial`` (by an involved party), ``negation`` (said not to have happened)
    or ``figure`` (sources give figures that cannot both be right).
    """

    kind: str
    claim_ids: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    type: ClaimType
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    time_start: str | None
    time_end: str | None
    quantity_low: float | None
    quantity_high: float | None
    quantity_unit: str | None
    item: str | None
    supporting_claim_ids: tuple[str, ...]
    contradicting_claim_ids: tuple[str, ...]
    provisions: tuple[ProvisionMatch, ...]
    assessment: Assessment | None
    method: str = ""
    origins: tuple[Origin, ...] = ()
    figures: tuple[Figure, ...] = ()
    estimate: Estimate | None = None
    contradictions: tuple[Contradiction, ...] = ()
    items: tuple[str, ...] = ()
    """Every item the supporting claims name, most named first (``item`` is the first)."""
    title: str = ""
    """Generated from type, actors, item, place and time (issue 12)."""
    parent_id: str | None = None
    """The campaign this incident is an episode of, if any."""
    relevance: str = ""
    """``regime`` (touches the DPRK or the 1718 regime: the default view) or ``other``."""
    relevance_reason: str = ""
    anchors: tuple[str, ...] = ()
    """Places, organisations and names its reports use, most used first."""

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return self.supporting_claim_ids + self.contradicting_claim_ids

    @property
    def time_precision(self) -> str | None:
        return time_precision(self.time_start, self.time_end)

    @property
    def supporting_origins(self) -> tuple[Origin, ...]:
        return tuple(o for o in self.origins if o.role == "support")


def date_precision(value: str | None) -> str | None:
    """``year``, ``month`` or ``day`` for "2023", "2023-09", "2023-09-13"; None otherwise."""
    found = _PRECISION.match(value or "")
    if not found:
        return None
    return "day" if found.group(2) else "month" if found.group(1) else "year"


def time_precision(start: str | None, end: str | None) -> str | None:
    """How precisely an interval is dated: a single period's grain, else ``range``."""
    if not start and not end:
        return None
    if not start or (end and end != start):
        return "range"
    return date_precision(start)
