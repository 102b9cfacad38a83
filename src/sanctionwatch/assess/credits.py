"""What a document says about who published and wrote it, when its outlet field is empty.

A story that lost its metadata usually still carries it in the text: a wire credit in the
dateline ("SEOUL, May 3 (Yonhap) --", "(Reuters) -"), a byline ("By Jane Doe, Associated
Press"), a copyright line, an outlet after the headline's bar ("... | The Korea Herald"),
or an author with an affiliation (a columnist's name above the text and "Professor of
... University" below it). ``read_credits`` finds these; the outlet registry decides what
each credit names (``OutletRegistry.publisher``).

Only the opening and closing lines are read: a credit elsewhere is a citation, not a
masthead ("KCNA said" in the fourth paragraph names a source, not the publisher).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

LEAD_LINES = 6
TAIL_LINES = 3
_LINE_MAX = 160

_NAME_WORD = r"[A-Z][\w’'.-]*"
# "SEOUL, Sept. 2 (Reuters) -", "Pyongyang, June 5 (KCNA) --", "(AP) —"
_DATELINE_CREDIT = re.compile(
    r"^\W{0,3}(?P<place>[A-Z][\w .,’'-]{0,60}?)?\s*\((?P<credit>[A-Z][\w&.’' -]{1,40})\)\s*"
    r"(?:-{1,2}|–|—|:)"
)
# "SEOUL", "SEOUL, South Korea —", "WASHINGTON --": a place in capitals opening the story.
_BARE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .’'-]{2,30})(?:,\s*[\w .]{2,30})?\s*(?:-{1,2}|–|—)?\s*$"
)
_BYLINE = re.compile(
    rf"^By\s+(?P<author>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|and|&))*?)"
    r"(?:\s*(?:,|\||/|–|—|-)\s*(?P<outlet>[A-Z][\w&.’' -]{1,50}))?\s*$",
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<credit>[A-Z][\w&.’' -]{1,50}?)(?:[.,]|\s+all rights|$)",
    re.IGNORECASE,
)
_TITLE_SUFFIX = re.compile(r"\s(?:\||–|—|-)\s(?P<credit>[^|–—]{2,50})$")
# A name above the text: two to four capitalised words, nothing else ("RI MIN Ryong").
_NAME_LINE = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}$")
# An affiliation closing the text, or "Jane Doe is a professor at ...".
_ROLE_WORDS = (
    r"professor|lecturer|researcher|research fellow|fellow|scholar|analyst|director|"
    r"economist|expert|editor|correspondent|reporter|journalist|columnist|"
    r"university|institute|ambassador|minister|official|chairman|president"
)
_AFFILIATION_LINE = re.compile(
    rf"^(?:an?\s+|the\s+)?[\w ,.’'-]{{0,40}}\b(?:{_ROLE_WORDS})\b[^.!?]*$", re.I
)
_IS_A_ROLE = re.compile(
    rf"^(?P<author>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s+is\s+(?P<role>(?:an?|the)\s+[^.]*?\b(?:{_ROLE_WORDS})\b[^.]*)\.?$",
)
_NOT_A_PUBLISHER = re.compile(r"\b(file|photo|pool|getty|image|graphic)\b", re.I)


@dataclass(frozen=True, slots=True)
class Credit:
    """An outlet the document names as its publisher, and where it says so."""

    name: str
    where: str


@dataclass(frozen=True, slots=True)
class Byline:
    """The author the document names, with the affiliation it gives, if any."""

    author: str
    role: str | None
    where: str

    @property
    def described(self) -> str:
        return f"{self.author} ({self.role})" if self.role else self.author


@dataclass(frozen=True, slots=True)
class Credits:
    credits: tuple[Credit, ...] = ()
    byline: Byline | None = None
    dateline: str | None = None


def read_credits(
    text: str, *, title: str | None = None, meta: Mapping[str, str] | None = None
) -> Credits:
    """Credits, byline and dateline from the opening and closing lines, the title and meta."""
    lines = [" ".join(line.split()) for line in text.strip().split("\n")]
    lines = [line for line in lines if line]
    lead, tail = lines[:LEAD_LINES], lines[max(1, len(lines) - TAIL_LINES) :]
    credits: list[Credit] = []
    byline: Byline | None = None
    dateline: str | None = None
    for line in lead:
        if len(line) > _LINE_MAX * 3:
            line = line[: _LINE_MAX * 3]
        found = _DATELINE_CREDIT.match(line)
        if found and not _NOT_A_PUBLISHER.search(found.group("credit")):
            credits.append(Credit(found.group("credit").strip(), "the dateline's credit"))
            dateline = dateline or (found.group("place") or "").strip(" ,") or None
            continue
        if len(line) > _LINE_MAX:
            continue
        bare = _BARE_DATELINE.match(line)
        if bare and dateline is None and line != title:
            dateline = line.strip(" -–—")
            continue
        by = _BYLINE.match(line)
        if by and byline is None:
            byline = Byline(by.group("author"), None, "the byline")
            if by.group("outlet"):
                credits.append(Credit(by.group("outlet").strip(), "the byline"))
    for line in tail:
        found = _COPYRIGHT.search(line) if len(line) <= _LINE_MAX else None
        if found:
            credits.append(Credit(found.group("credit").strip(), "the copyright line"))
    if title and (suffix := _TITLE_SUFFIX.search(title)):
        credits.append(Credit(suffix.group("credit").strip(), "the title"))
    if meta and meta.get("hostname"):
        credits.append(Credit(meta["hostname"], "the page's host name"))
    if byline is None:
        byline = _author_of(lines, title=title, meta=meta)
    elif byline.role is None:
        role = _closing_role(lines)
        byline = Byline(byline.author, role, byline.where) if role else byline
    return Credits(tuple(dict.fromkeys(credits)), byline, dateline)


def _author_of(
    lines: list[str], *, title: str | None, meta: Mapping[str, str] | None
) -> Byline | None:
    if meta and meta.get("author"):
        return Byline(meta["author"], _closing_role(lines), "the page's author field")
    for line in lines[-TAIL_LINES:]:
        found = _IS_A_ROLE.match(line)
        if found:
            return Byline(found.group("author"), found.group("role"), "the author's note")
    # A name alone above the text, with an affiliation closing it: a columnist's piece.
    first = lines[0] if lines else ""
    role = _closing_role(lines)
    if role and _NAME_LINE.match(first) and len(lines) > 2:
        return Byline(first, role, "a name above the text with an affiliation below it")
    return None


def _closing_role(lines: list[str]) -> str | None:
    last = lines[-1] if len(lines) > 2 else ""
    if len(last) <= 100 and _AFFILIATION_LINE.match(last) and not last.endswith((".", "”", '"')):
        return last
    return None


NO_CREDITS = Credits()
