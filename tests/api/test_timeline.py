import pytest
from fastapi.testclient import TestClient


def test_timeline_dated_incidents_as_intervals(desk_client: TestClient) -> None:
    points = desk_client.get("/timeline").json()
    assert points and all(p["start"] <= p["end"] for p in points)
    assert [p["start"] for p in points] == sorted(p["start"] for p in points)
    arms = desk_client.get("/timeline", params={"type": "arms_transfer"}).json()
    assert arms and {p["type"] for p in arms} == {"arms_transfer"}


def test_timeline_quantities_of_shells_to_russia(desk_client: TestClient) -> None:
    topics = {t["key"] for t in desk_client.get("/timeline/topics").json()}
    assert "arms_transfer/KP/RU/shell" in topics
    points = desk_client.get(
        "/timeline/quantities", params={"topic": "arms_transfer/KP/RU/shell"}
    ).json()
    assert {p["low"] for p in points} >= {1_000_000, 3_000_000}
    assert all(p["reported_by"] and p["evidence"] for p in points)
    assert [p["date"] for p in points] == sorted(p["date"] for p in points)


@pytest.mark.parametrize(
    "topic",
    ["shells", "arms_transfer/KP/RU", "bogus/KP/RU/shell"],
    ids=["word", "three-parts", "bad-type"],
)
def test_timeline_bad_topic_is_422(desk_client: TestClient, topic: str) -> None:
    response = desk_client.get("/timeline/quantities", params={"topic": topic})
    assert response.status_code == 422 and "topic" in response.json()["error"]["message"]
