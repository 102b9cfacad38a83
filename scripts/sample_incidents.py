"""Check incidents on a store: counts, a structural check of every incident, and a
deterministic sample of multi-claim incidents printed for reading by hand.

    python scripts/sample_incidents.py sqlite:////tmp/i6.db [--sample 20] [--out sample.txt]

The sample is the ``--sample`` multi-claim incidents with the smallest
sha256("issue-6:" + incident id), so it is the same for the same incidents and needs no
random seed. The structural check recomputes, for every incident, what clustering
promises: one type, actors that agree where both name them, dated claims sharing a day,
compatible item classes, and figures in one unit within a factor of ten.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import sys

from sanctionwatch import store as st
from sanctionwatch.assess.cluster import FIGURE_FACTOR, SYMMETRIC
from sanctionwatch.assess.items import classify_item, common_classes
from sanctionwatch.assess.timeline import time_interval
from sanctionwatch.domain import Claim, Incident


def problems(incident: Incident, claims: list[Claim]) -> list[str]:
    found = []
    if {c.type for c in claims} != {incident.type}:
        found.append("mixed claim types")
    support = [c for c in claims if c.id in set(incident.supporting_claim_ids)]
    if incident.type not in SYMMETRIC:
        for side, codes in (("source", incident.sources), ("target", incident.targets)):
            for claim in support:
                mine = claim.source_codes if side == "source" else claim.target_codes
                if mine and tuple(mine) != tuple(codes):
                    found.append(f"{side} {mine} differs from {codes}")
    intervals = [iv for c in support if (iv := time_interval(c.time))]
    if intervals and max(i[0] for i in intervals) > min(i[1] for i in intervals):
        found.append("dated claims share no day")
    if common_classes(classify_item(c.type, c.item.value if c.item else None) for c in support) is None:
        found.append("incompatible items")
    by_unit = collections.defaultdict(list)
    for claim in support:
        q = claim.quantity
        if q and q.unit and q.kind in {"count", "money"} and q.low:
            by_unit[(q.unit, q.rate)].append(q.low)
    for unit, lows in by_unit.items():
        if min(lows) > 0 and max(lows) / min(lows) > FIGURE_FACTOR * 10:
            found.append(f"figures in {unit} spread beyond reason")
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    store = st.open_store(args.db)
    incidents = st.list_incidents(store)
    claims = {c.id: c for c in st.list_claims(store)}
    documents = {d: st.get_document(store, d) for d in sorted({c.document_id for c in claims.values()})}
    used = {cid for i in incidents for cid in i.claim_ids}
    extractors = collections.Counter(claims[c].extractor for c in used if c in claims)
    print(f"extractor: {', '.join(extractors)}")
    current = [c for c in claims.values() if c.extractor in extractors]
    print(f"claims (current extractor): {len(current)}; incidents: {len(incidents)}")
    multi = [i for i in incidents if len(i.claim_ids) > 1]
    print(f"multi-claim incidents: {len(multi)}; claims in them: {sum(len(i.claim_ids) for i in multi)}")
    origins = collections.Counter(len(i.supporting_origins) for i in incidents)
    print("supporting origins per incident:", dict(sorted(origins.items())))
    multi_doc = [i for i in incidents if len({claims[c].document_id for c in i.claim_ids}) > 1]
    print(f"incidents drawn from 2+ documents: {len(multi_doc)}")
    print("grades:", dict(collections.Counter(i.assessment.code for i in incidents if i.assessment).most_common()))
    bad = {i.id: p for i in incidents if (p := problems(i, [claims[c] for c in i.claim_ids]))}
    print(f"structural problems: {len(bad)}", *(f"  {k}: {v}" for k, v in bad.items()), sep="\n")
    sample = sorted(multi, key=lambda i: hashlib.sha256(f"issue-6:{i.id}".encode()).hexdigest())
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for n, incident in enumerate(sample[: args.sample], 1):
        print(
            f"\n#{n} {incident.id} {incident.type.value} {incident.sources}->{incident.targets} "
            f"time {incident.time_start}..{incident.time_end} items {list(incident.items)} "
            f"grade {incident.assessment.code if incident.assessment else '-'}",
            file=out,
        )
        for cid in incident.claim_ids:
            claim = claims[cid]
            doc = documents[claim.document_id]
            role = "S" if cid in incident.supporting_claim_ids else "C"
            when = f"{claim.time.start}..{claim.time.end}" if claim.time else "undated"
            print(
                f"  [{role}] {(doc.outlet or '?')[:24]} {doc.published} @{claim.evidence.start} "
                f"{claim.modality.value} {when} {claim.source_codes}->{claim.target_codes}",
                file=out,
            )
            print("      " + " ".join(claim.evidence.text.split())[:300], file=out)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
