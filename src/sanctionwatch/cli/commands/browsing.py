"""Reading what is stored: ``incidents``, ``show``, ``document``, ``search``."""

from __future__ import annotations

from typing import Annotated

import typer

from sanctionwatch.cli import render
from sanctionwatch.cli.common import DbOption, JsonOption, domain_errors, open_store
from sanctionwatch.services import document_detail, incident_view, list_incident_views
from sanctionwatch.services import search as run_search


def incidents(
    type: Annotated[
        str | None, typer.Option("--type", help="Claim type, e.g. arms_transfer.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List incidents with actors, time, quantity, grade and provisions."""
    with domain_errors():
        views = list_incident_views(
            open_store(db), type=type, since=since, until=until, limit=limit
        )
    rows = [v.to_dict() for v in views]
    if as_json:
        render.print_json(rows)
    else:
        render.console.print(render.incidents_table(rows))


def show(
    incident_id: Annotated[str, typer.Argument(help="Incident id or a unique prefix.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One incident: every claim with its evidence sentence, source, provisions and grade."""
    with domain_errors():
        data = incident_view(open_store(db), incident_id).to_dict()
    if as_json:
        render.print_json(data)
    else:
        render.incident_panel(data)


def document(
    document_id: Annotated[str, typer.Argument(help="Document id (SHA-256) or a unique prefix.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One stored document with its claims."""
    with domain_errors():
        data = document_detail(open_store(db), document_id)
    if as_json:
        render.print_json(data)
    else:
        render.document_panel(data)


def search(
    query: Annotated[str, typer.Argument(help="Full-text query.")],
    limit: Annotated[int, typer.Option(help="At most this many.")] = 20,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over stored documents."""
    with domain_errors():
        hits = run_search(open_store(db), query, limit=limit)
    if as_json:
        render.print_json(hits)
        return
    for hit in hits:
        render.console.print(
            f"{hit['doc_id'][:12]}  {hit['title'] or '(untitled)'}\n    {hit['snippet']}",
            markup=False,
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    for command in (incidents, show, document, search):
        app.command()(command)
