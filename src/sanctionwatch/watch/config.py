"""The sources file: feeds, sitemaps and URL lists to poll, each with an interval.

```yaml
defaults: {interval: 15m, rate_limit: 2s}
sources:
  - name: nknews
    feed: https://www.nknews.org/feed/
    interval: 10m
  - name: treasury
    sitemap: https://home.treasury.gov/sitemap.xml
    interval: 1h
  - name: panel
    urls: [https://example.org/a.html, https://example.org/b.html]
    interval: 1d
```

Intervals are seconds or a number with ``s``, ``m``, ``h`` or ``d``. A bad file is a
``ConfigError`` (E701) naming the entry: the watcher does not start on half a config.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sanctionwatch.domain.errors import BAD_SOURCES_FILE, ConfigError

KINDS = ("feed", "sitemap", "urls")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_NAME = re.compile(r"^[\w.-]{1,100}$")
MIN_INTERVAL = 1.0


@dataclass(frozen=True)
class SourceSpec:
    """One source to poll: a feed, a sitemap or a list of page URLs."""

    name: str
    kind: str
    urls: tuple[str, ...]
    """The feed or sitemap URL (one), or the pages of a URL list."""
    interval: float = 900.0
    """Seconds between polls when the source is healthy."""
    allow_private: bool = False
    follow_links: bool = True
    """A feed's items link to the articles: fetch and ingest those pages."""


@dataclass(frozen=True)
class SourcesConfig:
    sources: tuple[SourceSpec, ...]
    rate_limit: float = 1.0
    """Seconds between two requests to one host, across every source."""
    extra: Mapping[str, Any] = field(default_factory=dict)


def parse_duration(value: object, *, where: str) -> float:
    match = _DURATION.match(str(value))
    if match is None:
        raise ConfigError(
            f"{where}: {value!r} is not a duration (30, 30s, 10m, 1h, 1d)", code=BAD_SOURCES_FILE
        )
    return float(match.group(1)) * _UNIT[match.group(2)]


def load_sources(path: str | Path) -> SourcesConfig:
    """Read and check a sources file."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read sources file {path}: {exc}", code=BAD_SOURCES_FILE) from exc
    return parse_sources(data)


def parse_sources(data: object) -> SourcesConfig:
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise ConfigError(
            "a sources file is a mapping with a `sources` list", code=BAD_SOURCES_FILE
        )
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise ConfigError("`defaults` must be a mapping", code=BAD_SOURCES_FILE)
    rate = parse_duration(defaults.get("rate_limit", 1), where="defaults.rate_limit")
    specs = [_spec(entry, index=i, defaults=defaults) for i, entry in enumerate(data["sources"])]
    names = [s.name for s in specs]
    if len(set(names)) != len(names):
        raise ConfigError("source names must be unique", code=BAD_SOURCES_FILE)
    return SourcesConfig(sources=tuple(specs), rate_limit=rate)


def _spec(entry: object, *, index: int, defaults: Mapping[str, Any]) -> SourceSpec:
    where = f"sources[{index}]"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where} must be a mapping", code=BAD_SOURCES_FILE)
    kinds = [k for k in KINDS if k in entry]
    if len(kinds) != 1:
        raise ConfigError(
            f"{where} needs exactly one of: feed, sitemap, urls", code=BAD_SOURCES_FILE
        )
    kind = kinds[0]
    value = entry[kind]
    urls = tuple(value) if kind == "urls" and isinstance(value, list) else (value,)
    if not urls or not all(
        isinstance(u, str) and u.startswith(("http://", "https://")) for u in urls
    ):
        raise ConfigError(f"{where}.{kind}: http(s) URLs only", code=BAD_SOURCES_FILE)
    name = str(entry.get("name") or f"{kind}-{index}")
    if not _NAME.match(name):
        raise ConfigError(f"{where}.name {name!r}: letters, digits, . _ -", code=BAD_SOURCES_FILE)
    interval = parse_duration(
        entry.get("interval", defaults.get("interval", 900)), where=f"{where}.interval"
    )
    if interval < MIN_INTERVAL:
        raise ConfigError(f"{where}.interval: at least 1 s", code=BAD_SOURCES_FILE)
    return SourceSpec(
        name=name,
        kind=kind,
        urls=urls,
        interval=interval,
        allow_private=bool(entry.get("allow_private", defaults.get("allow_private", False))),
        follow_links=bool(entry.get("follow_links", True)),
    )
