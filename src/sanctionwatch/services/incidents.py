"""Use cases over incidents: rebuild them from stored claims, list and explain them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sanctionwatch import store as st
from sanctionwatch.assess import DocumentInfo, build_incidents
from sanctionwatch.domain import Claim, Document, Incident
from sanctionwatch.domain.codec import claim_to_dict, document_to_dict, incident_to_dict
from sanctionwatch.extract import extractor_id
from sanctionwatch.law import load_regime


def _document_info(doc: Document) -> DocumentInfo:
    return DocumentInfo(
        id=doc.id,
        outlet=doc.outlet,
        url=doc.url,
        published=doc.published,
        syndication_cluster=doc.syndication_cluster,
    )


def rebuild_incidents(store: st.Store) -> int:
    """Cluster every claim of the current extractor into incidents; replace the old set."""
    claims = st.list_claims(store, extractor=extractor_id())
    doc_ids = sorted({c.document_id for c in claims})
    documents = {doc_id: _document_info(st.get_document(store, doc_id)) for doc_id in doc_ids}
    incidents = build_incidents(claims, documents=documents)
    st.save_provisions(store, load_regime().provisions)
    return st.replace_incidents(store, incidents)


@dataclass(frozen=True)
class IncidentView:
    incident: Incident
    claims: list[tuple[str, Claim]]
    documents: dict[str, Document]

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """The incident with each provision's citation and every claim with its document."""
        provisions = {p.id: p for p in load_regime().provisions}
        data = incident_to_dict(self.incident)
        for match in data["provisions"]:
            provision = provisions.get(match["provision_id"])
            match["citation"] = provision.citation if provision else None
            match["summary"] = provision.summary if provision else None
        data["claims"] = [
            {
                "role": role,
                **claim_to_dict(claim),
                "document": document_to_dict(
                    self.documents[claim.document_id], include_text=include_text
                ),
            }
            for role, claim in self.claims
        ]
        return data


def incident_view(store: st.Store, incident_id: str) -> IncidentView:
    incident = st.get_incident(store, incident_id)
    claims = st.claims_for_incident(store, incident.id)
    documents = {
        doc_id: st.get_document(store, doc_id)
        for doc_id in sorted({c.document_id for _, c in claims})
    }
    return IncidentView(incident, claims, documents)


def list_incident_views(
    store: st.Store,
    *,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[IncidentView]:
    return [
        incident_view(store, i.id)
        for i in st.list_incidents(store, type=type, since=since, until=until, limit=limit)
    ]
