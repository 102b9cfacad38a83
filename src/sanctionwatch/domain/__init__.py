"""Pure domain types: no I/O, no third-party imports."""

from sanctionwatch.domain.claim import (
    Attribution,
    Claim,
    ClaimType,
    Modality,
    Quantity,
    RoleFiller,
    TimeValue,
    claim_id_for,
)
from sanctionwatch.domain.document import Document, build_document, document_id_for, normalise_text
from sanctionwatch.domain.entity import Designation, Entity, Mention
from sanctionwatch.domain.incident import Assessment, Incident
from sanctionwatch.domain.provision import Provision, ProvisionMatch
from sanctionwatch.domain.span import Span, make_span

__all__ = [
    "Assessment",
    "Attribution",
    "Claim",
    "ClaimType",
    "Designation",
    "Document",
    "Entity",
    "Incident",
    "Mention",
    "Modality",
    "Provision",
    "ProvisionMatch",
    "Quantity",
    "RoleFiller",
    "Span",
    "TimeValue",
    "build_document",
    "claim_id_for",
    "document_id_for",
    "make_span",
    "normalise_text",
]
