"""Group claims about the same real-world event into incidents, one claim at a time.

The hard rules live in ``fitting``, the incidents under construction in ``profiles``.

A claim is compared only with the incidents a blocking index gives for it (its type with
each of its actors, anchors and years, and its document; see ``events.blocking_keys``).
It joins the best one it fits, or starts one. The same ``Clusterer`` serves a full
rebuild (every claim, most specific first) and an incremental ingest (incidents that the
new claims' keys reach are restored from the store, the new claims added, and only the
incidents that changed written back).

**Fitting** (every one must hold): the same type; actors that agree where both name them
(a role one leaves empty fits any, a participant list may be the other's subset, at
least one actor is shared, and no state changes sides: the DPRK as one report's supplier
and as an incident's recipient are two flows, ``crosses``); times that meet at each report's own grain (for an act, every
dated report shares a day; an activity may run on, so a report within
``ACTIVITY_GAP_DAYS`` of the campaign's period fits); an undated report cannot tell of an
event that began after it was published; item classes that agree ("shells" fits
"ammunition", not "missiles"); and for acts, figures within ``FIGURE_FACTOR``.

**Joining** also needs a reason to think it is the same event, not just a similar one:

1. the same document (the sentences of one report about one event are one incident; an
   undated sentence joins the nearest compatible passage), or a syndicated copy. A claim
   lacking a party or a date ties only within ``PASSAGE_CHARS`` of a member: a long
   paper's far pages tell other events of the kind. A *vague* one (one side, no time)
   measures only to members that are not vague, so a chain of such sentences cannot
   glue a paper's pages into one incident;
2. a shared anchor: a place, organisation, name or resolution number in both;
3. a shared specific detail: a figure within 25 %, or the same specific item class;
4. time: for acts, fewer than half a distinct event of the kind (type and parties) is
   expected in the days both reports allow, at the rate learned from the data
   (``recurrence``); for activities, the reports are of one campaign; an undated report
   joins the most recent such event before its publication.

A claim missing an actor joins on time alone only when exactly one incident fits it, and
never when it is undated too or dated no finer than ``COARSE_DAYS`` ("in 2019"): then
only its own report, a copy, a name or a detail.
Roles the extractor guessed from the document (its topic, an event told before) and a
state named on both sides of a flow are doubts: where only they disagree with an
incident, the claim may join it without them, through a strong tie (``EventFacts.firm``);
fits whose actors agree rank before fits whose actors only nest. A state on both sides
does not vote for the incident's actors. A report whose flow runs the other way joins
only through a name both share (the extractor read one of them the wrong way round), and
without its roles. A flow whose states all
sit in one role ("its soldiers sent into the Russian meat grinder" read as sent to both)
cannot tell passages of its report apart by direction: of those it nests in, it joins the
one its report tells in most sentences, then the one most reports give, before the
nearest (``EventFacts.directionless``). A report whose actors
nest in those of a campaign at least ``CAMPAIGN_REPORTS`` reports agree on joins it on
time alone when that campaign is the only fit (one report's stray party). An undated act
joins a dated one before its publication when, at the learned rate, another act of the
kind between the two is unlikely, and only if written within ``ACT_RECENT_DAYS`` of it.
Denials and negations join the incident they contradict (never changing its time), or
stand as an incident of their own. Within a campaign (an activity reported over more
than ``EPISODE_MIN_DAYS``), the reports dated to one day are also an *episode*: a child
incident whose ``parent`` is the campaign (see ``episodes``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sanctionwatch.assess.events import (
    CONTRADICTING,
    SYMMETRIC,
    EventFacts,
    blocking_keys,
    read_facts,
)
from sanctionwatch.assess.fitting import (
    ACT_RECENT_DAYS,
    COARSE_DAYS,
    PASSAGE_CHARS,
    RECENT_DAYS,
    actors_fit,
    actors_nested,
    crosses,
    dates_agree,
    figures_fit,
    shares_detail,
    time_fits,
    width_of,
)
from sanctionwatch.assess.items import common_classes
from sanctionwatch.assess.profiles import ClaimCluster, Profile, freeze, new_incident_id
from sanctionwatch.assess.recurrence import Recurrence, learn_recurrence, observation_of
from sanctionwatch.assess.sources import DocumentInfo
from sanctionwatch.domain import Claim, ClaimType

CLUSTERER = "cluster.events@v7"
CAMPAIGN_REPORTS = 3
"""Reports that make a campaign's actors settled enough to outvote one report's stray party."""
MAX_ANCHOR_SHARE = 2
"""A name more of the candidate incidents share than this tells them apart from none."""

__all__ = [
    "CLUSTERER",
    "CONTRADICTING",
    "SYMMETRIC",
    "ClaimCluster",
    "Clusterer",
    "cluster_claims",
    "freeze",
    "new_incident_id",
]


@dataclass(frozen=True, slots=True)
class _Fit:
    """Why a claim may join a profile; ranked by ``rank`` (smaller is better)."""

    profile: Profile
    distance: int | None
    copy: bool
    anchors: int
    detail: bool
    timely: bool
    loose: bool = False
    """The claim's actors only nest in the incident's: only a strong tie may join it."""
    facts: EventFacts | None = None
    """The report as it joins: without its guessed roles when only those disagreed."""
    told: int = 0
    """Sentences of the claim's own document already in the incident."""
    reversal: bool = False
    """The claim's flow runs the other way (``crosses``): only a shared name ties it."""

    @property
    def strong(self) -> bool:
        return self.distance is not None or self.copy or self.anchors > 0 or self.detail

    @property
    def tied(self) -> bool:
        if self.reversal:
            return self.anchors > 0
        return self.strong or (self.timely and not self.loose)

    def rank(self) -> tuple[int, int, int, int, int, int, int, int, int, str]:
        # Roles that only nest cannot choose between passages of their own report; the
        # passage the report tells most, then the reading most reports give, can.
        return (
            self.loose,
            -self.told,
            -len(self.profile.positions) if self.told else 0,
            self.distance if self.distance is not None else 10**9,
            not self.copy,
            -self.anchors,
            not self.detail,
            not self.timely,
            -len(self.profile.members),
            self.profile.id,
        )


class Clusterer:
    """Incidents grown claim by claim through a blocking index."""

    def __init__(self, recurrence: Recurrence | None = None) -> None:
        self.recurrence = recurrence if recurrence is not None else Recurrence()
        self.profiles: dict[str, Profile] = {}
        self.index: dict[str, set[str]] = {}
        self.changed: set[str] = set()
        self.keys_added: dict[str, set[str]] = {}
        self.compared = 0

    def restore(self, incident_id: str, claim_type: ClaimType, facts: Iterable[EventFacts]) -> None:
        """An incident already stored, so that new claims can join it."""
        profile = self.profiles.setdefault(incident_id, Profile(incident_id, claim_type))
        ordered = sorted(facts, key=lambda f: (f.contradicts, f.order()))
        for item in ordered:
            profile.add(item)
            for key in blocking_keys(item, query=False):
                self.index.setdefault(key, set()).add(incident_id)

    def add(self, facts: EventFacts) -> str:
        """Join the best incident the claim fits, or start one; return its id."""
        found = self.recurrence
        observed = observation_of(facts)
        if observed is not None:
            found.observe(*observed)
        fits = [f for f in (self._fit(facts, p) for p in self._candidates(facts)) if f is not None]
        # A name every fitting incident shares ("Putin" for each Kim-Putin meeting) tells
        # them apart from none; only names few of them share count.
        common = Counter(a for f in fits for a in facts.anchors & f.profile.anchors.keys())
        specific = frozenset(a for a in facts.anchors if common[a] <= MAX_ANCHOR_SHARE)
        fits = [
            dataclasses.replace(f, anchors=len(specific & f.profile.anchors.keys())) for f in fits
        ]
        chosen = self._choose(facts, fits)
        if chosen is None:
            profile = Profile(new_incident_id(facts.claim), facts.type)
            self.profiles[profile.id] = profile
        else:
            profile = chosen.profile
            facts = chosen.facts or facts
        profile.add(facts)
        self.changed.add(profile.id)
        for key in blocking_keys(facts, query=False):
            ids = self.index.setdefault(key, set())
            if profile.id not in ids:
                ids.add(profile.id)
                self.keys_added.setdefault(profile.id, set()).add(key)
        return profile.id

    def _candidates(self, facts: EventFacts) -> list[Profile]:
        ids: set[str] = set()
        for key in blocking_keys(facts, query=True):
            ids |= self.index.get(key, set())
        self.compared += len(ids)
        return [self.profiles[i] for i in sorted(ids) if self.profiles[i].type is facts.type]

    def _fit(self, facts: EventFacts, profile: Profile) -> _Fit | None:
        reversal = crosses(facts, profile)
        strict = not reversal and actors_fit(facts, profile)
        joining = facts
        if not strict and not actors_nested(facts, profile):
            # A role the extractor guessed from the document ("the country" read as its
            # topic) that names another party: the report may still be of this incident.
            firm = facts.firm()
            if (
                firm is not None
                and not crosses(firm, profile)
                and (actors_fit(firm, profile) or actors_nested(firm, profile))
            ):
                joining, reversal = firm, False
            elif reversal:
                # The other direction. Only a name both share says the extractor read
                # one of them the wrong way round ("support for Russia ... by providing
                # arms to Wagner"); the claim then joins without its roles, which must
                # not turn the incident's direction.
                joining = dataclasses.replace(facts, sources=frozenset(), targets=frozenset())
            else:
                return None
        if not time_fits(facts, profile):
            return None
        # An activity's item names the event ("shells", not "missiles"); an act's items are
        # its contents (one resolution bans arms and lists ships and people).
        if not profile.is_act and common_classes([profile.items, facts.items]) is None:
            return None
        # An act's figures must all agree; a campaign's grow, so one close figure will do.
        figures = [figures_fit(facts.quantity, m.quantity) for m in profile.members]
        if figures and not (all(figures) if profile.is_act else any(figures)):
            return None
        distance = profile.distance(facts)
        if distance is not None and distance > PASSAGE_CHARS and not facts.concrete:
            distance = None  # far pages of a long report: another passage
        if distance is not None and profile.is_act and not self._rare_nearby(facts, profile):
            # Acts that recur often (weekly talks, monthly designations): in one report,
            # "in 2023 the US sanctioned ..." beside "in June 2023 ..." are two acts.
            distance = distance if dates_agree(facts, profile) else None
        return _Fit(
            profile=profile,
            distance=distance,
            copy=profile.is_copy(facts),
            anchors=len(facts.anchors & profile.anchors.keys()),
            detail=shares_detail(facts, profile),
            timely=self._timely(facts, profile),
            loose=not strict,
            reversal=reversal,
            facts=joining,
            told=len(profile.positions.get(facts.document_id, ())) if facts.directionless else 0,
        )

    def _rare_nearby(self, facts: EventFacts, profile: Profile) -> bool:
        """Fewer than half an act of the kind expected in the period the two dates span."""
        dated = [iv for iv in (facts.interval, profile.window) if iv is not None]
        lo = min((iv[0] for iv in dated), default=None)
        hi = max((iv[1] for iv in dated), default=None)
        days = (hi - lo).days + 1 if lo and hi and lo > dt.date.min else RECENT_DAYS
        return self.recurrence.rare_within(facts.kind() or profile.kind(), days)

    def _timely(self, facts: EventFacts, profile: Profile) -> bool:
        """Time (with the parties) alone makes it likely the same event."""
        kind = facts.kind() or profile.kind()
        window = profile.window
        if facts.interval is not None and window is not None:
            if not profile.is_act:
                return True
            # The coarser date is the doubt: "June 2024" may be any of June's meetings.
            days = max(width_of(facts.interval), width_of(window))
            return self.recurrence.rare_within(kind, days)
        if facts.interval is None and window is not None and facts.published is not None:
            gap = (facts.published - window[1]).days
            if gap > (ACT_RECENT_DAYS if profile.is_act else RECENT_DAYS):
                return False
            if not profile.is_act:
                return True  # an activity runs on
            # An act told without a date ("the new sanctions", "the two leaders met") in a
            # report written soon after one such act, when another of the kind is unlikely
            # to have happened in between, is that act.
            # The doubt runs from the earliest day the act may have been on.
            doubt = (facts.published - window[0]).days + 1 if window[0] > dt.date.min else gap
            return gap >= 0 and self.recurrence.rare_within(kind, doubt)
        if facts.interval is not None and window is None and profile.published is not None:
            if profile.is_act:
                return False
            return (profile.published - facts.interval[1]).days <= RECENT_DAYS
        if facts.interval is None and window is None and not profile.is_act:
            # Two undated reports of one activity between the same parties, a year apart at most.
            a, b = facts.published, profile.published
            return a is not None and b is not None and abs((a - b).days) <= RECENT_DAYS
        return False

    def _choose(self, facts: EventFacts, fits: list[_Fit]) -> _Fit | None:
        tied = [f for f in fits if f.tied]
        if not facts.full:
            own = [f for f in tied if f.distance is not None or f.copy]
            if own:
                return min(own, key=_Fit.rank)
            if facts.contradicts or facts.is_act:
                # A denial or an act naming one party ("new sanctions were imposed") may
                # be about another event: only its own report, a copy, a shared name or
                # detail attaches it elsewhere.
                tied = [f for f in tied if f.anchors or (f.detail and not facts.contradicts)]
            # A missing actor could be anyone: join only if the candidates with a shared
            # name or detail, else all of them, are between the same parties.
            # A missing actor and no date: only its own report, a copy, a name or a
            # detail ties it to a report elsewhere ("revenues remitted to Pyongyang" is
            # no sign of the bank heist beside it in time).
            # A year ("in 2019 North Korea earned ...") dates it hardly better.
            if facts.interval is None or width_of(facts.interval) > COARSE_DAYS:
                tied = [f for f in tied if f.strong]
            tied = [f for f in tied if f.strong] or tied
            if len({(f.profile.sources, f.profile.targets) for f in tied}) > 1:
                return None
        if not tied:
            # Actors that only nest ("troops to Russia and Ukraine" beside a campaign to
            # Russia) join on time alone a campaign that several reports agree on, when it
            # is the only one that fits: its actors are what most reports say, and one
            # report's stray party does not make another campaign.
            nested = [
                f
                for f in fits
                if f.timely
                and f.loose
                and not f.reversal
                and not f.profile.is_act
                and len(f.profile.positions) >= CAMPAIGN_REPORTS
            ]
            return nested[0] if len(nested) == 1 and (nested[0].facts or facts).full else None
        strong = [f for f in tied if f.strong]
        return min(strong or tied, key=_Fit.rank)

    def clusters(self, ids: Iterable[str] | None = None) -> list[ClaimCluster]:
        wanted = self.profiles if ids is None else {i: self.profiles[i] for i in ids}
        return [freeze(p) for _, p in sorted(wanted.items())]


def cluster_claims(
    claims: Sequence[Claim], *, documents: Mapping[str, DocumentInfo] | None = None
) -> list[ClaimCluster]:
    """Full re-clustering. Clusters sorted by (type, sources, targets, first claim id).

    Claims are added most specific first (both actors, dated, day before month before year),
    supporting before contradicting, so the result does not depend on the input order.
    """
    documents = documents or {}
    unique = {c.id: c for c in claims if c.source_codes or c.target_codes}
    facts = [read_facts(c, documents) for c in unique.values()]
    clusterer = Clusterer(learn_recurrence(facts))
    for item in sorted(facts, key=lambda f: (f.contradicts, f.order())):
        clusterer.add(item)
    out = clusterer.clusters()
    return sorted(out, key=lambda c: (c.type.value, c.sources, c.targets, c.claims[0].id))
