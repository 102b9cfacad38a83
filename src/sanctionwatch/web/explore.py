"""Pages for looking across the collection: timeline, entities, screening, search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from sanctionwatch.domain import ClaimType
from sanctionwatch.domain.dates import first_day, last_day
from sanctionwatch.domain.errors import ConfigError, InputError
from sanctionwatch.reports.highlight import Segment
from sanctionwatch.services import charts, entities, screening
from sanctionwatch.services.browsing import parse_filter, search_documents
from sanctionwatch.web.charts import quantity_chart, timeline_chart
from sanctionwatch.web.pages import StoreDep, paged, render

router = APIRouter(prefix="/ui", include_in_schema=False)
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    store: StoreDep,
    type: str | None = None,
    actor: str | None = None,
    topic: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Response:
    error: InputError | None = None
    try:
        flt = parse_filter(type=type, actor=actor, since=since, until=until)
        chosen = charts.parse_topic(topic) if topic else None
    except InputError as exc:
        error, flt, chosen = exc, parse_filter(), None
    points = charts.incident_timeline(store, flt)
    topics = charts.quantity_topics(store)
    if chosen is None and topics:
        chosen = charts.parse_topic(charts.default_topic(topics))
    reports = charts.reported_quantities(store, chosen) if chosen else []
    return render(
        request,
        "timeline.html",
        422 if error else 200,
        error=error,
        form={"type": type, "actor": actor, "since": since, "until": until},
        types=[t.value for t in ClaimType],
        timeline=timeline_chart(points, since=first_day(flt.since), until=last_day(flt.until)),
        undated=len(points) == 0,
        topics=topics,
        topic=chosen,
        reports=reports,
        quantities=quantity_chart(reports, unit=chosen.unit) if chosen else None,
    )


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, store: StoreDep) -> Response:
    rows = entities.list_entities(store)
    groups: dict[str, list[dict[str, Any]]] = {"state": [], "person": [], "organization": []}
    for row in rows:
        groups.setdefault(row["kind"], []).append(row)
    return render(request, "entities.html", groups=groups)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(
    request: Request,
    store: StoreDep,
    entity_id: str,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    entity = entities.entity_detail(store, entity_id)
    page = paged(entity["incident_list"], offset)
    return render(request, "entity.html", entity=entity, page=page)


@router.get("/screen", response_class=HTMLResponse)
def screen_page(
    request: Request,
    name: str | None = None,
    birth_date: str | None = None,
    country: str | None = None,
    schema: str | None = None,
    imo: str | None = None,
) -> Response:
    form = {
        "name": name or "",
        "birth_date": birth_date or "",
        "country": country or "",
        "schema": schema or "Person",
        "imo": imo or "",
    }
    results: list[dict[str, Any]] | None = None
    error: str | None = None
    status = 200
    lists = [r.to_dict() for r in screening.list_records()]
    if name and name.strip():
        try:
            query = screening.make_query(
                name.strip(),
                schema=schema or "Person",
                birth_date=birth_date or None,
                country=country or None,
                imo=imo or None,
            )
            results = [screening.result_to_dict(r) for r in screening.screen(query, limit=10)]
        except (InputError, ConfigError) as exc:
            error, status = (
                f"{exc.code}: {exc.message}",
                422 if isinstance(exc, InputError) else 503,
            )
    return render(
        request, "screen.html", status, form=form, results=results, error=error, lists=lists
    )


def snippet_segments(snippet: str) -> list[Segment]:
    """A search snippet with control-character markers, as plain pieces to escape."""
    pieces: list[Segment] = []
    for n, part in enumerate(snippet.split(MARK_OPEN)):
        hit, _, rest = part.partition(MARK_CLOSE) if n else ("", "", part)
        if hit:
            pieces.append(Segment(hit, ("hit",)))
        if rest:
            pieces.append(Segment(rest))
    return pieces


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, q: str | None = None) -> Response:
    hits = []
    if q and q.strip():
        for hit in search_documents(store, q, limit=50, markers=(MARK_OPEN, MARK_CLOSE)):
            hits.append(
                {
                    "doc_id": hit["doc_id"],
                    "title": (hit["title"] or "").replace(MARK_OPEN, "").replace(MARK_CLOSE, ""),
                    "segments": snippet_segments(hit["snippet"]),
                }
            )
    return render(request, "search.html", q=q or "", hits=hits)
