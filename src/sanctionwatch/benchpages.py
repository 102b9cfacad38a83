"""List-page benchmark: ``python -m sanctionwatch.benchpages CORPUS.jsonl [--scales 1,4,16]``.

For each scale builds a store from the synthetic corpus of ``benchgrowth`` (copies with
their years moved on), or reuses ``--stores DIR/store-{scale}.db`` when it is there, then
times ``GET /incidents?limit=50`` (and ``limit=100``) in process, median of ``--repeat``
calls, and the UI list page. The API figures are of pages built each time (the response
cache off); ``cached`` is the same page served from the cache of an unchanged store. On
the first scale it also runs a bounded loopback load test: ``sanctionwatch serve`` in its
own process on 127.0.0.1, ``--clients`` threads sharing ``--requests`` requests of the
list, and reports requests/s, p50, p95 and errors, as served (the cache on) and with
``--cache-mb 0`` (every page built). Not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any


def build_store(records: list[dict[str, object]], scale: int, path: Path) -> None:
    from sanctionwatch import store as st
    from sanctionwatch.benchgrowth import synthetic_corpus
    from sanctionwatch.services import ingest_sources

    corpus = path.with_suffix(".jsonl")
    rows = synthetic_corpus(records, scale)
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    with st.open_store(f"sqlite:///{path}") as store:
        ingest_sources(store, [corpus])


def time_calls(call: Callable[[], object], *, repeat: int) -> float:
    """Median seconds of ``repeat`` calls after one warm-up."""
    call()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure_scale(path: Path, *, repeat: int) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from sanctionwatch import store as st
    from sanctionwatch.api import create_app

    with st.open_store(f"sqlite:///{path}") as store:
        with TestClient(create_app(store=store)) as cached:
            api_50_cached = time_calls(_getter(cached, "/incidents?limit=50"), repeat=repeat)
        # The cache off: every figure below is of a page built from the store.
        with TestClient(create_app(store=store, cache_bytes=0)) as client:
            total = client.get("/incidents?limit=1").headers.get("x-total-count", "?")
            return {
                "incidents": len(st.list_incidents(store)),
                "listed": total,
                "api_50": time_calls(_getter(client, "/incidents?limit=50"), repeat=repeat),
                "api_100": time_calls(_getter(client, "/incidents?limit=100"), repeat=repeat),
                "api_50_filtered": time_calls(
                    _getter(client, "/incidents?limit=50&actor=RU&grade=B"), repeat=repeat
                ),
                "ui_list": time_calls(_getter(client, "/ui/"), repeat=repeat),
                "api_50_cached": api_50_cached,
            }


def _getter(client: Any, url: str) -> Callable[[], object]:
    def call() -> object:
        response = client.get(url)
        response.raise_for_status()
        return response

    return call


def load_test(
    path: Path, *, clients: int, requests: int, cache_mb: int | None = None
) -> dict[str, float]:
    """``requests`` GETs of the list by ``clients`` threads against ``sanctionwatch serve``
    (``--cache-mb cache_mb`` when given).

    The server runs in its own process (as it does in use), so the clients here never
    compete with it for this interpreter's lock.
    """
    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable,
        "-c",
        "from sanctionwatch.cli.app import main; main()",
        "serve",
        "--db",
        f"sqlite:///{path}",
        "--port",
        str(port),
        *([] if cache_mb is None else ["--cache-mb", str(cache_mb)]),
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/incidents?limit=50"
    try:
        with httpx.Client(timeout=120, limits=httpx.Limits(max_connections=clients)) as http:
            deadline = time.monotonic() + 120
            while True:
                try:
                    http.get(url).raise_for_status()
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise
                    time.sleep(0.2)
            latencies: list[float] = []
            errors: list[str] = []

            def one(_: int) -> None:
                start = time.perf_counter()
                try:
                    http.get(url).raise_for_status()
                except httpx.HTTPError as exc:
                    errors.append(str(exc))
                latencies.append(time.perf_counter() - start)

            start = time.perf_counter()
            with ThreadPoolExecutor(max_workers=clients) as pool:
                list(pool.map(one, range(requests)))
            elapsed = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)
    quantiles = statistics.quantiles(latencies, n=20)
    return {
        "rps": requests / elapsed,
        "p50": statistics.median(latencies),
        "p95": quantiles[18],
        "errors": len(errors),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--scales", default="1,4,16")
    parser.add_argument("--stores", type=Path, help="keep (and reuse) stores here")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args(argv)
    records = [
        json.loads(line) for line in args.corpus.read_text("utf-8").splitlines() if line.strip()
    ]
    scales = [int(s) for s in args.scales.split(",")]
    with tempfile.TemporaryDirectory() as name:
        folder = args.stores or Path(name)
        folder.mkdir(parents=True, exist_ok=True)
        rows = []
        for scale in scales:
            path = folder / f"store-{scale}.db"
            if not path.exists():
                build_store(records, scale, path)
            rows.append({"scale": scale, **measure_scale(path, repeat=args.repeat)})
        first_store = folder / f"store-{scales[0]}.db"
        load = load_test(first_store, clients=args.clients, requests=args.requests)
        built = load_test(
            first_store, clients=args.clients, requests=max(args.requests // 4, 64), cache_mb=0
        )
    first = rows[0]["api_50"]
    print(
        f"{'scale':>5} {'incidents':>9} {'listed':>6} {'GET limit=50':>12} {'ratio':>6} "
        f"{'limit=100':>9} {'filtered':>9} {'UI list':>8} {'cached':>7}"
    )
    for row in rows:
        print(
            f"{row['scale']:>4}x {row['incidents']:>9} {row['listed']:>6} "
            f"{row['api_50'] * 1000:>10.0f}ms {row['api_50'] / first:>6.2f} "
            f"{row['api_100'] * 1000:>7.0f}ms {row['api_50_filtered'] * 1000:>7.0f}ms "
            f"{row['ui_list'] * 1000:>6.0f}ms {row['api_50_cached'] * 1000:>5.1f}ms"
        )
    for label, figures in (("served", load), ("--cache-mb 0, every page built", built)):
        print(
            f"load test ({scales[0]}x, {args.clients} clients, /incidents?limit=50 over "
            f"loopback, {label}): {figures['rps']:.1f} requests/s, "
            f"p50 {figures['p50'] * 1000:.0f}ms, p95 {figures['p95'] * 1000:.0f}ms, "
            f"{figures['errors']:.0f} errors"
        )


if __name__ == "__main__":
    main()
