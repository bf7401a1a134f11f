"""Small pieces shared by the click commands (kept apart from ``cli`` to avoid import cycles)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

import click

from temoin.exceptions import InputError
from temoin.io.options import CsvColumns, FetchPolicy, ReadOptions


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """A click callback turning YYYY-MM-DD into a date, with a clear message otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def _csv_columns(ctx: click.Context, param: click.Parameter, value: str | None) -> CsvColumns:
    try:
        return CsvColumns.parse(value or "")
    except InputError as exc:
        raise click.BadParameter(str(exc)) from exc


_POLICY = FetchPolicy()
READING_OPTIONS = (
    click.option(
        "--csv-columns",
        callback=_csv_columns,
        metavar="FIELD=COLUMN,...",
        help="CSV header names for the article fields id, text, title, published (or date), url, outlet; "
        "e.g. id=ID,text=body,published=date. Unnamed fields keep their own name.",
    ),
    click.option(
        "--no-fetch",
        is_flag=True,
        help="Fetch nothing: URL inputs fail, feed entries use their own content or summary.",
    ),
    click.option(
        "--allow-private-addresses",
        is_flag=True,
        help="Allow fetching from loopback, private, link-local and reserved addresses (refused by default).",
    ),
    click.option(
        "--fetch-timeout",
        type=click.FloatRange(min=0.1),
        default=_POLICY.timeout,
        show_default=True,
        metavar="SECONDS",
        help="Connect and read timeout of each request.",
    ),
    click.option(
        "--fetch-retries",
        type=click.IntRange(min=0),
        default=_POLICY.retries,
        show_default=True,
        help="Retries after a network error, a timeout, 429 or 5xx, with exponential backoff.",
    ),
    click.option(
        "--fetch-delay",
        type=click.FloatRange(min=0),
        default=_POLICY.delay,
        show_default=True,
        metavar="SECONDS",
        help="Pause between two requests to the same host (longer if robots.txt asks).",
    ),
    click.option(
        "--max-page-bytes",
        type=click.IntRange(min=1),
        default=_POLICY.max_bytes,
        show_default=True,
        help="Largest page or feed fetched; a longer one is cut and refused.",
    ),
)


def reading_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add the input options (CSV columns, fetching) to a command, which receives them as ``read_options``."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        csv_columns: CsvColumns,
        no_fetch: bool,
        allow_private_addresses: bool,
        fetch_timeout: float,
        fetch_retries: int,
        fetch_delay: float,
        max_page_bytes: int,
        **kwargs: Any,
    ) -> None:
        policy = FetchPolicy(
            enabled=not no_fetch,
            allow_private=allow_private_addresses,
            timeout=fetch_timeout,
            retries=fetch_retries,
            delay=fetch_delay,
            max_bytes=max_page_bytes,
        )
        options = ReadOptions(columns=csv_columns, fetch=policy)
        try:
            command(*args, read_options=options, **kwargs)
        finally:
            options.close()

    for option in reversed(READING_OPTIONS):
        wrapper = option(wrapper)
    return wrapper
