"""The turns of a briefing or interview transcript: who holds the floor at each character.

A press briefing (the White House, the State Department) is a dialogue: the podium's
answers under labels such as "MR. KIRBY:", "MS. JEAN-PIERRE:", "SECRETARY BLINKEN:", and
the reporters' questions under "Q" or "QUESTION:". A claim is spoken by whoever holds the
turn it stands in, which runs from its label to the next label, over wrapped lines and
paragraphs: "Q  ... North Korea sent troops to Russia. What is your reaction?" is the
reporter's premise, not the host's statement.

The extractor marks a question line it sees ("Q  It was reported that ...") with the
attribution rule ``attribution:reporter-question``; that cue is used when the text has no
turns this module can read. Labels are data (``speakers.yaml``, ``turns``).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from sanctionwatch.domain import Claim
from sanctionwatch.domain.errors import ConfigError

BAD_TURN_LABELS = "E324"  # the same file as the speaker rules
REPORTER_QUESTION_RULE = "attribution:reporter-question"
REPORTER = "reporter"
HOST = "host"
_MAX_TEXT = 400_000
# A label opens a paragraph: at the text's start, after a blank line, or after a line
# that ends a sentence (so a wrapped line that happens to start with "Q" is not a turn).
_ENDS_SENTENCE = re.compile(r"[.?!:;\"”’)\]]\s*$")


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's turn: ``start`` is its label's, ``end`` the next label's."""

    start: int
    end: int
    label: str
    role: str
    """``reporter`` (a question put to the podium) or ``host`` (the podium's answer)."""


@dataclass(frozen=True, slots=True)
class TurnLabels:
    reporter: re.Pattern[str]
    host: re.Pattern[str]


def read_turns(text: str, *, labels: TurnLabels | None = None) -> tuple[Turn, ...]:
    """The turns of a transcript, in text order; () unless the text is a dialogue (at least
    one reporter's label and one host's label), so a dateline such as "ISLAMABAD:" opening
    an article is never read as a speaker."""
    labels = labels if labels is not None else load_turn_labels()
    text = text[:_MAX_TEXT]
    found: list[tuple[int, str, str]] = []
    position = 0
    previous = ""
    for line in text.splitlines(keepends=True):
        opens = not previous.strip() or _ENDS_SENTENCE.search(previous) is not None
        if opens:
            for role, pattern in ((REPORTER, labels.reporter), (HOST, labels.host)):
                m = pattern.match(line)
                if m is not None:
                    label = " ".join(m.group("label").split())
                    found.append((position + m.start("label"), label, role))
                    break
        position += len(line)
        previous = line
    if not ({REPORTER, HOST} <= {role for _, _, role in found}):
        return ()
    ends = [start for start, _, _ in found[1:]] + [len(text)]
    return tuple(
        Turn(start, end, label, role) for (start, label, role), end in zip(found, ends, strict=True)
    )


def turn_at(turns: tuple[Turn, ...], position: int) -> Turn | None:
    """The turn holding ``position``, or None (before the first label, or no turns)."""
    index = bisect.bisect_right([t.start for t in turns], position) - 1
    if index < 0 or position >= turns[index].end:
        return None
    return turns[index]


def claim_turn(claim: Claim, turns: tuple[Turn, ...]) -> Turn | None:
    """The turn a claim stands in: read from the text's turns where it has them, else from
    the extractor's reporter's-question cue on the claim's line."""
    if turns:
        return turn_at(turns, claim.trigger.start)
    for attribution in claim.attributions:
        if attribution.rule == REPORTER_QUESTION_RULE:
            return Turn(
                attribution.span.start, claim.evidence.end, attribution.name.strip(), REPORTER
            )
    return None


def asked_by_reporter(claim: Claim, turns: tuple[Turn, ...]) -> Turn | None:
    """The reporter's turn the claim stands in, or None."""
    turn = claim_turn(claim, turns)
    return turn if turn is not None and turn.role == REPORTER else None


@functools.lru_cache(maxsize=1)
def load_turn_labels() -> TurnLabels:
    path = resources.files("sanctionwatch.assess").joinpath("speakers.yaml")
    data = yaml.safe_load(path.read_text("utf-8"))
    spec = data.get("turns") if isinstance(data, dict) else None
    if not isinstance(spec, dict) or not {"reporter", "host"} <= set(spec):
        raise ConfigError(
            "speakers.yaml: needs 'turns' with reporter and host", code=BAD_TURN_LABELS
        )
    try:
        patterns = {role: re.compile(str(spec[role])) for role in (REPORTER, HOST)}
    except re.error as exc:
        raise ConfigError(f"speakers.yaml: turns: {exc}", code=BAD_TURN_LABELS) from exc
    if any("label" not in p.groupindex for p in patterns.values()):
        raise ConfigError("speakers.yaml: turns need a 'label' group", code=BAD_TURN_LABELS)
    return TurnLabels(patterns[REPORTER], patterns[HOST])
