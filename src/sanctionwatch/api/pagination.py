"""Offset pagination: list bodies stay plain arrays; the total and the next page go in headers.

``X-Total-Count`` carries the number of matches and ``Link`` the ``next``/``prev`` pages
(RFC 8288), so existing clients that read the array keep working.
"""

from __future__ import annotations

from fastapi import Request, Response


def add_page_headers(
    request: Request, response: Response, *, total: int, limit: int, offset: int
) -> None:
    response.headers.update(page_headers(request, total=total, limit=limit, offset=offset))


def page_headers(request: Request, *, total: int, limit: int, offset: int) -> dict[str, str]:
    headers = {"X-Total-Count": str(total)}
    links = []
    if offset + limit < total:
        url = request.url.include_query_params(offset=offset + limit, limit=limit)
        links.append(f'<{url}>; rel="next"')
    if offset > 0:
        url = request.url.include_query_params(offset=max(0, offset - limit), limit=limit)
        links.append(f'<{url}>; rel="prev"')
    if links:
        headers["Link"] = ", ".join(links)
    return headers
