"""Storage of results: SQLite (default) with a schema version and migrations, or PostgreSQL."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from temoin.store.sqlite import EventFilter, Store, StoredEvent, default_db_path, open_store

if TYPE_CHECKING:
    from temoin.store.postgres import PostgresStore

__all__ = ["EventFilter", "Store", "StoredEvent", "default_db_path", "open_any_store", "open_store"]


def open_any_store(target: str | os.PathLike[str] | None = None) -> Store | PostgresStore:
    """A ``postgresql://`` (or ``postgres://``) URL opens PostgreSQL; anything else is a SQLite path."""
    if isinstance(target, str) and target.startswith(("postgresql://", "postgres://")):
        from temoin.store.postgres import open_pg_store

        return open_pg_store(target)
    return open_store(target)
