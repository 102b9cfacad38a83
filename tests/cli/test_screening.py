import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctionwatch.cli.app import app

runner = CliRunner()
FIXTURE = Path(__file__).resolve().parents[1] / "resolve" / "data" / "un_small.xml"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("SANCTIONWATCH_DATA_DIR", str(folder))
    result = runner.invoke(app, ["lists", "update", str(FIXTURE), "--json"])
    assert result.exit_code == 0, result.output
    return folder


def test_screening_lists_update_records_version(data_dir: Path) -> None:
    shown = json.loads(runner.invoke(app, ["lists", "show", "--json"]).stdout)
    assert shown[0]["version"].startswith("2030-01-02") and shown[0]["source"] == str(FIXTURE)


def test_screening_screen_json_explains(data_dir: Path) -> None:
    result = runner.invoke(app, ["screen", "리학철", "--birth-date", "1964", "--json"])
    assert result.exit_code == 0, result.output
    top = json.loads(result.stdout)["results"][0]
    assert top["reference"] == "TKi.003" and top["confidence"] == "strong"
    assert top["name"]["transliteration"] == "korean"


def test_screening_screen_table_for_people(data_dir: Path) -> None:
    result = runner.invoke(app, ["screen", "Sergey Shoygu", "--country", "Russia"])
    assert result.exit_code == 0 and "TRi.001" in result.stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [(["screen", ""], "E501"), (["screen", "Kim", "--birth-date", "1962/02"], "E508")],
    ids=["empty", "bad-date"],
)
def test_screening_screen_bad_input_exit_code(data_dir: Path, args: list[str], code: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and code in result.output


def test_screening_batch_reports_broken_rows(data_dir: Path, tmp_path: Path) -> None:
    names = tmp_path / "names.csv"
    names.write_text(
        "name,birth_date,country\nKim Yong Chol,1946,kp\n,,\nRi Hak Chol,1963,kp,extra\n\u201cBad\u0001\u201d,,\n",
        "utf-8",
    )
    result = runner.invoke(app, ["screen", "--file", str(names), "--json"])
    assert result.exit_code == 3
    report = json.loads(result.stdout)
    assert report["screened"] == 1 and report["rows"][0]["results"][0]["reference"] == "TKi.002"
    assert [(e["row"], e["code"]) for e in report["errors"]] == [
        (3, "E501"),
        (4, "E507"),
        (5, "E503"),
    ]


def test_screening_lists_update_refuses_bad_files_and_loopback(
    data_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<CONSOLIDATED_LIST><INDIVIDUAL>", "utf-8")
    result = runner.invoke(app, ["lists", "update", str(bad)])
    assert result.exit_code == 1 and "E505" in result.output
    result = runner.invoke(app, ["lists", "update", "http://127.0.0.1:9/list.xml"])
    assert result.exit_code == 1 and "E220" in result.output
    shown = json.loads(runner.invoke(app, ["lists", "show", "--json"]).stdout)
    assert shown[0]["entries"] == 7, "the loaded list is untouched"


def test_screening_export_ftm_lines(tmp_path: Path, articles: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert runner.invoke(app, ["ingest", str(articles), "--db", db, "--json"]).exit_code == 0
    out = tmp_path / "ftm.jsonl"
    result = runner.invoke(app, ["export", "--format", "ftm", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    schemata = {r["schema"] for r in rows}
    assert {"Event", "PublicBody", "Person", "Organization"} <= schemata
    event = next(r for r in rows if r["schema"] == "Event")
    assert event["properties"]["involved"] and event["datasets"] == ["sanctionwatch"]


def test_screening_export_gold_writes_corrected_claims(tmp_path: Path, articles: Path) -> None:
    from sanctionwatch import store as st
    from sanctionwatch.services.corrections import correct_claim

    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert runner.invoke(app, ["ingest", str(articles), "--db", db, "--json"]).exit_code == 0
    with st.open_store(db) as store:
        claim = next(c for c in st.list_claims(store) if c.type.value == "labor_dispatch")
        correct_claim(store, claim.id, kind="quantity", data={"low": 3000}, author="Ana")
    out = tmp_path / "gold.jsonl"
    result = runner.invoke(app, ["export", "--format", "gold", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    (line,) = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert line["text"].find(line["claims"][0]["evidence"]) >= 0
    assert any((c["quantity"] or {}).get("low") == 3000 for c in line["claims"])
    assert "exported" in result.output


def test_screening_export_unknown_format_is_e509(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "--format", "xml", "--db", f"sqlite:///{tmp_path / 'e.db'}"]
    )
    assert result.exit_code == 2 and "E509" in result.output


@pytest.mark.parametrize(
    "data",
    [
        b"[1]",
        b"[null]",
        b"[" * 100_000 + b"]" * 100_000,
        b'[{"id": "\\udcff", "schema": "Person"}]',
    ],
    ids=["number", "null", "deep", "surrogate"],
)
def test_screening_lists_update_malformed_json_is_e505_without_traceback(
    data_dir: Path, tmp_path: Path, data: bytes
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(data)
    result = runner.invoke(app, ["lists", "update", str(bad)])
    assert result.exit_code == 1 and "E505" in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


EU = FIXTURE.parent / "eu_small.jsonl"


def test_screening_batch_schema_and_imo_columns(data_dir: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["lists", "update", str(EU), "--json"]).exit_code == 0
    names = tmp_path / "names.csv"
    names.write_text(
        "name,schema,imo\n"
        "Munitions Industry Department,Organization,\n"
        "Some Ship,Vessel,IMO 8660313\n"
        "Kim Yong Chol,Spaceship,\n",
        "utf-8",
    )
    result = runner.invoke(app, ["screen", "--file", str(names), "--json"])
    report = json.loads(result.stdout)
    org, ship = report["rows"]
    assert org["schema"] == "Organization"
    assert {(d["list"], d["reference"]) for d in org["results"][0]["designations"]} == {
        ("un_sc", "TKe.002"),
        ("eu_test", "eu-5"),
    }
    assert ship["schema"] == "Vessel" and ship["results"][0]["reference"] == "eu-4"
    assert ship["results"][0]["features"]["identifier_match"]["score"] == 1.0
    assert [(e["row"], e["code"]) for e in report["errors"]] == [(4, "E508")]


def test_screening_without_any_list_uses_the_bundled_un_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANCTIONWATCH_DATA_DIR", str(tmp_path / "fresh"))
    shown = json.loads(runner.invoke(app, ["lists", "show", "--json"]).stdout)
    assert shown[0]["list_date"] == "2024-09-26" and shown[0]["entries"] == 155
    result = runner.invoke(app, ["screen", "Pak To Chun", "--birth-date", "1944", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"][0]["reference"] == "KPi.050"
    assert list((tmp_path / "fresh" / "lists" / "index").glob("*.sqlite"))


def test_screening_lists_update_builds_one_index_per_list_set(data_dir: Path) -> None:
    folder = data_dir / "lists" / "index"
    before = sorted(p.name for p in folder.glob("*.sqlite"))
    assert len(before) == 1
    assert runner.invoke(app, ["lists", "update", str(EU)]).exit_code == 0
    after = sorted(p.name for p in folder.glob("*.sqlite"))
    assert len(after) == 1 and after != before
