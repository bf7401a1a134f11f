"""``temoin batch``: local workers, Dask, resumability after SIGKILL, failures, Parquet.

The texts are short French articles written for these tests.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from temoin.batch import BatchReport, DaskEngine, InlineEngine, run_batch, write_parquet
from temoin.batch.runner import Scan
from temoin.batch.work import Failed
from temoin.exceptions import ExportError
from temoin.records import Article, ArticleResult
from temoin.store import open_store

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    (
        "Des hommes armés ont tué au moins huit civils mardi dans le village de Djibo, au nord du Burkina Faso, "
        "selon des sources sécuritaires."
    ),
    (
        "L'armée malienne a mené une frappe aérienne près de Gao jeudi. Elle affirme avoir neutralisé une "
        "dizaine de combattants."
    ),
    (
        "Des centaines de personnes ont manifesté samedi à Niamey contre la vie chère. La police a dispersé "
        "le cortège avec des gaz lacrymogènes."
    ),
    (
        "Deux soldats ont été tués lundi dans l'explosion d'un engin explosif au passage de leur convoi près "
        "de Ménaka, a indiqué l'armée."
    ),
    (
        "Des affrontements ont opposé l'armée et des rebelles à Kidal dimanche, faisant plusieurs morts "
        "des deux côtés, selon des habitants."
    ),
    "Le ministre a présenté mercredi le budget de l'éducation pour l'année prochaine devant les députés.",
]
BAD = [
    '{"id": "en", "text": "This short note, written in English, should be stored as one failure by '
    'this batch run, because temoin only reads French reporting."}',
    '{"id": "vide", "text": "   "}',
    "{not json",
]


def write_corpus(path: Path, count: int = len(TEXTS), bad: bool = True) -> Path:
    def text(i: int) -> str:
        return TEXTS[i % len(TEXTS)] + (f" Dépêche numéro {i}." if i >= len(TEXTS) else "")

    lines = [
        json.dumps(
            {"id": f"art-{i:03d}", "published": "2024-03-14", "outlet": f"Journal {i % 3}", "text": text(i)},
            ensure_ascii=False,
        )
        for i in range(count)
    ]
    path.write_text("\n".join(lines + (BAD if bad else [])) + "\n", encoding="utf-8")
    return path


def cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "temoin.batch", *args, "--no-progress"],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def dump(db: Path) -> list[dict]:  # type: ignore[type-arg]
    with open_store(db) as store:
        return [r.to_dict() for r in store.results()]


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One run with two local worker processes, then a re-run that must do nothing."""
    tmp = tmp_path_factory.mktemp("local")
    corpus, db = write_corpus(tmp / "in.jsonl"), tmp / "local.db"
    first = cli(str(corpus), "--db", str(db), "--workers", "2", "--chunk-size", "2")
    assert first.returncode == 1, first.stderr  # some inputs failed
    assert "6 article(s) analysed, 3 failed, 0 skipped" in first.stderr
    assert "peak memory per worker" in first.stderr
    again = cli(str(corpus), "--db", str(db), "--workers", "2")
    assert "0 article(s) analysed, 3 failed, 6 skipped" in again.stderr, again.stderr
    return corpus, db


@pytest.mark.slow
def test_local_run_stores_results_and_failures_once(local_run: tuple[Path, Path]) -> None:
    _, db = local_run
    with open_store(db) as store:
        assert store.count("articles") == 6 and store.count("events") >= 4
        assert store.count("failures") == 3  # the re-run did not store them again
        reasons = sorted(reason for _, _, _, reason in store.failures())
    assert any("does not look French" in r for r in reasons) and any("no text" in r for r in reasons)
    assert any("not valid JSON" in r for r in reasons)
    listed = subprocess.run(
        [sys.executable, "-m", "temoin.cli", "failures", "--db", str(db)], capture_output=True, text=True, cwd=ROOT
    )
    assert "3 failure(s)" in listed.stderr and "not valid JSON" in listed.stdout


@pytest.mark.slow
def test_dask_on_a_scheduler_matches_local_record_for_record(local_run: tuple[Path, Path], tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    corpus, local_db = local_run
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    with cluster, open_store(tmp_path / "dask.db") as store:
        engine = DaskEngine(workers=1, scheduler=cluster.scheduler_address)
        report = run_batch([str(corpus)], store, engine, chunk_size=4, progress=False)
        assert (report.analysed, report.failed) == (6, 3)
        assert set(report.worker_peak_rss.values()) and min(report.worker_peak_rss.values()) > 100 * 2**20
        rows = write_parquet(store, tmp_path / "pq", "country")
        with pytest.raises(ExportError):
            write_parquet(store, tmp_path, "country")  # a directory temoin did not write is never replaced
    assert dump(tmp_path / "dask.db") == dump(local_db)
    import pyarrow.dataset as ds

    table = ds.dataset(tmp_path / "pq", format="parquet", partitioning="hive").to_table()
    with open_store(local_db) as store:
        assert rows == table.num_rows == store.count("events")
    assert {p.name for p in (tmp_path / "pq").iterdir() if p.is_dir()} <= {
        "country=BF",
        "country=ML",
        "country=NE",
        "country=unknown",
    }


@pytest.mark.slow
def test_sigkill_loses_nothing_committed_and_rerun_finishes(tmp_path: Path) -> None:
    corpus, db = write_corpus(tmp_path / "in.jsonl", count=30, bad=False), tmp_path / "crash.db"
    args = [
        sys.executable,
        "-m",
        "temoin.batch",
        str(corpus),
        "--db",
        str(db),
        "--workers",
        "1",
        "--chunk-size",
        "2",
        "--no-progress",
    ]
    proc = subprocess.Popen(
        args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        committed = wait_for_articles(db, at_least=4, timeout=120)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and its worker: the group this test started
        proc.wait()
    assert 4 <= committed < 30
    with open_store(db) as store:
        survived = store.article_keys()
    assert len(survived) >= committed
    rerun = cli(str(corpus), "--db", str(db), "--workers", "1", "--chunk-size", "4")
    assert rerun.returncode == 0, rerun.stderr
    assert f"{30 - len(survived)} article(s) analysed, 0 failed, {len(survived)} skipped" in rerun.stderr
    with open_store(db) as store:
        assert store.count("articles") == 30 and store.count("failures") == 0
        assert store.article_keys() >= survived
        stored = list(store.results())
        assert store.count("events") == sum(len(r.events) for r in stored)  # no event stored twice
        ids = [e.article_id for e in store.events()]
    assert sorted({r.id for r in stored}) == [f"art-{i:03d}" for i in range(30)]
    assert len(ids) == sum(len(r.events) for r in stored)


def wait_for_articles(db: Path, at_least: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if not db.exists():
            continue
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
                count = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        except sqlite3.OperationalError:
            continue
        if count >= at_least:
            return count
    pytest.fail(f"no {at_least} articles committed within {timeout} s")


def test_scan_skips_stored_and_repeated_articles_and_checks_text(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in.jsonl", count=3)
    with corpus.open("a", encoding="utf-8") as fh:  # the same article again, and changed text under an old id
        fh.write(json.dumps({"id": "art-000", "text": TEXTS[0]}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"id": "art-001", "text": TEXTS[0]}, ensure_ascii=False) + "\n")
    from temoin.store.sqlite import text_hash

    scan = Scan([str(corpus)], None, {("art-002", text_hash(TEXTS[2]))})
    items = list(scan)
    articles = [i.id for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failed)]
    assert articles == ["art-000", "art-001", "art-001"] and scan.skipped == 2
    assert [f.article_id for f in failures] == ["en", "vide", ""]


def test_nothing_to_do_loads_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("\n".join(BAD) + "\n", encoding="utf-8")
    engine = InlineEngine()
    with open_store(tmp_path / "t.db") as store:
        for _ in range(2):
            report = run_batch([str(corpus)], store, engine, progress=False)
            assert isinstance(report, BatchReport) and (report.analysed, report.failed) == (0, 3)
        assert store.count("failures") == 3
    assert engine.analyzer is None  # no model was loaded


def test_stdin_is_refused() -> None:
    from click.testing import CliRunner

    from temoin.batch.command import batch

    done = CliRunner().invoke(batch, ["-", "--db", "/nonexistent/x.db"])
    assert done.exit_code == 2 and "not stdin" in done.output


def test_repeated_texts_are_analysed_once_and_stored_as_aliases(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    lines = [{"id": f"copy-{i:02d}", "published": "2024-03-14", "text": TEXTS[i % 2]} for i in range(12)]
    lines.append({"id": "other-day", "published": "2024-03-15", "text": TEXTS[0]})  # dates differ: analysed
    corpus.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    engine = InlineEngine()
    with open_store(tmp_path / "t.db") as store:
        first = run_batch([str(corpus)], store, engine, chunk_size=2, progress=False)
        assert (first.analysed, first.aliased, first.nlp_texts, first.failed) == (3, 10, 3, 0)
        assert store.count("articles") == 3 and store.count("aliases") == 10
        assert len(store.article_keys()) == 13  # every id stored once
        again = run_batch([str(corpus)], store, engine, chunk_size=2, progress=False)
        assert (again.analysed, again.aliased, again.nlp_texts, again.skipped) == (0, 0, 0, 13)
        assert store.count("articles") == 3 and store.count("aliases") == 10
    more = tmp_path / "more.jsonl"  # a later batch: texts stored before are aliased, not analysed
    more.write_text(json.dumps({"id": "late", "published": "2024-03-14", "text": TEXTS[1]}) + "\n", encoding="utf-8")
    with open_store(tmp_path / "t.db") as store:
        late = run_batch([str(more)], store, engine, progress=False)
        assert (late.analysed, late.aliased, late.nlp_texts) == (0, 1, 0)


def test_an_alias_batch_is_one_transaction_per_thousand(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from temoin.batch import runner

    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f"c{i}", "text": TEXTS[0]}) + "\n" for i in range(25)), encoding="utf-8"
    )
    calls: list[int] = []
    monkeypatch.setattr(runner, "ALIAS_BATCH", 10)
    with open_store(tmp_path / "t.db") as store:
        store.save_batch([stored_result("c0")], [])
        real = store.save_aliases
        monkeypatch.setattr(store, "save_aliases", lambda rows: (calls.append(len(rows)), real(rows)))
        report = run_batch([str(corpus)], store, InlineEngine(), progress=False)
        assert (report.analysed, report.aliased, report.skipped, report.nlp_texts) == (0, 24, 1, 0)
        assert calls == [10, 10, 4] and store.count("aliases") == 24


def stored_result(article_id: str) -> ArticleResult:
    return ArticleResult(Article(article_id, TEXTS[0]))


def test_a_chunk_is_not_held_back_by_a_long_run_of_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from temoin.batch import runner
    from temoin.store.sqlite import Alias

    monkeypatch.setattr(runner, "ALIAS_BATCH", 5)
    copies = [Alias(f"c{i}", "h", None, "a0") for i in range(12)]
    items = [Article("a0", TEXTS[0]), *copies, Article("a1", TEXTS[1]), Article("a2", TEXTS[2])]
    with open_store(tmp_path / "t.db") as store:
        writer = runner.Writer(store, BatchReport())
        chunks = [[a.id for a in chunk] for chunk in runner.chunked(items, 4, writer)]
    assert chunks == [["a0"], ["a1", "a2"]]
