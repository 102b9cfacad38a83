"""Raw inputs -> results, one parser module per format.

A parser takes a :class:`RawInput` and yields results, raw inputs for the members of a
container, or fetch requests (a feed following its links); it raises
:class:`InputError` when the input as a whole is unusable. This module recurses into
members and fetches, turns every error (and any unexpected one) into a :class:`Failed`
item so no input stops the batch, and finishes each document: language, URL and fetch
time from the input, and the per-document size cap.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from sanctionwatch.domain.document import Document
from sanctionwatch.domain.errors import (
    BINARY_INPUT,
    DECOMPRESSION_BOMB,
    PARSER_ERROR,
    TOO_LARGE,
    UNSUPPORTED_FORMAT,
    ConfigError,
    InputError,
)
from sanctionwatch.ingest.archive import ArchiveLimits, parse_gzip, parse_zip
from sanctionwatch.ingest.decode import looks_binary
from sanctionwatch.ingest.feed import parse_feed
from sanctionwatch.ingest.fetch import Fetcher, FetchPolicy, is_url
from sanctionwatch.ingest.html import parse_html
from sanctionwatch.ingest.jsonl import parse_jsonl, parse_jsonl_record
from sanctionwatch.ingest.language import detect_language
from sanctionwatch.ingest.media import sniff_format
from sanctionwatch.ingest.options import IngestOptions
from sanctionwatch.ingest.pdf import parse_pdf
from sanctionwatch.ingest.results import (
    Failed,
    FetchRequest,
    Ingested,
    IngestResult,
    ParserItem,
    RawInput,
)
from sanctionwatch.ingest.sources import DEFAULT_MAX_BYTES, iter_inputs
from sanctionwatch.ingest.text import parse_text
from sanctionwatch.ingest.warc import parse_warc

Parser = Callable[[RawInput], Iterator[ParserItem]]


def _parse_xml(raw: RawInput, *, feed: Parser) -> Iterator[ParserItem]:
    if sniff_format(raw.data) in ("rss", "atom"):
        yield from feed(raw)
        return
    raise InputError("an XML file that is not an RSS or Atom feed", code=UNSUPPORTED_FORMAT)


def make_parsers(options: IngestOptions) -> Mapping[str, Parser]:
    """Format hint (extension or media-type name) -> parser, bound to ``options``."""
    limits = ArchiveLimits(
        max_bytes=options.max_bytes,
        max_expanded=options.max_archive_bytes,
        max_ratio=options.max_ratio,
        max_members=options.max_members,
    )
    feed = functools.partial(parse_feed, follow_links=options.follow_links)
    table: dict[str, Parser] = {
        "txt": parse_text,
        "text": parse_text,
        "md": parse_text,
        "jsonl": parse_jsonl,
        "ndjson": parse_jsonl,
        "jsonl-record": parse_jsonl_record,
        "html": parse_html,
        "htm": parse_html,
        "xhtml": parse_html,
        "pdf": functools.partial(parse_pdf, max_chars=options.max_bytes),
        "rss": feed,
        "atom": feed,
        "xml": functools.partial(_parse_xml, feed=feed),
        "warc": functools.partial(parse_warc, max_bytes=options.max_bytes),
        "arc": functools.partial(parse_warc, max_bytes=options.max_bytes),
        "zip": functools.partial(parse_zip, limits=limits),
        "gz": functools.partial(parse_gzip, limits=limits),
    }
    return MappingProxyType(table)


PARSERS: Mapping[str, Parser] = make_parsers(IngestOptions())
"""The parsers with default options. New formats register in :func:`make_parsers`."""


def ingest_paths(
    paths: Sequence[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    options: IngestOptions | None = None,
) -> Iterator[IngestResult]:
    """Every document and every failure under ``paths`` (files, folders, URLs), in order.

    Never raises for a bad item; raises :class:`ConfigError` at once for a bad setting.
    ``options`` wins over ``max_bytes`` when both are given.
    """
    if max_bytes < 1:
        raise ConfigError(f"max_bytes must be positive, got {max_bytes}")
    opts = (options or IngestOptions(max_bytes=max_bytes)).check()
    return _ingest_paths(paths, opts)


def _ingest_paths(paths: Sequence[str | Path], options: IngestOptions) -> Iterator[IngestResult]:
    parsers = make_parsers(options)
    with Fetcher(fetch_policy(options)) as fetcher:
        for item in iter_sources(paths, options=options, fetcher=fetcher):
            if isinstance(item, Failed):
                yield item
            else:
                yield from ingest_input(item, parsers=parsers, options=options, fetcher=fetcher)


def fetch_policy(options: IngestOptions) -> FetchPolicy:
    return FetchPolicy(
        max_bytes=max(options.max_bytes, options.max_archive_bytes),
        timeout=options.fetch_timeout,
        deadline=options.fetch_deadline,
        max_redirects=options.max_redirects,
        allow_private=options.allow_private,
    )


def iter_sources(
    paths: Sequence[str | Path], *, options: IngestOptions, fetcher: Fetcher
) -> Iterator[RawInput | Failed]:
    """The top-level inputs: each file under the paths, and each URL fetched."""
    if isinstance(paths, str | Path):
        paths = [paths]
    for given in paths:
        if isinstance(given, str) and is_url(given):
            yield fetcher.fetch(given)
        else:
            yield from iter_inputs(
                [given], max_bytes=options.max_bytes, max_archive_bytes=options.max_archive_bytes
            )


def ingest_input(
    raw: RawInput,
    *,
    parsers: Mapping[str, Parser] | None = None,
    options: IngestOptions | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[IngestResult]:
    """Parse one raw input (and its members) with the parser for each format."""
    opts = options or IngestOptions()
    table = parsers if parsers is not None else make_parsers(opts)
    yield from _ingest_one(raw, table, opts, fetcher, {})


def _ingest_one(
    raw: RawInput,
    parsers: Mapping[str, Parser],
    options: IngestOptions,
    fetcher: Fetcher | None,
    defaults: Mapping[str, str],
) -> Iterator[IngestResult]:
    if raw.depth > options.max_depth:
        message = f"nested {raw.depth} levels deep, over the limit of {options.max_depth}"
        yield _failed(raw, DECOMPRESSION_BOMB, message)
        return
    parser = select_parser(raw, parsers=parsers)
    if parser is None:
        # The content speaks before the name: junk called ".bin" is binary, not a format.
        if not sniff_format(raw.data) and looks_binary(raw.data):
            message = f"the input looks binary, not text (its name says {raw.format_hint!r})"
            yield _failed(raw, BINARY_INPUT, message)
            return
        yield _failed(raw, UNSUPPORTED_FORMAT, f"no parser for {raw.format_hint!r} files yet")
        return
    try:
        for item in parser(raw):
            if isinstance(item, Ingested):
                yield _finish(item, raw, options, defaults)
            elif isinstance(item, Failed):
                yield _with_origin(item, raw)
            elif isinstance(item, RawInput):
                yield from _ingest_one(item, parsers, options, fetcher, defaults)
            else:
                yield from _follow(item, parsers, options, fetcher)
    except InputError as error:
        yield Failed.from_error(
            raw.source_ref, error, raw.data, format_hint=raw.format_hint, origin=raw.origin
        )
    except Exception as exc:  # a parser bug must not stop the batch; the code flags it
        yield _failed(raw, PARSER_ERROR, f"{type(exc).__name__}: {exc}")


def _follow(
    request: FetchRequest,
    parsers: Mapping[str, Parser],
    options: IngestOptions,
    fetcher: Fetcher | None,
) -> Iterator[IngestResult]:
    if fetcher is None:
        return
    fetched = fetcher.fetch(request.url, source_ref=request.source_ref, depth=request.depth)
    if isinstance(fetched, Failed):
        yield fetched
        return
    yield from _ingest_one(fetched, parsers, options, fetcher, request.defaults)


def _finish(
    item: Ingested, raw: RawInput, options: IngestOptions, defaults: Mapping[str, str]
) -> IngestResult:
    doc = item.document
    if len(doc.text) > options.max_bytes or len(doc.text.encode("utf-8")) > options.max_bytes:
        message = f"{len(doc.text)} characters of text is over the limit of {options.max_bytes}"
        ref = doc.source_ref or raw.source_ref
        return Failed(ref, TOO_LARGE, message, item.raw, raw.format_hint, raw.origin)
    changes: dict[str, object] = {}
    for name in ("title", "outlet", "published"):
        if getattr(doc, name) is None and defaults.get(name):
            changes[name] = defaults[name]
    if doc.url is None and raw.url:
        changes["url"] = raw.url
    if doc.fetched_at is None and raw.fetched_at:
        changes["fetched_at"] = raw.fetched_at
    if doc.language is None and options.detect_language:
        language = detect_language(doc.text)
        if language is not None:
            changes["language"] = language
    extra = {k: v for k, v in raw.meta.items() if k not in doc.meta and v}
    if "author" in defaults and "author" not in doc.meta:
        extra["author"] = defaults["author"]
    if extra:
        changes["meta"] = {**doc.meta, **extra}
    if not changes:
        return item
    return Ingested(document=_replace(doc, changes), raw=item.raw)


def _replace(doc: Document, changes: dict[str, object]) -> Document:
    return dataclasses.replace(doc, **changes)  # type: ignore[arg-type]


def _failed(raw: RawInput, code: str, message: str) -> Failed:
    return Failed(raw.source_ref, code, message, raw.data, raw.format_hint, raw.origin)


def _with_origin(item: Failed, raw: RawInput) -> Failed:
    """A failure with no bytes to re-parse, or only their head, is retried by re-reading
    its container."""
    partial = item.code in {TOO_LARGE, DECOMPRESSION_BOMB}
    if (item.raw and not partial) or item.origin is not None or raw.origin is None:
        return item
    return dataclasses.replace(item, origin=raw.origin)


def select_parser(raw: RawInput, *, parsers: Mapping[str, Parser] = PARSERS) -> Parser | None:
    if not raw.format_hint:
        return sniff_parser(raw.data, parsers=parsers)
    return parsers.get(raw.format_hint)


def sniff_parser(data: bytes, *, parsers: Mapping[str, Parser] = PARSERS) -> Parser:
    """The parser for input of unknown type, by its first bytes; text refuses what is not."""
    return parsers.get(sniff_format(data)) or parsers.get("txt") or PARSERS["txt"]
