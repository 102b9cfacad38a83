"""Growth benchmark: ``python -m sanctionwatch.benchgrowth CORPUS.jsonl [--scales 1,4,16]``.

Builds synthetic corpora of 1x, 4x and 16x the real one: copy ``j`` of every article has
each year in its text and its publication date moved ``j * YEAR_SHIFT`` years on, so a
bigger store holds more years of reporting, as a store that has been monitoring longer
does. For each scale it times a full ingest (all but 10 articles of the newest copy),
then the incremental ingest of those 10, then ``incidents rebuild``, and prints a table
with the ratio of each scale's incremental ingest to the 1x one. Not a test: nothing here
asserts a speed.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from pathlib import Path

YEAR_SHIFT = 20
HELD_OUT = 10
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def shift_years(text: str, years: int) -> str:
    """Every four-digit year from 1950 to 2049 moved ``years`` on."""
    if not years:
        return text
    return _YEAR.sub(lambda m: str(int(m.group(0)) + years), text)


def synthetic_corpus(records: list[dict[str, object]], copies: int) -> list[dict[str, object]]:
    out = []
    for j in range(copies):
        for record in records:
            shifted = dict(record)
            shifted["id"] = f"{record.get('id')}-x{j}"
            shifted["text"] = shift_years(str(record.get("text") or ""), j * YEAR_SHIFT)
            if record.get("published"):
                shifted["published"] = shift_years(str(record["published"]), j * YEAR_SHIFT)
            out.append(shifted)
    return out


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def run_scale(records: list[dict[str, object]], scale: int, folder: Path) -> dict[str, float]:
    from sanctionwatch import store as st
    from sanctionwatch.services import ingest_sources, rebuild_incidents

    corpus = synthetic_corpus(records, scale)
    base, new = corpus[:-HELD_OUT], corpus[-HELD_OUT:]
    base_path = _write(folder / f"base-{scale}.jsonl", base)
    new_path = _write(folder / f"new-{scale}.jsonl", new)
    with st.open_store(f"sqlite:///{folder / f'store-{scale}.db'}") as store:
        start = time.perf_counter()
        ingest_sources(store, [base_path])
        full = time.perf_counter() - start
        start = time.perf_counter()
        summary = ingest_sources(store, [new_path])
        incremental = time.perf_counter() - start
        start = time.perf_counter()
        incidents = rebuild_incidents(store)
        rebuild = time.perf_counter() - start
        claims = st.stats(store)["claims"]
    return {
        "scale": scale,
        "documents": len(corpus),
        "claims": claims,
        "incidents": incidents,
        "full_ingest_s": full,
        "incremental_10_s": incremental,
        "incremental_changed": summary.incidents,
        "rebuild_s": rebuild,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--scales", default="1,4,16")
    args = parser.parse_args(argv)
    records = [
        json.loads(line) for line in args.corpus.read_text("utf-8").splitlines() if line.strip()
    ]
    scales = [int(s) for s in args.scales.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as name:
        for scale in scales:
            rows.append(run_scale(records, scale, Path(name)))
    first = rows[0]["incremental_10_s"]
    print(
        f"{'scale':>5} {'docs':>6} {'claims':>7} {'incidents':>9} {'full ingest':>12} "
        f"{'+10 docs':>9} {'changed':>7} {'ratio':>6} {'rebuild':>8}"
    )
    for row in rows:
        print(
            f"{row['scale']:>4}x {row['documents']:>6.0f} {row['claims']:>7.0f} "
            f"{row['incidents']:>9.0f} {row['full_ingest_s']:>11.1f}s "
            f"{row['incremental_10_s']:>8.2f}s {row['incremental_changed']:>7.0f} "
            f"{row['incremental_10_s'] / first:>6.2f} {row['rebuild_s']:>7.2f}s"
        )


if __name__ == "__main__":
    main()
