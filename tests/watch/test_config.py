"""The sources file: durations, kinds, names; a bad file names the entry (E701)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.domain.errors import ConfigError
from sanctionwatch.watch.config import load_sources, parse_duration, parse_sources


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30", 30.0), ("30s", 30.0), ("10m", 600.0), ("1.5h", 5400.0), ("1d", 86400.0)],
    ids=["bare", "s", "m", "h", "d"],
)
def test_config_durations(text: str, seconds: float) -> None:
    assert parse_duration(text, where="x") == seconds


def test_config_reads_feeds_sitemaps_and_url_lists(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "defaults: {interval: 15m, rate_limit: 2s}\n"
        "sources:\n"
        "  - {name: nk, feed: 'https://example.org/feed.xml', interval: 10m}\n"
        "  - {name: gov, sitemap: 'https://example.org/sitemap.xml'}\n"
        "  - {name: pages, urls: ['https://example.org/a', 'https://example.org/b']}\n",
        encoding="utf-8",
    )
    config = load_sources(path)
    assert config.rate_limit == 2.0
    assert [(s.name, s.kind, s.interval) for s in config.sources] == [
        ("nk", "feed", 600.0),
        ("gov", "sitemap", 900.0),
        ("pages", "urls", 900.0),
    ]
    assert config.sources[2].urls == ("https://example.org/a", "https://example.org/b")


@pytest.mark.parametrize(
    "data",
    [
        {"sources": "no"},
        {"sources": [{"name": "x"}]},
        {"sources": [{"feed": "https://a", "sitemap": "https://b"}]},
        {"sources": [{"feed": "file:///etc/passwd"}]},
        {"sources": [{"feed": "https://a", "interval": "soon"}]},
        {"sources": [{"feed": "https://a", "interval": "0.1"}]},
        {"sources": [{"name": "a", "feed": "https://a"}, {"name": "a", "feed": "https://b"}]},
    ],
    ids=[
        "not-a-list",
        "no-kind",
        "two-kinds",
        "not-http",
        "bad-interval",
        "too-often",
        "duplicate",
    ],
)
def test_config_bad_files_are_refused(data: object) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_sources(data)
    assert caught.value.code == "E701"


def test_config_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("sources: [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_sources(tmp_path / "bad.yaml")
