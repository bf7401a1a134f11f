"""``temoin serve``: the click command (registered in temoin.cli with ``cli.add_command(serve)``)."""

from __future__ import annotations

import sys

import click

from temoin.exceptions import TemoinError
from temoin.store import default_db_path
from temoin.web.app import WebConfig, create_app, vendor_ready
from temoin.web.limits import Limits
from temoin.web.queries import Database
from temoin.web.security import MIN_TOKEN_LENGTH, is_loopback, tiles_origin

OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def check_access(host: str, token: str | None) -> None:
    """Refuse to listen beyond loopback without a token, and refuse guessable tokens."""
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise click.UsageError(
            f"the token must have at least {MIN_TOKEN_LENGTH} characters "
            "(python -c 'import secrets; print(secrets.token_urlsafe())')"
        )
    if not is_loopback(host) and not token:
        raise click.UsageError(f"listening on {host} needs a token: --token or TEMOIN_TOKEN")


def check_tiles(tiles: str | None) -> None:
    if tiles:
        try:
            tiles_origin(tiles)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--tiles") from exc


@click.command("serve")
@click.option("--db", type=click.Path(dir_okay=False), help="Database (default: user data dir).")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on; anything but loopback needs a token."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="TEMOIN_TOKEN", help="Token every request must carry (env TEMOIN_TOKEN).")
@click.option("--tiles", help=f"Online tile URL template offered beside the offline basemap, e.g. {OSM}.")
@click.option("--tiles-attribution", default="© OpenStreetMap contributors", show_default=True)
@click.option(
    "--rate-limit",
    "rate",
    default=10.0,
    show_default=True,
    envvar="TEMOIN_RATE_LIMIT",
    type=click.FloatRange(0, 1e6),
    help="Requests per second per client (token bucket); 0: no limit.",
)
@click.option(
    "--burst",
    default=60,
    show_default=True,
    type=click.IntRange(1, 1_000_000),
    help="Requests a client may make at once (the events page makes about 25 on load).",
)
@click.option(
    "--migrate",
    is_flag=True,
    help="Create or migrate the database before serving (the app itself only ever opens it read-only).",
)
def serve(
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    tiles: str | None,
    tiles_attribution: str,
    rate: float,
    burst: int,
    migrate: bool,
) -> None:
    """Serve a map, a timeline, a table and an article view of stored events (read-only)."""
    import uvicorn

    check_access(host, token)
    check_tiles(tiles)
    database = Database(str(db or default_db_path()), migrate)
    try:
        database.check()
    except TemoinError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    if not vendor_ready():
        click.echo(
            "Warning: the map's files are not built (run scripts/build-web-assets.sh); "
            "the table, timeline and article view still work.",
            err=True,
        )
    limits = Limits(rate=rate or None, burst=burst)
    app = create_app(WebConfig(database, token or None, tiles or None, tiles_attribution, limits))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"temoin serve: http://{shown}:{port}/" + ("?token=<token>" if token else ""), err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)
