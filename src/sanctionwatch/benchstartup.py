"""Start-up benchmark: ``python -m sanctionwatch.benchstartup [--repeat 7]``.

Runs each command in a fresh interpreter, ``--repeat`` times, and prints the median wall
time beside ``python -c pass`` measured the same way in the same run, so the figure is
what the CLI adds to an empty interpreter on this machine. Every run is a cold one:
nothing is remembered between runs (``version`` names the extractor from versions alone,
see ``extract.naming``). Not a test: nothing asserts a speed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

_CLI = "from sanctionwatch.cli.app import main; main()"
COMMANDS = {
    "python -c pass": ["-c", "pass"],
    "sanctionwatch --version": ["-c", _CLI, "--version"],
    "sanctionwatch --help": ["-c", _CLI, "--help"],
    "sanctionwatch version": ["-c", _CLI, "version"],
}


def time_command(args: list[str], *, repeat: int) -> float | None:
    """Median seconds, or ``None`` when the command fails (an option this version lacks)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, *args], check=False, capture_output=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            return None
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    for label, command in COMMANDS.items():
        median = time_command(command, repeat=args.repeat)
        shown = f"{median * 1000:>7.0f} ms median" if median is not None else "    n/a (fails)"
        print(f"{label:<26} {shown}")


if __name__ == "__main__":
    main()
