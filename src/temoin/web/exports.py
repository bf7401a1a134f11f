"""Downloads of a selection in the formats of ``temoin export``: ACLED CSV, GeoJSON, JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Literal

from temoin.io.writers import ACLED_COLUMNS, acled_row, geojson_features, write_results
from temoin.records import Article, ArticleResult, event_from_dict
from temoin.web.queries import EventRow, Reader, Selection

ExportFormat = Literal["acled-csv", "geojson", "jsonl"]
MEDIA_TYPES: dict[str, tuple[str, str]] = {
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"),
}


def stub(row: EventRow) -> ArticleResult:
    """An article result holding just what the writers read for one event: its id and outlet."""
    article = Article(row.article_id, "", None, row.title, "", row.outlet)
    return ArticleResult(article, [event_from_dict(row.event)])


def acled_csv(rows: Iterable[EventRow]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    for row in rows:
        result = stub(row)
        writer.writerow(acled_row(result, row.index, result.events[0]))
    return out.getvalue()


def geojson(rows: Iterable[EventRow]) -> str:
    features = []
    for row in rows:
        for feature in geojson_features(stub(row)):
            feature["properties"]["index"] = row.index
            features.append(feature)
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n"


def jsonl(reader: Reader, rows: list[EventRow]) -> str:
    """One contract line per article with a selected event, holding only its selected events."""
    chosen: dict[str, set[int]] = {}
    for row in rows:
        chosen.setdefault(row.article_id, set()).add(row.index)
    results = []
    for article_id, indices in chosen.items():
        result = reader.article(article_id)
        if result is not None:
            result.events = [e for i, e in enumerate(result.events) if i in indices]
            results.append(result)
    out = io.StringIO()
    write_results(results, out, "jsonl")
    return out.getvalue()


def export(reader: Reader, sel: Selection, fmt: ExportFormat, sort: str, descending: bool) -> str:
    rows = reader.rows(sel, sort, descending)
    if fmt == "acled-csv":
        return acled_csv(rows)
    if fmt == "geojson":
        return geojson(rows)
    return jsonl(reader, rows)
