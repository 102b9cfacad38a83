"""Use cases shared by every surface (CLI, API, web, reports)."""

from sanctionwatch.services.demo import sample_data_dir
from sanctionwatch.services.documents import document_detail, search
from sanctionwatch.services.incidents import (
    IncidentView,
    incident_view,
    list_incident_views,
    rebuild_incidents,
)
from sanctionwatch.services.ingesting import IngestSummary, extract_pending, ingest_sources

__all__ = [
    "IncidentView",
    "IngestSummary",
    "document_detail",
    "extract_pending",
    "incident_view",
    "ingest_sources",
    "list_incident_views",
    "rebuild_incidents",
    "sample_data_dir",
    "search",
]
