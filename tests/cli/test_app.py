import json
from pathlib import Path

from typer.testing import CliRunner

from sanctionwatch.cli.app import app

runner = CliRunner()


def _invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_app_ingest_json_summary(tmp_path: Path, articles: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    summary = json.loads(_invoke("ingest", str(articles), "--db", db, "--json"))
    assert (summary["ingested"], summary["quarantined"]) == (2, 2)
    assert {f["code"] for f in summary["failures"]} == {"E201", "E202"}


def test_app_incidents_and_show_json(tmp_path: Path, articles: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    _invoke("ingest", str(articles), "--db", db, "--json")
    incidents = json.loads(_invoke("incidents", "--db", db, "--json", "--type", "arms_transfer"))
    assert incidents and all(i["type"] == "arms_transfer" for i in incidents)
    shown = json.loads(_invoke("show", incidents[0]["id"][:10], "--db", db, "--json"))
    assert shown["id"] == incidents[0]["id"]
    assert shown["claims"] and shown["assessment"]["reasons"]


def test_app_unknown_incident_is_a_clean_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["show", "inc_doesnotexist", "--db", f"sqlite:///{tmp_path / 'x.db'}"]
    )
    assert result.exit_code == 1
    assert "E404" in result.output


def test_app_every_command_is_documented() -> None:
    for command in app.registered_commands:
        assert command.callback is not None and command.callback.__doc__, command.name
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        assert f"sanctionwatch {name}" in readme, f"README does not mention `sanctionwatch {name}`"


def test_app_extract_json_and_review_page(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("North Korea shipped artillery shells to Russia in July.", encoding="utf-8")
    page = tmp_path / "review.html"
    out = json.loads(
        _invoke("extract", str(article), "--published", "2024-09", "--json", "--html", str(page))
    )
    (claim,) = out["claims"]
    assert (claim["type"], claim["time"]["start"]) == ("arms_transfer", "2024-07")
    assert '<mark class="trigger"' in page.read_text("utf-8")


def test_app_incidents_rebuild_and_show_follows_a_merge(tmp_path: Path, articles: Path) -> None:
    from datetime import UTC, datetime

    from sqlalchemy import insert

    from sanctionwatch import store as st
    from sanctionwatch.store import schema

    db = f"sqlite:///{tmp_path / 'cli.db'}"
    _invoke("ingest", str(articles), "--db", db, "--json")
    before = {i["id"] for i in json.loads(_invoke("incidents", "--db", db, "--json"))}
    assert json.loads(_invoke("incidents", "rebuild", "--db", db, "--json"))["incidents"] > 0
    after = {i["id"] for i in json.loads(_invoke("incidents", "--db", db, "--json"))}
    assert after == before  # a rebuild keeps the ids
    live = sorted(after)[0]
    with st.open_store(db) as store, store.transaction(write=True) as conn:
        conn.execute(
            insert(schema.incident_redirects).values(
                old_id="inc_absorbed", new_id=live, reason="test", created_at=datetime.now(UTC)
            )
        )
    result = runner.invoke(app, ["show", "inc_absorbed", "--db", db, "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == live
    assert "merged into" in result.stderr
