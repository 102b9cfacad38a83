"""Sanctions lists as data: the UN consolidated list XML and FollowTheMoney JSON lines.

``parse_list(data, name=...)`` reads either format into a ``SanctionsList`` of
``ListEntry`` — every name with its quality (primary, good and low-quality aliases,
original script), birth dates, nationalities, documents, designations, reference number
and listing date. It is all or nothing: a malformed file raises ``InputError`` (E505) and
yields no entries, so a bad download can never half-replace a list.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from followthemoney import model
from followthemoney.types import registry

from sanctionwatch.domain.errors import InputError

MALFORMED_LIST = "E505"
UNSUPPORTED_LIST = "E506"

PERSON, ORGANIZATION, VESSEL = "Person", "Organization", "Vessel"
# Most specific first: a Person is also a LegalEntity.
_TARGET_SCHEMATA = (PERSON, VESSEL, "Company", "PublicBody", "Organization", "LegalEntity")


@dataclass(frozen=True, slots=True)
class ListName:
    name: str
    quality: str = "primary"
    """primary | good | low | original-script"""


@dataclass(frozen=True, slots=True)
class ListDocument:
    type: str
    number: str
    country: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ListEntry:
    id: str
    list_name: str
    reference: str
    schema: str
    """Person | Organization | Vessel (FollowTheMoney schema names)"""
    names: tuple[ListName, ...]
    birth_dates: tuple[str, ...] = ()
    """ISO dates at any precision: ``1944-10-13``, ``1944-10``, ``1944``."""
    nationalities: tuple[str, ...] = ()
    """ISO 3166 alpha-2, lower case, as FollowTheMoney writes countries."""
    documents: tuple[ListDocument, ...] = ()
    positions: tuple[str, ...] = ()
    listed_on: str | None = None
    programme: str | None = None
    notes: str | None = None

    @property
    def caption(self) -> str:
        return self.names[0].name if self.names else self.reference

    @property
    def is_person(self) -> bool:
        return self.schema == PERSON


@dataclass(frozen=True)
class SanctionsList:
    name: str
    version: str
    """The publisher's date stamp when it has one, else the content hash."""
    list_date: str | None
    format: str
    sha256: str
    entries: tuple[ListEntry, ...] = field(repr=False)


def parse_list(
    data: bytes,
    *,
    name: str | None = None,
    fmt: str | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> SanctionsList:
    """Parse a list file; ``fmt`` is ``un-xml`` or ``ftm-json``, sniffed when not given.
    ``progress("parsing", done, total)`` hears every 10,000 FtM entities."""
    sha = hashlib.sha256(data).hexdigest()
    fmt = fmt or sniff_list_format(data)
    if fmt == "un-xml":
        return _parse_un_xml(data, name=name or "un_sc", sha=sha)
    if fmt == "ftm-json":
        return _parse_ftm(data, name=name, sha=sha, progress=progress)
    raise InputError(f"unsupported list format {fmt!r} (un-xml, ftm-json)", code=UNSUPPORTED_LIST)


def sniff_list_format(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "un-xml"
    if head.startswith((b"{", b"[")):
        return "ftm-json"
    raise InputError(
        "not a sanctions list: expected UN consolidated XML or FollowTheMoney JSON lines",
        code=UNSUPPORTED_LIST,
    )


# --- UN consolidated list ---------------------------------------------------------------


def _text(element: Element | None, tag: str) -> str | None:
    found = element.find(tag) if element is not None else None
    value = (found.text or "").strip() if found is not None else ""
    return " ".join(value.split()) or None


def _values(element: Element, tag: str) -> list[str]:
    out = []
    for child in element.findall(tag):
        for value in child.findall("VALUE") or [child]:
            text = " ".join((value.text or "").split())
            if text:
                out.append(text)
    return out


def _parse_un_xml(data: bytes, *, name: str, sha: str) -> SanctionsList:
    try:
        root = SafeET.fromstring(data)
    except (SafeET.ParseError, DefusedXmlException, ValueError) as error:
        raise InputError(f"malformed list XML: {error}", code=MALFORMED_LIST) from None
    if root.tag != "CONSOLIDATED_LIST":
        raise InputError(
            f"not a UN consolidated list: root element is <{root.tag}>", code=MALFORMED_LIST
        )
    entries = [_un_individual(el, name) for el in root.iter("INDIVIDUAL")]
    entries += [_un_entity(el, name) for el in root.iter("ENTITY")]
    if not entries:
        raise InputError("the list has no INDIVIDUAL or ENTITY entries", code=MALFORMED_LIST)
    _check_unique(entries)
    generated = root.get("dateGenerated")
    return SanctionsList(
        name=name,
        version=generated or sha[:16],
        list_date=generated[:10] if generated else None,
        format="un-xml",
        sha256=sha,
        entries=tuple(entries),
    )


def _un_names(element: Element, alias_tag: str) -> list[ListName]:
    parts = [_text(element, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    primary = " ".join(p for p in parts if p)
    names = [ListName(primary)] if primary else []
    original = _text(element, "NAME_ORIGINAL_SCRIPT")
    if original:
        names.append(ListName(original, "original-script"))
    for alias in element.findall(alias_tag):
        alias_name = _text(alias, "ALIAS_NAME")
        if alias_name and alias_name != primary:
            quality = (_text(alias, "QUALITY") or "").lower()
            names.append(ListName(alias_name, "low" if quality == "low" else "good"))
    return names


def _un_reference(element: Element) -> str:
    reference = _text(element, "REFERENCE_NUMBER") or _text(element, "DATAID")
    if not reference:
        raise InputError("an entry has no REFERENCE_NUMBER or DATAID", code=MALFORMED_LIST)
    return reference


def _countries(values: Iterable[str]) -> tuple[str, ...]:
    out = [registry.country.clean(v) for v in values]
    return tuple(dict.fromkeys(c for c in out if c))


def _un_individual(element: Element, list_name: str) -> ListEntry:
    reference = _un_reference(element)
    names = _un_names(element, "INDIVIDUAL_ALIAS")
    if not names:
        raise InputError(f"entry {reference} has no name", code=MALFORMED_LIST)
    births: list[str] = []
    for dob in element.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        date = _text(dob, "DATE") or _text(dob, "YEAR")
        if date:
            births.append(date[:10])
        low, high = _text(dob, "FROM_YEAR"), _text(dob, "TO_YEAR")
        if low and high and low.isdigit() and high.isdigit() and int(high) - int(low) < 20:
            births += [str(y) for y in range(int(low), int(high) + 1)]
    documents = []
    for doc in element.findall("INDIVIDUAL_DOCUMENT"):
        number = _text(doc, "NUMBER")
        if number:
            country = _text(doc, "ISSUING_COUNTRY") or _text(doc, "COUNTRY_OF_ISSUE")
            documents.append(
                ListDocument(
                    _text(doc, "TYPE_OF_DOCUMENT") or "document",
                    number,
                    registry.country.clean(country) if country else None,
                    _text(doc, "NOTE"),
                )
            )
    return ListEntry(
        id=f"{list_name}-{reference}",
        list_name=list_name,
        reference=reference,
        schema=PERSON,
        names=tuple(names),
        birth_dates=tuple(dict.fromkeys(births)),
        nationalities=_countries(_values(element, "NATIONALITY")),
        documents=tuple(documents),
        positions=tuple(_values(element, "DESIGNATION")),
        listed_on=_text(element, "LISTED_ON"),
        programme=_text(element, "UN_LIST_TYPE"),
        notes=_text(element, "COMMENTS1"),
    )


def _un_entity(element: Element, list_name: str) -> ListEntry:
    reference = _un_reference(element)
    names = _un_names(element, "ENTITY_ALIAS")
    if not names:
        raise InputError(f"entry {reference} has no name", code=MALFORMED_LIST)
    addresses = [_text(a, "COUNTRY") for a in element.findall("ENTITY_ADDRESS")]
    return ListEntry(
        id=f"{list_name}-{reference}",
        list_name=list_name,
        reference=reference,
        schema=ORGANIZATION,
        names=tuple(names),
        nationalities=_countries(a for a in addresses if a),
        listed_on=_text(element, "LISTED_ON"),
        programme=_text(element, "UN_LIST_TYPE"),
        notes=_text(element, "COMMENTS1"),
    )


def _check_unique(entries: list[ListEntry]) -> None:
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise InputError(f"reference {entry.reference} appears twice", code=MALFORMED_LIST)
        seen.add(entry.id)


# --- FollowTheMoney JSON lines ----------------------------------------------------------


def _parse_ftm(
    data: bytes,
    *,
    name: str | None,
    sha: str,
    progress: Callable[[str, int, int], None] | None = None,
) -> SanctionsList:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"list is not UTF-8: {error}", code=MALFORMED_LIST) from None
    records: list[Any] = []
    stripped = text.lstrip()
    try:
        if stripped.startswith("["):
            records = json.loads(stripped)
        else:
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
    except RecursionError:
        raise InputError(
            "malformed FollowTheMoney JSON: nests too deep", code=MALFORMED_LIST
        ) from None
    except ValueError as error:
        raise InputError(f"malformed FollowTheMoney JSON: {error}", code=MALFORMED_LIST) from None
    if not isinstance(records, list):
        raise InputError("malformed FollowTheMoney JSON: not a list", code=MALFORMED_LIST)
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise InputError(
                f"malformed FollowTheMoney JSON: entity {number} is a {type(record).__name__}, "
                "not a JSON object",
                code=MALFORMED_LIST,
            )
    entries: list[ListEntry] = []
    datasets: set[str] = set()
    changes: list[str] = []
    for number, record in enumerate(records, start=1):
        if progress and number % 10_000 == 0:
            progress("parsing", number, len(records))
        entry = _ftm_entry(record, number, name)
        if entry is not None:
            entries.append(entry)
            datasets.update(_strings(record.get("datasets"), f"entity {number} datasets"))
            if record.get("last_change"):
                changes.append(str(record["last_change"]))
    if not entries:
        raise InputError("no Person, Organization or Vessel entities found", code=MALFORMED_LIST)
    list_name = name or (sorted(datasets)[0] if len(datasets) == 1 else "ftm")
    entries = [e if e.list_name == list_name else _renamed(e, list_name) for e in entries]
    _check_unique(entries)
    newest = max(changes) if changes else None
    return SanctionsList(
        name=list_name,
        version=newest or sha[:16],
        list_date=newest[:10] if newest else None,
        format="ftm-json",
        sha256=sha,
        entries=tuple(entries),
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _checked_text(value: str, what: str) -> str:
    # A "\udcff" escape decodes to a lone surrogate, which no page or JSON answer can encode.
    if _SURROGATE.search(value):
        raise InputError(f"{what} holds a lone surrogate, which is not text", code=MALFORMED_LIST)
    return value


def _strings(value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{what} must be a list of strings", code=MALFORMED_LIST)
    return value


def _renamed(entry: ListEntry, list_name: str) -> ListEntry:
    from dataclasses import replace

    return replace(entry, list_name=list_name, id=f"{list_name}-{entry.reference}")


def _ftm_entry(record: dict[str, Any], number: int, name: str | None) -> ListEntry | None:
    schema_name = record.get("schema")
    entity_id = record.get("id")
    props = record.get("properties")
    if not isinstance(schema_name, str) or not isinstance(entity_id, str):
        raise InputError(f"entity {number} has no id or schema", code=MALFORMED_LIST)
    _checked_text(entity_id, f"entity {number} id")
    schema = model.get(schema_name)
    if schema is None:
        raise InputError(
            f"entity {entity_id} has unknown schema {schema_name!r}", code=MALFORMED_LIST
        )
    if not isinstance(props, dict):
        raise InputError(f"entity {entity_id} has no properties", code=MALFORMED_LIST)
    matched = next((s for s in _TARGET_SCHEMATA if schema.is_a(s)), None)
    if matched is None:
        return None

    def values(*keys: str) -> list[str]:
        found = []
        for key in keys:
            given = props.get(key) or []
            for value in given if isinstance(given, list) else [given]:
                if isinstance(value, str | int) and not isinstance(value, bool):
                    found.append(_checked_text(str(value), f"entity {entity_id} {key}"))
        return found

    names = [ListName(n) for n in values("name")]
    names += [ListName(n, "good") for n in values("alias", "previousName")]
    names += [ListName(n, "low") for n in values("weakAlias")]
    if not names:
        return None
    documents = [ListDocument("passport", n) for n in values("passportNumber")]
    documents += [ListDocument("id", n) for n in values("idNumber", "registrationNumber")]
    documents += [ListDocument("imo", n) for n in values("imoNumber")]
    list_name = name or "ftm"
    return ListEntry(
        id=f"{list_name}-{entity_id}",
        list_name=list_name,
        reference=entity_id,
        schema=PERSON if matched == PERSON else VESSEL if matched == VESSEL else ORGANIZATION,
        names=tuple(dict.fromkeys(names)),
        birth_dates=tuple(values("birthDate", "incorporationDate")),
        nationalities=_countries(values("nationality", "citizenship", "country", "jurisdiction")),
        documents=tuple(documents),
        positions=tuple(values("position")),
        listed_on=_first(values("createdAt")),
        programme=_first(values("programId", "program")),
        notes=_first(values("notes")),
    )


def _first(values: list[str]) -> str | None:
    return values[0] if values else None
