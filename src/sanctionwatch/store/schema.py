"""Tables, in portable SQLAlchemy Core types so SQLite and PostgreSQL share one schema.

Rows keep a few columns for filtering and the full codec dict in ``data``: the dict is the
truth, the columns are indexes over it. Dates stay ISO strings (``2023``, ``2023-07``,
``2023-07-14``) because sources give them at mixed grain.

Bump ``SCHEMA_VERSION`` and add a step to ``store.migrate.MIGRATIONS`` for every change.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Sequence,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 8

# Ids are hashes or short slugs; a bounded String keeps them indexable everywhere.
_ID = 255
_SHA = 64

metadata = MetaData()

REVISION_SEQUENCE = "sw_revision"
# PostgreSQL's revision counter (``store.revision``): every committed write transaction
# draws from it, reads never do, and it belongs to this database alone. SQLite has no
# sequences (``create_all`` skips it there) and uses ``PRAGMA data_version`` instead.
revision_sequence = Sequence(REVISION_SEQUENCE, metadata=metadata)

schema_meta = Table(
    "schema_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(_SHA), primary_key=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", String(32)),
    Column("language", String(16)),
    Column("fetched_at", String(64)),
    Column("format", String(32), nullable=False),
    Column("source_ref", Text),
    Column("external_id", Text),
    Column("raw_sha256", String(_SHA)),
    Column("syndication_cluster", String(_ID)),
    Column("meta", JSON, nullable=False),
    Column("word_count", Integer, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_published", "published"),
    Index("ix_documents_raw_sha256", "raw_sha256"),
    Index("ix_documents_syndication_cluster", "syndication_cluster"),
)

raw_blobs = Table(
    "raw_blobs",
    metadata,
    Column("sha256", String(_SHA), primary_key=True),
    Column("bytes", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(_ID), primary_key=True),
    Column("document_id", String(_SHA), ForeignKey("documents.id"), nullable=False),
    Column("type", String(32), nullable=False),
    Column("modality", String(16), nullable=False),
    Column("source_codes", JSON, nullable=False),
    Column("target_codes", JSON, nullable=False),
    Column("time_start", String(32)),
    Column("time_end", String(32)),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("extractor", String(_ID), nullable=False),
    Column("data", JSON, nullable=False),
    Index("ix_claims_document_extractor", "document_id", "extractor"),
    Index("ix_claims_type", "type"),
)

# One row per (document, extractor) that has run, even when it found no claims: that is
# how an interrupted extraction resumes without redoing finished documents.
extractions = Table(
    "extractions",
    metadata,
    Column("document_id", String(_SHA), ForeignKey("documents.id"), primary_key=True),
    Column("extractor", String(_ID), primary_key=True),
    Column("claim_count", Integer, nullable=False),
    Column("extracted_at", DateTime(timezone=True), nullable=False),
)

incidents = Table(
    "incidents",
    metadata,
    Column("id", String(_ID), primary_key=True),
    Column("type", String(32), nullable=False),
    Column("time_start", String(32)),
    Column("time_end", String(32)),
    # Day-grain bounds ("2023" -> 2023-01-01 .. 2023-12-31) so range filters are plain
    # string comparisons that an index can serve on any dialect.
    Column("time_lo", String(10)),
    Column("time_hi", String(10)),
    Column("data", JSON, nullable=False),
    Column("built_at", DateTime(timezone=True), nullable=False),
    # version 3: the campaign an episode belongs to; relevance to the regime (the default
    # view shows "regime" incidents that are no episode).
    Column("parent_id", String(_ID)),
    Column("relevance", String(16)),
    # version 4: the Admiralty code, so the list filters and counts grades in SQL.
    Column("grade", String(4)),
    Index("ix_incidents_type", "type"),
    Index("ix_incidents_time", "time_lo", "time_hi"),
    Index("ix_incidents_relevance", "relevance"),
    Index("ix_incidents_grade", "grade"),
)

# No foreign key to claims: claims are replaced per document on re-extraction while
# incidents are rebuilt in bulk later, so a link may be briefly stale; readers skip it.
incident_claims = Table(
    "incident_claims",
    metadata,
    Column(
        "incident_id",
        String(_ID),
        ForeignKey("incidents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("claim_id", String(_ID), primary_key=True),
    Column("role", String(16), primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_incident_claims_claim", "claim_id"),
)

provisions = Table(
    "provisions",
    metadata,
    Column("id", String(_ID), primary_key=True),
    Column("regime", String(64), nullable=False),
    Column("resolution", String(32), nullable=False),
    Column("paragraph", String(32)),
    Column("status", String(32), nullable=False),
    Column("category", String(64), nullable=False),
    Column("data", JSON, nullable=False),
)

# The id is a hash of (source_ref, raw_sha256, code): a unique constraint on the columns
# would not dedupe rows whose raw_sha256 is NULL, and a long URL is a poor index key.
quarantine = Table(
    "quarantine",
    metadata,
    Column("id", String(_SHA), primary_key=True),
    Column("source_ref", Text, nullable=False),
    Column("code", String(16), nullable=False),
    Column("message", Text, nullable=False),
    Column("raw_sha256", String(_SHA)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Version 2: what a retry needs (how to parse the bytes, or where to read them again)
    # and what it did.
    Column("format_hint", String(32)),
    Column("origin", Text),
    Column("attempts", Integer),
    Column("resolved_at", DateTime(timezone=True)),
    Index("ix_quarantine_code", "code"),
)

# --- version 2: ingestion state and syndication -------------------------------------------

# One row per top-level input (a file, an archive, a fetched URL) and parser version:
# written as "failed" before the input is processed and set to "done" only after every
# document and failure from it is stored, so a killed run redoes exactly the unfinished
# inputs and a finished one is skipped.
ingest_items = Table(
    "ingest_items",
    metadata,
    Column("key", String(_SHA), primary_key=True),
    Column("source_ref", Text, nullable=False),
    Column("raw_sha256", String(_SHA)),
    Column("version", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("documents", Integer, nullable=False),
    Column("quarantined", Integer, nullable=False),
)

# Chain of custody: which input gave which document (a document may come from several).
item_documents = Table(
    "item_documents",
    metadata,
    Column("item_key", String(_SHA), ForeignKey("ingest_items.key"), primary_key=True),
    Column("document_id", String(_SHA), ForeignKey("documents.id"), primary_key=True),
    Index("ix_item_documents_document", "document_id"),
)

# Derived from the document text once, never updated: documents stay immutable and the
# reader joins the cluster in. ``matched_document_id`` is the copy that put the
# document in its cluster (none for the document that founded it).
syndication = Table(
    "syndication",
    metadata,
    Column("document_id", String(_SHA), ForeignKey("documents.id"), primary_key=True),
    Column("cluster_id", String(_ID), nullable=False),
    Column("matched_document_id", String(_SHA)),
    Column("similarity", Float),
    Column("shingles", Integer, nullable=False),
    Column("signature", LargeBinary),
    Column("method", String(64), nullable=False),
    Column("assigned_at", DateTime(timezone=True), nullable=False),
    Index("ix_syndication_cluster", "cluster_id"),
)

# LSH bands of each signature: equal keys make two documents candidate copies.
syndication_bands = Table(
    "syndication_bands",
    metadata,
    Column("band_key", String(32), primary_key=True),
    Column("document_id", String(_SHA), ForeignKey("documents.id"), primary_key=True),
)

# --- version 3: incremental clustering ----------------------------------------------------

# The blocking index: a claim's keys (type with an actor or anchor and a year, or its
# document) lead to the incidents it may join, so a new claim is compared with a few
# incidents, not the store.
incident_keys = Table(
    "incident_keys",
    metadata,
    Column("key", String(_ID), primary_key=True),
    Column("incident_id", String(_ID), primary_key=True),
    Index("ix_incident_keys_incident", "incident_id"),
)

# An incident absorbed by another on a rebuild (or a merge) keeps answering at its old id.
incident_redirects = Table(
    "incident_redirects",
    metadata,
    Column("old_id", String(_ID), primary_key=True),
    Column("new_id", String(_ID), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_incident_redirects_new", "new_id"),
)

# Periods at which each kind of event (type and parties) was reported, for how often it
# recurs (assess.recurrence); day-grain ISO bounds.
event_periods = Table(
    "event_periods",
    metadata,
    Column("kind", String(_ID), primary_key=True),
    Column("lo", String(10), primary_key=True),
    Column("hi", String(10), primary_key=True),
    Index("ix_event_periods_lo", "lo"),
    Index("ix_event_periods_hi", "hi"),
)

# --- version 4: watching (issue 15) ------------------------------------------------------

# Every write of an incident (upsert or rebuild) appends its id here in the same
# transaction, so the watcher reads what changed after a cursor and never misses a write.
incident_changes = Table(
    "incident_changes",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("incident_id", String(_ID), nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
)

# What the watcher last saw of each incident (sources, grade, contradictions, figures),
# so a rebuild that rewrites an unchanged incident alerts nothing.
watch_incidents = Table(
    "watch_incidents",
    metadata,
    Column("incident_id", String(_ID), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Index("ix_watch_incidents_changed", "changed_at"),
)

# A polled source's conditional-GET validators, backoff and health.
watch_sources = Table(
    "watch_sources",
    metadata,
    Column("name", String(_ID), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

watchlists = Table(
    "watchlists",
    metadata,
    Column("name", String(_ID), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# One row per thing noticed; the id hashes watchlist, subject and what changed, so the
# same change is never alerted twice.
alerts = Table(
    "alerts",
    metadata,
    Column("id", String(_SHA), primary_key=True),
    Column("watchlist", String(_ID), nullable=False),
    Column("subject_id", String(_ID), nullable=False),
    Column("data", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_alerts_watchlist", "watchlist", "created_at"),
    Index("ix_alerts_created", "created_at"),
)

# Webhook deliveries: pending with a next attempt, delivered, or dead (the dead letters).
alert_deliveries = Table(
    "alert_deliveries",
    metadata,
    Column("alert_id", String(_SHA), primary_key=True),
    Column("url", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("last_error", Text),
    Index("ix_alert_deliveries_status", "status", "next_attempt_at"),
)

# --- version 5: pages that stay fast --------------------------------------------------------

# What the incident list filters on besides the columns of ``incidents``: each actor and
# provision of an incident (store.incidentfacets), so a filter is an indexed lookup.
incident_facets = Table(
    "incident_facets",
    metadata,
    Column(
        "incident_id",
        String(_ID),
        ForeignKey("incidents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("kind", String(16), primary_key=True),
    Column("value", String(_ID), primary_key=True),
    Index("ix_incident_facets_value", "kind", "value"),
)

# --- version 6: corrections (issue 16) ---------------------------------------------------

# An analyst's statement about a claim or an incident, beside the machine's output and
# never over it: rows are only appended. A claim correction keeps what it was made on
# (document, type, evidence offsets and text) so it finds its claim again when a new
# extractor gives the claim another id, and can tell when the sentence changed.
corrections = Table(
    "corrections",
    metadata,
    Column("id", String(_SHA), primary_key=True),
    Column("subject", String(16), nullable=False),
    Column("subject_id", String(_ID), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("document_id", String(_SHA)),
    Column("claim_type", String(32)),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("evidence_text", Text),
    Column("data", JSON, nullable=False),
    Column("author", String(_ID), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_corrections_subject", "subject", "subject_id"),
    Index("ix_corrections_document", "document_id"),
)

# --- version 7: the incident list from indexes alone ---------------------------------------

# Covering indexes for the incident list (store.pages): every column the list filters,
# sorts or counts on, so neither the page of ids nor the counts by type and grade reads a
# row of ``incidents`` (whose JSON makes each row span overflow pages). The page index is
# in the list's order, latest first and undated last, and each dialect gets the shape its
# planner uses. SQLite takes ``parent_id IS NULL`` (every view but ``--episodes``) as an
# equality, so ``parent_id`` leads and the rest stays in order; its DESC already puts
# NULLs last, and it accepts no NULLS clause in an index. PostgreSQL does not order past
# an IS NULL, so the order leads there and the filters are read from the index as it is
# walked, up to the page's end; its DESC puts NULLs first unless told. The counts index
# also finds a campaign's episodes, in place of version 3's ``ix_incidents_parent``,
# which SQLite's planner, without statistics, took for selective although nearly every
# incident has no parent.
LIST_INDEX = "ix_incidents_list"
COUNTS_INDEX = "ix_incidents_counts"
_inc = incidents.c
Index(
    LIST_INDEX,
    _inc.parent_id,
    _inc.time_lo.desc(),
    _inc.id,
    _inc.relevance,
    _inc.type,
    _inc.grade,
    _inc.time_hi,
).ddl_if(dialect="sqlite")
Index(
    LIST_INDEX,
    _inc.time_lo.desc().nulls_last(),
    _inc.id,
    _inc.parent_id,
    _inc.relevance,
    _inc.type,
    _inc.grade,
    _inc.time_hi,
).ddl_if(dialect="postgresql")
Index(
    COUNTS_INDEX,
    _inc.parent_id,
    _inc.type,
    _inc.grade,
    _inc.relevance,
    _inc.time_lo,
    _inc.time_hi,
    _inc.id,
)

# SQLite only: a standalone FTS5 table rather than an external-content one, because
# external content is keyed on rowid and VACUUM may renumber the implicit rowids of a
# table whose primary key is text. Costs a second copy of the text.
FTS_TABLE = "documents_fts"
FTS_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "doc_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')"
)

# PostgreSQL only (version 4): a stored tsvector over title and text, kept by the server
# itself (a generated column, so writers never touch it), and a GIN index over it. The
# "simple" configuration lowercases without stemming or stop words, as FTS5's unicode61
# does, so both dialects find the same documents for the same words.
PG_SEARCH_COLUMN = "search_vector"
PG_SEARCH_CONFIG = "simple"
PG_SEARCH_DDL = (
    f"ALTER TABLE documents ADD COLUMN IF NOT EXISTS {PG_SEARCH_COLUMN} tsvector "
    f"GENERATED ALWAYS AS (to_tsvector('{PG_SEARCH_CONFIG}', "
    "coalesce(title, '') || ' ' || text)) STORED",
    f"CREATE INDEX IF NOT EXISTS ix_documents_search ON documents USING GIN ({PG_SEARCH_COLUMN})",
)
