"""Backfill benchmark: ``python -m sanctionwatch.benchbackfill CORPUS.jsonl [--scale 4]``.

Backfills the synthetic corpus of ``benchgrowth`` at ``--scale`` into fresh stores with
the local engine and with Dask on a LocalCluster of 1 and 2 workers, prints each wall
time (the extraction phase separately), the speed-up of 2 workers over 1, and whether
the claim ids equal the local engine's. Not a test: nothing asserts a speed.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def run(
    corpus: Path, folder: Path, *, engine: str, workers: int, partition_size: int
) -> dict[str, object]:
    from sanctionwatch import store as st
    from sanctionwatch.pipeline.partitions import LocalPartitionExecutor
    from sanctionwatch.services.backfilling import backfill

    path = folder / f"{engine}-{workers}.db"
    marks: list[float] = []
    with st.open_store(f"sqlite:///{path}") as store:
        start = time.perf_counter()
        if engine == "dask":
            from sanctionwatch.pipeline.dask_executor import DaskExecutor

            with DaskExecutor(workers=workers) as executor:
                ready = time.perf_counter()
                summary = backfill(
                    store,
                    [corpus],
                    executor=executor,
                    partition_size=partition_size,
                    on_partition=lambda done, total: marks.append(time.perf_counter()),
                )
        else:
            ready = time.perf_counter()
            summary = backfill(
                store,
                [corpus],
                executor=LocalPartitionExecutor(),
                partition_size=partition_size,
                on_partition=lambda done, total: marks.append(time.perf_counter()),
            )
        total = time.perf_counter() - start
        claims = sorted(c.id for c in st.all_claims(store))
    return {
        "engine": f"{engine} x{workers}" if engine == "dask" else "local",
        "documents": summary.ingest.ingested,
        "claims": claims,
        "total_s": total,
        "cluster_s": ready - start,
        "extract_s": (marks[-1] - ready) if marks else 0.0,
    }


def main(argv: list[str] | None = None) -> None:
    from sanctionwatch.benchgrowth import synthetic_corpus

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--scale", type=int, default=4)
    parser.add_argument("--partition-size", type=int, default=16)
    args = parser.parse_args(argv)
    records = [
        json.loads(line) for line in args.corpus.read_text("utf-8").splitlines() if line.strip()
    ]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        corpus = folder / "corpus.jsonl"
        rows = synthetic_corpus(records, args.scale)
        corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
        results = [
            run(corpus, folder, engine=engine, workers=workers, partition_size=args.partition_size)
            for engine, workers in (("local", 1), ("dask", 1), ("dask", 2))
        ]
    reference = results[0]["claims"]
    print(f"backfill of {len(rows)} documents ({args.scale}x), partitions of {args.partition_size}")
    print(
        f"{'engine':<8} {'total':>8} {'cluster':>8} {'ingest+extract':>15} {'claims':>7} same ids"
    )
    for row in results:
        claims = row["claims"]
        assert isinstance(claims, list)
        print(
            f"{row['engine']!s:<8} {row['total_s']:>7.1f}s {row['cluster_s']:>7.1f}s "
            f"{row['extract_s']:>14.1f}s {len(claims):>7} {claims == reference}"
        )
    one, two = results[1]["extract_s"], results[2]["extract_s"]
    assert isinstance(one, float) and isinstance(two, float)
    print(f"speed-up of 2 Dask workers over 1 (extraction): {one / two if two else 0:.2f}x")


if __name__ == "__main__":
    main()
