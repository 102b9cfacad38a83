"""Claims: one sentence-level assertion that an event happened, happens or will happen."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

from sanctionwatch.domain.span import Span


class ClaimType(StrEnum):
    ARMS_TRANSFER = "arms_transfer"
    TROOP_DEPLOYMENT = "troop_deployment"
    LABOR_DISPATCH = "labor_dispatch"
    TECH_TRANSFER = "tech_transfer"
    TRADE = "trade"
    FINANCIAL_FLOW = "financial_flow"
    VISA_ISSUANCE = "visa_issuance"
    MEETING = "meeting"
    AGREEMENT = "agreement"
    SANCTIONS_ACTION = "sanctions_action"


class Modality(StrEnum):
    FACT = "fact"
    UNCERTAIN = "uncertain"
    PLANNED = "planned"
    DENIED = "denied"
    NEGATED = "negated"


@dataclass(frozen=True, slots=True)
class RoleFiller:
    """A span and its canonical value (an ISO 3166 code for states, else the text)."""

    span: Span
    value: str
    rule: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A range with a unit. ``None`` on either side means open-ended."""

    span: Span
    low: float | None
    high: float | None
    unit: str | None
    kind: str = "count"
    """count | money | ratio | percent"""
    rate: str | None = None
    """per-period for money flows, e.g. ``year``"""
    rule: str = ""


@dataclass(frozen=True, slots=True)
class TimeValue:
    """An interval resolved against the publication date, at year, month or day grain."""

    span: Span
    start: str | None
    end: str | None
    grain: str
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the text cites for the claim, as written, with the cue that introduces it."""

    span: Span
    name: str
    cue: Span | None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    document_id: str
    type: ClaimType
    evidence: Span
    trigger: Span
    sources: tuple[RoleFiller, ...] = ()
    targets: tuple[RoleFiller, ...] = ()
    item: RoleFiller | None = None
    quantity: Quantity | None = None
    time: TimeValue | None = None
    modality: Modality = Modality.FACT
    modality_cue: Span | None = None
    attributions: tuple[Attribution, ...] = ()
    extractor: str = ""
    """``name@version`` of the stage that produced it."""
    rules: tuple[str, ...] = field(default=())
    """Rules that fired for trigger and modality, for tracing a wrong extraction."""

    @property
    def source_codes(self) -> tuple[str, ...]:
        return tuple(sorted({r.value for r in self.sources}))

    @property
    def target_codes(self) -> tuple[str, ...]:
        return tuple(sorted({r.value for r in self.targets}))

    def spans(self) -> list[Span]:
        """Every span the claim carries, for the grounding check."""
        out = [self.evidence, self.trigger]
        out += [r.span for r in (*self.sources, *self.targets)]
        if self.item:
            out.append(self.item.span)
        if self.quantity:
            out.append(self.quantity.span)
        if self.time:
            out.append(self.time.span)
        if self.modality_cue:
            out.append(self.modality_cue)
        for attribution in self.attributions:
            out.append(attribution.span)
            if attribution.cue:
                out.append(attribution.cue)
        return out


def claim_id_for(document_id: str, claim_type: str, start: int, end: int, extractor: str) -> str:
    """Deterministic: the same document, extractor and evidence give the same id."""
    key = f"{document_id}|{claim_type}|{start}|{end}|{extractor}"
    return "clm_" + hashlib.sha256(key.encode()).hexdigest()[:20]
