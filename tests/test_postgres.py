"""The PostgreSQL store against a real server: same schema, same answers as SQLite, safe concurrent writers.

The server comes from TEMOIN_TEST_PG (a postgresql:// URL), else .pg/url
(written by scripts/start-postgres.sh), else the script is run (without
installing anything). Each test gets a fresh database, dropped afterwards.
"""

from __future__ import annotations

import os
import random
import subprocess
import threading
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from temoin.exceptions import StoreError
from temoin.records import (
    Actor,
    Article,
    ArticleResult,
    Attribution,
    Event,
    Evidence,
    Label,
    LanguageProfile,
    Location,
    Place,
)
from temoin.store import EventFilter, Store, open_any_store, open_store

psycopg = pytest.importorskip("psycopg")
from temoin.store.postgres import PostgresStore, open_pg_store  # noqa: E402
from temoin.store.sqlite import Alias, text_hash  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def server_url() -> str | None:
    url = os.environ.get("TEMOIN_TEST_PG")
    if url:
        return url
    url_file = ROOT / ".pg" / "url"
    if url_file.exists() and reachable(url_file.read_text().strip()):
        return url_file.read_text().strip()
    try:
        done = subprocess.run(
            ["bash", str(ROOT / "scripts" / "start-postgres.sh")],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "TEMOIN_PG_NO_INSTALL": "1"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip().splitlines()[-1] if done.returncode == 0 and done.stdout.strip() else None


def reachable(url: str) -> bool:
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error:
        return False
    return True


@pytest.fixture(scope="module")
def server() -> str:
    url = server_url()
    if not url or not reachable(url):
        pytest.skip("no PostgreSQL server: set TEMOIN_TEST_PG=postgresql://... or run scripts/start-postgres.sh")
    return url


@pytest.fixture()
def pg_url(server: str) -> Iterator[str]:
    name = f"temoin_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = server.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sample(article_id: str, day: int | None = 12, country: str = "ML", dead: int = 3) -> ArticleResult:
    """A hand-made result with every kind of record, including awkward values."""
    when = date(2024, 3, day) if day else None
    event = Event(
        "Violence against civilians",
        "Attack",
        when,
        1 if when else None,
        Actor("Unidentified Armed Group (Mali)", "MLI", "UAF", "des hommes armés"),
        Actor("Civilians (Mali)", "MLI", "CVL", "des civils"),
        Location("Gao", country, 16.2666612, -0.0400123, 1, "2457163"),
        dead,
        1,
        ["AFP", "sources locales"],
        "attributed",
        Evidence(4, 30, "ont tué trois civils"),
        "ASSAULT",
        "tué",
        "Note: 100% d'« accents » et \\ barres_obliques",
    )
    return ArticleResult(
        Article(
            article_id,
            f"Texte de l'article {article_id} : des hommes armés ont tué trois civils.",
            date(2024, 3, 13),
            "Titre",
            "https://example.org/a",
            "Le Journal",
        ),
        [event],
        [Place("Gao", 4, 7, 16.26666, -0.04001, country, "city", "Gao", "2457163")],
        [Attribution("AFP", 40, 43)],
        [Label("terroristes", 50, 61, "loaded", "Name_Calling-Labeling", "")],
        LanguageProfile(12, 1, 1.0, 0.0, 0.0),
    )


def both(tmp_path: Path, pg_url: str) -> tuple[Store, PostgresStore]:
    return open_store(tmp_path / "t.db"), open_pg_store(pg_url)


def test_fresh_database_is_migrated_once(pg_url: str) -> None:
    stores = [None] * 4  # four processes' worth of connections opening a fresh database at once

    def opener(i: int) -> None:
        stores[i] = open_pg_store(pg_url)  # type: ignore[call-overload]

    threads = [threading.Thread(target=opener, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(isinstance(s, PostgresStore) and s.schema_version == 2 for s in stores)
    for s in stores:
        s.close()  # type: ignore[union-attr]
    with open_pg_store(pg_url) as store:
        assert store.schema_version == 2 and store.count("articles") == 0
        store.conn.execute("UPDATE temoin_schema SET version = 99")
    with pytest.raises(StoreError, match="newer"):
        open_pg_store(pg_url)


def test_same_answers_as_sqlite(tmp_path: Path, pg_url: str) -> None:
    lite, pg = both(tmp_path, pg_url)
    results = [sample("b", 12, "ML", 3), sample("a", None, "NE", 0), sample("B2", 14, "BF", 7), sample("_", 12)]
    for store in (lite, pg):
        for r in results:
            store.save(r)
        store.save(results[0])  # replaced, not duplicated
        store.save_failure("in.jsonl:3", "in.jsonl:3: not valid JSON", "")
        store.save_failure("article x", "article x: the text does not look French", "x")
    assert [r.to_dict() for r in pg.results()] == [r.to_dict() for r in lite.results()]
    assert [r.to_dict() for r in pg.results(["a"])] == [r.to_dict() for r in lite.results(["a"])]
    for flt in (
        None,
        EventFilter(country="bf"),
        EventFilter(actor="armed"),
        EventFilter(actor="%"),
        EventFilter(since=date(2024, 3, 13)),
        EventFilter(event_type="Attack", limit=2),
        EventFilter(article_id="a"),
        EventFilter(country="MLI", until=date(2024, 3, 12)),
    ):
        assert pg.events(flt) == lite.events(flt), flt
    assert [f[1:] for f in pg.failures()] == [f[1:] for f in lite.failures()]
    for table in ("articles", "events", "places", "attributions", "labels", "failures"):
        assert pg.count(table) == lite.count(table), table
    stored = results[1].article
    for store in (lite, pg):  # two aliases of "a", one of an article never stored
        store.save_aliases(
            [
                Alias("a-bis", text_hash(stored.text), None, "a"),
                Alias("b", text_hash(stored.text), None, "a", "titre"),
                Alias("orphan", "0" * 64, None, "nowhere"),
            ]
        )
    assert pg.count("aliases") == lite.count("aliases") == 3 and pg.count("articles") == lite.count("articles")
    assert pg.analysed_texts() == lite.analysed_texts()
    assert pg.article_keys() == lite.article_keys()
    assert ("a-bis", text_hash(stored.text)) in lite.article_keys()
    assert "orphan" not in {key[0] for key in lite.article_keys()}
    assert pg.has_article(results[1].article) and not pg.has_article(Article("a", "autre texte"))
    assert pg.schema_version == lite.schema_version == 2
    with pytest.raises(StoreError):
        pg.count("pg_class")
    lite.close()
    pg.close()


def test_concurrent_writers_never_duplicate(pg_url: str) -> None:
    results = [sample(f"art-{i:02d}", 1 + i % 28, dead=i) for i in range(20)]
    errors: list[BaseException] = []

    def writer(seed: int) -> None:
        rng = random.Random(seed)
        try:
            with open_pg_store(pg_url) as store:
                for _ in range(3):
                    batch = rng.sample(results, len(results))
                    store.save_batch(batch[:10], [("src", "", f"failure {seed}")])
                    for r in batch[10:]:
                        store.save(r)
        except BaseException as exc:  # collected and re-raised in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(seed,)) for seed in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with open_pg_store(pg_url) as store:
        assert store.count("articles") == 20 and store.count("events") == 20 and store.count("places") == 20
        assert store.count("failures") == 12


def test_open_any_store_dispatches(tmp_path: Path, pg_url: str) -> None:
    with open_any_store(pg_url) as pg:
        assert isinstance(pg, PostgresStore)
        assert "***" in pg.path and pg_url.split("@")[0].split(":")[-1] not in pg.path  # no password shown
    with open_any_store(str(tmp_path / "x.db")) as lite:
        assert isinstance(lite, Store)
    with pytest.raises(StoreError, match="cannot connect"):
        open_any_store("postgresql://nobody:secret@127.0.0.1:1/none")


@pytest.mark.slow
def test_batch_into_postgres_matches_sqlite(tmp_path: Path, pg_url: str, analyzer) -> None:  # type: ignore[no-untyped-def]
    from temoin.batch import InlineEngine, run_batch

    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        '{"id": "p1", "published": "2024-05-02", "outlet": "Le Journal", "text": "Des hommes armés ont tué '
        'cinq civils mercredi à Ménaka, dans le nord-est du Mali, selon des notables de la ville."}\n'
        '{"id": "p2", "text": "This short note, written in English, should be stored as one failure by this '
        'batch run, because temoin only reads French reporting."}\n',
        encoding="utf-8",
    )
    engine = InlineEngine(analyzer)
    with open_pg_store(pg_url) as pg, open_store(tmp_path / "t.db") as lite:
        for store in (pg, lite):
            report = run_batch([str(corpus)], store, engine, progress=False)
            assert (report.analysed, report.failed) == (1, 1)
            again = run_batch([str(corpus)], store, engine, progress=False)
            assert (again.analysed, again.skipped, store.count("failures")) == (0, 1, 1)
        assert [r.to_dict() for r in pg.results()] == [r.to_dict() for r in lite.results()]
        assert pg.events() == lite.events() and pg.count("events") >= 1
