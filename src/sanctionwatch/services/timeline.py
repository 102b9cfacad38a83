"""Incidents in time order, each with the precision of its date.

An incident dated "2023" and one dated "2023-09-13" are both on the timeline; the first
is shown as a year, and sorts at the start of its period, before finer dates inside it.
Undated incidents cannot be placed: they are counted, not listed.

``Timeline.to_dict()`` (the ``--json`` shape): ``entries`` (each: ``id``, ``date``
("2023-09 (month)"), ``time_start``, ``time_end``, ``precision``, ``first_day``,
``last_day``, ``type``, ``source``, ``target``, ``item``, ``summary``, ``grade``,
``likelihood``, ``origin_count``, ``claim_count``, ``contradiction_count``,
``violations``, ``indicators``) and ``undated`` (how many matching incidents have no date).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sanctionwatch import store as st
from sanctionwatch.assess.timeline import to_interval
from sanctionwatch.assess.titles import RELEVANT
from sanctionwatch.domain import Incident
from sanctionwatch.services.incidents import summarise, time_label


@dataclass(frozen=True)
class TimelineEntry:
    incident: Incident
    first_day: dt.date
    last_day: dt.date

    def to_dict(self) -> dict[str, Any]:
        incident = self.incident
        assessment = incident.assessment
        return {
            "id": incident.id,
            "title": incident.title,
            "parent_id": incident.parent_id,
            "date": time_label(incident),
            "time_start": incident.time_start,
            "time_end": incident.time_end,
            "precision": incident.time_precision,
            "first_day": None if self.first_day == dt.date.min else self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "type": incident.type.value,
            "source": list(incident.sources),
            "target": list(incident.targets),
            "item": incident.item,
            "summary": summarise(incident),
            "grade": assessment.code if assessment else None,
            "likelihood": assessment.likelihood if assessment else None,
            "origin_count": len(incident.supporting_origins),
            "claim_count": len(incident.claim_ids),
            "contradiction_count": len(incident.contradictions),
            "violations": [p.provision_id for p in incident.provisions if p.kind == "violation"],
            "indicators": [p.provision_id for p in incident.provisions if p.kind == "indicator"],
        }


@dataclass(frozen=True)
class Timeline:
    entries: list[TimelineEntry]
    undated: int

    def to_dict(self) -> dict[str, Any]:
        return {"entries": [e.to_dict() for e in self.entries], "undated": self.undated}


def build_timeline(
    store: st.Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    relevance: str | None = RELEVANT,
) -> Timeline:
    """Incidents oldest first; ``actor`` is an ISO code matched on either side (``KP``).

    The incidents relevant to the regime, episodes of campaigns included (``relevance=None``
    for every incident).
    """
    incidents = st.list_incidents(store, type=type, since=since, until=until, relevance=relevance)
    if actor:
        code = actor.strip().upper()
        incidents = [i for i in incidents if code in i.sources or code in i.targets]
    entries = []
    undated = 0
    for incident in incidents:
        interval = to_interval(incident.time_start, incident.time_end)
        if interval is None:
            undated += 1
            continue
        entries.append(TimelineEntry(incident, interval[0], interval[1]))
    # Oldest first; a coarser date (which ends later) before the finer dates inside it.
    entries.sort(key=lambda e: (e.first_day, -e.last_day.toordinal(), e.incident.id))
    return Timeline(entries, undated)
