"""Outlet credits, bylines and datelines read from a document's own text (a document that
lost its outlet field). Texts are written for these tests."""

from __future__ import annotations

import pytest

from sanctionwatch.assess import DocumentInfo, describe_document, load_outlet_registry
from sanctionwatch.assess.credits import read_credits
from sanctionwatch.domain import Document

BODY = "\nNorth Korea sent shells to Russia.\nMore followed in May.\nSeoul protested.\n"


@pytest.mark.parametrize(
    ("text", "title", "credit", "where"),
    [
        pytest.param("SEOUL, May 3 (Reuters) - North Korea sent shells." + BODY, None,
                     "Reuters", "the dateline's credit", id="reuters-dateline"),
        pytest.param("SEOUL, South Korea (AP) — North Korea sent shells." + BODY, None,
                     "AP", "the dateline's credit", id="ap-dateline"),
        pytest.param("Pyongyang, June 5 (KCNA) -- The leader met envoys." + BODY, None,
                     "KCNA", "the dateline's credit", id="kcna-dateline"),
        pytest.param("(Yonhap) -- North Korea sent shells." + BODY, None,
                     "Yonhap", "the dateline's credit", id="credit-without-place"),
        pytest.param("Shells for Russia\nBy Jane Roe | Reuters" + BODY, None,
                     "Reuters", "the byline", id="byline-with-outlet"),
        pytest.param("Shells for Russia" + BODY + "Copyright 2024 The Associated Press. All rights reserved.",
                     None, "The Associated Press", "the copyright line", id="copyright"),
        pytest.param("North Korea sent shells." + BODY, "Shells for Russia | The Korea Herald",
                     "The Korea Herald", "the title", id="title-suffix"),
    ],
)  # fmt: skip
def test_credits_read_the_outlet_the_text_names(
    text: str, title: str | None, credit: str, where: str
) -> None:
    found = read_credits(text, title=title)
    assert (found.credits[0].name, found.credits[0].where) == (credit, where)


def test_credits_a_source_cited_in_the_body_is_not_the_publisher() -> None:
    text = "Shells\nThe alliance deepened.\nIt began in 2023.\nEnvoys met.\nThey talked.\n"
    text += "Nothing was signed.\nNorth Korea sent shells to Russia (KCNA) - a claim.\n"
    assert read_credits(text).credits == ()


def test_credits_a_photo_credit_is_not_the_publisher() -> None:
    assert read_credits("(Photo: Getty) — A ship at port." + BODY).credits == ()


def test_credits_columnist_named_above_with_affiliation_below() -> None:
    text = "HAN Mi Rae" + BODY + "Professor of Political Science, Hanbit University"
    byline = read_credits(text, title="HAN Mi Rae").byline
    assert byline is not None
    assert (byline.author, byline.role) == (
        "HAN Mi Rae",
        "Professor of Political Science, Hanbit University",
    )


def test_credits_a_name_line_without_an_affiliation_is_no_byline() -> None:
    # A headline of capitalised words looks like a name; only an affiliation confirms it.
    assert read_credits("Shells For Russia" + BODY).byline is None


def test_credits_author_note_at_the_end() -> None:
    text = "Shells" + BODY + "Jane Roe is a senior fellow at the Hanbit Institute."
    byline = read_credits(text).byline
    assert byline is not None and byline.author == "Jane Roe"
    assert byline.role == "a senior fellow at the Hanbit Institute"


def test_credits_a_bare_dateline_gives_a_place_only() -> None:
    found = read_credits("Shells for Russia\nSEOUL" + BODY, title="Shells for Russia")
    assert found.credits == () and found.dateline == "SEOUL"


@pytest.mark.parametrize(
    ("doc", "name", "matched_by"),
    [
        pytest.param(
            Document(id="d", text="SEOUL, May 3 (AP) — Shells." + BODY),
            "Associated Press",
            "the dateline's credit names 'AP' (no outlet field)",
            id="credit",
        ),
        pytest.param(
            Document(id="d", text="Shells." + BODY, url="https://www.kcna.kp/en/article/1"),
            "KCNA",
            "web domain of https://www.kcna.kp/en/article/1",
            id="url-host",
        ),
        pytest.param(
            Document(id="d", text="Shells." + BODY, meta={"canonical_url": "https://apnews.com/x"}),
            "Associated Press",
            "web domain of https://apnews.com/x",
            id="canonical-url",
        ),
        pytest.param(
            Document(id="d", text="(Reuters) - Shells." + BODY, outlet="Reuters"),
            "Reuters",
            "outlet name 'Reuters'",
            id="outlet-field-first",
        ),
    ],
)
def test_credits_publisher_of_a_document_without_an_outlet_field(
    doc: Document, name: str, matched_by: str
) -> None:
    profile = load_outlet_registry().classify(describe_document(doc))
    assert (profile.name, profile.matched_by) == (name, matched_by)


def test_credits_unknown_credit_is_named_in_the_reason() -> None:
    doc = describe_document(Document(id="d", text="MOSCOW, May 3 (Vestnik) - Shells." + BODY))
    profile = load_outlet_registry().classify(doc)
    assert profile.kind == "unknown"
    assert "the dateline's credit names 'Vestnik', which is not in the outlet registry" in (
        profile.matched_by
    )


def test_credits_document_info_without_text_is_unchanged() -> None:
    profile = load_outlet_registry().classify(DocumentInfo(id="d"))
    assert profile.kind == "unknown"
    assert "the text names no outlet" in profile.matched_by
