"""The incident list in SQL (store.pages) on SQLite and PostgreSQL: filters through the
facets and grade columns, grouped counts, paging order, one page loaded in a few queries."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from sanctionwatch.domain import Assessment, ClaimType, Document, Incident, ProvisionMatch
from sanctionwatch.store import (
    IncidentQuery,
    Store,
    count_incidents,
    find_incident_ids,
    load_incident_pages,
    replace_incidents,
    save_claims,
    save_document,
    upsert_incidents,
)
from sanctionwatch.store.pages import counts_statement, ids_statement

MakeDoc = Callable[..., Document]
MakeClaim = Callable[..., Any]
MakeIncident = Callable[..., Incident]

TEXT = "Pyongyang shipped shells to Moscow in July. ДОСТАВКА of fuel was denied."


def _graded(incident: Incident, code: str | None, *, provision: str | None = None) -> Incident:
    assessment = Assessment(code[0], int(code[1]), ("test",)) if code else None
    provisions = (
        (ProvisionMatch(provision, "violation", ("test",), "verified"),) if provision else ()
    )
    return dataclasses.replace(incident, assessment=assessment, provisions=provisions)


@pytest.fixture
def desk(
    store: Store, make_doc: MakeDoc, make_claim: MakeClaim, make_incident: MakeIncident
) -> Store:
    doc = make_doc(TEXT, title="Shipments", published="2023-07")
    save_document(store, doc)
    shells = make_claim(doc, needle="Pyongyang shipped shells to Moscow in July.")
    fuel = make_claim(doc, needle="ДОСТАВКА of fuel was denied.", trigger="ДОСТАВКА")
    save_claims(store, doc.id, [shells, fuel], extractor="rules@1")
    incidents = [
        _graded(
            make_incident("inc_a", time_start="2023-07", support=(shells.id,)),
            "B2",
            provision="UNSCR-2270-OP7",
        ),
        _graded(
            make_incident(
                "inc_b", time_start="2021", type=ClaimType.FINANCIAL_FLOW, contradict=(fuel.id,)
            ),
            "C2",
        ),
        _graded(make_incident("inc_c", time_start=None), None),
    ]
    replace_incidents(store, incidents)
    return store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param(IncidentQuery(), ["inc_a", "inc_b", "inc_c"], id="all-latest-first"),
        pytest.param(IncidentQuery(type="financial_flow"), ["inc_b"], id="type"),
        pytest.param(IncidentQuery(actor="RU"), ["inc_a", "inc_b", "inc_c"], id="actor"),
        pytest.param(IncidentQuery(actor="CN"), [], id="actor-none"),
        pytest.param(IncidentQuery(provision="2270"), ["inc_a"], id="provision-part"),
        pytest.param(IncidentQuery(provision="unscr-2270"), ["inc_a"], id="provision-any-case"),
        pytest.param(IncidentQuery(grade="B2"), ["inc_a"], id="grade-code"),
        pytest.param(IncidentQuery(grade="C"), ["inc_b"], id="grade-letter"),
        pytest.param(IncidentQuery(grade="2"), ["inc_a", "inc_b"], id="grade-digit"),
        pytest.param(IncidentQuery(since="2023-01"), ["inc_a"], id="since"),
        pytest.param(IncidentQuery(words=("moscow",)), ["inc_a"], id="word-in-evidence"),
        pytest.param(IncidentQuery(words=("доставка",)), ["inc_b"], id="word-folded-cyrillic"),
        pytest.param(IncidentQuery(words=("financial", "flow")), ["inc_b"], id="words-in-type"),
        pytest.param(IncidentQuery(words=("moscow", "fuel")), [], id="every-word-needed"),
        pytest.param(IncidentQuery(words=("100%",)), [], id="like-wildcards-literal"),
    ],
)
def test_pages_find_incident_ids_filters_in_sql(
    desk: Store, query: IncidentQuery, expected: list[str]
) -> None:
    assert find_incident_ids(desk, query) == expected


def test_pages_find_incident_ids_pages_in_order(desk: Store) -> None:
    assert find_incident_ids(desk, IncidentQuery(), limit=2) == ["inc_a", "inc_b"]
    assert find_incident_ids(desk, IncidentQuery(), limit=2, offset=2) == ["inc_c"]


def test_pages_count_incidents_groups_type_and_grade(desk: Store) -> None:
    assert count_incidents(desk, IncidentQuery()) == {
        "type": {"arms_transfer": 2, "financial_flow": 1},
        "grade": {"B2": 1, "C2": 1, "ungraded": 1},
    }
    assert count_incidents(desk, IncidentQuery(grade="2"))["type"] == {
        "arms_transfer": 1,
        "financial_flow": 1,
    }


def test_pages_load_incident_pages_keeps_order_roles_and_documents(desk: Store) -> None:
    pages = load_incident_pages(desk, ["inc_b", "inc_a", "inc_missing"])
    assert [p.incident.id for p in pages] == ["inc_b", "inc_a"]
    assert [role for role, _ in pages[0].claims] == ["contradict"]
    assert [role for role, _ in pages[1].claims] == ["support"]
    assert list(pages[1].documents) == [pages[1].claims[0][1].document_id]


def test_pages_facets_follow_upserts(desk: Store, make_incident: MakeIncident) -> None:
    moved = dataclasses.replace(_graded(make_incident("inc_a"), "A1"), sources=("CN",), targets=())
    upsert_incidents(desk, [moved], keys={})
    assert find_incident_ids(desk, IncidentQuery(actor="CN")) == ["inc_a"]
    assert find_incident_ids(desk, IncidentQuery(provision="2270")) == []
    assert find_incident_ids(desk, IncidentQuery(grade="A1")) == ["inc_a"]
    replace_incidents(desk, [])
    assert count_incidents(desk, IncidentQuery()) == {"type": {}, "grade": {}}


LISTED = {
    "default-view": IncidentQuery(relevance="regime"),
    "all": IncidentQuery(),
    "other": IncidentQuery(relevance="other"),
    "type": IncidentQuery(type="arms_transfer", relevance="regime"),
    "grade-code": IncidentQuery(grade="B2", relevance="regime"),
    "grade-letter": IncidentQuery(grade="B", relevance="regime"),
    "grade-digit": IncidentQuery(grade="2"),
    "since-until": IncidentQuery(since="2023-01", until="2023-12", relevance="regime"),
    "actor-and-grade": IncidentQuery(actor="RU", grade="B", relevance="regime"),
    "provision": IncidentQuery(provision="2270", relevance="regime"),
}


def _plan(store: Store, statement: Any) -> list[str]:
    with store.transaction() as conn:
        sql = statement.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
        if store.dialect == "sqlite":
            return [row.detail for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")]
        # A test table is small enough for a scan and a sort to win; what is asked here
        # is whether an index can serve the list's order at all.
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        conn.exec_driver_sql("SET LOCAL enable_sort = off")
        return [row[0] for row in conn.exec_driver_sql(f"EXPLAIN {sql}")]


@pytest.mark.parametrize("query", LISTED.values(), ids=LISTED.keys())
def test_pages_list_and_counts_read_only_indexes(desk: Store, query: IncidentQuery) -> None:
    if desk.dialect != "sqlite":
        pytest.skip("SQLite's plans say whether a scan is covering; PostgreSQL's below")
    ids = _plan(desk, ids_statement(query, dialect=desk.dialect, limit=50))
    counts = _plan(desk, counts_statement(query, dialect=desk.dialect))
    on_incidents = [step for step in ids + counts if " incidents " in f"{step} "]
    assert on_incidents and all("COVERING INDEX" in step for step in on_incidents), ids + counts
    assert any("ix_incidents_list" in step for step in ids), ids
    assert not any("TEMP B-TREE" in step for step in ids), ids


def test_pages_default_view_page_comes_in_index_order(desk: Store) -> None:
    statement = ids_statement(LISTED["default-view"], dialect=desk.dialect, limit=50)
    plan = _plan(desk, statement)
    assert any("ix_incidents_list" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step or "Sort" in step for step in plan), plan
