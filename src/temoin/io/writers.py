"""Writing results: the contract's JSON Lines, one CSV row per event, GeoJSON, ACLED CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from temoin.countries import country_lexicon
from temoin.exceptions import ExportError
from temoin.records import Actor, ArticleResult, Event

FORMATS = ("jsonl", "csv", "geojson", "acled-csv")
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
CSV_COLUMNS = [
    "article_id",
    "event_type",
    "sub_event_type",
    "event_date",
    "time_precision",
    "actor1",
    "actor1_country",
    "actor1_sector",
    "actor2",
    "actor2_country",
    "actor2_sector",
    "location",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "injuries",
    "sources",
    "certainty",
    "evidence_start",
    "evidence_end",
    "plover_type",
    "notes",
]
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence; Demonstrations",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def inter_code(actor: Actor | None, event: Event) -> int:
    """ACLED's actor-type code: 1 state forces, 2 rebels, 3 militias, 6 protesters, 7 civilians, 8 external."""
    if actor is None:
        return 0
    if actor.sector in {"MIL", "COP", "GOV"}:
        home = country_lexicon().by_iso2.get(event.location.country) if event.location else None
        return 8 if home is not None and home.iso3 != actor.country else 1
    if event.event_type == "Protests" and actor.sector == "CVL":
        return 6
    if event.event_type == "Riots" and actor.sector == "CVL":
        return 5
    return {"REB": 2, "UAF": 3, "CVL": 7, "REF": 7, "JRN": 7, "MED": 7, "NGO": 7, "IGO": 8}.get(actor.sector, 3)


def acled_row(result: ArticleResult, index: int, event: Event) -> dict[str, Any]:
    loc = event.location
    country = country_lexicon().by_iso2.get(loc.country) if loc else None
    inter1, inter2 = inter_code(event.actor1, event), inter_code(event.actor2, event)
    return {
        "event_id_cnty": f"{result.id}-{index + 1}",
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "year": event.event_date.year if event.event_date else "",
        "time_precision": event.time_precision or "",
        "disorder_type": DISORDER.get(event.event_type, ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else "",
        "assoc_actor_1": "",
        "inter1": inter1 or "",
        "actor2": event.actor2.name if event.actor2 else "",
        "assoc_actor_2": "",
        "inter2": inter2 or "",
        "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2 else inter1 * 10,
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
        "iso": "",
        "region": "",
        "country": country.name_en if country else "",
        "admin1": "",
        "admin2": "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": loc.latitude if loc else "",
        "longitude": loc.longitude if loc else "",
        "geo_precision": loc.geo_precision if loc else "",
        "source": "; ".join(event.sources) or result.article.outlet,
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities or 0,
        "tags": event.certainty,
        "timestamp": "",
    }


def csv_row(result: ArticleResult, event: Event) -> dict[str, Any]:
    def actor(a: Actor | None) -> list[str]:
        return [a.name, a.country, a.sector] if a else ["", "", ""]

    loc = event.location
    values = [
        result.id,
        event.event_type,
        event.sub_event_type,
        event.event_date.isoformat() if event.event_date else "",
        event.time_precision or "",
        *actor(event.actor1),
        *actor(event.actor2),
        loc.name if loc else "",
        loc.country if loc else "",
        loc.latitude if loc else "",
        loc.longitude if loc else "",
        loc.geo_precision if loc else "",
        "" if event.fatalities is None else event.fatalities,
        "" if event.injuries is None else event.injuries,
        "; ".join(event.sources),
        event.certainty,
        event.evidence.start,
        event.evidence.end,
        event.plover_type,
        event.notes,
    ]
    return dict(zip(CSV_COLUMNS, values, strict=True))


def geojson_features(result: ArticleResult) -> list[dict[str, Any]]:
    features = []
    for i, event in enumerate(result.events):
        if event.location is None:
            continue
        props = {
            "article_id": result.id,
            "index": i,
            **{k: v for k, v in event.to_dict().items() if k != "location"},
            "location": event.location.name,
            "geo_precision": event.location.geo_precision,
        }
        features.append(
            {
                "type": "Feature",
                "properties": props,
                "geometry": {"type": "Point", "coordinates": [event.location.longitude, event.location.latitude]},
            }
        )
    return features


def write_results(results: Iterable[ArticleResult], out: IO[str], fmt: str) -> int:
    """Write results in ``fmt``; returns the number of articles written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    count = 0
    if fmt == "jsonl":
        for result in results:
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    elif fmt in {"csv", "acled-csv"}:
        columns = ACLED_COLUMNS if fmt == "acled-csv" else CSV_COLUMNS
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        for result in results:
            for i, event in enumerate(result.events):
                writer.writerow(acled_row(result, i, event) if fmt == "acled-csv" else csv_row(result, event))
            count += 1
    else:
        features = []
        for result in results:
            features.extend(geojson_features(result))
            count += 1
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
        out.write("\n")
    return count
