"""Watching: sources polled on schedules, watchlists, alerts (Atom, signed webhooks).

    config = load_sources("sources.yaml")          # config.py
    Watcher(store, config).run_once()              # service.py: poll -> ingest -> alert -> deliver
    add_watchlist(store, make_watchlist("kp-ru-arms", actors=["KP", "RU"], types=["arms_transfer"]))
    list_alerts(store, watchlist="kp-ru-arms")     # alerts.py; atom.py renders a feed of them

Modules: ``config`` (the sources file), ``http`` (per-host rate limit over the
ingestion's fetcher), ``poll`` (one source: conditional GET, backoff, health),
``sitemap``, ``changes`` (what changed in an incident), ``watchlists``, ``alerts``
(the change log -> alerts, once), ``atom``, ``webhooks`` (signed, retried, dead
letters), ``desk`` (what is new since a date or a visit), ``records`` (the SQL).
"""

from sanctionwatch.watch.alerts import list_alerts, process_changes
from sanctionwatch.watch.config import SourcesConfig, SourceSpec, load_sources, parse_sources
from sanctionwatch.watch.service import RoundSummary, Watcher, WatchSettings, source_health
from sanctionwatch.watch.watchlists import (
    Watchlist,
    add_watchlist,
    get_watchlist,
    list_watchlists,
    make_watchlist,
    remove_watchlist,
)

__all__ = [
    "RoundSummary",
    "SourceSpec",
    "SourcesConfig",
    "WatchSettings",
    "Watcher",
    "Watchlist",
    "add_watchlist",
    "get_watchlist",
    "list_alerts",
    "list_watchlists",
    "load_sources",
    "make_watchlist",
    "parse_sources",
    "process_changes",
    "remove_watchlist",
    "source_health",
]
