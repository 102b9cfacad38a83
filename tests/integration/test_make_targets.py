"""The Makefile's demo targets: each keeps its own database, so the invented sample
articles of ``make demo`` never appear in case files built from real articles."""

from __future__ import annotations

import re
from pathlib import Path

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


def _recipes() -> dict[str, str]:
    text = MAKEFILE.read_text(encoding="utf-8")
    found = re.findall(r"^([\w-]+):[^\n]*\n((?:\t[^\n]*\n)+)", text, flags=re.MULTILINE)
    return {name: body for name, body in found}


def test_make_targets_demos_have_separate_data_dirs() -> None:
    recipes = _recipes()
    demos = {name: body for name, body in recipes.items() if name.startswith("demo")}
    assert set(demos) >= {"demo", "demo-seeds", "demo-corpus"}
    dirs = {
        name: re.search(r"SANCTIONWATCH_DATA_DIR=(\S+)", body).group(1)  # type: ignore[union-attr]
        for name, body in demos.items()
    }
    assert len(set(dirs.values())) == len(dirs), dirs
