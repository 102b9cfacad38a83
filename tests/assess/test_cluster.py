from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest

from sanctionwatch.assess import DocumentInfo, cluster_claims
from sanctionwatch.assess.cluster import ClaimCluster
from sanctionwatch.assess.events import read_facts
from sanctionwatch.assess.profiles import Profile
from sanctionwatch.domain import Claim, ClaimType, Modality

Factory = Callable[..., Claim]


def shape(clusters: list[ClaimCluster]) -> list[tuple[list[str], list[str]]]:
    return [([c.id for c in k.supporting], [c.id for c in k.contradicting]) for k in clusters]


def published(**dates: str) -> dict[str, DocumentInfo]:
    return {doc: DocumentInfo(id=doc, published=day) for doc, day in dates.items()}


def docs_of(cluster: ClaimCluster) -> set[str]:
    return {c.document_id for c in cluster.claims}


@pytest.mark.parametrize(
    ("times", "expected_clusters"),
    [
        pytest.param([("2023-09", None), ("2023-09-13", None), ("2023", None)], 1, id="grains"),
        pytest.param([("2023-08", None), ("2023-09-13", None)], 1, id="adjacent-months-campaign"),
        pytest.param([("2023-03", None), ("2023-09-13", None)], 2, id="months-apart"),
        pytest.param([("2022-01", "2022-06"), ("2022-03", None)], 1, id="range-contains"),
        pytest.param([("2021", None), ("2024", None)], 2, id="different-years"),
        pytest.param([("2023-03", None), ("2023-09", None), ("2023", None)], 2, id="no-bridge"),
    ],
)
def test_cluster_groups_by_overlapping_time(
    make_claim: Factory, times: list[tuple[str, str | None]], expected_clusters: int
) -> None:
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc=f"d{i}", start=s, end=e)
        for i, (s, e) in enumerate(times)
    ]
    assert len(cluster_claims(claims)) == expected_clusters


def test_cluster_coarse_time_joins_one_event_only(make_claim: Factory) -> None:
    """ "in 2023" fits March and September, but March and September are not one event."""
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="march", start="2023-03"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="sept1", start="2023-09"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="sept2", start="2023-09-13"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="year", start="2023"),
    ]
    clusters = cluster_claims(claims)
    assert sorted(sorted(docs_of(c)) for c in clusters) == [
        ["march"],
        ["sept1", "sept2", "year"],  # the better-reported event takes the coarse claim
    ]


def test_cluster_direction_and_type_separate(make_claim: Factory) -> None:
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d1", item="shells"),
        make_claim("arms_transfer", ["RU"], ["KP"], doc="d2", item="shells"),
        make_claim("tech_transfer", ["KP"], ["RU"], doc="d3", item="shells"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d4", item="ammunition"),
    ]
    documents = published(d1="2024-01-10", d2="2024-01-10", d3="2024-01-10", d4="2024-01-12")
    clusters = cluster_claims(claims, documents=documents)
    assert len(clusters) == 3
    together = next(c for c in clusters if len(c.supporting) == 2)
    assert docs_of(together) == {"d1", "d4"}


def test_cluster_actors_compare_as_sets(make_claim: Factory) -> None:
    claims = [
        make_claim("arms_transfer", ["KP", "IR"], ["RU"], doc="d1", start="2023"),
        make_claim("arms_transfer", ["IR", "KP"], ["RU"], doc="d2", start="2023"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d3", start="2023"),
    ]
    assert sorted(len(c.supporting) for c in cluster_claims(claims)) == [1, 2]


def test_cluster_meeting_participants_compare_as_sets(make_claim: Factory) -> None:
    claims = [
        make_claim("meeting", ["KP", "RU"], doc="d1", start="2023-09-13"),
        make_claim("meeting", ["RU"], ["KP"], doc="d2", start="2023-09-13"),
    ]
    (cluster,) = cluster_claims(claims)
    assert cluster.sources == ("KP", "RU")
    assert cluster.targets == ()


def test_cluster_skips_claims_without_actors(make_claim: Factory) -> None:
    claims = [make_claim("arms_transfer", doc="d1"), make_claim("trade", doc="d2", item="coal")]
    assert cluster_claims(claims) == []


@pytest.mark.parametrize(
    ("day", "joins"),
    [
        pytest.param("2023-02-15", True, id="weeks-after"),
        pytest.param("2023-01-25", True, id="same-month"),
        pytest.param("2023-09-01", True, id="months-after"),
        pytest.param("2024-06-01", False, id="more-than-a-year-after"),
        pytest.param("2022-12-20", False, id="before-the-event"),
    ],
)
def test_cluster_undated_claim_joins_a_campaign_shortly_before_publication(
    make_claim: Factory, day: str, joins: bool
) -> None:
    claims = [
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="d1", start="2023-01", item="builders"),
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="d2", start="2023-01-20"),
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="undated", item="construction workers"),
    ]
    clusters = cluster_claims(claims, documents=published(undated=day))
    home = next(c for c in clusters if "undated" in docs_of(c))
    assert (docs_of(home) == {"d1", "d2", "undated"}) is joins


def test_cluster_undated_claim_prefers_the_larger_event(make_claim: Factory) -> None:
    claims = [
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="d1", start="2024-01", item="builders"),
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="d2", start="2024-01"),
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="d3", start="2023-06", item="builders"),
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="new", item="construction workers"),
    ]
    clusters = cluster_claims(claims, documents=published(new="2024-02-01"))
    home = next(c for c in clusters if "new" in docs_of(c))
    assert docs_of(home) == {"d1", "d2", "new"}


def test_cluster_undated_claims_need_a_publication_date_to_meet(make_claim: Factory) -> None:
    claims = [make_claim("trade", ["KP"], ["CN"], doc=f"d{i}", item="coal") for i in range(3)]
    assert len(cluster_claims(claims)) == 3
    documents = published(d0="2019-05-01", d1="2019-05-02", d2="2019-06-10")
    (cluster,) = cluster_claims(claims, documents=documents)
    assert len(cluster.supporting) == 3


@pytest.mark.parametrize(
    ("copy", "joins"),
    [pytest.param(False, False, id="another-report"), pytest.param(True, True, id="story-copy")],
)
def test_cluster_missing_actor_joins_its_own_report_or_a_copy(
    make_claim: Factory, copy: bool, joins: bool
) -> None:
    """ "North Korea also supplied missiles" next to a Syria sentence is that report's event;
    in another report, beside an Iran shipment of the same month, it could be either."""
    claims = [
        make_claim("arms_transfer", ["KP"], ["SY"], doc="report", start="2023-09", tag="a"),
        make_claim("arms_transfer", ["KP"], doc="report", at=2, tag="b"),
        make_claim("arms_transfer", ["KP"], ["IR"], doc="other", start="2023-09", tag="c"),
        make_claim("arms_transfer", ["KP"], doc="copy", at=2, tag="b"),
    ]
    documents = {
        "report": DocumentInfo(id="report", published="2023-12-01", syndication_cluster="s1"),
        "other": DocumentInfo(id="other", published="2023-12-01", syndication_cluster="s3"),
        "copy": DocumentInfo(
            id="copy", published="2023-12-02", syndication_cluster="s1" if copy else "s2"
        ),
    }
    clusters = cluster_claims(claims, documents=documents)
    syria = next(c for c in clusters if c.targets == ("SY",))
    assert len(syria.supporting) == (3 if joins else 2)


@pytest.mark.parametrize(
    ("detail", "joins"),
    [
        pytest.param({"item": "artillery shells"}, True, id="same-item-class"),
        pytest.param({"quantity": (1e6, 1e6, "shell")}, True, id="same-figure"),
        pytest.param({"quantity": (2e6, 2e6, "shell")}, True, id="disputed-figure"),
        pytest.param({"quantity": (1e8, 1e8, "shell")}, False, id="figure-too-far"),
        pytest.param({"item": "missiles"}, False, id="other-item"),
        pytest.param({}, True, id="nothing-specific"),
    ],
)
def test_cluster_undated_report_joins_the_campaign_it_follows(
    make_claim: Factory, detail: dict[str, object], joins: bool
) -> None:
    claims = [
        make_claim(
            "arms_transfer",
            ["KP"],
            ["RU"],
            doc="d1",
            start="2023-09",
            item="ammunition",
            quantity=(1e6, 1e6, "shell"),
        ),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d2", **detail),
    ]
    clusters = cluster_claims(claims, documents=published(d2="2023-10-02"))
    assert (len(clusters) == 1) is joins


@pytest.mark.parametrize(
    ("others", "joins"),
    [pytest.param([], True, id="one-event"), pytest.param(["SY"], False, id="two-recipients")],
)
def test_cluster_partial_claim_joins_only_an_unambiguous_event(
    make_claim: Factory, others: list[str], joins: bool
) -> None:
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="full", start="2023-09", item="shells"),
        *[
            make_claim("arms_transfer", ["KP"], [o], doc=f"to-{o}", start="2023-09", item="shells")
            for o in others
        ],
        make_claim("arms_transfer", ["KP"], doc="partial", start="2023-09-20", item="shells"),
    ]
    home = next(c for c in cluster_claims(claims) if "partial" in docs_of(c))
    assert (docs_of(home) == {"full", "partial"}) is joins


@pytest.mark.parametrize(
    ("first", "second", "together"),
    [
        pytest.param("artillery shells", "ammunition", True, id="same-class"),
        pytest.param("artillery shells", "weapons", True, id="unspecific"),
        pytest.param("artillery shells", "ballistic missiles", False, id="shells-missiles"),
        pytest.param("rocket launchers", "missiles", False, id="launcher-not-rocket"),
        pytest.param(None, "missiles", True, id="no-item"),
    ],
)
def test_cluster_items_must_be_compatible(
    make_claim: Factory, first: str | None, second: str, together: bool
) -> None:
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d1", start="2023-09", item=first),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d2", start="2023-09", item=second),
    ]
    assert (len(cluster_claims(claims)) == 1) is together


@pytest.mark.parametrize(
    ("a", "b", "together"),
    [
        pytest.param((1e6, 1e6, "shell"), (2e6, 2e6, "shell"), True, id="disputed-figure"),
        pytest.param((200.0, 200.0, "worker"), (1e5, 1e5, "worker"), False, id="different-size"),
        pytest.param((None, 5e5, "worker"), (1e5, 1e5, "worker"), True, id="up-to"),
        pytest.param((10.0, 10.0, "train"), (1e6, 1e6, "shell"), True, id="other-units"),
    ],
)
def test_cluster_figures_must_be_compatible(
    make_claim: Factory,
    a: tuple[float | None, float | None, str],
    b: tuple[float | None, float | None, str],
    together: bool,
) -> None:
    claims = [
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="d1", start="2023", quantity=a),
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="d2", start="2023", quantity=b),
    ]
    assert (len(cluster_claims(claims)) == 1) is together


@pytest.mark.parametrize("modality", [Modality.DENIED, Modality.NEGATED], ids=lambda m: m.value)
def test_cluster_denial_is_contradicting(make_claim: Factory, modality: Modality) -> None:
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d1", start="2023-09", item="shells"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d2", modality=modality, item="shells"),
    ]
    (cluster,) = cluster_claims(claims, documents=published(d2="2023-10-02"))
    assert [c.document_id for c in cluster.supporting] == ["d1"]
    assert [c.document_id for c in cluster.contradicting] == ["d2"]


def _weekly(make_claim: Factory, claim_type: str, *, year: int = 2022) -> list[Claim]:
    """A year of weekly acts between the US and North Korea, each in its own report."""
    return [
        make_claim(
            claim_type,
            ["US", "KP"] if claim_type == "meeting" else ["US"],
            [] if claim_type == "meeting" else ["KP"],
            doc=f"weekly-{week}",
            start=f"{year}-{1 + week // 5:02d}-{1 + 6 * (week % 5):02d}",
        )
        for week in range(52)
        if 1 + week // 5 <= 12
    ]


@pytest.mark.parametrize(
    ("claim_type", "days", "frequent", "together"),
    [
        pytest.param("meeting", ("2024-06-19", "2024-06-19"), True, True, id="meeting-same-day"),
        pytest.param(
            "meeting", ("2024-06", "2024-06-19"), True, False, id="frequent-meeting-month"
        ),
        pytest.param("meeting", ("2024-06", "2024-06-19"), False, True, id="rare-meeting-month"),
        pytest.param("sanctions_action", ("2022-05", "2022-05"), True, False, id="frequent-month"),
        pytest.param("sanctions_action", ("2022-05", "2022-05"), False, True, id="rare-month"),
        pytest.param("arms_transfer", ("2023-09", "2023-09-20"), True, True, id="shipment-month"),
    ],
)
def test_cluster_recurring_acts_need_a_finer_date(
    make_claim: Factory, claim_type: str, days: tuple[str, str], frequent: bool, together: bool
) -> None:
    """How often an act recurs between the same parties comes from the reports themselves."""
    claims = [
        make_claim(
            claim_type,
            ["US", "KP"] if claim_type == "meeting" else ["US"],
            [] if claim_type == "meeting" else ["KP"],
            doc=f"d{i}",
            start=day,
        )
        for i, day in enumerate(days)
    ]
    background = _weekly(make_claim, claim_type, year=2018) if frequent else []
    clusters = cluster_claims(claims + background)
    homes = {id(c) for c in clusters for claim in c.claims if claim in claims}
    assert (len(homes) == 1) is together


def test_cluster_denial_with_a_missing_actor_stays_in_its_passage(make_claim: Factory) -> None:
    """ "China must refrain from providing weapons to Russia" denies no North Korean shipment."""
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d1", start="2023-09"),
        make_claim("arms_transfer", [], ["RU"], doc="d2", modality=Modality.NEGATED),
    ]
    clusters = cluster_claims(claims, documents=published(d2="2023-10-02"))
    assert len(clusters) == 2
    assert any(not c.supporting and len(c.contradicting) == 1 for c in clusters)


def test_cluster_denial_prefers_its_own_passage(make_claim: Factory) -> None:
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d1", start="2023-09", item="shells"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d2", start="2023-09", item="missiles"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d2", tag="x", modality=Modality.DENIED),
    ]
    clusters = cluster_claims(claims, documents=published(d2="2023-10-02"))
    missiles = next(c for c in clusters if "d2" in {s.document_id for s in c.supporting})
    shells = next(c for c in clusters if c is not missiles)
    assert len(missiles.contradicting) == 1 and not shells.contradicting


def test_cluster_lone_denial_is_kept(make_claim: Factory) -> None:
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d1", start="2020"),
        make_claim(
            "arms_transfer", ["KP"], ["RU"], doc="d2", start="2024", modality=Modality.DENIED
        ),
    ]
    clusters = cluster_claims(claims)
    assert len(clusters) == 2
    assert any(not c.supporting and len(c.contradicting) == 1 for c in clusters)


def test_cluster_coref_claim_never_seeds_an_event(make_claim: Factory) -> None:
    # The coreference claim alone fits both months; a named claim decides where it goes.
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="weak", start="2023", coref=True),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d1", start="2023-03"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d2", start="2023-03-05"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d3", start="2023-09"),
    ]
    clusters = cluster_claims(claims)
    assert sorted(sorted(docs_of(c)) for c in clusters) == [["d1", "d2", "weak"], ["d3"]]


def test_cluster_is_independent_of_input_order(make_claim: Factory) -> None:
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d1", start="2023-09"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d2", start="2023"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d3", start="2024-02-01"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d4"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d5", modality=Modality.DENIED),
        make_claim("meeting", ["RU", "KP"], doc="d6", start="2023-09-13"),
        make_claim("labor_dispatch", ["KP"], ["UA"], doc="d7"),
        make_claim("arms_transfer", ["KP"], doc="d1", at=2, tag="p"),
    ]
    documents = published(d4="2023-10-01", d5="2024-02-10", d7="2024-01-01", d1="2023-10-01")
    expected = shape(cluster_claims(claims, documents=documents))
    for order in itertools.islice(itertools.permutations(claims), 0, 40320, 997):
        assert shape(cluster_claims(list(order), documents=documents)) == expected


def test_cluster_duplicate_claims_count_once(make_claim: Factory) -> None:
    claim = make_claim("arms_transfer", ["KP"], ["RU"], doc="d1")
    (cluster,) = cluster_claims([claim, claim])
    assert cluster.supporting == (claim,)


@pytest.mark.parametrize(
    ("dates", "together"),
    [
        pytest.param(("2023-06", "2023"), False, id="year-beside-month"),
        pytest.param(("2025-07-30", None), True, id="details-beside-the-day"),
        pytest.param(("2025-07", None), False, id="undated-beside-a-month"),
        pytest.param((None, None), True, id="both-undated"),
        pytest.param(("2024-06", "2024-06"), True, id="same-month"),
    ],
)
def test_cluster_frequent_acts_in_one_report_need_agreeing_dates(
    make_claim: Factory, dates: tuple[str | None, str | None], together: bool
) -> None:
    claims = [
        make_claim("sanctions_action", ["US"], ["KP"], doc="d", start=day, at=i, tag=str(i))
        for i, day in enumerate(dates)
    ]
    background = _weekly(make_claim, "sanctions_action", year=2020)
    clusters = cluster_claims(claims + background, documents=published(d="2025-08-01"))
    homes = {id(c) for c in clusters for claim in c.claims if claim in claims}
    assert (len(homes) == 1) is together


@pytest.mark.parametrize(
    ("guessed", "other_doc", "joins"),
    [
        pytest.param(("target",), False, True, id="guessed-target-own-report"),
        pytest.param((), False, False, id="named-target-stays-apart"),
        pytest.param(("target",), True, False, id="guessed-target-elsewhere-needs-a-tie"),
    ],
)
def test_cluster_guessed_role_yields_to_the_named_one(
    make_claim: Factory, guessed: tuple[str, ...], other_doc: bool, joins: bool
) -> None:
    """ "North Korea delivered rockets into Russia for Wagner" and, three sentences on,
    "officials deny they provided arms" whose recipient the extractor took from the
    document's topic (the United States): a guess the named recipient overrides, in the
    same report; in another report only a name, a detail or the report itself ties it."""
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="briefing", start="2022-11", tag="a"),
        make_claim(
            "arms_transfer",
            ["KP"],
            ["US"],
            doc="elsewhere" if other_doc else "briefing",
            at=3,
            tag="b",
            guessed=guessed,
        ),
    ]
    documents = published(briefing="2023-01-20", elsewhere="2023-01-21")
    clusters = cluster_claims(claims, documents=documents)
    assert len(clusters) == (1 if joins else 2)
    if joins:
        assert (clusters[0].sources, clusters[0].targets) == (("KP",), ("RU",))


def test_cluster_a_state_on_both_sides_of_a_flow_is_a_doubt(make_claim: Factory) -> None:
    """ "Funds from North Korea to North Korea": one side is wrong, so in its own report
    the claim joins the flow its other sentences tell, as one missing both actors would."""
    theft = make_claim("financial_flow", ["AE"], ["KP"], doc="blog", start="2025-02-21", tag="a")
    muddled = make_claim("financial_flow", ["KP"], ["KP"], doc="blog", at=2, tag="b")
    clusters = cluster_claims([theft, muddled], documents=published(blog="2025-02-25"))
    assert len(clusters) == 1
    assert (clusters[0].sources, clusters[0].targets) == (("AE",), ("KP",))


def test_cluster_adjacent_coarse_reports_of_an_activity_span_both(make_claim: Factory) -> None:
    """ "In 2022" and "in 2023" of one flow: the campaign ran through both years, not
    through the empty interval the two share."""
    profile = Profile("inc", ClaimType.ARMS_TRANSFER)
    for year, doc in (("2022", "a"), ("2023", "b")):
        claim = make_claim("arms_transfer", ["KP"], ["RU"], doc=doc, start=year)
        profile.add(read_facts(claim, {}))
    assert profile.window == (dt.date(2022, 1, 1), dt.date(2023, 12, 31))
