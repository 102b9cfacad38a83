"""``sanctionwatch ingest`` and ``sanctionwatch quarantine``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sanctionwatch import store as st
from sanctionwatch.cli import render
from sanctionwatch.cli.common import DbOption, JsonOption, domain_errors, open_store
from sanctionwatch.services import IngestSummary, ingest_sources


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
    max_bytes = max_mb * 1024 * 1024
    with domain_errors():
        store = open_store(db)
        if as_json or not sys.stderr.isatty():
            summary = ingest_sources(store, paths, workers=workers, max_bytes=max_bytes)
        else:
            summary = _ingest_with_progress(store, paths, workers=workers, max_bytes=max_bytes)
    if as_json:
        render.print_json(summary.to_dict())
        return
    counts = {k: v for k, v in summary.to_dict().items() if isinstance(v, int)}
    render.console.print(render.summary_table("ingest", counts))
    for failure in summary.failures:
        render.console.print(
            f"quarantined {failure['code']} {failure['source']}: {failure['message']}",
            markup=False,
            highlight=False,
        )


def _ingest_with_progress(
    store: st.Store, paths: list[Path], *, workers: int, max_bytes: int
) -> IngestSummary:
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


def quarantine(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Inputs that failed, with their stable error codes."""
    with domain_errors():
        entries = st.list_quarantine(open_store(db))
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


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(quarantine)
