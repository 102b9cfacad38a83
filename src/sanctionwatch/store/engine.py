"""Where the database lives and how it is opened.

SQLite under the data directory by default, any SQLAlchemy URL (PostgreSQL) by setting.
Opening a store creates or migrates the schema, so callers never see a half-made database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import StaticPool

from sanctionwatch.domain.errors import ConfigError
from sanctionwatch.store.migrate import migrate_schema
from sanctionwatch.store.revision import Revisions
from sanctionwatch.store.schema import FTS_TABLE, PG_SEARCH_COLUMN

DATABASE_URL_ENV = "SANCTIONWATCH_DATABASE_URL"
DATA_DIR_ENV = "SANCTIONWATCH_DATA_DIR"
DATABASE_FILENAME = "sanctionwatch.db"

BAD_DATABASE_URL = "E303"
CANNOT_OPEN_DATABASE = "E304"

_BUSY_TIMEOUT_MS = 30_000
# A custom execution option read by the SQLite "begin" hook: writers take the write lock
# up front (BEGIN IMMEDIATE) so two writers queue on busy_timeout instead of deadlocking
# when both try to upgrade a read lock.
_WRITE_OPTION = "sanctionwatch_write"


def resolve_data_dir() -> Path:
    """``$SANCTIONWATCH_DATA_DIR``, else ``$XDG_DATA_HOME/sanctionwatch``, else ~/.local/share."""
    explicit = os.environ.get(DATA_DIR_ENV)
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "sanctionwatch"


def resolve_database_url(explicit: str | None = None) -> str:
    """The argument, else ``$SANCTIONWATCH_DATABASE_URL``, else SQLite in the data directory."""
    if explicit:
        return explicit
    from_env = os.environ.get(DATABASE_URL_ENV)
    if from_env:
        return from_env
    return f"sqlite:///{resolve_data_dir() / DATABASE_FILENAME}"


@dataclass(frozen=True, slots=True)
class Store:
    """An open database. ``url`` hides any password, so it is safe to print."""

    engine: Engine
    url: str
    dialect: str
    has_fts: bool
    """SQLite's FTS5 table, which writers fill beside ``documents``."""
    has_tsvector: bool = False
    """PostgreSQL's generated tsvector column and its GIN index (kept by the server)."""
    revisions: Revisions | None = field(default=None, compare=False, repr=False)

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Connection]:
        """One transaction: committed on success, rolled back on any exception."""
        with self.engine.connect() as conn:
            if write:
                conn.execution_options(**{_WRITE_OPTION: True})
            try:
                with conn.begin():
                    yield conn
                    if self.revisions is not None:
                        self.revisions.before_commit(conn)
            except BaseException:
                if self.revisions is not None:
                    self.revisions.discard(conn.info)
                raise
            if self.revisions is not None:
                self.revisions.after_commit(conn.info)

    def revision(self) -> str | None:
        """A token that changes whenever the content may have (``store.revision``); read it
        before reading what a cache keeps. ``None``: do not cache."""
        return None if self.revisions is None else self.revisions.current()

    def close(self) -> None:
        if self.revisions is not None:
            self.revisions.close()
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_store(url: str | None = None) -> Store:
    """Open (creating or migrating) the database at ``url`` or the resolved default.

    Raises ``ConfigError``: E301 schema newer than this code, E302 no migration path,
    E303 unusable URL or missing driver, E304 cannot connect, E305 unversioned database.
    """
    sa_url = _parse_url(resolve_database_url(url))
    engine = _create_engine(sa_url)
    try:
        with engine.connect() as conn:
            conn.execution_options(**{_WRITE_OPTION: True})
            with conn.begin():
                migrate_schema(conn)
                has_fts = _has_fts_table(conn)
                has_tsvector = _has_tsvector(conn)
    except OperationalError as exc:
        engine.dispose()
        raise ConfigError(
            f"cannot open database {sa_url.render_as_string(hide_password=True)}: {exc.orig}",
            code=CANNOT_OPEN_DATABASE,
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    return Store(
        engine=engine,
        url=sa_url.render_as_string(hide_password=True),
        dialect=engine.dialect.name,
        has_fts=has_fts,
        has_tsvector=has_tsvector,
        revisions=Revisions(engine, sa_url),
    )


def _parse_url(raw: str) -> URL:
    try:
        return make_url(raw)
    except ArgumentError as exc:
        raise ConfigError(f"not a database URL: {raw!r}", code=BAD_DATABASE_URL) from exc


def _is_sqlite_memory(url: URL) -> bool:
    return url.database in (None, "", ":memory:") or str(url.database).startswith("file::memory:")


def _create_engine(url: URL) -> Engine:
    kwargs: dict[str, Any] = {}
    is_sqlite = url.get_backend_name() == "sqlite"
    if is_sqlite and _is_sqlite_memory(url):
        # One shared connection, or every pooled connection would see its own empty DB.
        kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    elif is_sqlite:
        Path(str(url.database)).expanduser().parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url, **kwargs)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise ConfigError(
            f"cannot use database URL {url.render_as_string(hide_password=True)}: {exc}",
            code=BAD_DATABASE_URL,
        ) from exc
    if is_sqlite:
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take BEGIN away from the sqlite3 driver, which skips it before DDL and SELECT;
        # the "begin" hook below emits it so migrations are transactional too.
        dbapi_conn.isolation_level = None
        # SQLite's lower() folds ASCII only; the incident list's word filter folds as
        # Python does (store.pages).
        dbapi_conn.create_function("casefold", 1, _casefold, deterministic=True)
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        # WAL lets readers (the API) work while an ingest writes.
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _casefold(value: object) -> str | None:
    return value.casefold() if isinstance(value, str) else None


def _has_tsvector(conn: Connection) -> bool:
    if conn.dialect.name != "postgresql":
        return False
    return PG_SEARCH_COLUMN in {c["name"] for c in inspect(conn).get_columns("documents")}


def _has_fts_table(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    ).first()
    return found is not None
