"""Corrections: analysts' statements about claims and incidents (writes need the key)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field

from sanctionwatch.api.deps import StoreDep
from sanctionwatch.api.limits import reject_surrogates
from sanctionwatch.api.security import require_write_key
from sanctionwatch.assess.review import correction_to_dict
from sanctionwatch.services import corrections as service
from sanctionwatch.store.corrections import list_corrections

router = APIRouter(tags=["corrections"])
write_router = APIRouter(tags=["corrections"], dependencies=[Depends(require_write_key)])

ID = Path(max_length=255, pattern=r"^[\w-]+$")
_CODE = Annotated[str, Field(pattern=r"^([A-Z]{2}|UN|EU)$")]
_ID = Annotated[str, Field(max_length=255)]
_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class CorrectionIn(BaseModel):
    """``kind`` and the fields it takes (see ``domain.correction``)."""

    kind: str = Field(
        pattern=r"^(reject|role|quantity|time|modality|note|merge|split)$",
        description="reject, role, quantity, time, modality, note (claims); merge, split, note (incidents).",
    )
    author: str = Field(min_length=1, max_length=100, description="Who makes the correction.")
    reason: str | None = Field(default=None, max_length=5000)
    role: str | None = Field(default=None, pattern=r"^(source|target)$")
    codes: list[_CODE] | None = Field(default=None, max_length=50)
    low: float | None = Field(default=None, ge=0)
    high: float | None = Field(default=None, ge=0)
    unit: str | None = Field(default=None, max_length=100)
    start: str | None = Field(default=None, pattern=_DATE)
    end: str | None = Field(default=None, pattern=_DATE)
    modality: str | None = Field(default=None, pattern=r"^(fact|uncertain|planned|denied|negated)$")
    text: str | None = Field(default=None, max_length=5000)
    into: _ID | None = None
    claim_ids: list[_ID] | None = Field(default=None, max_length=1000)

    def payload(self) -> dict[str, Any]:
        data = self.model_dump(exclude_none=True, exclude={"kind", "author"})
        reject_surrogates(data, where="body")
        reject_surrogates(self.author, where="body.author")
        return data


@router.get("/corrections")
def corrections(
    store: StoreDep,
    subject_id: Annotated[str | None, Query(max_length=255)] = None,
    document_id: Annotated[str | None, Query(max_length=64)] = None,
) -> list[dict[str, Any]]:
    """Every correction, oldest first; or those about one claim or incident, or one document.

    Each claim correction says where it stands (``status``): applied, moved (its claim
    has a new id), sentence changed, or unmatched (no current claim)."""
    found = list_corrections(
        store,
        subject_ids=[subject_id] if subject_id else None,
        document_ids=[document_id] if document_id else None,
    )
    statuses = service.correction_statuses(store, found)
    return [{**correction_to_dict(c), "status": statuses.get(c.id)} for c in found]


@write_router.post("/claims/{claim_id}/corrections", status_code=201)
def correct_claim(
    store: StoreDep, claim_id: Annotated[str, ID], body: CorrectionIn
) -> dict[str, Any]:
    """Reject a claim, set its source or target, figure, date or modality, or note on it.

    Stored beside the claim, never over it; incidents are rebuilt to follow it."""
    correction = service.correct_claim(
        store, claim_id, kind=body.kind, data=body.payload(), author=body.author
    )
    return correction_to_dict(correction)


@write_router.post("/incidents/{incident_id}/corrections", status_code=201)
def correct_incident(
    store: StoreDep, incident_id: Annotated[str, ID], body: CorrectionIn
) -> dict[str, Any]:
    """Merge an incident into another (``into``), split claims off it, or note on it."""
    correction = service.correct_incident(
        store, incident_id, kind=body.kind, data=body.payload(), author=body.author
    )
    return correction_to_dict(correction)
