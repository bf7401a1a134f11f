"""landmarks.tsv: the named landmarks of world and conflict news (palaces, parliaments, prisons, squares,
airports, holy sites...), row by row, and found in sentences of our own.

The rules are those of src/temoin/data/places/README.md: the columns of conflict_sites.tsv, ids unique
across the curated files, a coordinate from airportsdata or marked ``approx:`` against a cities500 anchor
that the row's point must agree with, no name that is a town's or another curated place's, no generic
word standing alone, and a few names deliberately shared by rows of different countries.
"""

from __future__ import annotations

import math
import re

import pytest

from temoin.resources import read_tsv, split_variants
from temoin.stages.places.gazetteer import CURATED_FILES, LANDMARK_FILE, curated_places
from temoin.stages.places.normalize import strict_key
from temoin.stages.places.ranking import _SITE_FEATURES, LANDMARK_FEATURES, km_between

from .test_curated_places import SITE_COLUMNS, cities, raw_rows

ROWS = list(read_tsv(LANDMARK_FILE))
FEATURES = LANDMARK_FEATURES | {"airbase", "base", "port", "mountain"}  # and these kinds of conflict_sites.tsv
CURATED = ("places/conflict_sites.tsv", "places/regions.tsv", "places/world_regions.tsv", LANDMARK_FILE)
# "approx: in central <city> (geonames:<id>), ..." or "approx: ~<N> km <DIR> of <city> (geonames:<id>), ..."
CENTRAL = re.compile(r"^approx: in central (?P<city>.+?) \(geonames:(?P<id>\d+)\), known position(; .+)?$")
OFFSET = re.compile(
    r"^approx: ~(?P<km>\d+) km (?P<dir>[NSEW]{1,3}) of (?P<city>.+?) \(geonames:(?P<id>\d+)\), known position(; .+)?$"
)
AIRPORTS = re.compile(r"^named public source: airportsdata \(ICAO [0-9A-Z]{4}, .+\)$")
DIRECTIONS = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"]
CENTRAL_KM = 3.0  # "in central <city>": this near the cities500 point
AIRPORT_KM = 30.0  # an airfield serves a town of cities500 this near at most (Riyadh's, Prince Sultan's are 26-27 km)
# Words that name a kind of place, never a landmark when alone.
GENERIC = {
    "parlement", "palais", "aeroport", "prison", "place", "stade", "mosquee", "cathedrale", "basilique",
    "eglise", "parc", "assemblee", "senat", "presidence", "chateau", "temple", "base", "camp", "square",
    "palace", "parliament", "airport", "stadium", "mosque", "park",
}  # fmt: skip
CITY_KM = 25.0  # an approx row lies this near its anchor city...
OUTSIDE_THE_CITY = {  # ... but for these sites, which lie outside any cities500 town: the offset is stated
    "cu-guantanamo-prison", "il-ketziot-prison", "ir-fordow", "ir-natanz-facility", "tr-imrali",
}  # fmt: skip
# Names that several rows share on purpose: the article's country and the other places decide (ranking.py).
SHARED_NAMES = {
    "place tahrir": {"eg-tahrir-square", "iq-tahrir-square"},
    "place des martyrs": {"lb-martyrs-square", "ly-martyrs-square", "dz-martyrs-square"},
    "place de la nation": {"fr-place-de-la-nation", "sn-place-de-la-nation", "bf-place-de-la-nation",
                           "td-place-de-la-nation"},
    "place de l independance": {"sn-place-de-lindependance", "ml-place-de-lindependance"},
    "palais du peuple": {"gn-palais-du-peuple", "cg-palais-du-peuple", "cd-palais-du-peuple"},
    "palais de la nation": {"be-palais-de-la-nation", "cd-palais-de-la-nation"},
    "palais republicain": {"iq-republican-palace", "sd-republican-palace"},
    "republican palace": {"iq-republican-palace", "sd-republican-palace"},
}  # fmt: skip


def forms(row: dict[str, str]) -> list[str]:
    return [row["name"], *split_variants(row["variants"])]


def test_the_file_parses_and_the_gazetteer_reads_it() -> None:
    rows = raw_rows(LANDMARK_FILE)
    assert rows[0] == SITE_COLUMNS, "the columns of conflict_sites.tsv"
    assert not [row[0] for row in rows[1:] if len(row) != len(SITE_COLUMNS)]
    assert 250 <= len(ROWS) <= 400
    assert LANDMARK_FILE in CURATED_FILES  # the index is rebuilt when the file changes
    ids = {place.id for place, _ in curated_places()}
    assert {"lm:gb-buckingham-palace", "lm:ir-evin-prison", "lm:ru-kremlin", "cs:sy-hmeimim-airbase"} <= ids


def test_landmark_kinds_rank_as_sites() -> None:
    assert LANDMARK_FEATURES <= _SITE_FEATURES
    assert {row["feature"] for row in ROWS} <= FEATURES


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_row(row: dict[str, str]) -> None:
    assert re.fullmatch(r"[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*", row["id"])
    assert row["id"][:2] == row["country"].lower()
    assert row["name"] and row["feature"] in FEATURES
    if row["variants"]:  # may be empty (the name is the only spelling); no empty variant otherwise
        assert all(v.strip() == v and v for v in row["variants"].split("|")), row["variants"]
    for value in (row["latitude"], row["longitude"]):
        assert re.fullmatch(r"-?\d+(\.\d{1,4})?", value), value
    precision = float(row["precision_km"])
    uncertain = "position uncertain" in row["coord_source"]
    assert (8 <= precision <= 50) if uncertain else (0 < precision <= 5), precision


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_point_agrees_with_its_source(row: dict[str, str]) -> None:
    """An approx row lies where its coord_source says, relative to its cities500 anchor (in the city, or the stated
    distance and direction from it); an airfield lies near a town of its country."""
    lat, lon = float(row["latitude"]), float(row["longitude"])
    source = row["coord_source"]
    if AIRPORTS.match(source):
        near = min(
            km_between(lat, lon, float(c["latitude"]), float(c["longitude"]))
            for c in cities().values()
            if c["countrycode"] == row["country"]
        )
        assert near <= AIRPORT_KM, f"{near:.0f} km from every town of {row['country']}"
        return
    match = CENTRAL.match(source) or OFFSET.match(source)
    assert match, source
    city = cities().get(int(match["id"]))
    assert city is not None and city["name"] == match["city"], f"geonames:{match['id']} is not {match['city']}"
    clat, clon = float(city["latitude"]), float(city["longitude"])
    distance = km_between(clat, clon, lat, lon)
    if "km" not in match.groupdict():
        assert distance <= CENTRAL_KM, f"{distance:.1f} km from {city['name']}"
        return
    stated = float(match["km"])
    assert abs(distance - stated) <= max(1.5, 0.1 * stated), f"{distance:.1f} km from {city['name']}, not ~{stated:.0f}"
    assert bearing_step(clat, clon, lat, lon, match["dir"]) <= 1, f"not {match['dir']} of {city['name']}"
    assert distance <= CITY_KM or row["id"] in OUTSIDE_THE_CITY, f"{distance:.0f} km from {city['name']}"


def bearing_step(lat1: float, lon1: float, lat2: float, lon2: float, direction: str) -> int:
    p = math.pi / 180
    y = math.sin((lon2 - lon1) * p) * math.cos(lat2 * p)
    x = math.cos(lat1 * p) * math.sin(lat2 * p) - math.sin(lat1 * p) * math.cos(lat2 * p) * math.cos((lon2 - lon1) * p)
    actual = int((((math.atan2(y, x) / p + 360) % 360) + 11.25) // 22.5) % 16
    step = abs(actual - DIRECTIONS.index(direction))
    return min(step, 16 - step)


def test_no_name_is_a_towns_or_another_curated_places() -> None:
    """A landmark that shares a town's name is listed only with its kind word or article ("palais de Buckingham",
    "la Maison-Blanche"): a name of a cities500 place, another curated row or a country is never a landmark's."""
    towns = {strict_key(str(n)) for c in cities().values() for n in (c["name"], c.get("asciiname")) if n}
    taken: dict[str, str] = {}
    for relative in CURATED[:-1]:
        for row in read_tsv(relative):
            for form in forms(row):
                taken[strict_key(form)] = row["id"]
    for row in read_tsv("actors/countries.tsv"):
        for form in [row["name_en"], row["name_fr"], *split_variants(row.get("aliases", ""))]:
            taken[strict_key(form)] = f"country {row['iso2']}"
    clashes = [
        (row["id"], form, taken.get(strict_key(form), "cities500"))
        for row in ROWS
        for form in forms(row)
        if strict_key(form) in towns or strict_key(form) in taken
    ]
    assert not clashes


def test_no_generic_word_stands_alone() -> None:
    bare = [(row["id"], form) for row in ROWS for form in forms(row) if strict_key(form) in GENERIC]
    assert not bare


def test_shared_names_are_the_listed_ones() -> None:
    owners: dict[str, set[str]] = {}
    for row in ROWS:
        for key in {strict_key(form) for form in forms(row)}:
            owners.setdefault(key, set()).add(row["id"])
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert shared == SHARED_NAMES


# Sentences of our own: the landmark is found, pinned to its row, and placed within 5 km of where it stands.
# The place's text is the landmark's name from its first capitalised word ("le palais de Buckingham" gives
# "Buckingham", placed at the palace): the name as the text gives it, found with its kind word.
PINNED = [
    (
        "Des centaines de partisans se sont réunis jeudi devant le palais de Buckingham, à Londres.",
        "Buckingham",
        "lm:gb-buckingham-palace",
        (51.501, -0.142),
    ),
    (
        "La militante a été renvoyée à la prison d'Evin, dans le nord de Téhéran, après son audience.",
        "Evin",
        "lm:ir-evin-prison",
        (35.798, 51.386),
    ),
    (
        "Les forces de l'ordre ont dispersé un rassemblement sur la place Tahrir, au Caire, samedi soir.",
        "place Tahrir",
        "lm:eg-tahrir-square",
        (30.044, 31.236),
    ),
    (
        "Le chef de l'État a accueilli son homologue chinois au Kremlin mardi.",
        "Kremlin",
        "lm:ru-kremlin",
        (55.752, 37.618),
    ),
    (
        "Une roquette est tombée à proximité de l'aéroport de Bagram, au nord de Kaboul.",
        "Bagram",
        "lm:af-bagram-airbase",
        (34.946, 69.265),
    ),
    (
        "Des syndicalistes ont manifesté devant la Casa Rosada, à Buenos Aires, contre la réforme.",
        "Casa Rosada",
        "lm:ar-casa-rosada",
        (-34.608, -58.370),
    ),
    (
        "Plusieurs détenus ont été transférés vers la prison centrale de Makala, à Kinshasa, selon une ONG.",
        "Makala",
        "lm:cd-makala-prison",
        (-4.370, 15.292),
    ),
    (
        "Les deux dirigeants se sont entretenus à la Maison-Blanche, à Washington, lundi.",
        "Maison-Blanche",
        "lm:us-white-house",
        (38.898, -77.037),
    ),
    (
        "Des manifestants ont occupé le Maïdan, dans le centre de Kiev, pendant plusieurs semaines.",
        "Maïdan",
        "lm:ua-maidan",
        (50.450, 30.523),
    ),
    (
        "Des milliers de Libanais se sont rassemblés sur la place des Martyrs, à Beyrouth.",
        "place des Martyrs",
        "lm:lb-martyrs-square",
        (33.896, 35.507),
    ),
]


@pytest.mark.parametrize(("text", "mention", "place_id", "point"), PINNED, ids=[m for _, m, _, _ in PINNED])
def test_landmark_in_a_sentence(analyzer, text: str, mention: str, place_id: str, point: tuple[float, float]) -> None:  # type: ignore[no-untyped-def]
    places = {p.text: p for p in analyzer.analyze(text, "2024-03-01").places}
    assert mention in places, {p.text: p.place_id for p in places.values()}
    found = places[mention]
    assert found.place_id == place_id
    assert km_between(found.latitude, found.longitude, *point) <= 5.0


def test_a_protest_at_a_landmark_is_placed_there_at_precision_1(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Des milliers de manifestants se sont rassemblés devant le palais de Buckingham, à Londres."
    events = analyzer.analyze(text, "2024-03-01").events
    assert events and events[0].location is not None
    assert events[0].location.place_id == "lm:gb-buckingham-palace"
    assert events[0].location.geo_precision == 1


def test_a_town_keeps_its_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    """The town of Buckingham stays the town: only "palais de Buckingham" names the palace."""
    text = "Des habitants de Buckingham, en Angleterre, ont signalé des inondations."
    found = {p.text: p.place_id for p in analyzer.analyze(text, "2024-03-01").places}
    assert found.get("Buckingham") == "gn:2654410"


def test_a_seat_standing_for_its_people_is_no_event_place(analyzer) -> None:  # type: ignore[no-untyped-def]
    """ "le chef du Kremlin" is Russia's president, not a place where something happened."""
    events = analyzer.analyze(
        "Le chef du Kremlin n'a manifesté aucun regret, selon son entourage.", "2024-03-01"
    ).events
    assert not any(e.location is not None and e.location.place_id == "lm:ru-kremlin" for e in events)
