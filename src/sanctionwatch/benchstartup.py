"""Start-up benchmark: ``python -m sanctionwatch.benchstartup [--repeat 7]``.

Runs each command in a fresh interpreter, ``--repeat`` times, and prints the median wall
time beside ``python -c pass`` measured the same way in the same run, so the figure is
what the CLI adds to an empty interpreter on this machine. ``version`` runs with a cache
directory of its own (``XDG_CACHE_HOME``, see ``cli.versioninfo``): once warmed, as every
run after the first on an installation, and ``version, first run`` with an empty one each
time (naming the extractor loads it). Not a test: nothing asserts a speed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

_CLI = "from sanctionwatch.cli.app import main; main()"
COMMANDS = {
    "python -c pass": ["-c", "pass"],
    "sanctionwatch --version": ["-c", _CLI, "--version"],
    "sanctionwatch --help": ["-c", _CLI, "--help"],
    "sanctionwatch version": ["-c", _CLI, "version"],
}


def time_command(
    args: list[str], *, repeat: int, cache: Callable[[], str] | None = None
) -> float | None:
    """Median seconds, or ``None`` when the command fails (an option this version lacks).

    ``cache`` gives the ``XDG_CACHE_HOME`` of each run."""
    times = []
    for _ in range(repeat):
        env = {**os.environ, **({"XDG_CACHE_HOME": cache()} if cache else {})}
        start = time.perf_counter()
        done = subprocess.run([sys.executable, *args], check=False, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            return None
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        warm = os.path.join(folder, "warm")
        fresh = iter(range(1_000_000))
        subprocess.run(
            [sys.executable, *COMMANDS["sanctionwatch version"]],
            check=False,
            capture_output=True,
            env={**os.environ, "XDG_CACHE_HOME": warm},
        )
        rows = [(label, command, lambda: warm) for label, command in COMMANDS.items()]
        rows.append(
            (
                "sanctionwatch version, first run",
                COMMANDS["sanctionwatch version"],
                lambda: os.path.join(folder, f"fresh-{next(fresh)}"),
            )
        )
        for label, command, cache in rows:
            median = time_command(command, repeat=args.repeat, cache=cache)
            shown = f"{median * 1000:>7.0f} ms median" if median is not None else "    n/a (fails)"
            print(f"{label:<34} {shown}")


if __name__ == "__main__":
    main()
