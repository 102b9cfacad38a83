"""Who takes part in a meeting or an agreement: every state named near the trigger, less
those named beside it (the subject of the talks, a relative-clause aside, what was said
there, the maker of a document discussed).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sanctionwatch.resolve.gazetteer import ActorMatch

_PARTIES_BEFORE = 90
_PARTIES_AFTER = 60
_BETWEEN_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?between\b", re.I)
_BETWEEN_REACH = 200
_MAKER_OF = re.compile(r"(?:\s+[A-Z][\w.]*){0,3}\s+(?:draft\s+)?(?:resolutions?|sanctions)\b")
_CONTENT_CLAUSE = re.compile(r"\bthat\b")
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\b[^,;]*,")
_TOPIC_PREPS = {"against", "on", "about", "over", "regarding", "toward", "towards"}
# "the U.S. special envoy for North Korea": an office's portfolio, not its holder's state.
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:envoy|representative|coordinator|negotiator|czar|point man|official|"
    r"secretary|minister|spokes(?:man|woman|person))s?\s+for\s+(?:the\s+)?$",
    re.I,
)


def participants(
    text: str,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    actors: Sequence[tuple[ActorMatch, str | None]],
) -> list[ActorMatch]:
    """The parties among ``actors`` (each with the preposition before it)."""
    t_start, t_end = trigger
    # "a dialogue between Choe Son Hui, foreign minister of the DPRK, and Sergei Lavrov":
    # every side a "between" lists takes part, however long the titles.
    reach = _BETWEEN_REACH if _BETWEEN_AFTER.match(text, t_end) else _PARTIES_AFTER
    return [
        actor
        for actor, prep in actors
        if t_start - _PARTIES_BEFORE <= actor.start <= t_end + reach
        # "a draft resolution on North Korea": the subject of the talks, not a party.
        and prep not in _TOPIC_PREPS
        and not _aside(text, sentence, trigger, actor)
    ]


def _aside(
    text: str, sentence: tuple[int, int], trigger: tuple[int, int], actor: ActorMatch
) -> bool:
    """A state named beside a meeting without taking part in it: inside a relative clause
    ("Japan and South Korea, which are in range of North Korea's missiles, phoned ..."), in
    what was said there ("told his counterpart that China's approach to North Korea ..."),
    or as the maker of a document discussed ("a draft U.N. Security Council resolution")."""
    if _MAKER_OF.match(text, actor.end, sentence[1]):
        return True
    if _PORTFOLIO_BEFORE.search(text, max(sentence[0], actor.start - 40), actor.start):
        return True
    if actor.start >= trigger[1] and _CONTENT_CLAUSE.search(text, trigger[1], actor.start):
        return True
    lo, hi = (actor.end, trigger[0]) if actor.end <= trigger[0] else (trigger[1], actor.start)
    for m in _RELATIVE_ASIDE.finditer(text, max(sentence[0], lo - 200), min(sentence[1], hi + 200)):
        if (
            m.start() <= actor.start
            and actor.end <= m.end()
            and not (m.start() <= trigger[0] < m.end())
        ):
            return True
    return False
