"""Document text → grounded claims, by rules over a blank spaCy pipeline (no model download)."""

from sanctionwatch.extract.claims import (
    EXTRACTOR_NAME,
    EXTRACTOR_VERSION,
    extract_claims,
    extractor_id,
)

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "extract_claims", "extractor_id"]
