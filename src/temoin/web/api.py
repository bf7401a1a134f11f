"""The JSON API under /api: every list endpoint takes the same filters, as bound SQL parameters."""

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response
from pydantic import AfterValidator, BeforeValidator

from temoin.countries import country_lexicon
from temoin.records import CERTAINTIES, EVENT_TYPES, Certainty
from temoin.store import EventFilter
from temoin.web import models
from temoin.web.exports import MEDIA_TYPES, ExportFormat, export
from temoin.web.merged import MergeReader, merged_view
from temoin.web.queries import BBox, Database, Reader, Selection, SortKey
from temoin.web.spans import article_spans

MAX_PAGE = 1000
MAX_COUNTS_PAGE = 100  # each row may need its merged event: a page of the table, not of an export
MAX_INDEX = 10**9
MAX_OFFSET = 10**9  # SQLite's integers stop at 2**63 - 1: a larger offset would be a 500, not a 422
# One coordinate in range, as the page writes it (no exponent, no space, ASCII digits only).
LON = r"-?(?:180(?:\.0{1,12})?|(?:1[0-7][0-9]|[0-9]{1,2})(?:\.[0-9]{1,12})?)"
LAT = r"-?(?:90(?:\.0{1,12})?|[1-8]?[0-9](?:\.[0-9]{1,12})?)"
BBOX_PATTERN = rf"^{LON},{LAT},{LON},{LAT}$"
# Text filters may hold anything but NUL: SQLite's LIKE reads its pattern as a C string, so
# actor="\0" would become "%" and select every event with an actor.
TEXT = r"^[^\x00]*$"
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# What any endpoint may answer besides its own result and the 422 of its parameters.
REFUSALS: dict[int | str, dict[str, object]] = {
    code: {"model": models.Problem, "description": text}
    for code, text in (
        (400, "Refused: a Host header other than localhost without a token, or a bad request."),
        (401, "A token is needed (Authorization: Bearer, the temoin_token cookie, or ?token=)."),
        (413, "The request body is too large."),
        (414, "The query string is too long."),
        (429, "Too many requests from this client (see Retry-After)."),
        (503, "The database cannot be read."),
    )
}


@dataclass(frozen=True, slots=True)
class Settings:
    database: Database
    tiles: str | None = None
    tiles_attribution: str = ""
    vendor: bool = True


def iso_date(value: object) -> object:
    """Only ``YYYY-MM-DD``: pydantic alone would also read ``0`` or ``1700000000`` as Unix times."""
    if isinstance(value, str) and not ISO_DATE.fullmatch(value):
        raise ValueError("a date is YYYY-MM-DD")
    return value


IsoDate = Annotated[date | None, BeforeValidator(iso_date)]


def valid_bbox(value: str | None) -> str | None:
    """The pattern checks each coordinate; this checks that south <= north (a ValueError is a 422)."""
    if value:
        BBox.parse(value)
    return value


def text(description: str, alias: str | None = None) -> Any:
    return Query(alias=alias, description=description, pattern=TEXT)


def selection(
    event_type: Annotated[str | None, text("Event type or sub-type.", alias="type")] = None,
    subtype: Annotated[str | None, text("Sub-event type.")] = None,
    actor: Annotated[str | None, text("Part of an actor's name.")] = None,
    country: Annotated[str | None, text("ISO alpha-2 (location) or alpha-3 (actor).")] = None,
    since: Annotated[IsoDate, Query(description="First event date.")] = None,
    until: Annotated[IsoDate, Query(description="Last event date.")] = None,
    certainty: Annotated[Certainty | None, Query()] = None,
    source: Annotated[str | None, text("A source the event is attributed to.")] = None,
    outlet: Annotated[str | None, text("The outlet that published the article.")] = None,
    bbox: Annotated[
        str | None,
        Query(
            description="Map extent: west,south,east,north in degrees, "
            "south <= north; west > east crosses the antimeridian.",
            pattern=BBOX_PATTERN,
            json_schema_extra={"format": "bbox"},
        ),
        AfterValidator(valid_bbox),
    ] = None,
    article: Annotated[str | None, text("One article's id.")] = None,
) -> Selection:
    base = EventFilter(event_type or None, country or None, actor or None, since, until, article or None)
    return Selection(
        base, subtype or None, certainty, source or None, outlet or None, BBox.parse(bbox) if bbox else None
    )


Filters = Annotated[Selection, Depends(selection)]
Sort = Annotated[SortKey, Query(description="Column to sort by.")]
Order = Annotated[str, Query(pattern="^(asc|desc)$")]


def api_router(settings: Settings) -> APIRouter:
    router = APIRouter(prefix="/api", responses=REFUSALS)

    def reader() -> Iterator[Reader]:
        with settings.database.open() as store:
            yield Reader(store)

    Read = Annotated[Reader, Depends(reader)]

    @router.get("/config", response_model=models.Config)
    def config() -> models.Config:
        """What the page needs to know about this server."""
        return models.Config(
            version=version("temoin"),
            database=Path(settings.database.path).name,
            read_only=True,
            tiles=settings.tiles,
            tiles_attribution=settings.tiles_attribution,
            vendor=settings.vendor,
        )

    @router.get("/facets", response_model=models.Facets)
    def facets(db: Read) -> models.Facets:
        """The values the filters can take."""
        return facet_values(db)

    @router.get("/events", response_model=models.EventPage)
    def events(
        db: Read,
        sel: Filters,
        sort: Sort = "date",
        order: Order = "asc",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> models.EventPage:
        """One page of the selected events, sorted."""
        rows = db.rows(sel, sort, order == "desc", limit, offset)
        return models.EventPage(
            total=db.count(sel), offset=offset, limit=limit, rows=[models.EventRow(**asdict(r)) for r in rows]
        )

    @router.get("/points", response_model=models.Points)
    def points(db: Read, sel: Filters) -> models.Points:
        """Every selected event that has a location, for the map."""
        return models.Points(points=[models.Point(**asdict(p)) for p in db.points(sel)])

    @router.get("/timeline", response_model=models.Timeline)
    def timeline(db: Read, sel: Filters) -> models.Timeline:
        """Selected events per day and type."""
        days = [models.Day(date=d, event_type=t, count=n) for d, t, n in db.timeline(sel)]
        return models.Timeline(days=days)

    @router.get(
        "/export",
        response_class=Response,
        responses={200: {"content": {"text/csv": {}, "application/geo+json": {}, "application/x-ndjson": {}}}},
    )
    def download(
        db: Read, sel: Filters, format: ExportFormat = "acled-csv", sort: Sort = "date", order: Order = "asc"
    ) -> Response:
        """The selection as ACLED CSV, GeoJSON or JSON Lines (the formats of `temoin export`)."""
        media, ext = MEDIA_TYPES[format]
        return Response(
            export(db, sel, format, sort, order == "desc"),
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="temoin-events.{ext}"'},
        )

    @router.get(
        "/articles/{article_id:path}",
        response_model=models.ArticleView,
        responses={404: {"model": models.Problem, "description": "No article has this id."}},
    )
    def article(db: Read, article_id: str) -> models.ArticleView:
        """One article: its text, its stored result and the stretches of text to highlight."""
        result = db.article(article_id)
        if result is None:
            raise HTTPException(404, "no such article")
        a = result.article
        return models.ArticleView(
            id=a.id,
            title=a.title,
            url=a.url,
            outlet=a.outlet,
            published=a.published.isoformat() if a.published else None,
            text=a.text,
            result=result.to_dict(),
            spans=article_spans(result),
        )

    @router.get(
        "/merged",
        response_model=models.MergedView,
        responses={404: {"model": models.Problem, "description": "No article has this event."}},
    )
    def merged(
        db: Read,
        article: Annotated[str, text("The article's id.")],
        event: Annotated[int, Query(ge=0, le=MAX_INDEX, description="The event's position in it.")],
    ) -> models.MergedView:
        """The merged event this event belongs to: every article's report of it, and what they make together
        (range of tolls, independent outlets, who asserts what others only attribute)."""
        with db.snapshot():
            found = MergeReader(db.conn).merged((article, event))
            if found is None:
                raise HTTPException(404, "no such event")
            return merged_view(found, (article, event), db.article)

    @router.get("/merged/counts", response_model=models.MergedCounts)
    def merged_counts(
        db: Read,
        sel: Filters,
        sort: Sort = "date",
        order: Order = "asc",
        limit: Annotated[int, Query(ge=1, le=MAX_COUNTS_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> models.MergedCounts:
        """For one page of events (the parameters of /api/events): how many reports and outlets tell each."""
        with db.snapshot():
            reader = MergeReader(db.conn)
            rows = []
            for key in db.keys(sel, sort, order == "desc", limit, offset):
                reports, outlets = reader.counts(key)
                rows.append(models.MergedCount(article_id=key[0], index=key[1], reports=reports, outlets=outlets))
        return models.MergedCounts(rows=rows)

    return router


def point_dict(point: object) -> dict[str, object]:
    return {k: getattr(point, k) for k in models.Point.model_fields}


def facet_values(db: Reader) -> models.Facets:
    types: dict[str, list[str]] = {t: list(subs) for t, subs in EVENT_TYPES.items()}
    stored = db.conn.execute("SELECT DISTINCT event_type, sub_event_type FROM events ORDER BY 1, 2")
    for event_type, sub in stored:
        subs = types.setdefault(event_type, [])
        if sub not in subs:
            subs.append(sub)
    by_iso2 = country_lexicon().by_iso2
    countries = [models.Country(code=c, name=by_iso2[c].name_en if c in by_iso2 else c) for c in db.distinct("country")]
    first, last = db.conn.execute("SELECT min(event_date), max(event_date) FROM events").fetchone()
    return models.Facets(
        event_types=types,
        countries=sorted(countries, key=lambda c: c.name),
        certainties=[c for c in CERTAINTIES],
        outlets=db.distinct("outlet"),
        sources=db.distinct("source"),
        first_date=first,
        last_date=last,
    )
