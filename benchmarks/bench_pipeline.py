"""Throughput of the whole pipeline and figures of the embedded gazetteer.

Usage: python benchmarks/bench_pipeline.py [--corpus ../shared/corpora/fr_bbc_afrique.jsonl] [--limit N]

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


def bench_pipeline(articles: list[Article]) -> list[tuple[str, str]]:
    start = time.perf_counter()
    analyzer = Analyzer()
    analyzer.gazetteer.candidates("Alep")  # builds the embedded index on a first run: not part of the timing
    load = time.perf_counter() - start
    texts = [a.text for a in articles]
    start = time.perf_counter()
    for _ in analyzer.nlp.pipe(
        texts,
        batch_size=8,
        disable=[n for n in analyzer.nlp.pipe_names if n.startswith("temoin_") and n != "temoin_sentences"],
    ):
        pass
    spacy_only = time.perf_counter() - start
    start = time.perf_counter()
    results = list(analyzer.analyze_articles(articles))
    total = time.perf_counter() - start
    failed = sum(1 for r in results if not hasattr(r, "events"))
    events = sum(len(r.events) for r in results if hasattr(r, "events"))  # type: ignore[union-attr]
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
    args = parser.parse_args()
    rows = [] if args.skip_gazetteer else bench_gazetteer()
    rows += bench_pipeline(dev_articles(args.corpus, args.limit))
    print(f"| measure ({os.cpu_count()} cores) | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
