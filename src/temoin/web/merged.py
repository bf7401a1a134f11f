"""The merged event an event belongs to (``temoin.merge``), read from the store for the web app.

``temoin events --merged`` merges every stored report at once. The app answers for one
event without doing that: two reports can share a merged event only when
``merge.compatible`` links them, a merged event's reports are pairwise compatible, and
whether a report fits a merged event depends only on reports compatible with it. So the
clusters of the whole sweep never cross a connected component of the compatibility
relation, and the sweep over one component alone gives that component's clusters
exactly. The app gathers the event's component breadth-first, one indexed query per
report (same type family, dates within ``MAX_DAYS``, a box of ``MAX_REGION_KM`` around
it; each candidate then checked with ``merge.compatible`` itself) and merges it alone.

A component is cut at ``MAX_REPORTS`` reports (only very dense data has such chains);
the answer then says ``complete: false``.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from temoin.merge import FAMILIES, MergedEvent, Report, compatible, merge_events, mergeable
from temoin.records import ArticleResult, Event, Label, event_from_dict
from temoin.web import models

MAX_DAYS = 2  # the defaults of merge.merge_events, as `temoin events --merged` uses them
MAX_KM = 25.0
MAX_REGION_KM = 100.0
MAX_REPORTS = 200
KM_PER_DEGREE = 110.574  # of latitude, at its shortest (the equator): the box is never too small

Key = tuple[str, int]  # (article id, event index)
REPORT_SQL = (
    "SELECT e.article_id, e.idx, a.outlet, e.data FROM events e JOIN articles a ON a.id = e.article_id "
    "WHERE e.article_id = ? AND e.idx = ?"
)


@dataclass(frozen=True, slots=True)
class Found:
    """The merged event of one report, and whether its whole component was read."""

    merged: MergedEvent
    keys: tuple[Key, ...]  # of its reports, in the order of ``merged.reports``
    complete: bool


def family_sql(event_type: str) -> tuple[str, list[object]]:
    """The event types of ``event_type``'s family (types outside ``FAMILIES`` form one family)."""
    family = FAMILIES.get(event_type)
    if family is None:
        known = list(FAMILIES)
        return f"e.event_type NOT IN ({', '.join('?' * len(known))})", list(known)
    members = [t for t, f in FAMILIES.items() if f == family]
    return f"e.event_type IN ({', '.join('?' * len(members))})", list(members)


def box_sql(event: Event) -> tuple[str, list[object]]:
    """A latitude/longitude box holding every point within ``MAX_REGION_KM`` (a superset; no longitude
    bound near the poles or across the antimeridian)."""
    assert event.location is not None
    lat, lon = event.location.latitude, event.location.longitude
    dlat = MAX_REGION_KM / KM_PER_DEGREE * 1.01 + 1e-6
    clause = "e.latitude BETWEEN ? AND ?"
    params: list[object] = [lat - dlat, lat + dlat]
    cos = math.cos(math.radians(min(89.0, abs(lat) + dlat)))
    dlon = dlat / cos
    if abs(lat) + dlat < 89.0 and lon - dlon >= -180.0 and lon + dlon <= 180.0:
        clause += " AND e.longitude BETWEEN ? AND ?"
        params += [lon - dlon, lon + dlon]
    return clause, params


def neighbour_sql(key: Key, event: Event) -> tuple[str, list[object]]:
    assert event.event_date is not None
    family, params = family_sql(event.event_type)
    box, box_params = box_sql(event)
    days = timedelta(days=MAX_DAYS)
    sql = (
        f"SELECT e.article_id, e.idx, a.outlet, e.data FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE {family} AND e.event_date BETWEEN ? AND ? AND {box} AND e.article_id <> ?"
    )
    when = event.event_date
    return sql, [*params, (when - days).isoformat(), (when + days).isoformat(), *box_params, key[0]]


@dataclass(slots=True)
class MergeReader:
    """Reports, their compatible neighbours and their merged events, cached for one request."""

    conn: sqlite3.Connection
    max_reports: int = MAX_REPORTS
    reports: dict[Key, Report] = field(default_factory=dict)
    links: dict[Key, list[Key]] = field(default_factory=dict)

    def keep(self, row: Any) -> Key:
        key = (str(row[0]), int(row[1]))
        if key not in self.reports:
            self.reports[key] = Report(key[0], row[2] or "", event_from_dict(json.loads(row[3])))
        return key

    def report(self, key: Key) -> Report | None:
        if key not in self.reports:
            row = self.conn.execute(REPORT_SQL, key).fetchone()
            if row is None:
                return None
            self.keep(row)
        return self.reports[key]

    def neighbours(self, key: Key) -> list[Key]:
        """The reports ``merge.compatible`` links to this one."""
        if key not in self.links:
            report = self.report(key)
            found: list[Key] = []
            if report is not None and mergeable(report):
                sql, params = neighbour_sql(key, report.event)
                for row in self.conn.execute(sql, params):
                    other = self.keep(row)
                    if compatible(report, self.reports[other], MAX_DAYS, MAX_KM, MAX_REGION_KM):
                        found.append(other)
            self.links[key] = found
        return self.links[key]

    def component(self, key: Key) -> tuple[list[Key], bool]:
        """The reports linked to ``key`` directly or through others (at most ``max_reports``); complete?"""
        seen, queue = {key}, deque([key])
        while queue:  # breadth-first: a cut component keeps the reports closest to ``key``
            for other in self.neighbours(queue.popleft()):
                if other not in seen:
                    if len(seen) >= self.max_reports:
                        return sorted(seen), False
                    seen.add(other)
                    queue.append(other)
        return sorted(seen), True  # in store order, as `temoin events --merged` reads them

    def merged(self, key: Key) -> Found | None:
        """The merged event ``key`` belongs to; None when there is no such event."""
        if self.report(key) is None:
            return None
        keys, complete = self.component(key)
        key_of = {id(self.reports[k]): k for k in keys}
        for event in merge_events([self.reports[k] for k in keys], MAX_DAYS, MAX_KM, MAX_REGION_KM):
            members = tuple(key_of[id(r)] for r in event.reports)
            if key in members:
                return Found(event, members, complete)
        raise AssertionError("merge_events dropped a report")  # every report ends in exactly one event

    def counts(self, key: Key) -> tuple[int, int]:
        """(reports, independent outlets) of ``key``'s merged event; a report without neighbours is alone."""
        report = self.report(key)
        if report is None:
            return 0, 0
        if not self.neighbours(key):
            return 1, 1
        found = self.merged(key)
        assert found is not None
        return len(found.keys), found.merged.outlet_count


def evidence_labels(text: str, event: Event, labels: list[Label]) -> list[tuple[Label, int | None, int | None]]:
    """The article's labels inside the event's evidence, with offsets into the evidence text when it is
    the article's text at those offsets (else None: the label is listed, not highlighted)."""
    ev = event.evidence
    exact = ev.end > ev.start and text[ev.start : ev.end] == ev.text
    inside = [lb for lb in labels if ev.start <= lb.start and lb.end <= ev.end and lb.start < lb.end]
    return [(lb, lb.start - ev.start if exact else None, lb.end - ev.start if exact else None) for lb in inside]


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def report_view(result: ArticleResult, key: Key, event: Event) -> models.MergedReport:
    a = result.article
    labels = [
        models.EvidenceLabel(
            text=lb.text, kind=lb.kind, technique=lb.technique, neutral=lb.neutral, start=start, end=end
        )
        for lb, start, end in evidence_labels(a.text, event, result.labels)
    ]
    return models.MergedReport(
        article_id=a.id,
        index=key[1],
        title=a.title,
        outlet=a.outlet,
        published=iso(a.published),
        url=a.url,
        event=event.to_dict(),
        labels=labels,
    )


def merged_view(found: Found, key: Key, load: Callable[[str], ArticleResult | None]) -> models.MergedView:
    """The API's answer: the merged event's summary and every report with its article's details."""
    m = found.merged
    reports = []
    for report_key, report in zip(found.keys, m.reports, strict=True):
        result = load(report_key[0])
        if result is not None:
            reports.append(report_view(result, report_key, report.event))
    return models.MergedView(
        article_id=key[0],
        index=key[1],
        event_type=m.event_type,
        sub_event_type=m.sub_event_type,
        first_date=iso(m.first_date),
        last_date=iso(m.last_date),
        location=m.location.to_dict() if m.location else None,
        actor1=m.actor1.to_dict() if m.actor1 else None,
        actor2=m.actor2.to_dict() if m.actor2 else None,
        fatalities_min=m.fatalities_min,
        fatalities_max=m.fatalities_max,
        outlets=list(m.outlets),
        asserting_outlets=list(m.asserting_outlets),
        attributing_outlets=list(m.attributing_outlets),
        asserted_vs_attributed=m.asserted_vs_attributed,
        complete=found.complete,
        reports=reports,
    )
