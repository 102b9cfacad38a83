"""State actors in text: names, demonyms, capitals, metonyms and people, resolved to codes.

The gazetteer is data (``data/actors.yaml``); this module compiles it once into a single
alternation, longest form first, so "the North Korean side" wins over "North Korean" and
"South Korea" over any shorter form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sanctionwatch.packaged import load_yaml

GAZETTEER_NAME = "gazetteer.actors"

# Demonyms also name people in the plural ("visas to North Koreans").
_PLURAL_KINDS = {"demonym"}


@dataclass(frozen=True, slots=True)
class ActorMatch:
    start: int
    end: int
    code: str
    kind: str
    form: str

    @property
    def rule(self) -> str:
        return f"{GAZETTEER_NAME}:{self.kind}:{self.form}"


@dataclass(frozen=True)
class Gazetteer:
    version: int
    labels: dict[str, str]
    pattern: re.Pattern[str]
    forms: dict[str, tuple[str, str]]
    """surface form -> (code, kind)"""

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[ActorMatch]:
        end = len(text) if end is None else end
        out = []
        for m in self.pattern.finditer(text, start, end):
            surface = m.group(0)
            key = _key(surface)
            code, kind = self.forms.get(key) or self.forms[_key(surface[:-1])]
            out.append(ActorMatch(m.start(), m.end(), code, kind, surface))
        return out

    @property
    def name(self) -> str:
        return f"{GAZETTEER_NAME}@v{self.version}"


def _key(surface: str) -> str:
    return " ".join(surface.replace("’", "'").lower().split())


def _form_regex(form: str, kind: str) -> str:
    body = re.escape(form)
    if form[:1].islower():
        # "the Kremlin" also starts a sentence as "The Kremlin".
        body = f"[{form[0].upper()}{form[0]}]" + re.escape(form[1:])
    body = body.replace("'", "['’]").replace("’", "['’]").replace(r"\ ", r"\s+")
    if kind in _PLURAL_KINDS and not form.endswith("-made"):
        body += "s?"
    return body


def compile_gazetteer(data: dict[str, Any]) -> Gazetteer:
    forms: dict[str, tuple[str, str]] = {}
    labels: dict[str, str] = {}
    regexes: list[tuple[int, str]] = []
    for code, entry in data["states"].items():
        labels[code] = entry.get("label", code)
        for kind in ("name", "demonym", "capital", "metonym", "person", "place"):
            for form in entry.get(kind, []) or []:
                key = _key(form)
                if key in forms and forms[key][0] != code:
                    raise ValueError(
                        f"E120: gazetteer form {form!r} names both {forms[key][0]} and {code}"
                    )
                forms[key] = (code, kind)
                regexes.append((len(form), _form_regex(form, kind)))
                if kind == "demonym" and not form.endswith("-made") and f"{key}-made" not in forms:
                    # "Iranian-made drones": every demonym also names an origin of goods.
                    forms[f"{key}-made"] = (code, kind)
                    regexes.append((len(form) + 5, _form_regex(f"{form}-made", kind)))
    regexes.sort(key=lambda item: (-item[0], item[1]))
    alternation = "|".join(r for _, r in regexes)
    # "Moscow-Pyongyang" names two actors; "pro-Russian" and "anti-American" name none.
    pattern = re.compile(rf"(?<!\w)(?<!pro-)(?<!anti-)(?<!non-)(?:{alternation})(?!\w)")
    return Gazetteer(int(data.get("version", 1)), labels, pattern, forms)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    return compile_gazetteer({"version": _actors_data()["version"], "states": state_entries()})


@lru_cache(maxsize=1)
def _actors_data() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("sanctionwatch.resolve", "data/actors.yaml")
    return data


def state_entries() -> dict[str, dict[str, Any]]:
    """The gazetteer's states as written in ``data/actors.yaml``: label and forms by kind."""
    states: dict[str, dict[str, Any]] = _actors_data()["states"]
    return states


def find_actors(text: str, start: int = 0, end: int | None = None) -> list[ActorMatch]:
    """State actors in ``text[start:end]``, with offsets into ``text``."""
    return load_gazetteer().find(text, start, end)
