"""HTML pages -> one document: the main text and its metadata, via ``trafilatura``.

Boilerplate (navigation, footers, comments, scripts) is left out; title, date, outlet
(site name) and author come from the page's metadata when it has them. The page is
decoded here, not by the extractor, so a UTF-16 or Windows-1252 page reads the same way
as a plain-text file would.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from sanctionwatch.domain.document import build_document
from sanctionwatch.domain.errors import NO_MAIN_TEXT, InputError
from sanctionwatch.ingest.decode import decode_bytes
from sanctionwatch.ingest.jsonl import normalise_published
from sanctionwatch.ingest.results import Ingested, ParserItem, RawInput

FORMAT = "html"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SNIFF = 2048
# Fewer words than this is a menu or a cookie notice that survived, not an article.
MIN_WORDS = 5


def parse_html(raw: RawInput) -> Iterator[ParserItem]:
    """One page -> one document; :class:`InputError` E217 when no main text is found."""
    import trafilatura  # heavy import: only when a page is met

    markup, encoding = decode_html(raw.data)
    result = trafilatura.bare_extraction(
        markup,
        url=raw.url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
    )
    body = getattr(result, "text", None) if result is not None else None
    if not body or len(body.split()) < MIN_WORDS:
        raise InputError("no main text found in the HTML page", code=NO_MAIN_TEXT)
    meta = {"encoding": encoding}
    page_url = _text(result, "url")
    if page_url and page_url != raw.url:
        meta["canonical_url"] = page_url
    for key in ("hostname", "description", "categories"):
        value = _text(result, key)
        if value:
            meta[key] = value[:500]
    author = _text(result, "author")
    if author:
        meta["author"] = author
    document = build_document(
        body,
        title=_text(result, "title"),
        outlet=_text(result, "sitename"),
        url=raw.url or page_url,
        published=normalise_published(_text(result, "date")),
        fetched_at=raw.fetched_at,
        format=FORMAT,
        source_ref=raw.source_ref,
        raw_sha256=hashlib.sha256(raw.data).hexdigest(),
        meta=meta,
    )
    if not document.text:
        raise InputError("no main text found in the HTML page", code=NO_MAIN_TEXT)
    yield Ingested(document=document, raw=raw.data)


def decode_html(data: bytes) -> tuple[str, str]:
    """A byte-order mark, then a declared ``<meta charset>``, then the plain-text rules."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _META_CHARSET.search(data[:_SNIFF])
        if declared is not None:
            name = declared.group(1).decode("ascii").lower()
            try:
                return data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common: fall back to detection
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


def _text(result: object, key: str) -> str | None:
    value = getattr(result, key, None)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
