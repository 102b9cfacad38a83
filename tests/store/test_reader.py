from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctionwatch.domain import Claim, ClaimType, Document, Incident, Provision
from sanctionwatch.domain.errors import InputError, NotFoundError
from sanctionwatch.store import (
    Store,
    all_claims,
    claims_for_incident,
    count_documents,
    document_ids,
    extracted_document_ids,
    get_claim,
    get_document,
    get_incident,
    get_provision,
    get_raw,
    list_claims,
    list_documents,
    list_incidents,
    list_provisions,
    replace_incidents,
    save_claims,
    save_document,
    save_provisions,
    stats,
)

MakeDoc = Callable[..., Document]
MakeClaim = Callable[..., Claim]
MakeIncident = Callable[..., Incident]


def test_reader_document_by_prefix(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc()
    save_document(store, doc)
    assert get_document(store, doc.id[:8]) == doc
    assert get_document(store, doc.id[:12].upper()) == doc


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("0123", id="too-short"),
        pytest.param("zzzzzzzzzz", id="not-hex"),
        pytest.param("0" * 64, id="unknown"),
        pytest.param("%%%%%%%%%%", id="wildcards"),
        pytest.param("", id="empty"),
    ],
)
def test_reader_document_not_found(store: Store, make_doc: MakeDoc, key: str) -> None:
    save_document(store, make_doc())
    with pytest.raises(NotFoundError) as info:
        get_document(store, key)
    assert info.value.code == "E404"


def test_reader_short_or_wrong_prefix_never_matches(store: Store, make_doc: MakeDoc) -> None:
    doc = make_doc()
    save_document(store, doc)
    with pytest.raises(NotFoundError):
        get_document(store, doc.id[:7])
    with pytest.raises(NotFoundError):
        get_document(store, doc.id[1:10])


def test_reader_ambiguous_prefix(store: Store, make_incident: MakeIncident) -> None:
    replace_incidents(store, [make_incident("inc_2023_aaaa"), make_incident("inc_2023_bbbb")])
    with pytest.raises(NotFoundError, match="ambiguous"):
        get_incident(store, "inc_2023")
    assert get_incident(store, "inc_2023_b").id == "inc_2023_bbbb"


@pytest.mark.parametrize(
    ("key", "reason"),
    [("inc_6", "3 incidents start with it"), ("inc_6b", "1 incident starts")],
    ids=["short-and-shared", "short-and-unique"],
)
def test_reader_short_prefix_says_ambiguous_not_missing(
    store: Store, make_incident: MakeIncident, key: str, reason: str
) -> None:
    ids = ["inc_6aaaaaaa", "inc_6bbbbbbb", "inc_6ccccccc", "inc_7aaaaaaa"]
    replace_incidents(store, [make_incident(i) for i in ids])
    with pytest.raises(NotFoundError, match="ambiguous or too short") as info:
        get_incident(store, key)
    assert reason in info.value.message and "not" not in info.value.message.split(":")[0]
    with pytest.raises(NotFoundError, match="no incident"):
        get_incident(store, "inc_9")


def test_reader_raw_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        get_raw(store, "0" * 64)


def test_reader_list_documents_pages_newest_first(store: Store, make_doc: MakeDoc) -> None:
    docs = [
        make_doc("Undated piece.", published=None),
        make_doc("Old piece.", published="2022-03"),
        make_doc("New piece.", published="2024-01-05"),
        make_doc("Middle piece.", published="2023"),
    ]
    for doc in docs:
        save_document(store, doc)
    listed = list_documents(store, limit=10)
    assert [d.published for d in listed] == ["2024-01-05", "2023", "2022-03", None]
    assert list_documents(store, limit=2, offset=1) == listed[1:3]
    assert count_documents(store) == 4
    assert document_ids(store) == sorted(d.id for d in docs)


def test_reader_claims_filtered_and_ordered(
    store: Store, make_doc: MakeDoc, make_claim: MakeClaim
) -> None:
    doc = make_doc("Pyongyang shipped shells. Pyongyang shipped oil to Moscow.")
    save_document(store, doc)
    later = make_claim(doc, needle="Pyongyang shipped oil to Moscow.", type=ClaimType.TRADE)
    earlier = make_claim(doc, needle="Pyongyang shipped shells.")
    save_claims(store, doc.id, [later, earlier], extractor="rules@1")
    assert list_claims(store, document_id=doc.id) == [earlier, later]
    assert all_claims(store) == [earlier, later]
    assert list_claims(store, type="trade") == [later]
    assert list_claims(store, ids=[later.id, "clm_missing"]) == [later]
    assert list_claims(store, ids=[]) == []
    assert list_claims(store, document_id="0" * 64) == []
    assert get_claim(store, later.id[:10]) == later


def test_reader_claims_unknown_type_rejected(store: Store) -> None:
    with pytest.raises(ValueError):
        list_claims(store, type="smuggling")


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        pytest.param(None, None, ["y2024", "m2023_07", "y2023", "span", "undated"], id="all"),
        pytest.param(
            "2023-01", None, ["y2024", "m2023_07", "y2023", "span"], id="year-overlaps-month"
        ),
        pytest.param("2023-08", None, ["y2024", "y2023", "span"], id="after-july"),
        pytest.param(None, "2023-06-30", ["y2023", "span"], id="until-day"),
        pytest.param("2023-07-15", "2023-07-15", ["m2023_07", "y2023", "span"], id="one-day"),
        pytest.param("2025", None, [], id="future"),
        pytest.param(None, "2021", ["span"], id="open-start-range"),
    ],
)
def test_reader_incidents_by_time(
    store: Store,
    make_incident: MakeIncident,
    since: str | None,
    until: str | None,
    expected: list[str],
) -> None:
    replace_incidents(
        store,
        [
            make_incident("y2023", time_start="2023"),
            make_incident("m2023_07", time_start="2023-07", time_end="2023-07"),
            make_incident("y2024", time_start="2024-02-01"),
            make_incident("span", time_start="2020-05", time_end="2023-12-31"),
            make_incident("undated", time_start=None),
        ],
    )
    found = [i.id for i in list_incidents(store, since=since, until=until)]
    assert sorted(found) == sorted(expected)


def test_reader_incidents_latest_first_with_type_and_limit(
    store: Store, make_incident: MakeIncident
) -> None:
    replace_incidents(
        store,
        [
            make_incident("a_old", time_start="2022"),
            make_incident("b_none", time_start=None),
            make_incident("c_new", time_start="2024-03"),
            make_incident("d_labour", time_start="2024-05", type=ClaimType.LABOR_DISPATCH),
        ],
    )
    assert [i.id for i in list_incidents(store)] == ["d_labour", "c_new", "a_old", "b_none"]
    assert [i.id for i in list_incidents(store, type="arms_transfer", limit=2)] == [
        "c_new",
        "a_old",
    ]


@pytest.mark.parametrize(
    "bad", ["2023-1", "July 2023", "2023/07", "", "2024-13", "0000", "2024-02-30", "2023-04-31"]
)
def test_reader_incidents_bad_bound(store: Store, bad: str) -> None:
    with pytest.raises(InputError, match="since") as info:
        list_incidents(store, since=bad)
    assert info.value.code == "E423"


def test_reader_claims_for_incident_orders_and_skips_stale(
    store: Store, make_doc: MakeDoc, make_claim: MakeClaim, make_incident: MakeIncident
) -> None:
    doc = make_doc("Pyongyang shipped shells. Pyongyang shipped rockets. Pyongyang shipped fuel.")
    save_document(store, doc)
    one, two, three = (
        make_claim(doc, needle=f"Pyongyang shipped {what}.")
        for what in ("shells", "rockets", "fuel")
    )
    save_claims(store, doc.id, [one, two, three], extractor="rules@1")
    replace_incidents(
        store, [make_incident("inc_abcdefgh", support=(three.id, one.id), contradict=(two.id,))]
    )
    assert claims_for_incident(store, "inc_abcd") == [
        ("support", three),
        ("support", one),
        ("contradict", two),
    ]
    save_claims(store, doc.id, [one, two], extractor="rules@1")  # re-extraction drops `three`
    assert [c.id for _, c in claims_for_incident(store, "inc_abcdefgh")] == [one.id, two.id]


def test_reader_provisions(store: Store) -> None:
    provision = Provision(
        id="X-OP1",
        regime="1718",
        resolution="0000",
        paragraph=None,
        adopted=None,
        category="labour",
        status="partial",
        summary="Test provision.",
    )
    save_provisions(store, [provision])
    assert get_provision(store, "X-OP1") == provision
    assert list_provisions(store, category="labour") == [provision]
    assert list_provisions(store, regime="other") == []
    with pytest.raises(NotFoundError):
        get_provision(store, "X-OP")


def test_reader_stats_counts_everything(
    store: Store, make_doc: MakeDoc, make_claim: MakeClaim
) -> None:
    assert stats(store) == dict.fromkeys(
        [
            "documents",
            "raw_blobs",
            "claims",
            "extractions",
            "incidents",
            "provisions",
            "quarantine",
            "syndication",
        ],
        0,
    )
    doc = make_doc()
    save_document(store, doc, b"raw")
    save_claims(store, doc.id, [make_claim(doc)], extractor="rules@1")
    counts = stats(store)
    assert (counts["documents"], counts["raw_blobs"], counts["claims"]) == (1, 1, 1)
    assert counts["extractions"] == 1


def test_reader_extracted_documents_include_empty_results(
    store: Store, make_doc: MakeDoc, make_claim: MakeClaim
) -> None:
    with_claims, without_claims, pending = (
        make_doc(f"Pyongyang shipped item {n}.") for n in range(3)
    )
    for doc in (with_claims, without_claims, pending):
        save_document(store, doc)
    save_claims(store, with_claims.id, [make_claim(with_claims)], extractor="rules@1")
    save_claims(store, without_claims.id, [], extractor="rules@1")
    assert extracted_document_ids(store, extractor="rules@1") == {
        with_claims.id,
        without_claims.id,
    }
    assert extracted_document_ids(store, extractor="rules@2") == set()
