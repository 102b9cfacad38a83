"""Use case: the incident data set for analysis, as JSON, CSV or FollowTheMoney lines.

* JSON: every incident view — provisions, grade with reasons, every claim with its spans
  and its document's metadata — one array;
* CSV: one row per incident, with quantities, dates, grade, provisions and the URLs of
  its sources, for a spreadsheet;
* FtM: the entities and events of ``services.export`` (any FtM tool reads them).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from sanctionwatch import store as st
from sanctionwatch.services.browsing import IncidentFilter, matching_incidents
from sanctionwatch.services.incidents import incident_view

FORMATS = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "ftm": "application/x-ndjson",
}
CSV_COLUMNS = (
    "id",
    "type",
    "source",
    "target",
    "time_start",
    "time_end",
    "quantity_low",
    "quantity_high",
    "quantity_unit",
    "item",
    "grade",
    "grade_reasons",
    "provisions",
    "supporting_claims",
    "contradicting_claims",
    "documents",
    "urls",
)


def _views(store: st.Store, flt: IncidentFilter) -> Iterator[dict[str, Any]]:
    for data in matching_incidents(store, flt):
        yield incident_view(store, data["id"]).to_dict()


def iter_json(store: st.Store, flt: IncidentFilter | None = None) -> Iterator[str]:
    yield "["
    for n, view in enumerate(_views(store, flt or IncidentFilter())):
        yield ("," if n else "") + json.dumps(view, ensure_ascii=False, sort_keys=True)
    yield "]\n"


def csv_row(view: dict[str, Any]) -> dict[str, Any]:
    assessment = view.get("assessment") or {}
    documents = {c["document"]["id"]: c["document"] for c in view.get("claims", [])}
    return {
        "id": view["id"],
        "type": view["type"],
        "source": ";".join(view.get("source") or []),
        "target": ";".join(view.get("target") or []),
        "time_start": view.get("time_start") or "",
        "time_end": view.get("time_end") or "",
        "quantity_low": "" if view.get("quantity_low") is None else view["quantity_low"],
        "quantity_high": "" if view.get("quantity_high") is None else view["quantity_high"],
        "quantity_unit": view.get("quantity_unit") or "",
        "item": view.get("item") or "",
        "grade": assessment.get("code") or "",
        "grade_reasons": " | ".join(assessment.get("reasons") or []),
        "provisions": ";".join(p["provision_id"] for p in view.get("provisions") or []),
        "supporting_claims": len(view.get("supporting_claim_ids") or []),
        "contradicting_claims": len(view.get("contradicting_claim_ids") or []),
        "documents": ";".join(sorted(documents)),
        "urls": ";".join(sorted({d["url"] for d in documents.values() if d.get("url")})),
    }


def _sanitise(value: Any) -> Any:
    # A cell starting with = + - @ is a formula to a spreadsheet: source text must not run.
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value


def iter_csv(store: st.Store, flt: IncidentFilter | None = None) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for view in _views(store, flt or IncidentFilter()):
        writer.writerow({k: _sanitise(v) for k, v in csv_row(view).items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def iter_ftm(store: st.Store) -> Iterator[str]:
    from sanctionwatch.services.export import export_ftm

    buffer = io.StringIO()
    export_ftm(store, buffer)
    yield buffer.getvalue()


def iter_export(store: st.Store, fmt: str, flt: IncidentFilter | None = None) -> Iterator[str]:
    if fmt == "json":
        return iter_json(store, flt)
    if fmt == "csv":
        return iter_csv(store, flt)
    return iter_ftm(store)
