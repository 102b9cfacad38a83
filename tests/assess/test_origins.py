from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from sanctionwatch.assess import DocumentInfo, group_origins, load_outlet_registry
from sanctionwatch.assess.origins import is_named
from sanctionwatch.domain import Attribution, Claim, make_span
from sanctionwatch.domain.incident import Origin

Factory = Callable[..., Claim]
REGISTRY = load_outlet_registry()


def origins_of(
    make_claim: Factory, rows: Sequence[tuple[str, str | None, str, tuple[str, ...]]]
) -> list[Origin]:
    """rows: (document, outlet, syndication cluster, cited sources)."""
    documents = {
        doc: DocumentInfo(
            id=doc, outlet=outlet, published=f"2024-01-0{i + 1}", syndication_cluster=cluster
        )
        for i, (doc, outlet, cluster, _) in enumerate(rows)
    }
    claims = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc=doc, cited=cited)
        for doc, _, _, cited in rows
    ]
    return group_origins(claims, documents=documents, registry=REGISTRY, involved={"KP", "RU"})


def test_origins_wire_story_in_five_outlets_is_one_origin(make_claim: Factory) -> None:
    rows = [
        (f"d{i}", outlet, "syn-1", ())
        for i, outlet in enumerate(
            ["Yonhap", "The Korea Herald", "Daily Mail", "Seoul Digest", "Asia Wire Review"]
        )
    ]
    (origin,) = origins_of(make_claim, rows)
    assert origin.kind == "syndication"
    assert origin.label == "Yonhap (syndicated story)"
    assert [c.outlet for c in origin.conduits] == [
        "Yonhap",
        "The Korea Herald",
        "Daily Mail",
        "Seoul Digest",
        "Asia Wire Review",
    ]
    assert origin.reliability == "B"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            [
                ("d1", "The Korea Herald", "s1", ("Yonhap",)),
                ("d2", "Daily Mail", "s2", ("Yonhap",)),
            ],
            ["Yonhap"],
            id="both-citing-yonhap",
        ),
        pytest.param(
            [("d1", "Daily Mail", "s1", ("Lim Soo-ho",)), ("d2", "BBC", "s2", ("Lim Soo-ho",))],
            ["Lim Soo-ho"],
            id="both-quoting-one-person",
        ),
        pytest.param(
            [("d1", "Daily Mail", "s1", ("officials",)), ("d2", "BBC", "s2", ("officials",))],
            ["BBC", "Daily Mail"],
            id="unnamed-officials-stay-apart",
        ),
        pytest.param(
            [("d1", "Yonhap", "s1", ()), ("d2", "The Korea Herald", "s2", ("Yonhap",))],
            ["Yonhap"],
            id="the-wire-and-a-paper-citing-it",
        ),
        pytest.param(
            [("d1", "Reuters", "s1", ()), ("d2", "Reuters", "s2", ())],
            ["Reuters"],
            id="one-newsroom",
        ),
        pytest.param(
            [("d1", "Reuters", "s1", ()), ("d2", "BBC", "s2", ())],
            ["BBC", "Reuters"],
            id="independent",
        ),
    ],
)
def test_origins_count_independent_sources(
    make_claim: Factory,
    rows: list[tuple[str, str | None, str, tuple[str, ...]]],
    expected: list[str],
) -> None:
    assert sorted(o.label for o in origins_of(make_claim, rows)) == expected


def test_origins_cited_source_keeps_its_conduits(make_claim: Factory) -> None:
    rows = [("d1", "The Korea Herald", "s1", ("Yonhap",)), ("d2", "Daily Mail", "s2", ("Yonhap",))]
    (origin,) = origins_of(make_claim, rows)
    assert (origin.kind, origin.reliability) == ("cited_source", "B")
    assert [c.outlet for c in origin.conduits] == ["The Korea Herald", "Daily Mail"]


def test_origins_state_media_of_an_actor_speak_for_its_own_acts(make_claim: Factory) -> None:
    (origin,) = origins_of(make_claim, [("d1", "Reuters", "s1", ("KCNA",))])
    assert (origin.label, origin.reliability) == ("KCNA", "B")
    assert "KP is itself an actor" in origin.reliability_reason


@pytest.mark.parametrize(
    ("name", "named"),
    [
        pytest.param("Yonhap", True, id="outlet"),
        pytest.param("U.S. officials", True, id="qualified-officials"),
        pytest.param("the National Intelligence Service", True, id="agency"),
        pytest.param("Institute for National Security Strategy", True, id="connector"),
        pytest.param("officials", False, id="officials"),
        pytest.param("The paper", False, id="the-paper"),
        pytest.param("Our information", False, id="our-information"),
        pytest.param("North Korea deployed an", False, id="clause"),
    ],
)
def test_origins_only_names_join_documents(name: str, named: bool) -> None:
    assert is_named(Attribution(make_span(name, 0, len(name)), name, None)) is named


def test_origins_a_topic_found_in_the_sentence_itself_is_named() -> None:
    """The role came from the document's topic, but the sentence names that state: only the
    role was inferred, so the claim is not weak; a topic mention elsewhere still is."""
    from dataclasses import replace

    from sanctionwatch.assess.origins import is_weak
    from sanctionwatch.domain import RoleFiller, make_span

    from .conftest import LONG_TEXT, build_claim

    claim = build_claim("trade", ["SE"], ["KP"], doc="d", start="2015")
    inside = replace(claim, rules=("target:coref:document-topic",))
    assert not is_weak(inside)
    far = make_span(LONG_TEXT, 200, 210, document_id="d")
    outside = replace(inside, targets=(RoleFiller(far, "KP", "gazetteer.actors:name:x"),))
    assert is_weak(outside)
