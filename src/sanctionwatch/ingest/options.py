"""Settings of one ingest run: size caps, bomb guards, fetching."""

from __future__ import annotations

import hashlib
from dataclasses import astuple, dataclass

from sanctionwatch.domain.errors import ConfigError
from sanctionwatch.ingest.sources import DEFAULT_MAX_ARCHIVE_BYTES, DEFAULT_MAX_BYTES

INGEST_VERSION = "ingest@2"
"""Bumped whenever a parser changes what it makes; finished inputs are then redone."""


@dataclass(frozen=True, slots=True)
class IngestOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    """Cap per document (and per plain file): bytes read, and characters of text kept."""
    max_archive_bytes: int = DEFAULT_MAX_ARCHIVE_BYTES
    """Cap per archive file read, and per archive on everything it expands to."""
    max_ratio: int = 100
    """An archive member expanding more than this many times its size is a bomb."""
    max_members: int = 100_000
    max_depth: int = 4
    """Containers inside containers (zip in zip, WARC in gzip) up to this depth."""
    follow_links: bool = False
    """Feeds: fetch and ingest each item's page instead of its summary."""
    allow_private: bool = False
    """Fetching: permit private, loopback and link-local addresses (off: SSRF guard)."""
    fetch_timeout: float = 20.0
    fetch_deadline: float = 120.0
    max_redirects: int = 5
    detect_language: bool = True

    def version(self) -> str:
        """The parser version and a digest of these settings: an input finished under
        other settings (caps, ``follow_links``) is processed again, not skipped."""
        digest = hashlib.sha256(repr(astuple(self)).encode()).hexdigest()[:12]
        return f"{INGEST_VERSION}+{digest}"

    def check(self) -> IngestOptions:
        for name in ("max_bytes", "max_archive_bytes", "max_ratio", "max_members", "max_depth"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be positive, got {getattr(self, name)}")
        if self.fetch_timeout <= 0 or self.fetch_deadline <= 0:
            raise ConfigError("fetch timeouts must be positive")
        return self
