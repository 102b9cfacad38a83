"""Incidents: one real-world event, the claims that support or contradict it, and its grade."""

from __future__ import annotations

from dataclasses import dataclass

from sanctionwatch.domain.claim import ClaimType
from sanctionwatch.domain.provision import ProvisionMatch


@dataclass(frozen=True, slots=True)
class Assessment:
    """NATO Admiralty grade: source reliability A–F, information credibility 1–6."""

    reliability: str
    credibility: int
    reasons: tuple[str, ...]
    method: str = ""

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"


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

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return self.supporting_claim_ids + self.contradicting_claim_ids
