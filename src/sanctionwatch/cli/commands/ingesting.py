"""``sanctionwatch ingest`` and ``sanctionwatch quarantine``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from sanctionwatch.cli import render
from sanctionwatch.cli.common import DbOption, JsonOption, domain_errors, open_store

if TYPE_CHECKING:
    from sanctionwatch.services import IngestSummary

_MB = 1024 * 1024

AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Let URLs reach private, loopback and link-local addresses (off: SSRF guard).",
    ),
]
WorkersOption = Annotated[int, typer.Option(help="Processes for extraction.")]
MaxMbOption = Annotated[
    int, typer.Option("--max-mb", help="Cap per document (file read, text kept) in MB.")
]
MaxArchiveMbOption = Annotated[
    int,
    typer.Option(
        "--max-archive-mb", help="Cap per archive (zip, gzip, WARC) and its contents, MB."
    ),
]
ExtractOption = Annotated[
    bool, typer.Option("--extract/--no-extract", help="Extract claims and rebuild incidents.")
]


def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders or http(s) URLs: .txt .md .jsonl .html .pdf .xml/.rss/.atom "
            ".warc .zip .gz (folders and archives of these)."
        ),
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
    workers: WorkersOption = 1,
    max_mb: MaxMbOption = 50,
    max_archive_mb: MaxArchiveMbOption = 1024,
    allow_private: AllowPrivateOption = False,
    follow_links: Annotated[
        bool, typer.Option("--follow-links", help="Feeds: fetch and ingest each item's page.")
    ] = False,
    extract: ExtractOption = True,
) -> None:
    """Ingest documents, extract claims, rebuild incidents. Bad input is quarantined, never fatal."""
    from sanctionwatch.ingest import IngestOptions
    from sanctionwatch.services import ingest_sources

    options = IngestOptions(
        max_bytes=max_mb * _MB,
        max_archive_bytes=max_archive_mb * _MB,
        follow_links=follow_links,
        allow_private=allow_private,
    )
    with domain_errors():
        store = open_store(db)
        with _progress(enabled=not as_json and sys.stderr.isatty()) as on_progress:
            summary = ingest_sources(
                store,
                sources,
                workers=workers,
                options=options,
                extract=extract,
                on_progress=on_progress,
            )
    if as_json:
        render.print_json(summary.to_dict())
        return
    _print_summary("ingest", summary)


def quarantine(
    db: DbOption = None,
    as_json: JsonOption = False,
    retry: Annotated[
        bool, typer.Option("--retry", help="Re-run the open entries (re-parse, re-read, re-fetch).")
    ] = False,
    code: Annotated[
        str | None, typer.Option(help="Only entries with this code (e.g. E218).")
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also list entries a retry has since resolved.")
    ] = False,
    allow_private: AllowPrivateOption = False,
    workers: WorkersOption = 1,
    max_mb: MaxMbOption = 50,
) -> None:
    """Inputs that failed, with their stable error codes; ``--retry`` runs them again."""
    from sanctionwatch import store as st
    from sanctionwatch.ingest import IngestOptions
    from sanctionwatch.services import retry_quarantine

    with domain_errors():
        store = open_store(db)
        if retry:
            options = IngestOptions(max_bytes=max_mb * _MB, allow_private=allow_private)
            result = retry_quarantine(store, code=code, options=options, workers=workers)
            if as_json:
                render.print_json(result.to_dict())
                return
            counts = {k: v for k, v in result.to_dict().items() if isinstance(v, int)}
            render.console.print(render.summary_table("quarantine retry", counts))
            _print_summary("retry ingest", result.ingest)
            return
        entries = st.list_quarantine(store, code=code, include_resolved=show_all)
    rows = [
        {
            "source": e.source_ref,
            "code": e.code,
            "message": e.message,
            "raw_sha256": e.raw_sha256,
            "attempts": e.attempts,
            "resolved": e.resolved_at is not None,
        }
        for e in entries
    ]
    if as_json:
        render.print_json(rows)
        return
    for row in rows:
        mark = " (resolved)" if row["resolved"] else ""
        render.console.print(
            f"{row['code']} {row['source']}: {row['message']}{mark}", markup=False, highlight=False
        )


def _print_summary(title: str, summary: IngestSummary) -> None:
    counts: dict[str, object] = {k: v for k, v in summary.to_dict().items() if isinstance(v, int)}
    if summary.languages:
        counts["languages"] = ", ".join(f"{k} {v}" for k, v in sorted(summary.languages.items()))
    render.console.print(render.summary_table(title, counts))
    for failure in summary.failures:
        render.console.print(
            f"quarantined {failure['code']} {failure['source']}: {failure['message']}",
            markup=False,
            highlight=False,
        )


@contextmanager
def _progress(*, enabled: bool) -> Iterator[Callable[[str, str], None] | None]:
    """A live line of counts (new, duplicate, quarantined) while inputs are read."""
    if not enabled:
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    counts = {"ingested": 0, "duplicate": 0, "quarantined": 0}
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold]"),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=render.err_console, transient=False) as progress:
        task = progress.add_task("", total=None)

        def on_progress(event: str, ref: str) -> None:
            counts[event] = counts.get(event, 0) + 1
            desc = (
                f"new {counts['ingested']} · duplicate {counts['duplicate']} · "
                f"quarantined {counts['quarantined']}"
            )
            progress.update(task, advance=1, description=desc)

        yield on_progress


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(quarantine)
