"""Case files as Markdown, HTML and PDF, from a ``services.reporting.CaseFile``.

HTML comes from a Jinja2 template with autoescaping on, so quoted source text is always
escaped; the PDF is that HTML laid out by WeasyPrint (which needs Pango from the system).
Markdown escapes what a Markdown renderer would otherwise read as HTML or formatting.
Ligatures are off in print so that text copied from the PDF matches the quoted sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from sanctionwatch import __version__
from sanctionwatch.services.reporting import CaseFile, Source

FORMATS = ("md", "html", "pdf")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Marks and overrides that reorder the text after them (U+202E makes "gnp.exe" of "exe.png")."""


def bdi(value: Any) -> Markup:
    """Source text (a title, an outlet, a name) as an HTML isolate: whatever bidirectional
    controls it holds cannot reorder the text around it. Escaped like any other value."""
    return Markup('<bdi dir="auto">{}</bdi>').format("" if value is None else value)


def isolate(value: Any) -> str:
    """The same for plain text (Markdown, a page title): wrapped in FIRST STRONG ISOLATE and
    POP DIRECTIONAL ISOLATE when it holds bidirectional controls."""
    text = "" if value is None else str(value)
    if not BIDI_CONTROLS.search(text):
        return text
    # Unclosed embeddings end at the isolate's end; the isolate itself is closed here.
    return "\u2068" + text + "\u2069"


def http_url(value: str | None) -> str | None:
    """The URL if it is http(s), else ``None``: a ``javascript:`` link must never be made."""
    if not value:
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in {"http", "https"} else None


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("sanctionwatch.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.filters.update(http_url=http_url, bdi=bdi, isolate=isolate, describe=describe)
    return env


def _is_flat(value: Any) -> bool:
    if isinstance(value, list | tuple):
        return all(not isinstance(v, dict | list | tuple) for v in value)
    return not isinstance(value, dict)


def _flat_text(value: Any) -> str:
    if value is None or value in ("", [], ()):
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    if isinstance(value, list | tuple):
        return ", ".join(_flat_text(v) for v in value)
    return isolate(value)  # each value its own isolate: one outlet cannot reorder the next


def _label(key: Any) -> str:
    return str(key).replace("_", " ").capitalize()


def describe(value: Any, depth: int = 0) -> list[tuple[int, str]]:
    """Structured assessment details as indented lines a reader can follow (``(depth,
    text)``): what a Panel annex prints instead of JSON. Every key and value is kept."""
    lines: list[tuple[int, str]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if _is_flat(item):
                lines.append((depth, f"{_label(key)}: {_flat_text(item)}"))
            else:
                lines.append((depth, f"{_label(key)}:"))
                lines += describe(item, depth + 1)
    elif isinstance(value, list | tuple) and not _is_flat(value):
        for item in value:
            if isinstance(item, dict):
                flat = [f"{_label(k)}: {_flat_text(v)}" for k, v in item.items() if _is_flat(v)]
                lines.append((depth, "; ".join(flat) or "—"))
                for key, nested in item.items():
                    if not _is_flat(nested):
                        lines.append((depth + 1, f"{_label(key)}:"))
                        lines += describe(nested, depth + 2)
            else:
                lines += describe(item, depth)
    else:
        lines.append((depth, _flat_text(value)))
    return lines


def render_casefile_html(case: CaseFile, *, nonce: str = "") -> str:
    """The case file page; ``nonce`` goes on its one inline style, for a page served under
    a Content-Security-Policy that allows only that style."""
    template = environment().get_template("casefile.html")
    return template.render(case=case, version=__version__, nonce=nonce)


def render_casefile_pdf(case: CaseFile) -> bytes:
    from weasyprint import HTML

    pdf: bytes = HTML(string=render_casefile_html(case)).write_pdf()
    return pdf


def md_escape(text: Any) -> str:
    """Source text made inert in Markdown: HTML characters as entities, markup escaped,
    bidirectional controls isolated."""
    value = isolate(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", value).replace("\n", " ")


def render_casefile_markdown(case: CaseFile) -> str:
    e = md_escape
    out = [
        f"# {e(case.title)}",
        "",
        f"Subject: {e(case.subject)} · generated {case.generated} by sanctionwatch {__version__}",
        "",
        "## I. Summary",
        "",
        e(case.summary),
        "",
        "## II. Findings",
    ]
    for f in case.findings:
        refs = "".join(f"\\[{n}\\]" for n in f.support)
        out += ["", f"### {f.number}. {e(f.heading)}", ""]
        meta = [f"Incident `{f.incident_id}`"]
        if f.period:
            meta.append(f"period {e(f.period)}")
        if f.grade:
            meta.append(f"grade **{e(f.grade)}**")
        out += [" · ".join(meta), "", f"{e(f.statement)} {refs}".strip(), ""]
        if f.quantities:
            out += [
                "| Reported quantity | As written | Reported by | Source |",
                "| --- | --- | --- | --- |",
            ]
            for q in f.quantities:
                who = e(", ".join(q["reported_by"]))
                value = e(q["value"] or "—") + (
                    " (contradicting)" if q["role"] == "contradict" else ""
                )
                out.append(f"| {value} | “{e(q['text'])}” | {who} | \\[{q['citation']}\\] |")
            out.append("")
        out.append("**Provisions.**" + ("" if f.provisions else " None engaged as reported."))
        for p in f.provisions:
            out.append(
                f"- {e(p.get('citation') or p['provision_id'])} ({e(p['provision_id'])}, {e(p.get('kind', ''))}"
                + (f", {e(p['modality'])}" if p.get("modality") else "")
                + f"): {e(p.get('summary') or '')}"
            )
            out += [f"  - {e(r)}" for r in p.get("reasons") or []]
            out += [f"  - Warning: {e(w)}" for w in p.get("warnings") or []]
        out += [
            "",
            "**Grade.** " + (f"{e(f.grade)} (Admiralty code)" if f.grade else "Not graded."),
        ]
        out += [f"- {e(r)}" for r in f.grade_reasons]
        contra = "".join(f"\\[{n}\\]" for n in f.contradict)
        out += ["", "**Contradicting evidence.** " + (contra or "None found in the sources read.")]
        simple = [
            f"{key.replace('_', ' ').capitalize()}: {value}" for key, value in f.simple_extra()
        ]
        if simple:
            out += ["", e(" · ".join(simple))]
    out += ["", "## III. Evidence", ""]
    for c in case.citations:
        who = f"; attributed to {e(', '.join(c.attributed_to))}" if c.attributed_to else ""
        lead = "Contradicting. " if c.role == "contradict" else ""
        out.append(
            f"{c.number}. “{e(c.quote)}” — {lead}{e(c.outlet or 'Unknown outlet')}, "
            f"{e(c.published or 'undated')}, source S{c.source}{who}; "
            f"modality: {e(c.modality)}; characters {c.start}–{c.end}."
            + (f" **{e(c.review[:1].upper() + c.review[1:])}.**" if c.review else "")
        )
    out += ["", "## IV. Sources", ""]
    for source in case.sources:
        out.append(f"S{source.number}. {source_line_markdown(source)}")
    annex = [(f.number, key, value) for f in case.findings for key, value in f.complex_extra()]
    if annex:
        out += ["", "## Annex A. Assessment details"]
        for number, key, value in annex:
            out += ["", f"### Finding {number}: {e(key.replace('_', ' '))}", ""]
            out += [f"{'  ' * depth}- {e(text)}" for depth, text in describe(value)]
    return "\n".join(out) + "\n"


def source_line_markdown(source: Source) -> str:
    """Outlet, “title”, date. URL (accessed day): one entry of the list of sources."""
    e = md_escape
    url = http_url(source.url)
    where = (
        "<" + url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E") + ">"
        if url
        else e(source.url or f"no URL; stored document {source.document_id[:16]}")
    )
    accessed = f"accessed {source.accessed}" if source.accessed else "access date not recorded"
    return (
        f"{e(source.outlet or 'Unknown outlet')}, “{e(source.title or 'untitled')}”, "
        f"{e(source.published or 'undated')}. {where} ({accessed})."
    )


def render_casefile(case: CaseFile, fmt: str) -> bytes:
    """The case file in ``md``, ``html`` or ``pdf``, as bytes ready to write."""
    if fmt == "md":
        return render_casefile_markdown(case).encode("utf-8")
    if fmt == "html":
        return render_casefile_html(case).encode("utf-8")
    if fmt == "pdf":
        return render_casefile_pdf(case)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
