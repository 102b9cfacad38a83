"""RSS and Atom feeds -> one document per item, via ``feedparser``.

An item's text is its full content if the feed carries it, else its summary, with the
markup stripped. Asked to follow links, the parser instead yields a :class:`FetchRequest`
per item link: the dispatcher fetches the page and ingests it, filling missing metadata
(title, date, outlet, author) from the item.
"""

from __future__ import annotations

import hashlib
import io
import json
import time
from collections.abc import Iterator, Mapping
from typing import Any

from sanctionwatch.domain.document import build_document
from sanctionwatch.domain.errors import EMPTY_INPUT, MALFORMED_FEED, MISSING_TEXT, InputError
from sanctionwatch.ingest.markup import markup_to_text
from sanctionwatch.ingest.results import Failed, FetchRequest, Ingested, ParserItem, RawInput

FORMAT = "feed"


def parse_feed(raw: RawInput, *, follow_links: bool = False) -> Iterator[ParserItem]:
    import feedparser

    # A stream, never a string: given a string that looks like a URL, feedparser fetches it.
    parsed = feedparser.parse(io.BytesIO(raw.data), sanitize_html=True, resolve_relative_uris=False)
    entries = list(parsed.entries)
    if not entries:
        if parsed.bozo:
            reason = parsed.get("bozo_exception")
            raise InputError(f"malformed feed: {reason}", code=MALFORMED_FEED)
        if not parsed.get("version"):
            raise InputError("not an RSS or Atom feed", code=MALFORMED_FEED)
        raise InputError("the feed has no items", code=EMPTY_INPUT)
    if parsed.bozo and not any(_entry_text(e) or e.get("link") for e in entries):
        # A lenient parser makes empty items out of a broken document: the feed is broken.
        reason = parsed.get("bozo_exception")
        raise InputError(f"malformed feed: {reason}", code=MALFORMED_FEED)
    outlet = _clean(parsed.feed.get("title"))
    for index, entry in enumerate(entries, start=1):
        source_ref = f"{raw.source_ref}#item{index}"
        defaults = _entry_metadata(entry, outlet)
        link = _clean(entry.get("link"))
        if follow_links and link and link.startswith(("http://", "https://")):
            yield FetchRequest(url=link, source_ref=link, depth=raw.depth + 1, defaults=defaults)
            continue
        entry_raw = json.dumps(_jsonable(entry), sort_keys=True, ensure_ascii=False).encode()
        body = _entry_text(entry)
        if not body:
            yield Failed(
                source_ref=source_ref,
                code=MISSING_TEXT,
                message="the feed item has neither content nor summary",
                raw=entry_raw,
            )
            continue
        document = build_document(
            body,
            title=defaults.get("title"),
            outlet=defaults.get("outlet"),
            url=link or raw.url,
            published=defaults.get("published"),
            fetched_at=raw.fetched_at,
            format=FORMAT,
            source_ref=source_ref,
            external_id=_clean(entry.get("id")),
            raw_sha256=hashlib.sha256(entry_raw).hexdigest(),
            meta={k: v for k, v in defaults.items() if k == "author"} | {"feed": raw.source_ref},
        )
        if not document.text:
            yield Failed(source_ref, MISSING_TEXT, "the feed item has no text", entry_raw)
            continue
        yield Ingested(document=document, raw=entry_raw)


def _entry_metadata(entry: Mapping[str, Any], outlet: str | None) -> dict[str, str]:
    values = {
        "title": _clean(markup_to_text(entry.get("title") or "")),
        "outlet": outlet,
        "published": _date(entry.get("published_parsed") or entry.get("updated_parsed")),
        "author": _clean(entry.get("author")),
    }
    return {key: value for key, value in values.items() if value}


def _entry_text(entry: Mapping[str, Any]) -> str:
    contents = entry.get("content") or []
    for content in contents:
        text = markup_to_text(content.get("value") or "")
        if text.strip():
            return text
    return markup_to_text(entry.get("summary") or "")


def _date(value: time.struct_time | None) -> str | None:
    if value is None:
        return None
    return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _jsonable(value: Any) -> Any:
    """The item as feedparser read it, as JSON: what is kept as the item's raw bytes."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", value)
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)
