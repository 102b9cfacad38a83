"""What quarantine keeps of an input too large to read whole: its first bytes, its size and
the SHA-256 of all of it, so an analyst can see what it was and prove which file it was.

An oversized file (E204) or an archive member refused as a bomb (E216) is never parsed,
but it is not lost either: the first ``EVIDENCE_BYTES`` are stored as the entry's bytes
and the message says how many were kept, the size and the digest of the whole.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import BinaryIO

EVIDENCE_BYTES = 1024 * 1024
_CHUNK = 1024 * 1024


def head_and_digest(handle: BinaryIO) -> tuple[bytes, int, str]:
    """The first ``EVIDENCE_BYTES`` of a stream, its length and the SHA-256 of all of it,
    reading it once in chunks (never whole in memory)."""
    digest = hashlib.sha256()
    head = b""
    size = 0
    while chunk := handle.read(_CHUNK):
        if len(head) < EVIDENCE_BYTES:
            head += chunk[: EVIDENCE_BYTES - len(head)]
        digest.update(chunk)
        size += len(chunk)
    return head, size, digest.hexdigest()


def file_evidence(path: Path) -> tuple[bytes, int, str]:
    with path.open("rb") as handle:
        return head_and_digest(handle)


def bytes_evidence(data: bytes) -> tuple[bytes, int, str]:
    return data[:EVIDENCE_BYTES], len(data), hashlib.sha256(data).hexdigest()


def describe_kept(head: bytes, size: int, sha256: str, *, what: str = "file") -> str:
    """The sentence a quarantine message ends with, saying what was kept."""
    kept = "all of it" if len(head) == size else f"the first {len(head):,} bytes"
    return f"quarantine keeps {kept} of the {what} ({size:,} bytes, SHA-256 {sha256})"
