"""Scenarios for each rule of joining and not joining, as an analyst would tell them."""

from __future__ import annotations

from collections.abc import Callable

from sanctionwatch.assess import DocumentInfo, build_incidents, cluster_claims
from sanctionwatch.assess.cluster import ClaimCluster, Clusterer
from sanctionwatch.assess.episodes import find_episodes
from sanctionwatch.assess.events import read_facts
from sanctionwatch.assess.recurrence import learn_recurrence
from sanctionwatch.domain import Claim, Modality

from .test_events import sentence_claim

Factory = Callable[..., Claim]


def published(**dates: str) -> dict[str, DocumentInfo]:
    return {doc: DocumentInfo(id=doc, published=day) for doc, day in dates.items()}


def home_of(claim: Claim, clusters: list[ClaimCluster]) -> ClaimCluster:
    return next(c for c in clusters if claim in c.claims)


def test_scenario_two_summits_a_year_apart_stay_apart(make_claim: Factory) -> None:
    september = [
        make_claim("meeting", ["KP", "RU"], doc="a", start="2023-09-13"),
        make_claim("meeting", ["RU", "KP"], doc="b", start="2023-09"),
    ]
    june = [
        make_claim("meeting", ["KP", "RU"], doc="c", start="2024-06-19"),
        make_claim("meeting", ["KP", "RU"], doc="d", start="2024-06"),
    ]
    clusters = cluster_claims(september + june)
    assert sorted(len(c.supporting) for c in clusters) == [2, 2]
    assert home_of(september[1], clusters) is home_of(september[0], clusters)
    assert home_of(june[1], clusters) is not home_of(september[0], clusters)


def test_scenario_summit_named_by_its_place_joins_across_grains() -> None:
    """ "The Vostochny summit" in a later report, dated only by its year, is that summit."""
    claims = [
        sentence_claim("Kim and Putin met at the Vostochny Cosmodrome.", doc="a", start="2023-09"),
        sentence_claim("Putin hosted Kim at a Pyongyang banquet.", doc="b", start="2024-06"),
        sentence_claim("Since the Vostochny Cosmodrome talks, ties grew.", doc="c", start="2023"),
    ]
    clusters = cluster_claims(claims)
    assert home_of(claims[2], clusters) is home_of(claims[0], clusters)
    assert home_of(claims[1], clusters) is not home_of(claims[0], clusters)


def test_scenario_denial_contradicts_the_summit_report(make_claim: Factory) -> None:
    report = make_claim("meeting", ["KP", "RU"], doc="wire", start="2023-09-13")
    denial = make_claim(
        "meeting", ["KP", "RU"], doc="statement", start="2023-09", modality=Modality.DENIED
    )
    (cluster,) = cluster_claims([report, denial])
    assert cluster.supporting == (report,) and cluster.contradicting == (denial,)
    (incident,) = build_incidents([report, denial])
    assert incident.contradictions and incident.time_start == "2023-09-13"


def test_scenario_campaign_and_its_shipments(make_claim: Factory) -> None:
    """Shipments dated to a day inside a campaign reported from September to February."""
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="a", start="2023-09", end="2024-02"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="b", start="2023-10-01"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="c", start="2023-10-02"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d", start="2024-01-15"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="e", start="2023-11"),
    ]
    (campaign,) = cluster_claims(claims)
    assert len(campaign.supporting) == 5
    episodes = find_episodes(campaign)
    assert [len(e.supporting) for e in episodes] == [2, 1]
    assert {e.parent for e in episodes} == {campaign.id}
    incidents = build_incidents(claims)
    parent = next(i for i in incidents if i.parent_id is None)
    assert parent.title.startswith("Arms from North Korea to Russia")
    assert sum(1 for i in incidents if i.parent_id == parent.id) == 2


def test_scenario_a_short_event_has_no_episodes(make_claim: Factory) -> None:
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="a", start="2023-10-01"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="b", start="2023-10"),
    ]
    (cluster,) = cluster_claims(claims)
    assert find_episodes(cluster) == []


def test_scenario_one_report_tells_one_event_in_many_sentences(make_claim: Factory) -> None:
    """A dated lead sentence, then undated details naming one party or none."""
    claims = [
        make_claim("troop_deployment", ["KP"], ["RU"], doc="r", start="2024-10", at=0),
        make_claim("troop_deployment", ["KP"], doc="r", at=3, tag="b"),
        make_claim("troop_deployment", [], ["RU"], doc="r", at=6, tag="c"),
        make_claim("troop_deployment", ["KP"], ["RU"], doc="r", at=9, tag="d"),
    ]
    assert len(cluster_claims(claims, documents=published(r="2024-11-01"))) == 1


def test_scenario_one_report_tells_two_events_apart(make_claim: Factory) -> None:
    """Two summits in one report: each undated sentence goes with the nearer one."""
    claims = [
        make_claim("meeting", ["KP", "RU"], doc="r", start="2019-04-25", at=0),
        make_claim("meeting", ["KP", "RU"], doc="r", at=2, tag="b"),
        make_claim("meeting", ["KP", "RU"], doc="r", start="2023-09-13", at=30, tag="c"),
        make_claim("meeting", ["KP", "RU"], doc="r", at=32, tag="d"),
    ]
    clusters = cluster_claims(claims, documents=published(r="2023-10-01"))
    assert len(clusters) == 2
    assert home_of(claims[1], clusters) is home_of(claims[0], clusters)
    assert home_of(claims[3], clusters) is home_of(claims[2], clusters)


def test_scenario_incremental_equals_rebuild_for_arrivals_in_order(make_claim: Factory) -> None:
    """Claims added later to restored incidents land where a rebuild puts them."""
    first = [
        make_claim("meeting", ["KP", "RU"], doc="a", start="2023-09-13"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="a", start="2023-10", at=2),
    ]
    later = [
        make_claim("meeting", ["RU", "KP"], doc="b", start="2023-09"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="b", start="2023-11", at=2),
    ]
    documents = published(a="2023-12-01", b="2024-01-10")
    rebuilt = cluster_claims(first + later, documents=documents)
    facts = [read_facts(c, documents) for c in first + later]
    before = Clusterer(learn_recurrence(facts))
    ids = {c.id: before.add(read_facts(c, documents)) for c in first}
    after = Clusterer(learn_recurrence(facts))
    for incident_id in set(ids.values()):
        members = [read_facts(c, documents) for c in first if ids[c.id] == incident_id]
        after.restore(incident_id, members[0].type, members)
    joined = {c.id: after.add(read_facts(c, documents)) for c in later}
    assert set(joined.values()) <= set(ids.values())  # kept the ids, started nothing
    assert after.changed == set(ids.values())
    grouped = sorted(sorted(c.id for c in k.claims) for k in after.clusters())
    assert grouped == sorted(sorted(c.id for c in k.claims) for k in rebuilt)


def test_scenario_incident_keeps_its_id_as_claims_join(make_claim: Factory) -> None:
    clusterer = Clusterer()
    seed = make_claim("meeting", ["KP", "RU"], doc="a", start="2023-09-13")
    first = clusterer.add(read_facts(seed, {}))
    later = make_claim("meeting", ["KP", "RU"], doc="b", start="2023-09-13")
    assert clusterer.add(read_facts(later, {})) == first
    (cluster,) = clusterer.clusters()
    assert cluster.id == first and len(cluster.supporting) == 2


def test_scenario_other_regimes_are_kept_with_a_reason(make_claim: Factory) -> None:
    claims = [
        make_claim("meeting", ["US", "VN"], doc="a", start="2023-09-10"),
        make_claim("meeting", ["KP", "RU"], doc="b", start="2023-09-13"),
    ]
    by_parties = {i.sources: i for i in build_incidents(claims)}
    assert by_parties[("US", "VN")].relevance == "other"
    assert "no North Korean party" in by_parties[("US", "VN")].relevance_reason
    assert by_parties[("KP", "RU")].relevance == "regime"


def test_scenario_a_stray_party_joins_the_settled_campaign(make_claim: Factory) -> None:
    """Three reports of North Korean troops sent to Russia in October 2024, and a fourth
    that also names Ukraine ("troops sent into the war between Russia and Ukraine"): the
    campaign the reports agree on absorbs it; beside a single report it stays apart."""
    campaign = [
        make_claim("troop_deployment", ["KP"], ["RU"], doc=f"r{i}", start="2024-10")
        for i in range(3)
    ]
    stray = make_claim("troop_deployment", ["KP"], ["RU", "UA"], doc="s", start="2024-11")
    documents = published(r0="2024-10-20", r1="2024-10-25", r2="2024-11-02", s="2024-11-20")
    clusters = cluster_claims([*campaign, stray], documents=documents)
    assert home_of(stray, clusters) is home_of(campaign[0], clusters)
    assert home_of(stray, clusters).targets == ("RU",)
    alone = cluster_claims([campaign[0], stray], documents=documents)
    assert home_of(stray, alone) is not home_of(campaign[0], alone)


def test_scenario_an_undated_act_reported_soon_after_a_rare_one_is_it(
    make_claim: Factory,
) -> None:
    """ "The new U.N. sanctions close a gap in the arms embargo", written the day after the
    Council's vote, is that vote; for acts of the kind that recur weekly it could be any."""
    vote = make_claim("sanctions_action", ["UN"], ["KP"], doc="wire", start="2016-03-02")
    later = make_claim("sanctions_action", ["UN"], ["KP"], doc="paper")
    clusters = cluster_claims(
        [vote, later], documents=published(wire="2016-03-02", paper="2016-03-03")
    )
    assert home_of(later, clusters) is home_of(vote, clusters)
    weekly = [
        make_claim(
            "sanctions_action",
            ["UN"],
            ["KP"],
            doc=f"w{w}",
            start=f"2015-{1 + w // 4:02d}-{1 + 7 * (w % 4):02d}",
        )
        for w in range(44)
    ]
    dates = {f"w{w}": "2015-12-31" for w in range(44)}
    clusters = cluster_claims(
        [vote, later, *weekly],
        documents=published(wire="2016-03-02", paper="2016-03-09", **dates),
    )
    assert home_of(later, clusters) is not home_of(vote, clusters)


def test_scenario_an_undated_report_missing_an_actor_needs_a_tie(make_claim: Factory) -> None:
    """ "Revenues are remitted to Pyongyang" (no sender, no date) beside a dated bank heist
    to the DPRK: in the heist's own report it is that report's; in another report nothing
    but the time ties it, and time alone is no sign of the same flow."""
    heist = make_claim("financial_flow", ["BD"], ["KP"], doc="wire", start="2016-02", tag="h")
    same_report = make_claim("financial_flow", [], ["KP"], doc="wire", at=2, tag="r")
    elsewhere = make_claim("financial_flow", [], ["KP"], doc="paper", tag="r")
    dates = published(wire="2016-03-10", paper="2016-04-01")
    own = cluster_claims([heist, same_report], documents=dates)
    assert home_of(same_report, own) is home_of(heist, own)
    other = cluster_claims([heist, elsewhere], documents=dates)
    assert home_of(elsewhere, other) is not home_of(heist, other)


def test_scenario_a_flow_read_without_direction_joins_the_passage_its_report_tells(
    make_claim: Factory,
) -> None:
    """ "Its soldiers sent into the Russian meat grinder", read as a deployment *to* both
    states, sits nearer a stray headline read the other way round than the report's own
    account (four sentences, North Korea to Russia): the account is its incident."""
    doc = published(r="2024-11-01")
    account = [
        make_claim("troop_deployment", ["KP"], ["RU"], doc="r", start="2024-10", at=0),
        make_claim("troop_deployment", ["KP"], ["RU"], doc="r", at=1, tag="b"),
        make_claim("troop_deployment", ["KP"], ["RU"], doc="r", at=2, tag="c"),
        make_claim("troop_deployment", ["KP"], ["RU"], doc="r", at=12, tag="d"),
    ]
    headline = make_claim("troop_deployment", ["RU"], ["KP"], doc="r", at=6, tag="h")
    both = make_claim("troop_deployment", [], ["RU", "KP"], doc="r", at=5, tag="x")
    clusters = cluster_claims([*account, headline, both], documents=doc)
    assert home_of(both, clusters) is home_of(account[0], clusters)
    assert home_of(headline, clusters) is not home_of(account[0], clusters)


def test_scenario_acts_of_two_states_keep_their_nearest_passage(make_claim: Factory) -> None:
    """Two states on one side of an act ("vetoed by Russia and China") is no confusion of
    roles: the sentence stays with the passage nearest to it."""
    doc = published(r="2024-04-01")
    veto = [
        make_claim("sanctions_action", ["RU"], ["UN"], doc="r", start="2024-03-28", at=0),
        make_claim("sanctions_action", ["RU"], ["UN"], doc="r", at=1, tag="b"),
        make_claim("sanctions_action", ["RU"], ["UN"], doc="r", at=2, tag="c"),
    ]
    other = make_claim("sanctions_action", ["CN"], ["UN"], doc="r", at=8, tag="o")
    joint = make_claim("sanctions_action", ["RU", "CN"], [], doc="r", at=7, tag="j")
    clusters = cluster_claims([*veto, other, joint], documents=doc)
    assert home_of(joint, clusters) is home_of(other, clusters)


def test_scenario_a_list_with_unspecific_goods_joins_the_shipment_it_reports(
    make_claim: Factory,
) -> None:
    """ "Rockets and missiles" delivered late last year, then "arms and ammunition" in the
    same report: a list that names unspecific goods is no other kind of shipment. Shells
    beside missiles stay apart."""
    doc = published(r="2023-01-20")
    delivery = make_claim(
        "arms_transfer", ["KP"], ["RU"], doc="r", start="2022", item="rockets and missiles"
    )
    general = make_claim(
        "arms_transfer", ["KP"], ["RU"], doc="r", at=2, tag="g", item="arms and ammunition"
    )
    shells = make_claim("arms_transfer", ["KP"], ["RU"], doc="r", at=4, tag="s", item="shells")
    clusters = cluster_claims([delivery, general, shells], documents=doc)
    assert home_of(general, clusters) is home_of(delivery, clusters)
    assert home_of(shells, clusters) is not home_of(delivery, clusters)


def test_scenario_buying_and_selling_in_one_paper_stay_apart(make_claim: Factory) -> None:
    """A long paper tells of the DPRK procuring technology abroad from 2020 to 2023 and,
    pages later, of the DPRK selling missile know-how. Each sentence names the DPRK alone,
    on opposite sides: two flows, and neither becomes "the DPRK to the DPRK"."""
    doc = published(paper="2024-03-01")
    buying = make_claim("tech_transfer", [], ["KP"], doc="paper", start="2020", end="2023")
    more = make_claim("tech_transfer", [], ["KP"], doc="paper", at=1, tag="m")
    selling = make_claim("tech_transfer", ["KP"], [], doc="paper", at=3, tag="s")
    muddled = make_claim("tech_transfer", ["KP"], ["KP"], doc="paper", at=4, tag="x")
    clusters = cluster_claims([buying, more, selling, muddled], documents=doc)
    assert home_of(more, clusters) is home_of(buying, clusters)
    assert home_of(selling, clusters) is not home_of(buying, clusters)
    assert all(not (set(c.sources) & set(c.targets)) for c in clusters)


def test_scenario_a_reversed_reading_joins_only_through_a_shared_name() -> None:
    """ "Support for Russia ... by providing arms to Wagner" read with Russia as the
    supplier, beside North Korea's deliveries to Russia for Wagner: the shared name says it
    is that shipment, read the wrong way round; the incident keeps its direction. A
    reversed sentence that shares no name stays apart."""
    delivery = sentence_claim(
        "Pyongyang delivered rockets for Wagner fighters.",
        "arms_transfer",
        ("KP",),
        ("RU",),
        doc="briefing",
        start="2022-11",
    )
    reversed_ = sentence_claim(
        "Moscow's war gets support through arms for Wagner.",
        "arms_transfer",
        ("RU",),
        (),
        doc="briefing",
    )
    unnamed = sentence_claim(
        "Moscow's army gets arms from abroad.", "arms_transfer", ("RU",), (), doc="briefing"
    )
    documents = published(briefing="2023-01-20")
    (incident,) = cluster_claims([delivery, reversed_], documents=documents)
    assert (incident.sources, incident.targets) == (("KP",), ("RU",))
    apart = cluster_claims([delivery, unnamed], documents=documents)
    assert home_of(unnamed, apart) is not home_of(delivery, apart)


def test_scenario_a_long_paper_is_many_passages(make_claim: Factory) -> None:
    """A paper opens with North Korea's shipments to Russia in 2023 and says, a few
    sentences on, that "North Korea keeps supplying arms" (no recipient, no date): that
    sentence is the shipments'. The same words pages later are another passage; and a
    chain of such sentences, each near the last, does not carry the passage on."""
    doc = published(paper="2024-03-01")
    shipments = make_claim("arms_transfer", ["KP"], ["RU"], doc="paper", start="2023")
    near = make_claim("arms_transfer", ["KP"], [], doc="paper", at=3, tag="n")
    link = make_claim("arms_transfer", ["KP"], [], doc="paper", at=70, tag="l")
    chained = make_claim("arms_transfer", ["KP"], [], doc="paper", at=140, tag="c")
    far = make_claim("arms_transfer", ["KP"], [], doc="paper", at=190, tag="f")
    clusters = cluster_claims([shipments, near, link, chained, far], documents=doc)
    incident = home_of(shipments, clusters)
    assert near in incident.claims and link in incident.claims
    assert chained not in incident.claims and far not in incident.claims


def test_scenario_an_undated_act_a_year_later_is_no_longer_it(make_claim: Factory) -> None:
    """A seizure by Ukraine in December 2024, and a report of a capture without a date:
    written a fortnight later it is that act (such acts are rare in fourteen years of
    reporting); written a year later, another act may have happened since."""
    seizure = make_claim("sanctions_action", ["UA"], ["KP"], doc="wire", start="2024-12-20")
    capture = make_claim("sanctions_action", ["UA"], ["KP"], doc="paper", tag="c")
    years = [
        make_claim("meeting", ["KP", "CN"], doc=f"m{year}", start=f"{year}-05-01")
        for year in (2010, 2024)
    ]
    claims = [seizure, capture, *years]
    soon = published(wire="2024-12-21", paper="2025-01-05")
    clusters = cluster_claims(claims, documents=soon)
    assert home_of(capture, clusters) is home_of(seizure, clusters)
    late = published(wire="2024-12-21", paper="2025-12-20")
    clusters = cluster_claims(claims, documents=late)
    assert home_of(capture, clusters) is not home_of(seizure, clusters)


def test_scenario_a_year_is_hardly_a_date_for_a_report_missing_an_actor(
    make_claim: Factory,
) -> None:
    """ "In 2019 North Korea earned revenue from hacking" (no payer) beside a theft from
    an exchange in 2019: time alone does not make it that theft; a month would do."""
    theft = make_claim("financial_flow", ["AE"], ["KP"], doc="wire", start="2019-05", tag="t")
    year = make_claim("financial_flow", [], ["KP"], doc="paper", start="2019", tag="y")
    month = make_claim("financial_flow", [], ["KP"], doc="other", start="2019-05", tag="m")
    dates = published(wire="2019-06-01", paper="2020-02-01", other="2019-06-10")
    clusters = cluster_claims([theft, year, month], documents=dates)
    assert home_of(month, clusters) is home_of(theft, clusters)
    assert home_of(year, clusters) is not home_of(theft, clusters)
