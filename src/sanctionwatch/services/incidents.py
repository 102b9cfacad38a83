"""Use cases over incidents: list and explain them (``clustering`` keeps them current).

``IncidentView.to_dict()`` is what every surface renders (CLI ``--json``, API, web,
reports). Its keys:

- everything ``domain.codec.incident_to_dict`` writes: ``id``, ``type``, ``source``,
  ``target``, ``time_start``, ``time_end``, ``quantity_low``/``_high``/``_unit``,
  ``item``, ``supporting_claim_ids``, ``contradicting_claim_ids``, ``provisions``
  (here each with ``citation`` and ``summary`` added), ``assessment`` (``code``,
  ``reliability``, ``credibility``, ``reasons``, ``method``, and since issue 6
  ``likelihood``, ``likelihood_range``, ``likelihood_reason``), ``method``;
- added with issue 6: ``time_precision`` (year | month | day | range | null),
  ``items`` (every item named, most named first), ``origin_count`` and
  ``conduit_count`` (supporting independent origins; documents carrying them),
  ``origins`` (each: ``label``, ``kind``, ``role`` support|contradict, ``reliability``,
  ``stated_as_fact``, ``claim_ids``, ``conduits`` [``document_id``, ``outlet``,
  ``published``, ``syndication_cluster``]), ``figures`` (each: ``low``, ``high``,
  ``unit``, ``kind``, ``rate``, ``text``, ``stated_as_fact``, ``reported_by``,
  ``claim_ids``), ``estimate`` (``value``, ``unit``, ``basis``, ``claim_ids``, or null),
  ``contradictions`` (each: ``kind`` denial|negation|figure, ``reason``, ``claim_ids``);
- added with issue 12: ``title`` (generated from type, actors, item, place and time),
  ``parent_id`` (the campaign an episode belongs to, else null), ``relevance``
  (regime | other) with ``relevance_reason``, ``anchors`` (names its reports use:
  ``place:``, ``org:``, ``person:``, ``model:``, ``name:`` or ``resolution NNNN``);
- view-only keys: ``claims`` (each claim's dict plus ``role`` support|contradict,
  ``document`` and, since issue 6, ``origin`` — the label of its origin — and
  ``weak_actors`` — actors filled by coreference), ``time_label`` ("2023-09 (month)"),
  and ``summary`` (one plain sentence: what, who, when, how well established);
- added with issue 16: each claim's ``review`` (null, or ``rejected``, ``matched_by``,
  ``sentence_changed`` and its ``corrections``: analysts' statements with author and
  time; the claim's values are already the corrected ones), ``reviewed`` (whether any
  claim or the incident was corrected) and ``notes`` (corrections about the incident).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sanctionwatch import store as st
from sanctionwatch.assess import is_weak
from sanctionwatch.assess.review import Review, correction_to_dict, review_claims
from sanctionwatch.assess.titles import RELEVANT
from sanctionwatch.domain import Claim, Document, Incident
from sanctionwatch.domain.codec import claim_to_dict, document_to_dict, incident_to_dict
from sanctionwatch.domain.correction import Correction
from sanctionwatch.domain.errors import NotFoundError
from sanctionwatch.law import load_regime
from sanctionwatch.store.corrections import list_corrections


@dataclass(frozen=True)
class IncidentView:
    incident: Incident
    claims: list[tuple[str, Claim]]
    documents: dict[str, Document]
    reviews: dict[str, Review] = field(default_factory=dict)
    notes: list[Correction] = field(default_factory=list)

    def to_dict(
        self,
        *,
        include_text: bool = False,
        document_dicts: Mapping[str, dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """The incident with each provision's citation and every claim with its document.

        ``document_dicts`` (a list page passes them) are documents already encoded with the
        same ``include_text``, shared by the incidents of one page.
        """
        provisions = {p.id: p for p in load_regime().provisions}
        data = incident_to_dict(self.incident)
        for match in data["provisions"]:
            provision = provisions.get(match["provision_id"])
            match["citation"] = provision.citation if provision else None
            match["summary"] = provision.summary if provision else None
        origin_of = {cid: o.label for o in self.incident.origins for cid in o.claim_ids}
        # Once per document, not per claim: a document's dict counts its words.
        documents = document_dicts or {}
        documents = {
            doc_id: documents.get(doc_id) or document_to_dict(doc, include_text=include_text)
            for doc_id, doc in self.documents.items()
        }
        data["claims"] = [
            {
                "role": role,
                **claim_to_dict(claim),
                "document": dict(documents[claim.document_id]),
                "origin": origin_of.get(claim.id),
                "weak_actors": is_weak(claim),
                "review": review.to_dict() if (review := self.reviews.get(claim.id)) else None,
            }
            for role, claim in self.claims
        ]
        data["notes"] = [correction_to_dict(c) for c in self.notes]
        data["reviewed"] = bool(self.reviews or self.notes)
        data["time_label"] = time_label(self.incident)
        data["summary"] = summarise(self.incident)
        return data


def time_label(incident: Incident) -> str:
    """ "2023-09 (month)", "2022-01 to 2022-06 (range)", "undated"."""
    start, end = incident.time_start, incident.time_end
    precision = incident.time_precision
    if precision is None:
        return "undated"
    if precision == "range":
        shown = f"{start} to {end}" if start else f"until {end}"
    else:
        shown = start or end or ""
    return f"{shown} ({precision})"


def summarise(incident: Incident) -> str:
    """One sentence a reader can check against the rest of the record."""
    actors = (
        " and ".join(incident.sources)
        if not incident.targets
        else f"{','.join(incident.sources) or '?'} to {','.join(incident.targets)}"
    )
    what = incident.type.value.replace("_", " ")
    item = f" ({incident.item})" if incident.item else ""
    when = time_label(incident)
    n = len(incident.supporting_origins)
    origins = f"{n} independent origin{'s' if n != 1 else ''}"
    grade = ""
    if incident.assessment is not None:
        a = incident.assessment
        phrase = f"{a.likelihood}, " if a.likelihood else ""
        grade = f"; {phrase}grade {a.code}"
    against = (
        f"; {len(incident.contradictions)} contradiction(s)" if incident.contradictions else ""
    )
    return f"{what}{item}, {actors}, {when}: {origins}{grade}{against}."


class IncidentMoved(NotFoundError):
    """The id was absorbed when incidents merged; ``new_id`` is where it lives now."""

    def __init__(self, old_id: str, new_id: str) -> None:
        super().__init__(f"incident {old_id} was merged into {new_id}")
        self.old_id, self.new_id = old_id, new_id


def get_incident(store: st.Store, incident_id: str) -> Incident:
    """The incident, or ``IncidentMoved`` when its id now redirects to another."""
    try:
        return st.get_incident(store, incident_id)
    except NotFoundError:
        new_id = st.resolve_redirect(store, incident_id)
        if new_id is None:
            raise
        raise IncidentMoved(incident_id, new_id) from None


def incident_view(store: st.Store, incident_id: str) -> IncidentView:
    incident = get_incident(store, incident_id)
    pairs = st.claims_for_incident(store, incident.id)
    doc_ids = sorted({c.document_id for _, c in pairs})
    documents = {doc_id: st.get_document(store, doc_id) for doc_id in doc_ids}
    corrections = list_corrections(store, document_ids=doc_ids)
    corrections += list_corrections(store, subject="incident", subject_ids=[incident.id])
    return reviewed_view(IncidentView(incident, pairs, documents), corrections)


def reviewed_view(view: IncidentView, corrections: Sequence[Correction]) -> IncidentView:
    """The view with analysts' corrections: corrected claim values, reviews and notes.

    ``corrections`` may hold more than this incident's (a list page reads them once)."""
    notes = [c for c in corrections if c.subject == "incident" and c.subject_id == view.incident.id]
    mine = [c for c in corrections if c.subject == "claim" and c.document_id in view.documents]
    if not mine:
        return dataclasses.replace(view, notes=notes)
    reviewed = review_claims([c for _, c in view.claims], mine)
    # A rejected claim still linked (incidents not yet rebuilt) is shown with its review.
    corrected = {c.id: c for c in (*reviewed.claims, *reviewed.rejected)}
    claims = [(role, corrected.get(c.id, c)) for role, c in view.claims]
    return dataclasses.replace(view, claims=claims, reviews=reviewed.reviews, notes=notes)


def list_incident_views(
    store: st.Store,
    *,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    relevance: str | None = RELEVANT,
    episodes: bool = False,
) -> list[IncidentView]:
    """By default the incidents relevant to the regime, campaigns without their episodes."""
    return [
        incident_view(store, i.id)
        for i in st.list_incidents(
            store,
            type=type,
            since=since,
            until=until,
            limit=limit,
            relevance=relevance,
            episodes=episodes,
        )
    ]
