"""The web UI in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

``sanctionwatch serve`` runs as a subprocess over a database of the desk articles
(written for the tests; one carries ``<script>`` tags, an ``onerror`` image and a
``javascript:`` URL). Each step saves a screenshot under ``test-artifacts/browser/``.
Outside CI the module is skipped when Chromium or Playwright is missing; in CI
(``CI`` set) that is a failure, so a missing install step cannot hide.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
DESK = ROOT / "tests" / "web" / "data" / "desk.jsonl"
UN_LIST = ROOT / "tests" / "resolve" / "data" / "un_small.xml"
SHOTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = os.environ.get("SANCTIONWATCH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must install it: see .ci/run)")
    pytest.skip(reason, allow_module_level=True)


if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
    _missing(f"no Chromium at {CHROMIUM}")
try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    _missing("the playwright package is not installed")


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., AbstractContextManager[str]]
) -> Iterator[str]:
    root = tmp_path_factory.mktemp("browser")
    env = {**os.environ, "SANCTIONWATCH_DATA_DIR": str(root / "data")}
    for name in (
        "SANCTIONWATCH_DATABASE_URL",
        "SANCTIONWATCH_API_KEYS",
        "SANCTIONWATCH_READ_REQUIRES_KEY",
    ):
        env.pop(name, None)
    db = f"sqlite:///{root / 'desk.db'}"
    cli = [sys.executable, "-c", "from sanctionwatch.cli.app import main; main()"]
    for args in (["lists", "update", str(UN_LIST)], ["ingest", str(DESK), "--db", db]):
        done = subprocess.run([*cli, *args], env=env, capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr
    with serve(["--db", db], env) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
            headless=True,
            # Playwright gives each launch a fresh temporary profile (user-data-dir).
            args=CHROMIUM_ARGS,
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()
    assert not dialogs, f"a page opened a dialog: {dialogs}"


def _shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _api(server: str, path: str, **params: str) -> Any:
    return httpx.get(f"{server}{path}", params=params, timeout=30).json()


def test_browser_filter_list_open_incident_see_evidence(server: str, page: Page) -> None:
    page.goto(f"{server}/ui/")
    _shot(page, "01-incidents")
    with page.expect_navigation():
        page.select_option('#filters select[name="type"]', "arms_transfer")
    page.fill('#filters input[name="actor"]', "Russia")
    page.fill('#filters input[name="q"]', "shells")
    with page.expect_navigation():
        page.click("#filters button")
    types = page.eval_on_selector_all(
        "#incidents tbody tr", "rows => rows.map(r => r.dataset.type)"
    )
    assert types and set(types) == {"arms_transfer"}
    _shot(page, "02-incidents-filtered")
    with page.expect_navigation():
        page.click("#incidents a.incident-link >> nth=0")
    incident_id = page.url.rsplit("/", 1)[1]
    incident = _api(server, f"/incidents/{incident_id}")
    assert page.locator("mark.evidence").first.is_visible()
    for claim in incident["claims"]:
        shown = page.eval_on_selector_all(
            f"#claim-{claim['id']} mark.evidence",
            "marks => marks.map(m => m.textContent).join('')",
        )
        assert shown == claim["evidence"]["text"]
    links = page.eval_on_selector_all("a.original", "links => links.map(a => a.href)")
    assert links and all(link.startswith("https://example.org/") for link in links)
    _shot(page, "03-incident")
    with page.expect_navigation():
        page.click('a[href$="/casefile.html"]')
    numbers = page.eval_on_selector_all(".cite-n", "nodes => nodes.map(n => n.textContent)")
    assert numbers == [f"[{n}]" for n in range(1, len(numbers) + 1)] and numbers
    _shot(page, "03b-casefile")


def test_browser_script_in_an_article_is_text(server: str, page: Page) -> None:
    docs = _api(server, "/documents")
    doc = next(d for d in docs if d["external_id"] == "desk-004")
    page.goto(f"{server}/ui/documents/{doc['id']}")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() != "pwned"
    text = page.inner_text("#document-text")
    assert "<script>window.__" in text and "<img src=x" in text
    assert page.locator("#document-text script, #document-text img, #document-text b").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    _shot(page, "04-document-with-script")
    incident = _api(server, "/incidents", q="rockets")[0]
    page.goto(f"{server}/ui/incidents/{incident['id']}")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    _shot(page, "05-incident-with-script")


def test_browser_screening_box(server: str, page: Page) -> None:
    page.goto(f"{server}/ui/screen")
    page.fill('#screen-form input[name="name"]', "김영철")
    page.fill('#screen-form input[name="birth_date"]', "1962")
    with page.expect_navigation():
        page.click("#screen-form button")
    first = page.locator("#results .result").first
    assert "TKi.001" in first.inner_text() and "strong" in first.inner_text()
    assert "dob_agree" in first.inner_text()
    _shot(page, "06-screening")


def test_browser_timeline_entities_search(server: str, page: Page) -> None:
    page.goto(f"{server}/ui/timeline")
    assert page.locator("#timeline-chart rect").count() >= 3
    assert page.locator("#quantity-chart circle").count() >= 2
    _shot(page, "07-timeline")
    with page.expect_navigation():
        page.click("#timeline-chart a >> nth=0")
    assert "/ui/incidents/" in page.url
    for name, path in (
        ("08-entities", "/ui/entities"),
        ("09-entity-state", "/ui/entities/KP"),
        ("10-entity-person", "/ui/entities/kim-yong-chol"),
        ("11-search", "/ui/search?q=shells+Russia"),
    ):
        page.goto(f"{server}{path}")
        assert page.locator("main h1").count() == 1
        _shot(page, name)
    assert page.locator("#hits li mark.hit").count() >= 2


def test_browser_pages_work_without_javascript(server: str, browser: Browser) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{server}/ui/")
    page.select_option('#filters select[name="type"]', "labor_dispatch")
    with page.expect_navigation():
        page.click("#filters button")
    types = page.eval_on_selector_all(
        "#incidents tbody tr", "rows => rows.map(r => r.dataset.type)"
    )
    assert types and set(types) == {"labor_dispatch"}
    _shot(page, "12-no-javascript")
    context.close()


def test_browser_api_docs_render_with_no_other_host(server: str, page: Page) -> None:
    """/docs draws Swagger UI from the package's own files: any request to another host is
    refused, and the operations still render."""
    foreign: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.goto(f"{server}/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator(".opblock").count() >= 20
    assert not foreign, foreign
    _shot(page, "07-api-docs-offline")


def test_browser_timeline_zooms_to_a_year(server: str, page: Page) -> None:
    page.goto(f"{server}/ui/timeline")
    zoom = page.locator("a.zoom").first
    year = zoom.text_content() or ""
    with page.expect_navigation():
        zoom.click()
    assert f"Showing {year}-01-01 to {year}-12-31" in (page.text_content("#timeline-range") or "")
    _shot(page, "08-timeline-zoomed")
