"""Throughput of the whole pipeline and figures of the embedded gazetteer.

Usage: python benchmarks/bench_pipeline.py [--corpus ../shared/corpora/fr_bbc_afrique.jsonl] [--limit N]
       [--interleave K]

``--interleave K`` times spaCy alone and temoin in alternation on slices of K
articles (spaCy first on one slice, temoin first on the next) and sums each
side: on a machine shared with other work, a change of load touches both alike.

Reads only the ``bbc-dev-*`` articles of the corpus (the ``bbc-test-*`` ones are held out).
Prints a Markdown table; figures go into the README by hand, with the date and machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from pathlib import Path

from temoin.api import Analyzer
from temoin.records import Article
from temoin.stages.places.gazetteer import SQLiteGazetteer, build_embedded_index

ROOT = Path(__file__).resolve().parent.parent


def dev_articles(path: Path, limit: int | None) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith('{"id": "bbc-dev-'):
                continue
            row = json.loads(line)
            if row["id"].startswith("bbc-dev-"):
                articles.append(Article(row["id"], row["text"]))
    return articles[:limit] if limit else articles


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_gazetteer() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gaz.sqlite"
        start = time.perf_counter()
        build_embedded_index(path)
        build = time.perf_counter() - start
        start = time.perf_counter()
        gaz = SQLiteGazetteer(path)
        gaz.candidates("Alep")
        load = time.perf_counter() - start
        names = [
            "Alep",
            "Hassaké",
            "Qamichli",
            "Djibo",
            "Ménaka",
            "Goma",
            "Kharkiv",
            "El Fasher",
            "Tal Tamer",
            "Deir ez-Zor",
            "Bunagana",
            "Mopti",
            "Gao",
            "Kidal",
            "Maiduguri",
            "Sake",
            "Nyala",
            "Marib",
        ]
        queries = [f"{n}{i}" if i % 2 else n for i in range(2000) for n in names]  # half cached, half misses
        start = time.perf_counter()
        for q in queries:
            gaz.candidates(q)
        rate = len(queries) / (time.perf_counter() - start)
        size = path.stat().st_size / 1e6
    return [
        ("gazetteer first build", f"{build:.1f} s"),
        ("gazetteer load + first look-up", f"{load * 1000:.0f} ms"),
        ("gazetteer look-ups per second (half new names)", f"{rate:,.0f}"),
        ("gazetteer index size", f"{size:.0f} MB"),
    ]


def spacy_seconds(analyzer: Analyzer, articles: list[Article]) -> float:
    start = time.perf_counter()
    for _ in analyzer.nlp.pipe(
        [a.text for a in articles],
        batch_size=8,
        disable=[n for n in analyzer.nlp.pipe_names if n.startswith("temoin_") and n != "temoin_sentences"],
    ):
        pass
    return time.perf_counter() - start


def temoin_seconds(analyzer: Analyzer, articles: list[Article], results: list[object]) -> float:
    start = time.perf_counter()
    results += analyzer.analyze_articles(articles)
    return time.perf_counter() - start


def timings(analyzer: Analyzer, articles: list[Article], slice_size: int) -> tuple[float, float, list[object]]:
    """Seconds of spaCy alone and of temoin over ``articles``, slice by slice in alternating order."""
    spacy_only = total = 0.0
    results: list[object] = []
    for n, i in enumerate(range(0, len(articles), slice_size)):
        part = articles[i : i + slice_size]
        if n % 2:
            total += temoin_seconds(analyzer, part, results)
            spacy_only += spacy_seconds(analyzer, part)
        else:
            spacy_only += spacy_seconds(analyzer, part)
            total += temoin_seconds(analyzer, part, results)
    return spacy_only, total, results


def read_whole(path: Path) -> None:
    """Read the gazetteer index once before timing. The model is loaded into memory before timing;
    the index is read on demand, and this machine's memory manager drops an idle file's pages from
    the page cache within minutes, so without this the comparison charges temoin for disk reads
    whose number depends on how long the machine sat idle before the run."""
    with open(path, "rb") as fh:
        while fh.read(1 << 24):
            pass


def bench_pipeline(articles: list[Article], interleave: int | None) -> list[tuple[str, str]]:
    start = time.perf_counter()
    analyzer = Analyzer()
    analyzer.gazetteer.candidates("Alep")  # builds the embedded index on a first run: not part of the timing
    load = time.perf_counter() - start
    read_whole(analyzer.gazetteer.path)
    spacy_only, total, results = timings(analyzer, articles, interleave or len(articles))
    failed = sum(1 for r in results if not hasattr(r, "events"))
    events = sum(len(r.events) for r in results if hasattr(r, "events"))
    return [
        ("articles (bbc-dev)", str(len(articles))),
        ("pipeline load", f"{load:.1f} s"),
        ("spaCy fr_core_news_md alone", f"{spacy_only:.1f} s ({len(articles) / spacy_only:.1f} articles/s)"),
        ("temoin, whole analysis", f"{total:.1f} s ({len(articles) / total:.1f} articles/s)"),
        ("temoin / spaCy alone", f"{total / spacy_only:.2f}"),
        ("events found / articles refused", f"{events} / {failed}"),
        ("peak resident memory", f"{peak_rss_mb():.0f} MB"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "fr_bbc_afrique.jsonl")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--skip-gazetteer", action="store_true")
    parser.add_argument("--interleave", type=int, metavar="K", help="Alternate spaCy and temoin every K articles.")
    args = parser.parse_args()
    rows = [] if args.skip_gazetteer else bench_gazetteer()
    rows += bench_pipeline(dev_articles(args.corpus, args.limit), args.interleave)
    print(f"| measure ({os.cpu_count()} cores) | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
