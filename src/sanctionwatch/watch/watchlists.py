"""Watchlists: saved queries over incidents, and names to screen in new documents.

A watchlist matches an incident when every given field holds: each of ``actors`` is on
either side, the type is one of ``types``, some provision contains one of
``provisions``, the grade is at least ``min_grade`` (reliability letter and credibility
digit both as good or better: ``B2`` admits A1, B1, A2, B2) and every word of ``text``
occurs in its evidence. ``names`` (people, companies, vessels) are screened against the
text of every new document. Matching returns the reasons, which each alert keeps.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sanctionwatch import store as st
from sanctionwatch.domain import ClaimType
from sanctionwatch.domain.errors import BAD_WATCHLIST, UNKNOWN_WATCHLIST, InputError, NotFoundError
from sanctionwatch.watch import records

_NAME = re.compile(r"^[\w.-]{1,100}$")
_GRADE = re.compile(r"^[A-F][1-6]$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Watchlist:
    name: str
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    provisions: tuple[str, ...] = ()
    min_grade: str | None = None
    text: str | None = None
    names: tuple[str, ...] = ()
    webhook: str | None = None
    """Where alerts are POSTed, signed with ``secret`` (HMAC-SHA256)."""
    secret: str = field(default="", repr=False)
    created_at: str = ""
    """ISO time; names are screened only in documents stored after it."""

    def to_dict(self, *, with_secret: bool = False) -> dict[str, Any]:
        data = asdict(self)
        for key in ("actors", "types", "provisions", "names"):
            data[key] = list(data[key])
        if not with_secret:
            data.pop("secret")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Watchlist:
        return cls(
            name=str(data["name"]),
            actors=tuple(data.get("actors", ())),
            types=tuple(data.get("types", ())),
            provisions=tuple(data.get("provisions", ())),
            min_grade=data.get("min_grade"),
            text=data.get("text"),
            names=tuple(data.get("names", ())),
            webhook=data.get("webhook"),
            secret=str(data.get("secret", "")),
            created_at=str(data.get("created_at", "")),
        )


def make_watchlist(
    name: str,
    *,
    actors: Sequence[str] = (),
    types: Sequence[str] = (),
    provisions: Sequence[str] = (),
    min_grade: str | None = None,
    text: str | None = None,
    names: Sequence[str] = (),
    webhook: str | None = None,
    secret: str | None = None,
) -> Watchlist:
    """Check raw values (CLI, API, form) and build a watchlist; E704 says what is wrong."""
    from sanctionwatch.services.browsing import resolve_actor

    if not _NAME.match(name):
        raise InputError(f"watchlist name {name!r}: letters, digits, . _ -", code=BAD_WATCHLIST)
    known = {t.value for t in ClaimType}
    bad = [t for t in types if t not in known]
    if bad:
        raise InputError(
            f"unknown type {bad[0]!r}; one of {', '.join(sorted(known))}", code=BAD_WATCHLIST
        )
    grade = (min_grade or "").strip().upper() or None
    if grade is not None and not _GRADE.match(grade):
        raise InputError(
            f"min grade {min_grade!r} is not an Admiralty code like B2", code=BAD_WATCHLIST
        )
    if webhook is not None and not webhook.startswith(("http://", "https://")):
        raise InputError("a webhook is an http(s) URL", code=BAD_WATCHLIST)
    try:
        codes = tuple(resolve_actor(a.strip()) for a in actors if a.strip())
    except InputError as error:
        raise InputError(error.message, code=BAD_WATCHLIST) from error
    cleaned = tuple(n.strip() for n in names if n.strip())
    query = (text or "").strip() or None
    if not (codes or types or provisions or grade or query or cleaned):
        raise InputError("a watchlist needs at least one condition", code=BAD_WATCHLIST)
    return Watchlist(
        name=name,
        actors=codes,
        types=tuple(types),
        provisions=tuple(p.strip().upper() for p in provisions if p.strip()),
        min_grade=grade,
        text=query,
        names=cleaned,
        webhook=webhook,
        secret=secret or (secrets.token_hex(24) if webhook else ""),
        created_at=records.now_utc().isoformat(),
    )


def add_watchlist(store: st.Store, watchlist: Watchlist, *, replace: bool = False) -> Watchlist:
    if not records.insert_watchlist(
        store, watchlist.name, watchlist.to_dict(with_secret=True), replace=replace
    ):
        raise InputError(f"a watchlist named {watchlist.name!r} exists", code=BAD_WATCHLIST)
    return watchlist


def list_watchlists(store: st.Store) -> list[Watchlist]:
    return [Watchlist.from_dict(data) for _, data in records.watchlist_rows(store)]


def get_watchlist(store: st.Store, name: str) -> Watchlist:
    for watchlist in list_watchlists(store):
        if watchlist.name == name:
            return watchlist
    raise NotFoundError(f"no watchlist named {name!r}", code=UNKNOWN_WATCHLIST)


def remove_watchlist(store: st.Store, name: str) -> None:
    if not records.delete_watchlist(store, name):
        raise NotFoundError(f"no watchlist named {name!r}", code=UNKNOWN_WATCHLIST)


def _grade_ok(code: str | None, minimum: str) -> bool:
    return (
        bool(code)
        and len(str(code)) == 2
        and str(code)[0] <= minimum[0]
        and str(code)[1] <= minimum[1]
    )


def match_incident(watchlist: Watchlist, data: dict[str, Any], evidence: str) -> list[str] | None:
    """The reasons ``data`` (an incident's JSON) matches, or ``None``; ``evidence`` is its text."""
    if not (
        watchlist.actors
        or watchlist.types
        or watchlist.provisions
        or watchlist.min_grade
        or watchlist.text
    ):
        return None  # a names-only watchlist screens documents, not incidents
    reasons: list[str] = []
    sides = {*data.get("source", ()), *data.get("target", ())}
    if watchlist.actors:
        if not set(watchlist.actors) <= sides:
            return None
        reasons.append(f"actors {', '.join(watchlist.actors)}")
    if watchlist.types:
        if data.get("type") not in watchlist.types:
            return None
        reasons.append(f"type {data.get('type')}")
    if watchlist.provisions:
        ids = [str(p.get("provision_id", "")).upper() for p in data.get("provisions", ())]
        hits = sorted({i for i in ids for wanted in watchlist.provisions if wanted in i})
        if not hits:
            return None
        reasons.append(f"provision {', '.join(hits)}")
    if watchlist.min_grade:
        code = (data.get("assessment") or {}).get("code")
        if not _grade_ok(code, watchlist.min_grade):
            return None
        reasons.append(f"grade {code} at least {watchlist.min_grade}")
    if watchlist.text:
        words = [w.casefold() for w in _WORD.findall(watchlist.text)]
        folded = evidence.casefold()
        if not all(w in folded for w in words):
            return None
        reasons.append(f"text {watchlist.text!r}")
    return reasons


def fold(text: str) -> str:
    """Lower case without accents, words joined by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(stripped.casefold()))


def match_names(watchlist: Watchlist, text: str) -> list[str]:
    """The watchlist's names that occur in ``text`` as whole words (accents and case folded)."""
    folded = f" {fold(text)} "
    return [n for n in watchlist.names if (f := fold(n)) and f" {f} " in folded]


def names_in(watchlists: Iterable[Watchlist]) -> bool:
    return any(w.names for w in watchlists)
