"""``temoin serve``: a read-only web app over the store (map, timeline, table, article view, JSON API)."""

from temoin.web.app import WebConfig, create_app
from temoin.web.queries import Database

__all__ = ["Database", "WebConfig", "create_app"]
