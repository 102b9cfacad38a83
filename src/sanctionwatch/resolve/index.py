"""The screening index: bounded retrieval from an on-disk file, then full scoring.

Built once per set of list versions (``build_index``, in ``resolve.indexbuild``, which
also describes the file) into one SQLite file; opened in
milliseconds (``ScreeningIndex.open``): only four small per-entry arrays are read, the
postings and the analysed entries stay on disk until a query needs them.

A query is analysed once and looked up under its retrieval keys (``resolve.keys``). Each
key weighs what it says — ``log(N / df)``, so "kim" says little and "f:kim/jo.o" much —
and the query's keys are read rarest first until ``BUDGET`` postings are read (a key
shared by more than ``MAX_POSTING`` entries never is, unless it is the rarest the query
has). Entries are ranked by the summed weight of the keys they share with the query; the
best ``POOL`` are scored in full by the matcher. There is no fallback that scans every
entry: a name too common to retrieve on ("Kim") reads a bounded sample of the entries
sharing its rarest key.

Results are per designee: listings of one target on several lists (``resolve.designees``)
are one result carrying every designation, and ambiguity is about different people.
"""

from __future__ import annotations

import json
import math
import pickle
import sqlite3
import threading
import zlib
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sanctionwatch.resolve.indexbuild import INDEX_FORMAT as INDEX_FORMAT
from sanctionwatch.resolve.indexbuild import Progress as Progress
from sanctionwatch.resolve.indexbuild import build_index as build_index
from sanctionwatch.resolve.indexbuild import connect, document_keys, write_index
from sanctionwatch.resolve.keys import name_keys
from sanctionwatch.resolve.lists import PERSON, VESSEL, SanctionsList
from sanctionwatch.resolve.matcher import (
    DEFAULT_THRESHOLD,
    EntryForms,
    MatchResult,
    Query,
    mark_ambiguous,
    score_entry,
)
from sanctionwatch.resolve.names import NameForm, analyse_name, check_name

POOL = 60
MAX_POSTING = 20_000
BUDGET = 30_000
CACHE_ENTRIES = 50_000


@dataclass(frozen=True)
class ListInfo:
    name: str
    version: str
    list_date: str | None
    entries: int


class ScreeningIndex:
    """Screen names against every list in one index file; build once, open fast."""

    def __init__(
        self, lists: Iterable[SanctionsList] = (), *, db: sqlite3.Connection | None = None
    ):
        if db is None:
            db = connect(":memory:")
            write_index(db, list(lists), None)
        self._db = db
        self._lock = threading.Lock()
        meta = dict(db.execute("SELECT name, value FROM meta"))
        if meta.get("format") != INDEX_FORMAT.encode():
            raise ValueError(f"not a {INDEX_FORMAT} file")
        self.lists = [ListInfo(**row) for row in json.loads(meta["lists"])]
        self._group = np.frombuffer(meta["array:group"], dtype=np.uint32)
        self._list = np.frombuffer(meta["array:list"], dtype=np.uint16)
        self._schema = np.frombuffer(meta["array:schema"], dtype=np.uint8)
        self._members: dict[int, list[int]] = defaultdict(list)
        for position in np.nonzero(self._group != np.arange(len(self._group)))[0]:
            self._members[int(self._group[position])].append(int(position))
        self._cache: OrderedDict[int, EntryForms] = OrderedDict()

    @classmethod
    def open(cls, path: Path) -> ScreeningIndex:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return cls(db=db)

    def __len__(self) -> int:
        return len(self._group)

    def iter_entries(self) -> Iterator[EntryForms]:
        for position in range(len(self)):
            yield self._entries([position])[position]

    def _entries(self, positions: list[int]) -> dict[int, EntryForms]:
        out: dict[int, EntryForms] = {}
        with self._lock:  # the cache and the connection are shared by a server's threads
            missing = []
            for position in positions:
                cached = self._cache.get(position)
                if cached is None:
                    missing.append(position)
                else:
                    self._cache.move_to_end(position)
                    out[position] = cached
            if missing:
                marks = ",".join("?" * len(missing))
                rows = self._db.execute(
                    f"SELECT pos, data FROM entries WHERE pos IN ({marks})", missing
                ).fetchall()
                for position, data in rows:
                    # The file is ours, written by indexbuild from parsed lists: a cache, not input.
                    forms: EntryForms = pickle.loads(zlib.decompress(data))
                    out[position] = self._cache[position] = forms
                while len(self._cache) > CACHE_ENTRIES:
                    self._cache.popitem(last=False)
        return out

    def candidates(
        self, keys: set[str], *, datasets: set[str] | None = None, schema: str = "Thing"
    ) -> list[int]:
        """The ``POOL`` entries sharing the most telling keys with the query, best first."""
        if not keys or not len(self):
            return []
        marks = ",".join("?" * len(keys))
        with self._lock:
            found = self._db.execute(
                f"SELECT key, df FROM postings WHERE key IN ({marks})", sorted(keys)
            ).fetchall()
        if not found:
            return []
        total = len(self)
        # Rarest keys first, until the budget of postings is spent: they say the most,
        # and a key most entries share would cost much and rank little.
        found.sort(key=lambda row: (row[1], row[0]))
        chosen: list[tuple[str, int]] = []
        spent = 0
        for key, df in found:
            if chosen and (spent + df > BUDGET or df > MAX_POSTING):
                break
            chosen.append((key, df))
            spent += df
        marks = ",".join("?" * len(chosen))
        with self._lock:
            blobs = dict(
                self._db.execute(
                    f"SELECT key, substr(ids, 1, ?) FROM postings WHERE key IN ({marks})",
                    [4 * BUDGET, *(k for k, _ in chosen)],
                ).fetchall()
            )
        usable = [(df, blobs[key]) for key, df in chosen]
        ids = np.concatenate([np.frombuffer(blob, dtype=np.uint32) for _, blob in usable])
        weights = np.concatenate(
            [np.full(len(blob) // 4, math.log(1 + total / df)) for df, blob in usable]
        )
        unique, inverse = np.unique(ids, return_inverse=True)
        scores = np.bincount(inverse, weights=weights)
        mask = self._mask(unique, datasets=datasets, schema=schema)
        unique, scores = unique[mask], scores[mask]
        if len(unique) > POOL:
            top = np.argpartition(-scores, POOL - 1)[:POOL]
            unique, scores = unique[top], scores[top]
        order = np.lexsort((unique, -scores))
        return [int(p) for p in unique[order]]

    def _mask(self, positions: np.ndarray, *, datasets: set[str] | None, schema: str) -> np.ndarray:
        mask = np.ones(len(positions), dtype=bool)
        codes = self._schema[positions]
        if schema == PERSON:
            mask &= codes == 1
        elif schema == VESSEL:
            mask &= codes == 2
        elif schema not in {"Thing", "LegalEntity"}:
            mask &= codes != 1
        if datasets is not None:
            wanted = [i for i, info in enumerate(self.lists) if info.name in datasets]
            mask &= np.isin(self._list[positions], wanted)
        return mask

    def screen(
        self,
        query: Query,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 5,
        datasets: set[str] | None = None,
    ) -> list[MatchResult]:
        """The best ``limit`` designees for ``query``, best first, each explained."""
        names = [check_name(n) for n in query.names]
        query_forms = [analyse_name(n, is_org=query.is_org) for n in names]
        keys = query_keys(query_forms, query.identifiers)
        pool = self.candidates(keys, datasets=datasets, schema=query.schema)
        forms = self._entries(pool)
        by_group: dict[int, list[MatchResult]] = defaultdict(list)
        for position in pool:
            result = score_entry(query, query_forms, forms[position], threshold=threshold)
            by_group[int(self._group[position])].append(result)
        results = []
        for group, members in by_group.items():
            members.sort(key=lambda r: r.rank)
            best = members[0]
            others = [p for p in [group, *self._members.get(group, [])] if p not in pool]
            listed = [r.entry for r in members] + [f.entry for f in self._entries(others).values()]
            best.designations = sorted(listed, key=lambda e: e is not best.entry)
            results.append(best)
        mark_ambiguous(results, threshold=threshold)
        results.sort(key=lambda r: r.rank)
        return results[:limit]


def query_keys(query_forms: list[NameForm], identifiers: Iterable[str] = ()) -> set[str]:
    keys: set[str] = set()
    for form in query_forms:
        keys |= name_keys(form)
    return keys | document_keys(identifiers)
