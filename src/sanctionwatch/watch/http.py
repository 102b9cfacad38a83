"""Polite fetching: the ingestion's :class:`Fetcher` (SSRF rules, caps, redirects) behind a
per-host rate limit shared by every source, so two feeds on one host share its budget.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection, Mapping
from urllib.parse import urlsplit

from sanctionwatch.ingest import Failed, Fetcher, RawInput
from sanctionwatch.ingest.fetch import FetchPolicy


class HostLimiter:
    """At most one request per ``interval`` seconds to each host; thread-safe."""

    def __init__(
        self,
        interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self._clock, self._sleep = clock, sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str) -> float:
        """Block until ``url``'s host may be asked again; return the seconds waited."""
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            now = self._clock()
            due = max(now, self._next.get(host, now))
            self._next[host] = due + self.interval
        delay = due - now
        if delay > 0:
            self._sleep(delay)
        return delay


class PoliteFetcher(Fetcher):
    """A :class:`Fetcher` that waits its turn for each host before every fetch."""

    def __init__(self, policy: FetchPolicy | None = None, *, limiter: HostLimiter) -> None:
        super().__init__(policy)
        self.limiter = limiter

    def fetch(
        self,
        url: str,
        *,
        source_ref: str | None = None,
        depth: int = 0,
        headers: Mapping[str, str] | None = None,
        pass_statuses: Collection[int] = (),
    ) -> RawInput | Failed:
        self.limiter.wait(url)
        return super().fetch(
            url,
            source_ref=source_ref,
            depth=depth,
            headers=headers,
            pass_statuses=pass_statuses,
        )
