"""``sanctionwatch report`` end to end: a case file by id or by query, in every format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from sanctionwatch.cli.app import app

pytestmark = pytest.mark.integration
DESK = Path(__file__).resolve().parents[1] / "web" / "data" / "desk.jsonl"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('report') / 'r.db'}"
    result = runner.invoke(app, ["ingest", str(DESK), "--db", url, "--json"])
    assert result.exit_code == 0, result.output
    return url


def _arms_id(db: str) -> str:
    result = runner.invoke(app, ["incidents", "--type", "arms_transfer", "--db", db, "--json"])
    return str(json.loads(result.stdout)[0]["id"])


def test_report_cli_markdown_to_stdout(db: str) -> None:
    result = runner.invoke(app, ["report", _arms_id(db)[:12], "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Case file: Arms")  # the generated title
    assert "## III. Evidence" in result.stdout and "1. “" in result.stdout


def test_report_cli_html_and_pdf_files(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "case.html"
    result = runner.invoke(app, ["report", _arms_id(db), "-f", "html", "-o", str(page), "--db", db])
    assert result.exit_code == 0, result.output
    assert page.read_text("utf-8").startswith("<!doctype html>")
    monkeypatch.chdir(tmp_path)
    incident = _arms_id(db)
    result = runner.invoke(app, ["report", incident, "--format", "pdf", "--db", db])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / f"casefile-{incident}.pdf"
    assert (
        "[1] “" in PdfReader(io.BytesIO(pdf.read_bytes())).pages[-1].extract_text()
        or pdf.stat().st_size > 1000
    )


def test_report_cli_by_query(db: str) -> None:
    result = runner.invoke(
        app,
        ["report", "--query", "shells", "--type", "arms_transfer", "--actor", "Russia", "--db", db],
    )
    assert result.exit_code == 0, result.output
    assert "Subject: type: arms\\_transfer; actor: RU; text: shells" in result.stdout
    assert result.stdout.count("### ") >= 2


ERRORS = [
    ("neither", [], 2, "E423"),
    ("both", ["inc_x", "--query", "shells"], 2, "E423"),
    ("unknown-id", ["inc_doesnotexist"], 1, "E404"),
    ("bad-grade", ["--grade", "Z9"], 1, "E423"),
    ("query-swallows-option", ["--query", "--type", "arms_transfer"], 2, "takes the words"),
    ("bad-month", ["--since", "2024-13"], 1, "month 13"),
]


def test_report_cli_by_filters_alone(db: str) -> None:
    """The README's selection example: filters without --query make one case file."""
    result = runner.invoke(
        app, ["report", "--type", "arms_transfer", "--actor", "KP", "--format", "md", "--db", db]
    )
    assert result.exit_code == 0, result.output
    assert "Subject: type: arms\\_transfer; actor: KP" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS]
)
def test_report_cli_errors_are_clean(db: str, args: list[str], code: int, message: str) -> None:
    result = runner.invoke(app, ["report", *args, "--db", db])
    assert result.exit_code == code and message in result.output
