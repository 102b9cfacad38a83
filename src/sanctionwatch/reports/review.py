"""A self-contained HTML page for checking the machine's reading of one document.

Each claim is shown with its evidence sentence and, inside it, every span the extractor
grounded: trigger, source, target, item, quantity, time, modality cue and attribution,
each tagged with the rule that produced it. The full text follows with every evidence
sentence highlighted and linked to its claim. All document text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from sanctionwatch.domain import Claim, Span

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f23}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
.claim{border:1px solid #d0d7de;border-radius:6px;padding:.6rem .8rem;margin:.8rem 0}
.meta{color:#57606a;font-size:.85rem}.rules{font-family:monospace;font-size:.75rem;color:#6e7781}
mark{padding:0 .1rem;border-radius:3px}
.trigger{background:#ffd8b5;font-weight:600}.source{background:#b6e3ff}.target{background:#ccffd8}
.item{background:#fff8c5}.quantity{background:#fbefff;text-decoration:underline}
.time{background:#ddf4ff;text-decoration:underline dotted}.cue{background:#ffebe9}
.attribution{background:#eaeef2;font-style:italic}
.text{white-space:pre-wrap;border-top:1px solid #d0d7de;padding-top:1rem}
.text a.evidence{background:#fff3b0;color:inherit;text-decoration:none}
.legend mark{margin-right:.4rem}
"""


def _labelled_spans(claim: Claim) -> list[tuple[Span, str, str]]:
    spans: list[tuple[Span, str, str]] = [
        (claim.trigger, "trigger", claim.rules[0] if claim.rules else "")
    ]
    spans += [(r.span, "source", f"{r.value} · {r.rule}") for r in claim.sources]
    spans += [(r.span, "target", f"{r.value} · {r.rule}") for r in claim.targets]
    if claim.item and claim.item.span != claim.trigger:
        spans.append((claim.item.span, "item", claim.item.rule))
    if claim.quantity:
        q = claim.quantity
        spans.append(
            (q.span, "quantity", f"{_number(q.low)}–{_number(q.high)} {q.unit or ''} · {q.rule}")
        )
    if claim.time:
        spans.append(
            (
                claim.time.span,
                "time",
                f"{claim.time.start}…{claim.time.end or ''} · {claim.time.rule}",
            )
        )
    if claim.modality_cue:
        spans.append((claim.modality_cue, "cue", claim.modality.value))
    spans += [(a.span, "attribution", a.rule) for a in claim.attributions]
    return spans


def _highlight(text: str, region: Span, spans: Sequence[tuple[Span, str, str]]) -> str:
    """Escape ``region`` of ``text`` with the spans inside it marked (outermost first)."""
    inside = [
        s
        for s in spans
        if region.start <= s[0].start and s[0].end <= region.end and s[0].end > s[0].start
    ]
    events: list[tuple[int, int, str]] = []
    # Keep spans that do not cross an earlier one: nested marks must be well formed.
    kept: list[tuple[Span, str, str]] = []
    for span, kind, title in sorted(inside, key=lambda s: (s[0].start, -s[0].end)):
        if all(
            span.end <= k[0].start
            or span.start >= k[0].end
            or (k[0].start <= span.start and span.end <= k[0].end)
            for k in kept
        ):
            kept.append((span, kind, title))
            events.append(
                (span.start, 1, f'<mark class="{kind}" title="{escape(kind)}: {escape(title)}">')
            )
            events.append((span.end, 0, "</mark>"))
    out: list[str] = []
    cursor = region.start
    for position, _, tag in sorted(events, key=lambda e: (e[0], e[1])):
        out.append(escape(text[cursor:position]))
        out.append(tag)
        cursor = position
    out.append(escape(text[cursor : region.end]))
    return "".join(out)


def _number(value: float | None) -> str:
    return "…" if value is None else f"{value:,.0f}" if value == int(value) else f"{value:,}"


def _claim_block(text: str, index: int, claim: Claim) -> str:
    who = ", ".join(a.name for a in claim.attributions) or "the writer"
    quantity = ""
    if claim.quantity:
        q = claim.quantity
        quantity = f" · quantity {_number(q.low)}–{_number(q.high)} {escape(q.unit or '')}"
    time = f" · time {escape(claim.time.start or '')}" if claim.time else ""
    return (
        f'<div class="claim" id="claim-{index}"><div><strong>{index}. {escape(claim.type.value)}</strong> '
        f"{escape(','.join(claim.source_codes) or '—')} → {escape(','.join(claim.target_codes) or '—')} "
        f"· {escape(claim.modality.value)} · per {escape(who)}{quantity}{time}</div>"
        f"<p>{_highlight(text, claim.evidence, _labelled_spans(claim))}</p>"
        f'<div class="rules">{escape(" · ".join(claim.rules))}<br>{escape(claim.extractor)}</div></div>'
    )


def _full_text(text: str, claims: Sequence[Claim]) -> str:
    out: list[str] = []
    cursor = 0
    numbered = sorted(enumerate(claims, 1), key=lambda pair: pair[1].evidence.start)
    for index, claim in numbered:
        ev = claim.evidence
        if ev.start < cursor:
            continue
        out.append(escape(text[cursor : ev.start]))
        out.append(
            f'<a class="evidence" href="#claim-{index}" title="claim {index}">{escape(text[ev.start : ev.end])}</a>'
        )
        cursor = ev.end
    out.append(escape(text[cursor:]))
    return "".join(out)


def render_review_html(
    text: str, claims: Sequence[Claim], *, title: str = "Extraction review"
) -> str:
    legend = "".join(
        f'<mark class="{k}">{k}</mark>'
        for k in ("trigger", "source", "target", "item", "quantity", "time", "cue", "attribution")
    )
    body = "".join(_claim_block(text, i, c) for i, c in enumerate(claims, 1)) or "<p>No claims.</p>"
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f'<h1>{escape(title)}</h1><p class="meta">{len(claims)} claims. Hover a mark for the rule that produced it.</p>'
        f'<p class="legend">{legend}</p><h2>Claims</h2>{body}'
        f'<h2>Text</h2><div class="text">{_full_text(text, claims)}</div></body></html>'
    )
