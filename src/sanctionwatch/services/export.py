"""Export entities and incidents as FollowTheMoney JSON lines (``sanctionwatch export``).

* each state actor of an incident becomes a ``PublicBody`` (id ``sw-state-KP``) with its
  country; each knowledge-base organisation or person a ``Organization``/``Person``;
* each incident becomes an ``Event`` with its dates, the actors as ``involved``, a summary
  with type, quantity, provisions and grade, and the URLs of its sources.

Entities are built and validated with the ``followthemoney`` model, so any FtM tool
(nomenklatura, yente, Aleph) reads the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from sanctionwatch import store as st
from sanctionwatch.domain import Incident
from sanctionwatch.resolve.gazetteer import load_gazetteer
from sanctionwatch.resolve.knowledge import load_kb

DATASET = "sanctionwatch"


def state_entity(code: str) -> EntityProxy:
    proxy = model.make_entity("PublicBody")
    proxy.id = f"sw-state-{code}"
    proxy.add("name", load_gazetteer().labels.get(code, code))
    proxy.add("jurisdiction", code.lower(), quiet=True)
    return proxy


def incident_entity(incident: Incident, *, urls: list[str]) -> EntityProxy:
    proxy = model.make_entity("Event")
    proxy.id = f"sw-{incident.id}"
    actors = "→".join(["+".join(incident.sources) or "?", "+".join(incident.targets) or "?"])
    proxy.add("name", f"{incident.type.value} {actors}")
    if incident.time_start:
        proxy.add("startDate", incident.time_start)
    if incident.time_end:
        proxy.add("endDate", incident.time_end)
    for code in (*incident.sources, *incident.targets):
        proxy.add("involved", f"sw-state-{code}")
        proxy.add("country", code.lower(), quiet=True)
    summary = [f"type: {incident.type.value}"]
    if incident.quantity_low is not None or incident.quantity_high is not None:
        summary.append(
            f"quantity: {incident.quantity_low}–{incident.quantity_high} {incident.quantity_unit or ''}".strip()
        )
    if incident.provisions:
        summary.append("provisions: " + ", ".join(p.provision_id for p in incident.provisions))
    if incident.assessment:
        summary.append(f"grade: {incident.assessment.code}")
    proxy.add("summary", "; ".join(summary))
    for url in urls:
        proxy.add("sourceUrl", url, quiet=True)
    return proxy


def kb_entities() -> Iterator[EntityProxy]:
    for entity in load_kb().entities:
        schema = "Person" if entity.kind == "person" else "Organization"
        proxy = model.make_entity(schema)
        proxy.id = f"sw-kb-{entity.id}"
        proxy.add("name", entity.names[0])
        proxy.add("alias", list(entity.names[1:]))
        if entity.country:
            proxy.add("country", entity.country.lower(), quiet=True)
        if entity.role:
            proxy.add("position" if schema == "Person" else "description", entity.role)
        yield proxy


def iter_ftm(store: st.Store) -> Iterator[EntityProxy]:
    incidents = st.list_incidents(store)
    codes = sorted({c for i in incidents for c in (*i.sources, *i.targets)})
    for code in codes:
        yield state_entity(code)
    yield from kb_entities()
    for incident in incidents:
        claims = st.claims_for_incident(store, incident.id)
        urls = []
        for doc_id in sorted({c.document_id for _, c in claims}):
            url = st.get_document(store, doc_id).url
            if url:
                urls.append(url)
        yield incident_entity(incident, urls=urls)


def export_ftm(store: st.Store, out: TextIO) -> int:
    """Write every entity as one JSON line; returns how many."""
    count = 0
    for proxy in iter_ftm(store):
        data = proxy.to_dict()
        data["datasets"] = [DATASET]
        out.write(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count
