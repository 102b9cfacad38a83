"""The ``sanctionwatch`` command: parse options, call a service, render. Nothing else.

Domain errors become CLI errors here and only here: a message with its stable code on
stderr and exit status 1. ``--json`` output is the contract scripts rely on.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sanctionwatch import __version__
from sanctionwatch import store as st
from sanctionwatch.cli import render
from sanctionwatch.domain.errors import SanctionwatchError

app = typer.Typer(
    name="sanctionwatch",
    help="Monitor the UN 1718 sanctions regime on North Korea: ingest reporting, extract grounded claims, "
    "map them to resolution paragraphs and grade the evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL (default: $SANCTIONWATCH_DATABASE_URL, else SQLite in the data directory).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]


def _open(db: str | None) -> st.Store:
    return st.open_store(db)


def _fail(error: SanctionwatchError) -> None:
    render.err_console.print(
        f"[red]error {error.code}[/red]: {error.message}", markup=True, highlight=False
    )
    raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders: .txt, .md, .jsonl (corpus shape).")
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
    workers: Annotated[int, typer.Option(help="Processes for extraction.")] = 1,
    max_mb: Annotated[int, typer.Option("--max-mb", help="Per-file size cap in MB.")] = 50,
) -> None:
    """Ingest documents, extract claims, rebuild incidents. Bad input is quarantined, never fatal."""
    from sanctionwatch.services import ingest_sources

    try:
        store = _open(db)
        if as_json or not sys.stderr.isatty():
            summary = ingest_sources(store, paths, workers=workers, max_bytes=max_mb * 1024 * 1024)
        else:
            summary = _ingest_with_progress(
                store, paths, workers=workers, max_bytes=max_mb * 1024 * 1024
            )
    except SanctionwatchError as error:
        _fail(error)
        return
    if as_json:
        render.print_json(summary.to_dict())
        return
    counts = {k: v for k, v in summary.to_dict().items() if isinstance(v, int)}
    render.console.print(render.summary_table("ingest", counts))
    for failure in summary.failures:
        render.console.print(
            f"[yellow]quarantined[/yellow] {failure['code']} {failure['source']}: {failure['message']}",
            markup=True,
            highlight=False,
        )


def _ingest_with_progress(
    store: st.Store, paths: list[Path], *, workers: int, max_bytes: int
) -> Any:
    from sanctionwatch.services import ingest_sources

    counts = {"ingested": 0, "duplicate": 0, "quarantined": 0}
    columns = (
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=render.err_console, transient=False) as progress:
        task = progress.add_task("", total=None)

        def on_progress(event: str, ref: str) -> None:
            counts[event] += 1
            desc = f"new {counts['ingested']} · duplicate {counts['duplicate']} · quarantined {counts['quarantined']}"
            progress.update(task, advance=1, description=desc)

        return ingest_sources(
            store, paths, workers=workers, max_bytes=max_bytes, on_progress=on_progress
        )


@app.command()
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
    from sanctionwatch.services import list_incident_views

    try:
        views = list_incident_views(_open(db), type=type, since=since, until=until, limit=limit)
    except SanctionwatchError as error:
        _fail(error)
        return
    rows = [v.to_dict() for v in views]
    if as_json:
        render.print_json(rows)
    else:
        render.console.print(render.incidents_table(rows))


@app.command()
def show(
    incident_id: Annotated[str, typer.Argument(help="Incident id or a unique prefix.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One incident: every claim with its evidence sentence, source, provisions and grade."""
    from sanctionwatch.services import incident_view

    try:
        data = incident_view(_open(db), incident_id).to_dict()
    except SanctionwatchError as error:
        _fail(error)
        return
    if as_json:
        render.print_json(data)
    else:
        render.incident_panel(data)


@app.command()
def document(
    document_id: Annotated[str, typer.Argument(help="Document id (SHA-256) or a unique prefix.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One stored document with its claims."""
    from sanctionwatch.services import document_detail

    try:
        data = document_detail(_open(db), document_id)
    except SanctionwatchError as error:
        _fail(error)
        return
    if as_json:
        render.print_json(data)
        return
    render.console.print(
        f"[bold]{data.get('title') or '(untitled)'}[/bold]  {data.get('outlet') or ''} {data.get('published') or ''}",
        markup=True,
        highlight=False,
    )
    render.console.print(f"id {data['id']} · {len(data['claims'])} claims", highlight=False)
    for claim in data["claims"]:
        sources = ",".join(r["value"] for r in claim["source"]) or "—"
        targets = ",".join(r["value"] for r in claim["target"]) or "—"
        render.console.print(
            f"  {claim['type']} {sources}→{targets} [{claim['modality']}] “{claim['evidence']['text']}”",
            markup=False,
            highlight=False,
        )


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Full-text query.")],
    limit: Annotated[int, typer.Option(help="At most this many.")] = 20,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over stored documents."""
    from sanctionwatch.services import search as run_search

    try:
        hits = run_search(_open(db), query, limit=limit)
    except SanctionwatchError as error:
        _fail(error)
        return
    if as_json:
        render.print_json(hits)
        return
    for hit in hits:
        render.console.print(hit, markup=False, highlight=False)


@app.command()
def quarantine(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Inputs that failed, with their stable error codes."""
    try:
        entries = st.list_quarantine(_open(db))
    except SanctionwatchError as error:
        _fail(error)
        return
    rows = [
        {"source": e.source_ref, "code": e.code, "message": e.message, "raw_sha256": e.raw_sha256}
        for e in entries
    ]
    if as_json:
        render.print_json(rows)
        return
    for row in rows:
        render.console.print(
            f"{row['code']} {row['source']}: {row['message']}", markup=False, highlight=False
        )


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSONL (see shared/gold/README.md).")],
    predictions: Annotated[
        Path | None, typer.Option(help="Also write predicted claims here, in the gold format.")
    ] = None,
    detail: Annotated[bool, typer.Option(help="Include per-document errors.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Score extraction against annotated gold: P/R/F1, field accuracies, grounding, speed."""
    from rich.table import Table

    from sanctionwatch.evaluation import evaluate as run_eval
    from sanctionwatch.evaluation import format_report
    from sanctionwatch.extract import extract_claims

    try:
        report = run_eval(gold, extractor=extract_claims, predictions_path=predictions)
    except (ValueError, OSError) as error:
        render.err_console.print(f"error E302: cannot evaluate {gold}: {error}", markup=False)
        raise typer.Exit(1) from None
    if as_json:
        render.print_json(report.to_dict(detail=detail))
        return
    for table_data in format_report(report, detail=detail):
        table = Table(title=table_data.title)
        for column in table_data.columns:
            table.add_column(column)
        for row in table_data.rows:
            table.add_row(*[str(cell) for cell in row])
        render.console.print(table)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Interface to bind; loopback by default.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    db: DbOption = None,
) -> None:
    """Serve the JSON API (OpenAPI at /docs) on localhost."""
    import uvicorn

    from sanctionwatch.api import create_app

    uvicorn.run(create_app(database_url=db), host=host, port=port, log_level="info")


@app.command()
def demo(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Inputs (default: the bundled sample articles).")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Ingest sample articles end to end and show the incidents found."""
    from sanctionwatch.services import ingest_sources, list_incident_views, sample_data_dir

    inputs = list(paths) if paths else [sample_data_dir()]
    try:
        store = _open(db)
        summary = ingest_sources(store, inputs)
        rows = [v.to_dict() for v in list_incident_views(store)]
    except SanctionwatchError as error:
        _fail(error)
        return
    if as_json:
        render.print_json({"ingest": summary.to_dict(), "incidents": rows})
        return
    render.console.print(f"database: {store.url}", markup=False, highlight=False)
    counts = {k: v for k, v in summary.to_dict().items() if isinstance(v, int)}
    render.console.print(render.summary_table("ingest", counts))
    render.console.print(render.incidents_table(rows))
    render.console.print(
        "Next: [bold]sanctionwatch show ID[/bold] for the evidence of one incident, [bold]sanctionwatch serve[/bold] for the API."
    )


@app.command()
def version() -> None:
    """Print the version of sanctionwatch and of its extractor."""
    from sanctionwatch.extract import extractor_id

    render.console.print(
        f"sanctionwatch {__version__}\nextractor {extractor_id()}", markup=False, highlight=False
    )


def main() -> None:
    app()
