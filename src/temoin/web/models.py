"""The JSON the API answers with, as pydantic models (they make its OpenAPI description)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Problem(BaseModel):
    detail: str = Field(description="Why the request was refused.")


class Config(BaseModel):
    version: str
    database: str = Field(description="The database's file name.")
    read_only: bool
    tiles: str | None = Field(None, description="URL template of the optional online tiles.")
    tiles_attribution: str = ""
    vendor: bool = Field(description="Whether the map's third-party files were built into the package.")


class Country(BaseModel):
    code: str
    name: str


class Facets(BaseModel):
    event_types: dict[str, list[str]] = Field(description="Each event type with its sub-types.")
    countries: list[Country]
    certainties: list[str]
    outlets: list[str]
    sources: list[str]
    first_date: str | None
    last_date: str | None


class EventRow(BaseModel):
    article_id: str
    index: int = Field(description="The event's position in its article.")
    title: str
    outlet: str
    published: str | None
    event: dict[str, Any] = Field(description="The event as the contract (SCHEMA.md) has it.")


class EventPage(BaseModel):
    total: int
    offset: int
    limit: int
    rows: list[EventRow]


class Point(BaseModel):
    article_id: str
    index: int
    latitude: float
    longitude: float
    event_type: str
    sub_event_type: str
    event_date: str | None
    location: str
    fatalities: int | None


class Points(BaseModel):
    points: list[Point]


class Day(BaseModel):
    date: str
    event_type: str
    count: int


class Timeline(BaseModel):
    days: list[Day]


class Span(BaseModel):
    start: int
    end: int
    kind: str = Field(description="event (its evidence), place, actor, source or label")
    label: str
    detail: str = ""
    event: int | None = Field(None, description="The event's index, for evidence and actors.")


class ArticleView(BaseModel):
    id: str
    title: str
    url: str
    outlet: str
    published: str | None
    text: str
    result: dict[str, Any] = Field(description="The stored result: events, places, attributions, labels...")
    spans: list[Span]
