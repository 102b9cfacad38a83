from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from sanctionwatch.domain import Document
from sanctionwatch.store import Store, save_document, search_documents
from sanctionwatch.store.search import fts_match_expression

MakeDoc = Callable[..., Document]

AWKWARD = [
    '"foo',
    "AND OR (",
    "NEAR(",
    "shells)",
    "*",
    "-",
    "col:shells",
    "^shells",
    "'; DROP TABLE documents; --",
    '""',
    "shells AND",
    "\\",
    "%_",
    "",
    "   ",
]


@pytest.fixture
def both_backends(store: Store) -> list[Store]:
    """The store with its full-text index (FTS5 or tsvector) and the same database read
    through the LIKE fallback."""
    return [store, dataclasses.replace(store, has_fts=False, has_tsvector=False)]


@pytest.fixture
def corpus(store: Store, make_doc: MakeDoc) -> dict[str, Document]:
    docs = {
        "shells": make_doc(
            "Satellite imagery shows containers of artillery shells leaving Rajin port.",
            title="Port activity",
            published="2023-10",
        ),
        "workers": make_doc(
            'Officials said thousands of "students" arrived to work on building sites in Donbas.',
            title="Workers abroad",
            published="2024-01",
        ),
        "korean": make_doc("북한 노동자 파견에 관한 보도.", title="북한", published="2024-02"),
        "percent": make_doc("Trade rose 100% year_on_year.", title=None, published="2022"),
    }
    for doc in docs.values():
        save_document(store, doc)
    return docs


@pytest.mark.parametrize("fts", [True, False], ids=["fts5", "like"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("shells", ["shells"], id="word"),
        pytest.param("SHELLS rajin", ["shells"], id="all-words-any-case"),
        pytest.param("shells workers", [], id="every-word-needed"),
        pytest.param("students", ["workers"], id="quoted-in-text"),
        pytest.param("북한", ["korean"], id="hangul"),
        pytest.param("abroad", ["workers"], id="title"),
    ],
)
def test_search_finds_documents(
    both_backends: list[Store],
    corpus: dict[str, Document],
    fts: bool,
    query: str,
    expected: list[str],
) -> None:
    store = both_backends[0 if fts else 1]
    hits = search_documents(store, query)
    assert [hit.doc_id for hit in hits] == [corpus[name].id for name in expected]


@pytest.mark.parametrize("fts", [True, False], ids=["fts5", "like"])
@pytest.mark.parametrize("query", AWKWARD, ids=range(len(AWKWARD)))
def test_search_awkward_queries_never_raise(
    both_backends: list[Store], corpus: dict[str, Document], fts: bool, query: str
) -> None:
    store = both_backends[0 if fts else 1]
    hits = search_documents(store, query)
    assert all(hit.doc_id in {d.id for d in corpus.values()} for hit in hits)


@pytest.mark.parametrize("fts", [True, False], ids=["fts5", "like"])
def test_search_snippet_marks_matches(
    both_backends: list[Store], corpus: dict[str, Document], fts: bool
) -> None:
    store = both_backends[0 if fts else 1]
    (hit,) = search_documents(store, "artillery", markers=("<<", ">>"))
    assert "<<artillery>>" in hit.snippet
    assert hit.title == "Port activity"


@pytest.mark.parametrize("fts", [True, False], ids=["fts5", "like"])
def test_search_limit(both_backends: list[Store], corpus: dict[str, Document], fts: bool) -> None:
    store = both_backends[0 if fts else 1]
    assert len(search_documents(store, "the OR a", limit=1)) <= 1
    assert search_documents(store, "shells", limit=0) == []


def test_search_like_fallback_escapes_wildcards(
    both_backends: list[Store], corpus: dict[str, Document]
) -> None:
    like = both_backends[1]
    # "_" must not act as LIKE's one-character wildcard: "year_on" is a literal word here.
    assert [h.doc_id for h in search_documents(like, "year_on_year")] == [corpus["percent"].id]
    assert search_documents(like, "year_on_yeaX") == []


def test_search_match_expression_quotes_everything() -> None:
    assert fts_match_expression(['"foo', "AND", "x"]) == '"""foo" "AND" "x"'
