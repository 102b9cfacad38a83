"""Independence of sources: which claims share an *origin*, and the *conduits* that carried it.

An origin is where the information came from; a conduit is a document that carried it.
Claims fall into one origin when they share any of these keys:

- the document itself (an article's claims are not independent of each other);
- its syndication cluster (copies of one story count once);
- its outlet (one newsroom's reports are not independent of each other);
- a cited source that is named: two papers both citing Yonhap, or both quoting
  "Lim Soo-ho", relay one origin. Unnamed sources ("officials", "experts") stay scoped to
  their document: two papers quoting "officials" may quote different people.

The keys only ever join claims, so adding a syndicated copy never adds an origin.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from sanctionwatch.assess.sources import (
    DocumentInfo,
    OutletRegistry,
    normalise_name,
    reliability_rank,
)
from sanctionwatch.assess.speakers import speaker_for
from sanctionwatch.assess.turns import REPORTER_QUESTION_RULE, Turn, asked_by_reporter
from sanctionwatch.domain import Attribution, Claim, Modality
from sanctionwatch.domain.incident import Conduit, Origin
from sanctionwatch.law.eventhood import read_event

COREF_PREFIX = "coref:"

# Words that name nobody in particular; what is left after removing them must be a name.
_UNNAMED = frozenset(
    """a an the this that these those some several many other one two three last first
    year month week officials official sources source experts expert analysts analyst
    observers people person report reports paper papers media outlet outlets statement
    ministry government intelligence agency spokesperson spokesman spokeswoman authorities
    diplomats diplomat insiders insider residents witnesses he she they it we i according
    familiar with matter said says member state states study documents document our my
    their his her its your information data graphic estimates estimate research evidence
    assessment analysis imagery""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


def is_weak(claim: Claim) -> bool:
    """The actors rest on coreference ("it", "the country"), not on a name in the sentence:
    a role filled by coreference is weak unless its filler stands in the claim's sentence.

    The extractor records the rule that filled a role in ``claim.rules`` as
    ``source:coref:...`` / ``target:coref:...``; a filler's own rule may say so too.
    """
    if any(r.rule.startswith(COREF_PREFIX) for r in (*claim.sources, *claim.targets)):
        return True
    evidence = claim.evidence
    for role, fillers in (("source", claim.sources), ("target", claim.targets)):
        if not any(rule.startswith(f"{role}:{COREF_PREFIX}") for rule in claim.rules):
            continue
        # The document's topic found at its mention in this very sentence is named here;
        # only its role was inferred.
        if not any(evidence.start <= f.span.start and f.span.end <= evidence.end for f in fillers):
            return True
    return False


_ROLES = ("source", "target")


def filler_is_coref(claim: Claim) -> bool:
    """Only a role filler's own rule says coreference (what clustering has been tuned on).

    Kept apart from ``is_weak`` so the clusterer's seeds stay as measured in issue 12;
    switching ``events.read_facts`` to ``is_weak`` changes the incident set (see CHANGELOG).
    """
    return any(r.rule.startswith(COREF_PREFIX) for r in (*claim.sources, *claim.targets))


def states_fact(claim: Claim, document: DocumentInfo | None = None) -> bool:
    """Stated as fact: the fact modality, named actors, not speculation ("once these
    soldiers are deployed, ..." is in the indicative but asserts nothing happened) and not
    a reporter's question at a briefing (its premise is the reporter's, unverified)."""
    return (
        claim.modality is Modality.FACT
        and not is_weak(claim)
        and unasserted(claim, document) is None
    )


def unasserted(claim: Claim, document: DocumentInfo | None = None) -> str | None:
    """Why the claim asserts no event, or None: speculation (a forecast, a condition, a
    suggestion), or a premise put in a reporter's question in a briefing transcript."""
    reading = read_event(claim)
    if reading.is_speculation:
        return reading.reason
    turn = asked_by_reporter(claim, document.turns if document is not None else ())
    if turn is not None:
        return (
            f"a reporter's question ('{turn.label}'): its premise is the reporter's, "
            "unverified, not the host's statement; it states no fact and corroborates nothing"
        )
    return None


def is_named(attribution: Attribution) -> bool:
    """True when the attribution reads as a name ("Yonhap", "U.S. officials", "Lim Soo-ho").

    Filler words ("the", "officials") are set aside; what is left must be capitalised words
    (connectors such as "of" allowed), so a clause the extractor caught by mistake ("North
    Korea deployed an") is not taken for a source two documents could share.
    """
    if attribution.rule == REPORTER_QUESTION_RULE:
        return False  # "Q" names no one two transcripts could share
    words = [w for w in _WORD.findall(attribution.name) if w.casefold() not in _UNNAMED]
    if not any(w[0].isupper() for w in words) or len(words) > 8:
        return False
    return all(w[0].isupper() or w.casefold() in _CONNECTORS for w in words)


_CONNECTORS = frozenset({"of", "for", "and", "on", "de", "du", "la", "al", "van", "von"})


@dataclass(frozen=True, slots=True)
class _Keys:
    keys: tuple[str, ...]
    cited: tuple[str, ...]
    cited_known: tuple[str, ...]


def _claim_keys(
    claim: Claim, documents: Mapping[str, DocumentInfo], registry: OutletRegistry
) -> _Keys:
    keys = [f"doc:{claim.document_id}"]
    doc = documents.get(claim.document_id)
    if doc is not None and doc.syndication_cluster:
        keys.append(f"cluster:{doc.syndication_cluster}")
    publisher = registry.publisher(doc) if doc is not None else None
    if publisher is not None and publisher.name:
        keys.append(
            f"src:{publisher.outlet.name}"
            if publisher.outlet
            else f"outlet:{normalise_name(publisher.name)}"
        )
    cited: list[str] = []
    known: list[str] = []
    for attribution in claim.attributions:
        canonical = registry.canonical_name(attribution.name)
        if canonical:
            keys.append(f"src:{canonical}")
            known.append(canonical)
            cited.append(canonical)
        elif is_named(attribution):
            keys.append(f"cited:{normalise_name(attribution.name)}")
            cited.append(" ".join(attribution.name.split()))
    return _Keys(tuple(keys), tuple(cited), tuple(known))


def group_origins(
    claims: Iterable[Claim],
    *,
    documents: Mapping[str, DocumentInfo],
    registry: OutletRegistry,
    involved: Collection[str] = (),
    role: str = "support",
) -> list[Origin]:
    """Independent origins behind ``claims``, sorted by reliability, then label."""
    unique = {c.id: c for c in claims}
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    keyed = {cid: _claim_keys(c, documents, registry) for cid, c in sorted(unique.items())}
    for found in keyed.values():
        root = find(found.keys[0])
        for key in found.keys[1:]:
            other = find(key)
            if other != root:
                parent[max(other, root)] = min(other, root)
                root = min(other, root)
    groups: dict[str, list[str]] = {}
    for cid, found in keyed.items():
        groups.setdefault(find(found.keys[0]), []).append(cid)
    origins = [
        _origin([unique[cid] for cid in ids], keyed, documents, registry, involved, role)
        for ids in groups.values()
    ]
    return sorted(origins, key=lambda o: (reliability_rank(o.reliability), o.label, o.claim_ids))


def _origin(
    claims: list[Claim],
    keyed: Mapping[str, _Keys],
    documents: Mapping[str, DocumentInfo],
    registry: OutletRegistry,
    involved: Collection[str],
    role: str,
) -> Origin:
    conduits = _conduits(claims, documents, registry)
    cited = sorted({name for c in claims for name in keyed[c.id].cited})
    speakers = [
        speaker_for(c, documents.get(c.document_id), registry, involved=involved) for c in claims
    ]
    best = min(speakers, key=lambda s: (reliability_rank(s.reliability), s.name))
    clusters = [c.syndication_cluster for c in conduits if c.syndication_cluster]
    outlets = sorted({c.outlet for c in conduits if c.outlet})
    asked = all(asked_by_reporter(c, _turns(documents, c)) is not None for c in claims)
    if cited:
        kind, label = "cited_source", " / ".join(cited)
    elif asked:  # only reporters' questions: the publisher's transcript, not its statement
        kind, label = "question", conduits[0].outlet or f"document {conduits[0].document_id[:12]}"
    elif len(set(clusters)) < len(clusters):  # two documents are copies of one story
        first = conduits[0].outlet or f"document {conduits[0].document_id[:12]}"
        kind, label = "syndication", f"{first} (syndicated story)"
    elif len(outlets) == 1:
        kind, label = "outlet", outlets[0]
    elif outlets:
        kind, label = "outlet", " / ".join(outlets)
    else:
        kind, label = "document", f"document {conduits[0].document_id[:12]}"
    return Origin(
        label=label,
        kind=kind,
        role=role,
        reliability=best.reliability,
        stated_as_fact=any(states_fact(c, documents.get(c.document_id)) for c in claims),
        claim_ids=tuple(sorted(c.id for c in claims)),
        conduits=conduits,
        reliability_reason=best.reason,
    )


def _turns(documents: Mapping[str, DocumentInfo], claim: Claim) -> tuple[Turn, ...]:
    document = documents.get(claim.document_id)
    return document.turns if document is not None else ()


def _conduits(
    claims: list[Claim], documents: Mapping[str, DocumentInfo], registry: OutletRegistry
) -> tuple[Conduit, ...]:
    out: dict[str, Conduit] = {}
    for claim in claims:
        doc = documents.get(claim.document_id)
        outlet = None
        if doc is not None and (publisher := registry.publisher(doc)).name:
            outlet = " ".join((publisher.name or "").split())
        out[claim.document_id] = Conduit(
            document_id=claim.document_id,
            outlet=outlet,
            published=doc.published if doc else None,
            syndication_cluster=doc.syndication_cluster if doc else None,
        )
    return tuple(sorted(out.values(), key=lambda c: (c.published or "9999", c.document_id)))


def find_origins(
    claims: Iterable[Claim],
    *,
    documents: Mapping[str, DocumentInfo],
    registry: OutletRegistry,
) -> list[str]:
    """Labels of the independent origins behind ``claims`` (sorted)."""
    return sorted(o.label for o in group_origins(claims, documents=documents, registry=registry))
