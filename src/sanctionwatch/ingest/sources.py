"""Local files and folders -> raw inputs, in a deterministic order.

Walking never raises for a bad path: unreadable, special or over-size files come out as
:class:`Failed` items so the batch goes on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sanctionwatch.domain.errors import TOO_LARGE, UNREADABLE
from sanctionwatch.ingest.results import Failed

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RawInput:
    """The bytes of one input and where they came from.

    ``format_hint`` is the lower-case file extension without the dot (``""`` if none);
    other sources (URLs, feeds) may set it from a media type later.
    """

    source_ref: str
    path: Path | None
    data: bytes = field(repr=False)
    format_hint: str = ""


def source_ref_for(path: Path) -> str:
    """A printable reference that is always valid UTF-8.

    File names are bytes on POSIX; undecodable bytes become ``\\xNN`` so the reference
    can be stored and shown, while ``RawInput.path`` keeps the real name.
    """
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def format_hint_for(path: Path) -> str:
    return path.suffix.lower().removeprefix(".")


def iter_inputs(
    paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawInput | Failed]:
    """Yield every file under ``paths``: given order, then sorted by name inside folders.

    Hidden entries (names starting with ``.``) inside folders are skipped; a path given
    explicitly is always read. Symlinks are followed, but each folder is walked once, so
    symlink loops terminate.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        yield from _walk(Path(given), seen_dirs, max_bytes)


def _walk(
    root: Path, seen_dirs: set[tuple[int, int]], max_bytes: int
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
            yield _read_file(path, info.st_size, max_bytes)
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
    return RawInput(
        source_ref=source_ref_for(path), path=path, data=data, format_hint=format_hint_for(path)
    )


def _too_large(path: Path, size: int, max_bytes: int) -> Failed:
    return _failed(path, TOO_LARGE, f"{size} bytes is over the limit of {max_bytes}; not read")


def _failed(path: Path, code: str, message: str) -> Failed:
    return Failed(source_ref=source_ref_for(path), code=code, message=message, raw=b"")


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
