from sanctionwatch import extract_claims
from sanctionwatch.reports import render_review_html

TEXT = (
    "North Korea shipped 20,000 artillery shells to Russia in March 2024, officials said.\n\n"
    "<script>alert('x')</script> Russia denied buying weapons from North Korea."
)


def test_review_marks_every_span_kind_of_a_claim() -> None:
    claims = extract_claims(TEXT, published="2024-05")
    page = render_review_html(TEXT, claims, title="Test <page>")
    assert page.startswith("<!doctype html>")
    for kind in ("trigger", "source", "target", "quantity", "time", "attribution"):
        assert f'<mark class="{kind}"' in page, kind
    assert "20,000–20,000 shell" in page
    assert "Test &lt;page&gt;" in page


def test_review_escapes_document_text() -> None:
    page = render_review_html(TEXT, extract_claims(TEXT), title="t")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_review_without_claims_still_shows_the_text() -> None:
    page = render_review_html("Nothing happened.", [], title="t")
    assert "No claims." in page and "Nothing happened." in page
