"""Sources -> documents: one module per format behind this surface.

``ingest_paths`` yields an :class:`Ingested` per document and a :class:`Failed` per bad
item (with a stable ``E2xx`` code and the original bytes); the service layer stores both.
Formats: plain text and Markdown (``text``), JSON Lines (``jsonl``), HTML (``html``),
PDF (``pdf``), RSS/Atom (``feed``), WARC (``warc``), zip and gzip (``archive``); URLs
are fetched by ``fetch`` behind an SSRF guard. ``language`` and ``syndication`` hold the
pure functions the service uses to mark languages and group copies of one story.
"""

from sanctionwatch.ingest.decode import DecodedText, decode_bytes, decode_text
from sanctionwatch.ingest.dispatch import (
    PARSERS,
    Parser,
    fetch_policy,
    ingest_input,
    ingest_paths,
    iter_sources,
    make_parsers,
    select_parser,
)
from sanctionwatch.ingest.fetch import Fetcher, FetchPolicy, check_address, is_url
from sanctionwatch.ingest.language import detect_language
from sanctionwatch.ingest.options import INGEST_VERSION, IngestOptions
from sanctionwatch.ingest.results import (
    Failed,
    FetchRequest,
    Ingested,
    IngestResult,
    ParserItem,
    RawInput,
)
from sanctionwatch.ingest.sources import (
    DEFAULT_MAX_ARCHIVE_BYTES,
    DEFAULT_MAX_BYTES,
    iter_inputs,
)

__all__ = [
    "DEFAULT_MAX_ARCHIVE_BYTES",
    "DEFAULT_MAX_BYTES",
    "INGEST_VERSION",
    "PARSERS",
    "DecodedText",
    "Failed",
    "FetchPolicy",
    "FetchRequest",
    "Fetcher",
    "IngestOptions",
    "IngestResult",
    "Ingested",
    "Parser",
    "ParserItem",
    "RawInput",
    "check_address",
    "decode_bytes",
    "decode_text",
    "detect_language",
    "fetch_policy",
    "ingest_input",
    "ingest_paths",
    "is_url",
    "iter_inputs",
    "iter_sources",
    "make_parsers",
    "select_parser",
]
