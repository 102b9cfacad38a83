from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from sanctionwatch.domain.errors import ConfigError
from sanctionwatch.store import (
    DATA_DIR_ENV,
    DATABASE_URL_ENV,
    Store,
    open_store,
    resolve_data_dir,
    resolve_database_url,
)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in (DATABASE_URL_ENV, DATA_DIR_ENV, "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path


def test_engine_url_explicit_beats_environment(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATABASE_URL_ENV, "sqlite:///from-env.db")
    assert resolve_database_url("sqlite:///explicit.db") == "sqlite:///explicit.db"
    assert resolve_database_url() == "sqlite:///from-env.db"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        pytest.param({DATA_DIR_ENV: "data"}, "data", id="data-dir"),
        pytest.param({"XDG_DATA_HOME": "xdg"}, "xdg/sanctionwatch", id="xdg"),
        pytest.param({DATA_DIR_ENV: "data", "XDG_DATA_HOME": "xdg"}, "data", id="data-dir-first"),
        pytest.param({}, "home/.local/share/sanctionwatch", id="home"),
    ],
)
def test_engine_default_url_in_data_dir(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, str(clean_env / value))
    assert resolve_data_dir() == clean_env / expected
    assert resolve_database_url() == f"sqlite:///{clean_env / expected / 'sanctionwatch.db'}"


def test_engine_open_default_creates_data_dir(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(clean_env / "deep" / "data"))
    with open_store() as store:
        assert store.dialect == "sqlite"
        assert store.has_fts
    assert (clean_env / "deep" / "data" / "sanctionwatch.db").is_file()


def test_engine_sqlite_pragmas(sqlite_store: Store) -> None:
    with sqlite_store.transaction() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30_000
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_engine_transaction_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction(write=True) as conn:
        conn.execute(text("INSERT INTO schema_meta (key, value) VALUES ('probe', 'x')"))
        raise RuntimeError("boom")
    with store.transaction() as conn:
        assert (
            conn.execute(text("SELECT value FROM schema_meta WHERE key = 'probe'")).first() is None
        )


def test_engine_in_memory_url_shares_one_database() -> None:
    with open_store("sqlite://") as store:
        with store.transaction(write=True) as conn:
            conn.execute(text("INSERT INTO schema_meta (key, value) VALUES ('probe', 'x')"))
        with store.transaction() as conn:
            assert (
                conn.execute(text("SELECT value FROM schema_meta WHERE key = 'probe'")).scalar()
                == "x"
            )


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("not a url", id="garbage"),
        pytest.param("nosuchdialect://host/db", id="unknown-dialect"),
    ],
)
def test_engine_bad_url_is_config_error(url: str) -> None:
    with pytest.raises(ConfigError) as info:
        open_store(url)
    assert info.value.code == "E303"


def test_engine_unopenable_file_is_config_error(tmp_path: Path) -> None:
    folder = tmp_path / "is-a-directory.db"
    folder.mkdir()
    with pytest.raises(ConfigError) as info:
        open_store(f"sqlite:///{folder}")
    assert info.value.code == "E304"


def test_engine_url_hides_password() -> None:
    # Only the URL handling is exercised: the driver may be absent, which is E303 too.
    with pytest.raises(ConfigError) as info:
        open_store("postgresql+nosuchdriver://user:secret@localhost/db")
    assert "secret" not in str(info.value)
