"""Stages with versioned names and the executors that run them."""

from sanctionwatch.pipeline.executor import Executor, LocalExecutor, ProcessExecutor, make_executor
from sanctionwatch.pipeline.stages import (
    Stage,
    extract_document,
    get_stage,
    list_stages,
    register_stage,
)

__all__ = [
    "Executor",
    "LocalExecutor",
    "ProcessExecutor",
    "Stage",
    "extract_document",
    "get_stage",
    "list_stages",
    "make_executor",
    "register_stage",
]
