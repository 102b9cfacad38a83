"""An in-memory screening index over loaded lists: block on cheap keys, then score.

Every entry name is analysed once, at build time. A query is analysed once and looks up
candidates by keys that spelling variants share: folded tokens and their first three
letters, Korean family-name and syllable sound classes (so "김정은", "Kim Jong-un" and
"KIM, Jung Eun" meet), and — for Hangul organisation names, which share no letters with
their English names — every organisation. Only the candidates are scored in full.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sanctionwatch.resolve.korean import has_hangul
from sanctionwatch.resolve.lists import ListEntry, SanctionsList
from sanctionwatch.resolve.matcher import (
    DEFAULT_THRESHOLD,
    EntryForms,
    MatchResult,
    Query,
    entry_forms,
    mark_ambiguous,
    score_entry,
)
from sanctionwatch.resolve.names import NameForm, analyse_name, check_name


def name_keys(form: NameForm) -> set[str]:
    keys: set[str] = set()
    for token in form.folded:
        if len(token) >= 2 and not token.startswith("#"):
            keys.add(f"t:{token}")
            keys.add(f"p:{token[:3]}")
    for reading in form.korean:
        keys.add("k:" + "|".join("".join(s.key) for s in reading.family))
        for syllable in reading.given:
            keys.update(f"s:{k[0]}{k[1]}" for k in syllable.keys)
    if form.is_org and has_hangul(form.original):
        keys.add("hangul-org")
    return keys


@dataclass(frozen=True)
class ListInfo:
    name: str
    version: str
    list_date: str | None
    entries: int


class ScreeningIndex:
    """Screen names against every loaded list; build once, query many times."""

    def __init__(self, lists: Iterable[SanctionsList]) -> None:
        self.lists: list[ListInfo] = []
        self.entries: list[EntryForms] = []
        self._keys: dict[str, list[int]] = defaultdict(list)
        self._orgs: list[int] = []
        for sanctions_list in lists:
            self.lists.append(
                ListInfo(
                    sanctions_list.name,
                    sanctions_list.version,
                    sanctions_list.list_date,
                    len(sanctions_list.entries),
                )
            )
            for entry in sanctions_list.entries:
                self._add(entry)

    def _add(self, entry: ListEntry) -> None:
        position = len(self.entries)
        forms = entry_forms(entry)
        self.entries.append(forms)
        if not entry.is_person:
            self._orgs.append(position)
        keys: set[str] = set()
        for form, _ in forms.forms:
            keys |= name_keys(form)
        for key in keys:
            self._keys[key].append(position)

    def __len__(self) -> int:
        return len(self.entries)

    def candidates(self, query_forms: list[NameForm], *, datasets: set[str] | None) -> list[int]:
        found: set[int] = set()
        for form in query_forms:
            keys = name_keys(form)
            if "hangul-org" in keys or (form.is_org and has_hangul(form.original)):
                found.update(self._orgs)
            if form.is_org is False and has_hangul(form.original) and not form.korean:
                found.update(range(len(self.entries)))
            # Keys most entries share ("kim") find nothing the rarer keys would not.
            common = max(20, len(self.entries) // 12)
            postings = [self._keys.get(key, []) for key in keys]
            rare = [p for p in postings if 0 < len(p) <= common]
            for posting in rare or postings:
                found.update(posting)
        out = sorted(found)
        if datasets is not None:
            out = [i for i in out if self.entries[i].entry.list_name in datasets]
        return out

    def screen(
        self,
        query: Query,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 5,
        datasets: set[str] | None = None,
    ) -> list[MatchResult]:
        """The best ``limit`` entries for ``query``, best first, each explained."""
        names = [check_name(n) for n in query.names]
        query_forms = [analyse_name(n, is_org=query.is_org) for n in names]
        results = []
        for position in self.candidates(query_forms, datasets=datasets):
            forms = self.entries[position]
            if not _schema_fits(query.schema, forms.entry):
                continue
            results.append(score_entry(query, query_forms, forms, threshold=threshold))
        mark_ambiguous(results, threshold=threshold)
        results.sort(key=lambda r: (-r.score, r.entry.id))
        return results[:limit]


def _schema_fits(schema: str, entry: ListEntry) -> bool:
    if schema in {"Thing", "LegalEntity"}:
        return True
    if schema == "Person":
        return entry.is_person
    return not entry.is_person
