"""``sanctionwatch backfill``: ingest a large archive with extraction spread over an engine."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from sanctionwatch.cli import render
from sanctionwatch.cli.common import DbOption, JsonOption, domain_errors, open_store


class Engine(StrEnum):
    LOCAL = "local"
    DASK = "dask"


def backfill(
    sources: Annotated[
        list[str], typer.Argument(help="Files or folders, as for ``ingest`` (JSONL, HTML, ...).")
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
    engine: Annotated[
        Engine, typer.Option(help="local: in this process; dask: a Dask cluster.")
    ] = Engine.LOCAL,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786); none starts a LocalCluster."),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes of the LocalCluster.")] = 2,
    partition_size: Annotated[
        int, typer.Option(min=1, help="Documents per partition (one task each).")
    ] = 64,
) -> None:
    """Ingest, then extract on partitions (resumable: rerun after a kill), update incidents."""
    from sanctionwatch.pipeline.partitions import LocalPartitionExecutor
    from sanctionwatch.services.backfilling import backfill as run_backfill

    def report(done: int, total: int) -> None:
        if not as_json:
            render.err_console.print(f"partition {done}/{total} written", highlight=False)

    with domain_errors():
        store = open_store(db)
        if engine is Engine.DASK:
            from sanctionwatch.pipeline.dask_executor import DaskExecutor

            with DaskExecutor(scheduler=scheduler, workers=workers) as executor:
                summary = run_backfill(
                    store,
                    sources,
                    executor=executor,
                    partition_size=partition_size,
                    on_partition=report,
                )
        else:
            summary = run_backfill(
                store,
                sources,
                executor=LocalPartitionExecutor(),
                partition_size=partition_size,
                on_partition=report,
            )
    if as_json:
        render.print_json(summary.to_dict())
        return
    render.console.print(render.summary_table("backfill", summary.to_dict()))


def register(app: typer.Typer) -> None:
    app.command()(backfill)
