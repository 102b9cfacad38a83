"""The multi-list benchmark: UN + EU DPRK lists + ``size`` generated entities, on disk.

Figures: index build time, file size, open time, memory (the benchmark's own peak,
which holds every generated entry while building, and a fresh serving process that
opens the index and screens 2,000 names); held-out recall@1 and
precision (a listing of the same designee on another list counts as correct); p50/p99
per query in-process; names per minute in a batch on one core.

Queries, each with its expected designee:

* every Hangul ↔ romanised pair of the EU transcription: the Hangul name, and the
  romanised name, each with the birth date when the pair has one; and each with the
  name alone, scored apart (``name_only_*``: exact homonyms on the list make a name
  alone ambiguous, and top-1 among equals is then a coin toss, flagged as ambiguous);
* every DPRK row of the yente UN positives, untreated and treated (typos, reordering),
  with its birth date and nationality;
* 2,000 synthetic non-sanctioned people (yente negatives), whose matches are all false.

Recall@1 and precision are over the positive queries (precision: of the top results
reported as a match, the share that is the expected designee or another listing of
it). Negatives give a separate hit rate, with the hits whose names are the same in full
as the generated entry's (a homonym on the list, not a matcher error) counted apart.

Every figure is given for the dev half, the test half (held out: split by a hash of the
query, fixed) and all.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from sanctionwatch.resolve.benchdata import generate_entities, read_eu_csv
from sanctionwatch.resolve.designees import iso_date, name_signature
from sanctionwatch.resolve.index import ScreeningIndex, build_index
from sanctionwatch.resolve.lists import SanctionsList, parse_list
from sanctionwatch.resolve.matcher import DEFAULT_THRESHOLD, Query

UN_XML = "research-data/un_1718/un_sc_consolidated_dprk_subset_2024-09-26.xml"
EU_CSV = "research-data/eu_dprk/eu_reg_2017-1509_dprk_consolidated.csv"
MATCHING = "research-data/name_matching"

Case = tuple[str, Query, str | None]
"""(key for the split, query, expected entry id or None for a negative)"""


def _by_signature(lists: list[SanctionsList]) -> dict[str, str]:
    out: dict[str, str] = {}
    for sanctions_list in lists:
        for entry in sanctions_list.entries:
            for name in entry.names:
                out.setdefault(name_signature(name.name), entry.id)
    return out


def _pair_entry(eu: SanctionsList, latin: str, hangul: str) -> str | None:
    """The EU entry carrying both names of a pair: the designee the pair was taken from."""
    wanted = {name_signature(latin), hangul}
    for entry in eu.entries:
        names = {name_signature(n.name) for n in entry.names} | {n.name for n in entry.names}
        if wanted <= names:
            return entry.id
    return None


def build_cases(shared: Path, un: SanctionsList, eu: SanctionsList) -> list[Case]:
    from sanctionwatch.resolve.bench import _query, _rows

    cases: list[Case] = []
    for row in _rows(shared / MATCHING / "derived_dprk_hangul_latin_pairs_from_eu.csv"):
        schema = "Person" if row["schema"] == "Person" else "Organization"
        expected = _pair_entry(eu, row["latin_name"], row["hangul_name"])
        key = row["latin_name"] + row["hangul_name"]
        births = (birth,) if (birth := iso_date(row["birth_date"])) else ()
        for script in ("hangul", "latin"):
            name = row[f"{script}_name"]
            # As screened: with the birth date when the listing gives one. Homonyms
            # ("CHOE Chun-Sik", b. 1954 and b. 1963) need it; the name alone is scored apart.
            cases.append((f"{key}|{script}", Query(schema, (name,), birth_dates=births), expected))
            cases.append((f"{key}|{script}|name-only", Query(schema, (name,)), expected))
    un_names = _by_signature([un])
    untreated = _rows(shared / MATCHING / "yente_positives_un_sc_untreated.csv")
    treated = _rows(shared / MATCHING / "yente_positives_un_sc_treated.csv")
    for label, rows in (("untreated", untreated), ("treated", treated)):
        for plain, row in zip(untreated, rows, strict=True):
            expected = un_names.get(name_signature(plain["full_name"]))
            if plain["nationality"] == "kp" and expected:
                cases.append((f"{plain['full_name']}|{label}", _query(row), expected))
    for file in ("yente_negatives_global_1k.csv", "yente_negatives_us_1k.csv"):
        for row in _rows(shared / MATCHING / file):
            cases.append((row["full_name"] + "|negative", _query(row), None))
    return cases


def score_cases(index: ScreeningIndex, cases: list[Case]) -> dict[str, Any]:
    from sanctionwatch.resolve.bench import half

    parts = ("all", "dev", "test", "name_only_all", "name_only_test")
    tallies = {
        part: {"positives": 0, "tp": 0, "wrong": 0, "negatives": 0, "negative_hits": 0, "negative_homonyms": 0}
        for part in parts
    }  # fmt: skip
    misses: list[str] = []
    timings: list[float] = []
    for key, query, expected in cases:
        start = time.perf_counter()
        results = index.screen(query, threshold=DEFAULT_THRESHOLD, limit=1)
        timings.append(time.perf_counter() - start)
        top = results[0] if results and results[0].match else None
        ids = {e.id for e in top.designations} | {top.entry.id} if top else set()
        correct = top is not None and expected in ids
        name_only = key.endswith("|name-only")
        chosen = ("name_only_all", f"name_only_{half(key)}") if name_only else ("all", half(key))
        for part in chosen:
            tally = tallies.setdefault(part, dict.fromkeys(tallies["all"], 0))
            if expected:
                tally["positives"] += 1
                tally["tp"] += correct
                tally["wrong"] += top is not None and not correct
            else:
                tally["negatives"] += 1
                tally["negative_hits"] += top is not None
                # The same name in full on the list: a homonym, not a matcher error.
                tally["negative_homonyms"] += top is not None and top.name.score >= 0.999
        if not correct and (expected or top) and half(key) == "test" and not name_only:
            got = f"{top.entry.id} {top.entry.caption} {top.score:.2f}" if top else "none"
            misses.append(f"{key} -> {got}")
    out: dict[str, Any] = {}
    tallies.pop("name_only_dev", None)
    for part, t in tallies.items():
        found = t["tp"] + t["wrong"]
        out[part] = {
            **t,
            "recall_at_1": round(t["tp"] / t["positives"], 4) if t["positives"] else None,
            "precision": round(t["tp"] / found, 4) if found else None,
            "negative_hit_rate": round(t["negative_hits"] / t["negatives"], 4) if t["negatives"] else None,
        }  # fmt: skip
    out["test_errors"] = misses
    timings.sort()
    out["p50_ms"] = round(1000 * timings[len(timings) // 2], 2)
    out["p99_ms"] = round(1000 * timings[int(len(timings) * 0.99)], 2)
    return out


def batch_names(shared: Path) -> list[str]:
    """Distinct real-looking names (yente's UN positives, US Congress, negatives): a batch
    with few repeats, so caches do not flatter the figure."""
    from sanctionwatch.resolve.bench import _rows

    files = (
        "yente_positives_un_sc_treated.csv",
        "yente_positives_us_congress_untreated.csv",
        "yente_negatives_global_1k.csv",
        "yente_negatives_us_1k.csv",
    )
    names = [row["full_name"] for file in files for row in _rows(shared / MATCHING / file)]
    return list(dict.fromkeys(n for n in names if n.strip()))


def batch_speed(index: ScreeningIndex, names: list[str]) -> dict[str, Any]:
    queries = [Query("Person", (n,)) for n in names]
    start = time.process_time()
    for query in queries:
        index.screen(query, limit=3)
    elapsed = time.process_time() - start
    return {
        "names": len(names),
        "cpu_seconds": round(elapsed, 2),
        "names_per_minute": round(60 * len(names) / elapsed),
    }


_SERVE = """
import sys, time
from pathlib import Path
from sanctionwatch.resolve.index import ScreeningIndex
from sanctionwatch.resolve.matcher import Query

def peak_mb():
    # VmHWM belongs to this process image; ru_maxrss would carry the parent's over exec.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)

before = peak_mb()
start = time.perf_counter()
index = ScreeningIndex.open(Path(sys.argv[1]))
opened = time.perf_counter() - start
for line in sys.stdin:
    index.screen(Query("Person", (line.strip(),)))
print(round(opened * 1000, 2), before, peak_mb())
"""


def serving_memory(path: Path, names: list[str]) -> dict[str, float]:
    """A fresh process that opens the index and screens ``names``: its open time and
    peak memory, before and after (the interpreter and libraries alone are "before")."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _SERVE, str(path)],
        input="\n".join(names),
        capture_output=True,
        text=True,
        check=True,
    )
    open_ms, before, after = (float(v) for v in done.stdout.split())
    return {"open_ms": open_ms, "rss_libraries_mb": before, "rss_after_queries_mb": after}


def run_lists(shared: Path, *, size: int) -> dict[str, Any]:
    un = parse_list((shared / UN_XML).read_bytes(), name="un_sc")
    eu = read_eu_csv(shared / EU_CSV)
    start = time.perf_counter()
    generated = generate_entities(size)
    generate_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory(prefix="sw-bench-") as folder:
        path = Path(folder) / "index.sqlite"
        start = time.perf_counter()
        build_index([un, eu, generated], path)
        build_seconds = time.perf_counter() - start
        start = time.perf_counter()
        index = ScreeningIndex.open(path)
        open_ms = 1000 * (time.perf_counter() - start)
        designees = {
            name_signature(n.name)
            for e in (*un.entries, *eu.entries)
            if e.is_person
            for n in e.names
        }
        namesakes = sum(
            any(name_signature(n.name) in designees for n in e.names) for e in generated.entries
        )
        linked = len(un.entries) + len(eu.entries) + size - len(set(index._group.tolist()))
        cases = build_cases(shared, un, eu)
        quality = score_cases(index, cases)
        names = batch_names(shared)
        speed = batch_speed(index, names)
        serving = serving_memory(path, names[:2000])
        return {
            "entities": len(index),
            "generate_seconds": round(generate_seconds, 1),
            "build_seconds": round(build_seconds, 1),
            "disk_mb": round(path.stat().st_size / 2**20, 1),
            "open_ms": round(open_ms, 2),
            "bench_peak_rss_mb": round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
            ),
            "listings_linked": linked,
            "generated_namesakes_of_designees": namesakes,
            "quality": quality,
            "batch": speed,
            "serving_process": serving,
        }
