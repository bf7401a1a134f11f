"""Typed records where the NLP meets storage: what ``temoin.analyze`` returns.

Field names follow the article-in, events-out contract (SCHEMA.md): ``to_dict``
gives exactly the JSON the contract describes, plus a few free extra fields.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Certainty = Literal["asserted", "attributed", "hedged"]
CERTAINTIES: tuple[Certainty, ...] = ("asserted", "attributed", "hedged")

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. ``published`` anchors relative dates; without it they stay null."""

    id: str
    text: str
    published: date | None = None
    title: str = ""
    url: str = ""
    outlet: str = ""
    lang: str = "fr"


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    country: str  # ISO 3166 alpha-3, or IGO / IMG / UNK
    sector: str  # PLOVER sector code
    text: str = ""  # the words in the article

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector, "text": self.text}


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str  # ISO 3166 alpha-2
    latitude: float
    longitude: float
    geo_precision: int  # ACLED: 1 town itself, 2 near a town / part of a region, 3 region
    place_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Place:
    """One resolved toponym mention."""

    text: str
    start: int
    end: int
    latitude: float
    longitude: float
    country: str
    feature: str
    name: str = ""
    place_id: str = ""
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str
    start: int
    end: int
    kind: str = "source"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    start: int
    end: int
    kind: str
    technique: str = ""  # SemEval-2023 Task 3 technique name
    neutral: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    text: str = ""


@dataclass(slots=True)
class Event:
    event_type: str
    sub_event_type: str
    event_date: date | None = None
    time_precision: int | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Location | None = None
    fatalities: int | None = None
    injuries: int | None = None
    sources: list[str] = field(default_factory=list)
    certainty: Certainty = "asserted"
    evidence: Evidence = field(default_factory=lambda: Evidence(0, 0))
    plover_type: str = ""
    trigger: str = ""
    notes: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "time_precision": self.time_precision,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "sources": list(self.sources),
            "certainty": self.certainty,
            "evidence": {"start": self.evidence.start, "end": self.evidence.end, "text": self.evidence.text},
            "plover_type": self.plover_type,
            "trigger": self.trigger,
            "notes": self.notes,
        }


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    """How an article frames its claims."""

    words: int
    claims: int
    attributed_share: float
    hedged_share: float
    labels_per_1000_words: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ArticleResult:
    article: Article
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    profile: LanguageProfile | None = None

    @property
    def id(self) -> str:
        return self.article.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.article.id,
            "published": self.article.published.isoformat() if self.article.published else None,
            "events": [e.to_dict() for e in self.events],
            "places": [p.to_dict() for p in self.places],
            "attributions": [a.to_dict() for a in self.attributions],
            "labels": [lb.to_dict() for lb in self.labels],
            "profile": self.profile.to_dict() if self.profile else None,
        }


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def actor_from_dict(data: dict[str, Any] | None) -> Actor | None:
    return Actor(data["name"], data["country"], data["sector"], data.get("text", "")) if data else None


def event_from_dict(data: dict[str, Any]) -> Event:
    loc = data.get("location")
    ev = data.get("evidence") or {}
    return Event(
        event_type=data["event_type"],
        sub_event_type=data["sub_event_type"],
        event_date=_date(data.get("event_date")),
        time_precision=data.get("time_precision"),
        actor1=actor_from_dict(data.get("actor1")),
        actor2=actor_from_dict(data.get("actor2")),
        location=Location(**loc) if loc else None,
        fatalities=data.get("fatalities"),
        injuries=data.get("injuries"),
        sources=list(data.get("sources") or []),
        certainty=data.get("certainty", "asserted"),
        evidence=Evidence(ev.get("start", 0), ev.get("end", 0), ev.get("text", "")),
        plover_type=data.get("plover_type", ""),
        trigger=data.get("trigger", ""),
        notes=data.get("notes", ""),
    )


def result_from_dict(data: dict[str, Any], article: Article | None = None) -> ArticleResult:
    """The inverse of ``ArticleResult.to_dict`` (the article's text is not part of it)."""
    article = article or Article(str(data["id"]), "", _date(data.get("published")))
    prof = data.get("profile")
    return ArticleResult(
        article,
        [event_from_dict(e) for e in data.get("events", [])],
        [Place(**p) for p in data.get("places", [])],
        [Attribution(**a) for a in data.get("attributions", [])],
        [Label(**lb) for lb in data.get("labels", [])],
        LanguageProfile(**prof) if prof else None,
    )
