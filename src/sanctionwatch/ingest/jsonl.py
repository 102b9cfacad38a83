"""JSON Lines -> one document per line; each bad line fails alone.

Recognised fields: ``text`` (required), ``title``, ``outlet``, ``published``, ``url``,
``id`` (kept as ``external_id``) and ``language``. Other scalar fields go into ``meta``
as strings (e.g. the corpus' ``repo``, ``path``, ``commit``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator, Mapping

from sanctionwatch.domain.document import Document, build_document
from sanctionwatch.domain.errors import (
    BINARY_INPUT,
    EMPTY_INPUT,
    MALFORMED_JSON,
    MISSING_TEXT,
    PARSER_ERROR,
    UNDECODABLE,
    InputError,
)
from sanctionwatch.ingest.results import Failed, Ingested, IngestResult, RawInput

FORMAT = "jsonl"
RECORD_HINT = "jsonl-record"
"""Format hint of one quarantined line, so a retry parses it alone."""
_KNOWN_FIELDS = frozenset({"text", "title", "outlet", "published", "url", "id", "language"})
_UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?", re.ASCII)
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ].+", re.ASCII)


def parse_jsonl(raw: RawInput) -> Iterator[IngestResult]:
    """Yield a result per non-blank line, with ``source_ref`` ``<file>#L<line number>``.

    Raises :class:`InputError` only when the file as a whole is unusable (empty, binary,
    not UTF-8 framed); line-level problems come out as :class:`Failed` items.
    """
    data = _check_file(raw.data)
    seen_record = False
    # Split on LF only: JSON strings may hold U+2028 and other characters that
    # str.splitlines() would treat as line ends.
    for number, line in enumerate(data.split(b"\n"), start=1):
        line = line.removesuffix(b"\r")
        if not line.strip():
            continue
        seen_record = True
        source_ref = f"{raw.source_ref}#L{number}"
        try:
            document = parse_record(line, source_ref=source_ref)
        except InputError as error:
            yield Failed.from_error(source_ref, error, line, format_hint=RECORD_HINT)
        except Exception as exc:  # a bug on one record must not lose the rest of the file
            message = f"{type(exc).__name__}: {exc}"
            yield Failed(source_ref, PARSER_ERROR, message, line, RECORD_HINT)
        else:
            yield Ingested(document=document, raw=line)
    if not seen_record:
        raise InputError("the file has no records", code=EMPTY_INPUT)


def parse_jsonl_record(raw: RawInput) -> Iterator[IngestResult]:
    """One line kept in quarantine, parsed again under its own ``source_ref``."""
    line = _check_file(raw.data).strip(b"\r\n")
    yield Ingested(document=parse_record(line, source_ref=raw.source_ref), raw=line)


def _check_file(data: bytes) -> bytes:
    if not data.strip():
        raise InputError("the input is empty", code=EMPTY_INPUT)
    if data.startswith(_OTHER_BOMS):
        raise InputError(
            "JSON Lines must be UTF-8; this file is UTF-16 or UTF-32", code=UNDECODABLE
        )
    if b"\x00" in data:
        raise InputError("the input has NUL bytes", code=BINARY_INPUT)
    return data.removeprefix(_UTF8_BOM)


def parse_record(line: bytes, *, source_ref: str) -> Document:
    """One JSONL line -> a document; ``raw_sha256`` is the hash of ``line``."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at byte {exc.start}", code=UNDECODABLE) from exc
    try:
        record = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InputError(f"invalid JSON: {exc}", code=MALFORMED_JSON) from exc
    if not isinstance(record, dict):
        raise InputError(
            f"expected a JSON object, got {type(record).__name__}", code=MALFORMED_JSON
        )
    _check_encodable(record)
    return record_to_document(record, source_ref=source_ref, raw_sha256=_sha256(line))


def _check_encodable(record: Mapping[str, object]) -> None:
    # JSON may escape lone surrogates ("\ud800"), which no UTF-8 store accepts.
    for key, value in record.items():
        for string in (key, value) if isinstance(value, str) else (key,):
            try:
                string.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise InputError(
                    f"field {key!r} has an unpaired surrogate escape", code=UNDECODABLE
                ) from exc


def record_to_document(
    record: Mapping[str, object], *, source_ref: str, raw_sha256: str
) -> Document:
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError("the record has no 'text' string", code=MISSING_TEXT)
    meta = _meta_fields(record)
    published_given = _as_str(record.get("published"))
    published = normalise_published(published_given)
    if published_given is not None and published is None:
        # Keep the article; the unusable date stays visible (and the raw line is kept).
        meta["published_unparsed"] = published_given
    document = build_document(
        body,
        title=_as_str(record.get("title")),
        outlet=_as_str(record.get("outlet")),
        url=_as_str(record.get("url")),
        published=published,
        language=_as_str(record.get("language")),
        format=FORMAT,
        source_ref=source_ref,
        external_id=_as_str(record.get("id")),
        raw_sha256=raw_sha256,
        meta=meta,
    )
    if not document.text:
        raise InputError("the record's 'text' is empty after normalisation", code=MISSING_TEXT)
    return document


def normalise_published(value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as given; an ISO datetime -> its date.

    The date is the one written in the source (no time-zone conversion). Anything else,
    including impossible dates, gives ``None``.
    """
    if value is None:
        return None
    partial = _PARTIAL_DATE.fullmatch(value)
    if partial is not None:
        year, month = partial.groups()
        if int(year) < 1 or (month is not None and not 1 <= int(month) <= 12):
            return None
        return value
    # fromisoformat() alone would also take week dates and compact forms; the
    # patterns keep to the shapes sources actually write.
    try:
        if _FULL_DATE.fullmatch(value):
            return dt.date.fromisoformat(value).isoformat()
        if _DATETIME.fullmatch(value):
            return dt.datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None
    return None


def _meta_fields(record: Mapping[str, object]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for key, value in record.items():
        if key in _KNOWN_FIELDS or value is None:
            continue
        if isinstance(value, str):
            meta[key] = value
        elif isinstance(value, bool | int | float):
            meta[key] = json.dumps(value)
    return meta


def _as_str(value: object) -> str | None:
    """A usable string field: strings trimmed, numbers written out, the rest dropped."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return json.dumps(value)
    return None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
