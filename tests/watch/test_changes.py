"""What counts as news in an incident, and alerts recorded once from the change log."""

from __future__ import annotations

from typing import Any

from sanctionwatch import store as st
from sanctionwatch.services import ingest_sources
from sanctionwatch.services.clustering import rebuild_incidents
from sanctionwatch.store.changelog import last_incident_change
from sanctionwatch.watch import add_watchlist, list_alerts, make_watchlist, process_changes
from sanctionwatch.watch.changes import describe_changes, fingerprint, grade_better

BASE: dict[str, Any] = {
    "origins": [{"label": "Yonhap", "role": "support", "conduits": [{"document_id": "d1"}]}],
    "assessment": {"code": "C3"},
    "figures": [],
    "contradictions": [],
    "supporting_claim_ids": ["c1"],
}


def _with(**changes: Any) -> dict[str, Any]:
    return BASE | changes


def test_changes_kinds_of_news() -> None:
    old = fingerprint(BASE)
    assert [c["kind"] for c in describe_changes(None, old)] == ["new"]
    copy = _with(
        origins=[
            {
                "label": "Yonhap",
                "role": "support",
                "conduits": [{"document_id": "d1"}, {"document_id": "d2"}],
            }
        ]
    )
    assert describe_changes(old, fingerprint(copy)) == []
    second = _with(
        origins=[*BASE["origins"], {"label": "NK News", "role": "support", "conduits": []}]
    )
    assert [c["kind"] for c in describe_changes(old, fingerprint(second))] == ["new_source"]
    assert [
        c["kind"] for c in describe_changes(old, fingerprint(_with(assessment={"code": "B2"})))
    ] == ["better_grade"]
    assert describe_changes(old, fingerprint(_with(assessment={"code": "D3"}))) == []
    figure = _with(figures=[{"low": 300, "high": None, "unit": "containers"}])
    assert [c["kind"] for c in describe_changes(old, fingerprint(figure))] == ["new_figure"]
    against = _with(contradictions=[{"kind": "denial", "claim_ids": ["c9"]}])
    assert [c["kind"] for c in describe_changes(old, fingerprint(against))] == ["contradiction"]


def test_changes_grade_order() -> None:
    assert grade_better("B2", None) and grade_better("B2", "C3") and grade_better("B3", "C3")
    assert (
        not grade_better("B2", "B2")
        and not grade_better("A4", "B2")
        and not grade_better(None, "B2")
    )


def test_changes_reingest_and_rebuild_alert_nothing_new(store: st.Store, articles: Any) -> None:
    add_watchlist(store, make_watchlist("arms", actors=["KP"], types=["arms_transfer"]))
    ingest_sources(store, [articles / "arms.txt"])
    first = process_changes(store)
    assert len(first.alerts) == 1 and last_incident_change(store) > 0
    ingest_sources(store, [articles / "arms.txt"])
    rebuild_incidents(store)
    assert process_changes(store).alerts == []
    assert len(list_alerts(store)) == 1


def test_changes_incidents_before_watching_are_a_baseline(store: st.Store, articles: Any) -> None:
    from sanctionwatch.store.migrate import WATCH_BASELINE_KEY
    from sanctionwatch.watch import records

    ingest_sources(store, [articles / "arms.txt"])
    with store.transaction(write=True) as conn:
        # As a database migrated to version 4 with incidents in it: nothing seen yet.
        records.write_cursor(conn, WATCH_BASELINE_KEY, "pending")
        records.write_cursor(conn, records.CHANGES_CURSOR, "0")
    add_watchlist(store, make_watchlist("arms", actors=["KP"], types=["arms_transfer"]))
    rebuild_incidents(store)
    assert process_changes(store).alerts == []
    with store.transaction() as conn:
        assert records.read_cursor(conn, WATCH_BASELINE_KEY) == "done"


def test_changes_names_are_screened_in_new_documents_once(store: st.Store, tmp_path: Any) -> None:
    add_watchlist(store, make_watchlist("people", names=["Kim Yong Chol"]))
    article = tmp_path / "talks.txt"
    article.write_text(
        "Envoys meet in Singapore\n\nKim Yong-chol, a senior North Korean official, met "
        "American envoys in Singapore in June 2018.\n",
        encoding="utf-8",
    )
    ingest_sources(store, [article])
    (alert,) = process_changes(store).alerts
    assert alert["kind"] == "name" and alert["reasons"] == ["name 'Kim Yong Chol'"]
    assert process_changes(store).alerts == []
    assert len(list_alerts(store, watchlist="people")) == 1
