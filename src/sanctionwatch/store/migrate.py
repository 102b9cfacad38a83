"""Schema versions and the steps between them.

``MIGRATIONS[n]`` upgrades a database at version ``n - 1`` to ``n``, inside the opening
transaction (DDL is transactional on SQLite with our BEGIN hook and on PostgreSQL), so a
failing step leaves the database at its old version.

A fresh database is created directly at ``SCHEMA_VERSION`` from the table definitions;
there is no step for version 1. That way step ``n`` never has to rebuild an old shape
from tables that have since moved on. To change the schema: edit ``schema.py``, bump
``SCHEMA_VERSION`` and add the matching step here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import suppress

from sqlalchemy import Column, Connection, Table, inspect, select, text
from sqlalchemy.exc import OperationalError

from sanctionwatch.domain.errors import ConfigError
from sanctionwatch.store import schema
from sanctionwatch.store.incidentfacets import backfill_facets
from sanctionwatch.store.schema import (
    FTS_DDL,
    PG_SEARCH_DDL,
    SCHEMA_VERSION,
    metadata,
    schema_meta,
)

Migration = Callable[[Connection], None]

SCHEMA_TOO_NEW = "E301"
NO_MIGRATION_PATH = "E302"
UNVERSIONED_DATABASE = "E305"

_VERSION_KEY = "schema_version"
WATCH_BASELINE_KEY = "watch_baseline"


def _add_column(conn: Connection, table: Table, column: Column[object]) -> None:
    kind = column.type.compile(dialect=conn.dialect)
    conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}"))


def migrate_to_2(conn: Connection) -> None:
    """Ingestion state, chain of custody, syndication clusters; retry data on quarantine."""
    for name in ("format_hint", "origin", "attempts", "resolved_at"):
        _add_column(conn, schema.quarantine, schema.quarantine.c[name])
    for table in (
        schema.ingest_items,
        schema.item_documents,
        schema.syndication,
        schema.syndication_bands,
    ):
        table.create(conn)


def migrate_to_3(conn: Connection) -> None:
    """Incremental clustering: blocking keys, redirects, event periods; parent, relevance.

    Incidents built before keep working but are not in the blocking index: the next
    ingest sees an unknown clusterer and rebuilds them all once.
    """
    for name in ("parent_id", "relevance"):
        _add_column(conn, schema.incidents, schema.incidents.c[name])
    for index in schema.incidents.indexes:
        if index.name in {"ix_incidents_parent", "ix_incidents_relevance"}:
            index.create(conn)
    for table in (schema.incident_keys, schema.incident_redirects, schema.event_periods):
        table.create(conn)


def migrate_to_4(conn: Connection) -> None:
    """Watching: the incident change log, what the watcher saw, sources, watchlists, alerts."""
    for table in (
        schema.incident_changes,
        schema.watch_incidents,
        schema.watch_sources,
        schema.watchlists,
        schema.alerts,
        schema.alert_deliveries,
    ):
        table.create(conn)
    # Incidents stored before watching began are a baseline, not news: the watcher takes
    # their fingerprints once without alerting (watch.alerts), so the next rebuild, which
    # rewrites them all, does not alert every one of them.
    if conn.execute(select(schema.incidents.c.id).limit(1)).first() is not None:
        conn.execute(schema_meta.insert().values(key=WATCH_BASELINE_KEY, value="pending"))


def migrate_to_5(conn: Connection) -> None:
    """Incident grades and facets for the list in SQL; PostgreSQL's own full-text index."""
    _add_column(conn, schema.incidents, schema.incidents.c["grade"])
    for index in schema.incidents.indexes:
        if index.name == "ix_incidents_grade":
            index.create(conn)
    schema.incident_facets.create(conn)
    backfill_facets(conn)
    _create_search_index(conn)


def add_corrections(conn: Connection) -> None:
    """Corrections: analysts' statements about claims and incidents (issue 16).

    Named for what it does, not its number, so it can move to another version when
    migrations from parallel branches meet.
    """
    schema.corrections.create(conn)


def add_list_indexes(conn: Connection) -> None:
    """The incident list's covering indexes (``schema.LIST_INDEX``, ``COUNTS_INDEX``), in
    place of ``ix_incidents_parent``. Named for what it does, like ``add_corrections``."""
    conn.execute(text("DROP INDEX IF EXISTS ix_incidents_parent"))
    for index in schema.incidents.indexes:
        # Each dialect's variant only (``Index.ddl_if``): ``create`` skips the other's.
        if index.name in {schema.LIST_INDEX, schema.COUNTS_INDEX}:
            index.create(conn)


def add_revision_sequence(conn: Connection) -> None:
    """PostgreSQL's per-database revision counter (``schema.revision_sequence``), in place
    of the server-wide WAL position, which reads and other databases also move."""
    if conn.dialect.name == "postgresql":
        schema.revision_sequence.create(conn, checkfirst=True)


MIGRATIONS: dict[int, Migration] = {
    2: migrate_to_2,
    3: migrate_to_3,
    4: migrate_to_4,
    5: migrate_to_5,
    6: add_corrections,
    7: add_list_indexes,
    8: add_revision_sequence,
}


def read_schema_version(conn: Connection) -> int | None:
    """``None`` when the database has never been set up by sanctionwatch."""
    if not inspect(conn).has_table(schema_meta.name):
        return None
    value = conn.execute(
        select(schema_meta.c.value).where(schema_meta.c.key == _VERSION_KEY)
    ).scalar_one_or_none()
    return None if value is None else int(value)


def migrate_schema(
    conn: Connection,
    *,
    migrations: Mapping[int, Migration] = MIGRATIONS,
    target: int = SCHEMA_VERSION,
) -> int:
    """Bring the database to ``target`` and return the version it was at before (0 if new)."""
    version = read_schema_version(conn)
    if version is None:
        if inspect(conn).has_table("documents"):
            raise ConfigError(
                "the database has sanctionwatch tables but no schema version; "
                "it was not made by this program or is damaged",
                code=UNVERSIONED_DATABASE,
            )
        _create_current_schema(conn)
        _stamp(conn, SCHEMA_VERSION, insert=True)
        start = 0
        version = SCHEMA_VERSION
    else:
        start = version
    if version > target:
        raise ConfigError(
            f"the database is at schema version {version} but this sanctionwatch knows only "
            f"up to {target}; upgrade sanctionwatch",
            code=SCHEMA_TOO_NEW,
        )
    for step in range(version + 1, target + 1):
        migration = migrations.get(step)
        if migration is None:
            raise ConfigError(
                f"no migration from schema version {step - 1} to {step}",
                code=NO_MIGRATION_PATH,
            )
        migration(conn)
        _stamp(conn, step, insert=False)
    return start


def _stamp(conn: Connection, version: int, *, insert: bool) -> None:
    if insert:
        conn.execute(schema_meta.insert().values(key=_VERSION_KEY, value=str(version)))
    else:
        conn.execute(
            schema_meta.update().where(schema_meta.c.key == _VERSION_KEY).values(value=str(version))
        )


def _create_current_schema(conn: Connection) -> None:
    metadata.create_all(conn)
    if conn.dialect.name == "sqlite":
        # An SQLite built without FTS5: search falls back to LIKE, nothing else changes.
        with suppress(OperationalError):
            conn.exec_driver_sql(FTS_DDL)
    _create_search_index(conn)


def _create_search_index(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        for statement in PG_SEARCH_DDL:
            conn.exec_driver_sql(statement)
