"""Which way goods flow in a claim: what is given, and what is given in return.

"Iran provided North Korea with cash in return for missile parts" is a payment from Iran
to the DPRK and missile parts flowing *from* the DPRK to Iran, not arms to the DPRK. The
phrase after "in return for", "in exchange for" or "as payment for" flows the other way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sanctionwatch.domain import Claim

_COUNTER = re.compile(
    r"\b(?:in (?:return|exchange) for|as (?:payment|compensation) for|in payment for|"
    r"to pay for|paid for)\s+(?P<phrase>[^.;,()]+)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Flows:
    """Items flowing source -> target (``forward``) and target -> source (``counter``)."""

    forward: tuple[str, ...]
    counter: tuple[str, ...]
    reason: str = ""


def read_flows(claim: Claim) -> Flows:
    item = claim.item.value if claim.item else None
    sentence = claim.evidence.text
    found = _COUNTER.search(sentence)
    if found is None:
        return Flows((item,) if item else (), ())
    counter = found.group("phrase").strip()
    phrase_start = claim.evidence.start + found.start("phrase")
    phrase_end = claim.evidence.start + found.end("phrase")
    cue_start = claim.evidence.start + found.start()
    forward: tuple[str, ...] = ()
    inside = claim.item is not None and phrase_start <= claim.item.span.start < phrase_end
    if item and not inside:
        forward = (item,)
    elif claim.trigger.end <= cue_start:
        # The item named was what came back; what was given sits between trigger and cue.
        given = sentence[claim.trigger.end - claim.evidence.start : found.start()].strip()
        forward = (given,) if given else ()
    reason = f"'{found.group(0).strip()}': what is given in return flows the other way"
    return Flows(forward, (counter,), reason)
