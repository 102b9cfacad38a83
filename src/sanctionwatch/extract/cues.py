"""Modality with scope, and attribution: who the sentence cites for a claim."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sanctionwatch.domain import Modality
from sanctionwatch.extract.lexicon import CueRule

# How far before the trigger a cue still governs it, by modality (characters).
_SCOPE_BEFORE = {"opinion": 60, "denied": 80, "negated": 28, "uncertain": 140, "planned": 60}
# An event named by a noun phrase takes the modality of the clause it is the subject of:
# "Russia's transfer of missile technology ... would create shockwaves" is hypothetical.
_NOMINAL_SCOPE_AFTER = 140
_SCOPE_AFTER = {"opinion": 0, "denied": 0, "negated": 0, "uncertain": 30, "planned": 40}
# Cues that govern a whole complement clause reach further than the label's default.
_RULE_SCOPE_BEFORE = {"negated.not_believe": 100}
_PRIORITY = ["opinion", "denied", "negated", "uncertain", "planned"]
_NEAR_ONLY = {
    "uncertain.modal": 45,
    "planned.will": 45,
    "planned.would": 45,
    "uncertain.expects": 60,
    # "arrested a man over his alleged operation of a mixer": after a verb, "alleged"
    # hedges the noun it stands before, not the arrest.
    "uncertain.reportedly": 150,
}
_AFTER_A_NOUN_ONLY = {"uncertain.supposed"}
"""Cues that hedge only an event named as a noun before them ("a transfer ... would
create shockwaves": the transfer is supposed); before a verb "would meet" is a plan."""
_PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "this",
    "that",
    "which",
    "who",
    "there",
    "these",
    "those",
    "one",
}
_LEADING_NOISE = re.compile(
    r"^(?:(?:and|but|while|as|so|also|however|meanwhile|yet|then|that|because|although|though|when|after|before)\s+)+",
    re.I,
)
_CONTENT_FOLLOWS = re.compile(r"\s+that\b")
_NOT_A_NAME = re.compile(
    r"\b(?:is|are|was|were|what|I)\b|['’](?:ll|re|ve|d|m)\b|^(?:\d{1,2}\s+)?(?:January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b(?:\s+\d{1,4})*$"
    r"|^\d+$"
)
_SUBORDINATOR = re.compile(r"\s(?:as|because|since|when|while|after|if|that)\s+", re.I)
_ARTICLE = re.compile(r"(?:the|The)\s+")
_SOURCE_HEADS = {
    "officials", "experts", "analysts", "diplomats", "lawmakers", "sources", "investigators",
    "researchers", "authorities", "prosecutors", "observers", "monitors", "media", "officers",
    "data", "imagery", "analysis", "records", "documents", "filings",
}  # fmt: skip
_MAX_SOURCE_WORDS = 9
_MAX_TAIL_WORDS = 6
_NOT_A_SOURCE_OPENER = {
    "all",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "how",
    "why",
    "if",
    "whether",
    "these",
    "this",
    "it",
}
# Lower-case words that may open a cited source ("many experts", "satellite imagery").
_NAME_OPENERS = {
    "the", "many", "some", "several", "most", "experts", "analysts", "officials", "satellite",
    "our", "civilian", "diplomats", "lawmakers", "researchers", "investigators", "sources",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ModalityCue:
    label: str
    """A modality, or ``opinion`` (what a state should do: not a claim at all)."""
    start: int
    end: int
    rule: str

    @property
    def is_opinion(self) -> bool:
        return self.label == "opinion"

    @property
    def modality(self) -> Modality:
        return Modality.FACT if self.is_opinion else Modality(self.label)


@dataclass(frozen=True, slots=True)
class AttributionCue:
    start: int
    end: int
    name: str
    cue_start: int
    cue_end: int
    rule: str
    inherited: bool = False
    """Carried over from the previous sentence (a pronoun or a running quotation)."""


def find_modality(
    text: str,
    *,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    rules: tuple[CueRule, ...],
    nominal: bool = False,
) -> ModalityCue | None:
    """The modality cue governing the trigger, by priority (denied, negated, uncertain,
    planned); a cue inside a longer cue of another kind yields to it ("said the bloc would"
    is a reported plan, not a hedge)."""
    s_start, s_end = sentence
    t_start, t_end = trigger
    # Cues do not reach across clause boundaries ("While X denied the deals, footage shows").
    c_start, c_end = clause_around(text, sentence, trigger)
    found: list[ModalityCue] = []
    for rule in rules:
        lo = max(
            s_start, c_start, t_start - _RULE_SCOPE_BEFORE.get(rule.id, _SCOPE_BEFORE[rule.label])
        )
        after = (
            _NOMINAL_SCOPE_AFTER
            if nominal and rule.label == "uncertain"
            else _SCOPE_AFTER[rule.label]
        )
        hi = min(s_end, c_end, t_end + after)
        for m in rule.regex.finditer(text, lo, hi):
            if rule.label == "opinion" and m.start() < t_end and t_start < m.end():
                continue  # the trigger's own words ("called for a prohibition on ...")
            if rule.id in _AFTER_A_NOUN_ONLY and not (nominal and m.start() >= t_end):
                continue
            near = _NEAR_ONLY.get(rule.id)
            after = m.start() > t_end and not (nominal and rule.label == "uncertain")
            if near is not None and (m.start() < t_start - near or after):
                continue
            found.append(ModalityCue(rule.label, m.start(), m.end(), rule.id))
            break
    kept = [
        cue
        for cue in found
        if not any(
            other.label != cue.label
            and other.start <= cue.start
            and cue.end <= other.end
            and other.end - other.start > cue.end - cue.start
            for other in found
        )
    ]
    return min(kept, key=lambda cue: (_PRIORITY.index(cue.label), cue.start), default=None)


def _clean_source(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim a candidate source to the noun phrase that names it, or reject it.

    "Construction began on the same day South Korean lawmakers (said)" names "South Korean
    lawmakers": a long candidate is cut to its longest tail that opens with a capital.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    lead = _LEADING_NOISE.match(text[start:end])
    if lead:
        start += lead.end()
    # "It also comes as the BBC (reported)": the source is what the last subordinator opens.
    inner = list(_SUBORDINATOR.finditer(text, start, end))
    if inner:
        start = inner[-1].end()
    words = list(re.finditer(r"\S+", text[start:end]))
    if not words:
        return None
    if len(words) > _MAX_SOURCE_WORDS or not _opens_a_name(words[0].group(0)):
        tails = [w for w in words[-_MAX_TAIL_WORDS:] if w.group(0)[:1].isupper()]
        if not tails and words[-1].group(0).lower() in _SOURCE_HEADS and len(words) <= 4:
            tails = words[:1]  # "citing their intelligence officials"
        if not tails:
            return None
        start += tails[0].start()
    # "the BBC", "the U.S. Treasury": the name, as annotators and readers cite it.
    article = _ARTICLE.match(text, start, end)
    if article and text[article.end() : article.end() + 1].isupper():
        start = article.end()
    name = text[start:end]
    if name.lower() in _PRONOUNS or not re.search(r"[A-Za-z]", name):
        return None
    if name.split()[-1].lower() in {"a", "an", "the", "of", "to", "and", "or"}:
        return None  # "North Korea deployed an (estimated ...)": a name never ends so
    if name.split()[0].lower() in _NOT_A_SOURCE_OPENER:
        return None  # "What has been commonly reported", "If patterns hold we might expect"
    if _PASSIVE_END.search(name):
        return None  # "Pyongyang has been accused": the subject is accused, not a source
    if _NOT_A_NAME.search(name):
        return None  # "North Korea is what we (have said)", "I’ll (say)", "15 April 2025"
    return start, end


_AND = re.compile(r"\s+and\s+")


def _split_coordinated(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "Ukraine and South Korea" cites two sources; "Trade and Industry" is one name."""
    m = _AND.search(text, start, end)
    if m is None or not text[m.end() : m.end() + 1].isupper():
        return [(start, end)]
    left = text[start : m.start()].split()
    if not left or len(left) > 3 or not any(w[:1].isupper() for w in left):
        return [(start, end)]
    return [(start, m.start()), (m.end(), end)]


def _opens_a_name(word: str) -> bool:
    return word[:1].isupper() or word.lower() in _NAME_OPENERS


# Clause boundaries an attribution does not reach across ("X has refrained from ..., but
# the minister accused ...").
_CLAUSE_BREAK = re.compile(
    r";|\s[–—]\s|,\s+(?:but|while|whereas|although|though|yet)\b|\s(?:but|while|whereas)\s"
)
# A relative or adverbial clause also bounds what a number counts ("50 missiles, which ...
# arms deals", "$24 million was frozen after the Treasury accused it of moving earnings").
_RELATIVE_BREAK = re.compile(
    r",\s+(?:which|who|where)\b|\s(?:after|before|because|until)\s+(?:the|a|an|it|they|[A-Z])"
)
_PASSIVE_END = re.compile(r"\b(?:been|be|being|was|were|is|are)$", re.I)


def crosses_clause(text: str, lo: int, hi: int, *, relative: bool = False) -> bool:
    """Whether ``text[lo:hi]`` holds a clause boundary (or, with ``relative``, the start
    of a relative clause)."""
    if _CLAUSE_BREAK.search(text, lo, hi):
        return True
    return relative and _RELATIVE_BREAK.search(text, lo, hi) is not None


_OPENING_SUBORDINATE = re.compile(
    r"\s*(?:While|Although|Though|Whereas|Even though|Even as)\b[^,;]{3,200},"
)


def _clause_breaks(text: str, sentence: tuple[int, int]) -> list[re.Match[str]]:
    """Clause boundaries: ";", dashes, ", but", ... and the comma that closes an opening
    "While ..." clause ("While Moscow denied any deals, footage showed ...")."""
    breaks = list(_CLAUSE_BREAK.finditer(text, sentence[0], sentence[1]))
    opening = _OPENING_SUBORDINATE.match(text, sentence[0], sentence[1])
    if opening:
        closing = re.compile(",").search(text, opening.end() - 1, opening.end())
        if closing:
            breaks.append(closing)
    return sorted(breaks, key=lambda m: m.start())


def clause_around(
    text: str, sentence: tuple[int, int], trigger: tuple[int, int]
) -> tuple[int, int]:
    """The clause of ``sentence`` that holds ``trigger``, whitespace and commas trimmed."""
    start, end = sentence
    for m in _clause_breaks(text, sentence):
        if m.end() <= trigger[0]:
            start = m.end()
        elif m.start() >= trigger[1]:
            end = min(end, m.start())
            break
    while start < end and text[start] in " \t\n,":
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


_SPEAKER_CARRIES = re.compile(
    r"\b(?:he|she|they)\s+(?:also\s+)?(?:say|says|said|added|noted|told|warned|believe|believes|argued?|think|thinks)\b",
    re.I,
)


def continues_speaker(text: str, sentence: tuple[int, int]) -> bool:
    """The sentence goes on in the previous speaker's voice: it opens a quotation, or its
    speaker is a pronoun ("But they say ...")."""
    opens_quote = text[sentence[0] : sentence[0] + 1] in {"“", '"'}
    return opens_quote or _SPEAKER_CARRIES.search(text, sentence[0], sentence[1]) is not None


def governs(
    text: str,
    attribution: AttributionCue,
    trigger: tuple[int, int],
    sentence: tuple[int, int],
) -> bool:
    """Whether an attribution in ``sentence`` covers the claim at ``trigger``: no clause
    boundary between them ("While X denied the deals, footage shows ..."), an aside between
    paired dashes aside ("two companies — A and B — for procurement")."""
    if attribution.inherited:
        return True
    if trigger[0] < attribution.start and _CONTENT_FOLLOWS.match(text, attribution.cue_end):
        return False  # "..., as the council has determined that ...": it speaks for what follows
    lo = min(attribution.end, trigger[0])
    hi = max(attribution.start, trigger[1])
    if lo >= hi:
        return True
    breaks = [m for m in _clause_breaks(text, sentence) if lo <= m.start() < hi]
    dashes = [m for m in breaks if m.group(0).strip() in {"–", "—"}]
    return len(breaks) == len(dashes) and len(dashes) % 2 == 0


_BOUNDARY = re.compile(r"[,;:()“”\"]|\.(?<!\b[A-Z]\.)")
_SOURCE_REACH = 120


def _phrase_start(text: str, sentence_start: int, cue_start: int) -> int:
    """Where the phrase before a cue begins: after the last punctuation, at most 120 back."""
    start = max(sentence_start, cue_start - _SOURCE_REACH)
    for m in _BOUNDARY.finditer(text, start, cue_start):
        start = m.end()
    return start


def find_attributions(
    text: str, *, sentence: tuple[int, int], rules: tuple[CueRule, ...]
) -> list[AttributionCue]:
    s_start, s_end = sentence
    out: list[AttributionCue] = []
    for rule in rules:
        for m in rule.regex.finditer(text, s_start, s_end):
            if rule.source_before:
                cue_start, cue_end = m.start("cue"), m.end("cue")
                cleaned = _clean_source(text, _phrase_start(text, s_start, cue_start), cue_start)
            else:
                cleaned = _clean_source(text, m.start("src"), m.end("src"))
                cue_start, cue_end = (
                    (m.end("src"), m.end())
                    if m.end("src") < m.end()
                    else (m.start(), m.start("src"))
                )
            if cleaned is None:
                continue
            for start, end in _split_coordinated(text, *cleaned):
                if not any(a.start < end and start < a.end for a in out):
                    out.append(
                        AttributionCue(start, end, text[start:end], cue_start, cue_end, rule.id)
                    )
    if not out and (question := _reporters_question(text, s_start)) is not None:
        # "Q  It was reported that ...": a briefing's question is the reporter's word, not
        # the official's (nor the writer's), for every sentence of its paragraph.
        out.append(question)
    return sorted(out, key=lambda a: a.start)


_QUESTION_MARK = re.compile(r"[ \t\u00a0]*(Q)[:.]?[ \t\u00a0]+\S")


def _reporters_question(scan: str, position: int) -> AttributionCue | None:
    """The "Q" opening the transcript paragraph that holds ``position``, as its speaker."""
    line = scan.rfind("\n", 0, position) + 1
    m = _QUESTION_MARK.match(scan, line)
    if m is None:
        return None
    start, end = m.span(1)
    return AttributionCue(start, end, "Q", start, end, "attribution:reporter-question", True)
