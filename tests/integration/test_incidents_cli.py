"""``sanctionwatch timeline``, ``incidents`` and ``show`` over a store built from articles
written for the tests (the shared ``articles`` fixture)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctionwatch.cli.app import app

runner = CliRunner()


def _invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def db(tmp_path: Path, articles: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    _invoke("ingest", str(articles), "--db", url, "--json")
    return url


@pytest.mark.integration
def test_incidents_cli_timeline_json_and_table(db: str) -> None:
    data = json.loads(_invoke("timeline", "--db", db, "--json"))
    entries = data["entries"]
    assert entries and data["undated"] >= 0
    days = [e["first_day"] for e in entries]
    assert days == sorted(days)
    assert all(e["precision"] in {"year", "month", "day", "range"} for e in entries)
    only_ru = json.loads(_invoke("timeline", "--db", db, "--json", "--actor", "RU"))
    assert all("RU" in e["source"] + e["target"] for e in only_ru["entries"])
    table = _invoke("timeline", "--db", db, "--type", "visa_issuance")
    assert "dated incidents" in table and "Visas" in table


@pytest.mark.integration
def test_incidents_cli_timeline_bad_bound_is_a_usage_error(db: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", db, "--since", "23-09"])
    assert result.exit_code == 2
    assert "since must be" in result.output


@pytest.mark.integration
def test_incidents_cli_show_prints_origins_and_likelihood(db: str) -> None:
    incidents = json.loads(_invoke("incidents", "--db", db, "--json"))
    assert all({"origins", "origin_count", "summary"} <= set(i) for i in incidents)
    table = _invoke("incidents", "--db", db)
    assert "independent origins" in table
    shown = _invoke("show", incidents[0]["id"], "--db", db)
    assert "Origins and conduits" in shown and "Likelihood" in shown
    assert "Supporting evidence" in shown
