"""What changed in an incident since the watcher last saw it.

The watcher keeps a small fingerprint of each incident: its independent sources (origins),
grade, contradictions and figures, plus its documents. Comparing the fingerprint it saw
with the incident now says what is news: ``new`` (first seen), ``new_source`` (another
independent origin; a syndicated copy of a story is a conduit of the same origin, not a
new source), ``better_grade``, ``contradiction`` and ``new_figure``. New documents alone
(copies, repeats) change the fingerprint but are no news.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

NEW = "new"
NEW_SOURCE = "new_source"
BETTER_GRADE = "better_grade"
CONTRADICTION = "contradiction"
NEW_FIGURE = "new_figure"
NEWS = (NEW, NEW_SOURCE, BETTER_GRADE, CONTRADICTION, NEW_FIGURE)


def fingerprint(data: Mapping[str, Any]) -> dict[str, Any]:
    """The parts of an incident's JSON that an alert reports on."""
    origins = sorted(
        {str(o.get("label")) for o in data.get("origins", ()) if o.get("role") != "contradict"}
    )
    documents = sorted(
        {str(c.get("document_id")) for o in data.get("origins", ()) for c in o.get("conduits", ())}
    )
    figures = sorted(
        {f"{f.get('low')}|{f.get('high')}|{f.get('unit')}" for f in data.get("figures", ())}
    )
    contradictions = sorted(
        {
            f"{c.get('kind')}|{','.join(sorted(c.get('claim_ids', ())))}"
            for c in data.get("contradictions", ())
        }
    )
    return {
        "origins": origins,
        "documents": documents,
        "grade": (data.get("assessment") or {}).get("code"),
        "contradictions": contradictions,
        "figures": figures,
        "claims": len(data.get("supporting_claim_ids", ()))
        + len(data.get("contradicting_claim_ids", ())),
    }


def grade_better(new: str | None, old: str | None) -> bool:
    """A grade is better when neither part is worse and one is better (A1 is best)."""
    if not new:
        return False
    if not old:
        return True
    return new != old and new[0] <= old[0] and new[1:] <= old[1:]


def describe_changes(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> list[dict[str, str]]:
    """The news between two fingerprints, each ``{"kind", "detail"}``; ``[]`` when none."""
    if old is None:
        grade = new.get("grade") or "ungraded"
        count = len(new.get("origins", ()))
        return [{"kind": NEW, "detail": f"new incident, {count} source(s), grade {grade}"}]
    out: list[dict[str, str]] = []
    added = sorted(set(new.get("origins", ())) - set(old.get("origins", ())))
    if added:
        out.append({"kind": NEW_SOURCE, "detail": f"new independent source: {', '.join(added)}"})
    if grade_better(new.get("grade"), old.get("grade")):
        out.append(
            {
                "kind": BETTER_GRADE,
                "detail": f"grade {old.get('grade') or 'ungraded'} -> {new.get('grade')}",
            }
        )
    if set(new.get("contradictions", ())) - set(old.get("contradictions", ())):
        out.append({"kind": CONTRADICTION, "detail": "a new contradicting report"})
    figures = sorted(set(new.get("figures", ())) - set(old.get("figures", ())))
    if figures:
        shown = ", ".join(f.replace("|None", "").replace("|", " ") for f in figures)
        out.append({"kind": NEW_FIGURE, "detail": f"new figure: {shown}"})
    return out
