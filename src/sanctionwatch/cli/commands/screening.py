"""Screening and lists: ``screen``, ``lists update``, ``lists show``, ``export``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import TaskID
from rich.table import Table

from sanctionwatch.cli import render
from sanctionwatch.cli.common import DbOption, JsonOption, domain_errors, open_store

# resolve.matcher.DEFAULT_THRESHOLD, repeated so the CLI starts without the matcher (a
# test keeps the two equal).
DEFAULT_THRESHOLD = 0.7

lists_app = typer.Typer(help="Sanctions lists used for screening.", no_args_is_help=True)


def screen(
    name: Annotated[str | None, typer.Argument(help="A name in any script.")] = None,
    birth_date: Annotated[
        str | None, typer.Option("--birth-date", help="YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Nationality: code or name (kp, Russia).")
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            help="CSV with a 'name' column; schema, birth_date, country, imo, identifier optional.",
        ),
    ] = None,
    schema: Annotated[
        str, typer.Option(help="Person, Organization, Company, LegalEntity or Vessel.")
    ] = "Person",
    imo: Annotated[str | None, typer.Option("--imo", help="A vessel's 7-digit IMO number.")] = None,
    threshold: Annotated[
        float, typer.Option(help="Score at or above which a match is reported.")
    ] = DEFAULT_THRESHOLD,
    limit: Annotated[int, typer.Option(help="At most this many results per name.")] = 5,
    as_json: JsonOption = False,
) -> None:
    """Screen a name (or a CSV of names) against the loaded sanctions lists, any script."""
    from sanctionwatch.domain.errors import InputError
    from sanctionwatch.services import screening

    if (name is None) == (file is None):
        render.err_console.print("error E508: give a NAME or --file names.csv, not both")
        raise typer.Exit(2)
    with domain_errors():
        if file is not None:
            try:
                text = file.read_text("utf-8-sig")
            except (OSError, UnicodeDecodeError) as error:
                raise InputError(f"cannot read {file}: {error}", code="E507") from None
            report = screening.screen_csv(text, threshold=threshold, limit=limit).to_dict()
            _print_batch(report, as_json=as_json)
            if report["errors"]:
                raise typer.Exit(3)
            return
        assert name is not None
        query = screening.make_query(
            name, schema=schema, birth_date=birth_date, country=country, imo=imo
        )
        results = screening.screen(query, threshold=threshold, limit=limit)
    rows = [screening.result_to_dict(r) for r in results]
    if as_json:
        render.print_json({"query": name, "threshold": threshold, "results": rows})
        return
    render.console.print(_results_table(name, rows))
    for row in rows[:1]:
        for feature, value in row["features"].items():
            render.console.print(
                f"  {feature}: {value['score']:.2f} x {value['weight']} — {value['detail']}",
                markup=False,
                highlight=False,
            )


def _results_table(title: str, rows: list[dict[str, Any]]) -> Table:
    table = Table(title=f"screening: {title}")
    for column in ("score", "confidence", "listings", "name", "via"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            f"{row['score']:.2f}",
            row["confidence"],
            ", ".join(f"{d['list']} {d['reference']}" for d in row["designations"]),
            row["caption"],
            f"{row['name']['candidate']} ({row['name']['method']})",
        )
    return table


def _print_batch(report: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        render.print_json(report)
        return
    for row in report["rows"]:
        top = row["results"][0] if row["results"] else None
        verdict = f"{top['score']:.2f} {top['confidence']} {top['caption']}" if top else "no result"
        render.console.print(f"row {row['row']}: {row['name']} → {verdict}", markup=False)
    for error in report["errors"]:
        render.err_console.print(
            f"row {error['row']}: error {error['code']}: {error['message']}", markup=False
        )
    render.console.print(
        f"screened {report['screened']}, matched {report['matched']}, errors {len(report['errors'])}"
    )


@lists_app.command("update")
def lists_update(
    source: Annotated[str, typer.Argument(help="A list file or an http(s) URL.")],
    name: Annotated[str | None, typer.Option(help="List name (default: from the file).")] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow URLs on private or loopback addresses.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Load a UN consolidated list XML or FollowTheMoney JSON lines; replace it atomically
    and build the screening index for the new set of lists (progress on stderr)."""
    from sanctionwatch.services import screening

    with domain_errors(), _progress() as progress:
        record = screening.update_list(
            source, name=name, allow_private=allow_private, progress=progress
        )
    if as_json:
        render.print_json(record.to_dict())
        return
    render.console.print(
        f"loaded {record.name} version {record.version} ({record.entries} entries) from {record.source}",
        markup=False,
        highlight=False,
    )


@contextmanager
def _progress() -> Iterator[Callable[[str, int, int], None]]:
    """Progress of a list update on stderr: reading, parsing, indexing the entries."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=render.err_console,
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total or None)
            bar.update(tasks[stage], completed=done, total=total or None)

        yield report


@lists_app.command("show")
def lists_show(as_json: JsonOption = False) -> None:
    """The loaded lists: name, version, list date, source, load time."""
    from sanctionwatch.services import screening

    with domain_errors():
        records = [r.to_dict() for r in screening.list_records()]
    if as_json:
        render.print_json(records)
        return
    table = Table(title="sanctions lists")
    for column in ("name", "version", "list_date", "entries", "source", "loaded_at"):
        table.add_column(column)
    for record in records:
        table.add_row(
            *[
                str(record[c])
                for c in ("name", "version", "list_date", "entries", "source", "loaded_at")
            ]
        )
    render.console.print(table)


def export(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            help="ftm: FollowTheMoney JSON lines; gold: corrected claims in the gold format.",
        ),
    ] = "ftm",
    db: DbOption = None,
) -> None:
    """Export entities and incidents as FollowTheMoney JSON lines, or corrected claims as gold."""
    from sanctionwatch.services.corrections import export_gold
    from sanctionwatch.services.export import export_ftm

    writers = {"ftm": (export_ftm, "entities"), "gold": (export_gold, "claims")}
    if format not in writers:
        render.err_console.print(f"error E509: unknown export format {format!r} (ftm, gold)")
        raise typer.Exit(2)
    write, noun = writers[format]
    with domain_errors():
        store = open_store(db)
        if output is None:
            count = write(store, sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as handle:
                count = write(store, handle)
    render.err_console.print(f"exported {count} {noun}", markup=False)


def register(app: typer.Typer) -> None:
    app.command()(screen)
    app.command()(export)
    app.add_typer(lists_app, name="lists")
