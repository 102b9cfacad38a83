"""Documents as stored: immutable, addressed by the SHA-256 of their normalised text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """NFC, unified newlines, collapsed horizontal space, trimmed lines.

    Offsets of every span refer to this normalised form, which is what is stored.
    """
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "").replace("\x00", "")
    text = _NEWLINES.sub("\n", text)
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip()


def document_id_for(normalised_text: str) -> str:
    return hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    """ISO date, year-month or year, as precise as the source gives it."""
    language: str | None = None
    fetched_at: str | None = None
    format: str = "text"
    source_ref: str | None = None
    """Where it came from: a path, a URL or ``file.jsonl#id``."""
    external_id: str | None = None
    """An id the source gave it (e.g. the corpus ``id``), kept for cross-reference."""
    raw_sha256: str | None = None
    syndication_cluster: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


def build_document(text: str, **metadata: object) -> Document:
    """Normalise ``text`` and derive the content address. Metadata passes through."""
    normalised = normalise_text(text)
    return Document(id=document_id_for(normalised), text=normalised, **metadata)  # type: ignore[arg-type]
