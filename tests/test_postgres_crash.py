"""``temoin batch --db postgresql://...`` killed with SIGKILL at random points, then re-run.

The database must end with exactly the records of an uninterrupted run: no article,
event, place, attribution, label or failure lost, none stored twice. The server comes
from TEMOIN_TEST_PG, else .pg/url, else scripts/start-postgres.sh (as tests/test_postgres.py);
the test is skipped, saying so, when none answers. The seed of the kill points is printed
(and can be fixed with TEMOIN_CRASH_SEED) so that a failure can be replayed.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_batch import ROOT, write_corpus

psycopg = pytest.importorskip("psycopg")
from temoin.store.postgres import TABLES, open_pg_store  # noqa: E402
from tests.test_postgres import reachable, server_url  # noqa: E402

ARTICLES = 12
KILLS = 3
Batch = Callable[[str], list[str]]


@pytest.fixture(scope="module")
def server() -> str:
    url = server_url()
    if not url or not reachable(url):
        pytest.skip("no PostgreSQL server: set TEMOIN_TEST_PG=postgresql://... or run scripts/start-postgres.sh")
    return url


@pytest.fixture()
def new_database(server: str) -> Iterator[Callable[[], str]]:
    """Makes fresh databases on the server; drops them afterwards."""
    names: list[str] = []

    def make() -> str:
        name = f"temoin_crash_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        names.append(name)
        return f"{server.rpartition('/')[0]}/{name}"

    yield make
    with psycopg.connect(server, autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def batch_args(corpus: Path, url: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "temoin.batch",
        str(corpus),
        "--db",
        url,
        "--workers",
        "1",
        "--chunk-size",
        "2",
        "--no-progress",
    ]


def run_to_the_end(corpus: Path, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(batch_args(corpus, url), capture_output=True, text=True, timeout=300, cwd=ROOT)


def timed_run(corpus: Path, url: str, log: Path, timeout: float = 300) -> tuple[int, str, float]:
    """An uninterrupted run: its exit status, its stderr and the seconds from its first stored article
    to its last (the stretch where kills are worth aiming)."""
    with log.open("w", encoding="utf-8") as err:
        proc = subprocess.Popen(batch_args(corpus, url), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
        deadline, first, last, seen = time.monotonic() + timeout, 0.0, 0.0, 0
        while proc.poll() is None and time.monotonic() < deadline:
            count = articles_stored(url)
            if count > seen:
                first, last, seen = first or time.monotonic(), time.monotonic(), count
            time.sleep(0.02)
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    return proc.returncode, log.read_text(encoding="utf-8"), max(last - first, 0.1)


def kill_when(corpus: Path, url: str, articles: int, jitter: float, timeout: float = 300) -> bool:
    """Start a batch; once ``articles`` articles are stored, wait ``jitter`` seconds and SIGKILL it and its
    worker. Whether it finished before."""
    proc = subprocess.Popen(
        batch_args(corpus, url), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + timeout
        while articles_stored(url) < articles:
            if proc.poll() is not None:
                return True
            if time.monotonic() > deadline:
                pytest.fail(f"no {articles} articles stored within {timeout} s")
            time.sleep(0.02)
        time.sleep(jitter)
        return proc.poll() is not None
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the batch and its worker: the group this test started
        proc.wait()
        wait_for_sessions_to_end(url)


def wait_for_sessions_to_end(url: str, timeout: float = 60) -> None:
    """A COMMIT the killed client sent just before it died still completes on the server: count what is
    stored only once the server has ended every session of the killed processes."""
    deadline = time.monotonic() + timeout
    with psycopg.connect(url, autocommit=True) as conn:
        while True:
            row = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchone()
            if not row or row[0] == 0:
                return
            if time.monotonic() > deadline:
                pytest.fail(f"sessions of the killed batch still open after {timeout} s")
            time.sleep(0.02)


def snapshot(url: str) -> dict[str, Any]:
    """Everything stored, in a comparable form (timestamps left out), and each table's row count."""
    with open_pg_store(url) as store, psycopg.connect(url) as conn:
        counts = {t: store.count(t) for t in sorted(TABLES)}
        duplicates = conn.execute("SELECT count(*) - count(DISTINCT (article_id, idx)) FROM events").fetchone()
        return {
            "results": [r.to_dict() for r in store.results()],
            "counts": counts,
            "failures": sorted((s, a, r) for _, s, a, r in store.failures()),
            "event_duplicates": duplicates[0] if duplicates else None,
        }


def articles_stored(url: str) -> int:
    with psycopg.connect(url, autocommit=True) as conn:
        try:
            row = conn.execute("SELECT count(*) FROM articles").fetchone()
        except psycopg.errors.UndefinedTable:  # the first run is still creating the schema
            return 0
        return int(row[0]) if row else 0


@pytest.mark.slow
def test_sigkill_at_random_points_then_rerun_equals_an_uninterrupted_run(
    tmp_path: Path, new_database: Callable[[], str]
) -> None:
    corpus = write_corpus(tmp_path / "in.jsonl", count=ARTICLES)  # with 3 bad lines: failures count too
    reference, crashed = new_database(), new_database()
    status, stderr, analysing = timed_run(corpus, reference, tmp_path / "reference.log")
    assert status == 1 and f"{ARTICLES} article(s) analysed, 3 failed" in stderr, stderr
    expected = snapshot(reference)
    assert expected["counts"]["articles"] == ARTICLES and expected["counts"]["failures"] == 3

    seed = int(os.environ.get("TEMOIN_CRASH_SEED") or random.SystemRandom().randrange(2**32))
    rng = random.Random(seed)
    per_article = analysing / ARTICLES
    stored: list[int] = []
    # First kill anywhere in the first seconds (connecting, creating the schema, loading the model, the
    # first failures); then each run, resuming what the one before left, is killed at a random moment
    # after a random number of further articles: inside an analysis, a chunk's transaction or its commit.
    plan = [(0, rng.uniform(0.0, 3.0))] + [
        (rng.randint(1, 3), rng.uniform(0.0, 2 * per_article)) for _ in range(KILLS - 1)
    ]
    for more, jitter in plan:
        before = stored[-1] if stored else 0
        finished = kill_when(corpus, crashed, min(ARTICLES, before + more), jitter)
        stored.append(articles_stored(crashed))
        if finished:
            break
    print(f"TEMOIN_CRASH_SEED={seed}; {per_article:.2f} s per article; articles stored after each kill: {stored}")
    assert stored == sorted(stored), "a kill lost committed articles"
    rerun = run_to_the_end(corpus, crashed)
    assert rerun.returncode == 1, rerun.stderr  # the bad lines fail again...
    assert f"{ARTICLES - stored[-1]} article(s) analysed" in rerun.stderr, rerun.stderr
    got = snapshot(crashed)  # ...but are stored once, like everything else
    assert {k: v for k, v in got.items() if k != "results"} == {k: v for k, v in expected.items() if k != "results"}
    assert differences(got["results"], expected["results"]) == []


def differences(got: list[dict[str, Any]], expected: list[dict[str, Any]]) -> list[str]:
    """Which article differs in which field (readable when the results are not the same)."""
    found = [
        f"{a['id']}: {field}" for a, b in zip(got, expected, strict=False) for field in a if a[field] != b.get(field)
    ]
    ids = ([a["id"] for a in got], [b["id"] for b in expected])
    return found + ([f"article ids {ids[0]} != {ids[1]}"] if ids[0] != ids[1] else [])
