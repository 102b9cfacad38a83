"""A regime pack in memory: provisions as domain objects plus the conditions the mapper reads."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sanctionwatch.domain import ClaimType, Provision
from sanctionwatch.domain.errors import NotFoundError

STATUSES = frozenset({"verified", "verified_xref", "partial", "unverified"})
CATEGORIES = frozenset(
    {
        "arms_to_dprk",
        "arms_from_dprk",
        "wmd_missile_tech",
        "launches",
        "sci_tech_cooperation",
        "workers",
        "joint_ventures",
        "finance",
        "petroleum",
        "export_ban",
        "maritime",
        "luxury",
        "designations",
        "monitoring",
    }
)
KINDS = frozenset({"violation", "indicator"})
ITEM_MATCHES = frozenset({"required", "optional"})

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/]+")


def normalise_item_text(text: str) -> str:
    """Lowercase, with hyphens and slashes as spaces, so "ship-to-ship" meets "ship to ship"."""
    return _SEPARATORS.sub(" ", text.casefold()).strip()


@dataclass(frozen=True, slots=True)
class Condition:
    """One way a claim can fall under a provision. Empty role sets mean "any"."""

    id: str
    claim_type: ClaimType
    reason: str
    kind: str = "violation"
    source: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()
    party: frozenset[str] = frozenset()
    """Either role: for flows banned in both directions and for participants."""
    item_keywords: tuple[str, ...] = ()
    item_match: str = "required"
    exclude_keywords: tuple[str, ...] = ()
    item_categories: frozenset[str] = frozenset()
    """Item categories (``law/data/items.yaml``) that satisfy the item test like a keyword."""
    exclude_categories: frozenset[str] = frozenset()
    catch_all: bool = False
    """Applies only when no specific provision does (the mapper says so when it is kept)."""
    sentence_keywords: tuple[str, ...] = ()
    """A method the claim's sentence must name ("ship-to-ship"), whatever the item is."""

    def find_keyword(self, item_text: str | None) -> str | None:
        """The first keyword the item names, or None."""
        return _find_any(self.item_keywords, item_text)

    def find_exclusion(self, item_text: str | None) -> str | None:
        return _find_any(self.exclude_keywords, item_text)

    def find_method(self, sentences: Sequence[str]) -> str | None:
        """The first ``sentence_keywords`` entry a sentence names, or None."""
        for sentence in sentences:
            found = _find_any(self.sentence_keywords, sentence)
            if found is not None:
                return found
        return None


def _find_any(keywords: tuple[str, ...], item_text: str | None) -> str | None:
    if not item_text or not keywords:
        return None
    text = normalise_item_text(item_text)
    for keyword in keywords:
        # Whole words with an optional plural ending: "shell" meets "shells", "lead" misses
        # "leadership".
        if re.search(rf"(?<![a-z0-9]){re.escape(keyword)}(?:s|es)?(?![a-z0-9])", text):
            return keyword
    return None


@dataclass(frozen=True)
class Regime:
    id: str
    name: str
    version: str
    provisions: tuple[Provision, ...]
    conditions: Mapping[str, tuple[Condition, ...]] = field(default_factory=dict)
    """Provision id -> its conditions (empty for provisions no claim type describes)."""
    breach_from: Mapping[str, str] = field(default_factory=dict)
    """Provision id -> the first day a breach is possible when later than adoption (a
    deadline such as 2397 OP8's repatriation by 2019-12-22)."""

    def provision(self, provision_id: str) -> Provision:
        for provision in self.provisions:
            if provision.id == provision_id:
                return provision
        raise NotFoundError(f"no provision {provision_id!r} in regime {self.id}")

    def conditions_for(self, provision_id: str) -> tuple[Condition, ...]:
        return self.conditions.get(provision_id, ())
