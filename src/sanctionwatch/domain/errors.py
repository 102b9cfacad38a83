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
}
