"""The watcher: poll sources on their schedules, then alert and deliver.

``run_once`` polls every source once (``watch --once``, cron, tests). ``Watcher.run``
is the long-lived service: an APScheduler ``BlockingScheduler`` with one interval job per
source (never two polls of one source at once; missed runs coalesce) and a job that
delivers due webhooks. Each poll is followed by ``process_changes`` and delivery. All
state (validators, backoff, cursors, alerts) is in the store, so the service can be
killed and restarted at any time; a source in backoff keeps its ``next_poll_at``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler

from sanctionwatch import store as st
from sanctionwatch.domain.errors import SanctionwatchError
from sanctionwatch.ingest import Fetcher
from sanctionwatch.ingest.fetch import FetchPolicy
from sanctionwatch.watch import records
from sanctionwatch.watch.alerts import process_changes
from sanctionwatch.watch.config import SourcesConfig, SourceSpec
from sanctionwatch.watch.http import HostLimiter, PoliteFetcher
from sanctionwatch.watch.poll import PollOutcome, ingest_options, poll_source
from sanctionwatch.watch.webhooks import DeliveryPolicy, deliver_due

log = logging.getLogger(__name__)
FetcherFactory = Callable[[SourceSpec], Fetcher]


@dataclass
class RoundSummary:
    polls: list[PollOutcome] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    delivered: int = 0
    dead: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "polls": [p.to_dict() for p in self.polls],
            "alerts": self.alerts,
            "delivered": self.delivered,
            "dead": self.dead,
        }


@dataclass
class WatchSettings:
    timeout: float = 20.0
    delivery: DeliveryPolicy = field(default_factory=DeliveryPolicy)
    webhook_transport: httpx.BaseTransport | None = None


class Watcher:
    """Polls, alerts and delivers for one store and one sources file."""

    def __init__(
        self,
        store: st.Store,
        config: SourcesConfig,
        *,
        settings: WatchSettings | None = None,
        make_fetcher: FetcherFactory | None = None,
    ) -> None:
        self.store = store
        self.config = config
        self.settings = settings or WatchSettings()
        self.limiter = HostLimiter(config.rate_limit)
        self._make_fetcher = make_fetcher or self._polite_fetcher
        # One poll or delivery at a time: SQLite has one writer, and alert processing
        # must see each poll's incidents whole.
        self._lock = threading.Lock()

    def _polite_fetcher(self, spec: SourceSpec) -> Fetcher:
        opts = ingest_options(spec, timeout=self.settings.timeout)
        policy = FetchPolicy(
            timeout=opts.fetch_timeout,
            deadline=opts.fetch_deadline,
            allow_private=spec.allow_private,
        )
        return PoliteFetcher(policy, limiter=self.limiter)

    def poll(
        self, spec: SourceSpec, *, force: bool = False, now: datetime | None = None
    ) -> RoundSummary:
        """Poll one source, then record alerts and deliver what is due."""
        with self._lock:
            summary = RoundSummary()
            try:
                with self._make_fetcher(spec) as fetcher:
                    outcome = poll_source(
                        self.store,
                        spec,
                        fetcher=fetcher,
                        options=ingest_options(spec, timeout=self.settings.timeout),
                        now=now,
                        force=force,
                    )
            except SanctionwatchError as error:
                # A source whose content breaks a deeper rule (a setting, the store): this
                # poll fails with the error's code and the other sources go on.
                log.error("polling %s failed: %s", spec.name, error)
                outcome = PollOutcome(spec.name, "error", error.code, error.message)
            summary.polls.append(outcome)
            if outcome.status != "skipped":
                log.info("polled %s: %s", spec.name, outcome.status)
            self._alert_and_deliver(summary)
            return summary

    def deliver(self) -> RoundSummary:
        with self._lock:
            summary = RoundSummary()
            self._alert_and_deliver(summary)
            return summary

    def _alert_and_deliver(self, summary: RoundSummary) -> None:
        summary.alerts.extend(process_changes(self.store).alerts)
        delivered = deliver_due(
            self.store,
            policy=self.settings.delivery,
            transport=self.settings.webhook_transport,
        )
        summary.delivered += delivered.delivered
        summary.dead += delivered.dead

    def run_once(self, *, force: bool = True) -> RoundSummary:
        """Every source once, in file order; a failing source never stops the others."""
        total = RoundSummary()
        for spec in self.config.sources:
            one = self.poll(spec, force=force)
            total.polls += one.polls
            total.alerts += one.alerts
            total.delivered += one.delivered
            total.dead += one.dead
        return total

    def schedule(self, scheduler: BaseScheduler, *, delivery_interval: float = 30.0) -> None:
        """Add a poll job per source (first run now) and the delivery job to ``scheduler``."""
        for spec in self.config.sources:
            scheduler.add_job(
                self.poll,
                "interval",
                args=[spec],
                seconds=spec.interval,
                id=f"poll:{spec.name}",
                next_run_time=records.now_utc(),
                max_instances=1,
                coalesce=True,
                misfire_grace_time=None,
            )
        scheduler.add_job(
            self.deliver,
            "interval",
            seconds=delivery_interval,
            id="deliver",
            max_instances=1,
            coalesce=True,
        )

    def run(self, *, delivery_interval: float = 30.0) -> None:
        """Block, polling each source on its interval, until interrupted."""
        scheduler = BlockingScheduler(timezone="UTC")
        self.schedule(scheduler, delivery_interval=delivery_interval)
        try:
            scheduler.start()
        except (KeyboardInterrupt, SystemExit):
            scheduler.shutdown(wait=False)


def source_health(store: st.Store, config: SourcesConfig | None = None) -> list[dict[str, Any]]:
    """Every known source's health; sources in ``config`` never polled yet are listed too."""
    rows = {r["name"]: r for r in records.list_source_states(store)}
    if config is not None:
        for spec in config.sources:
            rows.setdefault(
                spec.name,
                {
                    "name": spec.name,
                    "kind": spec.kind,
                    "urls": list(spec.urls),
                    "last_status": "never",
                },
            )
    out = []
    for row in sorted(rows.values(), key=lambda r: str(r["name"])):
        out.append({k: v for k, v in row.items() if k not in ("validators", "seen_urls")})
    return out


def run_sources(store: st.Store, specs: Sequence[SourceSpec], **kwargs: Any) -> RoundSummary:
    """Convenience: poll ``specs`` once with default settings."""
    return Watcher(store, SourcesConfig(sources=tuple(specs)), **kwargs).run_once()
