"""Whole jobs: ``demo``, ``eval``, ``serve``, ``version``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from sanctionwatch.cli import render
from sanctionwatch.cli.common import DbOption, JsonOption, domain_errors, open_store


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
    with domain_errors():
        store = open_store(db)
        summary = ingest_sources(store, inputs)
        rows = [v.to_dict() for v in list_incident_views(store)]
    if as_json:
        render.print_json({"ingest": summary.to_dict(), "incidents": rows})
        return
    render.console.print(f"database: {store.url}", markup=False, highlight=False)
    counts = {k: v for k, v in summary.to_dict().items() if isinstance(v, int)}
    render.console.print(render.summary_table("ingest", counts))
    render.console.print(render.incidents_table(rows))
    render.console.print(
        "Next: [bold]sanctionwatch show ID[/bold] for the evidence of one incident, "
        "[bold]sanctionwatch serve[/bold] for the API."
    )


def evaluate(
    gold: Annotated[
        list[Path],
        typer.Option("--gold", help="Gold JSONL (see shared/gold/README.md); repeatable."),
    ],
    cv: Annotated[
        int | None,
        typer.Option(
            "--cv",
            help="Cross-validate by document over all --gold files: retrain the decision on "
            "k-1 folds, score the k-th; print each fold, the mean and the worst.",
        ),
    ] = None,
    cv_seed: Annotated[
        str,
        typer.Option(
            "--cv-seed",
            help="Deal the documents into other folds (any text): the spread of the figures "
            "over a few seeds is the folds' noise, the yardstick for a change.",
        ),
    ] = "",
    predictions: Annotated[
        Path | None, typer.Option(help="Also write predicted claims here, in the gold format.")
    ] = None,
    detail: Annotated[bool, typer.Option(help="Include per-document errors.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Score extraction against annotated gold: P/R/F1, field accuracies, grounding, speed."""
    from sanctionwatch.evaluation import evaluate as run_eval
    from sanctionwatch.evaluation import format_report
    from sanctionwatch.extract import extract_claims

    if cv is not None:
        _cross_validate(gold, k=cv, seed=cv_seed, as_json=as_json)
        return
    if predictions is not None and len(gold) > 1:
        render.err_console.print("error E309: --predictions takes one --gold file", markup=False)
        raise typer.Exit(2)
    for path in gold:
        try:
            report = run_eval(path, extractor=extract_claims, predictions_path=predictions)
        except (ValueError, OSError) as error:
            render.err_console.print(f"error E306: cannot evaluate {path}: {error}", markup=False)
            raise typer.Exit(1) from None
        if as_json:
            render.print_json(report.to_dict(detail=detail))
            continue
        for table_data in format_report(report, detail=detail):
            table = Table(title=table_data.title)
            for column in table_data.columns:
                table.add_column(column)
            for row in table_data.rows:
                table.add_row(*[str(cell) for cell in row])
            render.console.print(table)


def _cross_validate(gold: list[Path], *, k: int, seed: str, as_json: bool) -> None:
    from sanctionwatch.extract.train import cross_validate_gold

    try:
        result = cross_validate_gold(
            gold,
            k=k,
            seed=seed,
            progress=lambda line: render.err_console.print(line, markup=False),
        )
    except (ValueError, OSError) as error:
        render.err_console.print(f"error E306: cannot cross-validate: {error}", markup=False)
        raise typer.Exit(1) from None
    if as_json:
        render.print_json(result.to_dict())
        return

    def cell(value: float | None) -> str:
        return "—" if value is None else f"{value:.3f}"

    folds = Table(title=f"{k}-fold cross-validation by document: claim detection per fold")
    for column in ("fold", "documents", "tp", "fp", "fn", "precision", "recall", "F1"):
        folds.add_column(column)
    for fold in result.folds:
        d = fold.scores.detection
        folds.add_row(
            str(fold.fold + 1), str(fold.documents), str(d.tp), str(d.fp), str(d.fn),
            cell(d.precision), cell(d.recall), cell(d.f1),
        )  # fmt: skip
    render.console.print(folds)
    summary = Table(title="Mean and worst fold (pooled: every held-out prediction at once)")
    for column in ("measure", "mean", "worst fold", "pooled"):
        summary.add_column(column)
    for name, values in result.summary().items():
        summary.add_row(name, cell(values["mean"]), cell(values["worst"]), cell(values["pooled"]))
    render.console.print(summary)
    files = Table(title="Held-out scores by gold file")
    for column in ("gold", "tp", "fp", "fn", "precision", "recall", "F1"):
        files.add_column(column)
    for path, scores in result.by_file.items():
        d = scores.detection
        files.add_row(
            path, str(d.tp), str(d.fp), str(d.fn), cell(d.precision), cell(d.recall), cell(d.f1)
        )
    render.console.print(files)


def serve(
    host: Annotated[
        str, typer.Option(help="Interface to bind; loopback by default.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    api_key: Annotated[
        list[str] | None,
        typer.Option(
            "--api-key",
            help="A key that may write (repeatable); default: $SANCTIONWATCH_API_KEYS (comma-separated).",
        ),
    ] = None,
    read_requires_key: Annotated[
        bool | None,
        typer.Option(
            "--read-requires-key/--open-reads",
            help="Key the read endpoints and web UI too; default: $SANCTIONWATCH_READ_REQUIRES_KEY.",
        ),
    ] = None,
    cache_mb: Annotated[
        int,
        typer.Option(
            "--cache-mb",
            min=0,
            help="Memory for list pages kept until the database changes (0: off).",
        ),
    ] = 64,
    db: DbOption = None,
) -> None:
    """Serve the JSON API (OpenAPI at /docs) and the web UI (/ui) on localhost.

    Bound off loopback (``--host 0.0.0.0``), reads from other machines need a key unless
    ``--open-reads`` is given."""
    import uvicorn

    from sanctionwatch.api import create_app
    from sanctionwatch.api.security import KeyConfig, plan_exposure

    keys = KeyConfig.build(api_key or None, read_requires_key).keys
    remote, warnings = plan_exposure(host, keys=keys, read_requires_key=read_requires_key)
    for warning in warnings:
        render.err_console.print(f"warning: {warning}", markup=False, highlight=False)
    app = create_app(
        database_url=db,
        api_keys=api_key or None,
        read_requires_key=read_requires_key,
        remote_reads_require_key=remote,
        cache_bytes=cache_mb * 2**20,
    )
    render.err_console.print(
        f"web UI: http://{host}:{port}/ui/  API docs: http://{host}:{port}/docs",
        markup=False,
        highlight=False,
    )
    uvicorn.run(app, host=host, port=port, log_level="info")


def version() -> None:
    """Print the version of sanctionwatch and of its extractor."""
    from sanctionwatch.cli.versioninfo import version_lines

    render.console.print("\n".join(version_lines()), markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(demo)
    app.command(name="eval")(evaluate)
    app.command()(serve)
    app.command()(version)
