"""The pages the issue found missing or endless: /ui/documents, the favicon, offline API
docs, and paging on entity and document pages."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from sanctionwatch.web.pages import paged


def test_paging_documents_page_lists_documents(desk_client: TestClient) -> None:
    response = desk_client.get("/ui/documents")
    assert response.status_code == 200
    documents = desk_client.get("/documents").json()
    assert all(f"/ui/documents/{d['id']}" in response.text for d in documents)
    assert 'href="/ui/documents" class="on"' in response.text


def test_paging_favicon_is_served(desk_client: TestClient) -> None:
    response = desk_client.get("/favicon.ico")
    assert response.status_code == 200 and response.content.startswith(b"<svg")


def test_paging_api_docs_load_nothing_from_another_host(desk_client: TestClient) -> None:
    page = desk_client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith("/") for a in assets), assets
    for asset in assets:
        assert desk_client.get(asset).status_code == 200, asset
    assert "cdn" not in page.text.lower()


@pytest.mark.parametrize(
    ("total", "offset", "shown", "previous", "following"),
    [
        (0, 0, 0, None, None),
        (120, 0, 50, None, 50),
        (120, 100, 20, 50, None),
        (120, 500, 1, 69, None),
    ],
    ids=["empty", "first", "last", "past-the-end"],
)
def test_paging_pages_of_a_list(
    total: int, offset: int, shown: int, previous: int | None, following: int | None
) -> None:
    page = paged(list(range(total)), offset)
    assert (len(page["items"]), page["previous"], page["next"]) == (shown, previous, following)
    assert page["total"] == total


def test_paging_entity_page_shows_one_page_of_incidents(desk_client: TestClient) -> None:
    first = desk_client.get("/ui/entities/KP").text
    rows = first.split('<table id="entity-incidents">')[1].split("</table>")[0].count("<tr>") - 1
    assert 0 < rows <= 50
    second = desk_client.get("/ui/entities/KP", params={"offset": 1}).text
    assert second != first or rows == 1


def test_paging_document_page_claims_are_numbered_across_pages(desk_client: TestClient) -> None:
    document = desk_client.get("/documents").json()[0]
    page = desk_client.get(f"/ui/documents/{document['id']}", params={"offset": 1}).text
    claims = desk_client.get("/claims", params={"document_id": document["id"]}).json()
    if len(claims) > 1:
        assert "<td>2</td>" in page


@pytest.mark.parametrize(
    ("params", "status", "text"),
    [
        ({"since": "2023", "until": "2024"}, 200, "Showing 2023-01-01 to 2024-12-31"),
        ({"since": "2024-13"}, 422, "month 13"),
        ({}, 200, "Showing "),
    ],
    ids=["range", "impossible-date", "default-focus"],
)
def test_paging_timeline_page_takes_a_date_range(
    desk_client: TestClient, params: dict[str, str], status: int, text: str
) -> None:
    response = desk_client.get("/ui/timeline", params=params)
    assert response.status_code == status
    assert text in response.text
