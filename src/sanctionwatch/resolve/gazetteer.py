"""State actors in text: names, demonyms, capitals, metonyms, people, places and
organisations, resolved to codes.

Two tiers. The hand-written tier (``data/actors.yaml``) covers the states the reporting
names most, with capitals, metonyms, people and home-based organisations; it always wins.
The world tier adds the names and demonyms of every other current sovereign country from
installed packages (rigour's territories, countryinfo's demonyms), so an article about a
state nobody wrote down still fills source and target roles. A world form that would
name two countries ("Congolese") is dropped rather than guessed.

Both tiers compile once into a single alternation, longest form first, so "the North
Korean side" wins over "North Korean" and "South Korea" over any shorter form.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version as package_version
from typing import Any

from sanctionwatch.packaged import load_yaml, load_yaml_field

GAZETTEER_NAME = "gazetteer.actors"
HAND_TIER = "actors"
WORLD_TIER = "world"
KINDS = ("name", "demonym", "capital", "metonym", "person", "place", "organisation", "institution")
# Capitals stay hand-written: too many name people and towns (Victoria, Kingston, Hamilton).
_WORLD_KINDS = ("name", "demonym")

# Demonyms also name people in the plural ("visas to North Koreans").
_PLURAL_KINDS = {"demonym"}
_NOT_ACTOR = "not_actor"


@dataclass(frozen=True, slots=True)
class ActorMatch:
    start: int
    end: int
    code: str
    kind: str
    form: str
    tier: str = HAND_TIER
    """``actors`` (written in ``data/actors.yaml``) or ``world`` (from country packages)"""

    @property
    def rule(self) -> str:
        source = GAZETTEER_NAME if self.tier == HAND_TIER else f"{GAZETTEER_NAME}.{self.tier}"
        return f"{source}:{self.kind}:{self.form}"


@dataclass(frozen=True)
class WorldTier:
    """Countries the hand-written tier may lack: code -> label, name and demonym forms."""

    states: dict[str, dict[str, Any]]
    source: str
    """the packages and versions the forms came from, for provenance"""
    not_actors: tuple[str, ...] = ()
    """places that contain a country's name ("Gulf of Guinea"): matched, then dropped"""


@dataclass(frozen=True)
class Gazetteer:
    version: int
    labels: dict[str, str]
    pattern: re.Pattern[str]
    forms: dict[str, tuple[str, str]]
    """surface form -> (code, kind)"""
    world: frozenset[str] = field(default_factory=frozenset)
    """the keys of ``forms`` that came from the world tier"""
    world_source: str = ""

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[ActorMatch]:
        end = len(text) if end is None else end
        out = []
        for m in self.pattern.finditer(text, start, end):
            surface = m.group(0)
            key = _key(surface)
            if key not in self.forms:
                key = _key(surface[:-1])  # a plural demonym
            code, kind = self.forms[key]
            if kind == _NOT_ACTOR:
                continue
            tier = WORLD_TIER if key in self.world else HAND_TIER
            out.append(ActorMatch(m.start(), m.end(), code, kind, surface, tier))
        return out

    @property
    def name(self) -> str:
        return f"{GAZETTEER_NAME}@v{self.version}"

    @property
    def tag(self) -> str:
        """The data version, plus a digest of the packages the world tier came from, so a
        claim's extractor id changes when either does ("v5.1a2b3c4d")."""
        return _tag(self.version, self.world_source)


def _tag(version: int, world_source: str) -> str:
    if not world_source:
        return f"v{version}"
    digest = hashlib.sha256(world_source.encode()).hexdigest()[:8]
    return f"v{version}.{digest}"


def _key(surface: str) -> str:
    return " ".join(surface.replace("’", "'").lower().split())


def _first_letters(form: str) -> list[str]:
    # "the Kremlin" also starts a sentence as "The Kremlin".
    return [form[0].upper(), form[0]] if form[:1].islower() else [form[0]]


def _rest_regex(form: str, kind: str) -> str:
    """The regex for ``form`` after its first letter."""
    # Either apostrophe in the text, whichever the form was written with.
    body = re.sub("['’]", "['’]", re.escape(form[1:])).replace(r"\ ", r"\s+")
    if kind in _PLURAL_KINDS and not form.endswith("-made"):
        body += "s?"
    return body


class _Builder:
    """Forms and regexes collected tier by tier; the first tier to claim a form keeps it."""

    def __init__(self) -> None:
        self.forms: dict[str, tuple[str, str]] = {}
        self.branches: dict[str, set[tuple[int, str]]] = defaultdict(set)
        """first letter -> (length, regex of the rest) of every form"""

    def add(self, form: str, code: str, kind: str) -> list[str]:
        """Add ``form`` (and "<demonym>-made"); return the keys added."""
        key = _key(form)
        self.forms[key] = (code, kind)
        self._add_regex(form, kind)
        added = [key]
        made = f"{key}-made"
        if kind == "demonym" and not form.endswith("-made") and made not in self.forms:
            # "Iranian-made drones": every demonym also names an origin of goods.
            self.forms[made] = (code, kind)
            self._add_regex(f"{form}-made", kind)
            added.append(made)
        return added

    def _add_regex(self, form: str, kind: str) -> None:
        for first in _first_letters(form):
            self.branches[first].add((len(form), _rest_regex(form, kind)))

    def pattern(self) -> re.Pattern[str]:
        # Forms grouped under their first letter, longest first within it: with ~1,000
        # forms, one test of the first letter skips a whole group instead of every form.
        groups = []
        for first, branches in sorted(self.branches.items()):
            rests = "|".join(r for _, r in sorted(branches, key=lambda b: (-b[0], b[1])))
            groups.append(f"{re.escape(first)}(?:{rests})")
        alternation = "|".join(groups)
        # "Moscow-Pyongyang" names two actors; "pro-Russian" and "anti-American" name none.
        return re.compile(rf"(?<!\w)(?<!pro-)(?<!anti-)(?<!non-)(?:{alternation})(?!\w)")


def compile_gazetteer(data: dict[str, Any], *, world: WorldTier | None = None) -> Gazetteer:
    """Compile hand-written ``data["states"]``, then the forms of ``world`` nobody claimed.

    A form two hand-written states claim is a mistake in the data (E120); a world form two
    countries claim is the data's ambiguity ("Dominican"), so it is dropped.
    """
    builder = _Builder()
    labels: dict[str, str] = {}
    for code, entry in data["states"].items():
        labels[code] = entry.get("label", code)
        for kind in KINDS:
            for form in entry.get(kind, []) or []:
                key = _key(form)
                if key in builder.forms and builder.forms[key][0] != code:
                    raise ValueError(
                        f"E120: gazetteer form {form!r} names both {builder.forms[key][0]} and {code}"
                    )
                builder.add(form, code, kind)
    world_keys: set[str] = set()
    if world is not None:
        for code, kind, form in _unclaimed_world_forms(world, builder.forms):
            world_keys.update(builder.add(form, code, kind))
        for form in world.not_actors:
            if _key(form) not in builder.forms:
                builder.add(form, "", _NOT_ACTOR)
        for code, entry in world.states.items():
            labels.setdefault(code, entry.get("label", code))
    return Gazetteer(
        int(data.get("version", 1)),
        labels,
        builder.pattern(),
        builder.forms,
        frozenset(world_keys),
        world.source if world is not None else "",
    )


def _unclaimed_world_forms(
    world: WorldTier, taken: dict[str, tuple[str, str]]
) -> Iterator[tuple[str, str, str]]:
    """(code, kind, form) for world forms that name one country and no hand-written form."""
    claims: dict[str, set[str]] = defaultdict(set)
    for code, entry in world.states.items():
        for kind in _WORLD_KINDS:
            for form in entry.get(kind) or []:
                claims[_key(form)].add(code)
    seen: set[str] = set()
    for code, entry in world.states.items():
        for kind in _WORLD_KINDS:
            for form in entry.get(kind) or []:
                key = _key(form)
                if len(claims[key]) == 1 and key not in taken and key not in seen:
                    seen.add(key)
                    yield code, kind, form


def load_world_tier() -> WorldTier:
    """Names and demonyms of every current sovereign country, less the yaml's stoplist.

    rigour says which countries exist now and what they are called; countryinfo adds its
    name and its demonyms. rigour's countries include dependencies it does not mark as
    such, so ``world.not_sovereign`` in the yaml lists them.
    """
    # Imported here: rigour's territory index costs ~0.1 s, paid only when compiling.
    from rigour.territories import get_territories

    settings = _actors_data().get("world") or {}
    skip = {str(code).upper() for code in settings.get("not_sovereign") or []}
    stop = {_key(form) for form in settings.get("stoplist") or []}
    extra = _countryinfo_forms()
    states: dict[str, dict[str, Any]] = {}
    for territory in get_territories():
        code = territory.code.upper()
        if (
            not territory.is_country
            or territory.is_historical
            or territory.parent is not None
            or code in skip
            or len(code) != 2
        ):
            continue
        names, demonyms = extra.get(code, ([], []))
        official = [territory.name, territory.full_name, territory.in_sentence]
        states[code] = {
            "label": territory.name,
            "name": _usable(_name_forms([*official, *names]), stop),
            "demonym": _usable(demonyms, stop),
        }
    return WorldTier(states, world_source(), tuple(settings.get("not_actors") or ()))


def world_source() -> str:
    """The packages and versions the world tier comes from, from their metadata."""
    return f"rigour {package_version('rigour')}, countryinfo {package_version('countryinfo')}"


def _countryinfo_forms() -> dict[str, tuple[list[str], list[str]]]:
    """ISO alpha-2 -> (names, demonyms) from countryinfo; "Antiguan,Barbudan" is two."""
    from countryinfo import CountryInfo

    out: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for record in CountryInfo.all().values():
        code = str((record.get("ISO") or {}).get("alpha2") or "").upper()
        if not code:
            continue
        names, demonyms = out[code]
        names.append(record.get("name") or "")
        demonyms.extend(re.split(r",|/|\band\b", record.get("demonym") or ""))
    return dict(out)


def _name_forms(names: list[str]) -> list[str]:
    """Names as running text writes them: no leading "the", no "(Burma)", also unaccented."""
    out: list[str] = []
    for name in names:
        name = re.sub(r"^(?:the|The)\s+", "", name.strip())
        if not name or re.search(r"[()\[\],]", name):
            continue
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
        out.extend([name, plain] if plain != name else [name])
    return out


def _usable(forms: list[str], stop: set[str]) -> list[str]:
    """Distinct, non-empty, capitalised forms not on the stoplist."""
    out: dict[str, str] = {}
    for form in (f.strip() for f in forms):
        key = _key(form)
        if form[:1].isupper() and key not in stop:
            out.setdefault(key, form)
    return list(out.values())


def gazetteer_tag() -> str:
    """``load_gazetteer().tag`` without compiling the gazetteer (or importing rigour): from
    the version line of ``data/actors.yaml`` and the world tier's package versions."""
    version = load_yaml_field("sanctionwatch.resolve", "data/actors.yaml", "version")
    return _tag(int(version), world_source())


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    data = {"version": _actors_data()["version"], "states": state_entries()}
    return compile_gazetteer(data, world=load_world_tier())


@lru_cache(maxsize=1)
def _actors_data() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("sanctionwatch.resolve", "data/actors.yaml")
    return data


def state_entries() -> dict[str, dict[str, Any]]:
    """The hand-written states of ``data/actors.yaml``: label and forms by kind.

    Not the world tier: these are the states someone checked, with their people,
    capitals and organisations.
    """
    states: dict[str, dict[str, Any]] = _actors_data()["states"]
    return states


def find_actors(text: str, start: int = 0, end: int | None = None) -> list[ActorMatch]:
    """State actors in ``text[start:end]``, with offsets into ``text``."""
    return load_gazetteer().find(text, start, end)
