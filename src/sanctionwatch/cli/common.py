"""What every command shares: the --db and --json options, opening the store, and the
one place where domain errors become CLI errors (code and message on stderr, exit 1)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from sanctionwatch.cli import render

if TYPE_CHECKING:
    from sanctionwatch import store as st

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL (default: $SANCTIONWATCH_DATABASE_URL, else SQLite in the data directory).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]


def open_store(db: str | None) -> st.Store:
    # Imported here, as every command imports what it uses when it runs: the CLI starts
    # (--help, --version) without SQLAlchemy, spaCy or the services.
    from sanctionwatch import store as st

    return st.open_store(db)


@contextmanager
def domain_errors() -> Iterator[None]:
    """Turn a ``SanctionwatchError`` into a clean CLI failure; let bugs surface."""
    from sanctionwatch.domain.errors import SanctionwatchError

    try:
        yield
    except SanctionwatchError as error:
        render.err_console.print(
            f"[red]error {error.code}[/red]: {render.escape(error.message)}", highlight=False
        )
        raise typer.Exit(1) from None
