"""Service health and the law: ``/health``, ``/provisions``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from sanctionwatch import __version__
from sanctionwatch import store as st
from sanctionwatch.api.deps import StoreDep
from sanctionwatch.domain.codec import provision_to_dict

router = APIRouter()


@router.get("/health", tags=["meta"])
def health(store: StoreDep) -> dict[str, Any]:
    from sanctionwatch.extract import extractor_id

    return {
        "status": "ok",
        "version": __version__,
        "extractor": extractor_id(),
        "counts": st.stats(store),
    }


@router.get("/provisions", tags=["law"])
def list_provisions() -> list[dict[str, Any]]:
    from sanctionwatch.law import load_regime

    return [provision_to_dict(p) for p in load_regime().provisions]
