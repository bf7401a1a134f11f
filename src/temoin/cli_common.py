"""Small pieces shared by the click commands (kept apart from ``cli`` to avoid import cycles)."""

from __future__ import annotations

from datetime import date

import click


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """A click callback turning YYYY-MM-DD into a date, with a clear message otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc
