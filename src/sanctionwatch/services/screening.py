"""Screening use cases: load lists, screen one name or a CSV batch, answer yente ``/match``.

Lists live as versioned files in the data directory (``resolve.liststore``); with none
loaded, the bundled UN 1718 snapshot is used (``resolve.indexstore``). The on-disk
``ScreeningIndex`` for the current list versions is built by ``lists update`` (or on first
use) and reopened when the manifest changes, so a long-running server picks up
``sanctionwatch lists update`` without a restart.
"""

from __future__ import annotations

import csv
import io
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from followthemoney.types import registry

from sanctionwatch.domain.errors import ConfigError, InputError, NotFoundError
from sanctionwatch.resolve.index import Progress, ScreeningIndex
from sanctionwatch.resolve.indexstore import current_records, open_index
from sanctionwatch.resolve.lists import ORGANIZATION, PERSON, VESSEL
from sanctionwatch.resolve.liststore import ListRecord, store_list
from sanctionwatch.resolve.matcher import (
    DEFAULT_THRESHOLD,
    FEATURE_DOCS,
    MATCHER,
    MatchResult,
    Query,
)
from sanctionwatch.store import resolve_data_dir

NO_LISTS = "E308"
BAD_CSV = "E507"
BAD_QUERY = "E508"
MAX_BATCH_ROWS = 1_000_000
MAX_LIST_BYTES = 2 * 1024 * 1024 * 1024
SCHEMATA = {
    "person": PERSON,
    "organization": ORGANIZATION,
    "organisation": ORGANIZATION,
    "company": "Company",
    "legalentity": "LegalEntity",
    "vessel": VESSEL,
    "thing": "Thing",
}
DEFAULT_DATASET = "default"

_lock = threading.Lock()
_cache: dict[Path, tuple[float, ScreeningIndex]] = {}


def _data_dir(data_dir: Path | None) -> Path:
    return data_dir if data_dir is not None else resolve_data_dir()


def screening_index(data_dir: Path | None = None) -> ScreeningIndex:
    """The index over every loaded list, rebuilt only when the manifest changed."""
    folder = _data_dir(data_dir)
    manifest = folder / "lists" / "manifest.json"
    stamp = manifest.stat().st_mtime_ns if manifest.exists() else -1.0
    with _lock:
        cached = _cache.get(folder)
        if cached and cached[0] == stamp:
            return cached[1]
        index = open_index(folder)
        _cache[folder] = (stamp, index)
        return index


def _require_lists(index: ScreeningIndex) -> None:
    if not len(index):
        raise ConfigError(
            "no sanctions list is loaded: run `sanctionwatch lists update FILE|URL` first",
            code=NO_LISTS,
        )


def update_list(
    source: str,
    *,
    name: str | None = None,
    allow_private: bool = False,
    data_dir: Path | None = None,
    progress: Progress | None = None,
) -> ListRecord:
    """Load a list from a file or an http(s) URL, make it current atomically, and build
    the index for the new set of lists. ``progress(stage, done, total)`` is told how far
    reading (bytes) and indexing (entries) have got."""
    if source.lower().startswith(("http://", "https://")):
        data = _fetch(source, allow_private=allow_private)
    else:
        data = _read_file(Path(source), progress=progress)
    folder = _data_dir(data_dir)
    record, _ = store_list(folder, data, source=source, name=name, progress=progress)
    open_index(folder, progress=progress)
    return record


def _read_file(path: Path, *, progress: Progress | None) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_LIST_BYTES:
            raise InputError(f"{path} is over {MAX_LIST_BYTES // 2**20} MB", code="E505")
        parts = []
        done = 0
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 22):
                parts.append(chunk)
                done += len(chunk)
                if progress:
                    progress("reading", done, size)
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}", code="E208") from None
    return b"".join(parts)


def _fetch(url: str, *, allow_private: bool) -> bytes:
    from sanctionwatch.ingest.fetch import Fetcher, FetchPolicy
    from sanctionwatch.ingest.results import Failed

    policy = FetchPolicy(max_bytes=MAX_LIST_BYTES, allow_private=allow_private, deadline=600.0)
    with Fetcher(policy) as fetcher:
        result = fetcher.fetch(url)
    if isinstance(result, Failed):
        raise InputError(result.message, code=result.code)
    return result.data


def list_records(data_dir: Path | None = None) -> list[ListRecord]:
    """The lists screening uses (the bundled UN snapshot while none is loaded)."""
    return current_records(_data_dir(data_dir))


def make_query(
    name: str | list[str],
    *,
    schema: str = "Person",
    birth_date: str | list[str] | None = None,
    country: str | list[str] | None = None,
    identifiers: list[str] | None = None,
    imo: str | None = None,
) -> Query:
    """A checked query. ``schema`` is Person, Organization, Company, LegalEntity or Vessel
    (any case); a vessel's IMO number (``imo``) is matched like a document number."""
    canonical = SCHEMATA.get(schema.strip().lower().replace(" ", ""))
    if canonical is None:
        raise InputError(
            f"unknown schema {schema!r} (Person, Organization, Company, LegalEntity, Vessel)",
            code=BAD_QUERY,
        )
    schema = canonical
    identifiers = list(identifiers or [])
    if imo:
        digits = "".join(c for c in imo if c.isdigit())
        if len(digits) != 7:
            raise InputError(f"IMO number {imo!r} does not have 7 digits", code=BAD_QUERY)
        identifiers.append(digits)
    names = [name] if isinstance(name, str) else list(name)
    if not names:
        raise InputError("a query needs at least one name", code="E501")
    births = [birth_date] if isinstance(birth_date, str) else list(birth_date or [])
    for date in births:
        if not _is_date(date):
            raise InputError(
                f"birth date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD", code=BAD_QUERY
            )
    raw_countries = [country] if isinstance(country, str) else list(country or [])
    countries = []
    for value in raw_countries:
        code = registry.country.clean(value)
        if code is None:
            raise InputError(f"unknown country {value!r}", code=BAD_QUERY)
        countries.append(code)
    return Query(schema, tuple(names), tuple(births), tuple(countries), tuple(identifiers))


def _is_date(value: str) -> bool:
    parts = value.split("-")
    sizes = [len(p) for p in parts]
    return sizes in ([4], [4, 2], [4, 2, 2]) and all(p.isdigit() for p in parts)


def screen(
    query: Query,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 5,
    dataset: str = DEFAULT_DATASET,
    data_dir: Path | None = None,
) -> list[MatchResult]:
    index = screening_index(data_dir)
    _require_lists(index)
    return index.screen(query, threshold=threshold, limit=limit, datasets=_datasets(index, dataset))


def _datasets(index: ScreeningIndex, dataset: str) -> set[str] | None:
    if dataset == DEFAULT_DATASET:
        return None
    names = {info.name for info in index.lists}
    if dataset not in names:
        raise NotFoundError(f"no loaded list is called {dataset!r} (loaded: {sorted(names)})")
    return {dataset}


def result_to_dict(result: MatchResult) -> dict[str, Any]:
    """Our JSON for one result: the entry, the score, the confidence and every feature."""
    entry = result.entry
    return {
        "id": entry.id,
        "caption": entry.caption,
        "schema": entry.schema,
        "list": entry.list_name,
        "reference": entry.reference,
        "listed_on": entry.listed_on,
        "score": round(result.score, 4),
        "match": result.match,
        "confidence": result.confidence,
        "ambiguous": result.ambiguous,
        "homonyms": result.homonyms,
        "name": result.name.to_dict(),
        "features": {f.name: f.to_dict() for f in result.features},
        "birth_dates": list(entry.birth_dates),
        "nationalities": list(entry.nationalities),
        "names": [{"name": n.name, "quality": n.quality} for n in entry.names],
        "designations": [
            {"list": e.list_name, "reference": e.reference, "id": e.id, "listed_on": e.listed_on}
            for e in result.designations or [entry]
        ],
    }


@dataclass
class BatchReport:
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "screened": len(self.rows),
            "matched": sum(1 for r in self.rows if r["results"] and r["results"][0]["match"]),
            "errors": self.errors,
            "rows": self.rows,
        }


def screen_csv(
    text: str,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 3,
    data_dir: Path | None = None,
) -> BatchReport:
    """Screen every row of a CSV with a ``name`` column; ``schema`` (Person, Organization,
    Vessel, ...), ``birth_date``, ``country``, ``imo`` and ``identifier`` are optional.
    A bad row is reported with its line number; the batch goes on."""
    index = screening_index(data_dir)
    _require_lists(index)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "name" not in [f.strip().lower() for f in reader.fieldnames]:
        raise InputError("the CSV needs a header row with a 'name' column", code=BAD_CSV)
    report = BatchReport()
    try:
        for number, raw in enumerate(reader, start=2):
            if number > MAX_BATCH_ROWS + 1:
                raise InputError(f"more than {MAX_BATCH_ROWS:,} rows", code=BAD_CSV)
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
            if None in raw:
                report.errors.append(
                    {"row": number, "code": BAD_CSV, "message": "more cells than columns"}
                )
                continue
            try:
                query = make_query(
                    row.get("name", ""),
                    schema=row.get("schema") or "Person",
                    birth_date=row.get("birth_date") or None,
                    country=row.get("country") or None,
                    imo=row.get("imo") or row.get("imo_number") or None,
                    identifiers=[row["identifier"]] if row.get("identifier") else None,
                )
                results = index.screen(query, threshold=threshold, limit=limit)
            except InputError as error:
                report.errors.append({"row": number, "code": error.code, "message": error.message})
                continue
            report.rows.append(
                {
                    "row": number,
                    "name": row.get("name", ""),
                    "schema": query.schema,
                    "results": [result_to_dict(r) for r in results],
                }
            )
    except csv.Error as error:
        raise InputError(
            f"malformed CSV at line {reader.line_num}: {error}", code=BAD_CSV
        ) from None
    return report


# --- yente /match ---------------------------------------------------------------------

_PERSON_PROPS = {"name", "firstName", "middleName", "lastName", "fatherName", "alias"}


def yente_match(
    dataset: str,
    queries: dict[str, dict[str, Any]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 5,
    data_dir: Path | None = None,
) -> dict[str, Any]:
    """The yente ``/match`` response for a batch of FollowTheMoney example entities."""
    index = screening_index(data_dir)
    _require_lists(index)
    datasets = _datasets(index, dataset)
    responses = {}
    for key, example in queries.items():
        query = _query_from_example(key, example)
        results = index.screen(query, threshold=threshold, limit=limit, datasets=datasets)
        responses[key] = {
            "status": 200,
            "results": [_yente_result(r) for r in results],
            "total": {"value": len(results), "relation": "eq"},
            "query": {
                "id": example.get("id"),
                "schema": query.schema,
                "properties": example.get("properties", {}),
            },
        }
    return {"responses": responses, "matcher": _matcher_docs(), "limit": limit}


def _values(properties: dict[str, Any], *keys: str) -> list[str]:
    out: list[str] = []
    for key in keys:
        value = properties.get(key)
        values = value if isinstance(value, list) else [value] if value is not None else []
        out += [str(v) for v in values if isinstance(v, str | int) and str(v).strip()]
    return out


def _query_from_example(key: str, example: dict[str, Any]) -> Query:
    schema = example.get("schema")
    properties = example.get("properties")
    if not isinstance(schema, str) or not isinstance(properties, dict):
        raise InputError(f"query {key!r} needs a schema and properties", code=BAD_QUERY)
    names = _values(properties, "name", "alias", "weakAlias", "previousName")
    parts = _values(properties, "firstName", "middleName", "fatherName", "lastName")
    if parts:
        names.append(" ".join(parts))
    if not names:
        raise InputError(f"query {key!r} has no name", code="E501")
    births = [d[:10] for d in _values(properties, "birthDate", "incorporationDate")]
    countries = _values(properties, "nationality", "citizenship", "country", "jurisdiction")
    identifiers = _values(
        properties, "passportNumber", "idNumber", "registrationNumber", "imoNumber"
    )
    return make_query(
        names,
        schema=schema,
        birth_date=births,
        country=countries,
        identifiers=identifiers,
    )


def _yente_result(result: MatchResult) -> dict[str, Any]:
    entry = result.entry
    properties: dict[str, list[str]] = {
        "name": [n.name for n in entry.names if n.quality in {"primary", "original-script"}],
        "alias": [n.name for n in entry.names if n.quality == "good"],
        "weakAlias": [n.name for n in entry.names if n.quality == "low"],
        "birthDate": list(entry.birth_dates),
        "nationality" if entry.is_person else "country": list(entry.nationalities),
        "position": list(entry.positions),
        "notes": [entry.notes] if entry.notes else [],
        "programId": [entry.programme] if entry.programme else [],
    }
    features = {f.name: round(f.score * f.weight, 4) for f in result.features}
    return {
        "id": entry.id,
        "caption": entry.caption,
        "schema": entry.schema,
        "properties": {k: v for k, v in properties.items() if v},
        "datasets": sorted({e.list_name for e in result.designations or [entry]}),
        "referents": [e.id for e in result.designations or [entry] if e is not entry],
        "target": True,
        "score": round(result.score, 4),
        "match": result.match,
        "features": features,
        "explanations": {f.name: f.to_dict() for f in result.features},
        "confidence": result.confidence,
        "ambiguous": result.ambiguous,
        "homonyms": result.homonyms,
        "token": None,
    }


def _matcher_docs() -> dict[str, Any]:
    return {
        name: {"description": f"{doc['description']} ({MATCHER})", "coefficient": doc["weight"]}
        for name, doc in FEATURE_DOCS.items()
    }


def entity_listings(entity: Any, *, data_dir: Path | None = None) -> list[dict[str, Any]]:
    """The listings of a knowledge-base entity, checked against its birth year and role
    (``resolve.linker.entity_listings``): one row per designation."""
    from sanctionwatch.resolve.linker import entity_listings as listings

    index = screening_index(data_dir)
    _require_lists(index)
    return [
        {
            "list": entry.list_name,
            "reference": entry.reference,
            "listed_on": entry.listed_on,
            "caption": entry.caption,
            "confidence": confidence,
            "score": round(result.score, 4),
            "names": [n.name for n in entry.names],
        }
        for entry, result, confidence in listings(entity, index)
    ]


def claim_designations(
    store: Any, claim_id: str, *, data_dir: Path | None = None
) -> list[dict[str, object]]:
    """The actors of a stored claim that are on a loaded list (empty when none is loaded)."""
    from sanctionwatch import store as st
    from sanctionwatch.resolve.linker import claim_designations as designations

    index = screening_index(data_dir)
    if not len(index):
        return []
    return designations(st.get_claim(store, claim_id), index)
