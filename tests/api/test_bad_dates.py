"""Invalid calendar dates are a 422 with the reason on every surface, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

BAD_DATES = [
    pytest.param({"since": "2024-13"}, id="month-13"),
    pytest.param({"until": "0000"}, id="year-zero"),
    pytest.param({"since": "2024-02-30"}, id="february-30"),
    pytest.param({"since": "0000"}, id="since-year-zero"),
]
PATHS = [
    "/incidents",
    "/incidents/counts",
    "/timeline",
    "/exports/json",
    "/exports/csv",
    "/exports/ftm",
    "/casefile.md",
    "/casefile.pdf",
]


@pytest.mark.parametrize("params", BAD_DATES)
@pytest.mark.parametrize("path", PATHS, ids=[p.strip("/") for p in PATHS])
def test_bad_dates_api_answers_422_with_reason(
    desk_client: TestClient, path: str, params: dict[str, str]
) -> None:
    response = desk_client.get(path, params=params)
    assert response.status_code == 422, response.text[:300]
    error = response.json()["error"]
    assert error["code"] in {"E422", "E423"}
    assert "date" in error["message"] or "month" in error["message"] or "year" in error["message"]


@pytest.mark.parametrize("params", BAD_DATES)
def test_bad_dates_ui_answers_422_page(desk_client: TestClient, params: dict[str, str]) -> None:
    response = desk_client.get("/ui/", params=params)
    assert response.status_code == 422
    assert "E423" in response.text or "E422" in response.text
