"""The Jinja2 environment of the web UI: autoescaping always on, a few display filters.

Templates never mark source text safe; highlighted text is handed to them as plain
pieces (``reports.highlight``), which they escape one by one.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, PackageLoader

from sanctionwatch import __version__
from sanctionwatch.reports.casefile import bdi, http_url, isolate
from sanctionwatch.services.reporting import format_quantity, state_label

STATIC_DIR = Path(__file__).resolve().parent / "static"


def grade_class(code: str | None) -> str:
    return f"grade g{code[1:]}" if code and len(code) > 1 else "grade g-none"


def actors(codes: list[str] | None) -> str:
    return "+".join(codes or []) or "—"


def pretty(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=str)


def short_id(value: str, size: int = 12) -> str:
    return value[:size]


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    env = Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("sanctionwatch.web", "templates"),
                PackageLoader("sanctionwatch.reports", "templates"),
            ]
        ),
        autoescape=True,
    )
    env.filters.update(
        http_url=http_url,
        grade_class=grade_class,
        actors=actors,
        state=state_label,
        pretty=pretty,
        short_id=short_id,
        quantity=format_quantity,
        bdi=bdi,
        isolate=isolate,
    )
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)
