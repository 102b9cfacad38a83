"""Shared fixtures: a real SQLite store in a temporary directory, and small articles
written for the tests (never copied from the corpus or the seeds)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctionwatch import store as st

ARTICLE_ARMS = """Pyongyang ships shells to Moscow

North Korea has shipped artillery shells to Russia since August 2023, South Korean officials said on Monday.
Russian officials have denied buying any weapons from North Korea.
"""

ARTICLE_WORKERS = """Workers on student visas

Russia issued 12,000 student visas to North Koreans in 2023.
North Korea sent thousands of construction workers to Russia last year, according to the National Intelligence Service.
"""

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[st.Store]:
    with st.open_store(f"sqlite:///{tmp_path / 'test.db'}") as opened:
        yield opened


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "arms.txt").write_text(ARTICLE_ARMS, encoding="utf-8")
    (folder / "workers.txt").write_text(ARTICLE_WORKERS, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    )
    return folder


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    return SHARED
