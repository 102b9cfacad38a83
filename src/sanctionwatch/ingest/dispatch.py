"""Raw inputs -> results, one parser module per format.

A parser takes a :class:`RawInput` and yields results; it raises :class:`InputError`
when the input as a whole is unusable. This module turns every such error (and any
unexpected one) into a :class:`Failed` item, so no input stops the batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from sanctionwatch.domain.errors import PARSER_ERROR, UNSUPPORTED_FORMAT, ConfigError, InputError
from sanctionwatch.ingest.jsonl import parse_jsonl
from sanctionwatch.ingest.results import Failed, IngestResult
from sanctionwatch.ingest.sources import DEFAULT_MAX_BYTES, RawInput, iter_inputs
from sanctionwatch.ingest.text import parse_text

Parser = Callable[[RawInput], Iterator[IngestResult]]

PARSERS: Mapping[str, Parser] = MappingProxyType(
    {
        "txt": parse_text,
        "text": parse_text,
        "md": parse_text,
        "jsonl": parse_jsonl,
        "ndjson": parse_jsonl,
    }
)
"""Format hint (file extension) -> parser. New formats register here."""


def ingest_paths(
    paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[IngestResult]:
    """Every document and every failure under ``paths``, in a deterministic order.

    Never raises for a bad item; raises :class:`ConfigError` at once for a bad setting.
    """
    if max_bytes < 1:
        raise ConfigError(f"max_bytes must be positive, got {max_bytes}")
    return _ingest_paths(paths, max_bytes)


def _ingest_paths(paths: Sequence[str | Path], max_bytes: int) -> Iterator[IngestResult]:
    for item in iter_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, Failed):
            yield item
        else:
            yield from ingest_input(item)


def ingest_input(
    raw: RawInput, *, parsers: Mapping[str, Parser] = PARSERS
) -> Iterator[IngestResult]:
    """Parse one raw input with the parser for its format."""
    parser = select_parser(raw, parsers=parsers)
    if parser is None:
        message = f"no parser for {raw.format_hint!r} files yet"
        yield Failed(
            source_ref=raw.source_ref, code=UNSUPPORTED_FORMAT, message=message, raw=raw.data
        )
        return
    try:
        yield from parser(raw)
    except InputError as error:
        yield Failed.from_error(raw.source_ref, error, raw.data)
    except Exception as exc:  # a parser bug must not stop the batch; the code flags it
        message = f"{type(exc).__name__}: {exc}"
        yield Failed(source_ref=raw.source_ref, code=PARSER_ERROR, message=message, raw=raw.data)


def select_parser(raw: RawInput, *, parsers: Mapping[str, Parser] = PARSERS) -> Parser | None:
    if not raw.format_hint:
        return sniff_parser(raw.data)
    return parsers.get(raw.format_hint)


def sniff_parser(data: bytes) -> Parser:
    """The parser for input of unknown type: text, which refuses what does not decode."""
    return parse_text
