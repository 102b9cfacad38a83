"""Zip and gzip archives -> raw inputs for their members, with bomb guards.

Nothing is extracted to disk; members are read into memory under three limits: no member
over the per-document cap, no archive expanding past ``max_expanded`` bytes in all, and no
member (or gzip stream) expanding more than ``max_ratio`` times its compressed size once
past ``_RATIO_FLOOR`` bytes. Nesting deeper than the dispatcher's depth limit is refused
there. Declared sizes are checked first, then the actual output, since headers can lie.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from sanctionwatch.domain.errors import (
    DECOMPRESSION_BOMB,
    EMPTY_INPUT,
    MALFORMED_ARCHIVE,
    TOO_LARGE,
    InputError,
)
from sanctionwatch.ingest.evidence import bytes_evidence, describe_kept
from sanctionwatch.ingest.results import Failed, ParserItem, RawInput
from sanctionwatch.ingest.sources import CONTAINER_HINTS

# Small outputs may compress well (a page of repeated markup); ratios count above this.
_RATIO_FLOOR = 1024 * 1024
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    max_bytes: int
    max_expanded: int
    max_ratio: int
    max_members: int


def parse_zip(raw: RawInput, *, limits: ArchiveLimits) -> Iterator[ParserItem]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw.data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise InputError(f"damaged zip archive: {exc}", code=MALFORMED_ARCHIVE) from exc
    members = sorted(
        (info for info in infos if not info.is_dir() and not _hidden(info.filename)),
        key=lambda info: info.filename,
    )
    if not members:
        raise InputError("the zip archive has no files", code=EMPTY_INPUT)
    if len(members) > limits.max_members:
        raise InputError(
            f"{len(members)} members, over the limit of {limits.max_members}",
            code=DECOMPRESSION_BOMB,
        )
    declared = sum(info.file_size for info in members)
    if declared > limits.max_expanded:
        raise InputError(
            f"declares {declared} bytes uncompressed, over the limit of {limits.max_expanded}",
            code=DECOMPRESSION_BOMB,
        )
    expanded = 0
    for info in members:
        ref = f"{raw.source_ref}!/{info.filename}"
        hint = _hint(info.filename)
        cap = limits.max_expanded if hint in CONTAINER_HINTS else limits.max_bytes
        if _is_bomb(info.file_size, info.compress_size, limits.max_ratio):
            # The member is never expanded: the archive around it is the evidence.
            message = f"expands {info.file_size} bytes from {info.compress_size}: a zip bomb"
            yield _refused(raw, ref, DECOMPRESSION_BOMB, message)
            continue
        if info.file_size > cap:
            message = f"{info.file_size} bytes is over the limit of {cap}; not read"
            yield _refused(raw, ref, TOO_LARGE, message)
            continue
        try:
            with archive.open(info) as handle:
                data = handle.read(cap + 1)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, zlib.error) as exc:
            # RuntimeError: an encrypted member; NotImplementedError: an unknown method.
            yield Failed(ref, MALFORMED_ARCHIVE, f"cannot read member: {exc}", b"", hint)
            continue
        expanded += len(data)
        if expanded > limits.max_expanded:
            raise InputError(
                f"expands past {limits.max_expanded} bytes: a zip bomb", code=DECOMPRESSION_BOMB
            )
        yield RawInput(
            source_ref=ref,
            path=None,
            data=data,
            format_hint=hint,
            depth=raw.depth + 1,
            meta={"container": raw.source_ref},
        )


def _refused(raw: RawInput, ref: str, code: str, message: str) -> Failed:
    """A member refused unread, keeping the head, size and digest of its archive; a retry
    reads the archive again (``format_hint`` and ``origin`` are the archive's)."""
    head, size, sha256 = bytes_evidence(raw.data)
    kept = describe_kept(head, size, sha256, what=f"archive {raw.source_ref}")
    return Failed(ref, code, f"{message}; {kept}", head, raw.format_hint, raw.origin)


def parse_gzip(raw: RawInput, *, limits: ArchiveLimits) -> Iterator[ParserItem]:
    """``x.html.gz`` -> the bytes of ``x.html``, parsed by its own extension."""
    inner_name = raw.source_ref.rsplit("/", 1)[-1]
    inner_name = inner_name[: -len(".gz")] if inner_name.lower().endswith(".gz") else inner_name
    hint = "tar" if raw.format_hint == "tgz" else _hint(inner_name)
    cap = limits.max_expanded if hint in CONTAINER_HINTS else limits.max_bytes
    data = gunzip_bounded(raw.data, cap=cap, max_ratio=limits.max_ratio)
    yield RawInput(
        source_ref=f"{raw.source_ref}!/{inner_name}",
        path=None,
        data=data,
        format_hint=hint,
        url=raw.url,
        fetched_at=raw.fetched_at,
        depth=raw.depth + 1,
        meta={"container": raw.source_ref},
    )


def gunzip_bounded(data: bytes, *, cap: int, max_ratio: int) -> bytes:
    """Every gzip member of ``data``, refusing bombs and output past ``cap``."""
    out = bytearray()
    offset = 0
    while offset < len(data):
        member = data[offset:]
        decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        pending = member
        try:
            while not decomp.eof:
                piece = decomp.decompress(pending, _CHUNK)
                pending = decomp.unconsumed_tail
                if not piece and not pending:
                    raise InputError("truncated gzip data", code=MALFORMED_ARCHIVE)
                out += piece
                consumed = offset + len(member) - len(pending)
                _check_growth(len(out), max(consumed, 1), cap=cap, max_ratio=max_ratio)
        except zlib.error as exc:
            raise InputError(f"damaged gzip data: {exc}", code=MALFORMED_ARCHIVE) from exc
        offset += len(member) - len(decomp.unused_data)
        if not decomp.unused_data.strip(b"\x00"):
            break  # trailing zero padding is common after the last member
    if not out:
        raise InputError("the gzip archive is empty", code=EMPTY_INPUT)
    return bytes(out)


def _check_growth(produced: int, consumed: int, *, cap: int, max_ratio: int) -> None:
    if produced > min(cap, _RATIO_FLOOR) and produced / consumed > max_ratio:
        raise InputError(
            f"expands over {max_ratio} times its size (already {produced} bytes from "
            f"{consumed}): a gzip bomb",
            code=DECOMPRESSION_BOMB,
        )
    if produced > cap:
        raise InputError(f"expands past the limit of {cap} bytes", code=TOO_LARGE)


def _is_bomb(size: int, compressed: int, max_ratio: int) -> bool:
    return size > _RATIO_FLOOR and size / max(compressed, 1) > max_ratio


def _hidden(name: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in name.split("/"))


def _hint(name: str) -> str:
    base = os.path.basename(name)
    return base.rsplit(".", 1)[-1].lower() if "." in base.lstrip(".") else ""
