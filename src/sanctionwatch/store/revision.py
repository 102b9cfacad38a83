"""A token that changes whenever the store's content may have, for caches of read results.

Read the token *before* reading the data: a result computed after it stays valid while
the token is unchanged. A stale token can only cost a cache miss, never a stale hit.

Two parts:

- this process's committed writes, counted by ``Store.transaction`` after each commit of
  a transaction that ran a statement other than a read (all an in-memory SQLite database
  can have, since only this process sees it);
- what the database itself says, for writes by other processes (an ``ingest`` or a
  ``watch`` beside ``serve``): on an SQLite file, ``PRAGMA data_version`` of a connection
  kept for that alone and never used to write, which changes whenever any other
  connection commits; on PostgreSQL, the last value of this database's own sequence
  (``schema.revision_sequence``), which every write transaction draws from just before
  it commits (a draw by one that then fails to commit only costs a miss). Reads, other
  databases on the server and maintenance never move it, unlike the WAL position.
  Where neither answers (a standby server, a database not yet migrated), the token is
  ``None``: cache nothing.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from sanctionwatch.store.schema import REVISION_SEQUENCE

_WROTE = "sanctionwatch_wrote"
# Statements that never change data; anything else counts as a write (erring that way
# only costs a cache miss).
_READS = ("SELECT", "PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "SHOW")


class Revisions:
    """The revision token of one open store (``Store.revision()``)."""

    def __init__(self, engine: Engine, url: URL) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._writes = 0
        self._watcher: sqlite3.Connection | None = None
        self._sqlite_path: str | None = None
        if url.get_backend_name() == "sqlite":
            database = str(url.database or "")
            if database not in ("", ":memory:") and not database.startswith("file::memory:"):
                self._sqlite_path = database
        event.listen(engine, "after_cursor_execute", _flag_writes)

    def current(self) -> str | None:
        with self._lock:
            writes = self._writes
        outside = self._database_token()
        return None if outside is None else f"{writes}.{outside}"

    def before_commit(self, conn: Connection) -> None:
        """Called by ``Store.transaction`` inside its transaction, just before commit: a
        transaction that wrote on PostgreSQL draws the next revision."""
        if conn.info.get(_WROTE) and conn.dialect.name == "postgresql":
            conn.execute(text(f"SELECT nextval('{REVISION_SEQUENCE}')"))

    def after_commit(self, dbapi_info: dict[Any, Any]) -> None:
        """Called by ``Store.transaction`` once its transaction has committed."""
        if dbapi_info.pop(_WROTE, False):
            with self._lock:
                self._writes += 1

    def discard(self, dbapi_info: dict[Any, Any]) -> None:
        """A rolled-back transaction wrote nothing."""
        dbapi_info.pop(_WROTE, None)

    def close(self) -> None:
        with self._lock:
            if self._watcher is not None:
                self._watcher.close()
                self._watcher = None

    def _database_token(self) -> str | None:
        dialect = self._engine.dialect.name
        if dialect == "sqlite":
            return self._sqlite_token()
        if dialect == "postgresql":
            try:
                with self._engine.connect() as conn:
                    value = conn.execute(
                        text(f"SELECT last_value, is_called FROM {REVISION_SEQUENCE}")
                    ).one()
            except DBAPIError:
                return None
            return f"{value[0]}{'' if value[1] else '-'}"
        return None

    def _sqlite_token(self) -> str:
        if self._sqlite_path is None:
            return "memory"
        with self._lock:
            if self._watcher is None:
                self._watcher = sqlite3.connect(
                    self._sqlite_path,
                    uri=self._sqlite_path.startswith("file:"),
                    isolation_level=None,
                    check_same_thread=False,
                )
            return str(self._watcher.execute("PRAGMA data_version").fetchone()[0])


def _flag_writes(
    conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool
) -> None:
    if not statement.lstrip()[:9].upper().startswith(_READS):
        conn.info[_WROTE] = True
