"""Screening benchmark: ``python -m sanctionwatch.resolve.bench [SHARED] [--json] [--quick]
[--size N[,N...]]``.

Measures, on the research files in ``SHARED/research-data`` (default ``../shared``), with
the 155-entry UN DPRK list alone:

* Hangul ↔ romanised DPRK designee pairs: recall at the shipped threshold, for the
  romanised name alone and with the designee's other Latin aliases; precision against
  every pair of distinct UN-listed DPRK individuals (name only);
* the nomenklatura name bench: precision, recall, F1 at the same threshold;
* the yente UN positives (DPRK rows, untreated and treated): top result is the right entry;
* the 2,000 synthetic negatives: results above the threshold;
* the anchor cases (Kim Jong Un against Kim Jong Il, Kim Yo Jong, Kim Jong Nam; Shoigu);
* latency per query (p50, p99) and names per second over 100,000 generated names;

and, for each ``--size`` (default 100,000 and 1,000,000), the multi-list figures of
``bench_lists``: UN + EU DPRK lists + that many generated multi-script entities, an
on-disk index (build time, disk, open time, peak memory), held-out recall@1 and
precision, p50/p99 per query and names per minute in a batch.

Every figure is printed for a dev half and a test half as well (split by a hash of the
case, fixed), so a change tuned on one half shows its effect on the other.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sanctionwatch.resolve.index import ScreeningIndex
from sanctionwatch.resolve.lists import SanctionsList, parse_list
from sanctionwatch.resolve.matcher import DEFAULT_THRESHOLD, Query, best_name, entry_forms
from sanctionwatch.resolve.names import analyse_name

UN_XML = "research-data/un_1718/un_sc_consolidated_dprk_subset_2024-09-26.xml"
MATCHING = "research-data/name_matching"


def half(key: str) -> str:
    return "dev" if hashlib.sha256(key.encode()).digest()[0] % 2 == 0 else "test"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _split_rate(items: list[tuple[str, bool]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for part in ("all", "dev", "test"):
        chosen = [ok for key, ok in items if part == "all" or half(key) == part]
        out[part] = {
            "n": len(chosen),
            "rate": round(sum(chosen) / len(chosen), 4) if chosen else None,
        }
    return out


def hangul_pairs(shared: Path, un: SanctionsList, threshold: float) -> dict[str, Any]:
    rows = _rows(shared / MATCHING / "derived_dprk_hangul_latin_pairs_from_eu.csv")
    pair_hits: list[tuple[str, bool]] = []
    entity_hits: list[tuple[str, bool]] = []
    misses = []
    for row in rows:
        is_org = row["schema"] != "Person"
        hangul = analyse_name(row["hangul_name"], is_org=is_org)
        latin = [row["latin_name"]] + [
            a.strip() for a in row["other_latin_aliases"].replace(",", "|").split("|") if a.strip()
        ]
        scores = [_pair(hangul, analyse_name(n, is_org=is_org)) for n in latin]
        key = row["latin_name"] + row["hangul_name"]
        pair_hits.append((key, scores[0] >= threshold))
        entity_hits.append((key, max(scores) >= threshold))
        if max(scores) < threshold:
            misses.append(f"{row['latin_name']} / {row['hangul_name']}: {max(scores):.2f}")
    # Precision: every pair of distinct UN-listed DPRK individuals, name only.
    people = [entry_forms(e) for e in un.entries if e.is_person]
    false_positives = []
    for a, b in itertools.combinations(people, 2):
        score = best_name([f for f, _ in a.forms], b).score
        if score >= threshold:
            false_positives.append(f"{a.entry.reference}~{b.entry.reference} {score:.2f}")
    true_positives = sum(ok for _, ok in entity_hits)
    precision = true_positives / (true_positives + len(false_positives))
    return {
        "recall_pair": _split_rate(pair_hits),
        "recall_entity": _split_rate(entity_hits),
        "misses": misses,
        "un_individual_pairs": len(people) * (len(people) - 1) // 2,
        "un_false_positives": false_positives,
        "precision": round(precision, 4),
    }


def _pair(a: Any, b: Any) -> float:
    from sanctionwatch.resolve.matcher import _compare

    return _compare(a, b).score


def name_bench(shared: Path, threshold: float) -> dict[str, Any]:
    rows = _rows(shared / MATCHING / "nomenklatura_name_bench_cases.csv")
    out: dict[str, Any] = {}
    counts = {part: [0, 0, 0, 0] for part in ("all", "dev", "test")}  # tp fp fn tn
    for row in rows:
        is_org = row["schema"] in {"Company", "Organization", "LegalEntity", "Vessel"}
        a = analyse_name(row["name1"], is_org=is_org)
        b = analyse_name(row["name2"], is_org=is_org)
        predicted = _pair(a, b) >= threshold
        gold = row["is_match"] == "true"
        cell = 0 if predicted and gold else 1 if predicted else 2 if gold else 3
        for part in ("all", half(row["name1"] + "|" + row["name2"])):
            counts[part][cell] += 1
    for part, (tp, fp, fn, _tn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[part] = {
            "n": sum(counts[part]),
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        }
    return out


def yente_sets(shared: Path, index: ScreeningIndex, threshold: float) -> dict[str, Any]:
    untreated = _rows(shared / MATCHING / "yente_positives_un_sc_untreated.csv")
    treated = _rows(shared / MATCHING / "yente_positives_un_sc_treated.csv")
    by_name: dict[str, str] = {}
    for forms in index.iter_entries():
        for name in forms.entry.names:
            by_name.setdefault(" ".join(name.name.upper().split()), forms.entry.id)
    out: dict[str, Any] = {}
    for label, rows in (("untreated", untreated), ("treated", treated)):
        top = matched = total = 0
        wrong = []
        for plain, row in zip(untreated, rows, strict=True):
            if plain["nationality"] != "kp":
                continue
            expected = by_name.get(" ".join(plain["full_name"].upper().split()))
            if expected is None:
                continue
            total += 1
            query = _query(row)
            results = index.screen(query, threshold=threshold, limit=3)
            if results and results[0].entry.id == expected:
                top += 1
                matched += results[0].match
            else:
                wrong.append(row["full_name"])
        out[label] = {"dprk_rows": total, "top1": top, "top1_and_match": matched, "wrong": wrong}
    negatives = 0
    name_only = 0
    hits = []
    for file in ("yente_negatives_global_1k.csv", "yente_negatives_us_1k.csv"):
        for row in _rows(shared / MATCHING / file):
            results = index.screen(_query(row), threshold=threshold, limit=1)
            if results and results[0].match:
                negatives += 1
                hits.append(f"{row['full_name']} -> {results[0].entry.caption}")
            bare = Query("Person", (row["full_name"],))
            results = index.screen(bare, threshold=threshold, limit=1)
            name_only += bool(results and results[0].match)
    out["negatives"] = {"n": 2000, "above_threshold": negatives, "hits": hits}
    out["negatives_name_only"] = {"n": 2000, "above_threshold": name_only}
    return out


def _query(row: dict[str, str]) -> Query:
    from followthemoney.types import registry

    country = registry.country.clean(row.get("nationality") or "")
    return Query(
        "Person",
        (row["full_name"],),
        birth_dates=(row["date_of_birth"],) if row.get("date_of_birth") else (),
        countries=(country,) if country else (),
    )


def anchors(index: ScreeningIndex, threshold: float) -> dict[str, Any]:
    def score(a: str, b: str) -> float:
        return round(_pair(analyse_name(a), analyse_name(b)), 4)

    out: dict[str, Any] = {
        f"Kim Jong Un ~ {other}": score("Kim Jong Un", other)
        for other in ("Kim Jong Il", "Kim Yo Jong", "Kim Jong Nam", "김정은", "Kim Jong-un")
    }
    out["Sergei Kuzhugetovich Shoigu ~ Shoygu Sergey"] = score(
        "Sergei Kuzhugetovich Shoigu", "Shoygu Sergey"
    )
    out["Шойгу Сергей Кужугетович ~ Sergei Shoigu"] = score(
        "Шойгу Сергей Кужугетович", "Sergei Shoigu"
    )
    kim = ScreeningIndex([_toy_list()])
    for birth in ((), ("1984-01-08",), ("1941-02-16",)):
        results = kim.screen(Query("Person", ("Kim Jong Un",), birth_dates=birth), limit=3)
        label = f"screen 'Kim Jong Un' dob={birth[0] if birth else '-'}"
        out[label] = [f"{r.entry.caption} {r.score:.2f} {r.confidence}" for r in results]
    return out


def _toy_list() -> SanctionsList:
    rows = [
        ("T1", "KIM JONG IL", "1941-02-16"),
        ("T2", "KIM YO JONG", "1987-09-26"),
        ("T3", "KIM JONG NAM", "1971-05-10"),
    ]
    body = "".join(
        f"<INDIVIDUAL><FIRST_NAME>{n}</FIRST_NAME><REFERENCE_NUMBER>{r}</REFERENCE_NUMBER>"
        f"<INDIVIDUAL_DATE_OF_BIRTH><DATE>{d}</DATE></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>"
        for r, n, d in rows
    )
    return parse_list(
        f"<CONSOLIDATED_LIST><INDIVIDUALS>{body}</INDIVIDUALS></CONSOLIDATED_LIST>".encode()
    )


def generated_names(count: int, seed: int = 1718) -> list[str]:
    rng = random.Random(seed)
    family = [
        "Kim",
        "Ri",
        "Pak",
        "Choe",
        "Jong",
        "Kang",
        "Jo",
        "Yun",
        "Han",
        "O",
        "Smith",
        "Ivanov",
    ]
    syllables = ["Jong", "Un", "Il", "Chol", "Yong", "Song", "Hyok", "Nam", "Su", "Myong", "Kwang"]
    western = ["John", "Maria", "Sergei", "Anna", "Ahmed", "Li", "Olga", "Peter", "Wei", "Elena"]
    hangul = "김리박최정강조윤한오"
    given = "정은일철영성혁남수명광"
    out = []
    for i in range(count):
        kind = i % 4
        if kind == 0:
            out.append(f"{rng.choice(family)} {rng.choice(syllables)} {rng.choice(syllables)}")
        elif kind == 1:
            out.append(rng.choice(hangul) + rng.choice(given) + rng.choice(given))
        elif kind == 2:
            out.append(f"{rng.choice(western)} {rng.choice(family)}ov")
        else:
            out.append(
                f"{rng.choice(syllables)}-{rng.choice(syllables).lower()} {rng.choice(family)}"
            )
    return out


def speed(index: ScreeningIndex, *, batch: int, queries: int = 2000) -> dict[str, Any]:
    names = generated_names(batch)
    timings = []
    for name in names[:queries]:
        start = time.perf_counter()
        index.screen(Query("Person", (name,)))
        timings.append(time.perf_counter() - start)
    timings.sort()
    start = time.perf_counter()
    for name in names:
        index.screen(Query("Person", (name,)))
    elapsed = time.perf_counter() - start
    return {
        "entries": len(index),
        "p50_ms": round(1000 * timings[len(timings) // 2], 3),
        "p99_ms": round(1000 * timings[int(len(timings) * 0.99)], 3),
        "batch": batch,
        "names_per_second": round(batch / elapsed, 1),
    }


def run(shared: Path, *, quick: bool = False, sizes: tuple[int, ...] = ()) -> dict[str, Any]:
    threshold = DEFAULT_THRESHOLD
    un = parse_list((shared / UN_XML).read_bytes(), name="un_sc")
    index = ScreeningIndex([un])
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("hangul", lambda: hangul_pairs(shared, un, threshold)),
        ("name_bench", lambda: name_bench(shared, threshold)),
        ("yente", lambda: yente_sets(shared, index, threshold)),
        ("anchors", lambda: anchors(index, threshold)),
        ("speed", lambda: speed(index, batch=2000 if quick else 100_000)),
    ]
    from sanctionwatch.resolve.bench_lists import run_lists

    for size in sizes:
        steps.append((f"lists_{size}", lambda size=size: run_lists(shared, size=size)))  # type: ignore[misc]
    return {"threshold": threshold, **{name: step() for name, step in steps}}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args
    quick = "--quick" in args
    sizes: tuple[int, ...] = (2000,) if quick else (100_000, 1_000_000)
    if "--size" in args:
        at = args.index("--size")
        sizes = tuple(int(n) for n in args[at + 1].split(",") if n)
        del args[at : at + 2]
    paths = [a for a in args if not a.startswith("--")]
    shared = Path(paths[0]) if paths else Path("../shared")
    if not (shared / UN_XML).exists():
        sys.stderr.write(f"no research data under {shared} (usage: bench [SHARED] [--json])\n")
        raise SystemExit(2)
    result = run(shared, quick=quick, sizes=sizes)
    if as_json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return
    for section, value in result.items():
        print(f"== {section}")
        print(json.dumps(value, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
