"""Mentions in text and the canonical entities they resolve to."""

from __future__ import annotations

from dataclasses import dataclass

from sanctionwatch.domain.span import Span


@dataclass(frozen=True, slots=True)
class Designation:
    list_name: str
    reference: str
    listed_on: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    """States use ISO 3166 alpha-2 codes (``KP``); other entities a stable slug."""
    kind: str
    names: tuple[str, ...]
    country: str | None = None
    designations: tuple[Designation, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    span: Span
    kind: str
    """person | organization | country | place | vessel | item | ..."""
    entity_id: str | None = None
    rule: str = ""
