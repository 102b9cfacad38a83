from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctionwatch import store as st
from sanctionwatch.api import create_app
from sanctionwatch.resolve.liststore import store_list

FIXTURE = Path(__file__).resolve().parents[1] / "resolve" / "data" / "un_small.xml"


@pytest.fixture
def client(
    store: st.Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("SANCTIONWATCH_DATA_DIR", str(data_dir))
    store_list(data_dir, FIXTURE.read_bytes(), source="fixture")
    with TestClient(create_app(store=store)) as test_client:
        yield test_client


def _match(
    client: TestClient,
    properties: dict[str, object],
    dataset: str = "default",
    schema: str = "Person",
) -> object:
    body = {"queries": {"q1": {"schema": schema, "properties": properties}}}
    return client.post(f"/match/{dataset}", json=body)


def test_screening_match_has_the_yente_shape(client: TestClient) -> None:
    response = _match(client, {"name": ["김영철"], "birthDate": ["1962-02-18"]})
    assert response.status_code == 200  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) >= {"responses", "matcher", "limit"}
    answer = body["responses"]["q1"]
    assert answer["total"]["relation"] == "eq" and answer["query"]["schema"] == "Person"
    top = answer["results"][0]
    assert top["id"] == "un_sc-TKi.001" and top["match"] and top["confidence"] == "strong"
    assert {"name_match", "dob_agree"} <= set(top["features"]) <= set(top["explanations"])
    assert top["explanations"]["name_match"]["candidate"]
    assert top["properties"]["birthDate"] == ["1962-02-18"]


def test_screening_match_flags_shared_korean_names(client: TestClient) -> None:
    results = _match(client, {"name": "Kim Yong Chol"}).json()["responses"]["q1"]["results"]  # type: ignore[attr-defined]
    assert [r["confidence"] for r in results[:2]] == ["ambiguous", "ambiguous"]


BAD = [
    ({"name": [""]}, "E501"),
    ({"name": ["x" * 1001]}, "E502"),
    ({"name": ["Kim\u0007Jong"]}, "E503"),
    ({"name": ["Kіm Jong Un"]}, "E504"),
    ({"nationality": ["kp"]}, "E501"),
    ({"name": ["Kim"], "birthDate": ["last year"]}, "E508"),
]


@pytest.mark.parametrize(("properties", "code"), BAD, ids=[c for _, c in BAD])
def test_screening_bad_query_is_422_with_reason(
    client: TestClient, properties: dict[str, object], code: str
) -> None:
    response = _match(client, properties)
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert response.json()["error"]["code"] == code  # type: ignore[attr-defined]
    assert client.get("/health").status_code == 200, "the service stays up"


def test_screening_unknown_dataset_is_404(client: TestClient) -> None:
    assert _match(client, {"name": ["Kim"]}, dataset="nope").status_code == 404  # type: ignore[attr-defined]


def test_screening_lists_and_screen_endpoints(client: TestClient) -> None:
    lists = client.get("/lists").json()
    assert lists[0]["name"] == "un_sc" and lists[0]["entries"] == 7
    hits = client.get("/screen", params={"name": "Шойгу Сергей"}).json()
    assert hits[0]["reference"] == "TRi.001"


def test_screening_without_lists_uses_the_bundled_un_snapshot(
    store: st.Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANCTIONWATCH_DATA_DIR", str(tmp_path / "empty"))
    with TestClient(create_app(store=store)) as test_client:
        response = _match(test_client, {"name": ["Pak Do Chun"], "birthDate": ["1944-03-09"]})
        lists = test_client.get("/lists").json()
    assert response.status_code == 200
    top = response.json()["responses"]["q1"]["results"][0]  # type: ignore[index]
    assert top["referents"] == [] and top["datasets"] == ["un_sc"] and top["match"]
    assert lists[0]["entries"] == 155 and lists[0]["list_date"] == "2024-09-26"
    assert lists[0]["loaded_at"] == "bundled"


def test_screening_screen_endpoint_takes_schema(client: TestClient) -> None:
    org = client.get(
        "/screen", params={"name": "Munitions Industry Department", "schema": "Organization"}
    ).json()
    assert org[0]["reference"] == "TKe.002" and org[0]["schema"] == "Organization"
    people = client.get("/screen", params={"name": "Munitions Industry Department"}).json()
    assert all(r["schema"] == "Person" for r in people)
    bad = client.get("/screen", params={"name": "Kim", "schema": "Spaceship"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "E508"
