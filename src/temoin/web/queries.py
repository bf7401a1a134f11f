"""Read-only access to the store for the web app: the selection, its page, its timeline, its facets.

Every value reaches SQLite as a bound parameter; the only SQL text chosen from a
request is a sort expression, picked from the fixed ``SORTS`` table by key.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from temoin.exceptions import StoreError
from temoin.records import Article, ArticleResult, result_from_dict
from temoin.store import EventFilter, Store, open_store
from temoin.store.sqlite import SCHEMA_VERSION, filter_sql

SortKey = Literal["date", "type", "subtype", "actor", "location", "country", "fatalities", "certainty", "outlet"]
SORTS: dict[str, str] = {
    "date": "e.event_date",
    "type": "e.event_type",
    "subtype": "e.sub_event_type",
    "actor": "e.actor1",
    "location": "e.location",
    "country": "e.country",
    "fatalities": "e.fatalities",
    "certainty": "e.certainty",
    "outlet": "a.outlet",
}
FROM = "FROM events e JOIN articles a ON a.id = e.article_id"
MMAP_BYTES = 256 * 2**20  # reads through the OS page cache: each request opens a fresh, cold connection


@dataclass(frozen=True, slots=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        """``west,south,east,north`` in degrees; raises ValueError when it is not that."""
        parts = [float(p) for p in text.split(",")]
        if len(parts) != 4:
            raise ValueError("bbox is west,south,east,north")
        west, south, east, north = parts
        if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
            raise ValueError("bbox is out of range")
        return cls(west, south, east, north)


@dataclass(frozen=True, slots=True)
class Selection:
    """What the page's filters select; ``base`` holds the filters the CLI's ``events`` also has."""

    base: EventFilter = field(default_factory=EventFilter)
    sub_event_type: str | None = None
    certainty: str | None = None
    source: str | None = None
    outlet: str | None = None
    bbox: BBox | None = None


def selection_sql(sel: Selection) -> tuple[str, list[object]]:
    """The WHERE clause of a selection and its parameters."""
    where, params = filter_sql(sel.base)
    clauses = [where]
    for column, value in (
        ("e.sub_event_type", sel.sub_event_type),
        ("e.certainty", sel.certainty),
        ("a.outlet", sel.outlet),
    ):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if sel.source:
        clauses.append("EXISTS (SELECT 1 FROM json_each(e.sources) s WHERE s.value = ?)")
        params.append(sel.source)
    if sel.bbox:
        clauses.append(bbox_clause(sel.bbox))
        params += [sel.bbox.south, sel.bbox.north, sel.bbox.west, sel.bbox.east]
    return " AND ".join(clauses), params


def bbox_clause(box: BBox) -> str:
    lon = "e.longitude BETWEEN ? AND ?" if box.west <= box.east else "(e.longitude >= ? OR e.longitude <= ?)"
    return f"(e.latitude BETWEEN ? AND ? AND {lon})"


def source_sql(sel: Selection, sort: str = "date") -> str:
    """The FROM clause: events alone, unless the outlet (an article's column) filters or sorts."""
    return FROM if sel.outlet or SORTS[sort].startswith("a.") else "FROM events e"


def order_sql(sort: str, descending: bool) -> str:
    column = SORTS[sort]
    direction = "DESC" if descending else "ASC"
    return f"{column} IS NULL, {column} {direction}, e.event_date, e.article_id, e.idx"


@dataclass(frozen=True, slots=True)
class EventRow:
    article_id: str
    index: int
    title: str
    outlet: str
    published: str | None
    event: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Point:
    article_id: str
    index: int
    latitude: float
    longitude: float
    event_type: str
    sub_event_type: str
    event_date: str | None
    location: str
    fatalities: int | None


def event_row(r: Any) -> EventRow:
    return EventRow(r[0], r[1], r[2] or "", r[3] or "", r[4], json.loads(r[5]))


class Reader:
    """Queries over one open connection (one per request: sqlite3 connections stay in their thread)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def count(self, sel: Selection) -> int:
        where, params = selection_sql(sel)
        return int(self.conn.execute(f"SELECT count(*) {source_sql(sel)} WHERE {where}", params).fetchone()[0])

    def rows(
        self, sel: Selection, sort: str = "date", descending: bool = False, limit: int | None = None, offset: int = 0
    ) -> list[EventRow]:
        where, params = selection_sql(sel)
        columns = "e.article_id, e.idx, a.title, a.outlet, a.published, e.data"
        order = order_sql(sort, descending)
        if limit is None:  # everything (the exports): one pass
            sql = f"SELECT {columns} {FROM} WHERE {where} ORDER BY {order} LIMIT -1 OFFSET ?"
            return [event_row(r) for r in self.conn.execute(sql, [*params, offset])]
        # One page: sort the keys alone (the sorter would otherwise carry every row's JSON past the
        # offset), then read those rows.
        # Both reads in one snapshot: a re-analysed article gets new rowids.
        keys_sql = f"SELECT e.rowid {source_sql(sel, sort)} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
        with self.snapshot():
            keys = [int(r[0]) for r in self.conn.execute(keys_sql, [*params, limit, offset])]
            if not keys:
                return []
            sql = f"SELECT e.rowid, {columns} {FROM} WHERE e.rowid IN ({', '.join('?' * len(keys))})"
            found = {int(r[0]): event_row(r[1:]) for r in self.conn.execute(sql, keys)}
        return [found[k] for k in keys if k in found]

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction (in WAL mode, one consistent view) around the block, unless one is open."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

    def keys(
        self, sel: Selection, sort: str = "date", descending: bool = False, limit: int = 50, offset: int = 0
    ) -> list[tuple[str, int]]:
        """(article id, event index) of one page of the selection, in the order of ``rows``."""
        where, params = selection_sql(sel)
        sql = (
            f"SELECT e.article_id, e.idx {source_sql(sel, sort)} WHERE {where} "
            f"ORDER BY {order_sql(sort, descending)} LIMIT ? OFFSET ?"
        )
        return [(str(r[0]), int(r[1])) for r in self.conn.execute(sql, [*params, limit, offset])]

    def points(self, sel: Selection) -> list[Point]:
        where, params = selection_sql(sel)
        sql = (
            f"SELECT e.article_id, e.idx, e.latitude, e.longitude, e.event_type, e.sub_event_type, "
            f"e.event_date, e.location, e.fatalities {source_sql(sel)} WHERE {where} AND e.latitude IS NOT NULL "
            f"AND e.longitude IS NOT NULL ORDER BY e.event_date, e.article_id, e.idx"
        )
        return [
            Point(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] or "", r[8]) for r in self.conn.execute(sql, params)
        ]

    def timeline(self, sel: Selection) -> list[tuple[str, str, int]]:
        where, params = selection_sql(sel)
        sql = (
            f"SELECT e.event_date, e.event_type, count(*) {source_sql(sel)} WHERE {where} "
            "AND e.event_date IS NOT NULL GROUP BY e.event_date, e.event_type "
            "ORDER BY e.event_date, e.event_type"
        )
        return [(r[0], r[1], int(r[2])) for r in self.conn.execute(sql, params)]

    def article(self, article_id: str) -> ArticleResult | None:
        sql = "SELECT id, text, published, title, url, outlet, result FROM articles WHERE id = ?"
        row = self.conn.execute(sql, (article_id,)).fetchone()
        if row is None:
            return None
        article = Article(
            row[0], row[1], date.fromisoformat(row[2]) if row[2] else None, row[3] or "", row[4] or "", row[5] or ""
        )
        return result_from_dict(json.loads(row[6]), article)

    def distinct(self, expression: str) -> list[str]:
        """Distinct non-empty values of one of the fixed ``FACETS`` expressions."""
        sql = FACETS[expression]
        return [str(r[0]) for r in self.conn.execute(sql) if r[0] not in (None, "")]


FACETS: dict[str, str] = {
    "event_type": "SELECT DISTINCT event_type FROM events ORDER BY 1",
    "sub_event_type": "SELECT DISTINCT sub_event_type FROM events ORDER BY 1",
    "country": "SELECT DISTINCT country FROM events ORDER BY 1",
    "certainty": "SELECT DISTINCT certainty FROM events ORDER BY 1",
    "outlet": "SELECT DISTINCT outlet FROM articles ORDER BY 1",
    "source": "SELECT DISTINCT s.value FROM events e, json_each(e.sources) s ORDER BY 1",
}


def connect_read_only(path: str | Path) -> Store:
    """Open an existing database with SQLite's ``mode=ro``: the web app can never write to it."""
    target = Path(path).expanduser().resolve()
    if not target.is_file():
        raise StoreError(f"{target}: no such database (run `temoin analyze` first)")
    try:
        # One connection per request, used by one thread at a time (FastAPI may open and use it
        # from different worker threads, hence check_same_thread=False).
        conn = sqlite3.connect(target.as_uri() + "?mode=ro", uri=True, timeout=30, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error as exc:
        raise StoreError(f"{target}: cannot open the database read-only ({exc})") from exc
    if version != SCHEMA_VERSION:
        conn.close()
        raise StoreError(
            f"{target}: schema version {version}, this temoin reads {SCHEMA_VERSION} "
            f"(serve it once with --migrate to bring it up to date)"
        )
    return Store(conn, str(target))


@dataclass(frozen=True, slots=True)
class Database:
    """Where the app's data is and how to open it for one request: always read-only."""

    path: str
    migrate: bool = False  # create or migrate the file once, at start-up (the app's only write)

    def check(self) -> None:
        """Open and close once, so that a bad path fails at start-up rather than on the first request."""
        if self.migrate:
            open_store(self.path).close()
        with self.open():
            pass

    @contextmanager
    def open(self) -> Iterator[Store]:
        store = connect_read_only(self.path)
        try:
            yield store
        finally:
            store.close()
