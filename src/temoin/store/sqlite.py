"""The SQLite store: articles, events, places, attributions, labels and failures.

Each article is written in one transaction that replaces what was stored for
it before, so a re-run never duplicates and a crash never leaves half an
article. An article whose text (normalised) and publication date are already
analysed under another id is stored as an alias of that analysis (table
``aliases``), without being analysed again. The database runs in WAL mode;
``PRAGMA user_version`` holds the schema version and ``MIGRATIONS`` brings
older files up to date.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import platformdirs

from temoin.exceptions import StoreError
from temoin.records import Article, ArticleResult, Event, event_from_dict, result_from_dict

SCHEMA_VERSION = 2
MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY, text_hash TEXT NOT NULL, title TEXT, url TEXT, outlet TEXT, published TEXT,
        text TEXT NOT NULL, analysed_at TEXT NOT NULL, result TEXT NOT NULL);
    CREATE INDEX articles_hash ON articles (text_hash);
    CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE, idx INTEGER NOT NULL,
        event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, event_date TEXT, time_precision INTEGER,
        actor1 TEXT, actor1_country TEXT, actor1_sector TEXT, actor2 TEXT, actor2_country TEXT, actor2_sector TEXT,
        location TEXT, country TEXT, latitude REAL, longitude REAL, geo_precision INTEGER,
        fatalities INTEGER, injuries INTEGER, sources TEXT, certainty TEXT, evidence_start INTEGER,
        evidence_end INTEGER, plover_type TEXT, notes TEXT, data TEXT NOT NULL,
        PRIMARY KEY (article_id, idx));
    CREATE INDEX events_type ON events (event_type, event_date);
    CREATE TABLE places (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE, text TEXT, start INTEGER,
        "end" INTEGER, latitude REAL, longitude REAL, country TEXT, feature TEXT, name TEXT, place_id TEXT);
    CREATE TABLE attributions (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE, source TEXT, start INTEGER,
        "end" INTEGER);
    CREATE TABLE labels (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE, text TEXT, start INTEGER,
        "end" INTEGER, kind TEXT, technique TEXT, neutral TEXT);
    CREATE TABLE failures (
        id INTEGER PRIMARY KEY, source TEXT NOT NULL, article_id TEXT, reason TEXT NOT NULL, at TEXT NOT NULL);
    """,
    2: """
    CREATE TABLE aliases (
        id TEXT PRIMARY KEY, text_hash TEXT NOT NULL, published TEXT, article_id TEXT NOT NULL, title TEXT,
        url TEXT, outlet TEXT, added_at TEXT NOT NULL);
    CREATE INDEX aliases_article ON aliases (article_id);
    """,
}
TABLES = frozenset({"articles", "events", "places", "attributions", "labels", "failures", "aliases"})
# An alias counts as stored only while the article it points to holds the same text.
ALIAS_KEYS = (
    "SELECT l.id, l.text_hash FROM aliases l JOIN articles a ON a.id = l.article_id AND a.text_hash = l.text_hash"
)

EVENT_COLUMNS = 26  # the events table's columns: the length of an ``event_row``


def default_db_path() -> Path:
    return Path(os.environ.get("TEMOIN_DB") or Path(platformdirs.user_data_dir("temoin")) / "temoin.db")


_DIGESTS: dict[bytes, str] = {}  # the text as given (its digest) -> its normalised text's hash
DIGESTS_KEPT = 1 << 16


def text_hash(text: str) -> str:
    """The hash of the text with its white space normalised; a text seen before is not normalised again."""
    raw = hashlib.sha256(text.encode("utf-8")).digest()  # several times cheaper than split and join
    digest = _DIGESTS.get(raw)
    if digest is None:
        if len(_DIGESTS) >= DIGESTS_KEPT:
            _DIGESTS.clear()
        digest = _DIGESTS[raw] = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
    return digest


@dataclass(frozen=True, slots=True)
class Alias:
    """An article id whose text and date were analysed under ``article_id``: stored, not analysed again."""

    id: str
    text_hash: str
    published: str | None
    article_id: str
    title: str = ""
    url: str = ""
    outlet: str = ""

    def row(self) -> tuple[str, str, str | None, str, str, str, str, str]:
        return (self.id, self.text_hash, self.published, self.article_id, self.title, self.url, self.outlet, now())


def analysis_key(text_digest: str, published: date | str | None) -> tuple[str, str]:
    """What an analysis depends on: the normalised text's hash and the publication date."""
    return (text_digest, published.isoformat() if isinstance(published, date) else published or "")


@dataclass(frozen=True, slots=True)
class EventFilter:
    event_type: str | None = None
    country: str | None = None  # ISO alpha-2 of the location, or alpha-3 of an actor
    actor: str | None = None  # part of an actor's name
    since: date | None = None
    until: date | None = None
    article_id: str | None = None
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    article_id: str
    index: int
    event: Event


class Store:
    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def has_article(self, article: Article) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE id = ? AND text_hash = ?", (article.id, text_hash(article.text))
        ).fetchone()
        return row is not None

    def article_keys(self) -> set[tuple[str, str]]:
        """Every stored (article id, text hash), aliases included: what a batch re-run skips."""
        rows = self.conn.execute(f"SELECT id, text_hash FROM articles UNION ALL {ALIAS_KEYS}")
        return {(str(r[0]), str(r[1])) for r in rows}

    def analysed_texts(self) -> dict[tuple[str, str], str]:
        """The ``analysis_key`` of every stored article -> its id: texts a batch does not analyse again."""
        rows = self.conn.execute("SELECT text_hash, published, id FROM articles")
        return {analysis_key(str(r[0]), r[1]): str(r[2]) for r in rows}

    def save_aliases(self, aliases: list[Alias]) -> None:
        """Store aliases in one transaction; an alias replaces an article stored before under its id."""
        try:
            with self.conn:
                self.conn.executemany("DELETE FROM articles WHERE id = ?", [(a.id,) for a in aliases])
                self.conn.executemany(
                    "INSERT OR REPLACE INTO aliases VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [a.row() for a in aliases]
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot store {len(aliases)} alias(es): {exc}") from exc

    def save(self, result: ArticleResult) -> None:
        """Store one article's results, replacing what was stored for it, in one transaction."""
        try:
            with self.conn:
                insert_result(self.conn, result)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot store article {result.article.id}: {exc}") from exc

    def save_batch(self, results: list[ArticleResult], failures: list[tuple[str, str, str]]) -> None:
        """Store several articles and (source, article id, reason) failures in one transaction."""
        try:
            with self.conn:
                for result in results:
                    insert_result(self.conn, result)
                self.conn.executemany(
                    "INSERT INTO failures (source, article_id, reason, at) VALUES (?, ?, ?, ?)",
                    [(source, article_id, reason, now()) for source, article_id, reason in failures],
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot store {len(results)} article(s): {exc}") from exc

    def save_failure(self, source: str, reason: str, article_id: str = "") -> None:
        try:
            with self.conn:
                self.conn.execute(
                    "INSERT INTO failures (source, article_id, reason, at) VALUES (?, ?, ?, ?)",
                    (source, article_id, reason, datetime.now(UTC).isoformat(timespec="seconds")),
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot record a failure: {exc}") from exc

    def failures(self) -> list[tuple[str, str, str, str]]:
        return list(self.conn.execute("SELECT at, source, article_id, reason FROM failures ORDER BY id"))

    def events(self, flt: EventFilter | None = None) -> list[StoredEvent]:
        flt = flt or EventFilter()
        where, params = filter_sql(flt)
        sql = (
            f"SELECT e.article_id, e.idx, e.data FROM events e WHERE {where} ORDER BY e.event_date, e.article_id, e.idx"
        )
        if flt.limit:
            sql += f" LIMIT {int(flt.limit)}"
        return [StoredEvent(r[0], r[1], event_from_dict(json.loads(r[2]))) for r in self.conn.execute(sql, params)]

    def results(self, article_ids: list[str] | None = None) -> Iterator[ArticleResult]:
        rows = self.conn.execute("SELECT id, text, published, title, url, outlet, result FROM articles ORDER BY id")
        for row in rows:
            if article_ids is not None and row[0] not in article_ids:
                continue
            article = Article(
                row[0], row[1], date.fromisoformat(row[2]) if row[2] else None, row[3] or "", row[4] or "", row[5] or ""
            )
            yield result_from_dict(json.loads(row[6]), article)

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise StoreError(f"no table {table}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def insert_result(conn: sqlite3.Connection, result: ArticleResult) -> None:
    """Replace what is stored for ``result``'s article; the caller holds the transaction."""
    a = result.article
    conn.execute("DELETE FROM articles WHERE id = ?", (a.id,))
    conn.execute("DELETE FROM aliases WHERE id = ?", (a.id,))
    conn.execute(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            a.id,
            text_hash(a.text),
            a.title,
            a.url,
            a.outlet,
            a.published.isoformat() if a.published else None,
            a.text,
            now(),
            json.dumps(result.to_dict(), ensure_ascii=False),
        ),
    )
    conn.executemany(
        "INSERT INTO events VALUES (" + ", ".join("?" * EVENT_COLUMNS) + ")",
        [event_row(a.id, i, e) for i, e in enumerate(result.events)],
    )
    conn.executemany(
        "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (a.id, p.text, p.start, p.end, p.latitude, p.longitude, p.country, p.feature, p.name, p.place_id)
            for p in result.places
        ],
    )
    conn.executemany(
        "INSERT INTO attributions VALUES (?, ?, ?, ?)", [(a.id, x.source, x.start, x.end) for x in result.attributions]
    )
    conn.executemany(
        "INSERT INTO labels VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(a.id, lb.text, lb.start, lb.end, lb.kind, lb.technique, lb.neutral) for lb in result.labels],
    )


def event_row(article_id: str, index: int, e: Event) -> tuple[object, ...]:
    a1, a2, loc = e.actor1, e.actor2, e.location
    return (
        article_id,
        index,
        e.event_type,
        e.sub_event_type,
        e.event_date.isoformat() if e.event_date else None,
        e.time_precision,
        a1.name if a1 else None,
        a1.country if a1 else None,
        a1.sector if a1 else None,
        a2.name if a2 else None,
        a2.country if a2 else None,
        a2.sector if a2 else None,
        loc.name if loc else None,
        loc.country if loc else None,
        loc.latitude if loc else None,
        loc.longitude if loc else None,
        loc.geo_precision if loc else None,
        e.fatalities,
        e.injuries,
        json.dumps(e.sources, ensure_ascii=False),
        e.certainty,
        e.evidence.start,
        e.evidence.end,
        e.plover_type,
        e.notes,
        json.dumps(e.to_dict(), ensure_ascii=False),
    )


def filter_sql(flt: EventFilter) -> tuple[str, list[object]]:
    """A WHERE clause with parameters (never string-built from values)."""
    clauses: list[str] = ["1 = 1"]
    params: list[object] = []
    if flt.event_type:
        clauses.append("(e.event_type = ? OR e.sub_event_type = ?)")
        params += [flt.event_type, flt.event_type]
    if flt.country:
        clauses.append("(e.country = ? OR e.actor1_country = ? OR e.actor2_country = ?)")
        params += [flt.country.upper()] * 3
    if flt.actor:
        clauses.append("(e.actor1 LIKE ? ESCAPE '\\' OR e.actor2 LIKE ? ESCAPE '\\')")
        pattern = "%" + flt.actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params += [pattern, pattern]
    if flt.since:
        clauses.append("e.event_date >= ?")
        params.append(flt.since.isoformat())
    if flt.until:
        clauses.append("e.event_date <= ?")
        params.append(flt.until.isoformat())
    if flt.article_id:
        clauses.append("e.article_id = ?")
        params.append(flt.article_id)
    return " AND ".join(clauses), params


def migrate(conn: sqlite3.Connection) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreError(f"the database has schema version {version}, newer than this temoin ({SCHEMA_VERSION})")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with conn:
            conn.executescript(MIGRATIONS[target])
            conn.execute(f"PRAGMA user_version = {target}")


def open_store(path: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating and migrating as needed) the SQLite database at ``path``."""
    target = Path(path) if path else default_db_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(target, timeout=30)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(f"{target}: cannot open the database ({exc})") from exc
    return Store(conn, str(target))
