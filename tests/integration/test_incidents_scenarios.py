"""Multi-source scenarios through the whole pipeline: ingest, syndication, extraction,
clustering, origins, figures and grades. The articles were written for these tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch import store as st
from sanctionwatch.services import ingest_sources, list_incident_views

WIRE_STORY = (
    "North Korea shipped artillery shells to Russia in August 2023, South Korean officials "
    "said on Tuesday. The officials said the cargo left the port of Rajin on a Russian-flagged "
    "freighter and was unloaded at a military pier south of Vladivostok. Satellite pictures "
    "taken by a commercial provider showed rows of containers stacked on the quay a week "
    "later. Seoul has raised the matter with Washington and Tokyo, the officials added, and "
    "expects more deliveries before the winter."
)
WIRE_OUTLETS = {
    "Yonhap": "",
    "The Korea Herald": "Republished from our partner agency. ",
    "Daily Mail": "From the wires. ",
    "Seoul Morning Digest": "Top story this morning. ",
    "Asia Wire Review": "Reprinted with permission. ",
}

INDEPENDENT_AND_DENIAL = [
    (
        "Reuters",
        "2023-10-05",
        "North Korea delivered a large shipment of artillery shells to Russia in September "
        "2023. The train crossed the Tumen river bridge at night and was met by Russian army "
        "lorries on the other side. Loading took most of the following day, according to "
        "people who watched the yard.",
    ),
    (
        "BBC",
        "2023-10-07",
        "Pyongyang sent artillery ammunition to Moscow by rail in September 2023. Residents of "
        "border villages described long freight trains with covered wagons moving north over "
        "several nights, and soldiers guarding the crossing.",
    ),
    (
        "TASS",
        "2023-10-08",
        "The Kremlin denied that North Korea had supplied artillery shells to Russia. A "
        "spokesman told reporters in Moscow that the accusations were a provocation and that "
        "cooperation between the two neighbours broke no international obligation.",
    ),
]

THREE_FIGURES = [
    (
        "Reuters",
        "2023-10-02",
        "North Korea shipped 1 million artillery shells to Russia in September 2023. The "
        "shells were loaded onto cargo ships at Rajin and crossed to a port near Vladivostok "
        "over several weeks, according to shipping records reviewed by the agency.",
    ),
    (
        "Yonhap",
        "2023-10-03",
        "North Korea sent 2 million artillery shells to Russia in September 2023, officials in "
        "Seoul said. The officials did not explain how they had counted the shells, and said "
        "the transfers were continuing through the autumn.",
    ),
    (
        "Frontline Notes",
        "2023-10-04",
        "North Korea allegedly shipped 5 million artillery shells to Russia in September 2023. "
        "Nobody outside the two governments has confirmed that number, and several analysts "
        "think it far too high for the rail and port capacity available.",
    ),
]


def _ingest(tmp_path: Path, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with st.open_store(f"sqlite:///{tmp_path / 'scenario.db'}") as store:
        ingest_sources(store, [path])
        return [v.to_dict() for v in list_incident_views(store, type="arms_transfer")]


def _rows(articles: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    return [
        {"id": f"a{i}", "title": f"Report {i}", "outlet": outlet, "published": day, "text": text}
        for i, (outlet, day, text) in enumerate(articles)
    ]


@pytest.mark.integration
def test_incidents_wire_story_in_five_outlets_is_one_origin(tmp_path: Path) -> None:
    rows = [
        {
            "id": f"w{i}",
            "title": "Shells to Russia",
            "outlet": outlet,
            "published": "2023-09-05",
            "text": f"{lead}{WIRE_STORY} ({outlet})",
        }
        for i, (outlet, lead) in enumerate(WIRE_OUTLETS.items())
    ]
    (incident,) = _ingest(tmp_path, rows)
    assert (incident["source"], incident["target"]) == (["KP"], ["RU"])
    assert incident["time_label"] == "2023-08 (month)"
    assert len(incident["claims"]) == 5
    assert (incident["origin_count"], incident["conduit_count"]) == (1, 5)
    (origin,) = incident["origins"]
    assert {c["outlet"] for c in origin["conduits"]} == set(WIRE_OUTLETS)
    assessment = incident["assessment"]
    assert assessment["code"] == "B3"
    reasons = " | ".join(assessment["reasons"])
    assert "5 supporting documents reduce to 1 independent origin" in reasons
    assert "stated as fact by one origin only" in reasons


@pytest.mark.integration
def test_incidents_two_independent_outlets_and_a_denial(tmp_path: Path) -> None:
    (incident,) = _ingest(tmp_path, _rows(INDEPENDENT_AND_DENIAL))
    assert incident["origin_count"] == 2
    assert sorted(o["label"] for o in incident["origins"] if o["role"] == "support") == [
        "BBC",
        "Reuters",
    ]
    (denial,) = incident["contradictions"]
    assert denial["kind"] == "denial" and "Kremlin" in denial["reason"]
    roles = [c["role"] for c in incident["claims"]]
    assert roles.count("support") == 2 and roles.count("contradict") == 1
    assessment = incident["assessment"]
    assert assessment["code"] == "B2"
    assert assessment["likelihood"] == "likely"
    reasons = " | ".join(assessment["reasons"])
    assert "stated as fact by 2 independent origins (BBC; Reuters)" in reasons
    assert "denied by an involved party" in reasons


@pytest.mark.integration
def test_incidents_three_figures_for_one_shipment(tmp_path: Path) -> None:
    (incident,) = _ingest(tmp_path, _rows(THREE_FIGURES))
    figures = [(f["low"], f["reported_by"], f["stated_as_fact"]) for f in incident["figures"]]
    assert figures == [
        (1e6, ["Reuters"], True),
        (2e6, ["Yonhap"], True),
        (5e6, ["Frontline Notes"], False),
    ]
    assert incident["estimate"]["value"] == 1e6
    assert "lowest well-supported figure" in incident["estimate"]["basis"]
    (dispute,) = incident["contradictions"]
    assert dispute["kind"] == "figure" and len(dispute["claim_ids"]) == 3
    assert incident["origin_count"] == 3
    assert incident["assessment"]["code"] == "B1"
