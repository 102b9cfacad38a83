"""Fetching against a real HTTP server on 127.0.0.1 (no other network)."""

from typing import Any

import pytest

from sanctionwatch.domain.errors import (
    BAD_URL,
    BLOCKED_ADDRESS,
    FETCH_ERROR,
    FETCH_TIMEOUT,
    TOO_LARGE,
    TOO_MANY_REDIRECTS,
    InputError,
)
from sanctionwatch.ingest import (
    Failed,
    Fetcher,
    FetchPolicy,
    Ingested,
    IngestOptions,
    RawInput,
    check_address,
    ingest_paths,
)

LOCAL = FetchPolicy(allow_private=True, timeout=0.5, deadline=5, max_bytes=100_000)


def _html(body: str) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode()


@pytest.mark.parametrize(
    "address",
    [
        pytest.param("127.0.0.1", id="loopback"),
        pytest.param("10.1.2.3", id="private-10"),
        pytest.param("172.16.0.9", id="private-172"),
        pytest.param("192.168.1.1", id="private-192"),
        pytest.param("169.254.169.254", id="link-local-metadata"),
        pytest.param("0.0.0.0", id="unspecified"),
        pytest.param("100.64.0.1", id="shared-cgnat"),
        pytest.param("::1", id="ipv6-loopback"),
        pytest.param("fe80::1", id="ipv6-link-local"),
        pytest.param("fd00::1", id="ipv6-unique-local"),
        pytest.param("::ffff:127.0.0.1", id="ipv4-mapped-loopback"),
        pytest.param("224.0.0.1", id="multicast"),
    ],
)
def test_fetch_refuses_non_public_addresses(address: str) -> None:
    with pytest.raises(InputError) as info:
        check_address(address)
    assert info.value.code == BLOCKED_ADDRESS
    check_address(address, allow_private=True)


@pytest.mark.parametrize(
    "address", [pytest.param("93.184.216.34", id="v4"), pytest.param("2606:4700::1", id="v6")]
)
def test_fetch_allows_public_addresses(address: str) -> None:
    check_address(address)  # no connection is made: the check is on the address alone


def test_fetch_loopback_server_is_blocked_by_default(server: Any, story_html: str) -> None:
    server.routes["/a.html"] = _html(story_html)

    with Fetcher(FetchPolicy()) as fetcher:
        result = fetcher.fetch(server.url("/a.html"))

    assert isinstance(result, Failed) and result.code == BLOCKED_ADDRESS
    assert result.origin == server.url("/a.html")


def test_fetch_follows_redirects_and_records_final_url(server: Any, story_html: str) -> None:
    server.routes["/old"] = (301, {"Location": "/mid"}, b"")
    server.routes["/mid"] = (302, {"Location": server.url("/a.html")}, b"")
    server.routes["/a.html"] = _html(story_html)

    with Fetcher(LOCAL) as fetcher:
        result = fetcher.fetch(server.url("/old"))

    assert isinstance(result, RawInput)
    assert result.url == server.url("/a.html")
    assert result.format_hint == "html" and result.fetched_at
    assert result.meta["requested_url"] == server.url("/old")


@pytest.mark.parametrize(
    ("route", "code"),
    [
        pytest.param((302, {"Location": "/loop"}, b""), TOO_MANY_REDIRECTS, id="redirect-loop"),
        pytest.param((200, {"X-Test-Delay": "2"}, b"late"), FETCH_TIMEOUT, id="timeout"),
        pytest.param(
            (200, {"Content-Type": "text/plain"}, b"x" * 200_000), TOO_LARGE, id="too-large"
        ),
        pytest.param(
            (200, {"Content-Length": "9999999"}, b"x"), TOO_LARGE, id="declared-too-large"
        ),
        pytest.param((404, {}, b"missing"), FETCH_ERROR, id="http-404"),
        pytest.param((500, {}, b"boom"), FETCH_ERROR, id="http-500"),
    ],
)
def test_fetch_failures_have_codes(server: Any, route: Any, code: str) -> None:
    server.routes["/loop"] = route

    with Fetcher(LOCAL) as fetcher:
        result = fetcher.fetch(server.url("/loop"))

    assert isinstance(result, Failed) and result.code == code


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("ftp://example.org/file.txt", id="ftp"),
        pytest.param("file:///etc/passwd", id="file"),
        pytest.param("http://:80/", id="no-host"),
    ],
)
def test_fetch_refuses_other_schemes(url: str) -> None:
    with Fetcher(LOCAL) as fetcher:
        result = fetcher.fetch(url)

    assert isinstance(result, Failed) and result.code == BAD_URL


def test_fetch_redirect_to_other_scheme_is_refused(server: Any) -> None:
    server.routes["/jump"] = (302, {"Location": "file:///etc/passwd"}, b"")

    with Fetcher(LOCAL) as fetcher:
        result = fetcher.fetch(server.url("/jump"))

    assert isinstance(result, Failed) and result.code == BAD_URL


def test_fetch_urls_are_ingested_only_with_allow_private(server: Any, story_html: str) -> None:
    server.routes["/a.html"] = _html(story_html)
    url = server.url("/a.html")

    (blocked,) = ingest_paths([url])
    (allowed,) = ingest_paths([url], options=IngestOptions(allow_private=True))

    assert isinstance(blocked, Failed) and blocked.code == BLOCKED_ADDRESS
    assert isinstance(allowed, Ingested)
    assert allowed.document.url == url and allowed.document.fetched_at
    assert allowed.document.meta["http_status"] == "200"


def test_fetch_feed_follows_item_links(
    server: Any, build: Any, page: Any, story: list[str]
) -> None:
    server.routes["/one.html"] = _html(page("First story", story[:3], date="2024-03-01"))
    server.routes["/two.html"] = _html(page("Second story", story[3:], date="2024-03-02"))
    items = [
        ("First", server.url("/one.html"), "short summary one"),
        ("Second", server.url("/two.html"), "short summary two"),
        ("Third", server.url("/gone.html"), "short summary three"),
    ]
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, build.rss(items))
    options = IngestOptions(allow_private=True, follow_links=True)

    results = list(ingest_paths([server.url("/feed.xml")], options=options))

    assert [type(r) for r in results] == [Ingested, Ingested, Failed]
    first = results[0].document  # type: ignore[union-attr]
    assert first.title == "First story" and story[1] in first.text
    assert first.url == server.url("/one.html") and first.format == "html"
    assert results[2].code == FETCH_ERROR  # type: ignore[union-attr]
    summaries = list(
        ingest_paths([server.url("/feed.xml")], options=IngestOptions(allow_private=True))
    )
    texts = [r.document.text for r in summaries if isinstance(r, Ingested)]
    assert texts == ["short summary one", "short summary two", "short summary three"]
