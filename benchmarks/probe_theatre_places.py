"""How well temoin places the toponyms of French conflict reporting, theatre by theatre.

Usage: python benchmarks/probe_theatre_places.py [--fixture tests/fixtures/theatre_places.tsv]
       [--theatre sahel] [--failures] [--json out.json]

Each row of the fixture (a place name as French news writes it, its country, a French phrase
naming the country, and the point it should resolve near) is put in a short French sentence
of our own ("Des combats ont eu lieu à Izioum, en Ukraine, selon l'armée."), one of five
templates in turn, and analysed by ``temoin.api.Analyzer``. Per theatre it counts the names

- found: a resolved place of the result overlaps the name (``near`` placements included);
- resolved: that place is the name itself (not ``near`` another place) in the right country;
- within 25 km: and it lies within 25 km of the expected point.

``--failures`` lists every name that misses, with what the gazetteer holds for it: nothing
("not in gazetteer"), a candidate near the expected point that the ranking did not take
("ranking"), or only places elsewhere ("elsewhere only"). Rows whose source is
``curated cs:...`` have no public coordinate: for them the distance check only says that
the name reached its curated row. Runs offline; nothing of ../shared is read.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "theatre_places.tsv"
TOLERANCE_KM = 25.0
TEMPLATES = (
    "Des combats ont eu lieu à {name}, {where}, selon l'armée.",
    "Au moins cinq civils ont été tués mardi à {name}, {where}, selon des sources locales.",
    "Une frappe de drone a visé le marché {de}{name}, {where}, a indiqué un responsable local.",
    "Des hommes armés ont attaqué {name}, {where}, dans la nuit de samedi à dimanche.",
    "Des milliers d'habitants ont fui {name}, {where}, après plusieurs jours de bombardements.",
)


@dataclass(frozen=True)
class Row:
    theatre: str
    name: str
    country: str
    where: str
    latitude: float
    longitude: float
    source: str


@dataclass
class Outcome:
    row: Row
    sentence: str
    found: bool
    resolved: bool
    within: bool
    got: str  # what temoin chose: "<id> <name> <country> (<km> km)" or ""
    diagnosis: str


def read_fixture(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (ln for ln in fh if ln.strip() and not ln.startswith("#"))
        rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Row(
                r["theatre"],
                r["name"],
                r["country"],
                r["where"],
                float(r["latitude"]),
                float(r["longitude"]),
                r["source"],
            )
            for r in rows
        ]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def sentence(row: Row, index: int) -> str:
    first = unicodedata.normalize("NFKD", row.name[:1]).lower()[:1]
    de = "d'" if first in "aeiouy" else "de "
    return TEMPLATES[index % len(TEMPLATES)].format(name=row.name, where=row.where, de=de)


def probe(analyzer, row: Row, index: int) -> Outcome:  # type: ignore[no-untyped-def]
    text = sentence(row, index)
    start = text.index(row.name)
    end = start + len(row.name)
    result = analyzer.analyze(text, "2024-03-01")
    hits = [p for p in result.places if p.start < end and start < p.end]
    found = bool(hits)
    best = min(hits, key=lambda p: km(p.latitude, p.longitude, row.latitude, row.longitude)) if hits else None
    resolved = best is not None and best.feature != "near" and best.country == row.country
    distance = km(best.latitude, best.longitude, row.latitude, row.longitude) if best else math.inf
    within = resolved and distance <= TOLERANCE_KM
    got = f"{best.place_id} {best.name} {best.country} {best.feature} ({distance:.0f} km)" if best else ""
    return Outcome(row, text, found, resolved, within, got, "" if within else diagnose(analyzer, row))


def diagnose(analyzer, row: Row) -> str:  # type: ignore[no-untyped-def]
    candidates = analyzer.gazetteer.candidates(row.name)
    if not candidates:
        return "not in gazetteer"

    def distance(c) -> float:  # type: ignore[no-untyped-def]
        return km(c.place.latitude, c.place.longitude, row.latitude, row.longitude)

    near = [c for c in candidates if distance(c) <= TOLERANCE_KM]
    if near:
        c = near[0]
        return f"ranking: gazetteer has {c.place.id} {c.place.name} ({c.match} match on {c.form!r})"
    c = min(candidates, key=distance)
    return f"elsewhere only: nearest {c.place.id} {c.place.name} {c.place.country} at {distance(c):.0f} km ({c.match})"


def summary(outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = defaultdict(lambda: {"names": 0, "found": 0, "resolved": 0, "within_25km": 0})
    for o in outcomes:
        for key in ("", o.row.theatre):
            t = table[key or "ALL"]
            t["names"] += 1
            t["found"] += o.found
            t["resolved"] += o.resolved
            t["within_25km"] += o.within
    return dict(table)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fixture", type=Path, default=FIXTURE)
    parser.add_argument("--theatre", default="")
    parser.add_argument("--failures", action="store_true", help="list the names that miss, with a diagnosis")
    parser.add_argument("--json", type=Path, help="write every outcome and the summary here")
    args = parser.parse_args()

    from temoin.api import Analyzer

    analyzer = Analyzer()
    rows = [r for r in read_fixture(args.fixture) if not args.theatre or r.theatre == args.theatre]
    counters: dict[str, int] = defaultdict(int)
    outcomes = []
    for row in rows:
        outcomes.append(probe(analyzer, row, counters[row.theatre]))
        counters[row.theatre] += 1

    table = summary(outcomes)
    print("| theatre | names | found | resolved | within 25 km |")
    print("|---|---|---|---|---|")
    for theatre in [*sorted(k for k in table if k != "ALL"), "ALL"]:
        t = table[theatre]
        print(f"| {theatre} | {t['names']} | {t['found']} | {t['resolved']} | {t['within_25km']} |")
    if args.failures:
        print()
        for o in outcomes:
            if not o.within:
                print(f"- [{o.row.theatre}] {o.row.name} ({o.row.country}): got {o.got or 'nothing'}; {o.diagnosis}")
                print(f"    {o.sentence}")
    if args.json:
        payload = {
            "summary": table,
            "outcomes": [
                {
                    "theatre": o.row.theatre,
                    "name": o.row.name,
                    "country": o.row.country,
                    "sentence": o.sentence,
                    "found": o.found,
                    "resolved": o.resolved,
                    "within_25km": o.within,
                    "got": o.got,
                    "diagnosis": o.diagnosis,
                }
                for o in outcomes
            ],
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
