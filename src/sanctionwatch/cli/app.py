"""The ``sanctionwatch`` command: parse options, call a service, render. Nothing else.

Commands live one group per module in ``cli/commands/``; domain errors become CLI errors
only in ``cli/common.domain_errors``. ``--json`` output is the contract scripts rely on.

Command modules import what they use inside the command, so building this app (for
``--help`` or ``--version``) loads Typer and Rich, not spaCy, SQLAlchemy or the services;
``tests/cli/test_startup.py`` keeps it that way.
"""

from __future__ import annotations

from typing import Annotated

import typer

from sanctionwatch import __version__
from sanctionwatch.cli.commands import (
    backfilling,
    browsing,
    extracting,
    ingesting,
    reporting,
    running,
    screening,
    timeline,
    watching,
)

app = typer.Typer(
    name="sanctionwatch",
    help="Monitor the UN 1718 sanctions regime on North Korea: ingest reporting, extract grounded "
    "claims, map them to resolution paragraphs and grade the evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _group in (
    ingesting,
    backfilling,
    browsing,
    extracting,
    running,
    screening,
    reporting,
    timeline,
    watching,
):
    _group.register(app)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"sanctionwatch {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit (``sanctionwatch version`` adds the extractor's).",
        ),
    ] = False,
) -> None:
    """Monitor the UN 1718 sanctions regime on North Korea."""


def main() -> None:
    app()
