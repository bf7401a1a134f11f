"""The command line: a thin click layer over the library."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO

import click

from temoin.api import MAX_CHARS, Analyzer, ArticleFailure
from temoin.cli_common import iso_date, reading_options
from temoin.exceptions import TemoinError
from temoin.io.options import ReadOptions
from temoin.io.readers import MAX_BYTES, InputFailure, read_inputs
from temoin.io.writers import FORMATS, write_results
from temoin.records import ArticleResult
from temoin.store import EventFilter, open_any_store


def report(message: str) -> None:
    click.echo(f"Error: {message}", err=True)


@click.group()
@click.version_option(package_name="temoin")
def cli() -> None:
    """temoin: French conflict reporting in, geocoded ACLED-style event records out."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write results here (default stdout)."
)
@click.option("--format", "fmt", type=click.Choice(FORMATS[:3]), default="jsonl", show_default=True)
@click.option("--published", callback=iso_date, help="Publication date (YYYY-MM-DD) for inputs that lack one.")
@click.option(
    "--db", type=click.Path(dir_okay=False), help="SQLite database to store results in (default: user data dir)."
)
@click.option("--no-store", is_flag=True, help="Do not store results in the database.")
@click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False), help="Gazetteer index to use.")
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=MAX_CHARS,
    show_default=True,
    help="Refuse articles longer than this many characters.",
)
@reading_options
def analyze(
    inputs: tuple[str, ...],
    output: str | None,
    fmt: str,
    published: date | None,
    db: str | None,
    no_store: bool,
    gazetteer: str | None,
    max_chars: int,
    read_options: ReadOptions,
) -> None:
    """Analyse articles. INPUT is a file, a folder of them, a URL, or - for stdin.

    Files: .txt (one article), .jsonl (one article a line), .csv or .tsv (one a row, see
    --csv-columns), .html, .htm or .mhtml (a saved web page), .rss or .atom (a feed: each
    entry's page is fetched), .urls (one URL a line). A URL is fetched and read as a page or
    a feed; robots.txt is obeyed and private addresses refused (see --allow-private-addresses).
    """
    failures = 0
    try:
        analyzer = Analyzer(gazetteer_path=gazetteer or "", max_chars=max_chars)
        store = None if no_store else open_any_store(db)
    except TemoinError as exc:
        report(str(exc))
        sys.exit(2)

    def results() -> Iterator[ArticleResult]:
        nonlocal failures
        articles = []
        limit = max(MAX_BYTES, 12 * max_chars)
        for item in read_inputs(list(inputs), published, max_bytes=limit, options=read_options):
            if isinstance(item, InputFailure):
                failures += 1
                report(str(item.error))
                if store:
                    store.save_failure(item.source, str(item.error))
            else:
                articles.append(item)
        for outcome in analyzer.analyze_articles(articles):
            if isinstance(outcome, ArticleFailure):
                failures += 1
                report(str(outcome.error))
                if store:
                    store.save_failure(outcome.source, str(outcome.error), outcome.article_id)
                continue
            if store:
                store.save(outcome)
            yield outcome

    try:
        with open_output(output) as out:
            count = write_results(results(), out, fmt)
    except TemoinError as exc:
        report(str(exc))
        sys.exit(2)
    click.echo(
        f"{count} article(s) analysed, {failures} failed" + (f"; stored in {store.path}" if store else ""), err=True
    )
    if failures:
        sys.exit(1)


class open_output:
    def __init__(self, path: str | None) -> None:
        self.path = path
        self.fh: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if self.path is None:
            return sys.stdout
        self.fh = Path(self.path).open("w", encoding="utf-8", newline="")
        return self.fh

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), help="Database (default: user data dir).")
@click.option("--type", "event_type", help="Event type or sub-type, ACLED's string.")
@click.option("--country", help="ISO code of the location (alpha-2) or of an actor (alpha-3).")
@click.option("--actor", help="Part of an actor's name.")
@click.option("--since", callback=iso_date, help="First date (YYYY-MM-DD).")
@click.option("--until", callback=iso_date, help="Last date (YYYY-MM-DD).")
@click.option("--limit", type=int, help="At most this many events.")
@click.option("--merged", is_flag=True, help="One row per event told by several articles, with its outlets.")
def events(
    db: str | None,
    event_type: str | None,
    country: str | None,
    actor: str | None,
    since: date | None,
    until: date | None,
    limit: int | None,
    merged: bool,
) -> None:
    """List stored events as a table (raw mentions, or merged across articles with --merged)."""
    flt = EventFilter(event_type, country, actor, since, until, limit=limit)
    try:
        with open_any_store(db) as store:
            if merged:
                print_merged(store.results(), flt)
                return
            rows = store.events(flt)
    except TemoinError as exc:
        report(str(exc))
        sys.exit(2)
    click.echo(f"{'date':10}  {'type':28}  {'sub-type':34}  {'location':22}  {'dead':>4}  {'certainty':10}  actor1")
    for row in rows:
        e = row.event
        click.echo(
            f"{(e.event_date.isoformat() if e.event_date else '-'):10}  {e.event_type[:28]:28}  "
            f"{e.sub_event_type[:34]:34}  {(e.location.name if e.location else '-')[:22]:22}  "
            f"{'' if e.fatalities is None else e.fatalities:>4}  {e.certainty:10}  "
            f"{e.actor1.name if e.actor1 else '-'}"
        )
    click.echo(f"{len(rows)} event(s)", err=True)


def print_merged(results: Iterator[ArticleResult], flt: EventFilter) -> None:
    from temoin.merge import merge_events, reports_from_results

    rows = [m for m in merge_events(reports_from_results(results)) if merged_matches(m, flt)]
    click.echo(f"{'first date':10}  {'sub-type':34}  {'location':22}  {'dead':>7}  {'outlets':>7}  disputed")
    for m in rows[: flt.limit or None]:
        toll = "" if m.fatalities_min is None else f"{m.fatalities_min}-{m.fatalities_max}"
        click.echo(
            f"{(m.first_date.isoformat() if m.first_date else '-'):10}  {m.sub_event_type[:34]:34}  "
            f"{(m.location.name if m.location else '-')[:22]:22}  {toll:>7}  {m.outlet_count:>7}  "
            f"{'asserted by some, attributed by others' if m.asserted_vs_attributed else ''}"
        )
    click.echo(f"{len(rows)} merged event(s)", err=True)


def merged_matches(m: object, flt: EventFilter) -> bool:
    from temoin.merge import MergedEvent

    assert isinstance(m, MergedEvent)
    if flt.event_type and flt.event_type not in {m.event_type, m.sub_event_type}:
        return False
    if flt.country and not (m.location and m.location.country == flt.country.upper()):
        return False
    if flt.since and (m.last_date is None or m.last_date < flt.since):
        return False
    return not (flt.until and (m.first_date is None or m.first_date > flt.until))


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), help="Database (default: user data dir).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["acled-csv", "geojson", "jsonl", "csv"]),
    default="acled-csv",
    show_default=True,
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here (default stdout).")
def export(db: str | None, fmt: str, output: str | None) -> None:
    """Export stored results: ACLED's CSV columns in ACLED's order, GeoJSON or JSON Lines."""
    try:
        with open_any_store(db) as store, open_output(output) as out:
            count = write_results(store.results(), out, fmt)
    except TemoinError as exc:
        report(str(exc))
        sys.exit(2)
    click.echo(f"{count} article(s) exported", err=True)


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), help="Database (default: user data dir).")
def failures(db: str | None) -> None:
    """List inputs that could not be analysed, with the reason."""
    try:
        with open_any_store(db) as store:
            rows = store.failures()
    except TemoinError as exc:
        report(str(exc))
        sys.exit(2)
    for at, source, article_id, reason in rows:
        click.echo(f"{at}  {source}  {article_id or '-'}  {reason}")
    click.echo(f"{len(rows)} failure(s)", err=True)


@cli.group()
def gazetteer() -> None:
    """Build or extend the gazetteer index."""


@gazetteer.command("build")
@click.option("--force", is_flag=True, help="Rebuild even if the index is up to date.")
def gazetteer_build(force: bool) -> None:
    """Compile the embedded gazetteer (GeoNames cities500 and the curated places)."""
    from temoin.stages.places.gazetteer import build_embedded_index, default_index_path

    path = default_index_path()
    try:
        if force or not path.exists():
            build_embedded_index(path)
    except TemoinError as exc:
        report(str(exc))
        sys.exit(2)
    click.echo(f"gazetteer index: {path}")


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--index",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Index to import into (default: the full index beside the embedded one, used from then on).",
)
def gazetteer_import(files: tuple[Path, ...], index: Path | None) -> None:
    """Import GeoNames dump files (allCountries.zip, SY.zip, BF.txt...) into the gazetteer."""
    from temoin.stages.places.importer import import_into_full_index

    try:
        target, count = import_into_full_index(list(files), index)
    except TemoinError as exc:
        report(str(exc))
        sys.exit(2)
    click.echo(f"{count} place(s) imported into {target}")


def _register_subcommands() -> None:
    from temoin.batch.command import batch
    from temoin.web.command import serve

    cli.add_command(batch)
    cli.add_command(serve)


_register_subcommands()

if __name__ == "__main__":
    cli()
