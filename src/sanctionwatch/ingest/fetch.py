"""URLs -> raw inputs, with the guards a fetcher of untrusted links needs.

* Only ``http`` and ``https``; no proxies from the environment.
* SSRF: the host is resolved first and every address must be public (not private,
  loopback, link-local, multicast, reserved or unspecified) unless ``allow_private``.
  The connection then goes to the checked address itself (Host header and TLS SNI keep
  the name), so a DNS answer that changes between check and connect cannot slip through.
* Redirects are followed by hand, at most ``max_redirects``, each hop checked again.
* Timeouts on connect and on each read, plus a deadline for the whole fetch; the body is
  streamed and cut at ``max_bytes``.

Failures come back as :class:`Failed` with codes E218-E222 (or E204 for too large), never
as exceptions, so a bad link never stops a batch.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from sanctionwatch import __version__
from sanctionwatch.domain.errors import (
    BAD_URL,
    BLOCKED_ADDRESS,
    FETCH_ERROR,
    FETCH_TIMEOUT,
    TOO_LARGE,
    TOO_MANY_REDIRECTS,
    InputError,
)
from sanctionwatch.ingest.media import hint_for_media_type, sniff_format
from sanctionwatch.ingest.results import Failed, RawInput

USER_AGENT = f"sanctionwatch/{__version__} (+https://github.com/sanctionwatch)"
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    max_bytes: int = 50 * 1024 * 1024
    timeout: float = 20.0
    deadline: float = 120.0
    max_redirects: int = 5
    allow_private: bool = False


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def check_address(address: str, *, allow_private: bool = False) -> None:
    """Raise E220 for an address a fetch must not reach."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if allow_private:
        return
    blocked = (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )
    if blocked:
        raise InputError(
            f"{ip} is a private, loopback or link-local address; refused "
            "(use --allow-private to permit it)",
            code=BLOCKED_ADDRESS,
        )


def resolve_checked(host: str, port: int, *, allow_private: bool = False) -> str:
    """The first address of ``host``; every address it resolves to must pass the check."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"cannot resolve {host}: {exc}", code=FETCH_ERROR) from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise InputError(f"{host} has no address", code=FETCH_ERROR)
    for address in addresses:
        check_address(address, allow_private=allow_private)
    return addresses[0]


class Fetcher:
    """One HTTP client for a batch; use as a context manager or call :meth:`close`."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        timeout = httpx.Timeout(self.policy.timeout)
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": USER_AGENT, "Accept": "*/*", "Accept-Encoding": "identity"},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def fetch(
        self,
        url: str,
        *,
        source_ref: str | None = None,
        depth: int = 0,
        headers: Mapping[str, str] | None = None,
        pass_statuses: Collection[int] = (),
    ) -> RawInput | Failed:
        """The body of ``url`` after redirects, or a :class:`Failed` with its code.

        ``headers`` are added to each request (a watcher's ``If-None-Match``); a status in
        ``pass_statuses`` (429, 503) comes back as a :class:`RawInput` with its
        ``http_status`` and ``retry_after`` in ``meta`` instead of a failure. ``meta``
        also carries ``etag`` and ``last_modified`` when the server sent them.
        """
        ref = source_ref or url
        try:
            return self._fetch(url, ref, depth, dict(headers or {}), frozenset(pass_statuses))
        except InputError as error:
            return Failed.from_error(ref, error, b"", origin=url)
        except httpx.TimeoutException as exc:
            return Failed(ref, FETCH_TIMEOUT, f"timed out: {type(exc).__name__}", b"", "", url)
        except httpx.HTTPError as exc:
            return Failed(ref, FETCH_ERROR, f"{type(exc).__name__}: {exc}", b"", "", url)

    def _fetch(
        self, url: str, ref: str, depth: int, extra: dict[str, str], passed: frozenset[int]
    ) -> RawInput:
        started = time.monotonic()
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            target, host_header, sni = self._pin(current)
            extensions = {"sni_hostname": sni} if sni else {}
            request = self._client.build_request(
                "GET", target, headers={**extra, "Host": host_header}, extensions=extensions
            )
            response = self._client.send(request, stream=True)
            try:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    current = urljoin(current, response.headers["location"])
                    continue
                if response.status_code >= 400 and response.status_code not in passed:
                    raise InputError(f"HTTP {response.status_code}", code=FETCH_ERROR)
                body = self._read(response, started)
            finally:
                response.close()
            media_type = response.headers.get("content-type", "")
            hint = hint_for_media_type(media_type, url=current) or sniff_format(body)
            return RawInput(
                source_ref=ref,
                path=None,
                data=body,
                format_hint=hint,
                url=current,
                fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
                depth=depth,
                origin=url,
                meta={"http_status": str(response.status_code), "media_type": media_type}
                | ({"requested_url": url} if current != url else {})
                | _validators(response.headers),
            )
        raise InputError(
            f"more than {self.policy.max_redirects} redirects", code=TOO_MANY_REDIRECTS
        )

    def _pin(self, url: str) -> tuple[str, str, str | None]:
        """The URL with its host replaced by a checked address, the Host header, the SNI."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"not an http(s) URL: {url!r}", code=BAD_URL)
        host = parts.hostname
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise InputError(f"bad port in {url!r}", code=BAD_URL) from exc
        address = resolve_checked(host, port, allow_private=self.policy.allow_private)
        literal = f"[{address}]" if ":" in address else address
        netloc = f"{literal}:{parts.port}" if parts.port else literal
        host_header = parts.netloc.rsplit("@", 1)[-1]
        pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
        sni = host if parts.scheme == "https" and not _is_ip(host) else None
        return pinned, host_header, sni

    def _read(self, response: httpx.Response, started: float) -> bytes:
        cap = self.policy.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise InputError(f"{declared} bytes is over the limit of {cap}", code=TOO_LARGE)
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > cap:
                raise InputError(f"more than {cap} bytes; cut off", code=TOO_LARGE)
            if time.monotonic() - started > self.policy.deadline:
                raise InputError(
                    f"still downloading after {self.policy.deadline:.0f} s", code=FETCH_TIMEOUT
                )
        return bytes(body)


def _validators(headers: httpx.Headers) -> dict[str, str]:
    names = {"etag": "etag", "last-modified": "last_modified", "retry-after": "retry_after"}
    return {key: headers[name] for name, key in names.items() if name in headers}


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
