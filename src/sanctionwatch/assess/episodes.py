"""Campaigns and their episodes: an ongoing activity and the dated events inside it.

"Munitions shipped via Rajin since September 2023" is one campaign; "on 19 November the
railcars were loaded" is one of its shipments. Both levels are kept: the campaign is the
incident every report of the activity supports, and the reports dated to one day (within
``EPISODE_JOIN_DAYS`` of each other) are also an episode, a child incident whose
``parent`` is the campaign. A campaign is an activity whose dated reports cover more than
``EPISODE_MIN_DAYS``; an act (a meeting, a resolution) has no episodes.
"""

from __future__ import annotations

import dataclasses
import hashlib

from sanctionwatch.assess.cluster import ClaimCluster
from sanctionwatch.assess.events import ACTS
from sanctionwatch.assess.timeline import Interval, span_of, time_interval
from sanctionwatch.domain import Claim

EPISODE_MIN_DAYS = 60
EPISODE_JOIN_DAYS = 2


def find_episodes(cluster: ClaimCluster) -> list[ClaimCluster]:
    """Child clusters of a campaign, oldest first; none for an act or a short event."""
    if cluster.type in ACTS or cluster.parent is not None or not cluster.supporting:
        return []
    dated = [(c, iv) for c in cluster.supporting if (iv := time_interval(c.time)) is not None]
    hull = span_of([iv for _, iv in dated])
    if hull is None or (hull[1] - hull[0]).days < EPISODE_MIN_DAYS:
        return []
    days = sorted(
        ((iv, c) for c, iv in dated if c.time and c.time.grain == "day" and iv[0] == iv[1]),
        key=lambda pair: (pair[0], pair[1].id),
    )
    groups: list[tuple[Interval, list[Claim]]] = []
    for interval, claim in days:
        if groups and (interval[0] - groups[-1][0][1]).days <= EPISODE_JOIN_DAYS:
            groups[-1] = ((groups[-1][0][0], interval[1]), [*groups[-1][1], claim])
        else:
            groups.append((interval, [claim]))
    if len(groups) == 1 and len(groups[0][1]) == len(cluster.supporting):
        return []
    return [
        dataclasses.replace(
            cluster,
            supporting=tuple(sorted(claims, key=lambda c: c.id)),
            contradicting=(),
            id=episode_id(cluster.id, interval),
            parent=cluster.id,
        )
        for interval, claims in groups
    ]


def episode_id(parent_id: str, interval: Interval) -> str:
    """Stable as long as the campaign keeps its id and the episode its first day."""
    key = f"{parent_id}|{interval[0].isoformat()}"
    return "inc_" + hashlib.sha256(key.encode()).hexdigest()[:20]
