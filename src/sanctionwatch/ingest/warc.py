"""WARC crawl archives -> one raw input per captured document, via ``warcio``.

Only successful captures of documents are read: ``response`` records with status 200
(and ``resource`` records) whose media type is HTML, PDF, a feed or plain text. Requests,
metadata, revisits, redirects and images are part of a crawl, not failures, so they are
skipped. Each capture keeps its target URI and capture date as the document's URL and
fetch time; the dispatcher parses it by its media type.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from sanctionwatch.domain.errors import EMPTY_INPUT, MALFORMED_WARC, TOO_LARGE, InputError
from sanctionwatch.ingest.media import hint_for_media_type
from sanctionwatch.ingest.results import Failed, ParserItem, RawInput

FORMAT = "warc"
_DOCUMENT_RECORDS = ("response", "resource")


def parse_warc(raw: RawInput, *, max_bytes: int) -> Iterator[ParserItem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not raw.data.strip():
        raise InputError("the WARC file is empty", code=EMPTY_INPUT)
    if not raw.data.lstrip().startswith((b"WARC/", b"\x1f\x8b", b"filedesc://")):
        raise InputError("not a WARC file: no WARC/ record header", code=MALFORMED_WARC)
    found = 0
    index = 0
    try:
        for record in ArchiveIterator(io.BytesIO(raw.data), arc2warc=True):
            index += 1
            if record.rec_type not in _DOCUMENT_RECORDS:
                continue
            if record.rec_type == "response":
                if record.http_headers is None or record.http_headers.get_statuscode() != "200":
                    continue
                media_type = record.http_headers.get_header("Content-Type") or ""
            else:
                media_type = record.rec_headers.get_header("Content-Type") or ""
            target = record.rec_headers.get_header("WARC-Target-URI")
            hint = hint_for_media_type(media_type, url=target)
            if hint is None:
                continue
            found += 1
            source_ref = f"{raw.source_ref}#r{index}"
            payload = record.content_stream().read(max_bytes + 1)
            meta = {
                "container": raw.source_ref,
                "warc_record_id": record.rec_headers.get_header("WARC-Record-ID") or "",
                "media_type": media_type,
            }
            if len(payload) > max_bytes:
                message = f"capture of {target} is over the limit of {max_bytes} bytes"
                yield Failed(source_ref, TOO_LARGE, message, b"", hint)
                continue
            yield RawInput(
                source_ref=source_ref,
                path=None,
                data=payload,
                format_hint=hint,
                url=target,
                fetched_at=record.rec_headers.get_header("WARC-Date"),
                depth=raw.depth + 1,
                meta=meta,
            )
    except ArchiveLoadFailed as exc:
        raise InputError(f"not a readable WARC file: {exc}", code=MALFORMED_WARC) from exc
    except (ValueError, EOFError, OSError, AttributeError, TypeError, KeyError, IndexError) as exc:
        # warcio raises whatever its parsing meets on a damaged record.
        if not found:
            raise InputError(f"damaged WARC file: {exc}", code=MALFORMED_WARC) from exc
        yield Failed(
            f"{raw.source_ref}#r{index}", MALFORMED_WARC, f"damaged WARC after record: {exc}", b""
        )
        return
    if not found:
        raise InputError("the WARC file has no captured documents", code=EMPTY_INPUT)
