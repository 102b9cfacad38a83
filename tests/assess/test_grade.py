from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.assess import DocumentInfo, grade_incident
from sanctionwatch.domain import Claim, Modality
from sanctionwatch.domain.incident import LIKELIHOOD_RANGES

Factory = Callable[..., Claim]


def docs(*rows: tuple[str, str | None]) -> dict[str, DocumentInfo]:
    return {doc_id: DocumentInfo(id=doc_id, outlet=outlet) for doc_id, outlet in rows}


def arms(make_claim: Factory, doc: str, **options: object) -> Claim:
    return make_claim("arms_transfer", ["KP"], ["RU"], doc=doc, **options)


@pytest.mark.parametrize(
    ("outlet", "url", "sources", "letter"),
    [
        pytest.param("United Nations Panel of Experts", None, ["KP"], "A", id="un"),
        pytest.param("Reuters", None, ["KP"], "B", id="wire"),
        pytest.param("The Korea Herald (via a portal)", None, ["KP"], "B", id="paper-repost"),
        pytest.param("RUSI (inferred from author note)", None, ["KP"], "C", id="think-tank"),
        pytest.param(None, "https://www.38north.org/2024/01/x", ["KP"], "C", id="domain"),
        # State media speak with authority about their own government's acts ...
        pytest.param("Korean Central News Agency (KCNA)", None, ["KP"], "B", id="own-acts"),
        # ... and are unreliable about its adversaries.
        pytest.param("Korean Central News Agency (KCNA)", None, ["US"], "E", id="adversary"),
        pytest.param("Korean Central News Agency (KCNA)", None, ["CN"], "C", id="uninvolved-media"),
        pytest.param("A personal blog nobody knows", None, ["KP"], "F", id="unknown"),
    ],
)
def test_grade_reliability_from_outlet_registry(
    make_claim: Factory, outlet: str | None, url: str | None, sources: list[str], letter: str
) -> None:
    claim = make_claim("arms_transfer", sources, ["RU"], doc="d1")
    documents = {"d1": DocumentInfo(id="d1", outlet=outlet, url=url)}
    grade = grade_incident([claim], [], documents=documents)
    assert grade.reliability == letter
    assert grade.reasons[0].startswith(f"source reliability {letter}")


def test_grade_takes_best_supporting_source(make_claim: Factory) -> None:
    claims = [arms(make_claim, "d1"), arms(make_claim, "d2")]
    grade = grade_incident(claims, [], documents=docs(("d1", "some blog"), ("d2", "Reuters")))
    assert grade.reliability == "B"
    assert "Reuters" in grade.reasons[0]


def test_grade_without_documents_is_f(make_claim: Factory) -> None:
    grade = grade_incident([arms(make_claim, "d1")], [])
    assert grade.code == "F3"


CREDIBILITY = [
    pytest.param(
        [("d1", "Reuters", "fact", ()), ("d2", "BBC News", "fact", ())], 1, "confirmed", id="two-ab"
    ),
    pytest.param(
        # Corroboration, not the letters, decides credibility: F1 is a real Admiralty grade.
        [("d1", "blog one", "fact", ()), ("d2", "blog two", "fact", ())],
        1,
        "stated as fact by 2 independent origins",
        id="two-unknown",
    ),
    pytest.param(
        [("d1", "Reuters", "fact", ()), ("d2", "BBC", "uncertain", ())],
        2,
        "reported, hedged, by 1 other independent origin",
        id="fact-and-hedged",
    ),
    pytest.param(
        [("d1", None, "fact", ()), ("d2", None, "fact", ()), ("d3", None, "fact", ())],
        1,
        "confirmed",
        id="three-origins",
    ),
    pytest.param([("d1", "Reuters", "fact", ())], 3, "one origin only", id="one-fact"),
    pytest.param(
        [("d1", "Reuters", "uncertain", ()), ("d2", "BBC", "planned", ())],
        3,
        "no source states it as fact",
        id="hedged-only",
    ),
    pytest.param([("d1", "Reuters", "uncertain", ())], 6, "cannot be judged", id="one-hedged"),
    pytest.param(
        [
            ("d1", "The Korea Herald", "fact", ("Yonhap",)),
            ("d2", "Daily Mail", "fact", ("Yonhap",)),
        ],
        3,
        "one origin only (Yonhap)",
        id="both-citing-yonhap",
    ),
    pytest.param(
        [("d1", "Reuters", "fact", ("officials",)), ("d2", "BBC", "fact", ("officials",))],
        1,
        "2 independent origins",
        id="unnamed-officials-are-not-one-source",
    ),
    pytest.param(
        [("d1", "Reuters", "fact", ()), ("d2", "Reuters", "fact", ())],
        3,
        "one origin only (Reuters)",
        id="one-newsroom",
    ),
    pytest.param(
        [("d1", "Daily Mail", "fact", ("Izvestia",)), ("d2", "BBC", "fact", ("Izvestia",))],
        3,
        "one origin only",
        id="same-cited-source",
    ),
    pytest.param(
        [("d1", "Daily Mail", "fact", ("Izvestia",)), ("d2", "Izvestia", "fact", ())],
        3,
        "one origin only",
        id="cited-source-and-its-own-copy",
    ),
]


@pytest.mark.parametrize(("rows", "credibility", "phrase"), CREDIBILITY)
def test_grade_credibility_counts_independent_origins(
    make_claim: Factory,
    rows: list[tuple[str, str | None, str, tuple[str, ...]]],
    credibility: int,
    phrase: str,
) -> None:
    claims = [arms(make_claim, d, modality=Modality(m), cited=c) for d, _, m, c in rows]
    documents = docs(*[(d, outlet) for d, outlet, _, _ in rows])
    grade = grade_incident(claims, [], documents=documents)
    assert grade.credibility == credibility
    assert any(phrase in reason for reason in grade.reasons), grade.reasons


def test_grade_syndicated_copies_count_once(make_claim: Factory) -> None:
    claims = [arms(make_claim, "d1"), arms(make_claim, "d2")]
    documents = {
        "d1": DocumentInfo(id="d1", outlet="site one", syndication_cluster="s1"),
        "d2": DocumentInfo(id="d2", outlet="site two", syndication_cluster="s1"),
    }
    grade = grade_incident(claims, [], documents=documents)
    assert grade.credibility == 3
    assert any("reduce to 1 independent origin" in r for r in grade.reasons)


@pytest.mark.parametrize(
    ("modality", "outlet", "credibility", "phrase"),
    [
        pytest.param(Modality.DENIED, "TASS", 2, "involved party", id="denial"),
        pytest.param(Modality.NEGATED, "TASS", 2, "involved party", id="involved-media-negation"),
        pytest.param(Modality.NEGATED, "Reuters", 4, "did not happen", id="independent-negation"),
    ],
)
def test_grade_contradiction_caps_credibility(
    make_claim: Factory, modality: Modality, outlet: str, credibility: int, phrase: str
) -> None:
    support = [arms(make_claim, f"d{i}") for i in range(3)]
    against = [arms(make_claim, "deny", modality=modality)]
    documents = docs(("d0", "Reuters"), ("d1", "BBC"), ("d2", "AFP"), ("deny", outlet))
    grade = grade_incident(support, against, documents=documents)
    assert grade.credibility == credibility
    assert any(phrase in reason for reason in grade.reasons), grade.reasons


def test_grade_involved_denial_keeps_a_single_fact_at_three(make_claim: Factory) -> None:
    grade = grade_incident(
        [arms(make_claim, "d1")], [arms(make_claim, "d2", modality=Modality.DENIED)]
    )
    assert grade.credibility == 3
    assert any("no better than 2" in reason for reason in grade.reasons)


def test_grade_negated_hedged_claim_is_improbable(make_claim: Factory) -> None:
    grade = grade_incident(
        [arms(make_claim, "d1", modality=Modality.UNCERTAIN)],
        [arms(make_claim, "d2", modality=Modality.NEGATED)],
    )
    assert grade.credibility == 5


def test_grade_without_support_cannot_be_judged(make_claim: Factory) -> None:
    grade = grade_incident([], [arms(make_claim, "d1", modality=Modality.DENIED)])
    assert grade.code == "F6"
    assert any("kept and shown" in reason for reason in grade.reasons)


def test_grade_every_reason_is_a_sentence(make_claim: Factory) -> None:
    grade = grade_incident(
        [arms(make_claim, "d1"), arms(make_claim, "d2", modality=Modality.UNCERTAIN)],
        [arms(make_claim, "d3", modality=Modality.DENIED)],
        documents=docs(("d1", "Reuters"), ("d2", "unknown blog"), ("d3", "KCNA")),
    )
    assert grade.method == "grade.admiralty@v9"
    assert len(grade.reasons) >= 3
    assert all(isinstance(r, str) and len(r.split()) >= 4 for r in grade.reasons)


OUTLETS = [None, "Reuters", "BBC", "KCNA", "TASS", "RUSI", "United Nations", "some blog"]
ROW = st.tuples(
    st.sampled_from(OUTLETS),
    st.sampled_from([Modality.FACT, Modality.UNCERTAIN, Modality.PLANNED]),
    st.sampled_from([None, "c1", "c2"]),
    st.sampled_from([(), ("Izvestia",), ("officials",)]),
)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(ROW, max_size=6),
    against=st.lists(st.sampled_from([Modality.DENIED, Modality.NEGATED]), max_size=2),
    new_outlet=st.sampled_from([None, "Reuters", "KCNA", "United Nations", "a new site"]),
)
def test_grade_independent_fact_never_lowers_grade(
    make_claim: Factory,
    rows: list[tuple[str | None, Modality, str | None, tuple[str, ...]]],
    against: list[Modality],
    new_outlet: str | None,
) -> None:
    documents: dict[str, DocumentInfo] = {}
    support = []
    for i, (outlet, modality, cluster, cited) in enumerate(rows):
        doc_id = f"d{i}"
        documents[doc_id] = DocumentInfo(id=doc_id, outlet=outlet, syndication_cluster=cluster)
        support.append(
            make_claim("arms_transfer", ["KP"], ["RU"], doc=doc_id, modality=modality, cited=cited)
        )
    contra = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc=f"x{i}", modality=m)
        for i, m in enumerate(against)
    ]
    before = grade_incident(support, contra, documents=documents)
    # Independent: a fresh document, its own cluster, an outlet no other claim uses.
    outlet = None if new_outlet in {o for o, *_ in rows} else new_outlet
    documents["new"] = DocumentInfo(id="new", outlet=outlet, syndication_cluster="fresh")
    extra = make_claim("arms_transfer", ["KP"], ["RU"], doc="new")
    after = grade_incident([*support, extra], contra, documents=documents)
    assert after.credibility <= before.credibility
    assert "ABCDEF".index(after.reliability) <= "ABCDEF".index(before.reliability)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(ROW, min_size=1, max_size=6),
    against=st.lists(st.sampled_from([Modality.DENIED, Modality.NEGATED]), max_size=2),
    pick=st.integers(0, 5),
    copy_outlet=st.sampled_from(OUTLETS),
)
def test_grade_syndicated_copy_never_raises_credibility(
    make_claim: Factory,
    rows: list[tuple[str | None, Modality, str | None, tuple[str, ...]]],
    against: list[Modality],
    pick: int,
    copy_outlet: str | None,
) -> None:
    documents: dict[str, DocumentInfo] = {}
    support = []
    for i, (outlet, modality, cluster, cited) in enumerate(rows):
        doc_id = f"d{i}"
        # Every stored document has a syndication cluster, most of them alone in it.
        documents[doc_id] = DocumentInfo(
            id=doc_id, outlet=outlet, syndication_cluster=cluster or f"solo-{i}"
        )
        support.append(
            make_claim("arms_transfer", ["KP"], ["RU"], doc=doc_id, modality=modality, cited=cited)
        )
    contra = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc=f"x{i}", modality=m)
        for i, m in enumerate(against)
    ]
    before = grade_incident(support, contra, documents=documents)
    original = support[pick % len(support)]
    documents["copy"] = DocumentInfo(
        id="copy",
        outlet=copy_outlet,
        syndication_cluster=documents[original.document_id].syndication_cluster,
    )
    copy = make_claim(
        "arms_transfer",
        ["KP"],
        ["RU"],
        doc="copy",
        modality=original.modality,
        cited=[a.name for a in original.attributions],
    )
    after = grade_incident([*support, copy], contra, documents=documents)
    assert after.credibility >= before.credibility


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(ROW, min_size=1, max_size=5))
def test_grade_independent_fact_never_lowers_likelihood(
    make_claim: Factory, rows: list[tuple[str | None, Modality, str | None, tuple[str, ...]]]
) -> None:
    order = ["", *LIKELIHOOD_RANGES]  # least to most likely; "" (none) lowest
    documents = {
        f"d{i}": DocumentInfo(id=f"d{i}", outlet=o, syndication_cluster=c)
        for i, (o, _, c, _) in enumerate(rows)
    }
    support = [
        make_claim("arms_transfer", ["KP"], ["RU"], doc=f"d{i}", modality=m, cited=cited)
        for i, (_, m, _, cited) in enumerate(rows)
    ]
    before = grade_incident(support, [], documents=documents)
    documents["new"] = DocumentInfo(id="new", outlet=None, syndication_cluster="fresh")
    after = grade_incident(
        [*support, make_claim("arms_transfer", ["KP"], ["RU"], doc="new")], [], documents=documents
    )
    assert order.index(after.likelihood) >= order.index(before.likelihood)


def test_grade_coreference_actors_count_as_hedged(make_claim: Factory) -> None:
    claims = [arms(make_claim, "d1"), arms(make_claim, "d2", coref=True)]
    grade = grade_incident(claims, [], documents=docs(("d1", "Reuters"), ("d2", "BBC")))
    assert grade.credibility == 2
    assert any("through coreference" in r and "BBC" in r for r in grade.reasons), grade.reasons


def test_grade_known_cited_source_is_graded_itself(make_claim: Factory) -> None:
    claim = arms(make_claim, "d1", cited=("Reuters",))
    grade = grade_incident([claim], [], documents=docs(("d1", "a blog nobody knows")))
    assert grade.reliability == "B"
    assert "the best supporting origin is Reuters (a cited source)" in grade.reasons[0]


@pytest.mark.parametrize(
    ("rows", "against", "phrase"),
    [
        pytest.param([("d1", "Reuters"), ("d2", "BBC")], [], "almost certainly", id="A1-B1"),
        pytest.param([("d1", "RUSI"), ("d2", "38 North")], [], "very likely", id="C1"),
        pytest.param([("d1", "Reuters"), ("d2", "BBC")], ["deny"], "likely", id="denied"),
        pytest.param([("d1", "Reuters")], [], "likely", id="B3"),
        pytest.param([("d1", "RUSI")], [], "roughly even chance", id="C3"),
    ],
)
def test_grade_likelihood_is_an_icd203_phrase_kept_apart(
    make_claim: Factory, rows: list[tuple[str, str]], against: list[str], phrase: str
) -> None:
    support = [arms(make_claim, d) for d, _ in rows]
    contra = [arms(make_claim, d, modality=Modality.DENIED) for d in against]
    grade = grade_incident(support, contra, documents=docs(*rows, ("deny", "TASS")))
    assert grade.likelihood == phrase
    assert grade.likelihood_range == LIKELIHOOD_RANGES[phrase]
    assert grade.likelihood_reason.startswith(f"{phrase} (")
    assert f"credibility {grade.credibility}" in grade.likelihood_reason
    assert not any(phrase in r for r in grade.reasons)  # the grade's reasons stay the grade's


def test_grade_without_support_has_no_likelihood(make_claim: Factory) -> None:
    grade = grade_incident([], [arms(make_claim, "d1", modality=Modality.DENIED)])
    assert (grade.likelihood, grade.likelihood_range) == ("", None)
    assert "cannot be judged" in grade.likelihood_reason
