"""Storage: SQLite by default, PostgreSQL by URL, one code path (SQLAlchemy Core).

    store = open_store()                 # or open_store("postgresql+psycopg://...")
    save_document(store, doc, raw)       # write path: writer.py
    get_document(store, doc.id[:12])     # read path: reader.py, search.py

Functions take the ``Store`` first and options by keyword. Errors: ``ConfigError`` (E3xx)
when the database cannot be used, ``NotFoundError`` (E404) for a missing or ambiguous id,
``ValueError`` for a batch that breaks an invariant (duplicate ids, id not the text hash).
"""

from sanctionwatch.store.engine import (
    BAD_DATABASE_URL,
    CANNOT_OPEN_DATABASE,
    DATA_DIR_ENV,
    DATABASE_URL_ENV,
    Store,
    open_store,
    resolve_data_dir,
    resolve_database_url,
)
from sanctionwatch.store.migrate import (
    MIGRATIONS,
    NO_MIGRATION_PATH,
    SCHEMA_TOO_NEW,
    UNVERSIONED_DATABASE,
    migrate_schema,
    read_schema_version,
)
from sanctionwatch.store.reader import (
    MIN_PREFIX,
    QuarantineEntry,
    all_claims,
    claims_for_incident,
    count_documents,
    document_ids,
    extracted_document_ids,
    get_claim,
    get_document,
    get_incident,
    get_provision,
    get_raw,
    list_claims,
    list_documents,
    list_incidents,
    list_provisions,
    list_quarantine,
    stats,
)
from sanctionwatch.store.schema import SCHEMA_VERSION
from sanctionwatch.store.search import SearchHit, search_documents
from sanctionwatch.store.writer import (
    quarantine,
    rebuild_search_index,
    replace_incidents,
    save_claims,
    save_document,
    save_provisions,
    sha256_hex,
)

__all__ = [
    "BAD_DATABASE_URL",
    "CANNOT_OPEN_DATABASE",
    "DATABASE_URL_ENV",
    "DATA_DIR_ENV",
    "MIGRATIONS",
    "MIN_PREFIX",
    "NO_MIGRATION_PATH",
    "SCHEMA_TOO_NEW",
    "SCHEMA_VERSION",
    "UNVERSIONED_DATABASE",
    "QuarantineEntry",
    "SearchHit",
    "Store",
    "all_claims",
    "claims_for_incident",
    "count_documents",
    "document_ids",
    "extracted_document_ids",
    "get_claim",
    "get_document",
    "get_incident",
    "get_provision",
    "get_raw",
    "list_claims",
    "list_documents",
    "list_incidents",
    "list_provisions",
    "list_quarantine",
    "migrate_schema",
    "open_store",
    "quarantine",
    "read_schema_version",
    "rebuild_search_index",
    "replace_incidents",
    "resolve_data_dir",
    "resolve_database_url",
    "save_claims",
    "save_document",
    "save_provisions",
    "search_documents",
    "sha256_hex",
    "stats",
]
