"""Batch throughput on the BBC Afrique development articles (bbc-dev-* only; bbc-test-* is never read).

    python benchmarks/bench_batch.py                      # spaCy alone vs temoin, 1 vs 2 local workers
    python benchmarks/bench_batch.py --limit 40           # the same on the first 40 dev articles
    python benchmarks/bench_batch.py --synthetic 100000   # N articles (dev texts, new ids), Dask, twice

Prints markdown tables. The corpus is read line by line and a line is parsed
only if it starts with a bbc-dev- id: test articles are skipped unread.

``--synthetic N`` writes N records (the dev articles over and over, each with a
new id) to a temporary file, line by line, then runs ``temoin batch --engine
dask`` on it twice into the same database, each run as its own process: wall
time, the command's own figures (texts through the NLP pipeline, aliases,
peak memory of the client and of each worker) and what the database holds after.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path("/work/shared/corpora/fr_bbc_afrique.jsonl")
DEV_LINE = re.compile(rb'^\s*\{\s*"id"\s*:\s*"bbc-dev-')


@dataclass
class Row:
    what: str
    articles: int
    seconds: float
    peak_mib: str
    note: str = ""

    def markdown(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        cells = [self.what, str(self.articles), f"{self.seconds:.1f}", f"{rate:.2f}", self.peak_mib, self.note]
        return "| " + " | ".join(cells) + " |"


def dev_records(limit: int | None) -> list[dict[str, str]]:
    """The bbc-dev-* records, in file order; other lines are not parsed."""
    records = []
    with CORPUS.open("rb") as fh:
        for raw in fh:
            if not DEV_LINE.match(raw):
                continue
            record = json.loads(raw)
            if str(record.get("id", "")).startswith("bbc-dev-"):
                records.append(record)
            if limit and len(records) >= limit:
                break
    return records


def write_jsonl(records: list[dict[str, str]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def mib(value: int) -> str:
    return f"{value / 2**20:.0f}"


def self_peak() -> int:
    from temoin.batch.work import peak_rss

    return peak_rss()


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def in_process(records: list[dict[str, str]]) -> list[Row]:
    """spaCy's own pipeline vs temoin's whole analysis, same model, same process, same texts."""
    import spacy

    from temoin.api import Analyzer
    from temoin.io.readers import article_from_record

    articles = [article_from_record(r, r["id"], None) for r in records]
    texts = [a.text for a in articles]
    nlp = spacy.load("fr_core_news_md")
    spacy_s = timed(lambda: list(nlp.pipe(texts, batch_size=8)))
    load_s = timed(lambda: setattr(in_process, "analyzer", Analyzer()))
    analyzer: Analyzer = in_process.analyzer  # type: ignore[attr-defined]
    temoin_s = timed(lambda: list(analyzer.analyze_articles(articles)))
    peak = mib(self_peak())
    return [
        Row("spaCy fr_core_news_md nlp.pipe only", len(texts), spacy_s, peak, "model loaded beforehand"),
        Row(
            "temoin analyze_articles (same model + stages)",
            len(texts),
            temoin_s,
            peak,
            f"pipeline load {load_s:.1f} s not counted",
        ),
    ]


def batch_row(corpus: Path, db: Path, engine: object, label: str, chunk_size: int) -> Row:
    from temoin.batch import run_batch
    from temoin.store import open_store

    with open_store(db) as store:
        report = run_batch(
            [str(corpus)],
            store,
            engine,
            chunk_size=chunk_size,  # type: ignore[arg-type]
            progress=False,
        )
    peaks = "/".join(mib(v) for v in report.worker_peak_rss.values()) or "-"
    note = (
        f"{report.failed} failed, {report.skipped} skipped; chunks of {chunk_size}; includes worker start "
        f"and model load; {report.worker_seconds:.1f} s of analysis summed over workers"
    )
    return Row(label, report.analysed, report.seconds, peaks, note)


def local_workers(records: list[dict[str, str]], tmp: Path, chunk_size: int, repeat: int) -> list[Row]:
    """1 then 2 workers, ``repeat`` times in alternation, so a change of load touches both alike."""
    from temoin.batch import LocalEngine

    corpus = write_jsonl(records, tmp / "dev.jsonl")
    return [
        batch_row(
            corpus, tmp / f"w{n}-{r}.db", LocalEngine(workers=n), f"temoin batch, local, {n} worker(s)", chunk_size
        )
        for r in range(repeat)
        for n in (1, 2)
    ]


def write_synthetic(records: list[dict[str, str]], count: int, path: Path) -> Path:
    """``count`` records cycling through ``records``, each under a new id; written as generated."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            record = records[i % len(records)]
            fh.write(json.dumps({**record, "id": f"syn-{i:06d}-{record['id']}"}, ensure_ascii=False) + "\n")
    return path


SUMMARY = {
    "analysed": re.compile(r"(\d+) article\(s\) analysed"),
    "failed": re.compile(r"(\d+) failed"),
    "skipped": re.compile(r"(\d+) skipped"),
    "aliases": re.compile(r"(\d+) alias\(es\) stored"),
    "nlp": re.compile(r"(\d+) text\(s\) through the NLP pipeline"),
    "client MiB": re.compile(r"peak memory of this process: (\d+) MiB"),
    "worker MiB": re.compile(r"peak memory per worker: (.+)"),
}


def db_counts(db: Path) -> dict[str, int]:
    from temoin.store import open_store

    with open_store(db) as store:
        counts = {table: store.count(table) for table in ("articles", "aliases", "events", "failures")}
        counts["distinct ids"] = int(
            store.conn.execute(
                "SELECT count(*) FROM (SELECT id FROM articles UNION SELECT id FROM aliases)"
            ).fetchone()[0]
        )
    return counts


def cli_run(corpus: Path, db: Path, workers: int) -> dict[str, str]:
    """One ``temoin batch --engine dask`` process: its wall time, summary figures and the database after."""
    command = [
        sys.executable,
        "-m",
        "temoin.batch",
        str(corpus),
        "--db",
        str(db),
        "--engine",
        "dask",
        "--workers",
        str(workers),
        "--no-progress",
    ]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    figures = {"wall s": f"{time.perf_counter() - start:.1f}"}
    if done.returncode not in (0, 1):
        sys.exit(f"temoin batch failed ({done.returncode}):\n{done.stderr}")
    for name, pattern in SUMMARY.items():
        match = pattern.search(done.stderr)
        figures[name] = match.group(1).replace(" MiB", "") if match else "-"
    figures.update({f"{k} in DB": str(v) for k, v in db_counts(db).items()})
    return figures


def synthetic(records: list[dict[str, str]], count: int, workers: int, tmp: Path) -> list[dict[str, str]]:
    corpus, db = write_synthetic(records, count, tmp / "synthetic.jsonl"), tmp / "synthetic.db"
    print(
        f"synthetic corpus: {count} records, {corpus.stat().st_size / 2**20:.0f} MiB; "
        f"temoin batch --engine dask --workers {workers}, twice",
        flush=True,
    )
    return [{"run": str(run), **cli_run(corpus, db, workers)} for run in (1, 2)]


def print_runs(title: str, runs: list[dict[str, str]]) -> None:
    print(f"\n### {title}\n")
    print("| " + " | ".join(runs[0]) + " |")
    print("|" + "---:|" * len(runs[0]))
    for run in runs:
        print("| " + " | ".join(run.values()) + " |")
    sys.stdout.flush()


def print_table(title: str, rows: list[Row]) -> None:
    print(f"\n### {title}\n")
    print("| what | articles analysed | seconds | articles/s | peak RSS MiB (per worker) | note |")
    print("|---|---:|---:|---:|---:|---|")
    for row in rows:
        print(row.markdown())
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="Use only the first N dev articles.")
    parser.add_argument("--synthetic", type=int, metavar="N", help="Synthetic corpus of N articles on Dask.")
    parser.add_argument("--workers", type=int, default=2, help="Dask workers for --synthetic (default 2).")
    parser.add_argument("--chunk-size", type=int, default=16, help="Articles per task (default 16, as the command).")
    parser.add_argument("--repeat", type=int, default=1, help="Runs of 1 then 2 local workers (default 1).")
    parser.add_argument("--workers-only", action="store_true", help="Only the local worker runs.")
    args = parser.parse_args()
    records = dev_records(args.limit)
    print(f"{len(records)} bbc-dev articles, {sum(len(r['text']) for r in records)} characters")
    with tempfile.TemporaryDirectory(prefix="temoin-bench-") as tmp:
        if args.synthetic:
            title = f"Synthetic corpus: {args.synthetic} articles, Dask LocalCluster, same database twice"
            print_runs(title, synthetic(records, args.synthetic, args.workers, Path(tmp)))
            return
        if not args.workers_only:
            print_table("In one process", in_process(records))
        print_table(
            "Local worker processes (parent writes SQLite)",
            local_workers(records, Path(tmp), args.chunk_size, args.repeat),
        )


if __name__ == "__main__":
    main()
