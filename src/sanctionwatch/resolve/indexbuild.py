"""Building the screening index file: analyse every entry once, file it under its keys.

One SQLite file (see ``resolve.index`` for how it is read)::

    meta      format, the lists (name, version, date, entries), and per-entry arrays:
              designee group (uint32), list (uint16), schema code (uint8)
    entries   pos -> the analysed entry (``EntryForms``), pickled and zlib-compressed
    postings  key -> df, the positions of the entries filed under it (uint32 array)

Postings are gathered in chunks of ``CHUNK`` entries and merged by key at the end, so
memory stays bounded on a list of a million entries. The file is written under a
temporary name and renamed into place: a reader never sees half an index.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import pickle
import sqlite3
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from sanctionwatch.resolve.designees import group_entries
from sanctionwatch.resolve.keys import name_keys
from sanctionwatch.resolve.korean import Syllable
from sanctionwatch.resolve.korean_names import KoreanName
from sanctionwatch.resolve.lists import (
    PERSON,
    VESSEL,
    ListDocument,
    ListEntry,
    ListName,
    SanctionsList,
)
from sanctionwatch.resolve.matcher import EntryForms, entry_forms
from sanctionwatch.resolve.names import NameForm

INDEX_FORMAT = "sanctionwatch-index@v1"
CHUNK = 50_000

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``"""


def document_keys(numbers: Iterable[str]) -> set[str]:
    """Document numbers (IMO, passport) as keys: "IMO 8606173" and "8606173" meet."""
    out = set()
    for number in numbers:
        cleaned = "".join(c for c in number.upper() if c.isalnum())
        cleaned = cleaned.removeprefix("IMO")
        if len(cleaned) >= 5:
            out.add(f"id:{cleaned}")
    return out


def entry_keys(forms: EntryForms) -> set[str]:
    keys: set[str] = set()
    for form, _ in forms.forms:
        keys |= name_keys(form)
    return keys | document_keys(d.number for d in forms.entry.documents)


_SCHEMA_CODE = {PERSON: 1, VESSEL: 2}


def build_index(
    lists: Iterable[SanctionsList], path: Path, *, progress: Progress | None = None
) -> Path:
    """Analyse every entry of ``lists`` into the index file ``path``, written atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = connect(str(tmp))
    try:
        write_index(db, list(lists), progress)
        db.close()
        os.replace(tmp, path)
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    return path


def connect(path: str) -> sqlite3.Connection:
    """A connection for writing an index: no journal, no syncs (the file is renamed in
    place only when complete)."""
    db = sqlite3.connect(path, check_same_thread=False)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    return db


def write_index(
    db: sqlite3.Connection,
    all_lists: list[SanctionsList],
    progress: Progress | None,
) -> None:
    entries = [e for sanctions_list in all_lists for e in sanctions_list.entries]
    list_ids = {s.name: i for i, s in enumerate(all_lists)}
    db.executescript(
        """
        CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB);
        CREATE TABLE entries (pos INTEGER PRIMARY KEY, data BLOB);
        CREATE TABLE chunks (key TEXT, chunk INTEGER, ids BLOB);
        CREATE TABLE postings (key TEXT PRIMARY KEY, df INTEGER, ids BLOB) WITHOUT ROWID;
        """
    )
    total = len(entries)
    pending: dict[str, list[int]] = defaultdict(list)
    rows: list[tuple[int, bytes]] = []
    for position, entry in enumerate(entries):
        forms = entry_forms(entry)
        for key in entry_keys(forms):
            pending[key].append(position)
        rows.append((position, zlib.compress(_dumps(forms), 1)))
        if len(rows) >= CHUNK or position == total - 1:
            db.executemany("INSERT INTO entries VALUES (?, ?)", rows)
            db.executemany(
                "INSERT INTO chunks VALUES (?, ?, ?)",
                (
                    (k, position, np.asarray(v, dtype=np.uint32).tobytes())
                    for k, v in pending.items()
                ),
            )
            rows, pending = [], defaultdict(list)
            if progress:
                progress("analysing", position + 1, total)
    merged: dict[str, list[bytes]] = {}
    last = None
    out: list[tuple[str, int, bytes]] = []
    for key, ids in db.execute("SELECT key, ids FROM chunks ORDER BY key, chunk"):
        if key != last and last is not None:
            out.append(_posting(last, merged.pop(last)))
        merged.setdefault(key, []).append(ids)
        last = key
        if len(out) >= 10_000:
            db.executemany("INSERT INTO postings VALUES (?, ?, ?)", out)
            out = []
    if last is not None:
        out.append(_posting(last, merged.pop(last)))
    db.executemany("INSERT INTO postings VALUES (?, ?, ?)", out)
    db.execute("DROP TABLE chunks")
    if progress:
        progress("linking listings", 0, total)
    groups = np.asarray(group_entries(entries), dtype=np.uint32)
    arrays: dict[str, np.ndarray] = {
        "group": groups,
        "list": np.asarray([list_ids[e.list_name] for e in entries], dtype=np.uint16),
        "schema": np.asarray([_SCHEMA_CODE.get(e.schema, 0) for e in entries], dtype=np.uint8),
    }
    info = [
        {"name": s.name, "version": s.version, "list_date": s.list_date, "entries": len(s.entries)}
        for s in all_lists
    ]
    meta = {"format": INDEX_FORMAT.encode(), "lists": json.dumps(info).encode()}
    meta |= {f"array:{k}": v.tobytes() for k, v in arrays.items()}
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    db.commit()
    if progress:
        progress("done", total, total)


def _by_init(obj: Any) -> tuple[type, tuple[Any, ...]]:
    """Pickle a dataclass as a call to its constructor: loads several times faster than
    the default state protocol of frozen slotted dataclasses."""
    return type(obj), tuple(getattr(obj, f.name) for f in dataclasses.fields(obj) if f.init)


_PICKLED = (EntryForms, NameForm, KoreanName, Syllable, ListEntry, ListName, ListDocument)


def _dumps(forms: EntryForms) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.dispatch_table = {cls: _by_init for cls in _PICKLED}
    pickler.dump(forms)
    return buffer.getvalue()


def _posting(key: str, parts: list[bytes]) -> tuple[str, int, bytes]:
    data = b"".join(parts)
    return key, len(data) // 4, data
