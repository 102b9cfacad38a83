"""Item categories for the law mapper: which kind of thing a claim's item names.

Categories are data (``law/data/items.yaml``). Matching is by whole words, longest phrase
first, and a matched phrase is consumed: "military equipment" is arms, so its "equipment"
is not also machinery; "missile parts" is one missile item, not a part of something else.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

import yaml

from sanctionwatch.domain.errors import ConfigError
from sanctionwatch.law.regime import normalise_item_text

BAD_ITEM_CATEGORIES = "E322"
GOODS_GENERAL = "goods_general"
# "missile defense systems" is an arms item: a defence word ends no non-goods phrase.
_NEVER_LAST = frozenset({"defense", "defence"})


@dataclass(frozen=True, slots=True)
class ItemCategory:
    id: str
    label: str
    note: str
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ItemHit:
    """One category an item falls in, with the phrase that put it there."""

    category: str
    keyword: str
    label: str


class ItemCategories:
    def __init__(
        self, categories: Mapping[str, ItemCategory], *, non_goods_heads: Iterable[str] = ()
    ) -> None:
        self.categories = dict(categories)
        self.non_goods_heads = frozenset(normalise_item_text(w) for w in non_goods_heads)
        pairs = [(kw, c.id) for c in categories.values() for kw in c.keywords]
        # Longest phrase first so "military equipment" wins over "equipment".
        self._phrases = sorted(set(pairs), key=lambda p: (-len(p[0]), p[0], p[1]))

    def __contains__(self, category: object) -> bool:
        return category in self.categories

    def categorise(self, item_text: str | None) -> tuple[ItemHit, ...]:
        """Every category the item names, in the order their phrases occur."""
        if not item_text:
            return ()
        text = normalise_item_text(item_text)
        taken = [False] * len(text)
        found: list[tuple[int, ItemHit]] = []
        for keyword, category in self._phrases:
            pattern = rf"(?<![a-z0-9]){re.escape(keyword)}(?:s|es)?(?![a-z0-9])"
            for match in re.finditer(pattern, text):
                if any(taken[match.start() : match.end()]):
                    continue
                for index in range(match.start(), match.end()):
                    taken[index] = True
                label = self.categories[category].label
                found.append((match.start(), ItemHit(category, keyword, label)))
        found.sort(key=lambda pair: (pair[0], pair[1].category))
        return tuple(dict.fromkeys(hit for _, hit in found))

    def category_ids(self, item_text: str | None) -> frozenset[str]:
        return frozenset(hit.category for hit in self.categorise(item_text))

    def specific_ids(self, item_text: str | None) -> frozenset[str]:
        """Categories that name a kind of thing (not the bare "goods" or "exports")."""
        return self.category_ids(item_text) - {GOODS_GENERAL}

    def non_goods_tail(self, following: str) -> str:
        """The words at the start of ``following`` that make an item a modifier of
        something that is not goods ("warning data" after "missile"), else ""."""
        words = re.findall(r"[A-Za-z][\w-]*|\S", following)
        taken: list[str] = []
        for word in words:
            if normalise_item_text(word) not in self.non_goods_heads:
                break
            taken.append(word)
        while taken and normalise_item_text(taken[-1]) in _NEVER_LAST:
            taken.pop()
        return " ".join(taken)


@functools.lru_cache(maxsize=1)
def load_item_categories() -> ItemCategories:
    """The packaged item categories (cached)."""
    text = resources.files("sanctionwatch.law").joinpath("data/items.yaml").read_text("utf-8")
    return parse_item_categories(text, origin="sanctionwatch/law/data/items.yaml")


def parse_item_categories(text: str, *, origin: str = "<string>") -> ItemCategories:
    data = yaml.safe_load(text)
    rows = data.get("categories") if isinstance(data, dict) else None
    if not isinstance(rows, dict) or not rows:
        raise ConfigError(f"{origin}: needs a 'categories' mapping", code=BAD_ITEM_CATEGORIES)
    categories: dict[str, ItemCategory] = {}
    for cid, spec in rows.items():
        keywords = spec.get("keywords") if isinstance(spec, dict) else None
        if not isinstance(keywords, list) or not keywords or not isinstance(spec.get("label"), str):
            raise ConfigError(
                f"{origin}: category {cid!r} needs a label and keywords", code=BAD_ITEM_CATEGORIES
            )
        categories[str(cid)] = ItemCategory(
            id=str(cid),
            label=spec["label"],
            note=str(spec.get("note", "")),
            keywords=tuple(dict.fromkeys(normalise_item_text(str(k)) for k in keywords)),
        )
    heads = data.get("non_goods_heads") or ()
    if not isinstance(heads, list):
        raise ConfigError(f"{origin}: non_goods_heads must be a list", code=BAD_ITEM_CATEGORIES)
    return ItemCategories(categories, non_goods_heads=[str(h) for h in heads])
