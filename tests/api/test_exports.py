import csv
import io
import json

from fastapi.testclient import TestClient


def test_exports_json_has_claims_and_provenance(desk_client: TestClient) -> None:
    response = desk_client.get("/exports/json", params={"type": "arms_transfer"})
    assert response.status_code == 200
    rows = json.loads(response.text)
    assert rows and all(r["type"] == "arms_transfer" for r in rows)
    assert rows[0]["claims"][0]["document"]["id"]


def test_exports_csv_one_row_per_incident_and_no_formulas(desk_client: TestClient) -> None:
    response = desk_client.get("/exports/csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == int(desk_client.get("/incidents").headers["X-Total-Count"])
    assert any("example.org" in r["urls"] for r in rows)
    assert all(not v.startswith(("=", "+", "@")) for r in rows for v in r.values())


def test_exports_ftm_lines_are_entities(desk_client: TestClient) -> None:
    lines = desk_client.get("/exports/ftm").text.splitlines()
    schemata = {json.loads(line)["schema"] for line in lines}
    assert {"Event", "PublicBody"} <= schemata


def test_exports_unknown_format_is_422(desk_client: TestClient) -> None:
    response = desk_client.get("/exports/xlsx")
    assert response.status_code == 422 and "fmt" in response.json()["error"]["message"]
