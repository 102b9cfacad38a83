"""Paragraphs of sanctions resolutions, as data, and the matches the mapper finds."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Provision:
    id: str
    regime: str
    resolution: str
    paragraph: str | None
    adopted: str | None
    category: str
    status: str
    """verified | verified_xref | partial | unverified"""
    summary: str
    applies_to: str | None = None
    deadline: str | None = None
    source: str | None = None
    unverified_paragraph_guess: str | None = None

    @property
    def is_verified(self) -> bool:
        return self.status in {"verified", "verified_xref"}

    @property
    def citation(self) -> str:
        """How the provision is cited in text; never presents a guessed number as fact."""
        if self.paragraph is None:
            return f"UNSCR {self.resolution} (paragraph unverified)"
        caveat = "" if self.is_verified else f" ({self.status})"
        return f"UNSCR {self.resolution} OP{self.paragraph}{caveat}"


@dataclass(frozen=True, slots=True)
class ProvisionMatch:
    provision_id: str
    kind: str
    """violation | indicator | context (a non-event: kept beside the incident, no breach)"""
    reasons: tuple[str, ...]
    status: str
    rule: str = ""
    warnings: tuple[str, ...] = field(default=())
    modality: str = ""
    """How the event is reported, shown beside the provision: fact | alleged | planned | ..."""
    in_force: str = ""
    """The time-in-force test against the event's interval, as a sentence."""
