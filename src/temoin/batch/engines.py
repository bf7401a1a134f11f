"""Where chunks are analysed: in this process, in local worker processes, or on a Dask cluster.

Every engine takes an iterator of chunks and yields one ``ChunkOutcome`` per
chunk as it completes (not in input order), keeping at most ``inflight`` chunks
outstanding so memory stays flat however long the input. No engine starts a
worker, loads a model or contacts a scheduler until there is a first chunk.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import islice
from typing import Any, Protocol

from temoin.api import Analyzer
from temoin.batch.work import ChunkOutcome, analyze_chunk, analyze_with, init_worker
from temoin.records import Article

Chunk = list[Article]


class Engine(Protocol):
    def run(self, chunks: Iterator[Chunk]) -> Iterator[ChunkOutcome]: ...


@dataclass
class InlineEngine:
    """Analyse in this process with a given Analyzer (``--workers 0``; tests, debugging)."""

    analyzer: Analyzer | None = None
    gazetteer_path: str = ""

    def run(self, chunks: Iterator[Chunk]) -> Iterator[ChunkOutcome]:
        for chunk in chunks:
            if self.analyzer is None:
                self.analyzer = Analyzer(gazetteer_path=self.gazetteer_path)
            yield analyze_with(self.analyzer, chunk)


@dataclass
class LocalEngine:
    """N worker processes (spawned), each building one Analyzer in its initializer."""

    workers: int = 2
    gazetteer_path: str = ""
    inflight_per_worker: int = 3

    def run(self, chunks: Iterator[Chunk]) -> Iterator[ChunkOutcome]:
        first = next(chunks, None)
        if first is None:
            return
        pool = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(self.gazetteer_path,),
        )
        try:
            yield from self.drive(pool, first, chunks)
        finally:  # on an error or Ctrl-C, queued chunks are dropped rather than analysed for nothing
            pool.shutdown(wait=True, cancel_futures=True)

    def drive(self, pool: ProcessPoolExecutor, first: Chunk, chunks: Iterator[Chunk]) -> Iterator[ChunkOutcome]:
        pending: set[Future[ChunkOutcome]] = {pool.submit(analyze_chunk, first, self.gazetteer_path)}
        for chunk in chunks:
            pending.add(pool.submit(analyze_chunk, chunk, self.gazetteer_path))
            if len(pending) >= self.workers * self.inflight_per_worker:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in done)


@dataclass
class DaskEngine:
    """A dask.distributed LocalCluster on 127.0.0.1 (processes), or the scheduler at ``scheduler``.

    Each worker process loads the pipeline once, on its first chunk, and keeps
    it in a module-level cache (``temoin.batch.work.worker_analyzer``). Workers
    of an existing scheduler must be able to import temoin (same environment).
    """

    workers: int = 2
    scheduler: str | None = None
    gazetteer_path: str = ""
    inflight_per_worker: int = 3

    def run(self, chunks: Iterator[Chunk]) -> Iterator[ChunkOutcome]:
        first = next(chunks, None)
        if first is None:
            return
        from distributed import as_completed

        with ExitStack() as stack:
            client = self.client(stack)
            inflight = max(1, self.workers) * self.inflight_per_worker
            futures = as_completed([self.submit(client, first)])  # type: ignore[no-untyped-call]
            for chunk in islice(chunks, inflight - 1):
                futures.add(self.submit(client, chunk))  # type: ignore[no-untyped-call]
            for future in futures:
                outcome: ChunkOutcome = future.result()
                future.release()
                yield outcome
                following = next(chunks, None)
                if following is not None:
                    futures.add(self.submit(client, following))  # type: ignore[no-untyped-call]

    def submit(self, client: Any, chunk: Chunk) -> Any:
        return client.submit(analyze_chunk, chunk, self.gazetteer_path, pure=False)

    def client(self, stack: ExitStack) -> Any:
        from distributed import Client, LocalCluster

        if self.scheduler:
            return stack.enter_context(Client(self.scheduler, timeout="30s"))  # type: ignore[no-untyped-call]
        cluster = stack.enter_context(
            LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=max(1, self.workers),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        )
        return stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
