"""Full-text search: FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL, a
case-insensitive LIKE scan on a database that has neither.

User text never reaches FTS5 as syntax: every whitespace-separated chunk becomes a quoted
string, so quotes, brackets and ``AND``/``OR``/``NEAR`` are searched for as words, never
parsed. Inside the quotes FTS5 applies its own tokenizer, the same one that built the index.
On PostgreSQL the words go through ``plainto_tsquery``, which has no syntax at all.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from sqlalchemy import and_, or_, select, text

from sanctionwatch.store import schema as tables
from sanctionwatch.store.engine import Store

_WORD = re.compile(r"\w+")
_SNIPPET_TOKENS = 16
_SNIPPET_CHARS = 80
_ELLIPSIS = "…"


class SearchHit(NamedTuple):
    doc_id: str
    title: str | None
    snippet: str


def search_documents(
    store: Store, query: str, *, limit: int = 20, markers: tuple[str, str] = ("[", "]")
) -> list[SearchHit]:
    """Documents containing every word of ``query``, best first, with a marked snippet.

    ``markers`` wrap matched words in the snippet; the snippet itself is raw source text,
    so an HTML surface must escape it (and may pass markers it can find after escaping).
    """
    if limit <= 0:
        return []
    if store.has_fts:
        chunks = [chunk for chunk in query.split() if _WORD.search(chunk)]
        return _search_fts(store, chunks, limit=limit, markers=markers) if chunks else []
    words = _WORD.findall(query)
    if store.has_tsvector:
        return _search_tsvector(store, words, limit=limit, markers=markers) if words else []
    return _search_like(store, words, limit=limit, markers=markers) if words else []


def fts_match_expression(chunks: list[str]) -> str:
    """Each chunk as an FTS5 string literal (double quotes doubled), implicitly ANDed."""
    return " ".join('"' + chunk.replace('"', '""') + '"' for chunk in chunks)


def _search_fts(
    store: Store, chunks: list[str], *, limit: int, markers: tuple[str, str]
) -> list[SearchHit]:
    statement = text(
        f"SELECT doc_id, title, snippet({tables.FTS_TABLE}, 2, :open, :close, :ellipsis, "
        f":tokens) AS snippet FROM {tables.FTS_TABLE} WHERE {tables.FTS_TABLE} MATCH :match "
        "ORDER BY rank, doc_id LIMIT :limit"
    )
    params = {
        "open": markers[0],
        "close": markers[1],
        "ellipsis": _ELLIPSIS,
        "tokens": _SNIPPET_TOKENS,
        "match": fts_match_expression(chunks),
        "limit": limit,
    }
    with store.transaction() as conn:
        rows = conn.execute(statement, params).all()
    return [SearchHit(row.doc_id, row.title or None, row.snippet) for row in rows]


def _search_tsvector(
    store: Store, words: list[str], *, limit: int, markers: tuple[str, str]
) -> list[SearchHit]:
    # The GIN index finds and ranks in about a millisecond; ts_headline would re-parse
    # each hit's whole text (≈ 90 ms for 20 long articles), so the snippet is cut here,
    # in the shape the LIKE path gives.
    column, config = tables.PG_SEARCH_COLUMN, tables.PG_SEARCH_CONFIG
    statement = text(
        f"SELECT id, title, text FROM documents, plainto_tsquery('{config}', :words) AS query "
        f"WHERE {column} @@ query ORDER BY ts_rank({column}, query) DESC, id LIMIT :limit"
    )
    with store.transaction() as conn:
        rows = conn.execute(statement, {"words": " ".join(words), "limit": limit}).all()
    return [SearchHit(row.id, row.title, _make_snippet(row.text, words, markers)) for row in rows]


def _search_like(
    store: Store, words: list[str], *, limit: int, markers: tuple[str, str]
) -> list[SearchHit]:
    docs = tables.documents
    conditions = [
        or_(
            docs.c.title.ilike(_like_pattern(word), escape="\\"),
            docs.c.text.ilike(_like_pattern(word), escape="\\"),
        )
        for word in words
    ]
    query = (
        select(docs.c.id, docs.c.title, docs.c.text)
        .where(and_(*conditions))
        .order_by(docs.c.published.desc().nulls_last(), docs.c.id)
        .limit(limit)
    )
    with store.transaction() as conn:
        rows = conn.execute(query).all()
    return [SearchHit(row.id, row.title, _make_snippet(row.text, words, markers)) for row in rows]


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _make_snippet(doc_text: str, words: list[str], markers: tuple[str, str]) -> str:
    """A window around the first match, every word marked, in the shape FTS5 gives."""
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    first = pattern.search(doc_text)
    if first is None:  # matched in the title only
        window = doc_text[: 2 * _SNIPPET_CHARS]
        return window + (_ELLIPSIS if len(doc_text) > len(window) else "")
    start = max(0, first.start() - _SNIPPET_CHARS)
    end = min(len(doc_text), first.end() + _SNIPPET_CHARS)
    lead = _ELLIPSIS if start > 0 else ""
    tail = _ELLIPSIS if end < len(doc_text) else ""
    window = pattern.sub(lambda m: f"{markers[0]}{m.group(0)}{markers[1]}", doc_text[start:end])
    return lead + window + tail
