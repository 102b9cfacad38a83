from __future__ import annotations

from typing import Any

import pytest

from sanctionwatch.domain import ClaimType, Modality
from sanctionwatch.evaluation.score import match_names, normalise_name


def test_score_perfect_prediction_is_all_one(kit: Any) -> None:
    scores = kit.score_one(kit.perfect_gold(), kit.perfect_claims())

    assert (scores.detection.tp, scores.detection.fp, scores.detection.fn) == (4, 0, 0)
    assert scores.detection.precision == scores.detection.recall == scores.detection.f1 == 1.0
    assert {name: a.accuracy for name, a in scores.fields.items()} == dict.fromkeys(
        ["source", "target", "modality", "modality_non_fact", "quantity", "time"], 1.0
    )
    assert (scores.fields["modality_non_fact"].total, scores.fields["time"].total) == (2, 2)
    assert scores.fields["quantity"].total == 1
    assert scores.attribution.f1 == 1.0
    assert all(not (e.false_positives or e.false_negatives or e.mismatches) for e in scores.errors)


def test_score_missing_claim_lowers_recall(kit: Any) -> None:
    scores = kit.score_one(kit.perfect_gold(), kit.perfect_claims()[:3])

    assert (scores.detection.tp, scores.detection.fp, scores.detection.fn) == (3, 0, 1)
    assert scores.detection.precision == 1.0
    assert scores.detection.recall == 0.75
    assert scores.detection.f1 == pytest.approx(6 / 7)
    assert scores.per_type["labor_dispatch"].recall == 0.0
    assert scores.per_type["labor_dispatch"].precision is None
    assert scores.errors[0].false_negatives == (("labor_dispatch", kit.DENIED),)


def test_score_type_mismatch_does_not_match(kit: Any) -> None:
    scores = kit.score_one(
        [kit.gold_claim(kit.SHIPPED)], [kit.make_claim(kit.SHIPPED, ClaimType.TRADE)]
    )

    assert (scores.detection.tp, scores.detection.fp, scores.detection.fn) == (0, 1, 1)
    assert scores.per_type["trade"].fp == 1
    assert scores.per_type["arms_transfer"].fn == 1
    assert scores.fields["source"].total == 0


@pytest.mark.parametrize("longer_first", [True, False], ids=["longer-first", "shorter-first"])
def test_score_overlap_greediness_matches_largest_overlap(kit: Any, longer_first: bool) -> None:
    fragment = "Ruritania shipped 5,000 mortar rounds"
    predicted = [kit.make_claim(kit.SHIPPED), kit.make_claim(fragment)]
    if not longer_first:
        predicted.reverse()

    scores = kit.score_one([kit.gold_claim(kit.SHIPPED)], predicted)

    assert (scores.detection.tp, scores.detection.fp, scores.detection.fn) == (1, 1, 0)
    assert scores.errors[0].false_positives == (("arms_transfer", fragment),)


@pytest.mark.parametrize(
    ("gold_source", "predicted", "correct"),
    [
        (["RU", "KP"], ("KP", "RU"), True),
        ("KP", ("KP", "CN"), False),
        (None, (), True),
        (None, ("KP",), False),
        ("KP", (), False),
    ],
    ids=["same-set-other-order", "extra-code", "null-equals-empty", "null-vs-code", "code-vs-none"],
)
def test_score_sources_compared_as_sets(
    kit: Any, gold_source: Any, predicted: tuple[str, ...], correct: bool
) -> None:
    scores = kit.score_one(
        [kit.gold_claim(kit.SHIPPED, source=gold_source)],
        [kit.make_claim(kit.SHIPPED, sources=predicted)],
    )

    assert scores.fields["source"].total == 1
    assert scores.fields["source"].correct == int(correct)
    assert scores.fields["target"].correct == 1


@pytest.mark.parametrize(
    ("gold", "predicted", "total", "correct"),
    [
        ((5000, 5000), (4960, 5040), 1, 1),
        ((5000, 5000), (4900, 5000), 1, 0),
        ((100000, None), (100500, None), 1, 1),
        ((100000, None), (100000, 1000000), 1, 0),
        (None, (5000, 5000), 1, 0),
        ((5000, 5000), None, 1, 0),
        (None, None, 0, 0),
    ],
    ids=[
        "within-1pct",
        "low-off-2pct",
        "open-high",
        "null-high-vs-value",
        "gold-none",
        "prediction-none",
        "both-none",
    ],
)
def test_score_quantity_within_one_percent(
    kit: Any, gold: Any, predicted: Any, total: int, correct: int
) -> None:
    gold_quantity = None if gold is None else {"low": gold[0], "high": gold[1], "unit": "round"}
    claim = kit.make_claim(
        kit.SHIPPED, quantity=None if predicted is None else (*predicted, "round")
    )

    scores = kit.score_one([kit.gold_claim(kit.SHIPPED, quantity=gold_quantity)], [claim])

    assert (scores.fields["quantity"].total, scores.fields["quantity"].correct) == (total, correct)


@pytest.mark.parametrize(
    ("gold", "predicted", "total", "correct"),
    [
        (("2023", None), ("2023-09", None), 1, 1),
        (("2023-09", None), ("2023", None), 1, 0),
        (("2023-09", None), ("2023-09-14", None), 1, 1),
        (("2023-09", None), ("2023-10", None), 1, 0),
        (("2023", "2024"), ("2023-01", "2024-06"), 1, 1),
        (("2023", "2024"), ("2023", None), 1, 0),
        (None, ("2023", None), 1, 0),
        (("2023", None), None, 1, 0),
        (None, None, 0, 0),
    ],
    ids=[
        "finer-prediction",
        "coarser-prediction",
        "day-vs-month",
        "other-month",
        "range",
        "range-missing-end",
        "gold-none",
        "prediction-none",
        "both-none",
    ],
)
def test_score_time_at_gold_granularity(
    kit: Any, gold: Any, predicted: Any, total: int, correct: int
) -> None:
    gold_time = None if gold is None else {"start": gold[0], "end": gold[1], "text": "x"}

    scores = kit.score_one(
        [kit.gold_claim(kit.SHIPPED, time=gold_time)], [kit.make_claim(kit.SHIPPED, time=predicted)]
    )

    assert (scores.fields["time"].total, scores.fields["time"].correct) == (total, correct)


@pytest.mark.parametrize(
    ("gold", "predicted", "counts"),
    [
        (["officials in Seoul"], ["officials"], (1, 0, 0)),
        (["the Ministry"], ["ministry."], (1, 0, 0)),
        (["U.S. government"], ["US Government"], (1, 0, 0)),
        (["United States"], ["US"], (0, 1, 1)),
        (["Russia"], ["US"], (0, 1, 1)),
        (["Seoul officials", "Seoul"], ["Seoul"], (1, 0, 1)),
        (["Izvestia", "Seoul"], ["Seoul officials", "Izvestia daily"], (2, 0, 0)),
        ([], ["officials"], (0, 1, 0)),
    ],
    ids=[
        "contained",
        "article-and-punctuation",
        "dotted-acronym",
        "no-alias-expansion",
        "word-boundary",
        "one-to-one",
        "both-directions",
        "spurious-name",
    ],
)
def test_score_attribution_containment(
    kit: Any, gold: list[str], predicted: list[str], counts: tuple[int, int, int]
) -> None:
    scores = kit.score_one(
        [kit.gold_claim(kit.SHIPPED, attributed_to=gold)],
        [kit.make_claim(kit.SHIPPED, attributions=predicted)],
    )

    assert (scores.attribution.tp, scores.attribution.fp, scores.attribution.fn) == counts


def test_score_match_names_finds_maximum_matching() -> None:
    # Greedy would pair "seoul" with "seoul officials" and strand "officials".
    assert match_names(["Seoul", "officials"], ["Seoul officials", "Seoul"]) == 2
    assert normalise_name("The U.S. Government's") == "us governments"


@pytest.mark.parametrize(
    ("gold", "predicted", "total", "correct"),
    [
        ("fact", Modality.FACT, 0, 0),
        ("uncertain", Modality.UNCERTAIN, 1, 1),
        ("fact", Modality.PLANNED, 1, 0),
        ("denied", Modality.FACT, 1, 0),
    ],
    ids=["both-fact", "both-uncertain", "spurious-hedge", "missed-denial"],
)
def test_score_non_fact_modality_only_where_either_is_not_fact(
    kit: Any, gold: str, predicted: Modality, total: int, correct: int
) -> None:
    scores = kit.score_one(
        [kit.gold_claim(kit.SHIPPED, modality=gold)],
        [kit.make_claim(kit.SHIPPED, modality=predicted)],
    )

    assert (
        scores.fields["modality_non_fact"].total,
        scores.fields["modality_non_fact"].correct,
    ) == (
        total,
        correct,
    )
    assert scores.fields["modality"].total == 1


def test_score_error_breakdown_lists_mismatched_fields(kit: Any) -> None:
    claim = kit.make_claim(kit.SHIPPED, targets=("CN",), modality=Modality.UNCERTAIN)

    scores = kit.score_one([kit.gold_claim(kit.SHIPPED, attributed_to=["officials"])], [claim])

    mismatches = {m.field: (m.gold, m.predicted) for m in scores.errors[0].mismatches}
    assert mismatches == {
        "target": (["RU"], ["CN"]),
        "modality": ("fact", "uncertain"),
        "attributed_to": (["officials"], []),
    }


def test_score_predictions_for_unknown_document_raise(kit: Any) -> None:
    from sanctionwatch.evaluation.score import score_documents

    with pytest.raises(ValueError, match="not in the gold"):
        score_documents([], {"elsewhere": []})
