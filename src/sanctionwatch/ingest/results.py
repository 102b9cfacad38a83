"""What ingestion yields for each item: a document, or a failure to quarantine."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias

from sanctionwatch.domain.document import Document
from sanctionwatch.domain.errors import InputError


@dataclass(frozen=True, slots=True)
class Ingested:
    """A document ready to store, with the exact bytes it was built from."""

    document: Document
    raw: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class Failed:
    """One bad item: quarantine ``raw`` under ``code`` and go on with the batch.

    ``raw`` holds the item's original bytes, except for inputs refused before reading
    (e.g. over the size limit), where it is empty and ``source_ref`` says where they are.
    """

    source_ref: str
    code: str
    message: str
    raw: bytes = field(repr=False)

    @classmethod
    def from_error(cls, source_ref: str, error: InputError, raw: bytes) -> Failed:
        return cls(source_ref=source_ref, code=error.code, message=error.message, raw=raw)


IngestResult: TypeAlias = Ingested | Failed
