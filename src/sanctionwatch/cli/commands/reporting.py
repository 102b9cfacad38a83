"""Case files: ``report INCIDENT_ID | --query ... --format md|html|pdf``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sanctionwatch.cli import render
from sanctionwatch.cli.common import DbOption, domain_errors, open_store


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


def report(
    incident_id: Annotated[
        str | None, typer.Argument(help="Incident id or a unique prefix; or use --query/filters.")
    ] = None,
    query: Annotated[
        str | None,
        typer.Option("--query", "-q", help="Words every evidence sentence set must contain."),
    ] = None,
    type: Annotated[
        str | None, typer.Option("--type", help="Claim type, e.g. arms_transfer.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="State code or name, e.g. KP or Russia.")
    ] = None,
    provision: Annotated[str | None, typer.Option(help="Provision id or part, e.g. 2397.")] = None,
    grade: Annotated[
        str | None, typer.Option(help="Admiralty code B2, letter B or digit 2.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="md, html or pdf.")
    ] = ReportFormat.md,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File to write (default: stdout; casefile-ID.pdf for PDF)."
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write a case file (UN Panel of Experts style) with numbered citations to the sources."""
    from sanctionwatch.reports import render_casefile
    from sanctionwatch.services.browsing import parse_filter
    from sanctionwatch.services.reporting import case_file_for_incident, case_file_for_query

    if query is not None and query.startswith("-"):
        # "--query --type X" makes "--type" the words and X the incident id: say so.
        render.err_console.print(
            f"error E423: --query takes the words to search for, got the option {query!r}; "
            "for a case file on a selection, give the filters alone "
            "(report --type arms_transfer --actor KP)",
            markup=False,
        )
        raise typer.Exit(2)
    filters = {"type": type, "actor": actor, "provision": provision, "grade": grade}
    filters |= {"since": since, "until": until, "text": query}
    given = any(v is not None for v in filters.values())
    if (incident_id is None) == (not given):
        render.err_console.print(
            "error E423: give an INCIDENT_ID or --query/filters, not both and not neither",
            markup=False,
        )
        raise typer.Exit(2)
    with domain_errors():
        store = open_store(db)
        if incident_id is not None:
            case = case_file_for_incident(store, incident_id)
        else:
            case = case_file_for_query(store, parse_filter(**filters))
        body = render_casefile(case, fmt.value)
    if output is None and fmt is ReportFormat.pdf:
        name = case.findings[0].incident_id if len(case.findings) == 1 else "query"
        output = Path(f"casefile-{name}.pdf")
    if output is None:
        typer.echo(body.decode("utf-8"), nl=False)
        return
    output.write_bytes(body)
    render.err_console.print(
        f"wrote {output} ({len(case.findings)} findings, {len(case.citations)} citations)",
        markup=False,
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    app.command()(report)
