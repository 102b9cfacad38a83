"""The per-host rate limit, with an injected clock (no sleeping in tests)."""

from __future__ import annotations

from sanctionwatch.watch.http import HostLimiter


def test_http_limiter_spaces_requests_per_host() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = HostLimiter(2.0, clock=lambda: now[0], sleep=sleep)
    assert limiter.wait("https://a.example/feed") == 0
    assert limiter.wait("https://b.example/feed") == 0
    assert limiter.wait("https://A.example/page") == 2.0
    now[0] += 5
    assert limiter.wait("https://a.example/other") == 0
    assert slept == [2.0]
