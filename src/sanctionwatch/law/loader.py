"""Load and validate a regime pack (YAML) into a :class:`Regime`.

A bad pack is a :class:`ConfigError` (stop), never a partial regime: a silently skipped
provision would make incidents look lawful.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from sanctionwatch.domain import ClaimType, Provision
from sanctionwatch.domain.errors import ConfigError
from sanctionwatch.law.items import load_item_categories
from sanctionwatch.law.regime import (
    CATEGORIES,
    ITEM_MATCHES,
    KINDS,
    STATUSES,
    Condition,
    Regime,
    normalise_item_text,
)

# Stable error codes: tests and callers key on them.
UNREADABLE_PACK = "E310"
MISSING_FIELD = "E311"
UNKNOWN_STATUS = "E312"
DUPLICATE_ID = "E313"
UNVERIFIED_WITH_PARAGRAPH = "E314"
UNVERIFIED_ID_WITH_PARAGRAPH = "E315"
UNKNOWN_CLAIM_TYPE = "E316"
BAD_CONDITION = "E317"
UNKNOWN_CATEGORY = "E318"
VERIFIED_WITHOUT_PARAGRAPH = "E319"

REGIME_ERROR_CODES: dict[str, str] = {
    UNREADABLE_PACK: "the regime file cannot be read or is not a YAML mapping",
    MISSING_FIELD: "a required field is missing, has the wrong type, or a field is unknown",
    UNKNOWN_STATUS: "a provision status is not verified, verified_xref, partial or unverified",
    DUPLICATE_ID: "two provisions share an id",
    UNVERIFIED_WITH_PARAGRAPH: "an unverified provision gives a paragraph number",
    UNVERIFIED_ID_WITH_PARAGRAPH: "a provision whose id says UNVERIFIED gives a paragraph number",
    UNKNOWN_CLAIM_TYPE: "a condition names a claim type that does not exist",
    BAD_CONDITION: "a condition has an unknown field, a bad value or a duplicate id",
    UNKNOWN_CATEGORY: "a provision category is not one of the known categories",
    VERIFIED_WITHOUT_PARAGRAPH: "a verified or partial provision has no paragraph number",
}

_TOP_FIELDS = {"regime", "version", "name", "resolutions", "provisions"}
_REQUIRED = ("id", "resolution", "adopted", "category", "status", "summary")
_OPTIONAL = (
    "paragraph",
    "applies_to",
    "deadline",
    "source",
    "unverified_paragraph_guess",
    "notes",
    "conditions",
    "breach_from",
)
_CONDITION_FIELDS = {
    "id",
    "claim_type",
    "reason",
    "kind",
    "source",
    "target",
    "party",
    "item_keywords",
    "item_match",
    "exclude_keywords",
    "item_categories",
    "exclude_categories",
    "catch_all",
    "sentence_keywords",
}
_CODE = re.compile(r"^[A-Z]{2}$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CLAIM_TYPES = {t.value for t in ClaimType}


def load_regime(path: str | Path | None = None) -> Regime:
    """Load a regime pack; without ``path``, the packaged UN 1718 pack (cached)."""
    if path is None:
        return _load_default()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read regime file {path}: {exc}", code=UNREADABLE_PACK) from exc
    return parse_regime(text, origin=str(path))


@functools.lru_cache(maxsize=1)
def _load_default() -> Regime:
    # Read through importlib.resources so an installed wheel works like the source tree.
    text = resources.files("sanctionwatch.law").joinpath("regimes/un1718.yaml").read_text("utf-8")
    return parse_regime(text, origin="sanctionwatch/law/regimes/un1718.yaml")


def parse_regime(text: str, *, origin: str = "<string>") -> Regime:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{origin}: not valid YAML: {exc}", code=UNREADABLE_PACK) from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: top level must be a mapping", code=UNREADABLE_PACK)
    unknown = sorted(set(data) - _TOP_FIELDS)
    if unknown:
        raise ConfigError(f"{origin}: unknown top-level field(s) {unknown}", code=MISSING_FIELD)
    regime_id = _string(data, "regime", where=origin)
    rows = data.get("provisions")
    if not isinstance(rows, list) or not rows:
        raise ConfigError(f"{origin}: 'provisions' must be a non-empty list", code=MISSING_FIELD)
    provisions: list[Provision] = []
    conditions: dict[str, tuple[Condition, ...]] = {}
    breach_from: dict[str, str] = {}
    for index, row in enumerate(rows):
        label = row.get("id") if isinstance(row, dict) else None
        where = f"{origin}: provision {label if isinstance(label, str) else index}"
        provision = _read_provision(row, regime_id=regime_id, where=where)
        if provision.id in conditions:
            raise ConfigError(
                f"{origin}: duplicate provision id {provision.id!r}", code=DUPLICATE_ID
            )
        conditions[provision.id] = _read_conditions(row, where=f"{origin}: {provision.id}")
        deadline_day = _optional_string(row, "breach_from", where=where)
        if deadline_day is not None:
            if not _ISO_DAY.match(deadline_day):
                raise ConfigError(f"{where}: breach_from must be YYYY-MM-DD", code=MISSING_FIELD)
            breach_from[provision.id] = deadline_day
        provisions.append(provision)
    return Regime(
        id=regime_id,
        name=_string(data, "name", where=origin),
        version=_string(data, "version", where=origin),
        provisions=tuple(provisions),
        conditions=conditions,
        breach_from=breach_from,
    )


def _read_provision(row: object, *, regime_id: str, where: str) -> Provision:
    if not isinstance(row, dict):
        raise ConfigError(f"{where}: must be a mapping", code=MISSING_FIELD)
    unknown = sorted(set(row) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {unknown}", code=MISSING_FIELD)
    values = {key: _string(row, key, where=where) for key in _REQUIRED}
    optional = {key: _optional_string(row, key, where=where) for key in _OPTIONAL[:5]}
    pid, status, paragraph = values["id"], values["status"], optional["paragraph"]
    if status not in STATUSES:
        allowed = ", ".join(sorted(STATUSES))
        raise ConfigError(f"{where}: unknown status {status!r} ({allowed})", code=UNKNOWN_STATUS)
    if values["category"] not in CATEGORIES:
        raise ConfigError(
            f"{where}: unknown category {values['category']!r}", code=UNKNOWN_CATEGORY
        )
    # A guessed number must never look like a fact: unverified means no paragraph at all.
    if "UNVERIFIED" in pid and paragraph is not None:
        raise ConfigError(
            f"{where}: id says UNVERIFIED but paragraph is {paragraph!r}; put a guess in "
            "unverified_paragraph_guess",
            code=UNVERIFIED_ID_WITH_PARAGRAPH,
        )
    if status == "unverified" and paragraph is not None:
        raise ConfigError(
            f"{where}: status unverified but paragraph is {paragraph!r}; put a guess in "
            "unverified_paragraph_guess",
            code=UNVERIFIED_WITH_PARAGRAPH,
        )
    if status != "unverified" and paragraph is None:
        raise ConfigError(
            f"{where}: status {status} needs a paragraph", code=VERIFIED_WITHOUT_PARAGRAPH
        )
    return Provision(
        id=pid,
        regime=regime_id,
        resolution=values["resolution"],
        paragraph=paragraph,
        adopted=values["adopted"],
        category=values["category"],
        status=status,
        summary=values["summary"].strip(),
        applies_to=optional["applies_to"],
        deadline=optional["deadline"],
        source=optional["source"],
        unverified_paragraph_guess=optional["unverified_paragraph_guess"],
    )


def _read_conditions(row: dict[str, Any], *, where: str) -> tuple[Condition, ...]:
    raw = row.get("conditions") or []
    if not isinstance(raw, list):
        raise ConfigError(f"{where}: 'conditions' must be a list", code=BAD_CONDITION)
    seen: set[str] = set()
    out = []
    for entry in raw:
        condition = _read_condition(entry, where=where)
        if condition.id in seen:
            raise ConfigError(
                f"{where}: duplicate condition id {condition.id!r}", code=BAD_CONDITION
            )
        seen.add(condition.id)
        out.append(condition)
    return tuple(out)


def _read_condition(entry: object, *, where: str) -> Condition:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: each condition must be a mapping", code=BAD_CONDITION)
    cid = entry.get("id")
    if not isinstance(cid, str) or not cid:
        raise ConfigError(f"{where}: a condition has no id", code=BAD_CONDITION)
    where = f"{where}, condition {cid}"
    unknown = sorted(set(entry) - _CONDITION_FIELDS)
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {unknown}", code=BAD_CONDITION)
    claim_type = entry.get("claim_type")
    if claim_type not in _CLAIM_TYPES:
        raise ConfigError(f"{where}: unknown claim type {claim_type!r}", code=UNKNOWN_CLAIM_TYPE)
    reason = entry.get("reason")
    kind = entry.get("kind", "violation")
    item_match = entry.get("item_match", "required")
    if not isinstance(reason, str) or not reason.strip():
        raise ConfigError(f"{where}: needs a reason", code=BAD_CONDITION)
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind must be violation or indicator", code=BAD_CONDITION)
    if item_match not in ITEM_MATCHES:
        raise ConfigError(f"{where}: item_match must be required or optional", code=BAD_CONDITION)
    keywords = _keywords(entry, "item_keywords", where=where)
    categories = _categories(entry, "item_categories", where=where)
    excluded = _categories(entry, "exclude_categories", where=where)
    catch_all = entry.get("catch_all", False)
    if not isinstance(catch_all, bool):
        raise ConfigError(f"{where}: catch_all must be true or false", code=BAD_CONDITION)
    if item_match == "optional" and not keywords and not categories:
        raise ConfigError(f"{where}: item_match optional needs item_keywords", code=BAD_CONDITION)
    return Condition(
        id=cid,
        claim_type=ClaimType(claim_type),
        reason=reason.strip(),
        kind=kind,
        source=_codes(entry, "source", where=where),
        target=_codes(entry, "target", where=where),
        party=_codes(entry, "party", where=where),
        item_keywords=keywords,
        item_match=item_match,
        exclude_keywords=_keywords(entry, "exclude_keywords", where=where),
        item_categories=categories,
        exclude_categories=excluded,
        catch_all=catch_all,
        sentence_keywords=_keywords(entry, "sentence_keywords", where=where),
    )


def _categories(entry: dict[str, Any], key: str, *, where: str) -> frozenset[str]:
    value = entry.get(key) or []
    known = load_item_categories()
    if not isinstance(value, list) or not all(isinstance(v, str) and v in known for v in value):
        raise ConfigError(
            f"{where}: {key} must name categories in law/data/items.yaml, got {value!r}",
            code=BAD_CONDITION,
        )
    return frozenset(value)


def _codes(entry: dict[str, Any], key: str, *, where: str) -> frozenset[str]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and _CODE.match(v) for v in value):
        raise ConfigError(
            f"{where}: {key} must be a list of two-letter codes, got {value!r}", code=BAD_CONDITION
        )
    return frozenset(value)


def _keywords(entry: dict[str, Any], key: str, *, where: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: {key} must be a list of words", code=BAD_CONDITION)
    return tuple(normalise_item_text(v) for v in value)


def _string(row: dict[str, Any], key: str, *, where: str) -> str:
    value = _coerce(row.get(key))
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: missing or empty field {key!r}", code=MISSING_FIELD)
    return value


def _optional_string(row: dict[str, Any], key: str, *, where: str) -> str | None:
    value = _coerce(row.get(key))
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"{where}: field {key!r} must be a string", code=MISSING_FIELD)
    return value


def _coerce(value: object) -> object:
    # Hand-edited YAML turns 2017-12-22 into a date and 2397 into an int; both mean the text.
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value
