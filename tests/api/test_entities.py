from fastapi.testclient import TestClient


def test_entities_list_states_then_people(desk_client: TestClient) -> None:
    rows = desk_client.get("/entities").json()
    kinds = [r["kind"] for r in rows]
    assert kinds[0] == "state" and {"person", "organization"} <= set(kinds)
    assert kinds.index("person") > max(i for i, k in enumerate(kinds) if k == "state")
    states = desk_client.get("/entities", params={"kind": "state"}).json()
    assert {s["id"] for s in states} >= {"KP", "RU"} and all(s["incidents"] for s in states)


def test_entities_state_page_has_forms_and_incidents(desk_client: TestClient) -> None:
    kp = desk_client.get("/entities/kp").json()
    assert kp["id"] == "KP" and "Pyongyang" in kp["forms"]["capital"]
    assert kp["incident_list"] and all(
        i["role"] in {"source", "target"} for i in kp["incident_list"]
    )


def test_entities_person_names_by_script_and_designations(desk_client: TestClient) -> None:
    person = desk_client.get("/entities/kim-yong-chol").json()
    assert person["names"]["Hangul"] == ["김영철"]
    assert "Kim Yong Chol" in person["names"]["Latin"]
    # The RGB's Kim Yong Chol (b. 1946) is TKi.002; TKi.001 (b. 1962) is a namesake.
    assert [(d["reference"], d["confidence"]) for d in person["designations"]] == [
        ("TKi.002", "strong")
    ]
    assert person["lists_loaded"] is True


def test_entities_organisation_incidents_come_from_evidence(desk_client: TestClient) -> None:
    nis = desk_client.get("/entities/nis").json()
    assert nis["incident_list"], "the NIS is named in the evidence of the desk articles"


def test_entities_unknown_is_404(desk_client: TestClient) -> None:
    response = desk_client.get("/entities/nobody-at-all")
    assert response.status_code == 404 and response.json()["error"]["code"] == "E404"
