"""Whether a claim reports an event (which can breach a paragraph) or something else.

Suggestions, recommendations, forecasts, conditionals (what would follow if or once
something happens), counterfactuals, general patterns and background statements are not
events: the mapper gives them no violation and keeps their provisions
as context. Planned and alleged events are events; their modality is shown beside each
provision instead. The cues are data (``law/data/eventhood.yaml``), each with a reason.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from sanctionwatch.domain import Claim, Modality
from sanctionwatch.domain.errors import ConfigError

BAD_EVENTHOOD_CUES = "E323"
EVENT = "event"
NON_EVENT_KINDS = frozenset(
    {
        "suggestion",
        "recommendation",
        "forecast",
        "conditional",
        "counterfactual",
        "pattern",
        "background",
        "motive",
    }
)
# Kinds that say what might, should or would happen: nothing is asserted to have happened,
# so they state no fact and get no ICD 203 likelihood. Patterns and background do assert.
SPECULATIVE_KINDS = frozenset(
    {"suggestion", "recommendation", "forecast", "conditional", "counterfactual", "motive"}
)
_SCOPES = frozenset(
    {"sentence", "before_trigger", "just_before_trigger", "after_trigger", "trigger"}
)
# Scopes read relative to the trigger: a sentence alone cannot be tested against them.
TRIGGER_SCOPES = frozenset({"just_before_trigger", "after_trigger", "trigger"})
# A clause starts after these; a cue before them does not govern the trigger.
_CLAUSE_BREAK = re.compile(r"[;:.!?]|,\s|\s(?:but|while|whereas|although)\s")
_AFTER_BREAK = re.compile(
    r"[;:.!?]|,\s+(?:which|who|that|and|but|while|whereas|although|as|because|so|since)\b"
    r"|\s(?:but|while|whereas|although|because)\s"
)


@dataclass(frozen=True, slots=True)
class EventCue:
    id: str
    kind: str
    pattern: re.Pattern[str]
    scope: str
    reason: str
    examples: tuple[str, ...] = ()
    asserts: bool = True
    trigger_pattern: re.Pattern[str] | None = None
    """When set, the cue applies only to a trigger whose text matches it."""
    types: frozenset[str] = frozenset()
    """When set, the cue applies only to claims of these types."""


@dataclass(frozen=True, slots=True)
class EventReading:
    """What a claim reports: ``kind`` is ``event`` or one of ``NON_EVENT_KINDS``."""

    kind: str
    reason: str
    cue: str = ""
    rule: str = ""
    asserts: bool = True
    """False when the sentence asserts no transfer at all (a rule's text, the object of a
    ban, the DPRK's own programme): graded like speculation, with no likelihood."""

    @property
    def is_event(self) -> bool:
        return self.kind == EVENT

    @property
    def is_speculation(self) -> bool:
        """Nothing is said to have happened: speculation, or a statement that asserts no
        transfer (``asserts`` false)."""
        return self.kind in SPECULATIVE_KINDS or not self.asserts


def read_event(claim: Claim) -> EventReading:
    """Classify one claim from its evidence sentence, its trigger and its modality."""
    return read_event_text(
        claim.evidence.text,
        trigger_offset=claim.trigger.start - claim.evidence.start,
        trigger_end=claim.trigger.end - claim.evidence.start,
        modality=claim.modality,
        claim_type=claim.type.value,
    )


def read_event_text(
    sentence: str,
    *,
    trigger_offset: int | None = None,
    trigger_end: int | None = None,
    modality: Modality = Modality.FACT,
    claim_type: str | None = None,
) -> EventReading:
    offset = trigger_offset if trigger_offset is not None and trigger_offset >= 0 else None
    clause_start = _clause_start(sentence, offset) if offset is not None else 0
    end = trigger_end if offset is not None and trigger_end is not None else None
    trigger_text = sentence[offset:end] if offset is not None and end is not None else ""
    for cue in load_event_cues():
        if cue.types and claim_type not in cue.types:
            continue
        if cue.trigger_pattern is not None and not cue.trigger_pattern.search(trigger_text):
            continue
        if cue.scope in {"after_trigger", "trigger"}:
            if end is None or end <= (offset or 0):
                continue
            # After the trigger, up to the end of its clause: "the transfer of missiles
            # may offer lucrative opportunities" (the trigger is what the modal governs).
            window = trigger_text if cue.scope == "trigger" else _rest_of_clause(sentence, end)
            found = cue.pattern.search(window)
            if found is not None:
                return _reading(cue, found.group(0))
            continue
        if cue.scope == "just_before_trigger":
            if offset is None:
                continue
            found = cue.pattern.search(sentence[clause_start:offset])
            if found is not None:
                return _reading(cue, found.group(0))
            continue
        for match in cue.pattern.finditer(sentence):
            in_clause = offset is not None and clause_start <= match.start() < offset
            if cue.scope == "before_trigger" and offset is not None and not in_clause:
                continue
            return _reading(cue, match.group(0))
    return EventReading(EVENT, _EVENT_REASONS.get(modality, "reported as an event"))


def _reading(cue: EventCue, text: str) -> EventReading:
    cue_text = " ".join(text.split())
    if len(cue_text) > 80:  # an opening clause can be long; its start says enough
        cue_text = cue_text[:77].rstrip() + "..."
    return EventReading(
        cue.kind,
        f"a {cue.kind} ('{cue_text}'): {cue.reason}",
        cue=cue_text,
        rule=f"eventhood:{cue.id}",
        asserts=cue.asserts,
    )


_EVENT_REASONS = {
    Modality.FACT: "reported as an event that happened",
    Modality.UNCERTAIN: "reported as an alleged or suspected event",
    Modality.PLANNED: "reported as a planned or offered event",
    Modality.DENIED: "reported as an event an actor denies",
    Modality.NEGATED: "reported as an event that did not happen",
}


def _rest_of_clause(sentence: str, end: int) -> str:
    # A list's commas ("its IRBM, ICBM or newer technologies may offer") stay inside the
    # trigger's noun phrase; a relative or coordinate clause ("coal, which could fund")
    # starts another.
    found = _AFTER_BREAK.search(sentence, end)
    return sentence[end : found.start() if found else len(sentence)]


def _clause_start(sentence: str, offset: int) -> int:
    start = 0
    for match in _CLAUSE_BREAK.finditer(sentence, 0, offset):
        start = match.end()
    return start


@functools.lru_cache(maxsize=1)
def load_event_cues() -> tuple[EventCue, ...]:
    path = resources.files("sanctionwatch.law").joinpath("data/eventhood.yaml")
    return parse_event_cues(path.read_text("utf-8"), origin="sanctionwatch/law/data/eventhood.yaml")


def parse_event_cues(text: str, *, origin: str = "<string>") -> tuple[EventCue, ...]:
    data = yaml.safe_load(text)
    rows = data.get("cues") if isinstance(data, dict) else None
    if not isinstance(rows, list) or not rows:
        raise ConfigError(f"{origin}: needs a 'cues' list", code=BAD_EVENTHOOD_CUES)
    cues = []
    for row in rows:
        if not isinstance(row, dict) or row.get("kind") not in NON_EVENT_KINDS:
            raise ConfigError(f"{origin}: bad cue {row!r}", code=BAD_EVENTHOOD_CUES)
        if row.get("scope", "sentence") not in _SCOPES or not row.get("reason"):
            raise ConfigError(
                f"{origin}: cue {row.get('id')!r} needs scope and reason", code=BAD_EVENTHOOD_CUES
            )
        try:
            pattern = re.compile(str(row["pattern"]), re.IGNORECASE)
            on_trigger = row.get("trigger_pattern")
            trigger = re.compile(str(on_trigger), re.IGNORECASE) if on_trigger else None
        except (KeyError, re.error) as exc:
            raise ConfigError(
                f"{origin}: cue {row.get('id')!r}: {exc}", code=BAD_EVENTHOOD_CUES
            ) from exc
        cues.append(
            EventCue(
                str(row["id"]),
                row["kind"],
                pattern,
                row.get("scope", "sentence"),
                str(row["reason"]),
                tuple(str(e) for e in row.get("examples") or ()),
                row.get("asserts", True) is not False,
                trigger,
                frozenset(str(t) for t in row.get("types") or ()),
            )
        )
    return tuple(cues)
