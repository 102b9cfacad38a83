"""Documents people read: review pages now; case files in a later issue."""

from sanctionwatch.reports.review import render_review_html

__all__ = ["render_review_html"]
