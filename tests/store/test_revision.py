"""The store's revision token: unchanged by reads, changed by every committed write, whoever
made it (this process, another connection or another process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from sanctionwatch import store as st
from sanctionwatch.store import schema as tables

WRITE_ELSEWHERE = """
import sys
from sqlalchemy import insert
from sanctionwatch import store as st
from sanctionwatch.store import schema as tables
with st.open_store(sys.argv[1]) as other, other.transaction(write=True) as conn:
    conn.execute(insert(tables.schema_meta).values(key="elsewhere", value="1"))
"""


def _write(store: st.Store, key: str) -> None:
    with store.transaction(write=True) as conn:
        conn.execute(insert(tables.schema_meta).values(key=key, value="1"))


def test_revision_reads_keep_it(store: st.Store) -> None:
    before = store.revision()
    assert before is not None
    with store.transaction() as conn:
        conn.execute(select(tables.incidents.c.id)).all()
    st.list_incidents(store)
    assert store.revision() == before


def test_revision_writes_to_another_database_keep_it(
    store: st.Store, another_store: st.Store
) -> None:
    # On PostgreSQL the other database is on the same server, whose WAL its writes move.
    before = store.revision()
    _write(another_store, "elsewhere")
    assert store.revision() == before


def test_revision_a_write_here_changes_it(store: st.Store) -> None:
    before = store.revision()
    _write(store, "here")
    assert store.revision() != before


def test_revision_a_rolled_back_write_keeps_it(sqlite_store: st.Store) -> None:
    before = sqlite_store.revision()
    with pytest.raises(RuntimeError), sqlite_store.transaction(write=True) as conn:
        conn.execute(insert(tables.schema_meta).values(key="undone", value="1"))
        raise RuntimeError("abort")
    assert sqlite_store.revision() == before


def test_revision_a_write_by_another_process_changes_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    with st.open_store(url) as store:
        before = store.revision()
        subprocess.run([sys.executable, "-c", WRITE_ELSEWHERE, url], check=True)
        assert store.revision() != before


def test_revision_in_memory_database_counts_writes() -> None:
    with st.open_store("sqlite://") as store:
        before = store.revision()
        _write(store, "memory")
        assert store.revision() not in {None, before}
