import re
from html import unescape
from typing import Any

import pytest
from fastapi.testclient import TestClient

SCRIPT_ARTICLE = "desk-004"


def _incident_with(client: TestClient, **params: str) -> dict[str, Any]:
    incidents: list[dict[str, Any]] = client.get("/incidents", params=params).json()
    assert incidents, params
    return max(incidents, key=lambda i: len(i["claims"]))


def _script_document(client: TestClient) -> dict[str, Any]:
    documents = client.get("/documents").json()
    return next(d for d in documents if d["external_id"] == SCRIPT_ARTICLE)


PAGES = [
    "/ui/",
    "/ui/timeline",
    "/ui/entities",
    "/ui/entities/KP",
    "/ui/entities/kim-yong-chol",
    "/ui/screen",
    "/ui/search?q=shells",
]


@pytest.mark.parametrize("path", PAGES, ids=PAGES)
def test_pages_render(desk_client: TestClient, path: str) -> None:
    response = desk_client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<nav>" in response.text and "</html>" in response.text


def test_pages_root_redirects_to_the_ui(desk_client: TestClient) -> None:
    response = desk_client.get("/", follow_redirects=False)
    assert response.status_code in {302, 307} and response.headers["location"] == "/ui/"


def test_pages_list_filters_and_counts(desk_client: TestClient) -> None:
    page = desk_client.get("/ui/", params={"type": "arms_transfer", "actor": "Russia"}).text
    assert 'data-facet="type"' in page and 'data-facet="grade"' in page
    rows = re.findall(r'<tr data-type="([a-z_]+)">', page)
    assert rows and set(rows) == {"arms_transfer"}
    assert 'class="on" data-facet="type">arms_transfer' in page


def test_pages_bad_filter_shows_the_reason(desk_client: TestClient) -> None:
    response = desk_client.get("/ui/", params={"grade": "Z9"})
    assert response.status_code == 422
    assert "E423" in response.text and "Admiralty" in response.text


def test_pages_incident_highlights_every_evidence_sentence(desk_client: TestClient) -> None:
    incident = _incident_with(desk_client, type="arms_transfer", actor="RU", q="shells")
    page = desk_client.get(f"/ui/incidents/{incident['id']}").text
    for claim in incident["claims"]:
        pieces = re.findall(
            rf'<mark class="[^"]*\bevidence\b[^"]*"[^>]*data-claim="[^"]*{claim["id"]}[^"]*">([^<]*)</mark>',
            page,
        )
        assert unescape("".join(pieces)).count(claim["evidence"]["text"]) >= 1, claim["id"]
    assert 'class="original"' in page and "https://example.org/desk/" in page
    for provision in incident["provisions"]:
        assert provision["provision_id"] in page
    for reason in incident["assessment"]["reasons"]:
        assert unescape(reason) in unescape(page)


def test_pages_contradicting_claims_are_shown(desk_client: TestClient) -> None:
    incidents = desk_client.get("/incidents", params={"type": "arms_transfer"}).json()
    contested = next(i for i in incidents if i["contradicting_claim_ids"])
    page = desk_client.get(f"/ui/incidents/{contested['id']}").text
    assert "Contradicting (" in page and 'class="card contradict"' in page


def test_pages_escape_source_text_everywhere(desk_client: TestClient) -> None:
    doc = _script_document(desk_client)
    incident = _incident_with(desk_client, q="rockets")
    pages = [
        desk_client.get(f"/ui/documents/{doc['id']}").text,
        desk_client.get(f"/ui/incidents/{incident['id']}").text,
        desk_client.get("/ui/search", params={"q": "rockets"}).text,
        desk_client.get(f"/incidents/{incident['id']}/casefile.html").text,
    ]
    for page in pages:
        assert "<script>window.__pwned" not in page
        assert "<img src=x" not in page and "<b>Bold</b>" not in page
        assert 'href="javascript:' not in page
    assert "&lt;script&gt;window.__" in pages[0] and "&lt;/script&gt;" in pages[0]
    assert "&lt;b&gt;Bold&lt;/b&gt; Gazette" in pages[0]


def test_pages_document_marks_all_claims(desk_client: TestClient) -> None:
    doc = desk_client.get("/documents/" + _script_document(desk_client)["id"]).json()
    page = desk_client.get(f"/ui/documents/{doc['id']}").text
    body = page.split('id="document-text">', 1)[1].split("</div>", 1)[0]
    assert unescape(re.sub(r"<[^>]+>", "", body)) == doc["text"], "the text comes back whole"
    for claim in doc["claims"]:
        assert f'data-claim="{claim["id"]}' in body or claim["id"] in body


def test_pages_screening_explains_results(desk_client: TestClient) -> None:
    page = desk_client.get("/ui/screen", params={"name": "김영철", "birth_date": "1962"}).text
    assert "TKi.001" in page and "name_match" in page and "dob_agree" in page
    bad = desk_client.get("/ui/screen", params={"name": "Kim\u0007Jong"})
    assert bad.status_code == 422 and "E503" in bad.text


def test_pages_screening_form_takes_kind_and_imo(desk_client: TestClient) -> None:
    page = desk_client.get(
        "/ui/screen", params={"name": "Munitions Industry Department", "schema": "Organization"}
    ).text
    assert "TKe.002" in page and '<option value="Organization" selected>' in page
    bad = desk_client.get(
        "/ui/screen", params={"name": "Chon Ma San", "schema": "Vessel", "imo": "12"}
    )
    assert bad.status_code == 422 and "E508" in bad.text


def test_pages_timeline_draws_both_charts(desk_client: TestClient) -> None:
    page = desk_client.get("/ui/timeline", params={"topic": "arms_transfer/KP/RU/shell"}).text
    assert page.count('class="bar"') >= 3
    assert page.count('class="point"') >= 2
    assert "South Korean defence ministry" in page


def test_pages_missing_incident_is_an_html_404(desk_client: TestClient) -> None:
    response = desk_client.get("/ui/incidents/inc_nope")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html") and "E404" in response.text


def test_pages_carry_a_script_nonce_policy(desk_client: TestClient) -> None:
    response = desk_client.get("/ui/")
    policy = response.headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy)
    assert nonce and f'<script nonce="{nonce.group(1)}">' in response.text
    assert "object-src 'none'" in policy and response.headers["X-Content-Type-Options"] == "nosniff"
