"""Admiralty grades for incidents, and an ICD 203 likelihood phrase kept apart from them.

- **Source reliability A–F** is the best supporting origin's letter from the outlet
  registry (a cited source the registry knows is graded itself; otherwise the outlet
  that carried it).
- **Information credibility 1–6** depends only on corroboration, never on the letters:
  how many independent origins state the event as fact, how many report it hedged, and
  what contradicts it. Because origins only ever merge, adding an independent confirming
  source can only improve it, and adding a syndicated copy can never improve it.

  ====  ==============================  ==================================================
  1     confirmed                       stated as fact by 2+ independent origins, or a
                                        public record (resolution, designation, treaty)
  2     probably true                   one origin states it, another reports it hedged
  3     possibly true                   one origin states it; or 2+ report it hedged only
  4     doubtful                        stated as fact once, and an independent report
                                        negates it
  5     improbable                      hedged only, and an independent report negates it
  6     cannot be judged                one origin reports it hedged only (missing
                                        corroboration is not evidence against); or no
                                        claim supports it; or it is speculation
  ====  ==============================  ==================================================

  Caps: a denial by an involved party keeps it at 2 or worse (contested, not refuted);
  an independent report that it did not happen keeps it at 4 (or 5 when nothing states
  it as fact). Only events contradict: a contradicting claim that is a stance or a
  forecast ("unwilling to impose sanctions") is shown but not counted. A claim whose
  actors come only from coreference is weak and counts as
  hedged. Speculation (a forecast, suggestion, recommendation, condition or
  counterfactual) is not an event: it states no fact whatever its grammatical mood, and an
  incident resting only on it gets credibility 6 and no likelihood. A reporter's question
  in a briefing transcript is the reporter's unverified premise, not the host's statement:
  it too states no fact and corroborates nothing.

- **Likelihood** (ICD 203: "almost certainly", "very likely", "likely", ...) is read off
  credibility and reliability together and stated with its own reason.

Every number and letter carries its reasons as plain sentences (DESIGN invariant 4).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from sanctionwatch.assess.origins import group_origins, is_weak, unasserted
from sanctionwatch.assess.sources import (
    DocumentInfo,
    OutletRegistry,
    load_outlet_registry,
    reliability_rank,
)
from sanctionwatch.assess.speakers import public_record
from sanctionwatch.domain import Assessment, Claim, Modality
from sanctionwatch.domain.incident import LIKELIHOOD_RANGES, Origin
from sanctionwatch.law.eventhood import SPECULATIVE_KINDS, read_event

GRADER = "grade.admiralty@v9"

SUPPORTING = frozenset({Modality.FACT, Modality.UNCERTAIN, Modality.PLANNED})
_CREDIBILITY_WORDS = {
    1: "confirmed by independent sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}


def involved_parties(claims: Sequence[Claim]) -> frozenset[str]:
    return frozenset(code for c in claims for code in (*c.source_codes, *c.target_codes))


def grade_incident(
    supporting: Sequence[Claim],
    contradicting: Sequence[Claim],
    *,
    documents: Mapping[str, DocumentInfo] | None = None,
    registry: OutletRegistry | None = None,
) -> Assessment:
    """Grade the claims behind one incident. Denied/negated claims count as contradicting."""
    registry = registry if registry is not None else load_outlet_registry()
    documents = documents or {}
    support = sorted((c for c in supporting if c.modality in SUPPORTING), key=lambda c: c.id)
    against = sorted(
        {c.id: c for c in [*contradicting, *supporting] if c.modality not in SUPPORTING}.values(),
        key=lambda c: c.id,
    )
    involved = involved_parties([*support, *against])
    origins = group_origins(support, documents=documents, registry=registry, involved=involved)
    return grade_support(
        origins, support, against, documents=documents, registry=registry, involved=involved
    )


def grade_support(
    origins: Sequence[Origin],
    support: Sequence[Claim],
    against: Sequence[Claim],
    *,
    documents: Mapping[str, DocumentInfo],
    registry: OutletRegistry,
    involved: frozenset[str],
) -> Assessment:
    """The grade of supporting claims grouped into ``origins``: facts resting only on
    coreference are weak, public records confirm, speculation gets no likelihood."""
    against, stances = counted_against(against)
    weak = frozenset(c.id for c in support if c.modality is Modality.FACT and is_weak(c))
    why_not = {c.id: why for c in support if (why := unasserted(c, documents.get(c.document_id)))}
    guessed = speculation(support)
    asked = None
    if guessed is None and support and len(why_not) == len({c.id for c in support}):
        # Nothing asserts the event and not all of it is speculation: a reporter asked it.
        speculative = {c.id for c in support if read_event(c).is_speculation}
        asked = next(why for cid, why in sorted(why_not.items()) if cid not in speculative)
    assessment = grade_origins(
        origins,
        against,
        documents=documents,
        registry=registry,
        involved=involved,
        weak=weak,
        speculative=frozenset(why_not),
        # A record a reporter's question cites is the reporter's premise, not a record.
        public_records=public_records([c for c in support if c.id not in why_not]),
        speculation=guessed,
        questions=asked,
    )
    if not stances:
        return assessment
    return replace(assessment, reasons=(*assessment.reasons, _stance_reason(stances)))


def counted_against(against: Sequence[Claim]) -> tuple[list[Claim], list[Claim]]:
    """(contradicting claims that report an event, those that do not).

    Only events contradict: "unwilling to impose sanctions", "unlikely to supply jets" or
    "could not send troops if ..." say nothing about whether the event happened, so they
    are shown with the incident but neither cap its credibility nor undo a public record.
    """
    counted: list[Claim] = []
    stances: list[Claim] = []
    for claim in against:
        (counted if read_event(claim).is_event else stances).append(claim)
    return counted, stances


def _stance_reason(stances: Sequence[Claim]) -> str:
    first = min(stances, key=lambda c: c.id)
    return (
        f"{_count(len(stances), 'contradicting claim')} not counted against it: "
        f"{read_event(first).reason}; only a report that the event did not happen contradicts it"
    )


def public_records(claims: Sequence[Claim]) -> tuple[str, ...]:
    """Reasons for the claims that state a public record."""
    return tuple(
        dict.fromkeys(r for c in sorted(claims, key=lambda c: c.id) if (r := public_record(c)))
    )


SPECULATIVE = SPECULATIVE_KINDS


def speculation(claims: Sequence[Claim]) -> str | None:
    """The reason, when every supporting claim is speculation (a suggestion, forecast,
    condition or counterfactual) rather than an event."""
    readings = [read_event(c) for c in sorted(claims, key=lambda c: c.id)]
    if readings and all(r.is_speculation for r in readings):
        return readings[0].reason
    return None


def grade_origins(
    origins: Sequence[Origin],
    against: Sequence[Claim],
    *,
    documents: Mapping[str, DocumentInfo],
    registry: OutletRegistry,
    involved: frozenset[str],
    weak: frozenset[str] = frozenset(),
    speculative: frozenset[str] = frozenset(),
    public_records: Sequence[str] = (),
    speculation: str | None = None,
    questions: str | None = None,
) -> Assessment:
    """Grade from supporting origins (see ``group_origins``) and contradicting claims.

    ``weak`` holds the ids of claims stated as fact whose actors come from coreference;
    ``speculative`` the ids of claims that assert no event (they say what might or would
    happen, or are a reporter's question): an origin with nothing else neither states nor
    reports the event, so it corroborates nothing. ``speculation`` and ``questions`` give
    the reason when no supporting claim asserts the event at all.
    """
    letter, reasons = _grade_reliability(origins)
    credibility, more = _grade_credibility(
        origins, against, documents, registry, involved, weak, speculative
    )
    if public_records and not against:
        letter, credibility = "A", 1
        reasons = [f"source reliability A: {public_records[0]}", *reasons[1:]]
        more = [f"credibility 1: confirmed, {public_records[0]}", *more[1:]]
    if speculation or questions:
        credibility = 6
        more = [f"credibility 6: cannot be judged, {speculation or questions}", *more[1:]]
        likelihood, why = (
            "",
            f"no likelihood is stated: speculation is not an event ({speculation})"
            if speculation
            else f"no likelihood is stated: nothing supporting it asserts an event ({questions})",
        )
    else:
        likelihood, why = _likelihood(letter, credibility)
    return Assessment(
        letter,
        credibility,
        tuple(reasons + more),
        method=GRADER,
        likelihood=likelihood,
        likelihood_reason=why,
    )


def _grade_reliability(origins: Sequence[Origin]) -> tuple[str, list[str]]:
    if not origins:
        return "F", ["source reliability F: no supporting source to judge"]
    best = min(origins, key=lambda o: (reliability_rank(o.reliability), o.label))
    carried = sorted({c.outlet or f"document {c.document_id[:12]}" for c in best.conduits})
    via = ""
    if best.kind == "cited_source" or len(best.conduits) > 1:
        via = f", carried by {_count(len(best.conduits), 'document')} ({', '.join(carried)})"
    reasons = [
        f"source reliability {best.reliability}: the best supporting origin is {best.label}"
        f" ({_KIND_WORDS.get(best.kind, best.kind)}){via}"
    ]
    if best.reliability_reason:
        reasons.append(f"who speaks: {best.reliability_reason}")
    if best.reliability == "F":
        reasons.append("no supporting source can be judged: reliability F")
    return best.reliability, reasons


_KIND_WORDS = {
    "cited_source": "a cited source",
    "outlet": "the outlet's own reporting",
    "syndication": "one story syndicated across outlets",
    "document": "a single document",
    "question": "reporters' questions in its transcript, not its own statement",
}


def _grade_credibility(
    origins: Sequence[Origin],
    against: Sequence[Claim],
    documents: Mapping[str, DocumentInfo],
    registry: OutletRegistry,
    involved: frozenset[str],
    weak: frozenset[str],
    speculative: frozenset[str] = frozenset(),
) -> tuple[int, list[str]]:
    if not origins:
        reasons = ["credibility 6: cannot be judged, no claim supports the incident"]
        if against:
            reasons.append(f"{_count(len(against), 'claim')} deny or negate it; kept and shown")
        return 6, reasons
    facts = [o for o in origins if o.stated_as_fact]
    guessing = [o for o in origins if not o.stated_as_fact and set(o.claim_ids) <= speculative]
    hedged = [o for o in origins if not o.stated_as_fact and o not in guessing]
    reasons = []
    if guessing and (facts or hedged):
        reasons.append(
            f"{_count(len(guessing), 'origin')} ({'; '.join(o.label for o in guessing)}) only "
            "speculate (a forecast, a condition, a suggestion) or put a reporter's question: "
            "not counted as corroboration"
        )
    documents_seen = {c.document_id for o in origins for c in o.conduits}
    if len(origins) < len(documents_seen):
        reasons.append(
            f"{_count(len(documents_seen), 'supporting document')} reduce to "
            f"{_count(len(origins), 'independent origin')}: syndicated copies, one outlet's "
            "reports and reports quoting the same source count once"
        )
    named = "; ".join(o.label for o in facts)
    if len(facts) >= 2:
        credibility = 1
        reasons.append(f"stated as fact by {len(facts)} independent origins ({named})")
    elif facts and hedged:
        credibility = 2
        reasons.append(
            f"stated as fact by one origin ({named}) and reported, hedged, by "
            f"{_count(len(hedged), 'other independent origin')}"
        )
    elif facts:
        credibility = 3
        reasons.append(f"stated as fact by one origin only ({named})")
    elif len(hedged) >= 2:
        credibility = 3
        reasons.append(
            f"no source states it as fact: reported only as alleged, planned or through "
            f"coreference by {_count(len(hedged), 'independent origin')}"
        )
    elif guessing and not hedged:
        credibility = 6
        reasons.append(
            "no origin states or reports it: every supporting claim speculates or is a "
            "reporter's question"
        )
    else:
        credibility = 6
        reasons.append(
            "reported only as alleged, planned or through coreference by one origin, with no "
            "independent corroboration: cannot be judged (missing corroboration is not "
            "evidence against)"
        )
    weakened = sorted(o.label for o in origins if weak.intersection(o.claim_ids))
    if weakened:
        reasons.append(
            f"weak: {_count(len(weakened), 'origin')} ({'; '.join(weakened)}) name the actors "
            "only through coreference (a pronoun, 'the country', the document's topic), so "
            "those claims count as hedged"
        )
    denials = [c for c in against if is_involved_party(c, documents, registry, involved)]
    negations = [c for c in against if c not in denials]
    if denials:
        credibility = max(credibility, 2)
        reasons.append(
            f"denied by an involved party ({_count(len(denials), 'claim')}): kept as "
            "contradicting claims; an interested denial does not refute the reports, but a "
            "contested event is not called confirmed (credibility no better than 2)"
        )
    if negations:
        cap = 4 if facts else 5
        credibility = cap if credibility == 6 else max(credibility, cap)
        reasons.append(
            f"{_count(len(negations), 'report')} not from an involved party say it did not "
            f"happen: credibility no better than {cap}"
        )
    summary = f"credibility {credibility}: {_CREDIBILITY_WORDS[credibility]}"
    return credibility, [summary, *reasons]


# The mapping from grade to likelihood, best first: (max credibility, letters, phrase).
_LIKELIHOOD: tuple[tuple[int, str, str], ...] = (
    (1, "AB", "almost certainly"),
    (1, "CDEF", "very likely"),
    (2, "ABCDEF", "likely"),
    (3, "AB", "likely"),
    (3, "CDEF", "roughly even chance"),
    (4, "AB", "roughly even chance"),
    (4, "CDEF", "unlikely"),
    (5, "ABCDEF", "very unlikely"),
)


def _likelihood(letter: str, credibility: int) -> tuple[str, str]:
    for level, letters, phrase in _LIKELIHOOD:
        if credibility == level and letter in letters:
            return phrase, (
                f"{phrase} ({LIKELIHOOD_RANGES[phrase]}, ICD 203): credibility {credibility} "
                f"({_CREDIBILITY_WORDS[credibility]}) with the best source rated {letter}"
            )
    return "", (
        f"no likelihood is stated: credibility {credibility} "
        f"({_CREDIBILITY_WORDS.get(credibility, '')}), the event cannot be judged"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def is_involved_party(
    claim: Claim,
    documents: Mapping[str, DocumentInfo],
    registry: OutletRegistry,
    involved: frozenset[str],
) -> bool:
    """A denial is by definition an actor's; a negation counts when an actor's media says it."""
    if claim.modality is Modality.DENIED:
        return True
    profile = registry.classify(documents.get(claim.document_id), involved=involved)
    if profile.kind == "state_media_involved":
        return True
    for attribution in claim.attributions:
        outlet = registry.find_outlet(attribution.name)
        if outlet is not None and outlet.country in involved:
            return True
    return False
