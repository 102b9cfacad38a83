"""What ingestion yields for each item: a document, or a failure to quarantine.

Parsers of container formats (zip, gzip, WARC) also yield :class:`RawInput` children, and
a feed asked to follow its links yields :class:`FetchRequest` items; the dispatcher turns
both into documents or failures, so callers only ever see :data:`IngestResult`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

from sanctionwatch.domain.document import Document
from sanctionwatch.domain.errors import InputError


@dataclass(frozen=True, slots=True)
class RawInput:
    """The bytes of one input and where they came from.

    ``format_hint`` is the lower-case file extension without the dot (``""`` if none), or
    a name derived from a media type for fetched or archived inputs. ``origin`` is what
    a retry re-reads when the bytes were never read (a path or a URL). ``meta`` carries
    provenance (container, HTTP status, media type) into each document built from it.
    """

    source_ref: str
    path: Path | None
    data: bytes = field(repr=False)
    format_hint: str = ""
    url: str | None = None
    fetched_at: str | None = None
    depth: int = 0
    origin: str | None = None
    meta: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Ingested:
    """A document ready to store, with the exact bytes it was built from."""

    document: Document
    raw: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class Failed:
    """One bad item: quarantine ``raw`` under ``code`` and go on with the batch.

    ``raw`` holds the item's original bytes, except for inputs refused before reading
    (e.g. over the size limit, or a URL that could not be fetched), where it is empty and
    ``origin`` says where they are. ``format_hint`` lets a retry parse ``raw`` the same way.
    """

    source_ref: str
    code: str
    message: str
    raw: bytes = field(repr=False)
    format_hint: str = ""
    origin: str | None = None

    @classmethod
    def from_error(
        cls,
        source_ref: str,
        error: InputError,
        raw: bytes,
        *,
        format_hint: str = "",
        origin: str | None = None,
    ) -> Failed:
        return cls(
            source_ref=source_ref,
            code=error.code,
            message=error.message,
            raw=raw,
            format_hint=format_hint,
            origin=origin,
        )


@dataclass(frozen=True, slots=True)
class FetchRequest:
    """A link to fetch and ingest (a feed item's page); ``defaults`` fill missing metadata."""

    url: str
    source_ref: str
    depth: int = 0
    defaults: Mapping[str, str] = field(default_factory=dict)


IngestResult: TypeAlias = Ingested | Failed
ParserItem: TypeAlias = Ingested | Failed | RawInput | FetchRequest
