"""Which way goods flow in a claim: what is given, and what is given in return.

"Iran provided North Korea with cash in return for missile parts" is a payment from Iran
to the DPRK and missile parts flowing *from* the DPRK to Iran, not arms to the DPRK. The
phrase after "in return for", "in exchange for" or "as payment for" flows the other way.

What is given is the claim's item, read for its category (``law/data/items.yaml``); when
the item names no category ("components", "technology") the trigger's phrase is read
instead ("procurement of missile-related components" is a missile item). Money that is the
value of goods ("thousands of dollars of machine tools", "$5 million worth of oil", "$500
million of North Korean exports") is not what flows: the goods are, and the claim is mapped
as their trade. An item that qualifies a non-goods word after it ("missile warning data",
"missile tests") names that word, not goods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sanctionwatch.domain import Claim, ClaimType
from sanctionwatch.law.items import load_item_categories

_COUNTER = re.compile(
    r"\b(?:in (?:return|exchange) for|as (?:payment|compensation) for|in payment for|"
    r"to pay for|paid for)\s+(?P<phrase>[^.;,()]+)",
    re.IGNORECASE,
)


# After a sum of money: the goods it is the value of, up to the next preposition or clause.
_VALUE_OF = re.compile(
    r"^\s*(?:worth\s+|in\s+)?of\s+(?P<goods>[^.;,()]+?)"
    r"(?=\s+(?:to|from|for|into|via|through|in|at|by|and|which|that)\b|[.;,()]|$)",
    re.IGNORECASE,
)
# Claims whose trigger can name the goods ("arms sales", "procurement of missile parts");
# a payment's trigger is a verb and its item a sum of money.
_GOODS_TYPES = frozenset({ClaimType.ARMS_TRANSFER, ClaimType.TECH_TRANSFER, ClaimType.TRADE})
_AMOUNT = re.compile(r"\d|[$€£¥₩]")
FINANCE_CATEGORIES = frozenset({"funds", "public_finance", "bank_accounts", "joint_ventures"})


@dataclass(frozen=True, slots=True)
class Flows:
    """Items flowing source -> target (``forward``) and target -> source (``counter``).

    ``notes`` say why an item was read from the trigger or as the value of goods.
    """

    forward: tuple[str, ...]
    counter: tuple[str, ...]
    reason: str = ""
    notes: tuple[str, ...] = ()


def read_flows(claim: Claim) -> Flows:
    item, notes = law_item(claim)
    sentence = claim.evidence.text
    found = _COUNTER.search(sentence)
    if found is None:
        return Flows((item,) if item else (), (), notes=notes)
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
    return Flows(forward, (counter,), reason, notes)


def law_item(claim: Claim) -> tuple[str | None, tuple[str, ...]]:
    """The item the law reads for a claim, and why when it is not the claim's own item."""
    item = claim.item.value if claim.item else None
    categories = load_item_categories()
    head = non_goods_head(claim)
    if head is not None and item:
        return head, (
            f"'{item}' qualifies '{head}' in the sentence: what it names is {head}, "
            f"not {item} goods",
        )
    goods = value_of_goods(claim)
    if goods is not None:
        return goods, (
            f"'{item}' is the value of goods ('{goods}'): the goods are what flows, "
            "so the claim is read as their trade",
        )
    if (
        categories.specific_ids(item)
        or claim.type not in _GOODS_TYPES
        or _AMOUNT.search(item or "")
    ):
        return item, ()
    trigger = " ".join(claim.trigger.text.split())
    if categories.specific_ids(trigger):
        named = f"item '{item}' names no category" if item else "no item is given"
        return trigger, (f"{named}: the trigger '{trigger}' names what flows",)
    return item, ()


def non_goods_head(claim: Claim) -> str | None:
    """The words after the item that make it a modifier of something that is not goods
    ("missile" in "missile warning data"), else None."""
    if claim.item is None:
        return None
    offset = claim.item.span.end - claim.evidence.start
    if offset < 0:
        return None
    tail = load_item_categories().non_goods_tail(claim.evidence.text[offset:])
    return tail or None


def value_of_goods(claim: Claim) -> str | None:
    """The goods a money item is the value of ("dollars of machine tools"), else None."""
    if claim.type is not ClaimType.FINANCIAL_FLOW or claim.item is None:
        return None
    offset = claim.item.span.end - claim.evidence.start
    found = _VALUE_OF.match(claim.evidence.text[offset:]) if offset >= 0 else None
    if found is None:
        return None
    goods = " ".join(found.group("goods").split())
    hits = load_item_categories().category_ids(goods)
    return goods if hits and not hits & FINANCE_CATEGORIES else None
