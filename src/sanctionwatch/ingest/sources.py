"""Local files and folders -> raw inputs, in a deterministic order.

Walking never raises for a bad path: unreadable, special or over-size files come out as
:class:`Failed` items so the batch goes on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from sanctionwatch.domain.errors import TOO_LARGE, UNREADABLE
from sanctionwatch.ingest.evidence import describe_kept, file_evidence
from sanctionwatch.ingest.results import Failed, RawInput

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024
# Containers hold many documents: they are read up to the archive cap, and each member
# is held to the per-document cap when it comes out.
CONTAINER_HINTS = frozenset({"zip", "gz", "tgz", "warc", "arc"})


def source_ref_for(path: Path) -> str:
    """A printable reference that is always valid UTF-8.

    File names are bytes on POSIX; undecodable bytes become ``\\xNN`` so the reference
    can be stored and shown, while ``RawInput.path`` keeps the real name.
    """
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def format_hint_for(path: Path) -> str:
    return path.suffix.lower().removeprefix(".")


def iter_inputs(
    paths: Sequence[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_archive_bytes: int | None = None,
) -> Iterator[RawInput | Failed]:
    """Yield every file under ``paths``: given order, then sorted by name inside folders.

    Hidden entries (names starting with ``.``) inside folders are skipped; a path given
    explicitly is always read. Symlinks are followed, but each folder is walked once, so
    symlink loops terminate. Archives (``CONTAINER_HINTS``) may be up to
    ``max_archive_bytes`` (default: ``max_bytes``).
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    seen_dirs: set[tuple[int, int]] = set()
    caps = (max_bytes, max_archive_bytes or max_bytes)
    for given in paths:
        yield from _walk(Path(given), seen_dirs, caps)


def _walk(
    root: Path, seen_dirs: set[tuple[int, int]], caps: tuple[int, int]
) -> Iterator[RawInput | Failed]:
    # An explicit stack rather than recursion: deep trees must not hit the recursion limit.
    stack = [root]
    while stack:
        path = stack.pop()
        try:
            info = path.stat()
        except OSError as exc:
            yield _failed(path, UNREADABLE, f"cannot access: {_reason(exc)}")
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in seen_dirs:
                continue
            seen_dirs.add(key)
            try:
                children = _list_dir(path)
            except OSError as exc:
                yield _failed(path, UNREADABLE, f"cannot list folder: {_reason(exc)}")
                continue
            stack.extend(reversed(children))
        elif stat.S_ISREG(info.st_mode):
            cap = caps[1] if format_hint_for(path) in CONTAINER_HINTS else caps[0]
            yield _read_file(path, info.st_size, cap)
        else:
            # FIFOs and devices could block or never end: never open them.
            yield _failed(path, UNREADABLE, "not a regular file")


def _list_dir(path: Path) -> list[Path]:
    with os.scandir(path) as entries:
        names = [entry.name for entry in entries if not entry.name.startswith(".")]
    # Sort on the raw bytes: independent of locale and of undecodable names.
    return [path / name for name in sorted(names, key=os.fsencode)]


def _read_file(path: Path, size: int, max_bytes: int) -> RawInput | Failed:
    if size > max_bytes:
        return _too_large(path, size, max_bytes)
    try:
        with path.open("rb") as handle:
            # One byte over the limit tells a file that grew since stat() from one that fits.
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return _failed(path, UNREADABLE, f"cannot read: {_reason(exc)}")
    if len(data) > max_bytes:
        return _too_large(path, len(data), max_bytes)
    ref = source_ref_for(path)
    return RawInput(
        source_ref=ref, path=path, data=data, format_hint=format_hint_for(path), origin=ref
    )


def _too_large(path: Path, size: int, max_bytes: int) -> Failed:
    message = f"{size} bytes is over the limit of {max_bytes}; not read"
    try:
        head, size, sha256 = file_evidence(path)
    except OSError:
        return _failed(path, TOO_LARGE, message)
    return _failed(path, TOO_LARGE, f"{message}; {describe_kept(head, size, sha256)}", head)


def _failed(path: Path, code: str, message: str, raw: bytes = b"") -> Failed:
    ref = source_ref_for(path)
    return Failed(
        source_ref=ref,
        code=code,
        message=message,
        raw=raw,
        format_hint=format_hint_for(path),
        origin=ref,
    )


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
