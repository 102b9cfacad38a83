from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, inspect, text

from sanctionwatch.domain.errors import ConfigError
from sanctionwatch.store import (
    SCHEMA_VERSION,
    Store,
    list_quarantine,
    migrate_schema,
    open_store,
    read_schema_version,
)


def _add_notes_column(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE documents ADD COLUMN notes TEXT"))


def _broken_step(conn: Connection) -> None:
    conn.execute(text("CREATE TABLE half_done (x INTEGER)"))
    raise RuntimeError("migration failed halfway")


def _columns(store: Store, table: str) -> set[str]:
    with store.transaction() as conn:
        return {column["name"] for column in inspect(conn).get_columns(table)}


def _tables(store: Store) -> set[str]:
    with store.transaction() as conn:
        return set(inspect(conn).get_table_names())


NEXT = SCHEMA_VERSION + 1


def test_migrate_fresh_database_is_current(store: Store) -> None:
    with store.transaction() as conn:
        assert read_schema_version(conn) == SCHEMA_VERSION == 8
    assert {"documents", "raw_blobs", "claims", "incidents", "incident_claims"} <= _tables(store)
    assert {"provisions", "quarantine", "schema_meta", "extractions"} <= _tables(store)
    assert {"ingest_items", "item_documents", "syndication", "syndication_bands"} <= _tables(store)
    assert {"incident_keys", "incident_redirects", "event_periods"} <= _tables(store)
    assert {"incident_changes", "watchlists", "alerts", "alert_deliveries"} <= _tables(store)
    assert "incident_facets" in _tables(store)
    assert "corrections" in _tables(store)
    has_fts_table = "documents_fts" in _tables(store)
    assert has_fts_table == store.has_fts == (store.dialect == "sqlite")
    has_tsvector = "search_vector" in _columns(store, "documents")
    assert has_tsvector == store.has_tsvector == (store.dialect == "postgresql")


def test_migrate_reopen_is_a_no_op(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    open_store(url).close()
    with open_store(url) as store, store.transaction(write=True) as conn:
        assert migrate_schema(conn) == SCHEMA_VERSION


def test_migrate_runs_steps_from_older_version(store: Store) -> None:
    # The code of the future: the next version adds a column. The database here is the "old" one.
    with store.transaction(write=True) as conn:
        before = migrate_schema(conn, migrations={NEXT: _add_notes_column}, target=NEXT)
    assert before == SCHEMA_VERSION
    assert "notes" in _columns(store, "documents")
    with store.transaction() as conn:
        assert read_schema_version(conn) == NEXT


def test_migrate_newer_database_is_refused(store: Store) -> None:
    with store.transaction(write=True) as conn:
        migrate_schema(conn, migrations={NEXT: _add_notes_column}, target=NEXT)
    url = store.engine.url.render_as_string(hide_password=False)
    with pytest.raises(ConfigError) as info:
        open_store(url)
    assert info.value.code == "E301"


def test_migrate_failed_step_leaves_old_version(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction(write=True) as conn:
        migrate_schema(conn, migrations={NEXT: _broken_step}, target=NEXT)
    with store.transaction() as conn:
        assert read_schema_version(conn) == SCHEMA_VERSION
    assert "half_done" not in _tables(store)


def test_migrate_missing_step_is_config_error(store: Store) -> None:
    with pytest.raises(ConfigError) as info, store.transaction(write=True) as conn:
        migrate_schema(conn, migrations={}, target=NEXT + 1)
    assert info.value.code == "E302"


def test_migrate_unversioned_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "foreign.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE documents (id TEXT)"))
    engine.dispose()
    with pytest.raises(ConfigError) as info:
        open_store(f"sqlite:///{path}")
    assert info.value.code == "E305"


_V2_TABLES = ("syndication_bands", "syndication", "item_documents", "ingest_items")
_V2_QUARANTINE_COLUMNS = ("format_hint", "origin", "attempts", "resolved_at")


_V3_TABLES = ("incident_keys", "incident_redirects", "event_periods")


_V4_TABLES = (
    "incident_changes",
    "watch_incidents",
    "watch_sources",
    "watchlists",
    "alerts",
    "alert_deliveries",
)

_OLD_INCIDENT = {
    "id": "inc_old",
    "type": "arms_transfer",
    "source": ["KP"],
    "target": ["RU", "KP"],
    "provisions": [{"provision_id": "UNSCR-1718-OP8"}],
    "assessment": {"code": "C3"},
}


_V6_TABLES = ("corrections",)


_V7_INDEXES = ("ix_incidents_list", "ix_incidents_counts")


def _make_version_7(url: str) -> None:
    """A database as version 7 left it: no revision sequence (PostgreSQL)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("DROP SEQUENCE sw_revision"))
        conn.execute(text("UPDATE schema_meta SET value = '7' WHERE key = 'schema_version'"))
    engine.dispose()


def _make_version_6(url: str) -> None:
    """A database as version 6 left it: the parent index, not the list's covering ones."""
    _make_version_7(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        for index in _V7_INDEXES:
            conn.execute(text(f"DROP INDEX {index}"))
        conn.execute(text("CREATE INDEX ix_incidents_parent ON incidents (parent_id)"))
        conn.execute(text("UPDATE schema_meta SET value = '6' WHERE key = 'schema_version'"))
    engine.dispose()


def _make_version_5(url: str) -> None:
    """A database as version 5 left it: without the corrections of version 6."""
    _make_version_6(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        for table in _V6_TABLES:
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("UPDATE schema_meta SET value = '5' WHERE key = 'schema_version'"))
    engine.dispose()


def _make_version_4(url: str) -> None:
    """A database as version 4 left it: no grades or facets, no tsvector; one incident."""
    _make_version_5(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE incident_facets"))
        conn.execute(text("DROP INDEX ix_incidents_grade"))
        conn.execute(text("ALTER TABLE incidents DROP COLUMN grade"))
        if conn.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE documents DROP COLUMN search_vector"))
        conn.execute(text("UPDATE schema_meta SET value = '4' WHERE key = 'schema_version'"))
        conn.execute(
            text(
                "INSERT INTO incidents (id, type, data, built_at) "
                "VALUES ('inc_old', 'arms_transfer', :data, '2024-01-01')"
            ),
            {"data": json.dumps(_OLD_INCIDENT)},
        )
    engine.dispose()


def _make_version_3(url: str) -> None:
    """A database as version 3 left it: without the watching tables of version 4."""
    _make_version_4(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM incidents"))
        for table in _V4_TABLES:
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("UPDATE schema_meta SET value = '3' WHERE key = 'schema_version'"))
    engine.dispose()


def _make_version_2(url: str) -> None:
    """A database as version 2 left it: without what version 3 added."""
    _make_version_3(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM incidents"))
        for table in _V3_TABLES:
            conn.execute(text(f"DROP TABLE {table}"))
        for index in ("ix_incidents_parent", "ix_incidents_relevance"):
            conn.execute(text(f"DROP INDEX {index}"))
        for column in ("parent_id", "relevance"):
            conn.execute(text(f"ALTER TABLE incidents DROP COLUMN {column}"))
        conn.execute(text("UPDATE schema_meta SET value = '2' WHERE key = 'schema_version'"))
        conn.execute(
            text(
                "INSERT INTO incidents (id, type, data, built_at) "
                "VALUES ('inc_old', 'meeting', '{}', '2024-01-01')"
            )
        )
    engine.dispose()


def _make_version_1(url: str) -> None:
    """A database as version 1 left it: without the tables and columns version 2 added."""
    _make_version_2(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("PRAGMA foreign_keys = OFF"))
        conn.execute(text("DELETE FROM incidents"))
        for table in _V2_TABLES:
            conn.execute(text(f"DROP TABLE {table}"))
        for column in _V2_QUARANTINE_COLUMNS:
            conn.execute(text(f"ALTER TABLE quarantine DROP COLUMN {column}"))
        conn.execute(text("UPDATE schema_meta SET value = '1' WHERE key = 'schema_version'"))
        conn.execute(
            text(
                "INSERT INTO quarantine (id, source_ref, code, message, raw_sha256, created_at) "
                "VALUES ('q1', 'old.txt', 'E201', 'the input is empty', NULL, '2024-01-01')"
            )
        )
    engine.dispose()


def test_migrate_version_3_database_to_4(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v3.db'}"
    open_store(url).close()
    _make_version_3(url)
    engine = create_engine(url)
    assert not set(_V4_TABLES) & set(inspect(engine).get_table_names())
    engine.dispose()

    with open_store(url) as store:
        with store.transaction() as conn:
            assert read_schema_version(conn) == SCHEMA_VERSION
        assert set(_V4_TABLES) <= _tables(store)


def test_migrate_version_3_with_incidents_marks_a_watch_baseline(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v3i.db'}"
    open_store(url).close()
    _make_version_3(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO incidents (id, type, data, built_at) "
                "VALUES ('inc_old', 'meeting', '{}', '2024-01-01')"
            )
        )
    engine.dispose()
    with open_store(url) as store, store.transaction() as conn:
        value = conn.execute(
            text("SELECT value FROM schema_meta WHERE key = 'watch_baseline'")
        ).scalar()
    assert value == "pending"


def test_migrate_version_4_database_to_5(store: Store) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    _make_version_4(url)

    with open_store(url) as migrated:
        with migrated.transaction() as conn:
            assert read_schema_version(conn) == SCHEMA_VERSION
            grade = conn.execute(text("SELECT grade FROM incidents")).scalar_one()
            facets = conn.execute(text("SELECT kind, value FROM incident_facets")).all()
        assert grade == "C3"
        assert sorted(map(tuple, facets)) == [
            ("actor", "KP"),
            ("actor", "RU"),
            ("provision", "UNSCR-1718-OP8"),
        ]
        assert migrated.has_tsvector == (migrated.dialect == "postgresql")


def test_migrate_version_2_database_to_3(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v2.db'}"
    open_store(url).close()
    _make_version_2(url)

    with open_store(url) as store:
        with store.transaction() as conn:
            assert read_schema_version(conn) == SCHEMA_VERSION
            row = conn.execute(text("SELECT id, parent_id, relevance FROM incidents")).one()
        assert tuple(row) == ("inc_old", None, None)
        assert set(_V3_TABLES) <= _tables(store)
        assert {"parent_id", "relevance"} <= _columns(store, "incidents")


def test_migrate_version_1_database_to_current(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    open_store(url).close()
    _make_version_1(url)

    with open_store(url) as store:
        with store.transaction() as conn:
            assert read_schema_version(conn) == SCHEMA_VERSION
        assert set(_V2_TABLES) <= _tables(store)
        assert set(_V2_QUARANTINE_COLUMNS) <= _columns(store, "quarantine")
        (entry,) = list_quarantine(store)
        assert (entry.source_ref, entry.code, entry.attempts, entry.resolved_at) == (
            "old.txt",
            "E201",
            0,
            None,
        )


def test_migrate_version_5_database_gets_corrections(store: Store) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    _make_version_5(url)
    engine = create_engine(url)
    assert "corrections" not in inspect(engine).get_table_names()
    engine.dispose()  # an undisposed PostgreSQL connection warns in a later test
    with open_store(url) as migrated:
        with migrated.transaction() as conn:
            assert read_schema_version(conn) == SCHEMA_VERSION
        assert set(_V6_TABLES) <= _tables(migrated)


def _indexes(store: Store, table: str) -> set[str]:
    with store.transaction() as conn:
        return {index["name"] for index in inspect(conn).get_indexes(table)}


def test_migrate_fresh_database_has_the_list_indexes(store: Store) -> None:
    indexes = _indexes(store, "incidents")
    assert set(_V7_INDEXES) <= indexes
    assert "ix_incidents_parent" not in indexes


def test_migrate_version_6_database_gets_the_list_indexes(store: Store) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    _make_version_6(url)
    engine = create_engine(url)
    assert "ix_incidents_parent" in {i["name"] for i in inspect(engine).get_indexes("incidents")}
    engine.dispose()
    with open_store(url) as migrated:
        with migrated.transaction() as conn:
            assert read_schema_version(conn) == SCHEMA_VERSION
        indexes = _indexes(migrated, "incidents")
        assert set(_V7_INDEXES) <= indexes
        assert "ix_incidents_parent" not in indexes


def test_migrate_version_7_database_gets_the_revision_sequence(store: Store) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    _make_version_7(url)
    with open_store(url) as migrated:
        with migrated.transaction() as conn:
            assert read_schema_version(conn) == SCHEMA_VERSION
            if migrated.dialect == "postgresql":
                assert "sw_revision" in inspect(conn).get_sequence_names()
        before = migrated.revision()
        with migrated.transaction(write=True) as conn:
            conn.execute(text("INSERT INTO schema_meta (key, value) VALUES ('after', '1')"))
        assert migrated.revision() not in {None, before}
