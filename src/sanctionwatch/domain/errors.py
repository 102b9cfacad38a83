"""Errors with stable codes.

Hierarchy::

    SanctionwatchError            every error the library raises on purpose
    ├── InputError                this item is bad: quarantine it, go on with the batch
    │     codes E2xx (ingest)
    ├── ConfigError               this source/setting is unusable: stop
    │     codes E3xx
    └── NotFoundError             a requested id does not exist (E404)

Codes never change meaning once released; new failures get new codes.
"""

from __future__ import annotations


class SanctionwatchError(Exception):
    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class InputError(SanctionwatchError):
    code = "E200"


class ConfigError(SanctionwatchError):
    code = "E300"


class NotFoundError(SanctionwatchError):
    code = "E404"


# Ingest error codes. Stable: tests and quarantine rows key on them.
EMPTY_INPUT = "E201"
BINARY_INPUT = "E202"
UNDECODABLE = "E203"
TOO_LARGE = "E204"
MALFORMED_JSON = "E205"
MISSING_TEXT = "E206"
UNSUPPORTED_FORMAT = "E207"
UNREADABLE = "E208"
PARSER_ERROR = "E209"
PDF_NO_TEXT = "E210"
MALFORMED_PDF = "E211"
PDF_ENCRYPTED = "E212"
MALFORMED_FEED = "E213"
MALFORMED_WARC = "E214"
MALFORMED_ARCHIVE = "E215"
DECOMPRESSION_BOMB = "E216"
NO_MAIN_TEXT = "E217"
FETCH_ERROR = "E218"
FETCH_TIMEOUT = "E219"
BLOCKED_ADDRESS = "E220"
TOO_MANY_REDIRECTS = "E221"
BAD_URL = "E222"

INGEST_ERROR_CODES: dict[str, str] = {
    EMPTY_INPUT: "the input is empty or has no text after normalisation",
    BINARY_INPUT: "the input looks binary, not text",
    UNDECODABLE: "the bytes could not be decoded as text in any supported encoding",
    TOO_LARGE: "the input is larger than the configured limit",
    MALFORMED_JSON: "a JSONL line is not a valid JSON object",
    MISSING_TEXT: "a JSONL record has no usable 'text' field",
    UNSUPPORTED_FORMAT: "the file type is not supported yet",
    UNREADABLE: "the file could not be read",
    PARSER_ERROR: "a format parser failed unexpectedly on this input (a bug: please report it)",
    PDF_NO_TEXT: "the PDF has no text layer (a scan?): OCR it first",
    MALFORMED_PDF: "the PDF is damaged or not a PDF",
    PDF_ENCRYPTED: "the PDF is encrypted and cannot be opened without a password",
    MALFORMED_FEED: "the RSS/Atom feed is not well-formed and has no usable items",
    MALFORMED_WARC: "the WARC file is damaged or not a WARC file",
    MALFORMED_ARCHIVE: "the zip or gzip archive is damaged",
    DECOMPRESSION_BOMB: "the archive expands far beyond its size or nests too deep (zip/gzip bomb)",
    NO_MAIN_TEXT: "the HTML page has no main text to extract",
    FETCH_ERROR: "the URL could not be fetched (network error or HTTP error status)",
    FETCH_TIMEOUT: "fetching the URL timed out",
    BLOCKED_ADDRESS: "the URL points at a private, loopback or link-local address (SSRF guard)",
    TOO_MANY_REDIRECTS: "the URL redirects too many times",
    BAD_URL: "not an http(s) URL that can be fetched",
}

# Watching (issue 15): sources files, source polls, watchlists, webhooks.
BAD_SOURCES_FILE = "E701"
RATE_LIMITED = "E702"
"""A source answered 429 Too Many Requests; polled again after its ``Retry-After``."""
SOURCE_UNAVAILABLE = "E703"
"""A source answered 503 Service Unavailable; polled again after its ``Retry-After``."""
BAD_WATCHLIST = "E704"
UNKNOWN_WATCHLIST = "E705"
WEBHOOK_FAILED = "E706"
