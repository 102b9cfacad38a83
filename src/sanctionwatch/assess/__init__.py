"""Assess: claims -> incidents, source independence, Admiralty grades with reasons.

Pure functions over domain objects; document metadata comes in as ``DocumentInfo`` so the
stage never imports the store.
"""

from sanctionwatch.assess.cluster import ClaimCluster, cluster_claims
from sanctionwatch.assess.grade import find_origins, grade_incident
from sanctionwatch.assess.incidents import build_incident, build_incidents, incident_id_for
from sanctionwatch.assess.sources import (
    DocumentInfo,
    OutletProfile,
    OutletRegistry,
    load_outlet_registry,
)

__all__ = [
    "ClaimCluster",
    "DocumentInfo",
    "OutletProfile",
    "OutletRegistry",
    "build_incident",
    "build_incidents",
    "cluster_claims",
    "find_origins",
    "grade_incident",
    "incident_id_for",
    "load_outlet_registry",
]
