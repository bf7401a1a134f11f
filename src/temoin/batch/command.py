"""``temoin batch``: many articles, in parallel, resumable, into SQLite or PostgreSQL."""

from __future__ import annotations

import os
import sys
from datetime import date

import click

from temoin.batch.engines import DaskEngine, Engine, InlineEngine, LocalEngine
from temoin.batch.parquet import PARTITIONS, write_parquet
from temoin.batch.runner import BatchReport, run_batch
from temoin.cli_common import iso_date, reading_options
from temoin.exceptions import TemoinError
from temoin.io.options import ReadOptions
from temoin.io.readers import reading_with
from temoin.store import open_any_store

DEFAULT_WORKERS = max(1, min(4, (os.cpu_count() or 2) - 1))


def make_engine(engine: str, workers: int, scheduler: str | None, gazetteer: str) -> Engine:
    if engine == "dask" or scheduler:
        return DaskEngine(workers=workers, scheduler=scheduler, gazetteer_path=gazetteer)
    if workers == 0:
        return InlineEngine(gazetteer_path=gazetteer)
    return LocalEngine(workers=workers, gazetteer_path=gazetteer)


def summary(report: BatchReport, where: str) -> str:
    line = (
        f"{report.analysed} article(s) analysed, {report.failed} failed, {report.skipped} skipped "
        f"(already stored) in {report.seconds:.1f} s ({report.rate:.2f} articles/s); stored in {where}"
    )
    line += (
        f"\n{report.aliased} alias(es) stored (text and date analysed under another id); "
        f"{report.nlp_texts} text(s) through the NLP pipeline"
    )
    line += f"\npeak memory of this process: {report.client_peak_rss / 2**20:.0f} MiB"
    if report.worker_peak_rss:
        peaks = ", ".join(f"{rss / 2**20:.0f} MiB" for rss in report.worker_peak_rss.values())
        line += f"\npeak memory per worker: {peaks}"
    return line


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", required=True, help="SQLite file, or a postgresql://user:password@host:port/db URL.")
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=DEFAULT_WORKERS,
    show_default=True,
    help="Worker processes (0: analyse in this process; local engine only).",
)
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option(
    "--scheduler", metavar="ADDRESS", help="A running Dask scheduler (tcp://127.0.0.1:8786); implies --engine dask."
)
@click.option(
    "--parquet",
    "parquet_dir",
    type=click.Path(file_okay=False),
    help="Also write every stored event to this directory as partitioned Parquet.",
)
@click.option(
    "--partition-by",
    type=click.Choice(PARTITIONS),
    default="country",
    show_default=True,
    help="Parquet partition column: the event's country, or its month (YYYY-MM).",
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=16,
    show_default=True,
    help="Articles per task and per database transaction.",
)
@click.option("--published", callback=iso_date, help="Publication date (YYYY-MM-DD) for inputs that lack one.")
@click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False), help="Gazetteer index to use.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
@reading_options
def batch(
    inputs: tuple[str, ...],
    db: str,
    workers: int,
    engine: str,
    scheduler: str | None,
    parquet_dir: str | None,
    partition_by: str,
    chunk_size: int,
    published: date | None,
    gazetteer: str | None,
    progress: bool,
    read_options: ReadOptions,
) -> None:
    """Analyse many articles in parallel. INPUT is a file, a folder of them or a URL (not stdin).

    Files are read as by `temoin analyze`: .txt, .jsonl, .csv/.tsv (see --csv-columns),
    .html/.htm/.mhtml, .rss/.atom feeds, .urls lists of URLs. Fetched pages are kept in
    memory for the run, so the pass that counts articles and the one that analyses them
    fetch each page once.

    Resumable and idempotent: an article already stored with the same id and
    text (hash of the normalised text) is skipped, so a re-run after a crash
    finishes the rest. Failures are stored with their reason: see `temoin failures`.
    """
    if "-" in inputs:
        raise click.BadParameter("batch reads files and folders, not stdin", param_hint="INPUT")
    try:
        with open_any_store(db) as store, reading_with(read_options):
            report = run_batch(
                list(inputs),
                store,
                make_engine(engine, workers, scheduler, gazetteer or ""),
                chunk_size=chunk_size,
                published=published,
                progress=progress,
            )
            click.echo(summary(report, store.path), err=True)
            if parquet_dir:
                rows = write_parquet(store, parquet_dir, partition_by)
                click.echo(f"{rows} event(s) written to {parquet_dir} (Parquet, by {partition_by})", err=True)
    except TemoinError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    if report.failed:
        sys.exit(1)
