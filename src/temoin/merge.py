"""Cross-article event merging: reports of the same event, from several articles, become one event.

Two reports are of the same event when they come from different articles and
have the same type family (see ``FAMILIES``), dates at most ``max_days`` apart,
locations at most ``max_km`` apart (``max_region_km`` when either is only
placed at region level, ACLED geo-precision 3) and compatible actors (the same
actor, in either role, or one side unknown or unidentified; two state forces
of one country and sector count as the same actor). A report without a
date or a location is never merged: it stays an event of its own.

Clustering is complete-linkage: a report joins a merged event only if it
matches every report already in it, and the closest such event wins; reports
are taken in date order, so the work stays linear in practice.

Each report keeps its own toll, sources and certainty; the merged event shows
the range of tolls, the independent outlets, and whether an outlet asserts what
others only attribute or hedge::

    from temoin.merge import merge_events, reports_from_results
    merged = merge_events(reports_from_results(store.results()))
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from temoin.records import Actor, ArticleResult, Event, Location

FAMILIES: dict[str, str] = {
    "Battles": "armed violence",
    "Violence against civilians": "armed violence",  # outlets disagree whether the victims were combatants
    "Explosions/Remote violence": "remote violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic developments",
}
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class Report:
    """One article's account of an event."""

    article_id: str
    outlet: str
    event: Event

    @property
    def outlet_key(self) -> str:
        """The outlet, folded; an article with no outlet counts as an outlet of its own."""
        return fold(self.outlet) or f"article:{self.article_id}"


@dataclass(frozen=True, slots=True)
class MergedEvent:
    event_type: str
    sub_event_type: str
    first_date: date | None  # None only for a lone report without a date
    last_date: date | None
    location: Location | None  # the most precise report's; None only for a lone report without one
    actor1: Actor | None
    actor2: Actor | None
    reports: tuple[Report, ...]
    fatalities_min: int | None  # over the reports that give a toll
    fatalities_max: int | None
    outlets: tuple[str, ...]  # independent outlets, as first spelt
    asserting_outlets: tuple[str, ...]  # outlets with at least one report stating it as fact
    attributing_outlets: tuple[str, ...]  # outlets that only attribute or hedge

    @property
    def outlet_count(self) -> int:
        return len(self.outlets)

    @property
    def asserted_vs_attributed(self) -> bool:
        """Some outlet asserts what another only attributes to a source or hedges."""
        return bool(self.asserting_outlets) and bool(self.attributing_outlets)


@dataclass(slots=True)
class _Cluster:
    reports: list[Report] = field(default_factory=list)

    @property
    def first_date(self) -> date:
        return min(r.event.event_date for r in self.reports if r.event.event_date)


@lru_cache(maxsize=2**16)  # actor names and outlets, compared again and again: fold each once
def fold(text: str) -> str:
    """Lowercase, without accents, words separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())


def distance_km(a: Location, b: Location) -> float:
    """Great-circle distance (haversine)."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


STATE_SECTORS = frozenset({"MIL", "COP", "GOV"})


def is_unknown(actor: Actor | None) -> bool:
    return actor is None or not actor.name or actor.name.startswith("Unidentified")


def same_actor(a: Actor | None, b: Actor | None) -> bool:
    if is_unknown(a) or is_unknown(b):
        return True
    assert a is not None and b is not None
    if fold(a.name) == fold(b.name):
        return True
    # "l'armée malienne" and "les FAMa" may be named differently: same state, same kind of force
    return a.sector in STATE_SECTORS and (a.country, a.sector) == (b.country, b.sector)


def actors_compatible(a: Event, b: Event) -> bool:
    straight = same_actor(a.actor1, b.actor1) and same_actor(a.actor2, b.actor2)
    return straight or (same_actor(a.actor1, b.actor2) and same_actor(a.actor2, b.actor1))


def close_in_space(a: Location, b: Location, max_km: float, max_region_km: float) -> bool:
    limit = max_region_km if max(a.geo_precision, b.geo_precision) >= 3 else max_km
    return distance_km(a, b) <= limit


def compatible(a: Report, b: Report, max_days: int, max_km: float, max_region_km: float) -> bool:
    """Could ``a`` and ``b`` report the same event?"""
    ea, eb = a.event, b.event
    if a.article_id == b.article_id or FAMILIES.get(ea.event_type) != FAMILIES.get(eb.event_type):
        return False
    if not (ea.event_date and eb.event_date and ea.location and eb.location):
        return False
    if abs((ea.event_date - eb.event_date).days) > max_days:
        return False
    return close_in_space(ea.location, eb.location, max_km, max_region_km) and actors_compatible(ea, eb)


def mergeable(report: Report) -> bool:
    return report.event.event_date is not None and report.event.location is not None


def merge_events(
    reports: Iterable[tuple[str, str, Event] | Report],
    max_days: int = 2,
    max_km: float = 25.0,
    max_region_km: float = 100.0,
) -> list[MergedEvent]:
    """Merge (article id, outlet, event) reports of the same event; every report ends in exactly one event.

    The result is ordered by first date (undated last), then by the first report's article id.
    """
    items = [r if isinstance(r, Report) else Report(*r) for r in reports]
    clusters = [_Cluster([r]) for r in items if not mergeable(r)]
    active: list[_Cluster] = []
    placeable = sorted((r for r in items if mergeable(r)), key=lambda r: (r.event.event_date, r.article_id))
    for report in placeable:
        when = report.event.event_date
        assert when is not None
        clusters += [c for c in active if (when - c.first_date).days > max_days]  # can take no more
        active = [c for c in active if (when - c.first_date).days <= max_days]
        target = best_cluster(active, report, max_days, max_km, max_region_km)
        if target is None:
            active.append(_Cluster([report]))
        else:
            target.reports.append(report)
    merged = [summarise(c.reports) for c in clusters + active]
    return sorted(merged, key=lambda m: (m.first_date or date.max, m.reports[0].article_id))


def best_cluster(
    clusters: list[_Cluster], report: Report, max_days: int, max_km: float, max_region_km: float
) -> _Cluster | None:
    """The closest cluster every member of which is compatible with ``report``."""
    fits = [c for c in clusters if all(compatible(report, r, max_days, max_km, max_region_km) for r in c.reports)]
    if not fits:
        return None
    assert report.event.location is not None
    where = report.event.location
    return min(fits, key=lambda c: max(distance_km(where, r.event.location) for r in c.reports if r.event.location))


def majority(values: list[str]) -> str:
    """The most common value; ties go to the earliest."""
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def representative_actor(actors: list[Actor | None]) -> Actor | None:
    known = [a for a in actors if a is not None and not is_unknown(a)]
    return known[0] if known else next((a for a in actors if a is not None), None)


def outlet_stances(reports: list[Report]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(outlets, asserting outlets, only-attributing outlets), each in first-seen order."""
    names: dict[str, str] = {}
    asserting: set[str] = set()
    for r in reports:
        names.setdefault(r.outlet_key, r.outlet or r.outlet_key)
        if r.event.certainty == "asserted":
            asserting.add(r.outlet_key)
    outlets = tuple(names.values())
    return (
        outlets,
        tuple(n for k, n in names.items() if k in asserting),
        tuple(n for k, n in names.items() if k not in asserting),
    )


def summarise(reports: list[Report]) -> MergedEvent:
    events = [r.event for r in reports]
    event_type = majority([e.event_type for e in events])
    sub_type = majority([e.sub_event_type for e in events if e.event_type == event_type])
    dates = [e.event_date for e in events if e.event_date]
    located = sorted((e.location for e in events if e.location), key=lambda loc: loc.geo_precision)
    tolls = [e.fatalities for e in events if e.fatalities is not None]
    outlets, asserting, attributing = outlet_stances(reports)
    return MergedEvent(
        event_type,
        sub_type,
        min(dates, default=None),
        max(dates, default=None),
        located[0] if located else None,
        representative_actor([e.actor1 for e in events]),
        representative_actor([e.actor2 for e in events]),
        tuple(reports),
        min(tolls) if tolls else None,
        max(tolls) if tolls else None,
        outlets,
        asserting,
        attributing,
    )


def reports_from_results(results: Iterable[ArticleResult]) -> list[Report]:
    """Every event of every result as a report, with its article's outlet (e.g. ``store.results()``)."""
    return [Report(r.article.id, r.article.outlet, e) for r in results for e in r.events]
