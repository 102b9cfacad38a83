"""Load and compile the extraction lexicons in ``data/`` (triggers, modality and attribution cues).

The pattern language is deliberately small: ``{CLASS}`` expands to a class regex (wrapped
in a named group ``item`` when the class is an item class) and ``{GAP:n}`` to at most n
intervening words. A bad pattern fails at load time with the rule id in the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sanctionwatch.domain import ClaimType
from sanctionwatch.packaged import load_yaml

VOICES = {"agent", "recipient", "item_first", "nominal", "parties", "sanctions"}
_PLACEHOLDER = re.compile(r"\{([A-Z_]+)(?::(\d+))?\}")


@dataclass(frozen=True, slots=True)
class TriggerRule:
    id: str
    type: ClaimType
    voice: str
    regex: re.Pattern[str]
    examples: tuple[str, ...] = ()
    """Sentences that must fire this rule (checked by the test suite)."""
    needs_detail: bool = False
    """A weak cue: keep its claim only with a number, a date or a cited source."""


@dataclass(frozen=True, slots=True)
class CueRule:
    id: str
    label: str
    regex: re.Pattern[str]
    source_before: bool = False
    """Attribution only: the cited source is the phrase before group ``cue``."""


@dataclass(frozen=True)
class Lexicon:
    version: str
    triggers: tuple[TriggerRule, ...]
    modality: tuple[CueRule, ...]
    """In priority order."""
    attribution: tuple[CueRule, ...]
    screen: re.Pattern[str] | None = None
    """Every trigger pattern as one alternation: where it finds nothing, no rule can match,
    so a sentence is searched once instead of once per rule."""


def screen_for(triggers: tuple[TriggerRule, ...]) -> re.Pattern[str]:
    """One pattern that matches wherever any of ``triggers`` does (groups made plain)."""
    bodies = (re.sub(r"\(\?P<\w+>", "(?:", rule.regex.pattern) for rule in triggers)
    return re.compile("|".join(f"(?:{body})" for body in bodies), re.IGNORECASE)


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("sanctionwatch.extract", f"data/{name}")
    return data


_GAP_SEP = r"[^\w;–—]+"


def _expand(pattern: str, classes: dict[str, tuple[str, bool]], rule_id: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name, count = match.group(1), match.group(2)
        if name == "GAP":
            # Words and light punctuation, not a clause boundary (";" or a dash).
            return rf"{_GAP_SEP}(?:[\w'’-]+{_GAP_SEP}){{0,{int(count or 0)}}}?"
        if name not in classes:
            raise ValueError(f"E110: rule {rule_id!r} uses unknown class {{{name}}}")
        body, is_item = classes[name]
        return f"(?P<item>{body})" if is_item else f"(?:{body})"

    return _PLACEHOLDER.sub(replace, pattern)


def _compile(pattern: str, rule_id: str, *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    # A space in a pattern matches any whitespace: hard-wrapped text breaks lines mid-phrase.
    try:
        return re.compile(pattern.replace(" ", r"\s"), flags)
    except re.error as error:
        raise ValueError(f"E111: rule {rule_id!r} does not compile: {error}") from error


def compile_triggers(data: dict[str, Any]) -> tuple[TriggerRule, ...]:
    classes: dict[str, tuple[str, bool]] = {}
    for name, spec in data["classes"].items():
        pattern, is_item = (
            (spec, False) if isinstance(spec, str) else (spec["pattern"], bool(spec.get("item")))
        )
        # A class may use the plain (non-item) classes written above it.
        plain = {k: v for k, v in classes.items() if not v[1]}
        classes[name] = (_expand(pattern, plain, f"class {name}"), is_item)
    rules = []
    seen: set[str] = set()
    for raw in data["rules"]:
        rule_id = raw["id"]
        if rule_id in seen:
            raise ValueError(f"E112: duplicate trigger rule id {rule_id!r}")
        seen.add(rule_id)
        if raw["voice"] not in VOICES:
            raise ValueError(f"E113: rule {rule_id!r} has unknown voice {raw['voice']!r}")
        regex = _compile(_expand(raw["pattern"], classes, rule_id), rule_id)
        examples = tuple(raw.get("examples") or ())
        if not examples:
            raise ValueError(f"E114: rule {rule_id!r} has no example sentences")
        needs_detail = bool(raw.get("needs_detail", False))
        rules.append(
            TriggerRule(
                rule_id, ClaimType(raw["type"]), raw["voice"], regex, examples, needs_detail
            )
        )
    return tuple(rules)


def compile_cues(data: dict[str, Any]) -> tuple[tuple[CueRule, ...], tuple[CueRule, ...]]:
    modality = tuple(
        CueRule(rule["id"], label, _compile(rule["pattern"], rule["id"]))
        for label, rules in data["modality"].items()
        for rule in rules
    )
    attribution = tuple(
        CueRule(
            rule["id"],
            "attribution",
            _compile(rule["pattern"], rule["id"], flags=0),
            source_before=rule.get("source") == "before",
        )
        for rule in data["attribution"]
    )
    return modality, attribution


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    triggers_data, cues_data = _read("triggers.yaml"), _read("cues.yaml")
    modality, attribution = compile_cues(cues_data)
    version = f"triggers-v{triggers_data['version']}+cues-v{cues_data['version']}"
    triggers = compile_triggers(triggers_data)
    return Lexicon(version, triggers, modality, attribution, screen_for(triggers))
