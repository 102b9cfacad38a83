"""Who published a document, and how far their reporting is usually to be trusted.

``DocumentInfo`` is the slice of a stored document the assess stage needs, defined here so
the stage never imports the store. ``describe_document`` builds it from a ``Document``.

The publisher is found, in order, from the outlet field, the URL's host, and the credits
the text itself carries (a dateline credit, a byline, a copyright line, the title's
suffix; ``credits.read_credits``): a document that lost its outlet field is still graded
by the outlet it names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from sanctionwatch.assess.bodies import BodyMention, find_bodies
from sanctionwatch.assess.credits import NO_CREDITS, Credits, read_credits
from sanctionwatch.assess.turns import Turn, read_turns
from sanctionwatch.domain.document import Document
from sanctionwatch.domain.errors import ConfigError
from sanctionwatch.resolve.people import PersonMention, find_people

UNREADABLE_REGISTRY = "E320"
BAD_REGISTRY_ENTRY = "E321"

_LETTERS = "ABCDEF"
_WORDS = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    syndication_cluster: str | None = None
    title: str | None = None
    credits: Credits = NO_CREDITS
    """Outlet credits, byline and dateline the text carries (read when the fields are empty)."""
    people: tuple[PersonMention, ...] = ()
    """Named people with their roles, so a later surname reads as that person."""
    turns: tuple[Turn, ...] = ()
    """A transcript's turns (reporters' questions, the podium's answers); () for prose."""
    bodies: tuple[BodyMention, ...] = ()
    """Qualified group mentions ("U.N. experts"), so a later "the panel" reads as that body."""


def describe_document(doc: Document) -> DocumentInfo:
    """What the assess stage needs of a stored document: its fields, the credits its text
    carries, the people it names with their roles and, for a transcript, its turns."""
    return DocumentInfo(
        id=doc.id,
        outlet=doc.outlet,
        url=doc.url or doc.meta.get("canonical_url"),
        published=doc.published,
        syndication_cluster=doc.syndication_cluster,
        title=doc.title,
        credits=read_credits(doc.text, title=doc.title, meta=doc.meta),
        people=find_people(doc.text),
        turns=read_turns(doc.text),
        bodies=find_bodies(doc.text),
    )


@dataclass(frozen=True, slots=True)
class Publisher:
    """Who published a document, as far as its fields and text say, and how that was found."""

    name: str | None
    outlet: _Outlet | None
    matched_by: str


@dataclass(frozen=True, slots=True)
class OutletProfile:
    """How one document's outlet was classified, and why."""

    name: str
    kind: str
    label: str
    reliability: str
    matched_by: str
    country: str | None = None

    @property
    def known(self) -> bool:
        return self.kind != "unknown"


@dataclass(frozen=True, slots=True)
class _Outlet:
    name: str
    kind: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str | None


def normalise_name(text: str) -> str:
    """Lowercase words separated by single spaces: "KCNA (Pyongyang)" -> "kcna pyongyang"."""
    return _WORDS.sub(" ", text.casefold()).strip()


class OutletRegistry:
    """Outlet names and web domains -> kind -> reliability letter."""

    def __init__(self, kinds: dict[str, tuple[str, str]], outlets: list[_Outlet]) -> None:
        self._kinds = kinds
        self._outlets = outlets
        # Longest alias first so "voice of korea" wins over a shorter alias inside it.
        self._aliases = sorted(
            ((alias, o) for o in outlets for alias in o.aliases), key=lambda p: (-len(p[0]), p[0])
        )

    def classify(
        self, document: DocumentInfo | None, *, involved: Collection[str] = ()
    ) -> OutletProfile:
        """Classify by outlet name, then by URL domain; state media of an actor become D."""
        if document is None:
            return self._profile("unknown", "unknown", "no document information")
        found = self.publisher(document)
        outlet = found.outlet
        if outlet is None:
            shown = found.name or document.id
            return self._profile(shown, "unknown", found.matched_by)
        kind = outlet.kind
        if kind == "state_media" and outlet.country in involved:
            kind = "state_media_involved"
        return self._profile(outlet.name, kind, found.matched_by, country=outlet.country)

    def publisher(self, document: DocumentInfo) -> Publisher:
        """The outlet field, else the URL's host, else an outlet the text credits."""
        if document.outlet:
            outlet = self.find_outlet(document.outlet)
            if outlet is not None:
                return Publisher(outlet.name, outlet, f"outlet name {document.outlet!r}")
        host = _host(document.url)
        if host:
            outlet = self._find_domain(host)
            if outlet is not None:
                return Publisher(outlet.name, outlet, f"web domain of {document.url}")
        for credit in document.credits.credits:
            outlet = self.find_outlet(credit.name)
            if outlet is None and "." in credit.name:
                outlet = self._find_domain(credit.name)
            if outlet is not None:
                return Publisher(
                    outlet.name, outlet, f"{credit.where} names {credit.name!r} (no outlet field)"
                )
        shown = document.outlet or host or None
        if shown:
            return Publisher(shown, None, f"{shown!r} is not in the outlet registry")
        return Publisher(None, None, _unnamed_publisher(document))

    def letter_for(self, kind: str) -> tuple[str, str]:
        """(reliability letter, label) of a kind; unknown kinds read as F."""
        return self._kinds.get(kind, ("F", kind))

    def find_outlet(self, name: str) -> _Outlet | None:
        text = f" {normalise_name(name)} "
        for alias, outlet in self._aliases:
            if f" {alias} " in text:
                return outlet
        return None

    def canonical_name(self, name: str) -> str | None:
        outlet = self.find_outlet(name)
        return outlet.name if outlet else None

    def _find_domain(self, url: str) -> _Outlet | None:
        host = _host(url).removeprefix("www.")
        best: tuple[int, _Outlet] | None = None
        for outlet in self._outlets:
            for domain in outlet.domains:
                if (host == domain or host.endswith(f".{domain}")) and (
                    best is None or len(domain) > best[0]
                ):
                    best = (len(domain), outlet)
        return best[1] if best else None

    def _profile(
        self, name: str, kind: str, matched_by: str, *, country: str | None = None
    ) -> OutletProfile:
        letter, label = self._kinds.get(kind, ("F", kind))
        return OutletProfile(name, kind, label, letter, matched_by, country)


def _unnamed_publisher(document: DocumentInfo) -> str:
    """Why no publisher is known, with what the text does say (its credits, its dateline)."""
    said = [
        f"{c.where} names {c.name!r}, which is not in the outlet registry"
        for c in document.credits.credits
    ] or ["the text names no outlet"]
    if document.credits.dateline:
        said.append(f"its dateline gives only a place ({document.credits.dateline})")
    return f"the document has no outlet field or URL; {'; '.join(said)}"


def _host(url: str | None) -> str:
    if not url:
        return ""
    return (urlsplit(url if "//" in url else f"//{url}").hostname or "").casefold()


def load_outlet_registry(path: str | Path | None = None) -> OutletRegistry:
    """Load an outlet registry; without ``path``, the packaged ``outlets.yaml`` (cached)."""
    if path is None:
        return _load_default()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(
            f"cannot read outlet registry {path}: {exc}", code=UNREADABLE_REGISTRY
        ) from exc
    return parse_outlet_registry(text, origin=str(path))


@functools.lru_cache(maxsize=1)
def _load_default() -> OutletRegistry:
    text = resources.files("sanctionwatch.assess").joinpath("outlets.yaml").read_text("utf-8")
    return parse_outlet_registry(text, origin="sanctionwatch/assess/outlets.yaml")


def parse_outlet_registry(text: str, *, origin: str = "<string>") -> OutletRegistry:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{origin}: not valid YAML: {exc}", code=UNREADABLE_REGISTRY) from exc
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        raise ConfigError(f"{origin}: needs a 'kinds' mapping", code=UNREADABLE_REGISTRY)
    kinds: dict[str, tuple[str, str]] = {}
    for kind, spec in data["kinds"].items():
        letter = spec.get("reliability") if isinstance(spec, dict) else None
        if letter not in tuple(_LETTERS):
            raise ConfigError(
                f"{origin}: kind {kind!r} needs reliability A-F", code=BAD_REGISTRY_ENTRY
            )
        kinds[str(kind)] = (letter, str(spec.get("label", kind)))
    if "unknown" not in kinds:
        raise ConfigError(f"{origin}: kind 'unknown' is required", code=BAD_REGISTRY_ENTRY)
    outlets = [_read_outlet(row, kinds=kinds, origin=origin) for row in data.get("outlets") or []]
    return OutletRegistry(kinds, outlets)


def _read_outlet(row: Any, *, kinds: dict[str, tuple[str, str]], origin: str) -> _Outlet:
    if not isinstance(row, dict) or not isinstance(row.get("name"), str):
        raise ConfigError(f"{origin}: each outlet needs a name", code=BAD_REGISTRY_ENTRY)
    if row.get("kind") not in kinds:
        raise ConfigError(
            f"{origin}: outlet {row['name']!r} has unknown kind {row.get('kind')!r}",
            code=BAD_REGISTRY_ENTRY,
        )
    aliases = tuple(normalise_name(a) for a in [row["name"], *(row.get("aliases") or [])])
    domains = tuple(str(d).casefold() for d in row.get("domains") or [])
    return _Outlet(
        row["name"], row["kind"], tuple(a for a in aliases if a), domains, row.get("country")
    )


def reliability_rank(letter: str) -> int:
    """0 for A ... 5 for F; lower is better."""
    return _LETTERS.index(letter) if letter in _LETTERS else len(_LETTERS) - 1
