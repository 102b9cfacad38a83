"""Corrections through the service: stored beside the claims, followed by incidents and grades,
kept across re-extraction, exported as gold that validates."""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, update

from sanctionwatch import store as st
from sanctionwatch.domain.correction import CorrectionError
from sanctionwatch.services import incident_view, ingest_sources, rebuild_incidents
from sanctionwatch.services.corrections import (
    correct_claim,
    correct_incident,
    correction_statuses,
    export_gold,
)
from sanctionwatch.store import schema
from sanctionwatch.store.corrections import list_corrections

ARMS = """Shells by sea

North Korea shipped 3,000 artillery shells to Russia in October 2023, officials said.
North Korea sent rockets to Russia in 2024, according to analysts.
"""
VALIDATE = Path(__file__).resolve().parents[3] / "shared" / "gold" / "validate.py"


@pytest.fixture
def arms(store: st.Store, tmp_path: Path) -> st.Store:
    path = tmp_path / "arms.txt"
    path.write_text(ARMS, encoding="utf-8")
    ingest_sources(store, [path])
    return store


def _shells(store: st.Store) -> str:
    return next(c.id for c in st.list_claims(store) if "3,000" in c.evidence.text)


def _incident_of(store: st.Store, claim_id: str) -> str:
    top = st.list_incidents(store, relevance=None, episodes=False)
    return next(i.id for i in top if claim_id in i.claim_ids)


def test_corrections_role_is_what_the_incident_and_its_grade_show(arms: st.Store) -> None:
    claim_id = _shells(arms)
    raw = st.get_claim(arms, claim_id)
    correct_claim(
        arms, claim_id, kind="role", data={"role": "target", "codes": ["CN"]}, author="Ana"
    )
    assert st.get_claim(arms, claim_id) == raw  # the machine's output is untouched
    view = incident_view(arms, _incident_of(arms, claim_id)).to_dict()
    assert view["target"] == ["CN"] and view["reviewed"]
    (claim,) = [c for c in view["claims"] if c["id"] == claim_id]
    assert claim["review"]["corrections"][0]["author"] == "Ana"
    assert any(
        r.startswith("reviewed:") and "target set to CN by Ana" in r
        for r in view["assessment"]["reasons"]
    )


def test_corrections_rejected_claim_leaves_its_incident(arms: st.Store) -> None:
    claim_id = _shells(arms)
    correct_claim(arms, claim_id, kind="reject", data={"reason": "misread"}, author="Ana")
    assert all(claim_id not in i.claim_ids for i in st.list_incidents(arms, relevance=None))


def test_corrections_survive_a_new_extractor_that_renames_the_claim(arms: st.Store) -> None:
    claim_id = _shells(arms)
    correct_claim(arms, claim_id, kind="quantity", data={"low": 5000, "high": 5000}, author="Ana")
    renamed = "clm_renamed_by_v2"
    claims = schema.claims
    with arms.transaction(write=True) as conn:
        data = conn.execute(select(claims.c.data).where(claims.c.id == claim_id)).scalar_one()
        conn.execute(
            update(claims)
            .where(claims.c.id == claim_id)
            .values(id=renamed, data={**data, "id": renamed})
        )
    rebuild_incidents(arms)
    view = incident_view(arms, _incident_of(arms, renamed)).to_dict()
    (claim,) = [c for c in view["claims"] if c["id"] == renamed]
    assert claim["quantity"]["low"] == 5000
    assert (claim["review"]["matched_by"], claim["review"]["sentence_changed"]) == ("span", False)
    assert view["quantity_low"] == 5000


def test_corrections_merge_and_split_incidents(arms: st.Store) -> None:
    shells = _shells(arms)
    rockets = next(c.id for c in st.list_claims(arms) if "rockets" in c.evidence.text)
    a, b = _incident_of(arms, shells), _incident_of(arms, rockets)
    if a != b:
        correct_incident(arms, a, kind="merge", data={"into": b}, author="Ana")
        assert _incident_of(arms, shells) == _incident_of(arms, rockets) == b
        assert st.resolve_redirect(arms, a) == b
        rebuild_incidents(arms)  # the merge is a statement: every rebuild applies it again
        assert _incident_of(arms, shells) == _incident_of(arms, rockets) == b
    whole = _incident_of(arms, shells)
    correct_incident(arms, whole, kind="split", data={"claim_ids": [rockets]}, author="Ben")
    assert _incident_of(arms, shells) != _incident_of(arms, rockets)
    split_off = _incident_of(arms, rockets)
    rebuild_incidents(arms)
    assert _incident_of(arms, rockets) == split_off != _incident_of(arms, shells)


def test_corrections_misfit_split_is_e802(arms: st.Store) -> None:
    incident = _incident_of(arms, _shells(arms))
    with pytest.raises(CorrectionError) as raised:
        correct_incident(
            arms, incident, kind="split", data={"claim_ids": ["clm_other"]}, author="A"
        )
    assert raised.value.code == "E802"


def test_corrections_note_is_kept_with_author_and_time(arms: st.Store) -> None:
    incident = _incident_of(arms, _shells(arms))
    correct_incident(arms, incident, kind="note", data={"text": "check the manifest"}, author="Ana")
    (note,) = list_corrections(arms, subject="incident")
    assert (note.author, note.data["text"]) == ("Ana", "check the manifest")
    assert (
        incident_view(arms, incident).to_dict()["notes"][0]["summary"] == "note: check the manifest"
    )


def test_corrections_export_gold_validates(arms: st.Store, tmp_path: Path) -> None:
    if not VALIDATE.is_file():
        pytest.skip("../shared/gold/validate.py is not present")
    shells = _shells(arms)
    correct_claim(arms, shells, kind="time", data={"start": "2023-11"}, author="Ana")
    out = io.StringIO()
    assert export_gold(arms, out) >= 1
    (line,) = [json.loads(x) for x in out.getvalue().splitlines()]
    (claim,) = [c for c in line["claims"] if "3,000" in c["evidence"]]
    assert claim["time"]["start"] == "2023-11"
    path, corpus = tmp_path / "gold.jsonl", tmp_path / "corpus.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    corpus.write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(VALIDATE), str(path), str(corpus)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_corrections_status_says_applied_moved_or_unmatched(arms: st.Store) -> None:
    claim_id = _shells(arms)
    made = correct_claim(arms, claim_id, kind="reject", data={}, author="Ana", rebuild=False)
    assert correction_statuses(arms, [made]) == {made.id: "applied"}
    moved = dataclasses.replace(made, id="cor_moved", subject_id="clm_gone")
    gone = dataclasses.replace(made, id="cor_gone", subject_id="clm_gone", claim_type="trade")
    changed = dataclasses.replace(made, id="cor_changed", evidence_text="Other words.")
    statuses = correction_statuses(arms, [moved, gone, changed])
    assert statuses == {
        "cor_moved": "moved",
        "cor_gone": "unmatched",
        "cor_changed": "sentence changed",
    }
