"""``sanctionwatch timeline``, ``incidents`` and ``show`` over a store built from articles
written for the tests (the shared ``articles`` fixture)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
    assert "dated incidents" in table  # rows are titled ("Visas ..."), not typed
    visas = json.loads(_invoke("timeline", "--db", db, "--json", "--type", "visa_issuance"))
    assert visas["entries"] and all(e["type"] == "visa_issuance" for e in visas["entries"])


@pytest.mark.integration
def test_incidents_cli_timeline_bad_bound_is_a_usage_error(db: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", db, "--since", "23-09"])
    assert result.exit_code == 1
    assert "E423" in result.output and "since must be" in result.output


@pytest.mark.integration
@pytest.mark.parametrize("command", ["incidents", "timeline", "report"])
@pytest.mark.parametrize(
    "bound",
    [["--since", "2024-13"], ["--until", "0000"], ["--since", "2024-02-30"]],
    ids=["month-13", "year-zero", "february-30"],
)
def test_incidents_cli_impossible_date_is_e423_without_traceback(
    db: str, command: str, bound: list[str]
) -> None:
    result = runner.invoke(app, [command, "--db", db, *bound])
    assert result.exit_code == 1, result.output
    assert "E423" in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.integration
def test_incidents_cli_show_prints_origins_and_likelihood(db: str) -> None:
    incidents = json.loads(_invoke("incidents", "--db", db, "--json"))
    assert all({"origins", "origin_count", "summary"} <= set(i) for i in incidents)
    table = _invoke("incidents", "--db", db)
    assert "independent origins" in table
    shown = _invoke("show", incidents[0]["id"], "--db", db)
    assert "Origins and conduits" in shown and "Likelihood" in shown
    assert "Supporting evidence" in shown


FILTERS = [
    ("actor", ["--actor", "Russia"], lambda i: "RU" in i["source"] + i["target"]),
    ("type", ["--type", "visa_issuance"], lambda i: i["type"] == "visa_issuance"),
    ("query", ["-q", "shells"], lambda i: i["type"] == "arms_transfer"),
    ("provision", ["--provision", "UNSCR"], lambda i: i["provisions"]),
    ("grade", ["--grade", "A"], lambda i: i["assessment"]["code"].startswith("A")),
]


@pytest.mark.integration
@pytest.mark.parametrize(("args", "holds"), [f[1:] for f in FILTERS], ids=[f[0] for f in FILTERS])
def test_incidents_cli_filters_like_the_web_list(db: str, args: list[str], holds: Any) -> None:
    every = json.loads(_invoke("incidents", "--db", db, "--json"))
    found = json.loads(_invoke("incidents", "--db", db, "--json", *args))
    assert all(holds(i) for i in found)
    assert len(found) <= len(every)
    if args[0] != "--grade":
        assert found


@pytest.mark.integration
def test_incidents_cli_unknown_actor_is_e423(db: str) -> None:
    result = runner.invoke(app, ["incidents", "--db", db, "--actor", "Narnia"])
    assert result.exit_code == 1 and "E423" in result.output
