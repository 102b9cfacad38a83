"""Assess: claims -> incidents, source independence, Admiralty grades with reasons.

Pure functions over domain objects; document metadata comes in as ``DocumentInfo`` so the
stage never imports the store. Modules: ``cluster`` (claims about one event), ``items``
(item classes, data in ``items.yaml``), ``origins`` (independent origins and their
conduits), ``figures`` (reported figures, conservative estimate), ``grade`` (Admiralty code
and ICD 203 likelihood), ``sources`` (outlet registry; ``describe_document``),
``credits`` (outlet credits, byline and dateline in a document's text), ``people`` (named
people and their roles), ``speakers`` (who speaks for a claim), ``timeline`` (dates as intervals),
``incidents`` (all of it together).
"""

from sanctionwatch.assess.cluster import ClaimCluster, cluster_claims
from sanctionwatch.assess.figures import collect_figures, conservative_estimate
from sanctionwatch.assess.grade import grade_incident, grade_origins
from sanctionwatch.assess.incidents import build_incident, build_incidents, incident_id_for
from sanctionwatch.assess.items import classify_item, items_fit
from sanctionwatch.assess.origins import find_origins, group_origins, is_weak
from sanctionwatch.assess.sources import (
    DocumentInfo,
    OutletProfile,
    OutletRegistry,
    describe_document,
    load_outlet_registry,
)

__all__ = [
    "ClaimCluster",
    "DocumentInfo",
    "OutletProfile",
    "OutletRegistry",
    "build_incident",
    "build_incidents",
    "classify_item",
    "cluster_claims",
    "collect_figures",
    "conservative_estimate",
    "describe_document",
    "find_origins",
    "grade_incident",
    "grade_origins",
    "group_origins",
    "incident_id_for",
    "is_weak",
    "items_fit",
    "load_outlet_registry",
]
