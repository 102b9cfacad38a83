from __future__ import annotations

import datetime as dt

import pytest

from sanctionwatch.assess import DocumentInfo
from sanctionwatch.assess.events import anchors_of, blocking_keys, read_facts
from sanctionwatch.assess.recurrence import Recurrence, learn_recurrence
from sanctionwatch.domain import Claim, ClaimType, RoleFiller, TimeValue, make_span


def sentence_claim(
    text: str,
    claim_type: str = "meeting",
    sources: tuple[str, ...] = ("KP", "RU"),
    targets: tuple[str, ...] = (),
    *,
    doc: str = "d",
    start: str | None = None,
) -> Claim:
    """A claim whose evidence is ``text`` itself (roles point at its first word)."""
    whole = make_span(text, 0, len(text), document_id=doc)
    first = make_span(text, 0, text.index(" "), document_id=doc)
    grain = {4: "year", 7: "month"}.get(len(start or ""), "day")
    return Claim(
        id=f"clm_{doc}_{abs(hash(text)) % 10**8}",
        document_id=doc,
        type=ClaimType(claim_type),
        evidence=whole,
        trigger=first,
        sources=tuple(RoleFiller(first, c, "t") for c in sources),
        targets=tuple(RoleFiller(first, c, "t") for c in targets),
        time=TimeValue(first, start, None, grain) if start else None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The leaders met at the Vostochny Cosmodrome on Wednesday.",
            {"org:vostochny cosmodrome"},
            id="place-the-gazetteer-knows",
        ),
        pytest.param(
            "The council adopted Resolution 2270 unanimously.",
            {"resolution 2270"},
            id="resolution-number",
        ),
        pytest.param("They tested a Hwasong-18 again.", {"model:hwasong-18"}, id="designation"),
        pytest.param(
            "Thieves emptied the Zorvak Exchange wallets.",
            {"name:zorvak", "name:exchange"},
            id="unknown-names",
        ),
        pytest.param(
            "Officials said the President met the Minister in June.", set(), id="common-words"
        ),
    ],
)
def test_events_anchors_name_the_event(text: str, expected: set[str]) -> None:
    assert anchors_of(sentence_claim(text)) >= expected
    assert "name:officials" not in anchors_of(sentence_claim(text))


def test_events_a_kind_of_company_is_no_name() -> None:
    """ "The Wagner Group" and "the Kaalbye Group" share a word, not a name."""
    anchors = anchors_of(sentence_claim("Arms went to the Wagner Group and the Kaalbye Group."))
    assert {"name:wagner", "name:kaalbye"} <= anchors and "name:group" not in anchors


def test_events_state_names_are_actors_not_anchors() -> None:
    claim = sentence_claim("North Korea and Russia signed a treaty in Moscow.", "agreement")
    assert not {f"name:{w}" for w in ("north", "korea", "russia", "moscow")} & anchors_of(claim)


def test_events_blocking_keys_file_by_year_and_look_a_year_around() -> None:
    claim = sentence_claim("Putin met Kim in Pyongyang.", start="2024-06")
    facts = read_facts(claim, {"d": DocumentInfo(id="d", published="2024-07-01")})
    filed, query = blocking_keys(facts, query=False), blocking_keys(facts, query=True)
    assert "meeting|a:KP|y:2024" in filed and "meeting|a:KP|y:2023" not in filed
    assert {"meeting|a:KP|y:2023", "meeting|a:KP|y:2025", "meeting|d:d"} <= query
    assert filed <= query


def test_events_undated_claim_is_filed_under_its_report_year() -> None:
    claim = sentence_claim("Putin met Kim in Pyongyang.")
    facts = read_facts(claim, {"d": DocumentInfo(id="d", published="2024-07-01")})
    assert "meeting|a:RU|y:2024" in blocking_keys(facts, query=False)
    assert "meeting|a:RU|y:2021" in blocking_keys(facts, query=True)


def test_recurrence_counts_distinct_periods_of_a_kind() -> None:
    claims = [
        sentence_claim("Kim met Putin.", doc="a", start="2023-09-13"),
        sentence_claim("Kim met Putin.", doc="b", start="2023-09"),  # the same occurrence
        sentence_claim("Kim met Putin.", doc="c", start="2024-06-19"),
        sentence_claim("Kim met Putin.", doc="d", start="2024"),  # too coarse to count
    ]
    recurrence = learn_recurrence(read_facts(c, {}) for c in claims)
    assert recurrence.occurrences("meeting|KP,RU") == 2
    assert recurrence.occurrences("meeting|KP,US") == 1  # never seen counts as one
    assert recurrence.span_days() == 365  # at least a year observed


def test_recurrence_frequent_kind_is_not_rare_within_a_month() -> None:
    recurrence = Recurrence()
    for week in range(50):
        day = dt.date(2022, 1, 3) + dt.timedelta(days=7 * week)
        recurrence.observe("meeting|KP,US", (day, day))
    assert not recurrence.rare_within("meeting|KP,US", 30)
    assert recurrence.rare_within("meeting|KP,US", 1)
    assert recurrence.rare_within("meeting|KP,RU", 30)
