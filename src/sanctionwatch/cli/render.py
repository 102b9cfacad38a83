"""Rich rendering for humans; scripts use ``--json`` and never see this."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.markup import escape

__all__ = ["escape"]
from rich.panel import Panel
from rich.table import Table

console = Console(stderr=False)
err_console = Console(stderr=True)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n")


def _actors(codes: list[str] | tuple[str, ...]) -> str:
    return ",".join(codes) or "—"


def _time(start: str | None, end: str | None) -> str:
    if not start:
        return "—"
    return start if not end or end == start else f"{start}…{end}"


def _number(value: float | None) -> str:
    return f"{value:,.0f}" if value is not None else "…"


def _short_number(value: float | None) -> str:
    if value is None:
        return "…"
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            return f"{value / limit:.3g}{suffix}"
    return f"{value:.0f}"


def _short_quantity(low: float | None, high: float | None, unit: str | None) -> str:
    if low is None and high is None:
        return "—"
    value = _short_number(low) if low == high else f"{_short_number(low)}–{_short_number(high)}"
    return f"{value} {unit or ''}".strip()


def _quantity(low: float | None, high: float | None, unit: str | None) -> str:
    if low is None and high is None:
        return "—"
    value = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
    return f"{value} {unit or ''}".strip()


def incidents_table(rows: list[dict[str, Any]]) -> Table:
    # No box and one space between columns: the table must fit an 80-column terminal.
    table = Table(
        title=f"{len(rows)} incidents",
        box=None,
        pad_edge=False,
        padding=(0, 1, 0, 0),
        header_style="bold underline",
    )
    table.add_column("id", no_wrap=True, min_width=12)
    table.add_column("incident", min_width=24)
    table.add_column("quantity", min_width=10)
    table.add_column("grade", no_wrap=True, min_width=5)
    table.add_column("claims", justify="right", no_wrap=True, min_width=6)
    table.add_column("law", justify="right", no_wrap=True)
    for row in rows:
        support = sum(1 for c in row["claims"] if c["role"] == "support")
        contra = len(row["claims"]) - support
        claims = f"{support}" + (f"-{contra}" if contra else "")
        if "origin_count" in row:
            claims += f" ({row['origin_count']})"
        violations = sum(1 for p in row["provisions"] if p["kind"] == "violation")
        provisions = f"{violations}" + (
            f"+{len(row['provisions']) - violations}i"
            if len(row["provisions"]) > violations
            else ""
        )
        grade = row["assessment"]["code"] if row.get("assessment") else "—"
        estimate = row.get("estimate")
        quantity = _short_quantity(
            row.get("quantity_low"), row.get("quantity_high"), row.get("quantity_unit")
        )
        if estimate and row.get("quantity_low") != row.get("quantity_high"):
            quantity = f"≥{_short_number(estimate['value'])} {estimate.get('unit') or ''}".strip()
        table.add_row(
            row["id"][:12],
            escape(
                row.get("title")
                or f"{row['type']} {_actors(row['source'])}→{_actors(row['target'])}"
            ),
            escape(quantity),
            grade,
            claims,
            provisions,
        )
    table.caption = (
        "claims: supporting-contradicting (independent origins) · quantity: ≥ conservative "
        "estimate where sources differ · law: provisions breached+indicators"
    )
    return table


def incident_panel(data: dict[str, Any]) -> None:
    def _origins_section(origins: list[dict[str, Any]]) -> None:
        if not origins:
            return
        console.print("[bold]Origins and conduits[/bold]")
        for origin in origins:
            role = "" if origin["role"] == "support" else "[red]against[/red] "
            stated = "states it" if origin["stated_as_fact"] else "hedged"
            conduits = ", ".join(
                f"{c.get('outlet') or c['document_id'][:12]} ({c.get('published') or 'n.d.'})"
                for c in origin["conduits"]
            )
            console.print(
                f"  {role}{escape(origin['label'])} [{origin['reliability']}, {origin['kind']}, "
                f"{stated}] via {escape(conduits)}",
                highlight=False,
            )

    def _figures_section(figures: list[dict[str, Any]], estimate: dict[str, Any] | None) -> None:
        if not figures:
            return
        console.print("[bold]Figures reported[/bold]")
        for figure in figures:
            value = _quantity(figure["low"], figure["high"], figure["unit"])
            hedge = "" if figure["stated_as_fact"] else ", hedged"
            console.print(
                f"  {escape(value)} “{escape(figure['text'])}” — {escape('; '.join(figure['reported_by']))}{hedge}",
                highlight=False,
            )
        if estimate:
            console.print(f"  conservative estimate: {escape(estimate['basis'])}", highlight=False)

    def _evidence_line(i: int, claim: dict[str, Any]) -> None:
        doc = claim["document"]
        label = doc.get("title") or doc.get("outlet") or doc["id"][:12]
        role = "[red]contradicts[/red]" if claim["role"] != "support" else "supports"
        who = ", ".join(a["name"] for a in claim["attributed_to"]) or "the writer"
        weak = " · actors by coreference" if claim.get("weak_actors") else ""
        console.print(
            f" [{i}] {role} · {claim['modality']} · per {escape(who)} · {escape(str(label))} ({doc.get('published') or 'n.d.'}){weak}"
        )
        console.print(f"     “{escape(claim['evidence']['text'])}”")

    time = data.get("time_label") or _time(data.get("time_start"), data.get("time_end"))
    head = (
        f"[bold]{data['type']}[/bold]  {_actors(data['source'])} → {_actors(data['target'])}   "
        f"time {escape(time)}   "
        f"quantity {_quantity(data.get('quantity_low'), data.get('quantity_high'), data.get('quantity_unit'))}"
    )
    if data.get("item"):
        head += f"\nitem {escape(data['item'])}"
    if data.get("title"):
        head = f"[bold]{escape(data['title'])}[/bold]\n{head}"
    if data.get("relevance"):
        head += f"\nrelevance {data['relevance']}: {escape(data.get('relevance_reason') or '')}"
    if data.get("parent_id"):
        head += f"\nepisode of campaign {data['parent_id']}"
    console.print(Panel(head, title=f"incident {data['id']}", expand=False))
    if data.get("summary"):
        console.print(escape(data["summary"]), highlight=False)
    if data.get("assessment"):
        a = data["assessment"]
        console.print(
            f"[bold]Grade {a['code']}[/bold] (Admiralty: reliability {a['reliability']}, credibility {a['credibility']})"
        )
        for reason in a["reasons"]:
            console.print(f"  • {escape(reason)}")
        if a.get("likelihood_reason"):
            console.print(f"[bold]Likelihood[/bold] {escape(a['likelihood_reason'])}")
    _origins_section(data.get("origins", []))
    _figures_section(data.get("figures", []), data.get("estimate"))
    if data.get("contradictions"):
        console.print("[bold]Contradictions[/bold]")
        for item in data["contradictions"]:
            console.print(f"  [red]{item['kind']}[/red]: {escape(item['reason'])}")
    console.print("[bold]Provisions[/bold]")
    for p in data["provisions"]:
        console.print(
            f"  {escape(p['provision_id'])} [{p['kind']}, {p['status']}] {escape(p.get('citation') or '')}"
        )
        for reason in p["reasons"]:
            console.print(f"    – {escape(reason)}")
        for warning in p.get("warnings", []):
            console.print(f"    [yellow]! {escape(warning)}[/yellow]")
    # Support and contradiction side by side in one numbered list, contradictions marked.
    for heading, wanted in (("Supporting evidence", True), ("Contradicting evidence", False)):
        numbered = [
            (i, claim)
            for i, claim in enumerate(data["claims"], 1)
            if (claim["role"] == "support") is wanted
        ]
        if numbered:
            console.print(f"[bold]{heading}[/bold]")
        for i, claim in numbered:
            _evidence_line(i, claim)


def summary_table(title: str, counts: dict[str, Any]) -> Table:
    table = Table(title=title)
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in counts.items():
        table.add_row(key, str(value))
    return table


def document_panel(data: dict[str, Any]) -> None:
    title = data.get("title") or "(untitled)"
    console.print(
        f"{title}  {data.get('outlet') or ''} {data.get('published') or ''}",
        markup=False,
        highlight=False,
    )
    console.print(f"id {data['id']} · {len(data['claims'])} claims", highlight=False)
    for claim in data["claims"]:
        sources = ",".join(r["value"] for r in claim["source"]) or "—"
        targets = ",".join(r["value"] for r in claim["target"]) or "—"
        console.print(
            f"  {claim['type']} {sources}→{targets} [{claim['modality']}] “{claim['evidence']['text']}”",
            markup=False,
            highlight=False,
        )
