from typing import Any

import pytest
from fastapi.testclient import TestClient


def _ids(response: Any) -> set[str]:
    return {i["id"] for i in response.json()}


def test_incidents_filter_by_actor_provision_grade_and_text(desk_client: TestClient) -> None:
    every = desk_client.get("/incidents").json()
    assert every
    by_name = desk_client.get("/incidents", params={"actor": "Moscow"})
    by_code = desk_client.get("/incidents", params={"actor": "ru"})
    assert _ids(by_name) == _ids(by_code)
    assert all("RU" in i["source"] + i["target"] for i in by_code.json())
    shells = desk_client.get(
        "/incidents", params={"q": "artillery shells", "type": "arms_transfer"}
    )
    assert shells.json() and all(i["type"] == "arms_transfer" for i in shells.json())
    assert all(any("shells" in c["evidence"]["text"] for c in i["claims"]) for i in shells.json())
    provision = every[0]["provisions"][0]["provision_id"] if every[0]["provisions"] else "1718"
    with_provision = desk_client.get("/incidents", params={"provision": provision}).json()
    assert with_provision and all(
        any(provision in p["provision_id"] for p in i["provisions"]) for i in with_provision
    )
    grade = every[0]["assessment"]["code"]
    for value in (grade, grade[0], grade[1:]):
        graded = desk_client.get("/incidents", params={"grade": value.lower()}).json()
        assert every[0]["id"] in {i["id"] for i in graded}, value


def test_incidents_counts_by_type_and_grade(desk_client: TestClient) -> None:
    counts = desk_client.get("/incidents/counts").json()
    assert counts["total"] == len(desk_client.get("/incidents").json())
    assert sum(counts["type"].values()) == sum(counts["grade"].values()) == counts["total"]
    arms = desk_client.get("/incidents/counts", params={"type": "arms_transfer"}).json()
    assert set(arms["type"]) == {"arms_transfer"}


def test_incidents_pagination_headers(desk_client: TestClient) -> None:
    total = int(desk_client.get("/incidents").headers["X-Total-Count"])
    assert total >= 3
    first = desk_client.get("/incidents", params={"limit": 2})
    assert len(first.json()) == 2 and 'rel="next"' in first.headers["Link"]
    second = desk_client.get("/incidents", params={"limit": 2, "offset": 2})
    assert 'rel="prev"' in second.headers["Link"]
    assert not _ids(first) & _ids(second)


def test_incidents_etag_revalidates(desk_client: TestClient) -> None:
    first = desk_client.get("/incidents")
    tag = first.headers["ETag"]
    again = desk_client.get("/incidents", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert desk_client.get("/incidents", params={"limit": 1}).headers["ETag"] != tag
    stale = desk_client.get("/incidents", headers={"If-None-Match": '"stale"'})
    assert stale.status_code == 200


BAD_PARAMETERS = [
    ({"grade": "Z9"}, "E422", "grade"),
    ({"since": "last week"}, "E422", "since"),
    ({"limit": "0"}, "E422", "limit"),
    ({"type": "smuggling"}, "E422", "type"),
    ({"actor": "Narnia"}, "E423", "Narnia"),
    ({"since": "2024", "until": "2023"}, "E423", "after"),
    ({"q": "!!!"}, "E423", "no word"),
]


@pytest.mark.parametrize(
    ("params", "code", "mentions"), BAD_PARAMETERS, ids=[str(p) for p, _, _ in BAD_PARAMETERS]
)
def test_incidents_bad_parameter_is_422_with_reason(
    desk_client: TestClient, params: dict[str, str], code: str, mentions: str
) -> None:
    response = desk_client.get("/incidents", params=params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == code and mentions in error["message"]


def test_incidents_unknown_id_is_404(desk_client: TestClient) -> None:
    response = desk_client.get("/incidents/inc_doesnotexist")
    assert response.status_code == 404 and response.json()["error"]["code"] == "E404"
