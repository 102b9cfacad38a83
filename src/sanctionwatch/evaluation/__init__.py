"""Scoring extraction against hand-annotated gold claims (``sanctionwatch eval``).

- :mod:`.gold`: load the gold JSONL into typed objects.
- :mod:`.predictions`: predicted claims in the gold format, to and from JSONL.
- :mod:`.score`: pure one-to-one matching and metrics.
- :mod:`.report`: the report, its JSON shape and plain tables for the CLI.
- :mod:`.run`: run an extractor over a gold file, or re-score a predictions file.
"""

from sanctionwatch.evaluation.gold import GoldClaim, GoldDocument, load_gold
from sanctionwatch.evaluation.predictions import (
    claim_to_gold_dict,
    read_predictions,
    score_files,
    write_predictions,
)
from sanctionwatch.evaluation.report import EvalReport, ReportTable, format_report
from sanctionwatch.evaluation.run import Extractor, evaluate, evaluate_predictions
from sanctionwatch.evaluation.score import Scores, score_documents

__all__ = [
    "EvalReport",
    "Extractor",
    "GoldClaim",
    "GoldDocument",
    "ReportTable",
    "Scores",
    "claim_to_gold_dict",
    "evaluate",
    "evaluate_predictions",
    "format_report",
    "load_gold",
    "read_predictions",
    "score_documents",
    "score_files",
    "write_predictions",
]
