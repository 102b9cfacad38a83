"""Use cases behind the write endpoints: ingest posted articles or URLs, replace a list.

Posted articles go through the same ingestion as files: they are written as one JSON-lines
file (the corpus shape: ``id``, ``title``, ``outlet``, ``published``, ``url``, ``text``)
named by the hash of its content and kept under ``DATA_DIR/posted/``, then ingested, so a
re-post is a no-op and a bad record is quarantined with its code like any other input. URLs are fetched with the usual guards
(timeouts, size caps, no private addresses).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sanctionwatch import store as st
from sanctionwatch.domain.errors import InputError
from sanctionwatch.resolve.liststore import ListRecord, store_list
from sanctionwatch.services.ingesting import IngestSummary, ingest_sources

ARTICLE_FIELDS = ("id", "title", "outlet", "published", "url", "language", "text")
MAX_ARTICLES = 1000


def ingest_posted(
    store: st.Store,
    *,
    articles: Sequence[Mapping[str, Any]] = (),
    urls: Sequence[str] = (),
    data_dir: Path | None = None,
) -> IngestSummary:
    """Ingest articles given as records and URLs to fetch; extraction and incidents follow."""
    if not articles and not urls:
        raise InputError("nothing to ingest: give articles or urls", code="E206")
    if len(articles) > MAX_ARTICLES:
        raise InputError(f"at most {MAX_ARTICLES} articles per request", code="E204")
    for url in urls:
        if not url.lower().startswith(("http://", "https://")):
            raise InputError(f"not an http(s) URL: {url!r}", code="E222")
    inputs: list[str | Path] = list(urls)
    if articles:
        lines = [
            json.dumps(
                {k: a[k] for k in ARTICLE_FIELDS if a.get(k) is not None}, ensure_ascii=False
            )
            for a in articles
        ]
        body = ("\n".join(lines) + "\n").encode("utf-8")
        folder = (data_dir or st.resolve_data_dir()) / "posted"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"posted-{hashlib.sha256(body).hexdigest()[:16]}.jsonl"
        if not path.exists():
            path.write_bytes(body)
        inputs.insert(0, path)
    return ingest_sources(store, inputs)


def replace_list(data: bytes, *, name: str | None = None, source: str = "api") -> ListRecord:
    """Load a UN consolidated XML or FtM JSON list from bytes and make it current."""
    record, _ = store_list(st.resolve_data_dir(), data, source=source, name=name)
    return record
