"""Sources -> documents: one module per format behind this surface.

``ingest_paths`` yields an :class:`Ingested` per document and a :class:`Failed` per bad
item (with a stable ``E2xx`` code and the original bytes); the service layer stores both.
"""

from sanctionwatch.ingest.decode import DecodedText, decode_bytes, decode_text
from sanctionwatch.ingest.dispatch import PARSERS, Parser, ingest_input, ingest_paths
from sanctionwatch.ingest.results import Failed, Ingested, IngestResult
from sanctionwatch.ingest.sources import DEFAULT_MAX_BYTES, RawInput, iter_inputs

__all__ = [
    "DEFAULT_MAX_BYTES",
    "PARSERS",
    "DecodedText",
    "Failed",
    "IngestResult",
    "Ingested",
    "Parser",
    "RawInput",
    "decode_bytes",
    "decode_text",
    "ingest_input",
    "ingest_paths",
    "iter_inputs",
]
