"""Time in force, tested against the event's whole interval (not the article's date).

- The event ends before the provision was adopted: not in force, the provision is left out.
- The event starts before adoption and ends after: kept, split at the adoption date.
- A provision whose breach begins at a deadline (2397 OP8: repatriation by 2019-12-22):
  an event over before the deadline is context, not a breach; one spanning it is split.
- An undated event: "in force: undetermined", with the reason. A report's publication
  date bounds a reported event (it cannot have happened after it was reported) but is
  never taken as the event's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sanctionwatch.domain import Provision

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class InForce:
    keep: bool
    text: str
    before_deadline: bool = False
    warnings: tuple[str, ...] = ()


def parse_day(value: str | None) -> dt.date | None:
    found = _ISO_DAY.match(value or "")
    if not found:
        return None
    try:
        return dt.date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def check_in_force(
    provision: Provision,
    *,
    earliest: str | None,
    latest: str | None,
    dated: bool,
    breach_from: str | None = None,
) -> InForce:
    """Whether ``provision`` can apply to an event over ``[earliest, latest]``."""
    adopted = parse_day(provision.adopted)
    first, last = parse_day(earliest), parse_day(latest)
    if adopted is None:
        return InForce(True, "in force: undetermined, the provision has no adoption date")
    if not dated:
        if last is not None and last < adopted:
            return InForce(False, f"not in force: reported by {last}, adopted {adopted}")
        bound = f"; reported by {last}, so provisions adopted later are left out" if last else ""
        text = (
            f"in force: undetermined: the event carries no date of its own{bound} "
            f"(provision adopted {adopted}; the publication date is not taken as the "
            "event's date)"
        )
        undated = ["undated event: time in force undetermined"]
        if breach_from:
            undated.append(f"a breach only if it went on past {breach_from}: undetermined")
        return InForce(True, text, warnings=tuple(undated))
    if last is not None and last < adopted:
        return InForce(False, f"not in force: the event ends {last}, adopted {adopted}")
    span = f"{first or '?'} to {last or '?'}"
    warnings: list[str] = []
    if first is not None and first < adopted:
        text = (
            f"in force for part of the event only: it runs {span}, the provision from "
            f"{adopted}; only the part from {adopted} can breach it"
        )
        warnings.append(f"event starts before the provision: split at {adopted}")
    else:
        text = f"in force: adopted {adopted}, before the event ({span})"
    deadline = parse_day(breach_from)
    if deadline is not None:
        if last is not None and last < deadline:
            return InForce(
                True,
                f"{text}; its deadline {deadline} had not passed when the event ends "
                f"({last}): not yet a breach of this paragraph",
                before_deadline=True,
            )
        if first is None or first < deadline:
            text += f"; its deadline is {deadline}: only the part after it breaches it"
            warnings.append(f"deadline {deadline} falls inside the event: split there")
        else:
            text += f"; its deadline {deadline} had passed when the event began"
    return InForce(True, text, warnings=tuple(warnings))
