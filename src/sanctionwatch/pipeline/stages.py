"""Stages under versioned names, so every derived row can say what produced it.

A stage is a pure function over domain objects; it never touches the store or a
surface, so any executor (local, a process pool, Dask) can map it over partitions. The name recorded with the output is ``name@version``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sanctionwatch.domain import Claim, Document


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    version: str
    func: Callable[..., Any]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.name}@{self.version}"


_REGISTRY: dict[str, Stage] = {}


def register_stage(stage: Stage) -> Stage:
    existing = _REGISTRY.get(stage.id)
    if existing is not None and existing.func is not stage.func:
        raise ValueError(f"E130: stage {stage.id} is already registered to another function")
    _REGISTRY[stage.id] = stage
    return stage


def get_stage(stage_id: str) -> Stage:
    if stage_id not in _REGISTRY:
        _register_builtin()
    try:
        return _REGISTRY[stage_id]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise KeyError(f"E131: no stage {stage_id!r}; known stages: {known}") from None


def list_stages() -> list[Stage]:
    _register_builtin()
    return sorted(_REGISTRY.values(), key=lambda s: s.id)


def extract_document(doc: Document) -> list[Claim]:
    """The extraction stage over one stored document (offsets into its stored text)."""
    from sanctionwatch.extract import extract_claims

    return extract_claims(doc.text, published=doc.published, document_id=doc.id)


def build_incidents_stage(claims: Sequence[Claim], documents: Mapping[str, Any]) -> list[Any]:
    from sanctionwatch.assess import build_incidents

    return list(build_incidents(claims, documents=documents))


def _register_builtin() -> None:
    from sanctionwatch.extract.naming import EXTRACTOR_NAME, EXTRACTOR_VERSION

    register_stage(
        Stage(EXTRACTOR_NAME, EXTRACTOR_VERSION, extract_document, ("document",), ("claims",))
    )
    from sanctionwatch.assess.incidents import METHOD

    name, version = METHOD.split("@")
    register_stage(Stage(name, version, build_incidents_stage, ("claims",), ("incidents",)))
