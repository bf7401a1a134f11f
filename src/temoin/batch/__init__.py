"""Batch processing: many articles in parallel (local processes or Dask), resumable, one writer.

``run_batch(inputs, store, engine)`` is the library entry point; ``temoin batch`` the command.
"""

from temoin.batch.engines import DaskEngine, Engine, InlineEngine, LocalEngine
from temoin.batch.parquet import write_parquet
from temoin.batch.runner import BatchReport, run_batch
from temoin.batch.work import ChunkOutcome, Failed

__all__ = [
    "BatchReport",
    "ChunkOutcome",
    "DaskEngine",
    "Engine",
    "Failed",
    "InlineEngine",
    "LocalEngine",
    "run_batch",
    "write_parquet",
]
