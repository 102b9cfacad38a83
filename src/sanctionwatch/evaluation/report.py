"""The evaluation report: a stable JSON shape and plain tables for a CLI to render.

``EvalReport.to_dict()``::

    {
      "gold": "path/to/gold.jsonl", "predictions": "path" | null,
      "extractors": ["name@version", ...],
      "documents": int, "gold_claims": int, "predicted_claims": int,
      "detection": COUNTS,
      "per_type": {"arms_transfer": COUNTS, ...},      # all ten types, fixed order
      "fields": {"source" | "target" | "modality" | "modality_non_fact" | "quantity"
                 | "time": {"correct": int, "total": int, "accuracy": float | null}},
      "attribution": COUNTS,
      "grounding": {"spans": int, "grounded": int, "rate": float | null} | null,
      "speed": {"documents": int, "words": int, "seconds": float,
                "documents_per_second": float | null,
                "words_per_second": float | null} | null,
      "errors": [                                          # only with detail=True
        {"doc_id": str,
         "false_positives": [{"type": str, "evidence": str}, ...],
         "false_negatives": [{"type": str, "evidence": str}, ...],
         "mismatches": [{"field": str, "type": str, "evidence": str,
                         "gold": ..., "predicted": ...}, ...]}, ...]
    }

where COUNTS is ``{"tp", "fp", "fn", "precision", "recall", "f1"}``. Undefined ratios
(nothing to divide by) are null. ``grounding`` and ``speed`` are null when the report
comes from a predictions file rather than a run of the extractor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sanctionwatch.evaluation.score import Counts, Scores


@dataclass(frozen=True, slots=True)
class Grounding:
    spans: int
    grounded: int

    @property
    def rate(self) -> float | None:
        return self.grounded / self.spans if self.spans else None

    def to_dict(self) -> dict[str, Any]:
        return {"spans": self.spans, "grounded": self.grounded, "rate": self.rate}


@dataclass(frozen=True, slots=True)
class Speed:
    """Throughput of the extraction calls alone."""

    documents: int
    words: int
    seconds: float

    @property
    def documents_per_second(self) -> float | None:
        return self.documents / self.seconds if self.seconds > 0 else None

    @property
    def words_per_second(self) -> float | None:
        return self.words / self.seconds if self.seconds > 0 else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "words": self.words,
            "seconds": self.seconds,
            "documents_per_second": self.documents_per_second,
            "words_per_second": self.words_per_second,
        }


@dataclass(frozen=True, slots=True)
class EvalReport:
    gold_path: str
    scores: Scores
    predictions_path: str | None = None
    grounding: Grounding | None = None
    speed: Speed | None = None
    extractors: tuple[str, ...] = ()

    def to_dict(self, *, detail: bool = False) -> dict[str, Any]:
        scores = self.scores
        out: dict[str, Any] = {
            "gold": self.gold_path,
            "predictions": self.predictions_path,
            "extractors": list(self.extractors),
            "documents": scores.documents,
            "gold_claims": scores.gold_claims,
            "predicted_claims": scores.predicted_claims,
            "detection": scores.detection.to_dict(),
            "per_type": {t: c.to_dict() for t, c in scores.per_type.items()},
            "fields": {name: a.to_dict() for name, a in scores.fields.items()},
            "attribution": scores.attribution.to_dict(),
            "grounding": self.grounding.to_dict() if self.grounding else None,
            "speed": self.speed.to_dict() if self.speed else None,
        }
        if detail:
            out["errors"] = [
                {
                    "doc_id": e.doc_id,
                    "false_positives": [{"type": t, "evidence": v} for t, v in e.false_positives],
                    "false_negatives": [{"type": t, "evidence": v} for t, v in e.false_negatives],
                    "mismatches": [
                        {
                            "field": m.field,
                            "type": m.type,
                            "evidence": m.evidence,
                            "gold": m.gold,
                            "predicted": m.predicted,
                        }
                        for m in e.mismatches
                    ],
                }
                for e in scores.errors
            ]
        return out


@dataclass(frozen=True, slots=True)
class ReportTable:
    """A titled table of strings, for a CLI to render (e.g. as a Rich table)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def format_report(report: EvalReport, *, detail: bool = False) -> list[ReportTable]:
    """Detection, matched-pair fields and run tables; with ``detail`` the errors too."""
    scores = report.scores
    detection = [("all", *_count_cells(scores.detection))]
    detection += [(t, *_count_cells(c)) for t, c in scores.per_type.items() if c.tp + c.fp + c.fn]
    fields = [
        (name, str(a.correct), str(a.total), _ratio(a.accuracy))
        for name, a in scores.fields.items()
    ]
    attribution = scores.attribution
    fields.append(
        (
            "attribution (F1)",
            str(attribution.tp),
            str(attribution.tp + attribution.fp + attribution.fn),
            _ratio(attribution.f1),
        )
    )
    run = [
        ("documents", str(scores.documents)),
        ("gold claims", str(scores.gold_claims)),
        ("predicted claims", str(scores.predicted_claims)),
    ]
    if report.grounding:
        run.append(("grounding rate", _ratio(report.grounding.rate)))
    if report.speed:
        run.append(("documents/s", _rate(report.speed.documents_per_second)))
        run.append(("words/s", _rate(report.speed.words_per_second)))
    tables = [
        ReportTable(
            "Claim detection",
            ("type", "tp", "fp", "fn", "precision", "recall", "f1"),
            tuple(detection),
        ),
        ReportTable("Matched pairs", ("field", "correct", "scored", "accuracy"), tuple(fields)),
        ReportTable("Run", ("measure", "value"), tuple(run)),
    ]
    if detail:
        tables.append(
            ReportTable(
                "Errors",
                ("document", "error", "type", "evidence", "detail"),
                tuple(_error_rows(report)),
            )
        )
    return tables


def _error_rows(report: EvalReport) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for errors in report.scores.errors:
        rows += [(errors.doc_id, "false positive", t, v, "") for t, v in errors.false_positives]
        rows += [(errors.doc_id, "false negative", t, v, "") for t, v in errors.false_negatives]
        rows += [
            (
                errors.doc_id,
                f"wrong {m.field}",
                m.type,
                m.evidence,
                f"gold {_json(m.gold)} / predicted {_json(m.predicted)}",
            )
            for m in errors.mismatches
        ]
    return rows


def _count_cells(counts: Counts) -> tuple[str, ...]:
    return (
        str(counts.tp),
        str(counts.fp),
        str(counts.fn),
        _ratio(counts.precision),
        _ratio(counts.recall),
        _ratio(counts.f1),
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f}"
