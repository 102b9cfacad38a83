"""The knowledge base: people, organisations, states and outlets the reporting names.

People and organisations are data in ``kb/entities.yaml``; states with their demonyms and
metonyms come from the extractor's gazetteer and outlets with their kind from the outlet
registry (``assess/outlets.yaml``) — read, never copied, so there is one source for each.
``KnowledgeBase.name`` is ``kb@vN+gazetteer@vN+outlets@vN`` and is recorded with links.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from sanctionwatch.resolve.gazetteer import Gazetteer, load_gazetteer


@dataclass(frozen=True, slots=True)
class KbEntity:
    id: str
    kind: str
    """person | organization"""
    names: tuple[str, ...]
    country: str | None = None
    role: str | None = None
    born: int | None = None
    """Birth year, when public: what tells a designee from a namesake."""


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    kind: str
    """un_body | government | wire_service | newspaper | think_tank | state_media | ..."""
    label: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True)
class KnowledgeBase:
    version: int
    entities: tuple[KbEntity, ...]
    outlets: tuple[Outlet, ...]
    outlets_version: int
    gazetteer: Gazetteer

    @property
    def name(self) -> str:
        return f"kb@v{self.version}+{self.gazetteer.name}+outlets@v{self.outlets_version}"

    def get(self, entity_id: str) -> KbEntity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


def parse_entities(data: dict[str, Any]) -> tuple[KbEntity, ...]:
    out = []
    seen: set[str] = set()
    for row in data.get("entities") or []:
        entity_id = str(row["id"])
        if entity_id in seen:
            raise ValueError(f"E121: knowledge-base id {entity_id!r} appears twice")
        if row.get("kind") not in {"person", "organization"}:
            raise ValueError(f"E122: {entity_id}: kind must be person or organization")
        names = tuple(str(n) for n in row.get("names") or [])
        if not names:
            raise ValueError(f"E123: {entity_id}: no names")
        seen.add(entity_id)
        born = row.get("born")
        if born is not None and not (isinstance(born, int) and 1850 <= born <= 2030):
            raise ValueError(f"E124: {entity_id}: born must be a year")
        out.append(
            KbEntity(entity_id, row["kind"], names, row.get("country"), row.get("role"), born)
        )
    return tuple(out)


def _read_yaml(package: str, path: str) -> dict[str, Any]:
    text = resources.files(package).joinpath(path).read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    entities = _read_yaml("sanctionwatch.resolve", "kb/entities.yaml")
    registry = _read_yaml("sanctionwatch.assess", "outlets.yaml")
    kinds = registry.get("kinds") or {}
    outlets = tuple(
        Outlet(
            name=row["name"],
            kind=row["kind"],
            label=(kinds.get(row["kind"]) or {}).get("label", row["kind"]),
            aliases=tuple(row.get("aliases") or ()),
            domains=tuple(row.get("domains") or ()),
            country=row.get("country"),
        )
        for row in registry.get("outlets") or []
    )
    return KnowledgeBase(
        version=int(entities.get("version", 1)),
        entities=parse_entities(entities),
        outlets=outlets,
        outlets_version=int(registry.get("version", 1)),
        gazetteer=load_gazetteer(),
    )
