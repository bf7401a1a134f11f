"""Storage of results: SQLite (default) with a schema version and migrations."""

from temoin.store.sqlite import EventFilter, Store, StoredEvent, default_db_path, open_store

__all__ = ["EventFilter", "Store", "StoredEvent", "default_db_path", "open_store"]
