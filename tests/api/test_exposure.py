"""A server bound off loopback keys reads from other machines unless told not to."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sanctionwatch import store as st
from sanctionwatch.api import create_app
from sanctionwatch.api.security import is_loopback, plan_exposure

PLANS = [
    ("loopback", "127.0.0.1", ["k"], None, False, 0),
    ("localhost", "localhost", [], None, False, 0),
    ("ipv6-loopback", "::1", [], None, False, 0),
    ("public-with-key", "0.0.0.0", ["k"], None, True, 1),
    ("public-without-key", "0.0.0.0", [], None, True, 2),
    ("public-open-reads", "0.0.0.0", ["k"], False, False, 1),
    ("public-keyed-reads", "192.0.2.7", ["k"], True, False, 0),
]


@pytest.mark.parametrize(
    ("host", "keys", "flag", "remote", "warnings"),
    [p[1:] for p in PLANS],
    ids=[p[0] for p in PLANS],
)
def test_exposure_plan_keys_remote_reads_and_warns(
    host: str, keys: list[str], flag: bool | None, remote: bool, warnings: int
) -> None:
    keyed, said = plan_exposure(host, keys=keys, read_requires_key=flag)
    assert (keyed, len(said)) == (remote, warnings)
    if not keys and not is_loopback(host):
        assert any("no API key" in warning for warning in said)


@pytest.mark.parametrize(
    ("client", "status"),
    [(("127.0.0.1", 5000), 200), (("::1", 5000), 200), (("192.0.2.9", 5000), 401)],
    ids=["loopback", "ipv6-loopback", "remote"],
)
def test_exposure_remote_reads_need_a_key(
    store: st.Store, monkeypatch: pytest.MonkeyPatch, client: tuple[str, int], status: int
) -> None:
    monkeypatch.delenv("SANCTIONWATCH_READ_REQUIRES_KEY", raising=False)
    app = create_app(store=store, api_keys=["k"], remote_reads_require_key=True)
    with TestClient(app, client=client) as test:
        assert test.get("/incidents").status_code == status
        assert test.get("/ui/").status_code == status
        assert test.get("/incidents", headers={"X-API-Key": "k"}).status_code == 200
        assert test.get("/health").status_code == 200
