"""The ``sanctionwatch`` command: parse options, call a service, render. Nothing else.

Commands live one group per module in ``cli/commands/``; domain errors become CLI errors
only in ``cli/common.domain_errors``. ``--json`` output is the contract scripts rely on.
"""

from __future__ import annotations

import typer

from sanctionwatch.cli.commands import (
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
    browsing,
    extracting,
    running,
    screening,
    reporting,
    timeline,
    watching,
):
    _group.register(app)


def main() -> None:
    app()
