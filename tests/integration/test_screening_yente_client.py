"""A real yente client (the ``yente-client`` package) against ``sanctionwatch serve``."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.integration
yente_client = pytest.importorskip("yente_client")
FIXTURE = Path(__file__).resolve().parents[1] / "resolve" / "data" / "un_small.xml"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("serve")
    env = {**os.environ, "SANCTIONWATCH_DATA_DIR": str(data_dir)}
    env.pop("SANCTIONWATCH_DATABASE_URL", None)
    cli = [sys.executable, "-c", "from sanctionwatch.cli.app import main; main()"]
    loaded = subprocess.run(
        [*cli, "lists", "update", str(FIXTURE)], env=env, capture_output=True, timeout=60
    )
    assert loaded.returncode == 0, loaded.stderr
    port = _free_port()
    process = subprocess.Popen(
        [*cli, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail("sanctionwatch serve did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_screening_yente_client_screens_names(server: str) -> None:
    from yente_client import Client
    from yente_client.entities import Person

    names = [
        ("a", Person(name=["김영철"], birthDate=["1946"])),
        ("b", Person(name=["Kim Jong Un"])),
    ]
    with Client(base_url=server, timeout=30) as client:
        single = client.match(Person(name=["Шойгу Сергей"]))
        assert single.top is not None and single.top.id == "un_sc-TRi.001" and single.top.match
        assert single.top.explanations["name_match"].candidate == "SHOIGU SERGEI KUZHUGETOVICH"
        results = dict(client.match_iter(names, workers=2))
    first = results["a"]
    assert not isinstance(first, yente_client.MatchError)
    assert first.top is not None and first.top.id == "un_sc-TKi.002"
    second = results["b"]
    assert not isinstance(second, yente_client.MatchError)
    assert second.matches == [], "Kim Jong Un is not Kim Jong Il"
