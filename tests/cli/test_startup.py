"""The CLI starts at once: building the app imports Typer and Rich, never the heavy
layers (spaCy, SQLAlchemy, the extractor, the store, the services); ``version`` loads them
only to name the extractor the first time on an installation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctionwatch import __version__
from sanctionwatch.cli import versioninfo
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


def _run_version(cache: Path) -> tuple[str, list[str]]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", VERSION_PROBE], capture_output=True, text=True, check=True, env=env
    ).stdout
    text, _, modules = out.partition("MODULES ")
    return text, modules.split()


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


def test_startup_version_names_the_extractor_then_remembers_it(tmp_path: Path) -> None:
    first, _ = _run_version(tmp_path)
    again, loaded_again = _run_version(tmp_path)
    assert again == first
    assert _heavy(loaded_again) == []
    from sanctionwatch.extract import extractor_id

    assert f"sanctionwatch {__version__}" in again
    assert "".join(again.split()).endswith("extractor" + extractor_id())


def test_startup_version_fingerprint_follows_files_and_distributions(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "lexicon.yaml").write_text("version: 1\n", "utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "spacy-3.8.0.dist-info").mkdir()

    def fingerprint() -> str:
        return versioninfo.installation_fingerprint(package_dir=package, search_path=[str(site)])

    before = fingerprint()
    assert fingerprint() == before
    (package / "lexicon.yaml").write_text("version: 22\n", "utf-8")
    edited = fingerprint()
    assert edited != before
    (site / "spacy-3.8.0.dist-info").rename(site / "spacy-3.8.1.dist-info")
    assert fingerprint() not in {before, edited}
