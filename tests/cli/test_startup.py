"""The CLI starts at once: building the app imports Typer and Rich, never the heavy
layers (spaCy, SQLAlchemy, the extractor, the store, the services); ``version`` names the
extractor from versions alone, on every run."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from sanctionwatch import __version__
from sanctionwatch.cli.app import app
from sanctionwatch.cli.commands import screening
from sanctionwatch.resolve.matcher import DEFAULT_THRESHOLD

HEAVY = (
    "spacy",
    "sqlalchemy",
    "sklearn",
    "fastapi",
    "sanctionwatch.extract",
    "sanctionwatch.store",
    "sanctionwatch.services",
    "sanctionwatch.resolve",
    "sanctionwatch.assess",
)

PROBE = """
import sys
from sanctionwatch.cli.app import app
import typer.main
typer.main.get_command(app)
print("\\n".join(sorted(sys.modules)))
"""


def test_startup_building_the_app_imports_no_heavy_layer() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout.split()
    heavy = [m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert heavy == []


@pytest.mark.parametrize("flag", ["--version"], ids=["version-flag"])
def test_startup_version_flag_prints_the_version(flag: str) -> None:
    result = CliRunner().invoke(app, [flag])
    assert result.exit_code == 0
    assert result.output.strip() == f"sanctionwatch {__version__}"


def test_startup_screen_threshold_matches_the_matcher() -> None:
    assert screening.DEFAULT_THRESHOLD == DEFAULT_THRESHOLD


VERSION_PROBE = """
import sys
from sanctionwatch.cli.app import main
sys.argv = ["sanctionwatch", "version"]
try:
    main()
except SystemExit:
    pass
print("MODULES", " ".join(sorted(sys.modules)))
"""


# What ``version`` may load to name the extractor: the lexicons' and the model's modules,
# the gazetteer's (not compiled), the stage registry (and with it the assess layer's names).
VERSION_HEAVY = (
    "spacy",
    "sqlalchemy",
    "sklearn",
    "fastapi",
    "lemminflect",
    "rigour",
    "countryinfo",
    "sanctionwatch.extract.claims",
    "sanctionwatch.store",
    "sanctionwatch.services",
)


def _run_version() -> tuple[str, list[str]]:
    out = subprocess.run(
        [sys.executable, "-c", VERSION_PROBE], capture_output=True, text=True, check=True
    ).stdout
    text, _, modules = out.partition("MODULES ")
    return text, modules.split()


def test_startup_version_names_the_extractor_without_loading_it() -> None:
    text, loaded = _run_version()
    assert [m for m in loaded if any(m == h or m.startswith(h + ".") for h in VERSION_HEAVY)] == []
    from sanctionwatch.extract import extractor_id

    assert f"sanctionwatch {__version__}" in text
    assert "".join(text.split()).endswith("extractor" + extractor_id())
