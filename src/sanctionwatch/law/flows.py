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
    cue_start = claim.evidence.start + found.start()
    trigger_end = claim.trigger.end
    forward: tuple[str, ...] = ()
    if item and claim.item is not None and claim.item.span.start < cue_start:
        forward = (item,)
    elif trigger_end <= cue_start:
        # The item named was what came back; what was given sits between trigger and cue.
        given = sentence[trigger_end - claim.evidence.start : found.start()].strip()
        forward = (given,) if given else ()
    reason = f"'{found.group(0).strip()}': what is given in return flows the other way"
    return Flows(forward, (counter,), reason)
