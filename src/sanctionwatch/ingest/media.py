"""Media types and byte signatures -> the format hint that picks a parser."""

from __future__ import annotations

from urllib.parse import urlsplit

_MEDIA_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/rdf+xml": "rss",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/plain": "txt",
    "text/markdown": "md",
    "application/json-seq": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/warc": "warc",
    "application/zip": "zip",
    "application/gzip": "gz",
    "application/x-gzip": "gz",
}
# Types that are not documents at all (a crawl's images, styles, scripts): not failures.
_NOT_DOCUMENTS = ("image/", "video/", "audio/", "font/", "text/css", "text/javascript")


def hint_for_media_type(media_type: str, *, url: str | None = None) -> str | None:
    """A format hint, ``""`` for unknown (sniff the bytes), ``None`` for non-documents."""
    base = media_type.split(";", 1)[0].strip().lower()
    if base.startswith(_NOT_DOCUMENTS) or base.endswith("javascript"):
        return None
    if base in _MEDIA_TYPES:
        return _MEDIA_TYPES[base]
    if url:
        name = urlsplit(url).path.rsplit("/", 1)[-1]
        if "." in name:
            return name.rsplit(".", 1)[-1].lower()
    return ""


def sniff_format(data: bytes) -> str:
    """The format hint the first bytes suggest; ``""`` means plain text (or refused)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\x1f\x8b"):
        return "gz"
    if head.startswith(b"WARC/"):
        return "warc"
    lowered = head.lower()
    if lowered.startswith(b"<"):
        if b"<rss" in lowered or b"<feed" in lowered or b"<rdf:rdf" in lowered:
            return "rss"
        if b"<html" in lowered or b"<!doctype html" in lowered or b"<body" in lowered:
            return "html"
        if lowered.startswith(b"<?xml"):
            return "xml"
    return ""
