"""The ASGI app of ``temoin serve``: the pages, their static files and the JSON API they use."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from temoin.exceptions import StoreError
from temoin.web.api import Settings, api_router
from temoin.web.limits import LimitMiddleware, Limits
from temoin.web.queries import Database
from temoin.web.security import Guard, security_headers

STATIC = Path(str(files("temoin.web") / "static"))
VENDOR = STATIC / "vendor"


@dataclass(frozen=True, slots=True)
class WebConfig:
    database: Database
    token: str | None = None
    tiles: str | None = None
    tiles_attribution: str = ""
    limits: Limits = field(default_factory=Limits)  # sizes always; the per-client rate only when set


def vendor_ready() -> bool:
    """Whether scripts/build-web-assets.sh has copied the map's third-party files into the package."""
    return all(
        (VENDOR / name).is_file()
        for name in ("leaflet.js", "leaflet.markercluster.js", "topojson-client.min.js", "countries-50m.json")
    )


def page(name: str) -> FileResponse:
    return FileResponse(STATIC / name, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})


def store_error(request: Request, exc: Exception) -> Response:
    return JSONResponse({"detail": str(exc)}, status_code=503)


def create_app(config: WebConfig) -> FastAPI:
    app = FastAPI(
        title="temoin",
        version=version("temoin"),
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        description="Events coded from French conflict reporting, read-only. Every list endpoint "
        "takes the same filters; the page keeps them in its URL.",
    )
    settings = Settings(config.database, config.tiles, config.tiles_attribution, vendor_ready())
    app.include_router(api_router(settings))
    app.add_exception_handler(StoreError, store_error)
    app.middleware("http")(Guard(config.token, config.tiles))
    # Added last, so outermost: oversized or too frequent requests are refused before anything else runs.
    app.add_middleware(LimitMiddleware, limits=config.limits, headers=security_headers(config.tiles))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return page("index.html")

    @app.get("/article", include_in_schema=False)
    def article() -> FileResponse:
        return page("article.html")

    @app.get("/merged", include_in_schema=False)
    def merged() -> FileResponse:
        return page("merged.html")

    return app
