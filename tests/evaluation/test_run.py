from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from sanctionwatch.domain import Span
from sanctionwatch.evaluation.report import format_report
from sanctionwatch.evaluation.run import evaluate, measure_grounding


def _gold_path(tmp_path: Path, kit: Any) -> Path:
    lines = [
        kit.gold_line(kit.perfect_gold()),
        kit.gold_line([], doc_id="doc-2", text="Nothing here."),
    ]
    return kit.write_jsonl(tmp_path / "gold.jsonl", lines)


def test_run_evaluate_calls_extractor_with_published_and_id(tmp_path: Path, kit: Any) -> None:
    calls: list[dict[str, Any]] = []

    report = evaluate(
        _gold_path(tmp_path, kit),
        extractor=kit.fake_extractor({kit.DOC_ID: kit.perfect_claims()}, calls),
    )

    warm_up, *scored = calls
    assert warm_up["document_id"] == "warm-up"  # untimed, so speed is the steady state
    assert scored == [
        {"text": kit.ARTICLE, "published": "2024-03", "document_id": kit.DOC_ID},
        {"text": "Nothing here.", "published": "2024-03", "document_id": "doc-2"},
    ]
    assert report.scores.detection.f1 == 1.0
    assert report.grounding is not None and report.grounding.rate == 1.0
    assert report.speed is not None
    assert (report.speed.documents, report.speed.words) == (2, len(kit.ARTICLE.split()) + 2)
    assert report.speed.seconds >= 0
    assert report.extractors == ("fake@0",)


def test_run_grounding_counts_every_span(kit: Any) -> None:
    claim = kit.make_claim(kit.SHIPPED)
    broken = replace(claim, trigger=Span(0, 5, "XXXXX"))

    grounding = measure_grounding([(kit.ARTICLE, [claim, broken])])

    # evidence, trigger, one source and one target per claim
    assert (grounding.spans, grounding.grounded, grounding.rate) == (8, 7, 7 / 8)


def test_run_report_to_dict_has_stable_shape(tmp_path: Path, kit: Any) -> None:
    report = evaluate(
        _gold_path(tmp_path, kit),
        extractor=kit.fake_extractor({kit.DOC_ID: kit.perfect_claims()[:3]}),
    )

    data = report.to_dict()
    detailed = report.to_dict(detail=True)

    assert list(data) == [
        "gold",
        "predictions",
        "extractors",
        "documents",
        "gold_claims",
        "predicted_claims",
        "detection",
        "per_type",
        "fields",
        "attribution",
        "grounding",
        "speed",
    ]
    assert len(data["per_type"]) == 10
    assert set(data["detection"]) == {"tp", "fp", "fn", "precision", "recall", "f1"}
    assert data["fields"]["quantity"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert detailed["errors"][0]["false_negatives"] == [
        {"type": "labor_dispatch", "evidence": kit.DENIED}
    ]
    assert json.loads(json.dumps(detailed)) == detailed


def test_run_format_report_gives_plain_tables(tmp_path: Path, kit: Any) -> None:
    wrong = kit.make_claim(kit.SHIPPED, targets=("CN",))
    report = evaluate(
        _gold_path(tmp_path, kit), extractor=kit.fake_extractor({kit.DOC_ID: [wrong]})
    )

    tables = format_report(report)
    detailed = format_report(report, detail=True)

    assert [t.title for t in tables] == ["Claim detection", "Matched pairs", "Run"]
    detection = {row[0]: row for row in tables[0].rows}
    assert detection["all"] == ("all", "1", "0", "3", "1.000", "0.250", "0.400")
    assert all(len(row) == len(t.columns) for t in detailed for row in t.rows)
    errors = detailed[-1]
    assert errors.title == "Errors"
    assert (
        "doc-1",
        "wrong target",
        "arms_transfer",
        kit.SHIPPED,
        'gold ["RU"] / predicted ["CN"]',
    ) in errors.rows
