"""Documents people read: the extraction review page and case files (Markdown, HTML, PDF)."""

from sanctionwatch.reports.casefile import (
    render_casefile,
    render_casefile_html,
    render_casefile_markdown,
    render_casefile_pdf,
)
from sanctionwatch.reports.review import render_review_html

__all__ = [
    "render_casefile",
    "render_casefile_html",
    "render_casefile_markdown",
    "render_casefile_pdf",
    "render_review_html",
]
