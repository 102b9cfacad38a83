"""``serve --host 0.0.0.0``: warns, and keys reads from other machines unless told not to."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.integration
CLI = [sys.executable, "-c", "from sanctionwatch.cli.app import main; main()"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("0.0.0.0", 0))
        port: int = sock.getsockname()[1]
        return port


def _own_address() -> str | None:
    """This machine's address on its network (no packet is sent), or None."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.connect(("192.0.2.1", 9))
            address: str = sock.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


@contextmanager
def _public_server(tmp_path: Path, *args: str) -> Iterator[tuple[int, Path]]:
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANCTIONWATCH_")}
    env["SANCTIONWATCH_DATA_DIR"] = str(tmp_path / "data")
    db = f"sqlite:///{tmp_path / 'serve.db'}"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*CLI, "serve", "--host", "0.0.0.0", "--port", str(port), "--db", db, *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=sink,
        )
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).is_success:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            else:
                pytest.fail("sanctionwatch serve did not start")
            yield port, log
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_serve_exposure_public_host_warns_and_keys_remote_reads(tmp_path: Path) -> None:
    with _public_server(tmp_path, "--api-key", "k") as (port, log):
        assert httpx.get(f"http://127.0.0.1:{port}/incidents").status_code == 200
        address = _own_address()
        if address is not None:
            remote = f"http://{address}:{port}/incidents"
            assert httpx.get(remote).status_code == 401
            assert httpx.get(remote, headers={"X-API-Key": "k"}).status_code == 200
        said = log.read_text("utf-8")
    assert "warning: serving on 0.0.0.0: reads from other machines need an API key" in said


def test_serve_exposure_without_a_key_warns_and_open_reads_is_explicit(tmp_path: Path) -> None:
    with _public_server(tmp_path, "--open-reads") as (port, log):
        address = _own_address()
        if address is not None:
            assert httpx.get(f"http://{address}:{port}/incidents").status_code == 200
        said = log.read_text("utf-8")
    assert "no API key is configured" in said and "--open-reads" in said
