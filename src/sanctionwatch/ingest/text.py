"""Plain-text (and Markdown) files -> one document each."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterator

from sanctionwatch.domain.document import Document, build_document
from sanctionwatch.domain.errors import EMPTY_INPUT, InputError
from sanctionwatch.ingest.decode import decode_bytes
from sanctionwatch.ingest.results import Ingested, IngestResult, RawInput

FORMAT = "text"
TITLE_MAX_CHARS = 200
# A first line ending like a sentence or a clause is body text, not a headline.
_BODY_ENDINGS = (".", ",", ";", ":")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def parse_text(raw: RawInput) -> Iterator[IngestResult]:
    """Decode the whole input as one document; raise :class:`InputError` if it is no text."""
    decoded = decode_bytes(raw.data)
    document = build_text_document(
        decoded.text,
        source_ref=raw.source_ref,
        raw_sha256=hashlib.sha256(raw.data).hexdigest(),
        meta={"encoding": decoded.encoding},
    )
    yield Ingested(document=document, raw=raw.data)


def build_text_document(
    text: str, *, source_ref: str, raw_sha256: str, meta: dict[str, str] | None = None
) -> Document:
    document = build_document(
        text,
        format=FORMAT,
        source_ref=source_ref,
        raw_sha256=raw_sha256,
        meta=dict(meta or {}),
    )
    if not document.text:
        raise InputError("the input has no text after normalisation", code=EMPTY_INPUT)
    return dataclasses.replace(document, title=guess_title(document.text))


def guess_title(text: str) -> str | None:
    """The first line, if it reads like a headline; the text itself is never changed.

    Heuristic: the line must be shorter than ``TITLE_MAX_CHARS``, must not end like a
    sentence or clause, and must be followed by more text. A Markdown heading marker
    (``# ``) is dropped from the title.
    """
    first, _, rest = text.strip().partition("\n")
    title = " ".join(_MARKDOWN_HEADING.sub("", first.strip(), count=1).split())
    if not title or not rest.strip():
        return None
    if len(title) >= TITLE_MAX_CHARS or title.endswith(_BODY_ENDINGS):
        return None
    return title
