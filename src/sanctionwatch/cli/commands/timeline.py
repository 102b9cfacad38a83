"""``sanctionwatch timeline``: incidents in time order, each with the precision of its date."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from sanctionwatch.cli import render
from sanctionwatch.cli.common import DbOption, JsonOption, domain_errors, open_store


def timeline(
    type: Annotated[
        str | None, typer.Option("--type", help="Claim type, e.g. arms_transfer.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="ISO country code on either side, e.g. KP or RU.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Incidents oldest first, with the precision of each date (year, month, day, range)."""
    with domain_errors():
        try:
            from sanctionwatch.services.timeline import build_timeline

            data = build_timeline(
                open_store(db), type=type, actor=actor, since=since, until=until
            ).to_dict()
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None
    if as_json:
        render.print_json(data)
    else:
        render.console.print(_table(data))


def _table(data: dict[str, Any]) -> Table:
    entries = data["entries"]
    table = Table(
        title=f"{len(entries)} dated incidents",
        box=None,
        pad_edge=False,
        padding=(0, 1, 0, 0),
        header_style="bold underline",
    )
    table.add_column("date", no_wrap=True)
    table.add_column("precision", no_wrap=True)
    table.add_column("incident", min_width=20)
    table.add_column("grade", no_wrap=True)
    table.add_column("likelihood", no_wrap=True)
    table.add_column("id", no_wrap=True, min_width=12)
    for entry in entries:
        start, end = entry["time_start"], entry["time_end"]
        date = start or f"…{end}"
        if entry["precision"] == "range" and start:
            date = f"{start}…{end}"
        actors = f"{','.join(entry['source']) or '—'}→{','.join(entry['target']) or '—'}"
        title = entry.get("title") or f"{entry['type']} {actors}"
        if entry.get("parent_id"):
            title = f"↳ {title}"
        table.add_row(
            render.escape(date),
            entry["precision"],
            render.escape(title),
            entry["grade"] or "—",
            render.escape(entry["likelihood"] or "—"),
            entry["id"][:12],
        )
    if data["undated"]:
        table.caption = f"{data['undated']} undated incidents not placed on the timeline"
    return table


def register(app: typer.Typer) -> None:
    app.command()(timeline)
