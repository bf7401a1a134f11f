"""Run a batch: read inputs, skip what is stored, analyse the rest on an engine, write as one writer.

The process that calls ``run_batch`` is the only one that writes to the store.
It writes each chunk's outcome in one transaction (``save_batch``), so a kill
loses at most the chunks in flight and a re-run, which skips every stored
(article id, text hash), finishes the rest without duplicates. A failure
already stored with the same source, article and reason is not stored again.

A text (normalised) with a publication date already analysed, in the store or
earlier in this run, is not analysed again: its id is stored as an alias of
that analysis, ``ALIAS_BATCH`` aliases per transaction. Inputs are read as a
stream: the parent holds the stored keys and the chunks in flight, never the corpus.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from tqdm import tqdm

from temoin.api import MAX_CHARS, check_article
from temoin.batch.engines import Chunk, Engine
from temoin.batch.work import ChunkOutcome, Failed, peak_rss
from temoin.exceptions import InputError
from temoin.io.readers import InputFailure, read_inputs
from temoin.records import Article
from temoin.store.sqlite import Alias, Store, analysis_key, text_hash

ALIAS_BATCH = 1000  # aliases per transaction

if TYPE_CHECKING:  # without importing psycopg at run time
    from temoin.store.postgres import PostgresStore


@dataclass
class BatchReport:
    analysed: int = 0
    failed: int = 0
    skipped: int = 0
    aliased: int = 0  # ids stored as aliases of a text analysed under another id
    nlp_texts: int = 0  # texts the workers ran through the NLP pipeline
    client_peak_rss: int = 0  # bytes, the process that reads, dispatches and writes
    seconds: float = 0.0
    worker_peak_rss: dict[int, int] = field(default_factory=dict)  # worker pid -> bytes
    worker_seconds: float = 0.0  # summed analysis time over workers

    @property
    def rate(self) -> float:
        return self.analysed / self.seconds if self.seconds else 0.0


@dataclass
class Scan:
    """One pass over the inputs: articles to analyse, failures, and a count of skipped ones."""

    inputs: list[str]
    published: date | None
    done: set[tuple[str, str]]
    stored_texts: dict[tuple[str, str], str] = field(default_factory=dict)  # analysis key -> article id
    max_chars: int = MAX_CHARS
    skipped: int = 0

    def __iter__(self) -> Iterator[Article | Failed | Alias]:
        seen: set[tuple[str, str]] = set()
        analysed = dict(self.stored_texts)  # and every text sent for analysis in this pass
        self.skipped = 0
        for item in read_inputs(self.inputs, self.published):
            if isinstance(item, InputFailure):
                yield Failed(item.source, "", str(item.error))
                continue
            digest = text_hash(item.text)
            if (item.id, digest) in self.done or (item.id, digest) in seen:
                self.skipped += 1
                continue
            seen.add((item.id, digest))
            yield self.triage(item, digest, analysed)

    def triage(self, article: Article, digest: str, analysed: dict[tuple[str, str], str]) -> Article | Failed | Alias:
        """An alias when the text and date were analysed under another id, else the checked article."""
        key = analysis_key(digest, article.published)
        first = analysed.get(key)
        if first is not None and first != article.id:
            return Alias(article.id, digest, key[1] or None, first, article.title, article.url, article.outlet)
        outcome = checked(article, self.max_chars)
        if isinstance(outcome, Article):
            analysed[key] = article.id
        return outcome


def checked(article: Article, max_chars: int) -> Article | Failed:
    """The article, or its failure when it cannot be analysed (checked here, before any worker)."""
    try:
        check_article(article, max_chars)
    except InputError as exc:
        return Failed(exc.source, article.id, str(exc))
    return article


class Writer:
    """The single writer: one transaction per chunk outcome or ``ALIAS_BATCH`` aliases; failures deduplicated."""

    def __init__(self, store: Store | PostgresStore, report: BatchReport) -> None:
        self.store = store
        self.report = report
        self.known = {(source, article_id or "", reason) for _, source, article_id, reason in store.failures()}
        self.failures: list[Failed] = []
        self.aliases: list[Alias] = []

    @property
    def done(self) -> int:
        return self.report.analysed + self.report.failed + self.report.aliased

    def alias(self, alias: Alias) -> None:
        self.aliases.append(alias)
        if len(self.aliases) >= ALIAS_BATCH:
            self.flush_aliases()

    def flush_aliases(self) -> None:
        if self.aliases:
            self.store.save_aliases(self.aliases)
            self.report.aliased += len(self.aliases)
            self.aliases = []

    def fail(self, failure: Failed) -> None:
        self.report.failed += 1
        if failure.key not in self.known:
            self.known.add(failure.key)
            self.failures.append(failure)

    def write(self, outcome: ChunkOutcome) -> None:
        for failure in outcome.failures:
            self.fail(failure)
        self.store.save_batch(outcome.results, [f.key for f in self.failures])
        self.failures.clear()
        self.report.analysed += len(outcome.results)
        self.report.nlp_texts += outcome.nlp_texts
        self.report.worker_seconds += outcome.seconds
        if outcome.pid:
            self.report.worker_peak_rss[outcome.pid] = max(
                outcome.peak_rss, self.report.worker_peak_rss.get(outcome.pid, 0)
            )

    def flush(self) -> None:
        self.flush_aliases()
        if self.failures:
            self.store.save_batch([], [f.key for f in self.failures])
            self.failures.clear()


def chunked(items: Iterable[Article | Failed | Alias], size: int, writer: Writer) -> Iterator[Chunk]:
    """Chunks of articles; failures and aliases found while reading go straight to the writer.

    A chunk goes out when full, or unfilled once ``ALIAS_BATCH`` records have been
    read since its first article: workers are not kept waiting through long runs of copies.
    """
    chunk: Chunk = []
    waited = 0
    for item in items:
        waited += 1
        if isinstance(item, Failed):
            writer.fail(item)
        elif isinstance(item, Alias):
            writer.alias(item)
        else:
            chunk.append(item)
        if len(chunk) >= size or (chunk and waited >= ALIAS_BATCH):
            yield chunk
            chunk = []
        if not chunk:
            waited = 0
    if chunk:
        yield chunk


def run_batch(
    inputs: list[str],
    store: Store | PostgresStore,
    engine: Engine,
    *,
    chunk_size: int = 16,
    published: date | None = None,
    progress: bool = True,
) -> BatchReport:
    """Analyse every input article not stored yet; store results and failures; report the figures."""
    start = time.perf_counter()
    report = BatchReport()
    scan = Scan(inputs, published, store.article_keys(), store.analysed_texts())
    total = sum(1 for item in scan if not isinstance(item, Failed)) if progress else None  # a pass more
    writer = Writer(store, report)
    with tqdm(total=total, unit="art", desc="analysing", disable=not progress, smoothing=0.1) as bar:
        for outcome in engine.run(chunked(scan, chunk_size, writer)):
            writer.write(outcome)
            bar.update(writer.done - bar.n)
            bar.set_postfix(failed=report.failed, refresh=False)
        writer.flush()
        bar.update(writer.done - bar.n)
    report.skipped = scan.skipped
    report.seconds = time.perf_counter() - start
    report.client_peak_rss = peak_rss()
    return report
