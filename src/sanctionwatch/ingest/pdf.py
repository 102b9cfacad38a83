"""PDF with a text layer -> one document, via ``pypdf``.

Pages are joined by blank lines. A PDF whose pages give (almost) no text is a scan or an
image export: it is refused with its own code (E210) so it can be OCR'd and retried,
rather than stored as an empty document.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Iterator

from sanctionwatch.domain.document import build_document
from sanctionwatch.domain.errors import (
    MALFORMED_PDF,
    PDF_ENCRYPTED,
    PDF_NO_TEXT,
    TOO_LARGE,
    InputError,
)
from sanctionwatch.ingest.results import Ingested, ParserItem, RawInput

FORMAT = "pdf"
# Fewer letters than this over the whole file: there is no real text layer.
MIN_LETTERS = 20
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")
# pypdf logs each cross-reference table it repairs; real failures are reported with codes.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def parse_pdf(raw: RawInput, *, max_chars: int | None = None) -> Iterator[ParserItem]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    if not raw.data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError("not a PDF: no %PDF header", code=MALFORMED_PDF)
    try:
        reader = PdfReader(io.BytesIO(raw.data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("the PDF is encrypted with a password", code=PDF_ENCRYPTED)
        pages: list[str] = []
        size = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            size += len(text)
            if max_chars is not None and size > max_chars:
                raise InputError(f"more than {max_chars} characters of text", code=TOO_LARGE)
            pages.append(text)
        info = reader.metadata
    except InputError:
        raise
    except (FileNotDecryptedError, DependencyError) as exc:
        # DependencyError: AES encryption needs a crypto library this install lacks.
        raise InputError(f"the PDF is encrypted: {exc}", code=PDF_ENCRYPTED) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise InputError(f"damaged PDF: {type(exc).__name__}: {exc}", code=MALFORMED_PDF) from exc
    body = "\n\n".join(page.strip() for page in pages if page.strip())
    if sum(char.isalpha() for char in body) < MIN_LETTERS:
        raise InputError(
            f"no text layer in {len(pages)} page(s): a scanned or image-only PDF",
            code=PDF_NO_TEXT,
        )
    meta = {"pages": str(len(pages))}
    title = author = published = None
    if info is not None:
        title = _clean(info.get("/Title"))
        author = _clean(info.get("/Author"))
        published = _pdf_date(_clean(info.get("/CreationDate")))
        producer = _clean(info.get("/Producer"))
        if producer:
            meta["producer"] = producer
    if author:
        meta["author"] = author
    document = build_document(
        body,
        title=title,
        url=raw.url,
        published=published,
        fetched_at=raw.fetched_at,
        format=FORMAT,
        source_ref=raw.source_ref,
        raw_sha256=hashlib.sha256(raw.data).hexdigest(),
        meta=meta,
    )
    yield Ingested(document=document, raw=raw.data)


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _pdf_date(value: str | None) -> str | None:
    """``D:20240203...`` -> ``2024-02-03`` at the precision given."""
    if value is None:
        return None
    match = _PDF_DATE.match(value)
    if match is None:
        return None
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12:
        return year
    if day and not 1 <= int(day) <= 31:
        return f"{year}-{month}"
    return "-".join(part for part in (year, month, day) if part)
