"""Use case: the entities the reporting names, with their names, designations and incidents.

Two kinds of entity have pages:

* states, by ISO 3166 code (``KP``): every form the gazetteer knows (name, demonym,
  capital, metonym, people who speak for it), and the incidents where the state is a
  source or target;
* people and organisations of the knowledge base, by slug (``choe-son-hui``): names in
  every script, the UN (or other loaded) list entries they match — with the list's own
  names, often in more scripts — and the incidents whose evidence sentences name them.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from typing import Any

from sanctionwatch import store as st
from sanctionwatch.domain.codec import incident_to_dict
from sanctionwatch.domain.errors import ConfigError, InputError, NotFoundError
from sanctionwatch.resolve.gazetteer import KINDS, state_entries
from sanctionwatch.resolve.knowledge import KbEntity, load_kb
from sanctionwatch.resolve.linker import link_mentions


def script_of(name: str) -> str:
    """The script of the first letter: Latin, Hangul, Cyrillic, Han, ..."""
    for char in name:
        if char.isalpha():
            label = unicodedata.name(char, "")
            if label.startswith("CJK"):
                return "Han"
            return label.split(" ")[0].title() if label else "Other"
    return "Other"


def names_by_script(names: list[str] | tuple[str, ...]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for name in names:
        if name not in grouped[script_of(name)]:
            grouped[script_of(name)].append(name)
    return dict(grouped)


def _incident_rows(store: st.Store) -> list[dict[str, Any]]:
    return [incident_to_dict(i) for i in st.list_incidents(store)]


def _kb_mentions(store: st.Store, incidents: list[dict[str, Any]]) -> dict[str, set[str]]:
    """KB entity id -> ids of incidents whose evidence sentences name it."""
    ids = [
        c for i in incidents for c in (*i["supporting_claim_ids"], *i["contradicting_claim_ids"])
    ]
    claims = {c.id: c for c in st.list_claims(store, ids=ids)}
    named: dict[str, set[str]] = defaultdict(set)
    cache: dict[str, set[str]] = {}
    for incident in incidents:
        for claim_id in (*incident["supporting_claim_ids"], *incident["contradicting_claim_ids"]):
            claim = claims.get(claim_id)
            if claim is None:
                continue
            sentence = claim.evidence.text
            if sentence not in cache:
                cache[sentence] = {
                    m.entity_id[3:]
                    for m in link_mentions(sentence)
                    if m.entity_id and m.entity_id.startswith("kb:")
                }
            for entity_id in cache[sentence]:
                named[entity_id].add(incident["id"])
    return named


def _state_summary(code: str, count: int) -> dict[str, Any]:
    label = (state_entries().get(code) or {}).get("label", code)
    return {"id": code, "kind": "state", "name": label, "country": code, "incidents": count}


def _kb_summary(entity: KbEntity, count: int) -> dict[str, Any]:
    return {
        "id": entity.id,
        "kind": entity.kind,
        "name": entity.names[0],
        "country": entity.country,
        "role": entity.role,
        "incidents": count,
    }


def list_entities(store: st.Store, *, kind: str | None = None) -> list[dict[str, Any]]:
    """States that take part in incidents, then every knowledge-base entity; busiest first."""
    incidents = _incident_rows(store)
    states: dict[str, int] = defaultdict(int)
    for incident in incidents:
        for code in {*incident["source"], *incident["target"]}:
            states[code] += 1
    mentions = _kb_mentions(store, incidents)
    rows = [_state_summary(code, n) for code, n in states.items()]
    rows += [_kb_summary(e, len(mentions.get(e.id, ()))) for e in load_kb().entities]
    if kind is not None:
        rows = [row for row in rows if row["kind"] == kind]
    return sorted(rows, key=lambda r: (r["kind"] != "state", -r["incidents"], r["name"]))


def entity_detail(store: st.Store, entity_id: str) -> dict[str, Any]:
    """One entity: names by script, designations (when a list is loaded), incidents."""
    incidents = _incident_rows(store)
    code = entity_id.upper()
    if len(entity_id) == 2 and code in state_entries():
        involved = [i for i in incidents if code in (*i["source"], *i["target"])]
        forms = state_entries()[code]
        data = _state_summary(code, len(involved))
        data["forms"] = {kind: list(forms.get(kind) or []) for kind in KINDS}
        names = [data["name"], *(forms.get("name") or [])]
        data["names"] = names_by_script(names)
        data["designations"] = []
        data["lists_loaded"] = None
        data["incident_list"] = [_incident_brief(i, code) for i in involved]
        return data
    entity = load_kb().get(entity_id)
    if entity is None:
        raise NotFoundError(f"no entity {entity_id!r} (states by ISO code, others by slug)")
    ids = _kb_mentions(store, incidents).get(entity.id, set())
    involved = [i for i in incidents if i["id"] in ids]
    data = _kb_summary(entity, len(involved))
    designations, list_names, loaded = _designations(entity)
    data["names"] = names_by_script([*entity.names, *list_names])
    data["designations"] = designations
    data["lists_loaded"] = loaded
    data["incident_list"] = [_incident_brief(i, None) for i in involved]
    return data


def _incident_brief(incident: dict[str, Any], code: str | None) -> dict[str, Any]:
    role = None
    if code is not None:
        role = "source" if code in incident["source"] else "target"
    assessment = incident.get("assessment") or {}
    return {
        "id": incident["id"],
        "type": incident["type"],
        "source": incident["source"],
        "target": incident["target"],
        "time_start": incident.get("time_start"),
        "time_end": incident.get("time_end"),
        "grade": assessment.get("code"),
        "role": role,
    }


def _designations(entity: KbEntity) -> tuple[list[dict[str, Any]], list[str], bool]:
    """List entries the entity matches, and their names; ``False`` when no list is loaded."""
    from sanctionwatch.services import screening

    try:
        rows = screening.entity_listings(entity)
    except ConfigError:
        return [], [], False
    except InputError:
        return [], [], True
    names = [name for row in rows for name in row.pop("names")]
    return rows, names, True
