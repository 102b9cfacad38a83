"""Poll one source: conditional GET, ingest what is new, record the source's health.

A poll asks with the validators of the last successful poll (``If-None-Match``,
``If-Modified-Since``); 304 is a healthy poll with nothing new. 429 and 503 are errors
(E702, E703) and the next poll waits at least their ``Retry-After``; any other failure
(timeout E219, blocked address E220, garbage E213, ...) is recorded with its code and the
source backs off exponentially from its interval. A poll never raises for a bad source.

Validators are saved only after the fetched content is ingested, so a poll killed
half-way asks again for the full content next time, and the ingestion's item states
make that second pass redo only what was not finished: nothing is lost.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from sanctionwatch import store as st
from sanctionwatch.domain.errors import RATE_LIMITED, SOURCE_UNAVAILABLE, InputError
from sanctionwatch.ingest import Failed, Fetcher, IngestOptions, RawInput
from sanctionwatch.services.ingesting import IngestSummary, ingest_fetched
from sanctionwatch.watch import records
from sanctionwatch.watch.config import SourceSpec
from sanctionwatch.watch.sitemap import sitemap_urls

MAX_BACKOFF = 24 * 3600.0
PASS_STATUSES = (429, 503)
MAX_SEEN_URLS = 50_000


@dataclass
class PollOutcome:
    name: str
    status: str
    """``ok``, ``not_modified``, ``error`` or ``skipped`` (not due yet)."""
    error_code: str | None = None
    error: str | None = None
    new_documents: int = 0
    items: int = 0
    document_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def ingest_options(spec: SourceSpec, *, timeout: float = 20.0) -> IngestOptions:
    return IngestOptions(
        follow_links=spec.follow_links and spec.kind == "feed",
        allow_private=spec.allow_private,
        fetch_timeout=timeout,
        fetch_deadline=max(timeout * 6, 30.0),
    )


def is_due(state: dict[str, Any], now: datetime) -> bool:
    due = state.get("next_poll_at")
    return due is None or datetime.fromisoformat(str(due)) <= now


def poll_source(
    store: st.Store,
    spec: SourceSpec,
    *,
    fetcher: Fetcher,
    options: IngestOptions,
    now: datetime | None = None,
    force: bool = False,
) -> PollOutcome:
    """Poll ``spec`` once (unless it is not due and not ``force``); record its health."""
    at = now or records.now_utc()
    state = records.load_source_state(store, spec.name)
    if not force and not is_due(state, at):
        return PollOutcome(spec.name, "skipped")
    validators: dict[str, dict[str, str]] = dict(state.get("validators", {}))
    fetched: list[RawInput] = []
    outcome = PollOutcome(spec.name, "not_modified")
    retry_after = 0.0
    for url in spec.urls:
        result = fetcher.fetch(
            url, headers=_conditional(validators.get(url)), pass_statuses=PASS_STATUSES
        )
        if isinstance(result, Failed):
            _fail(outcome, result.code, result.message)
            continue
        status = int(result.meta.get("http_status", "200"))
        if status == 304:
            continue
        if status in PASS_STATUSES:
            code = RATE_LIMITED if status == 429 else SOURCE_UNAVAILABLE
            _fail(outcome, code, f"HTTP {status} from {url}")
            retry_after = max(retry_after, _retry_after(result.meta.get("retry_after"), at))
            continue
        fetched.append(result)
    seen = set(state.get("seen_urls", ()))
    inputs, new_urls = _inputs(spec, fetched, fetcher, seen)
    summary = IngestSummary()
    if inputs:
        summary = ingest_fetched(store, inputs, fetcher=fetcher, options=options)
        for failure in summary.failures:
            # The source itself is bad (garbage, not a feed); a page it links to that
            # fails is an item failure, quarantined like any other.
            if failure["source"] in spec.urls:
                _fail(outcome, failure["code"], failure["message"])
    if outcome.status != "error":
        outcome.status = "ok" if fetched else "not_modified"
        for raw in fetched:
            validators[raw.origin or raw.source_ref] = _validators_of(raw)
    outcome.new_documents = summary.ingested
    outcome.items = len(summary.document_ids)
    outcome.document_ids = list(summary.document_ids)
    _save(store, spec, state, outcome, validators, seen | new_urls, at, retry_after)
    return outcome


def _inputs(
    spec: SourceSpec, fetched: list[RawInput], fetcher: Fetcher, seen: set[str]
) -> tuple[list[RawInput | Failed], set[str]]:
    """What to ingest: the feed itself, or the not yet seen pages a sitemap lists."""
    if spec.kind == "feed":
        return [dataclasses.replace(raw, format_hint="rss") for raw in fetched], set()
    if spec.kind == "urls":
        return list(fetched), set()
    out: list[RawInput | Failed] = []
    new: set[str] = set()
    for raw in fetched:
        try:
            urls = sitemap_urls(raw.data)
        except InputError as error:
            out.append(Failed.from_error(raw.source_ref, error, raw.data, origin=raw.url))
            continue
        for url in urls:
            if url in seen or url in new:
                continue
            new.add(url)
            out.append(fetcher.fetch(url))
    return out, new


def _fail(outcome: PollOutcome, code: str, message: str) -> None:
    if outcome.status != "error":
        outcome.status, outcome.error_code, outcome.error = "error", code, message


def _conditional(saved: dict[str, str] | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if saved and saved.get("etag"):
        headers["If-None-Match"] = saved["etag"]
    if saved and saved.get("last_modified"):
        headers["If-Modified-Since"] = saved["last_modified"]
    return headers


def _validators_of(raw: RawInput) -> dict[str, str]:
    return {k: raw.meta[k] for k in ("etag", "last_modified") if k in raw.meta}


def _retry_after(value: str | None, at: datetime) -> float:
    """Seconds from ``Retry-After`` (seconds or an HTTP date); 0 when absent or bad."""
    if not value:
        return 0.0
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, (records.as_utc(when) - at).total_seconds())


def _save(
    store: st.Store,
    spec: SourceSpec,
    state: dict[str, Any],
    outcome: PollOutcome,
    validators: dict[str, dict[str, str]],
    seen: Iterable[str],
    at: datetime,
    retry_after: float,
) -> None:
    failures = int(state.get("consecutive_failures", 0))
    data = dict(state)
    data.update(
        kind=spec.kind,
        urls=list(spec.urls),
        interval=spec.interval,
        last_poll_at=at.isoformat(),
        last_status=outcome.status,
        validators=validators,
        seen_urls=sorted(seen)[-MAX_SEEN_URLS:],
        items_seen=int(state.get("items_seen", 0)) + outcome.items,
        documents=int(state.get("documents", 0)) + outcome.new_documents,
    )
    if outcome.status == "error":
        failures += 1
        delay = max(retry_after, min(spec.interval * 2**failures, MAX_BACKOFF))
        data.update(
            last_error_code=outcome.error_code,
            last_error=outcome.error,
            last_error_at=at.isoformat(),
        )
    else:
        failures = 0
        delay = spec.interval
        data["last_success_at"] = at.isoformat()
    data["consecutive_failures"] = failures
    data["next_poll_at"] = (at + timedelta(seconds=delay)).isoformat()
    records.save_source_state(store, spec.name, data)
