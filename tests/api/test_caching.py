"""The list pages' response cache: a hit while the store is unchanged, a fresh page after
any write (here or by another connection), one build for concurrent requests, bounded."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from fastapi.testclient import TestClient

from sanctionwatch import store as st
from sanctionwatch.api import create_app
from sanctionwatch.api.caching import ResponseCache
from sanctionwatch.services import ingest_sources


def test_caching_list_page_is_kept_until_another_connection_writes(
    articles: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'cached.db'}"
    with st.open_store(url) as store:
        ingest_sources(store, [articles / "arms.txt"])
        app = create_app(store=store)
        with TestClient(app) as client:
            first = client.get("/incidents")
            again = client.get("/incidents")
            cache = app.state.response_cache
            assert (cache.misses, cache.hits) == (1, 1)
            assert again.content == first.content and again.headers["ETag"] == first.headers["ETag"]
            assert again.headers["X-Total-Count"] == first.headers["X-Total-Count"]
            with st.open_store(url) as elsewhere:  # as a CLI ingest beside `serve` would
                ingest_sources(elsewhere, [articles / "workers.txt"])
            after = client.get("/incidents")
            assert int(after.headers["X-Total-Count"]) > int(first.headers["X-Total-Count"])
            assert {i["id"] for i in after.json()} > {i["id"] for i in first.json()}


def test_caching_other_urls_are_other_entries(desk_client: TestClient) -> None:
    one = desk_client.get("/incidents", params={"limit": 1})
    two = desk_client.get("/incidents", params={"limit": 2})
    assert len(one.json()) == 1 and len(two.json()) == 2
    assert desk_client.get("/incidents", params={"limit": 1}).content == one.content


def test_caching_concurrent_requests_build_once() -> None:
    cache = ResponseCache()
    builds: list[int] = []

    def build() -> tuple[object, dict[str, str]]:
        builds.append(1)
        time.sleep(0.05)
        return [{"n": 1}], {"X-Total-Count": "1"}

    threads = [
        threading.Thread(target=cache.respond, args=("/incidents", "r1", build)) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1 and cache.hits == 7
    cache.respond("/incidents", "r2", build)
    assert len(builds) == 2


def test_caching_without_a_revision_keeps_nothing() -> None:
    cache = ResponseCache()
    for _ in range(2):
        response = cache.respond("/incidents", None, lambda: ([1, 2], {}))
        assert response.body == b"[1,2]"
    assert cache.hits == 0


def test_caching_is_bounded_in_bytes() -> None:
    cache = ResponseCache(max_bytes=8_000)
    for n in range(20):
        cache.respond(f"/incidents?offset={n}", "r", lambda: (["x" * 500], {}))
    assert 0 < cache.size <= 8_000
    huge = cache.respond("/incidents?limit=1000", "r", lambda: (["x" * 5_000], {}))
    assert len(huge.body) > 5_000 and cache.size <= 8_000
