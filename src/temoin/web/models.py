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


class EvidenceLabel(BaseModel):
    text: str
    kind: str = Field(description="loaded, euphemism, hedge, quote...")
    technique: str = ""
    neutral: str = Field("", description="A neutral wording, when there is one.")
    start: int | None = Field(None, description="Offset in the evidence sentence (None: not located in it).")
    end: int | None = None


class MergedReport(BaseModel):
    article_id: str
    index: int = Field(description="The event's position in its article.")
    title: str
    outlet: str
    published: str | None
    url: str
    event: dict[str, Any] = Field(
        description="This report's event as the contract (SCHEMA.md) has it: date, "
        "place, toll, sources, certainty, evidence..."
    )
    labels: list[EvidenceLabel] = Field(description="The article's labels inside the evidence sentence.")


class MergedView(BaseModel):
    article_id: str = Field(description="The event asked for...")
    index: int = Field(description="...and its position in its article.")
    event_type: str
    sub_event_type: str
    first_date: str | None
    last_date: str | None
    location: dict[str, Any] | None = Field(description="The most precise report's location.")
    actor1: dict[str, Any] | None
    actor2: dict[str, Any] | None
    fatalities_min: int | None = Field(description="The lowest toll given by a report (None: no report gives one).")
    fatalities_max: int | None
    outlets: list[str] = Field(description="Independent outlets, as first spelt.")
    asserting_outlets: list[str] = Field(description="Outlets with a report stating the event as fact.")
    attributing_outlets: list[str] = Field(description="Outlets that only attribute it to a source or hedge.")
    asserted_vs_attributed: bool = Field(description="Some outlet asserts what another only attributes or hedges.")
    complete: bool = Field(description="False when the reports linked to this one were too many to read them all.")
    reports: list[MergedReport]


class MergedCount(BaseModel):
    article_id: str
    index: int
    reports: int = Field(description="Reports of the merged event this event belongs to (1: told once).")
    outlets: int = Field(description="Independent outlets among them.")


class MergedCounts(BaseModel):
    rows: list[MergedCount]
