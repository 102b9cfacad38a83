"""Sitemaps (sitemaps.org): the page URLs a ``<urlset>`` lists, newest ``lastmod`` first.

A sitemap index (``<sitemapindex>``) is not followed here: list its child sitemaps as
sources of their own. Parsed with defusedxml (no entity expansion).
"""

from __future__ import annotations

from defusedxml import ElementTree as SafeET

from sanctionwatch.domain.errors import MALFORMED_FEED, InputError

_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_urls(data: bytes) -> list[str]:
    """The http(s) ``<loc>`` URLs of a sitemap; E213 when it is not one."""
    try:
        root = SafeET.fromstring(data)
    except Exception as exc:  # defusedxml raises ParseError and its own refusals
        raise InputError(f"malformed sitemap: {exc}", code=MALFORMED_FEED) from exc
    if root.tag not in (f"{_NS}urlset", "urlset"):
        raise InputError(f"not a sitemap urlset: <{root.tag}>", code=MALFORMED_FEED)
    found: list[tuple[str, str]] = []
    for entry in root:
        loc = entry.findtext(f"{_NS}loc") or entry.findtext("loc") or ""
        lastmod = entry.findtext(f"{_NS}lastmod") or entry.findtext("lastmod") or ""
        loc = loc.strip()
        if loc.startswith(("http://", "https://")):
            found.append((lastmod.strip(), loc))
    return [loc for _, loc in sorted(found, key=lambda item: item[0], reverse=True)]
