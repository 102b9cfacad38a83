"""Law mapping: sanctions provisions as YAML data, and the mapper from claims to provisions."""

from sanctionwatch.law.claims import map_claim_group
from sanctionwatch.law.eventhood import EventReading, read_event
from sanctionwatch.law.items import load_item_categories
from sanctionwatch.law.loader import REGIME_ERROR_CODES, load_regime, parse_regime
from sanctionwatch.law.mapper import map_claim, map_incident, map_incident_roles
from sanctionwatch.law.regime import Condition, Regime

__all__ = [
    "REGIME_ERROR_CODES",
    "Condition",
    "EventReading",
    "Regime",
    "load_item_categories",
    "load_regime",
    "map_claim",
    "map_claim_group",
    "map_incident",
    "map_incident_roles",
    "parse_regime",
    "read_event",
]
