"""Use cases shared by every surface (CLI, API, web, reports)."""

from sanctionwatch.services.clustering import rebuild_incidents, update_incidents
from sanctionwatch.services.custody import document_custody
from sanctionwatch.services.demo import sample_data_dir
from sanctionwatch.services.documents import document_detail, search
from sanctionwatch.services.incidents import (
    IncidentMoved,
    IncidentView,
    incident_view,
    list_incident_views,
)
from sanctionwatch.services.ingesting import IngestSummary, extract_pending, ingest_sources
from sanctionwatch.services.quarantine import RetrySummary, retry_quarantine
from sanctionwatch.services.syndicating import SyndicationSummary, assign_syndication

__all__ = [
    "IncidentMoved",
    "IncidentView",
    "IngestSummary",
    "RetrySummary",
    "SyndicationSummary",
    "assign_syndication",
    "document_custody",
    "document_detail",
    "extract_pending",
    "incident_view",
    "ingest_sources",
    "list_incident_views",
    "rebuild_incidents",
    "retry_quarantine",
    "sample_data_dir",
    "search",
    "update_incidents",
]
