"""What the integration tests share: running the real CLI, and a real server on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager

import httpx
import pytest

CLI = [sys.executable, "-c", "from sanctionwatch.cli.app import main; main()"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def _serve(args: Sequence[str] = (), env: Mapping[str, str] | None = None) -> Iterator[str]:
    """``sanctionwatch serve ARGS`` on a free loopback port; yields its base URL once
    ``/health`` answers, and stops it afterwards."""
    port = _free_port()
    process = subprocess.Popen(
        [*CLI, "serve", "--port", str(port), *args],
        env=dict(env) if env is not None else None,
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


@pytest.fixture(scope="session")
def serve() -> Callable[..., AbstractContextManager[str]]:
    """``with serve(["--db", url], env) as base_url: ...``"""
    return _serve


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., subprocess.CompletedProcess[bytes]]:
    """Run ``sanctionwatch ARGS`` as a user would, failing the test on a non-zero exit."""

    def run(
        args: Sequence[str], env: Mapping[str, str] | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        done = subprocess.run(
            [*CLI, *args],
            env=dict(env) if env is not None else None,
            capture_output=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        return done

    return run


@pytest.fixture
def clean_env() -> dict[str, str]:
    """The environment without settings that would point a subprocess elsewhere."""
    env = dict(os.environ)
    for name in (
        "SANCTIONWATCH_DATABASE_URL",
        "SANCTIONWATCH_API_KEYS",
        "SANCTIONWATCH_READ_REQUIRES_KEY",
    ):
        env.pop(name, None)
    return env
