"""``sanctionwatch extract``: read one file and show what the extractor found, without storing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sanctionwatch.cli import render
from sanctionwatch.cli.common import JsonOption, domain_errors


def extract(
    path: Annotated[
        Path, typer.Argument(help="A text file (any encoding) or a one-record JSONL file.")
    ],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY, YYYY-MM, YYYY-MM-DD) for relative times."),
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html", help="Write a self-contained review page with every span highlighted."
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Extract claims from one document and print them (or write a review page)."""
    from sanctionwatch.domain.codec import claim_to_dict
    from sanctionwatch.extract import extract_claims
    from sanctionwatch.ingest import Failed, ingest_paths
    from sanctionwatch.reports import render_review_html

    with domain_errors():
        results = list(ingest_paths([path]))
    documents = [r for r in results if not isinstance(r, Failed)]
    if not documents:
        failure = next((r for r in results if isinstance(r, Failed)), None)
        detail = f"{failure.code}: {failure.message}" if failure else "no document in the input"
        render.err_console.print(f"error {detail}", markup=False)
        raise typer.Exit(1)
    doc = documents[0].document
    claims = extract_claims(doc.text, published=published or doc.published, document_id=doc.id)
    if html is not None:
        html.write_text(
            render_review_html(doc.text, claims, title=doc.title or path.name), encoding="utf-8"
        )
    if as_json:
        render.print_json(
            {
                "document_id": doc.id,
                "published": published or doc.published,
                "claims": [claim_to_dict(c) for c in claims],
            }
        )
        return
    for claim in claims:
        who = ", ".join(a.name for a in claim.attributions) or "—"
        render.console.print(
            f"{claim.type.value} {','.join(claim.source_codes) or '—'}→{','.join(claim.target_codes) or '—'} "
            f"[{claim.modality.value}] per {who}: “{claim.evidence.text}”",
            markup=False,
            highlight=False,
        )
    if html is not None:
        render.err_console.print(f"review page written to {html}", markup=False)


def register(app: typer.Typer) -> None:
    app.command()(extract)
