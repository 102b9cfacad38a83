"""Print a law-and-grade audit sample of a store's incidents, for reading by hand.

    python scripts/audit_sample.py sqlite:////tmp/wt17data/sanctionwatch.db [--size 30]
        [--offset 0] [--relevance regime|all] [--out sample.txt]

The sample is taken per claim type: each type's incidents sorted by id, every k-th one,
k = (incidents of all types) // size, at least one per type, so every type is read and
large types are read more (issue 17's audit). ``--offset`` starts each type's walk at
another position, so a second sample reads incidents the first did not. Each incident
prints its provisions with kind, modality, in-force test and reasons, its grade with its
reasons and likelihood, and every claim's sentence with outlet, modality, time and actors.
"""

from __future__ import annotations

import argparse
import collections
import sys

from sanctionwatch import store as st
from sanctionwatch.domain import Incident


def take_sample(incidents: list[Incident], *, size: int, offset: int = 0) -> list[Incident]:
    """Every k-th incident of each type by sorted id (at least one a type), k the smallest
    step that keeps the sample within ``size``; ``offset`` shifts each type's start."""
    by_type: dict[str, list[Incident]] = collections.defaultdict(list)
    for incident in incidents:
        by_type[incident.type.value].append(incident)
    for step in range(1, len(incidents) + 1):
        picked: list[Incident] = []
        for kind in sorted(by_type):
            ordered = sorted(by_type[kind], key=lambda i: i.id)
            start = offset % min(step, len(ordered))
            picked.extend(ordered[start::step])
        if len(picked) <= size:
            return picked
    return []


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--size", type=int, default=30)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--relevance", default="regime", choices=["regime", "all"])
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    store = st.open_store(args.db)
    incidents = [
        i for i in st.list_incidents(store) if args.relevance == "all" or i.relevance != "other"
    ]
    claims = {c.id: c for c in st.list_claims(store)}
    sample = take_sample(incidents, size=args.size, offset=args.offset)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    print(f"{len(incidents)} incidents; sample of {len(sample)}", file=out)
    documents: dict[str, object] = {}
    for n, incident in enumerate(sample, 1):
        grade = incident.assessment
        print(
            f"\n#{n} {incident.id} {incident.type.value} {incident.sources}->{incident.targets} "
            f"time {incident.time_start}..{incident.time_end} items {list(incident.items)} "
            f"grade {grade.code if grade else '-'} {grade.likelihood if grade else ''}",
            file=out,
        )
        for match in incident.provisions:
            print(
                f"  P {match.kind:9} {match.provision_id} [{match.modality}] {match.in_force[:90]}",
                file=out,
            )
            for reason in match.reasons[:-2]:
                print(f"      - {reason[:160]}", file=out)
        if grade:
            for reason in grade.reasons:
                print(f"  G {reason[:200]}", file=out)
            print(f"  L {grade.likelihood_reason[:200]}", file=out)
        for cid in incident.claim_ids:
            claim = claims.get(cid)
            if claim is None:
                continue
            if claim.document_id not in documents:
                documents[claim.document_id] = st.get_document(store, claim.document_id)
            doc = documents[claim.document_id]
            role = "S" if cid in incident.supporting_claim_ids else "C"
            when = f"{claim.time.start}..{claim.time.end}" if claim.time else "undated"
            item = claim.item.value if claim.item else "-"
            print(
                f"  [{role}] {(getattr(doc, 'outlet', None) or '?')[:24]} "
                f"{getattr(doc, 'published', None)} {claim.modality.value} {when} "
                f"{claim.source_codes}->{claim.target_codes} item={item!r} "
                f"trig={claim.trigger.text!r} attr={[a.name for a in claim.attributions]} "
                f"rules={[r for r in claim.rules if 'coref' in r]}",
                file=out,
            )
            print("      " + " ".join(claim.evidence.text.split())[:400], file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
