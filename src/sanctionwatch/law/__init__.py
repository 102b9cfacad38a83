"""Law mapping: sanctions provisions as YAML data, and the mapper from claims to provisions."""

from sanctionwatch.law.loader import REGIME_ERROR_CODES, load_regime, parse_regime
from sanctionwatch.law.mapper import map_claim, map_incident, map_incident_roles
from sanctionwatch.law.regime import Condition, Regime

__all__ = [
    "REGIME_ERROR_CODES",
    "Condition",
    "Regime",
    "load_regime",
    "map_claim",
    "map_incident",
    "map_incident_roles",
    "parse_regime",
]
