"""The worker side of a batch: one Analyzer per process, chunks of articles in, outcomes out.

Everything that crosses a process boundary here is a plain picklable dataclass:
``ArticleResult`` for an analysed article, ``Failed`` for one that could not be.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass, field

from temoin.api import Analyzer, ArticleFailure
from temoin.records import Article, ArticleResult

_ANALYZERS: dict[str, Analyzer] = {}


@dataclass(frozen=True, slots=True)
class Failed:
    """An input or article that could not be analysed: stored with ``Store.save_failure``'s fields."""

    source: str
    article_id: str
    reason: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.article_id, self.reason)


@dataclass(slots=True)
class ChunkOutcome:
    """What a worker sends back for one chunk, with its own resource figures."""

    results: list[ArticleResult] = field(default_factory=list)
    failures: list[Failed] = field(default_factory=list)
    pid: int = 0
    peak_rss: int = 0  # bytes, the worker process's peak resident set so far
    seconds: float = 0.0  # time spent analysing this chunk
    nlp_texts: int = 0  # texts run through the NLP pipeline for this chunk

    @property
    def size(self) -> int:
        return len(self.results) + len(self.failures)


def worker_analyzer(gazetteer_path: str = "") -> Analyzer:
    """This process's Analyzer, loaded on first use and kept (the cached global both engines use)."""
    if gazetteer_path not in _ANALYZERS:
        _ANALYZERS[gazetteer_path] = Analyzer(gazetteer_path=gazetteer_path)
    return _ANALYZERS[gazetteer_path]


def init_worker(gazetteer_path: str = "") -> None:
    """ProcessPoolExecutor initializer: load the pipeline once, before the first chunk."""
    worker_analyzer(gazetteer_path)


def peak_rss() -> int:
    """This process's peak resident set, in bytes.

    Linux's VmHWM belongs to this process's own address space; ``ru_maxrss``
    is kept across fork and exec, so a spawned worker would report its parent's.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def analyze_chunk(articles: list[Article], gazetteer_path: str = "") -> ChunkOutcome:
    """The task a worker runs: analyse a chunk with this process's Analyzer."""
    return analyze_with(worker_analyzer(gazetteer_path), articles)


def analyze_with(analyzer: Analyzer, articles: list[Article]) -> ChunkOutcome:
    """Analyse a chunk; if the pipeline breaks on it, retry article by article so one bad text fails alone."""
    start = time.perf_counter()
    outcomes: list[ArticleResult | ArticleFailure | Failed]
    try:
        outcomes = list(analyzer.analyze_articles(articles))
    except Exception:  # an unexpected pipeline error must not stop the batch
        outcomes = [analyze_one(analyzer, article) for article in articles]
    chunk = ChunkOutcome(pid=os.getpid(), seconds=time.perf_counter() - start)
    chunk.nlp_texts = sum(isinstance(outcome, ArticleResult) for outcome in outcomes)  # each one a Doc
    for outcome in outcomes:
        if isinstance(outcome, ArticleResult):
            chunk.results.append(outcome)
        elif isinstance(outcome, ArticleFailure):
            chunk.failures.append(Failed(outcome.source, outcome.article_id, str(outcome.error)))
        else:
            chunk.failures.append(outcome)
    chunk.peak_rss = peak_rss()
    return chunk


def analyze_one(analyzer: Analyzer, article: Article) -> ArticleResult | ArticleFailure | Failed:
    try:
        return next(iter(analyzer.analyze_articles([article])))
    except Exception as exc:  # recorded as this article's failure reason
        return Failed(f"article {article.id}", article.id, f"internal error: {type(exc).__name__}: {exc}")
