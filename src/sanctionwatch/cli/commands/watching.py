"""Watching: ``watch``, ``sources``, ``watchlists add|list|remove``, ``alerts``, ``new``."""

from __future__ import annotations

import logging
from typing import Annotated, Any

import typer
from rich.table import Table

from sanctionwatch.cli import render
from sanctionwatch.cli.common import DbOption, JsonOption, domain_errors, open_store

watchlists_app = typer.Typer(
    help="Saved queries over incidents, and names to screen.", no_args_is_help=True
)

SourcesOption = Annotated[str, typer.Option("--sources", help="The sources file (YAML).")]


def watch(
    sources: SourcesOption,
    once: Annotated[bool, typer.Option("--once", help="Poll every source once and exit.")] = False,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds per request.")] = 20.0,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Poll the sources on their schedules, ingest what is new, alert the watchlists."""
    from sanctionwatch.watch import Watcher, WatchSettings, load_sources

    with domain_errors():
        config = load_sources(sources)
        store = open_store(db)
        watcher = Watcher(store, config, settings=WatchSettings(timeout=timeout))
        if once:
            summary = watcher.run_once()
            if as_json:
                render.print_json(summary.to_dict())
                return
            for poll in summary.polls:
                error = f" {poll.error_code} {poll.error}" if poll.error_code else ""
                render.console.print(
                    f"{poll.name}: {poll.status}, {poll.new_documents} new document(s){render.escape(error)}",
                    highlight=False,
                )
            render.console.print(f"{len(summary.alerts)} alert(s), {summary.delivered} delivered")
            return
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
        render.err_console.print(f"watching {len(config.sources)} source(s); Ctrl-C stops")
        watcher.run()


def sources(
    sources_file: Annotated[
        str | None, typer.Option("--sources", help="Also list sources never polled.")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Each source's health: last success, last error with its code, items seen."""
    from sanctionwatch.watch import load_sources, source_health

    with domain_errors():
        config = load_sources(sources_file) if sources_file else None
        rows = source_health(open_store(db), config)
    if as_json:
        render.print_json(rows)
        return
    table = Table(title=f"{len(rows)} sources", box=None, header_style="bold underline")
    for column in ("name", "status", "last success", "last error", "items", "next poll"):
        table.add_column(column)
    for row in rows:
        error = (
            f"{row.get('last_error_code')} {row.get('last_error')}"
            if row.get("last_error_code")
            else ""
        )
        table.add_row(
            str(row["name"]),
            str(row.get("last_status", "")),
            str(row.get("last_success_at") or "never"),
            render.escape(error),
            str(row.get("items_seen", 0)),
            str(row.get("next_poll_at") or ""),
        )
    render.console.print(table)


@watchlists_app.command("add")
def watchlists_add(
    name: str,
    actor: Annotated[
        list[str] | None, typer.Option(help="State on either side (repeat: all must be).")
    ] = None,
    type: Annotated[
        list[str] | None, typer.Option("--type", help="Claim type (repeat: any).")
    ] = None,
    provision: Annotated[
        list[str] | None, typer.Option(help="Provision id or part (repeat: any).")
    ] = None,
    min_grade: Annotated[
        str | None, typer.Option(help="At least this Admiralty grade, e.g. B2.")
    ] = None,
    q: Annotated[
        str | None, typer.Option("--q", help="Words that must all occur in the evidence.")
    ] = None,
    screen_name: Annotated[
        list[str] | None,
        typer.Option("--name", help="A person, company or vessel to screen for in new documents."),
    ] = None,
    webhook: Annotated[str | None, typer.Option(help="POST each alert here, signed.")] = None,
    secret: Annotated[
        str | None, typer.Option(help="The webhook's HMAC secret (default: generated).")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite a watchlist of that name.")
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Save a watchlist; alerts follow for every new or changed incident it matches."""
    from sanctionwatch.watch import add_watchlist, make_watchlist

    with domain_errors():
        watchlist = make_watchlist(
            name,
            actors=actor or [],
            types=type or [],
            provisions=provision or [],
            min_grade=min_grade,
            text=q,
            names=screen_name or [],
            webhook=webhook,
            secret=secret,
        )
        add_watchlist(open_store(db), watchlist, replace=replace)
    data = watchlist.to_dict(with_secret=True)
    if as_json:
        render.print_json(data)
    else:
        render.console.print(f"watchlist {name} saved", highlight=False)
        if watchlist.webhook:
            render.console.print(f"webhook secret: {watchlist.secret}", highlight=False)


@watchlists_app.command("list")
def watchlists_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Saved watchlists."""
    from sanctionwatch.watch import list_watchlists

    with domain_errors():
        rows = [w.to_dict() for w in list_watchlists(open_store(db))]
    if as_json:
        render.print_json(rows)
        return
    for row in rows:
        conditions = ", ".join(
            f"{k}={v}" for k, v in row.items() if v and k not in ("name", "created_at")
        )
        render.console.print(f"{row['name']}: {render.escape(conditions)}", highlight=False)


@watchlists_app.command("remove")
def watchlists_remove(name: str, db: DbOption = None) -> None:
    """Delete a watchlist (its alerts stay)."""
    from sanctionwatch.watch import remove_watchlist

    with domain_errors():
        remove_watchlist(open_store(db), name)
    render.console.print(f"watchlist {name} removed", highlight=False)


def alerts(
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD or an ISO time.")] = None,
    watchlist: Annotated[str | None, typer.Option(help="Only this watchlist's alerts.")] = None,
    dead: Annotated[bool, typer.Option("--dead", help="Webhook deliveries that gave up.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Recorded alerts, newest first: what changed and why it matched."""
    from sanctionwatch.watch import list_alerts
    from sanctionwatch.watch.desk import parse_since
    from sanctionwatch.watch.webhooks import dead_letters

    with domain_errors():
        store = open_store(db)
        rows: list[dict[str, Any]] = (
            dead_letters(store)
            if dead
            else list_alerts(
                store, since=parse_since(since) if since else None, watchlist=watchlist
            )
        )
    if as_json:
        render.print_json(rows)
        return
    for row in rows:
        if dead:
            render.console.print(
                f"{row['alert_id'][:12]} {row['url']}: {row['last_error']}", highlight=False
            )
            continue
        changes = "; ".join(c["detail"] for c in row.get("changes", ()))
        render.console.print(
            f"{row['created_at']} [{row['watchlist']}] {render.escape(str(row['title']))}: "
            f"{render.escape(changes)} (matched {render.escape('; '.join(row.get('reasons', ())))})",
            highlight=False,
        )


def new(
    since: Annotated[str | None, typer.Option(help="Default: your last `new`.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Incidents new or changed since a date, or since you last ran `new`."""
    from sanctionwatch.watch.desk import last_visit, new_since, parse_since

    with domain_errors():
        store = open_store(db)
        visited = last_visit(store, "cli")
        start = parse_since(since) if since else visited
        rows = new_since(store, start) if start is not None else []
    if as_json:
        render.print_json(rows)
        return
    if start is None:
        render.console.print("first visit: from now on `new` lists what changed since the last one")
        return
    for row in rows:
        render.console.print(
            f"{row['marker']:<7} {row['id'][:16]} {render.escape(str(row.get('title') or ''))}",
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    app.add_typer(watchlists_app, name="watchlists")
    for command in (watch, sources, alerts, new):
        app.command()(command)
