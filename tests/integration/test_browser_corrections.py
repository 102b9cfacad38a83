"""Correcting a claim through the UI in a real headless Chromium, and seeing the corrected
value in the incident, its grade reasons and the PDF case file.

``sanctionwatch serve --api-key`` runs as a subprocess over the desk articles; the
browser logs in with the key (a cookie), and the correction form carries its CSRF token.
Skipped (failed in CI) without Chromium or Playwright, as ``test_browser_ui`` is.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import httpx
import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
DESK = ROOT / "tests" / "web" / "data" / "desk.jsonl"
SHOTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = os.environ.get("SANCTIONWATCH_CHROMIUM", "/usr/bin/chromium")
KEY = "browser-review-key"


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must install it: see .ci/run)")
    pytest.skip(reason, allow_module_level=True)


if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
    _missing(f"no Chromium at {CHROMIUM}")
try:
    from playwright.sync_api import Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    _missing("the playwright package is not installed")


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., AbstractContextManager[str]]
) -> Iterator[str]:
    root = tmp_path_factory.mktemp("browser-review")
    env = {**os.environ, "SANCTIONWATCH_DATA_DIR": str(root / "data")}
    for name in (
        "SANCTIONWATCH_DATABASE_URL",
        "SANCTIONWATCH_API_KEYS",
        "SANCTIONWATCH_READ_REQUIRES_KEY",
    ):
        env.pop(name, None)
    db = f"sqlite:///{root / 'desk.db'}"
    cli = [sys.executable, "-c", "from sanctionwatch.cli.app import main; main()"]
    done = subprocess.run(
        [*cli, "ingest", str(DESK), "--db", db], env=env, capture_output=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    with serve(["--db", db, "--api-key", KEY], env) as base:
        yield base


@pytest.fixture
def page() -> Iterator[Page]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        yield context.new_page()
        context.close()
        browser.close()


def _workers(server: str) -> tuple[str, str]:
    incidents = httpx.get(
        f"{server}/incidents", params={"type": "labor_dispatch"}, timeout=30
    ).json()
    for incident in incidents:
        for claim in incident["claims"]:
            if "construction workers" in claim["evidence"]["text"]:
                return incident["id"], claim["id"]
    raise AssertionError("the desk's workers claim is missing")


def test_browser_corrections_role_shows_in_incident_grade_and_pdf(server: str, page: Page) -> None:
    incident_id, claim_id = _workers(server)
    page.goto(f"{server}/ui/login?next=/ui/incidents/{incident_id}")
    page.fill('input[name="api_key"]', KEY)
    with page.expect_navigation():
        page.click(".login-form button")
    assert page.url.endswith(f"/ui/incidents/{incident_id}")
    card = page.locator(f"#claim-{claim_id}")
    card.locator("details.correct summary").click()
    form = card.locator("form.correction-form")
    assert form.locator('input[name="csrf_token"]').count() == 1  # logged in: no key field
    form.locator('select[name="kind"]').select_option("role")
    form.locator('select[name="role"]').select_option("target")
    form.locator('input[name="codes"]').fill("CN")
    form.locator('input[name="author"]').fill("Ana Analyst")
    page.screenshot(path=str(SHOTS / "20-correction-form.png"), full_page=True)
    with page.expect_navigation():
        form.locator("button").click()
    assert f"/ui/incidents/{incident_id}" in page.url, page.locator("main").inner_text()[:500]
    page.screenshot(path=str(SHOTS / "21-corrected-incident.png"), full_page=True)

    target = page.locator("dt:text-is('Target') + dd").inner_text()
    assert "CN" in target and "RU" not in target
    assert "target set to CN" in page.locator(f"#claim-{claim_id} .review").inner_text()
    reasons = page.locator("#grade-reasons").inner_text()
    assert "target set to CN by Ana Analyst" in reasons

    response = page.request.get(f"{server}/incidents/{incident_id}/casefile.pdf")
    assert response.ok
    reader = PdfReader(io.BytesIO(response.body()))
    text = " ".join(p.extract_text() for p in reader.pages).replace("\n", " ")
    assert "target set to CN" in text and "Ana Analyst" in text
