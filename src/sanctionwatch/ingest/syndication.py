"""Near-duplicate detection: MinHash over word shingles, banded for LSH look-ups.

Pure functions; the store keeps the signatures and band keys so look-ups survive across
runs and scale past memory. Two documents are copies of one story when the estimated
Jaccard similarity of their 5-word shingle sets is at least ``SAME_STORY_JACCARD``, or
when the shorter is mostly contained in the longer (a trimmed copy).

Banding: 42 bands of 3 rows make documents at Jaccard 0.5 candidates with probability
0.996, at 0.3 with 0.69, and at 0.05 (same topic, other story) with 0.005; candidates
are then verified on the full signature.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np

VERSION = "minhash-w5-p128-b42r3@2"
SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS = 42
ROWS = 3
SAME_STORY_JACCARD = 0.5
CONTAINED_JACCARD = 0.3
CONTAINMENT = 0.8
_WORD = re.compile(r"\w+")
_MULTIPLIER = 1_000_003


@dataclass(frozen=True, slots=True)
class Signature:
    hashvalues: np.ndarray  # uint64, NUM_PERM long
    shingles: int

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, shingles: int) -> Signature:
        return cls(np.frombuffer(data, dtype="<u8").astype(np.uint64), shingles)


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The word shingles of ``text`` (lower-cased), as readable bytes; for tests and
    explanations. :func:`signature_of` hashes the same shingles without building them."""
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    if len(words) < size:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def shingle_hashes(text: str, *, size: int = SHINGLE_WORDS) -> np.ndarray:
    """32-bit hashes of the distinct word shingles, computed in bulk.

    Each word is hashed once (CRC-32, stable across runs and machines, unlike
    ``hash()``); a shingle's hash is a polynomial of its words' hashes, folded to 32 bits.
    """
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    ids: dict[str, int] = {}
    word_hashes = np.fromiter(
        (ids.setdefault(w, zlib.crc32(w.encode())) for w in words),
        dtype=np.uint64,
        count=len(words),
    )
    width = min(size, len(words))
    count = len(words) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(width):
            combined = combined * np.uint64(_MULTIPLIER) + word_hashes[offset : offset + count]
    folded = (combined >> np.uint64(32)) ^ (combined & np.uint64(0xFFFFFFFF))
    return np.unique(folded)


def signature_of(text: str) -> Signature | None:
    """The MinHash signature of ``text``; ``None`` for text without words."""
    from datasketch import MinHash

    hashes = shingle_hashes(text)
    if not len(hashes):
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_identity)
    minhash.update_batch(hashes.tolist())
    return Signature(np.asarray(minhash.hashvalues, dtype=np.uint64), len(hashes))


def _identity(value: int) -> int:
    return value


def band_keys(signature: Signature) -> list[str]:
    """One key per band; equal keys in any band make two documents candidates."""
    values = signature.hashvalues
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].astype("<u8").tobytes()
        keys.append(f"{band:02d}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


def jaccard(a: Signature, b: Signature) -> float:
    return float(np.count_nonzero(a.hashvalues == b.hashvalues)) / NUM_PERM


def same_story(a: Signature, b: Signature) -> tuple[bool, float]:
    """Whether ``a`` and ``b`` are copies of one story, and their estimated Jaccard."""
    estimate = jaccard(a, b)
    if estimate >= SAME_STORY_JACCARD:
        return True, estimate
    if estimate < CONTAINED_JACCARD:
        return False, estimate
    # |A ∩ B| = J (|A| + |B|) / (1 + J); containment of the smaller set in the larger.
    overlap = estimate * (a.shingles + b.shingles) / (1 + estimate)
    return overlap / max(1, min(a.shingles, b.shingles)) >= CONTAINMENT, estimate


def cluster_id_for(document_id: str) -> str:
    """A cluster is named after the first document that founded it."""
    return f"syn_{document_id[:16]}"
