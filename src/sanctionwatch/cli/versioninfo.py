"""What ``sanctionwatch version`` prints, remembered for the installation it describes.

Naming the extractor reads its lexicons, gazetteer and decision model, and importing the
modules that know those names loads spaCy: about a second. The text depends only on the
installed code, data and packages, so it is kept in ``$XDG_CACHE_HOME/sanctionwatch/``
(else ``~/.cache/sanctionwatch/``) under a fingerprint of exactly those: the Python
version, every file of the ``sanctionwatch`` package (path, size, modification time) and
every installed distribution (the ``*.dist-info`` names on ``sys.path``). Any edit,
upgrade or reinstall gives another fingerprint and the text is computed again; the cache
only ever saves the work, never changes the answer. No cache directory: computed each time.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path

CACHE_NAME = "version"


def version_lines() -> list[str]:
    """Each stage with what it requires and assigns, then the package and extractor."""
    fingerprint = installation_fingerprint()
    cached = _read(fingerprint)
    if cached is not None:
        return cached
    lines = _compute_lines()
    _write(fingerprint, lines)
    return lines


def _compute_lines() -> list[str]:
    from sanctionwatch import __version__
    from sanctionwatch.extract import extractor_id
    from sanctionwatch.pipeline import list_stages

    lines = [
        f"stage {stage.id}: {', '.join(stage.requires)} -> {', '.join(stage.assigns)}"
        for stage in list_stages()
    ]
    return [*lines, f"sanctionwatch {__version__}", f"extractor {extractor_id()}"]


def installation_fingerprint(
    *, package_dir: Path | None = None, search_path: Iterable[str] | None = None
) -> str:
    """A digest of the package's files and of every installed distribution's name."""
    root = package_dir or Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(sys.version.encode())
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(folder, name)
            stat = os.stat(path)
            relative = os.path.relpath(path, root)
            digest.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    for entry in search_path if search_path is not None else sys.path:
        try:
            names = sorted(n for n in os.listdir(entry or ".") if n.endswith(".dist-info"))
        except OSError:
            continue
        digest.update(f"{entry}\0{','.join(names)}\n".encode())
    return digest.hexdigest()[:32]


def cache_dir() -> Path:
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "sanctionwatch"


def _path() -> Path:
    return cache_dir() / CACHE_NAME


def _read(fingerprint: str) -> list[str] | None:
    try:
        first, *lines = _path().read_text("utf-8").splitlines()
    except (OSError, ValueError):
        return None
    return lines if first == fingerprint and lines else None


def _write(fingerprint: str, lines: list[str]) -> None:
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{CACHE_NAME}.{os.getpid()}")
        partial.write_text("\n".join([fingerprint, *lines]) + "\n", "utf-8")
        partial.replace(path)
    except OSError:
        pass
