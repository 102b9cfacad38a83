"""Loaded sanctions lists on disk: versioned files and a manifest, replaced atomically.

Layout under the data directory::

    lists/manifest.json                 {"lists": {NAME: {version, list_date, source, ...}}}
    lists/NAME/SHA256-PREFIX.xml|.jsonl  the bytes as published, one file per version

``store_list`` parses the bytes first (a malformed file changes nothing), writes the new
version to a temporary file, fsyncs and renames it into place, then swaps the manifest the
same way. A reader sees the old list or the new one, never half of either.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sanctionwatch.domain.errors import ConfigError, InputError
from sanctionwatch.resolve.lists import SanctionsList, parse_list

LISTS_DIR = "lists"
MANIFEST = "manifest.json"
BAD_MANIFEST = "E307"
_SUFFIX = {"un-xml": ".xml", "ftm-json": ".jsonl"}


@dataclass(frozen=True, slots=True)
class ListRecord:
    """One manifest row: which version of a list is current, and where it came from."""

    name: str
    version: str
    list_date: str | None
    source: str
    format: str
    sha256: str
    file: str
    entries: int
    loaded_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def write_atomic(path: Path, data: bytes) -> None:
    """Write, fsync, rename: ``path`` holds the old bytes or the new, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def read_manifest(data_dir: Path) -> dict[str, ListRecord]:
    path = data_dir / LISTS_DIR / MANIFEST
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text("utf-8"))
        return {name: ListRecord(**row) for name, row in raw["lists"].items()}
    except (ValueError, KeyError, TypeError) as error:
        raise ConfigError(
            f"list manifest {path} is unreadable: {error}", code=BAD_MANIFEST
        ) from None


def store_list(
    data_dir: Path,
    data: bytes,
    *,
    source: str,
    name: str | None = None,
    fmt: str | None = None,
    now: datetime | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[ListRecord, SanctionsList]:
    """Parse ``data`` and make it the current version of its list. Raises E505/E506."""
    if not data.strip():
        raise InputError("the list file is empty", code="E505")
    parsed = parse_list(data, name=name, fmt=fmt, progress=progress)
    folder = data_dir / LISTS_DIR / _safe(parsed.name)
    filename = f"{parsed.sha256[:16]}{_SUFFIX[parsed.format]}"
    write_atomic(folder / filename, data)
    record = ListRecord(
        name=parsed.name,
        version=parsed.version,
        list_date=parsed.list_date,
        source=source,
        format=parsed.format,
        sha256=parsed.sha256,
        file=f"{_safe(parsed.name)}/{filename}",
        entries=len(parsed.entries),
        loaded_at=(now or datetime.now(UTC)).isoformat(timespec="seconds"),
    )
    manifest = read_manifest(data_dir)
    previous = manifest.get(parsed.name)
    manifest[parsed.name] = record
    body = {"lists": {k: v.to_dict() for k, v in sorted(manifest.items())}}
    write_atomic(
        data_dir / LISTS_DIR / MANIFEST,
        json.dumps(body, indent=2, ensure_ascii=False).encode(),
    )
    if previous and previous.file != record.file:
        (data_dir / LISTS_DIR / previous.file).unlink(missing_ok=True)
    return record, parsed


def load_lists(data_dir: Path) -> list[tuple[ListRecord, SanctionsList]]:
    """Every current list named in the manifest, parsed."""
    out = []
    for record in read_manifest(data_dir).values():
        path = data_dir / LISTS_DIR / record.file
        try:
            data = path.read_bytes()
        except OSError as error:
            raise ConfigError(f"list file {path} is missing: {error}", code=BAD_MANIFEST) from None
        out.append((record, parse_list(data, name=record.name, fmt=record.format)))
    return out


def _safe(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip(".")
    return cleaned or "list"
