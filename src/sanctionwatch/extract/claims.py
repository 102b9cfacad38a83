"""Assemble claims: sentences → triggers → roles, item, quantity, time, modality, attribution.

Every value is built with :func:`make_span` over the text it came from, and a final check
drops any claim whose spans do not slice back to that text (the grounding invariant).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from sanctionwatch.assess.turns import HOST, Turn, read_turns, turn_at
from sanctionwatch.domain import (
    Attribution,
    Claim,
    ClaimType,
    Modality,
    Quantity,
    RoleFiller,
    Span,
    TimeValue,
    claim_id_for,
    make_span,
)
from sanctionwatch.extract.amounts import claim_quantity, nearest, unit_for
from sanctionwatch.extract.coref import (
    Group,
    antecedent,
    complete_from_topic,
    date_from_told_events,
    document_topic,
    named_group,
    pronoun_group,
    topic_roles,
    victim_from_told_theft,
)
from sanctionwatch.extract.cues import (
    AttributionCue,
    continues_speaker,
    find_attributions,
    find_modality,
    governs,
)
from sanctionwatch.extract.decision import DecisionModel, candidate_features, load_model
from sanctionwatch.extract.grammar import (
    Arguments,
    GrammarCandidate,
    LemmaLexicon,
    SanctionParties,
    dates_an_anchor,
    dates_another_clause,
    dates_the_report,
    grammar_candidates,
    grammar_rejects,
    has_trigger_word,
    item_head_kind,
    item_is_a_purpose,
    item_modifies_a_noun,
    load_lemmas,
    modifies_another_noun,
    parse_texts,
    parser_version,
    participant_places,
    possessor_of,
    sanction_parties,
    syntax_features,
    verb_arguments,
    victims_of,
)
from sanctionwatch.extract.lexicon import Lexicon, TriggerRule, load_lexicon
from sanctionwatch.extract.naming import EXTRACTOR_NAME, EXTRACTOR_VERSION
from sanctionwatch.extract.noise import is_apparatus, mask_noise
from sanctionwatch.extract.people import document_people, introduced_people
from sanctionwatch.extract.quantities import (
    QUANTITIES_NAME,
    QUANTITIES_VERSION,
    ParsedQuantity,
    parse_quantities,
)
from sanctionwatch.extract.roles import BUYING, Roles, resolve_roles
from sanctionwatch.extract.selection import (
    Candidate,
    drop_repeats,
    in_condition,
    is_back_reference,
    narrow_shared_sentences,
    one_per_event,
    prefer_heads,
)
from sanctionwatch.extract.sentences import split_sentences
from sanctionwatch.extract.times import ParsedTime, dates_another_noun, parse_times, to_future
from sanctionwatch.resolve.gazetteer import ActorMatch, find_actors, load_gazetteer

_NO_PATTERN = re.compile(r"(?!)")

_DEADLINE = re.compile(r"(?:by|until|no later than)\b", re.I)
_BLOCK_QUOTE = re.compile(r"(?:\s*\n[ \t]*>[^\n]*)+")
_IN_EXCHANGE = re.compile(r"\bin (?:exchange|return) for\s+(?:[\w’'-]+\s+){0,3}$", re.I)
_NUMBERED_RESOLUTION = re.compile(r"resolutions?\s+(?:No\.\s*)?\d{4}\b", re.I)
_NOUN_OF = re.compile(r"[\w’'-]+\s+of\b")
_ITS_BEFORE = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+)?$", re.I)


def extractor_id(lexicon: Lexicon | None = None, *, model: DecisionModel | None = None) -> str:
    """``name@version`` plus the versions of the data, the parser and the decision model."""
    return f"{_proposer_id(lexicon)}+{(model or load_model()).version}"


def _proposer_id(lexicon: Lexicon | None = None) -> str:
    lexicon = lexicon or load_lexicon()
    gazetteer = load_gazetteer()
    return (
        f"{EXTRACTOR_NAME}@{EXTRACTOR_VERSION}+{lexicon.version}+{load_lemmas().version}"
        f"+gazetteer-{gazetteer.tag}+{parser_version()}"
    )


@dataclass(frozen=True, slots=True)
class Proposal:
    """A candidate claim before the decision, with what the decision reads."""

    score: int
    claim: Claim
    features: dict[str, float]


@dataclass(frozen=True)
class Proposals:
    """Every candidate of one document, sentence by sentence."""

    text: str
    scan: str
    sentences: list[tuple[tuple[int, int], list[Proposal]]]


def extract_claims(
    text: str,
    *,
    published: str | None = None,
    document_id: str = "",
    model: DecisionModel | None = None,
) -> list[Claim]:
    """Every claim in ``text``, each value grounded to a span of ``text``.

    ``published`` (ISO date, year-month or year) anchors relative times ("last year").
    ``model`` replaces the shipped decision model (cross-validation trains its own).
    """
    return decide_claims(
        propose_claims(text, published=published, document_id=document_id),
        model=model or load_model(),
    )


@dataclass
class _Sentence:
    bounds: tuple[int, int]
    index: int
    actors: list[ActorMatch]
    attributions: list[AttributionCue]
    topic: ActorMatch | None
    group: Group | None
    named_before: Sequence[ActorMatch] = ()
    """Every actor the document names up to the end of this sentence, in order: the
    antecedents a participant pronoun can stand for."""
    lead: ActorMatch | None = None
    """The first person named in the latest earlier sentence that names one."""


def propose_claims(text: str, *, published: str | None = None, document_id: str = "") -> Proposals:
    """Every candidate claim: trigger patterns and trigger lemmas, roles, values, features."""
    lexicon = load_lexicon()
    lemmas = load_lemmas()
    extractor = _proposer_id(lexicon)  # the decision's version is added when it decides
    # Everything is found in the masked text; every span is cut from the original.
    scan = mask_noise(text)
    sentences = _read_sentences(scan, lexicon)
    parsed = _parse(scan, sentences, lemmas)
    out: list[tuple[tuple[int, int], list[Proposal]]] = []
    for sentence in sentences:
        bounds = sentence.bounds
        doc = parsed.get(bounds)
        if doc is not None:
            sentence = _heading_institutions(sentence, doc, lemmas)
        grammar = grammar_candidates(doc, bounds[0], lemmas) if doc is not None else []
        candidates = _candidates(scan, sentence, lexicon, grammar, doc)
        if candidates and doc is None:
            # A sentence standing only for the topic that a trigger pattern still reads
            # ("the stolen funds were sent"): parsed now, so the grammar checks it too.
            doc = parse_texts([scan[bounds[0] : bounds[1]]])[0]
            sentence = _heading_institutions(sentence, doc, lemmas)
            candidates = _candidates(scan, sentence, lexicon, [], doc)
        if not candidates:
            continue
        times = parse_times(scan, *bounds, published=published)
        # "In September 2023 Pyongyang sent shells": 2023 is a date, not 2,023 shells.
        quantities = [
            q
            for q in parse_quantities(scan, *bounds)
            if not any(q.start < t.end and t.start < q.end for t in times)
        ]
        context = _Context(
            text, scan, document_id, extractor, lexicon, bounds, published, doc, lemmas.reporting
        )
        words = len(scan[bounds[0] : bounds[1]].split())
        bag = {w.lower() for w in _WINDOW_WORD.findall(scan, bounds[0], bounds[1])}
        proposals = []
        for c in prefer_heads(candidates):
            claim = _build_claim(context, c, quantities, times, sentence.attributions)
            if claim is None or is_back_reference(scan, c, claim):
                continue
            features = candidate_features(
                rule=c.rule.id,
                voice=c.rule.voice,
                claim=claim,
                role_rules=c.roles.rules,
                syntax=c.syntax,
                window=_window(scan, bounds, c.trigger),
                sentence_bag=bag,
                sentence_words=words,
                sentence_actors=len({a.code for a in sentence.actors}),
                sentence_index=sentence.index,
                proposers=c.proposers,
                sentence_states={a.code for a in sentence.actors},
            )
            # Rank: roles filled, then two proposers agreeing, then a curated pattern.
            rank = 4 * c.score + 2 * (c.proposers > 1) + (not c.rule.id.startswith("lemma:"))
            proposals.append(Proposal(rank, claim, features))
        if proposals:
            out.append((bounds, proposals))
    return Proposals(text, scan, out)


def decide_claims(proposals: Proposals, *, model: DecisionModel) -> list[Claim]:
    """The candidates the model keeps, one per event per sentence, with the document-level
    passes (repeats, dates and victims of events already told) and the grounding check."""
    text, scan = proposals.text, proposals.scan
    claims: list[Claim] = []
    for bounds, candidates in proposals.sentences:
        kept = []
        for p in candidates:
            probability = model.score(p.features)
            if probability < model.threshold_for(p.features):
                continue
            reasons = tuple(
                f"decision:{name}{weight:+.2f}" for name, weight in model.reasons(p.features)
            )
            decided = replace(
                p.claim, rules=(*p.claim.rules, f"decision:p={probability:.2f}", *reasons)
            )
            extractor = f"{decided.extractor}+{model.version}"
            decided = replace(
                decided,
                extractor=extractor,
                id=claim_id_for(
                    decided.document_id,
                    decided.type.value,
                    decided.trigger.start,
                    decided.trigger.end,
                    extractor,
                ),
            )
            kept.append((p.score, decided))
        claims.extend(narrow_shared_sentences(text, scan, one_per_event(scan, bounds, kept)))
    lexicon = load_lexicon()
    nominal = {r.id for r in lexicon.triggers if r.voice == "nominal"}
    nominal |= {c.rules[0] for c in claims if c.rules[0].endswith(":nominal")}
    claims = drop_repeats(claims, nominal=nominal)
    claims = date_from_told_events(text, scan, claims)
    claims = victim_from_told_theft(scan, claims)
    return [c for c in claims if all(span.is_grounded_in(text) for span in c.spans())]


_HONORIFIC = re.compile(r"(?:MR|MS|MRS|DR)\.?\s+")


def _turn_speaker(scan: str, turns: tuple[Turn, ...], position: int) -> list[AttributionCue]:
    """Who holds the podium's turn at ``position`` ("MR. KIRBY:" speaks as "KIRBY"),
    grounded at the label; nobody for a reporter's question or outside any turn."""
    turn = turn_at(turns, position)
    if turn is None or turn.role != HOST:
        return []
    m = re.match(r"[^:\n]+", scan[turn.start : turn.end])
    if m is None:
        return []
    start, end = turn.start, turn.start + len(m.group(0).rstrip())
    honorific = _HONORIFIC.match(scan, start, end)
    if honorific is not None:
        start = honorific.end()
    if start >= end:
        return []
    name = scan[start:end]
    return [AttributionCue(start, end, name, start, end, "attribution:turn", inherited=True)]


def _read_sentences(scan: str, lexicon: Lexicon) -> list[_Sentence]:
    """The sentences that name an actor (or stand for one), with who speaks in each."""
    seen_sentences: set[str] = set()
    previous_attributions: list[AttributionCue] = []
    block_speaker: list[AttributionCue] = []
    turns = read_turns(scan)
    block_end = 0
    named = _without_states_own_councils(scan, find_actors(scan))
    topic = document_topic(named)
    # "Wang is due to meet Kerry": people the document introduced with their state.
    document_actors = sorted([*named, *document_people(scan, named)], key=lambda a: a.start)
    actor_starts = [a.start for a in document_actors]
    # What a participant pronoun can stand for: the actors and the people introduced.
    antecedents = sorted([*document_actors, *introduced_people(scan, named)], key=lambda a: a.end)
    antecedent_ends = [a.end for a in antecedents]
    # The first person named in the latest sentence that names one: whom a "he" or "she"
    # opening a later sentence means (the subject comes first: "Kim will meet Moon. He
    # is also to meet Trump" is Kim).
    lead: ActorMatch | None = None
    out = []
    for index, sentence in enumerate(split_sentences(scan)):
        previous_lead = lead
        lead = next(
            (
                a
                for a in antecedents[
                    bisect_left(antecedent_ends, sentence[0]) : bisect_right(
                        antecedent_ends, sentence[1]
                    )
                ]
                if a.kind == "person" and a.start >= sentence[0]
            ),
            lead,
        )
        sentence_text = scan[sentence[0] : sentence[1]].strip()
        if sentence_text in seen_sentences or is_apparatus(sentence_text):
            continue  # a headline repeated as the first line states nothing new
        seen_sentences.add(sentence_text)
        lo = bisect_left(actor_starts, sentence[0])
        actors = [
            a
            for a in document_actors[lo : bisect_left(actor_starts, sentence[1])]
            if a.end <= sentence[1]
        ]
        nearest_topic = antecedent(document_actors, topic, sentence[0])
        attributions = find_attributions(scan, sentence=sentence, rules=lexicon.attribution)
        if _introduces_quotation(scan, sentence):
            # "The press statement says:": what follows is the statement's, not the writer's.
            block_speaker = [replace(a, inherited=True) for a in attributions] or block_speaker
            block_end = _quoted_block_end(scan, sentence[1])
        group = named_group(scan, sentence, document_actors[:lo], lead=previous_lead)
        if not actors and nearest_topic is None and group is None:
            previous_attributions = attributions
            continue
        if not attributions and continues_speaker(scan, sentence):
            # "But they say ...", or a quotation running on after "..., Lim said. “...":
            # the speaker of the previous sentence, grounded where it was named.
            attributions = [replace(a, inherited=True) for a in previous_attributions]
        elif not attributions and block_speaker and sentence[0] < block_end:
            attributions = block_speaker
        if not attributions:
            # A transcript's answer is its speaker's ("MR. KIRBY: ... we've sanctioned them").
            attributions = _turn_speaker(scan, turns, sentence[0])
        previous_attributions = attributions
        out.append(
            _Sentence(
                sentence,
                index,
                actors,
                attributions,
                nearest_topic,
                group,
                antecedents[: bisect_right(antecedent_ends, sentence[1])],
                previous_lead,
            )
        )
    return out


_STATE_BEFORE_COUNCIL = re.compile(r"(?:['’]s)?\s+")
_NATIONAL_BEFORE = re.compile(r"\bNational\s+$")


_SECRETARY_AFTER = re.compile(r"\s+(?:Deputy\s+)?Secretary\b(?!-General)")


def _without_states_own_councils(scan: str, actors: list[ActorMatch]) -> list[ActorMatch]:
    """ "Russia's Security Council", "the Russian Security Council Secretary", "National
    Security Council": a state's own council, not the UN's. The bare council name is the
    UN only where no state or "national" stands right before it."""
    out: list[ActorMatch] = []
    for actor in actors:
        if actor.code == "UN" and actor.form.lower().startswith("security council"):
            before = out[-1] if out else None
            own = (
                before is not None
                and before.code != "UN"
                and _STATE_BEFORE_COUNCIL.fullmatch(scan, before.end, actor.start) is not None
            )
            national = _NATIONAL_BEFORE.search(scan, max(0, actor.start - 12), actor.start)
            # "Security Council Secretary Sergei Shoigu": a state's council has a secretary;
            # the UN's has a president and the UN a Secretary-General.
            if own or national or _SECRETARY_AFTER.match(scan, actor.end):
                continue
        out.append(actor)
    return out


def _heading_institutions(sentence: _Sentence, doc: Any, lemmas: LemmaLexicon) -> _Sentence:
    """An institution's bare name ("UN", "U.N.") is an actor where it heads its phrase or
    issues a sanctions act; modifying any other noun ("UN member states") it is not."""
    acts = frozenset(
        n for c in lemmas.classes if c.type is ClaimType.SANCTIONS_ACTION for n in c.nouns
    )
    actors = [
        a
        for a in sentence.actors
        if a.kind != INSTITUTION
        or not modifies_another_noun(doc, sentence.bounds[0], (a.start, a.end), acts)
    ]
    return sentence if len(actors) == len(sentence.actors) else replace(sentence, actors=actors)


INSTITUTION = "institution"


def _parse(
    scan: str, sentences: Sequence[_Sentence], lemmas: LemmaLexicon
) -> dict[tuple[int, int], Any]:
    """Parse, in one batch, only the sentences that hold a trigger word and either name a
    state (or count them: "both sides") or match a trigger pattern (a sentence standing
    for the document's topic: "the stolen funds were sent")."""
    patterns = [rule.regex for rule in load_lexicon().triggers]

    def wanted_for(s: _Sentence) -> bool:
        if not has_trigger_word(scan[s.bounds[0] : s.bounds[1]], lemmas):
            return False
        if s.actors or s.group:
            return True
        return any(p.search(scan, s.bounds[0], s.bounds[1]) for p in patterns)

    wanted = [s.bounds for s in sentences if wanted_for(s)]
    docs = parse_texts([scan[a:b] for a, b in wanted])
    return dict(zip(wanted, docs, strict=True))


_WINDOW_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _window(scan: str, sentence: tuple[int, int], trigger: tuple[int, int]) -> list[str]:
    """The trigger's words and four words either side, lower-cased, marked by side."""
    before = _WINDOW_WORD.findall(scan, max(sentence[0], trigger[0] - 40), trigger[0])[-4:]
    inside = _WINDOW_WORD.findall(scan, trigger[0], trigger[1])[:4]
    after = _WINDOW_WORD.findall(scan, trigger[1], min(sentence[1], trigger[1] + 40))[:4]
    return [
        *(f"<{w.lower()}" for w in before),
        *(f"={w.lower()}" for w in inside),
        *(f">{w.lower()}" for w in after),
    ]


def _quoted_block_end(scan: str, start: int) -> int:
    """Where the statement introduced at ``start`` ends: after the ``>`` block quote that
    follows, or, in running text (a KCNA press statement), at the end of the document."""
    block = _BLOCK_QUOTE.match(scan, start)
    return block.end() if block else len(scan)


def _matches_outside(
    regex: re.Pattern[str],
    text: str,
    sentence: tuple[int, int],
    attributions: Sequence[AttributionCue],
    rejects: Callable[[re.Match[str]], bool] | None = None,
) -> Iterator[re.Match[str]]:
    """Non-overlapping matches of ``regex`` in the sentence that do not start inside a cited
    source's name ("The investigation into the hack confirmed": who speaks, not what) and
    that the grammar does not reject (``rejects``). A match that fails is retried one
    character on, so "BitoPro claims hackers stole $11 million" still finds "stole" after
    the source, and "sought to procure goods" finds "procure goods" after "sought"."""
    cited = [a for a in attributions if not a.inherited]
    position = sentence[0]
    while (m := regex.search(text, position, sentence[1])) is not None:
        if any(a.start <= m.start() < a.end for a in cited) or (rejects is not None and rejects(m)):
            position = m.start() + 1
            continue
        yield m
        position = max(m.end(), m.start() + 1)


def _introduces_quotation(scan: str, sentence: tuple[int, int]) -> bool:
    return (
        scan[sentence[0] : sentence[1]].rstrip().endswith(":") and sentence[1] - sentence[0] < 120
    )


@dataclass
class _Proposed:
    """A trigger found before its roles: by a pattern or a lemma, and by how many."""

    rule: TriggerRule
    trigger: tuple[int, int]
    item: tuple[int, int] | None
    syntax: dict[str, str]
    proposers: int = 1
    pronoun: Group | None = None
    """The parties a participant pronoun stands for (a meeting or agreement lemma)."""


@lru_cache(maxsize=512)
def _lemma_rule(rule_id: str, claim_type: ClaimType, voice: str) -> TriggerRule:
    """A trigger lemma as a rule, so both proposers share one path to a claim."""
    return TriggerRule(rule_id, claim_type, voice, _NO_PATTERN)


_GOODS_TYPES = frozenset({ClaimType.ARMS_TRANSFER, ClaimType.TECH_TRANSFER})


def _by_item_head(
    rule: TriggerRule, doc: Any | None, offset: int, item: tuple[int, int] | None, m: re.Match[str]
) -> tuple[TriggerRule, tuple[int, int] | None]:
    """A pattern of moving goods whose item's head names another kind of goods ("rocket
    engines", "missile components") is of the head's kind, its item the whole phrase."""
    if doc is None or item is None or rule.type not in _GOODS_TYPES:
        return rule, item
    found = item_head_kind(doc, offset, item, (m.start(), m.end()), load_lemmas())
    if found is None or found[0] == rule.type or found[0] not in _GOODS_TYPES:
        return rule, item
    return TriggerRule(rule.id, found[0], rule.voice, rule.regex), found[1]


def _syntax_at(doc: Any | None, offset: int, start: int, end: int) -> dict[str, str]:
    """The parse at the head of a pattern's words (the word the others hang on)."""
    if doc is None:
        return {}
    span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    if span is None or not len(span):
        return {}
    return syntax_features(span.root)


def _candidates(
    text: str,
    sentence: _Sentence,
    lexicon: Lexicon,
    grammar: Sequence[GrammarCandidate],
    doc: Any | None,
) -> list[Candidate]:
    bounds, actors, attributions = sentence.bounds, sentence.actors, sentence.attributions
    lemmas = load_lemmas()
    # Trigger patterns first; a trigger lemma on the same words and type confirms the
    # pattern (two proposers) instead of proposing the event again.
    proposed: list[_Proposed] = []
    spans = [(a.start, a.end) for a in actors]

    def rejected(
        rule: TriggerRule,
        trigger: tuple[int, int],
        item: tuple[int, int] | None,
        pronoun: Group | None = None,
    ) -> bool:
        if doc is None:
            return False
        reason = grammar_rejects(
            doc,
            bounds[0],
            trigger[0],
            claim_type=rule.type,
            voice=rule.voice,
            # A pronoun that stands for a named participant names it where it stands.
            actors=spans if pronoun is None else [*spans, (pronoun.start, pronoun.end)],
            lexicon=lemmas,
        )
        return reason is not None or (
            item is not None
            and (
                item_modifies_a_noun(doc, bounds[0], item, trigger, lemmas)
                or item_is_a_purpose(doc, bounds[0], item, trigger, lemmas)
            )
        )

    def item_of(rule: TriggerRule, m: re.Match[str]) -> tuple[int, int] | None:
        if "item" in rule.regex.groupindex and m.group("item") is not None:
            return m.start("item"), m.end("item")
        return None

    screened = lexicon.screen is None or lexicon.screen.search(text, *bounds) is not None
    for rule in lexicon.triggers if screened else ():

        def rejects(m: re.Match[str], rule: TriggerRule = rule) -> bool:
            return rejected(rule, (m.start(), m.end()), item_of(rule, m))

        for m in _matches_outside(rule.regex, text, bounds, attributions, rejects):
            syntax = _syntax_at(doc, bounds[0], m.start(), m.end())
            typed, item = _by_item_head(rule, doc, bounds[0], item_of(rule, m), m)
            proposed.append(_Proposed(typed, (m.start(), m.end()), item, syntax))
    patterns = list(proposed)
    cited = [a for a in attributions if not a.inherited]
    for g in grammar:
        same = [
            p
            for p in patterns
            if p.rule.type == g.type and p.trigger[0] < g.trigger[1] and g.trigger[0] < p.trigger[1]
        ]
        stands_for = _pronoun_party(g, sentence) if g.voice == "parties" else None
        for p in same:
            p.proposers = 2
            if p.rule.voice == "parties" and p.pronoun is None:
                p.pronoun = stands_for  # the grammar says whom the pattern's pronoun means
        # A trigger word a pattern already read as another type ("adopt new sanctions" is
        # a sanctions action, not an agreement) is that pattern's: one word, one event.
        # A conjoined item of another kind is a second event on the same word.
        read = not g.conjunct and any(
            p.trigger[0] <= g.trigger[0] and g.trigger[1] <= p.trigger[1] for p in patterns
        )
        if same or read or any(a.start <= g.trigger[0] < a.end for a in cited):
            continue
        if g.voice == "parties" and not _parties_in_place(g, actors, stands_for):
            continue
        rule = _lemma_rule(g.rule, g.type, g.voice)
        proposed.append(_Proposed(rule, g.trigger, g.item, g.syntax, pronoun=stands_for))
    found = []
    for p in proposed:
        rule, trigger, item, syntax, proposers = p.rule, p.trigger, p.item, p.syntax, p.proposers
        if rule.id.startswith("lemma:") and rejected(rule, trigger, item, p.pronoun):
            continue
        told = sentence if p.pronoun is None else replace(sentence, group=p.pronoun)
        roles = _roles(text, told, rule, trigger, item)
        if roles is not None and rule.voice == "parties" and doc is not None:
            places = participant_places(doc, bounds[0], trigger[0])
            if p.pronoun is not None:  # the antecedents stand where the pronoun does
                places += [(a.start, a.end) for a in p.pronoun.named_before]
            _keep_placed_parties(roles, places)
        elif roles is not None and rule.voice in _DIRECTED and doc is not None:
            arguments = verb_arguments(doc, bounds[0], trigger[0])
            if arguments is not None:
                _direct_by_grammar(roles, arguments, actors, rule.voice)
        if roles is not None and rule.voice in _OWNED and doc is not None:
            _owner_by_grammar(roles, possessor_of(doc, bounds[0], trigger[0]), actors)
        if roles is not None and rule.type is ClaimType.FINANCIAL_FLOW and doc is not None:
            _victim_by_grammar(roles, victims_of(doc, bounds[0], trigger[0]), actors)
        if roles is not None and rule.voice == "sanctions" and doc is not None:
            _sanctions_by_grammar(roles, sanction_parties(doc, bounds[0], trigger), actors)
            arguments = verb_arguments(doc, bounds[0], trigger[0])
            if arguments is not None:
                _sanctioner_by_grammar(roles, arguments, actors)
        if roles is not None and item is not None and _IN_EXCHANGE.search(text, bounds[0], item[0]):
            # "supplying North Korea with oil in exchange for weapons": what is given in
            # exchange flows the other way.
            roles.sources, roles.targets = roles.targets, roles.sources
            roles.rules.append("roles:in-exchange-for")
        if roles is not None:
            found.append(Candidate(rule, trigger, item, roles, text, syntax, proposers))
    return found


_DIRECTED = {"agent", "recipient", "item_first"}
_OWNED = {"nominal", "agent", "recipient"}


def _inside(actors: Sequence[ActorMatch], span: tuple[int, int] | None) -> list[ActorMatch]:
    """The actors named within ``span`` (document offsets)."""
    if span is None:
        return []
    return [a for a in actors if span[0] <= a.start and a.end <= span[1]]


def _sanctions_by_grammar(
    roles: Roles, parties: SanctionParties, actors: Sequence[ActorMatch]
) -> None:
    """ "North Korea faces new U.N. sanctions": the modifier issues them (unless it is the
    one they target, "North Korea sanctions"), the subject of a verb of suffering is hit;
    "a resolution drafted by the United States and China": its authors do not issue it."""
    authors = {id(a) for span in parties.authors for a in _inside(actors, span)}
    for role, fillers in (("source", roles.sources), ("target", roles.targets)):
        if any(id(a) in authors for a in fillers):
            roles.assign(
                role, [a for a in fillers if id(a) not in authors], "grammar:not-the-authors"
            )
    hit = _inside(actors, parties.sufferer)
    modifiers = [a for span in parties.issuers for a in _inside(actors, span)]
    issuer_codes = {a.code for a in modifiers}
    targets = {a.code for a in hit} or {a.code for a in roles.targets} - issuer_codes
    if not targets:
        return  # "North Korea sanctions": the modifier is the one they target
    issuing = [a for a in modifiers if a.code not in targets]
    if hit and {a.code for a in roles.targets} != targets:
        roles.assign("target", hit, "grammar:suffers")
    if issuing and {a.code for a in roles.sources} != {a.code for a in issuing}:
        roles.assign("source", issuing, "grammar:issuer")
    if issuing:
        roles.targets = [a for a in roles.targets if a.code not in issuer_codes]


def _sanctioner_by_grammar(
    roles: Roles, arguments: Arguments, actors: Sequence[ActorMatch]
) -> None:
    """A sanctions verb's own relations: the subject of an active verb (or of the verb
    that governs it: "South Korea announced measures by blacklisting firms") imposes it;
    a passive verb's "by" agent imposes it and its subject undergoes it ("the ship was
    seized by Indonesian authorities"). Where the grammar names no state, the surface
    reading stays."""
    subject = _inside(actors, arguments.subject)
    agents = _inside(actors, arguments.agent)
    imposers = agents if arguments.passive else subject
    undergoers = subject if arguments.passive else []
    imposing = {a.code for a in imposers}
    if imposers and {a.code for a in roles.sources} != imposing:
        displaced = [a for a in roles.sources if a.code not in imposing]
        roles.assign("source", imposers, "grammar:sanctioner")
        if not roles.targets and not undergoers:
            undergoers = displaced  # "isolating the North by blacklisting": the North
    undergoing = [a for a in undergoers if a.code not in imposing]
    if undergoing and {a.code for a in roles.targets} != {a.code for a in undergoing}:
        roles.assign("target", undergoing, "grammar:sanctioned")
    if undergoing and not imposers:
        # "a North Korean ship was seized", no agent named: its state undergoes the
        # seizure and is not read as the one seizing.
        roles.sources = [a for a in roles.sources if a.code not in {u.code for u in undergoing}]
    roles.targets = [a for a in roles.targets if a.code not in imposing]


def _victim_by_grammar(
    roles: Roles, victims: Sequence[tuple[int, int]], actors: Sequence[ActorMatch]
) -> None:
    """ "The Bangladesh Bank heist", "the theft from Bybit": the money came from the
    victim, whatever a nearer marker suggests; the victim is not who got it."""
    named = [a for span in victims for a in _inside(actors, span)]
    codes = {a.code for a in named}
    if not named or {a.code for a in roles.sources} == codes:
        return
    roles.assign("source", named, "grammar:victim")
    roles.targets = [a for a in roles.targets if a.code not in codes]


def _owner_by_grammar(
    roles: Roles, owner: tuple[tuple[int, int], bool] | None, actors: Sequence[ActorMatch]
) -> None:
    """ "North Korea's deployment of troops on the Russian side": the possessor of a noun
    of giving gives (of getting, gets), whatever a nearer state's marker suggests."""
    if owner is None:
        return
    span, getting = owner
    named = _inside(actors, span)
    codes = {a.code for a in named}
    role, other = ("target", roles.sources) if getting else ("source", roles.targets)
    mine = roles.targets if getting else roles.sources
    if not named or {a.code for a in mine} == codes:
        return
    kept_other = [a for a in other if a.code not in codes]
    roles.assign(role, named, "grammar:possessor")
    if getting:
        roles.sources = kept_other
    else:
        roles.targets = kept_other


_POSITIONAL_SOURCES = {"source:subject:agent", "source:subject:nominal", "source:possessive"}
"""Surface readings of a giver by position alone, which the grammar's relations overrule."""


def _direct_by_grammar(
    roles: Roles, arguments: Arguments, actors: Sequence[ActorMatch], voice: str
) -> None:
    """Who gives and who gets, from the verb's grammatical relations where they name a
    state: the subject gives (agent voice) or gets (recipient voice), a passive "by"
    gives, an indirect object, a "to" attachment or the object of "provide X with" gets,
    a "from" attachment gives. A giver the grammar names replaces a surface reading that
    names none of them; otherwise the surface markers' reading stays."""
    # A passive's "by" agent does what the verb says: gives ("shells supplied by Pyongyang")
    # or gets ("crypto stolen by North Korean hackers", "arms bought by Russia").
    agent = _inside(actors, arguments.agent)
    givers = (agent if voice != "recipient" else []) + [
        a for o in arguments.origins for a in _inside(actors, o)
    ]
    getters = (agent if voice == "recipient" else []) + [
        a for r in arguments.recipients for a in _inside(actors, r)
    ]
    subject = _inside(actors, arguments.subject)
    if voice == "agent" and arguments.supplied:
        # "North Korea has been provided with missiles": the subject gets them, whatever
        # a surface reading of the subject as the giver said.
        codes = {a.code for a in subject}
        if subject and {a.code for a in roles.targets} != codes:
            roles.assign("target", subject, "grammar:supplied-with")
        roles.sources = [a for a in roles.sources if a.code not in codes]
        return
    if voice == "agent":
        givers = subject + givers
    elif voice == "recipient":
        getters = subject + getters
    givers = [a for a in givers if a.code not in {g.code for g in getters}]
    giving = {a.code for a in givers}
    guessed = all(r in _POSITIONAL_SOURCES for r in roles.rules if r.startswith("source:"))
    if givers and guessed and not giving & {a.code for a in roles.sources}:
        # The surface read someone the grammar does not ("North Korea has been shaping up
        # as Russia's supplier, providing Moscow with shells": not Russia): the relation
        # names the giver. A marker's reading ("on behalf of", "from") stays.
        first: dict[str, ActorMatch] = {}
        for actor in givers:
            first.setdefault(actor.code, actor)  # one mention per state, the first named
        roles.assign("source", list(first.values()), "grammar:giver")
        roles.targets = [a for a in roles.targets if a.code not in giving]
    if givers and not roles.sources:
        for actor in givers:
            roles.add_source(actor, "grammar:relation")
    if getters and not roles.targets:
        for actor in getters:
            if actor.code not in {a.code for a in roles.sources}:
                roles.add_target(actor, "grammar:relation")


def _keep_placed_parties(roles: Roles, places: Sequence[tuple[int, int]]) -> None:
    """Of the states a sentence names beside a meeting or an agreement, those in the
    trigger's grammatical arguments take part ("officials from South Korea and China
    will meet to discuss North Korea's test": not North Korea), when at least two do."""
    placed = [a for a in roles.sources if any(s <= a.start and a.end <= e for s, e in places)]
    if len({a.code for a in placed}) < 2 or len(placed) == len(roles.sources):
        return
    dropped = {a.code for a in roles.sources} - {a.code for a in placed}
    roles.sources = placed
    roles.rules.append("source:grammar:participants-only")
    roles.rules.extend(f"source:grammar:not-a-party:{code}" for code in sorted(dropped))


def _parties_in_place(
    candidate: GrammarCandidate, actors: Sequence[ActorMatch], pronoun: Group | None = None
) -> bool:
    """A meeting or an agreement read from its lemma takes place where the grammar puts its
    participants: two states among its arguments, and one in its subject if it has one
    ("the vessel visited Brazil and Panama" is no meeting). A participant pronoun counts
    as the parties it stands for ("he will meet President Hollande"). What a meeting's
    object or voice says is :func:`grammar.grammar_rejects`'s, as for the patterns."""

    def inside(region: tuple[int, int], actor: ActorMatch) -> bool:
        return region[0] <= actor.start and actor.end <= region[1]

    placed = {a.code for a in actors if any(inside(r, a) for r in candidate.participants)}
    subject = candidate.subject
    if pronoun is not None:
        placed |= {a.code for a in pronoun.named_before}
        if subject is not None and subject[0] <= pronoun.start and pronoun.end <= subject[1]:
            subject = None
    if subject is not None and not any(inside(subject, a) for a in actors):
        return False
    return len(placed) >= 2 or (len(placed) == 1 and subject is None)


def _pronoun_party(candidate: GrammarCandidate, sentence: _Sentence) -> Group | None:
    """The parties a meeting's or an agreement's pronoun stands for, when the sentence does
    not count them itself ("both sides")."""
    if candidate.pronoun is None or sentence.group is not None:
        return None

    def inside(region: tuple[int, int], actor: ActorMatch) -> bool:
        return region[0] <= actor.start and actor.end <= region[1]

    taken = frozenset(
        a.code
        for a in sentence.actors
        if a.kind != INSTITUTION and any(inside(r, a) for r in candidate.participants)
    )
    return pronoun_group(
        candidate.pronoun,
        sentence.named_before,
        taken=taken,
        sentence_start=sentence.bounds[0],
        lead=sentence.lead,
    )


def _roles(
    text: str,
    sentence: _Sentence,
    rule: TriggerRule,
    trigger: tuple[int, int],
    item: tuple[int, int] | None,
) -> Roles | None:
    """Source and target of one trigger, or None when no state takes part."""
    bounds, actors, attributions = sentence.bounds, sentence.actors, sentence.attributions
    topic, group = sentence.topic, sentence.group
    if rule.type is not ClaimType.SANCTIONS_ACTION:
        # An institution acts by its resolutions and designations; it ships, trades,
        # deploys or meets nobody ("Russia is defying U.N. sanctions by supplying oil").
        actors = [a for a in actors if a.kind != INSTITUTION]
    # An actor named as the cited source ("confirmed by the U.S. government") is not a
    # party to the event, unless nobody else is ("North Korea confirmed it sent troops").
    uncited = [
        a for a in actors if not any(c.start < a.end and a.start < c.end for c in attributions)
    ]
    pools = (uncited, actors) if len(uncited) < len(actors) else (actors,)
    # The pool without cited actors wins unless the full pool fills more roles
    # ("Russian authorities have denied any deals with North Korea").
    roles = max(
        (
            resolve_roles(
                text,
                sentence=bounds,
                trigger=trigger,
                item=item,
                actors=pool,
                voice=rule.voice,
                claim_type=rule.type,
            )
            for pool in pools
        ),
        key=lambda r: bool(r.sources) + bool(r.targets),
    )
    numbered = _NUMBERED_RESOLUTION.match(text, trigger[0])
    if rule.voice == "sanctions" and not roles.sources and numbered:
        # "Resolution 2397 called on member states": a numbered resolution is the
        # Security Council's, named by its number.
        roles.add_source(
            ActorMatch(numbered.start(), numbered.end(), "UN", "metonym", numbered[0]),
            "default:numbered-resolution",
        )
    if group is not None and (rule.voice == "parties" or group.end <= trigger[0]):
        group.fill(rule, roles)
    if (
        not roles.sources
        and item is not None
        and _ITS_BEFORE.search(text, max(bounds[0], item[0] - 12), item[0])
    ):
        # "North Korea said its soldiers had helped": the cited speaker owns the item.
        speaker = next((a for a in actors if a not in uncited and a.end <= item[0]), None)
        if speaker is not None:
            roles.add_source(speaker, "coref:its")
    if not roles.sources and not roles.targets and topic is not None:
        buying = BUYING.search(text, trigger[0], trigger[1]) is not None
        roles = topic_roles(rule, topic, buying=buying)
    elif (
        rule.voice == "sanctions" and not roles.targets and topic is not None and topic.code == "KP"
    ):
        # In a report about the DPRK, an untargeted sanctions action targets it; the
        # DPRK named as the only actor ("imposing sanctions", says KCNA) is the target.
        if all(a.code == "KP" for a in roles.sources):
            roles.sources = []
            roles.rules = [r for r in roles.rules if not r.startswith("source:")]
        roles.add_target(topic, "coref:document-topic")
    if not roles.sources and not roles.targets:
        return None
    if topic is not None:
        complete_from_topic(rule, roles, topic, here=actors)
    if rule.type == ClaimType.MEETING and len({a.code for a in roles.sources}) < 2:
        return None  # a meeting needs two sides
    return roles


_FUTURE_CUES = frozenset(
    {
        "planned.will",
        "planned.would",
        "planned.scheduled",
        "planned.plan",
        "planned.upcoming",
        "planned.considering",
        "planned.reported_would",
    }
)
"""Cues that put the event itself ahead of the report (not a vow or a call made then)."""


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    """The original text: every span is cut from it."""
    scan: str
    """The same text with markup masked (same length): every match is found in it."""
    document_id: str
    extractor: str
    lexicon: Lexicon
    sentence: tuple[int, int]
    published: str | None
    parse: Any | None = None
    """The sentence's dependency parse, when it was parsed."""
    reporting: frozenset[str] = frozenset()


def _build_claim(
    context: _Context,
    candidate: Candidate,
    quantities: list[ParsedQuantity],
    times: list[ParsedTime],
    attributions: Sequence[AttributionCue],
) -> Claim | None:
    text, document_id, extractor, sentence = (
        context.text,
        context.document_id,
        context.extractor,
        context.sentence,
    )
    rule, roles, trigger = candidate.rule, candidate.roles, candidate.trigger

    def span(start: int, end: int) -> Span:
        return make_span(text, start, end, document_id=document_id)

    item: RoleFiller | None = None
    if candidate.item is not None:
        item_span = span(*candidate.item)
        item = RoleFiller(item_span, item_span.text, f"{rule.id}:item")
    elif rule.voice in {"nominal", "sanctions"} or rule.type == ClaimType.AGREEMENT:
        trigger_span = span(*trigger)
        item = RoleFiller(trigger_span, trigger_span.text, f"{rule.id}:trigger-as-item")
    quantity = None
    parsed_q = claim_quantity(context.scan, rule.type, quantities, trigger)
    if parsed_q is not None:
        quantity = Quantity(
            span=span(parsed_q.start, parsed_q.end),
            low=parsed_q.low,
            high=parsed_q.high,
            unit=unit_for(rule.type, parsed_q, item.value if item else None),
            kind=parsed_q.kind,
            rate=parsed_q.rate,
            rule=f"{QUANTITIES_NAME}@{QUANTITIES_VERSION}",
        )
    time = None
    parsed_t = nearest(
        (
            t
            for t in times
            if not dates_another_noun(context.scan, t, trigger)
            and not (
                context.parse is not None
                and (
                    dates_the_report(
                        context.parse,
                        context.sentence[0],
                        (t.start, t.end),
                        trigger,
                        context.reporting,
                    )
                    or (
                        t.grain == "day"
                        and dates_an_anchor(
                            context.parse, context.sentence[0], (t.start, t.end), trigger
                        )
                    )
                    or dates_another_clause(
                        context.parse, context.sentence[0], (t.start, t.end), trigger
                    )
                )
            )
            # "called on states to repatriate workers by 2019": the deadline it set.
            and not (rule.voice == "sanctions" and _DEADLINE.match(context.scan, t.start))
        ),
        trigger,
    )
    cue = find_modality(
        context.scan,
        sentence=sentence,
        trigger=trigger,
        rules=context.lexicon.modality,
        nominal=rule.voice == "nominal" or _NOUN_OF.match(context.scan, trigger[0]) is not None,
    )
    if in_condition(context.scan, sentence, trigger):
        return None  # "If Russia is seen to use North Korean arms, ...": a supposition
    if cue is not None and cue.is_opinion:
        return None  # "Russia should not accept workers": an opinion, not a claim
    if parsed_t is not None and cue is not None and cue.rule in _FUTURE_CUES:
        # "talks on Friday", "to meet in May": the ones to come. A vow or an agreement
        # made on a day ("On Friday, they agreed to deploy") keeps its own day.
        parsed_t = to_future(parsed_t, context.published)
    if parsed_t is not None:
        time = TimeValue(
            span(parsed_t.start, parsed_t.end),
            parsed_t.value_start,
            parsed_t.value_end,
            parsed_t.grain,
            parsed_t.rule,
        )
    return Claim(
        id=claim_id_for(document_id, rule.type.value, trigger[0], trigger[1], extractor),
        document_id=document_id,
        type=rule.type,
        evidence=span(*sentence),
        trigger=span(*trigger),
        sources=tuple(RoleFiller(span(a.start, a.end), a.code, a.rule) for a in roles.sources),
        targets=tuple(RoleFiller(span(a.start, a.end), a.code, a.rule) for a in roles.targets),
        item=item,
        quantity=quantity,
        time=time,
        modality=cue.modality if cue else Modality.FACT,
        modality_cue=span(cue.start, cue.end) if cue else None,
        attributions=tuple(
            Attribution(
                span(a.start, a.end), text[a.start : a.end], span(a.cue_start, a.cue_end), a.rule
            )
            for a in attributions
            if governs(context.scan, a, trigger, sentence)
        ),
        extractor=extractor,
        rules=(rule.id, *roles.rules, *([cue.rule] if cue else [])),
    )
