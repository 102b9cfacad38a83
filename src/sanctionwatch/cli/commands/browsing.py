"""Reading what is stored: ``incidents``, ``show``, ``document``, ``search``."""

from __future__ import annotations

from typing import Annotated

import typer

from sanctionwatch.cli import render
from sanctionwatch.cli.common import DbOption, JsonOption, domain_errors, open_store

ALL = 10**9
"""No limit: every matching incident."""

incidents_app = typer.Typer(
    help="List incidents (the default view: those touching the DPRK or the 1718 regime); "
    "``incidents rebuild`` re-clusters every claim.",
    no_args_is_help=False,
)

RelevanceOption = Annotated[
    str,
    typer.Option(
        "--relevance",
        help="regime (default: touches the DPRK or the 1718 regime), other, or all.",
    ),
]


@incidents_app.callback(invoke_without_command=True)
def incidents(
    ctx: typer.Context,
    type: Annotated[
        str | None, typer.Option("--type", help="Claim type, e.g. arms_transfer.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="State code or name on either side, e.g. KP or Russia.")
    ] = None,
    provision: Annotated[str | None, typer.Option(help="Provision id or part, e.g. 2397.")] = None,
    grade: Annotated[
        str | None, typer.Option(help="Admiralty code B2, letter B or digit 2.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    query: Annotated[
        str | None,
        typer.Option("--query", "-q", help="Words that must all occur in the evidence."),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many.")] = None,
    relevance: RelevanceOption = "regime",
    episodes: Annotated[
        bool, typer.Option("--episodes", help="Also list the episodes inside campaigns.")
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List incidents with title, actors, time, quantity, grade and provisions (the web
    list's filters)."""
    if ctx.invoked_subcommand is not None:
        return
    with domain_errors():
        from sanctionwatch.services.browsing import find_incidents, parse_filter

        flt = parse_filter(
            type=type,
            actor=actor,
            provision=provision,
            grade=grade,
            since=since,
            until=until,
            text=query,
            relevance=relevance,
        )
        store = open_store(db)
        rows = find_incidents(store, flt, limit=limit or ALL, offset=0).incidents
    if not episodes:
        rows = [r for r in rows if not r.get("parent_id")]
    if as_json:
        render.print_json(rows)
    else:
        render.console.print(render.incidents_table(rows))


@incidents_app.command("rebuild")
def rebuild(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Re-cluster every claim into incidents (after a new clusterer); ids stay stable."""
    with domain_errors():
        from sanctionwatch.services import rebuild_incidents

        count = rebuild_incidents(open_store(db))
    if as_json:
        render.print_json({"incidents": count})
    else:
        render.console.print(f"{count} incidents rebuilt")


def show(
    incident_id: Annotated[str, typer.Argument(help="Incident id or a unique prefix.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One incident: every claim with its evidence sentence, source, provisions and grade."""
    from sanctionwatch.services import IncidentMoved, incident_view

    with domain_errors():
        store = open_store(db)
        try:
            data = incident_view(store, incident_id).to_dict()
        except IncidentMoved as moved:
            render.err_console.print(
                f"incident {moved.old_id} was merged into {moved.new_id}; showing that",
                highlight=False,
            )
            data = incident_view(store, moved.new_id).to_dict()
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
        from sanctionwatch.services import document_detail

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
        from sanctionwatch.services import search as run_search

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
    app.add_typer(incidents_app, name="incidents")
    for command in (show, document, search):
        app.command()(command)
