"""Use cases behind the charts: incidents on a time axis, and reported quantities of a topic.

A *topic* is one kind of flow between two parties in one unit — "shells from KP to RU" —
written as a key ``arms_transfer/KP/RU/shell`` (``-`` for an unknown party). Each point
of its quantity series is one supporting claim: the reported range, when (the claim's
own time, else the article's date, and which of the two), and who reported it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sanctionwatch import store as st
from sanctionwatch.domain import ClaimType
from sanctionwatch.domain.errors import InputError
from sanctionwatch.services.browsing import (
    BAD_FILTER,
    IncidentFilter,
    first_day,
    last_day,
    matching_incidents,
)
from sanctionwatch.services.incidents import incident_view

NONE = "-"
PREFERRED_UNITS = ("shell", "missile", "rocket", "troop", "soldier", "worker")
"""The chart opens on the first of these a topic has: the flows analysts follow most."""


def incident_timeline(store: st.Store, flt: IncidentFilter | None = None) -> list[dict[str, Any]]:
    """Dated incidents as intervals, earliest first; undated incidents are left out."""
    points = []
    for data in matching_incidents(store, flt or IncidentFilter()):
        start = first_day(data.get("time_start") or data.get("time_end"))
        end = last_day(data.get("time_end") or data.get("time_start"))
        if start is None or end is None:
            continue
        assessment = data.get("assessment") or {}
        points.append(
            {
                "id": data["id"],
                "type": data["type"],
                "source": data["source"],
                "target": data["target"],
                "time_start": data.get("time_start"),
                "time_end": data.get("time_end"),
                "start": min(start, end),
                "end": max(start, end),
                "grade": assessment.get("code"),
                "claims": len(data["supporting_claim_ids"]) + len(data["contradicting_claim_ids"]),
                "quantity_low": data.get("quantity_low"),
                "quantity_high": data.get("quantity_high"),
                "quantity_unit": data.get("quantity_unit"),
            }
        )
    return sorted(points, key=lambda p: (p["start"], p["id"]))


@dataclass(frozen=True)
class Topic:
    type: str
    source: str | None
    target: str | None
    unit: str

    @property
    def key(self) -> str:
        return "/".join([self.type, self.source or NONE, self.target or NONE, self.unit])


def parse_topic(key: str) -> Topic:
    parts = key.split("/")
    if len(parts) != 4 or parts[0] not in {t.value for t in ClaimType} or not parts[3]:
        raise InputError(
            f"topic {key!r} is not TYPE/SOURCE/TARGET/UNIT, e.g. arms_transfer/KP/RU/shell",
            code=BAD_FILTER,
        )
    type_, source, target, unit = parts
    return Topic(
        type_, None if source == NONE else source, None if target == NONE else target, unit
    )


def _topic_of(data: dict[str, Any]) -> Topic | None:
    unit = data.get("quantity_unit")
    if not unit:
        return None
    source = "+".join(sorted(data["source"])) or None
    target = "+".join(sorted(data["target"])) or None
    return Topic(str(data["type"]), source, target, str(unit))


def quantity_topics(store: st.Store) -> list[dict[str, Any]]:
    """Topics that have at least one incident with a quantity, most incidents first."""
    counts: Counter[Topic] = Counter()
    for data in matching_incidents(store, IncidentFilter()):
        topic = _topic_of(data)
        if topic is not None:
            counts[topic] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].key))
    return [{"key": topic.key, "incidents": n, **topic.__dict__} for topic, n in ranked]


def default_topic(topics: list[dict[str, Any]]) -> str:
    """The key of the topic the chart opens on (``topics`` as from ``quantity_topics``)."""
    for unit in PREFERRED_UNITS:
        for topic in topics:
            if topic["unit"] == unit:
                return str(topic["key"])
    return str(topics[0]["key"])


def reported_quantities(store: st.Store, topic: Topic) -> list[dict[str, Any]]:
    """Every supporting claim of the topic's incidents that reports a quantity in its unit."""
    flt = IncidentFilter(type=topic.type)
    points = []
    for data in matching_incidents(store, flt):
        if _topic_of(data) != topic:
            continue
        view = incident_view(store, data["id"]).to_dict()
        for claim in view["claims"]:
            quantity = claim.get("quantity")
            if claim["role"] != "support" or not quantity or quantity.get("unit") != topic.unit:
                continue
            points.append(_point(view["id"], claim, quantity))
    return sorted(points, key=lambda p: (p["date"] or "9999", p["claim_id"]))


def _point(incident_id: str, claim: dict[str, Any], quantity: dict[str, Any]) -> dict[str, Any]:
    document = claim["document"]
    time = claim.get("time") or {}
    said = str((time.get("span") or {}).get("text", "")).lower()
    # "since August 2023" is a running total up to the report: it is dated when reported.
    running_total = not time.get("end") and said.startswith(("since", "from"))
    if time.get("start") and not running_total:
        date, dated_by = first_day(time["start"]), "claim"
    else:
        date, dated_by = first_day(document.get("published")), "published"
    reporters = [a["name"] for a in claim.get("attributed_to") or []]
    return {
        "incident_id": incident_id,
        "claim_id": claim["id"],
        "document_id": document["id"],
        "date": date,
        "dated_by": dated_by,
        "low": quantity.get("low"),
        "high": quantity.get("high"),
        "unit": quantity.get("unit"),
        "quantity_text": quantity["span"]["text"],
        "reported_by": reporters or [document.get("outlet") or "the writer"],
        "outlet": document.get("outlet"),
        "title": document.get("title"),
        "published": document.get("published"),
        "url": document.get("url"),
        "evidence": claim["evidence"]["text"],
        "modality": claim.get("modality"),
    }
