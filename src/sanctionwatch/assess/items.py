"""What kind of thing a claim is about, so "shells" and "missiles" stay separate events.

Classes are data (``items.yaml``), one list per claim type. An item that names none of a
type's keywords ("weapons", "technology") is unspecific and fits every class.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

import yaml

from sanctionwatch.domain import ClaimType
from sanctionwatch.domain.errors import ConfigError

BAD_ITEM_CLASSES = "E322"

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/]+")

ItemClasses = frozenset[str]
_Table = dict[ClaimType, tuple[tuple[str, str, re.Pattern[str]], ...]]


def normalise_item(text: str) -> str:
    """Lowercase, hyphens and slashes as spaces: "Ship-to-ship" -> "ship to ship"."""
    return _SEPARATORS.sub(" ", text.casefold()).strip()


@functools.lru_cache(maxsize=1)
def _table() -> _Table:
    text = resources.files("sanctionwatch.assess").joinpath("items.yaml").read_text("utf-8")
    return parse_item_classes(text)


def parse_item_classes(text: str) -> _Table:
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ConfigError("items.yaml: needs a mapping of claim types", code=BAD_ITEM_CLASSES)
    table: _Table = {}
    for key, classes in data.items():
        if key == "version":
            continue
        try:
            claim_type = ClaimType(key)
        except ValueError:
            raise ConfigError(
                f"items.yaml: unknown claim type {key!r}", code=BAD_ITEM_CLASSES
            ) from None
        if not isinstance(classes, dict):
            raise ConfigError(f"items.yaml: {key} needs classes", code=BAD_ITEM_CLASSES)
        entries = [
            (normalise_item(str(word)), str(name))
            for name, words in classes.items()
            for word in words or ()
        ]
        # Longest keyword first: it consumes its words before a shorter one can match them.
        entries.sort(key=lambda e: (-len(e[0]), e[0], e[1]))
        table[claim_type] = tuple(
            (word, name, re.compile(rf"(?<![a-z0-9]){re.escape(word)}(?:s|es)?(?![a-z0-9])"))
            for word, name in entries
        )
    return table


_CONJUNCTS = re.compile(r"\s*(?:,|;|&|\band\b|\bor\b|\bas well as\b)\s*")


def classify_item(claim_type: ClaimType, item: str | None) -> ItemClasses:
    """The classes an item names; empty when it is missing or unspecific.

    A list with an unspecific member ("arms and ammunition", "shells and other
    equipment") is unspecific: the goods are not limited to the kinds it names.
    """
    if not item:
        return frozenset()
    conjuncts = [c for c in _CONJUNCTS.split(normalise_item(item)) if c]
    classes = [_classes_in(claim_type, c) for c in conjuncts]
    if len(classes) > 1 and not all(classes):
        return frozenset()
    return frozenset().union(*classes) if classes else frozenset()


def _classes_in(claim_type: ClaimType, text: str) -> ItemClasses:
    found: set[str] = set()
    for _, name, pattern in _table().get(claim_type, ()):
        match = pattern.search(text)
        if match:
            found.add(name)
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return frozenset(found)


def items_fit(a: ItemClasses, b: ItemClasses) -> bool:
    """Two items can be one event's: either is unspecific, or they share a class."""
    return not a or not b or bool(a & b)


def common_classes(classes: Iterable[ItemClasses]) -> ItemClasses | None:
    """What every specific item shares (empty when none is specific); None if they clash."""
    common: ItemClasses = frozenset()
    for found in classes:
        if not found:
            continue
        if common and not common & found:
            return None
        common = common & found if common else found
    return common
