from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from sanctionwatch.assess import DocumentInfo, cluster_claims
from sanctionwatch.assess.cluster import ClaimCluster
from sanctionwatch.domain import Claim, Modality

Factory = Callable[..., Claim]


def shape(clusters: list[ClaimCluster]) -> list[tuple[list[str], list[str]]]:
    return [([c.id for c in k.supporting], [c.id for c in k.contradicting]) for k in clusters]


@pytest.mark.parametrize(
    ("times", "expected_clusters"),
    [
        pytest.param([("2023-09", None), ("2023-09-13", None), ("2023", None)], 1, id="grains"),
        pytest.param([("2023-08", None), ("2023-09-13", None)], 2, id="different-months"),
        pytest.param([("2022-01", "2022-06"), ("2022-03", None)], 1, id="range-contains"),
        pytest.param([("2021", None), ("2024", None)], 2, id="different-years"),
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


def test_cluster_direction_and_type_separate(make_claim: Factory) -> None:
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d1"),
        make_claim("arms_transfer", ["RU"], ["KP"], doc="d2"),
        make_claim("tech_transfer", ["KP"], ["RU"], doc="d3"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d4"),
    ]
    clusters = cluster_claims(claims)
    assert len(clusters) == 3
    together = next(c for c in clusters if len(c.supporting) == 2)
    assert {c.document_id for c in together.supporting} == {"d1", "d4"}


def test_cluster_actors_compare_as_sets(make_claim: Factory) -> None:
    claims = [
        make_claim("arms_transfer", ["KP", "IR"], ["RU"], doc="d1"),
        make_claim("arms_transfer", ["IR", "KP"], ["RU"], doc="d2"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d3"),
    ]
    assert sorted(len(c.supporting) for c in cluster_claims(claims)) == [1, 2]


def test_cluster_meeting_participants_compare_as_sets(make_claim: Factory) -> None:
    claims = [
        make_claim("meeting", ["KP", "RU"], doc="d1", start="2023-09-13"),
        make_claim("meeting", ["RU"], ["KP"], doc="d2", start="2023-09"),
    ]
    (cluster,) = cluster_claims(claims)
    assert cluster.sources == ("KP", "RU")
    assert cluster.targets == ()


def test_cluster_skips_claims_without_actors(make_claim: Factory) -> None:
    claims = [make_claim("arms_transfer", doc="d1"), make_claim("trade", doc="d2", item="coal")]
    assert cluster_claims(claims) == []


def test_cluster_undated_claim_joins_largest_cluster(make_claim: Factory) -> None:
    claims = [
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="d1", start="2023-01"),
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="d2", start="2023-01-20"),
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="d3", start="2019"),
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="undated"),
    ]
    clusters = cluster_claims(claims)
    assert len(clusters) == 2
    big = next(c for c in clusters if len(c.supporting) == 3)
    assert "undated" in {c.document_id for c in big.supporting}


def test_cluster_undated_claim_avoids_clusters_after_publication(make_claim: Factory) -> None:
    claims = [
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="d1", start="2024-01"),
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="d2", start="2024-01"),
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="d3", start="2019"),
        make_claim("labor_dispatch", ["KP"], ["RU"], doc="old"),
    ]
    documents = {"old": DocumentInfo(id="old", published="2020-03")}
    clusters = cluster_claims(claims, documents=documents)
    home = next(c for c in clusters if "old" in {x.document_id for x in c.supporting})
    assert {x.document_id for x in home.supporting} == {"d3", "old"}


def test_cluster_only_undated_claims_form_one_cluster(make_claim: Factory) -> None:
    claims = [make_claim("trade", ["KP"], ["CN"], doc=f"d{i}", item="coal") for i in range(3)]
    (cluster,) = cluster_claims(claims)
    assert len(cluster.supporting) == 3


@pytest.mark.parametrize("modality", [Modality.DENIED, Modality.NEGATED], ids=lambda m: m.value)
def test_cluster_denial_is_contradicting(make_claim: Factory, modality: Modality) -> None:
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d1", start="2023-09"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d2", modality=modality),
    ]
    (cluster,) = cluster_claims(claims)
    assert [c.document_id for c in cluster.supporting] == ["d1"]
    assert [c.document_id for c in cluster.contradicting] == ["d2"]


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


def test_cluster_is_independent_of_input_order(make_claim: Factory) -> None:
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d1", start="2023-09"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d2", start="2023"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d3", start="2024-02-01"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d4"),
        make_claim("arms_transfer", ["KP"], ["RU"], doc="d5", modality=Modality.DENIED),
        make_claim("meeting", ["RU", "KP"], doc="d6", start="2023-09-13"),
        make_claim("labor_dispatch", ["KP"], ["UA"], doc="d7"),
    ]
    expected = shape(cluster_claims(claims))
    for order in itertools.islice(itertools.permutations(claims), 0, 5040, 97):
        assert shape(cluster_claims(list(order))) == expected


def test_cluster_duplicate_claims_count_once(make_claim: Factory) -> None:
    claim = make_claim("arms_transfer", ["KP"], ["RU"], doc="d1")
    (cluster,) = cluster_claims([claim, claim])
    assert cluster.supporting == (claim,)
