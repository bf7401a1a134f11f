"""``temoin gazetteer import``: GeoNames dump files into a gazetteer index.

Reads GeoNames' own tab-separated format (allCountries.zip, per-country zips
such as SY.zip, or their .txt), 19 columns per row, and admin1CodesASCII.txt
for the names of first-level regions. Rows replace rows with the same
GeoNames id, so importing SY.zip over the embedded index adds every village.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

from temoin.exceptions import GazetteerError
from temoin.stages.places.gazetteer import (
    GazPlace,
    add_places,
    create_index,
    default_index_path,
    open_gazetteer,
    populated_feature,
)

COLUMNS = 19
FEATURE_CODES = {
    "ADM1": "region",
    "ADM2": "district",
    "ADM3": "district",
    "PCLI": "country",
    "AIRB": "airbase",
    "AIRF": "airbase",
    "AIRP": "airport",
    "CMP": "camp",
    "CMPRF": "camp",
    "INSM": "base",
    "MILB": "base",
    "OILF": "oil_field",
    "GASF": "gas_field",
    "BDG": "crossing",
    "PSTB": "crossing",
    "PLN": "plain",
    "VAL": "valley",
    "FRST": "forest",
    "MT": "mountain",
    "MTS": "mountain",
    "DSRT": "desert",
    "LK": "lake",
    "STM": "river",
    "ISL": "island",
    "DAM": "dam",
    "PRT": "port",
    "PRN": "prison",
    "MN": "mine",
    "PPLX": "neighbourhood",
    "RGN": "region",
    "AREA": "region",
}


def feature_of(feature_class: str, feature_code: str, population: int) -> str:
    if feature_code in FEATURE_CODES:
        return FEATURE_CODES[feature_code]
    if feature_class == "P":
        return populated_feature(population)
    return {"A": "district", "H": "river", "L": "region", "T": "mountain", "V": "forest", "S": "site"}.get(
        feature_class, "site"
    )


def parse_rows(lines: Iterator[str], source: str) -> Iterator[tuple[GazPlace, list[str]]]:
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != COLUMNS:
            raise GazetteerError(f"{source}:{number}: {len(cols)} columns, GeoNames rows have {COLUMNS}")
        try:
            population = int(cols[14] or 0)
            place = GazPlace(
                f"gn:{int(cols[0])}",
                cols[1],
                cols[8],
                float(cols[4]),
                float(cols[5]),
                population,
                feature_of(cols[6], cols[7], population),
                "geonames",
            )
        except ValueError as exc:
            raise GazetteerError(f"{source}:{number}: not a GeoNames row ({exc})") from exc
        yield place, [cols[2], *[a for a in cols[3].split(",") if a]]


def dump_lines(path: Path) -> Iterator[tuple[str, Iterator[str]]]:
    """(name, lines) of each GeoNames table in a .txt or .zip file."""
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as zf:
                for member in zf.namelist():
                    if member.endswith(".txt") and not member.lower().startswith("readme"):
                        with zf.open(member) as raw:
                            yield f"{path}!{member}", io.TextIOWrapper(raw, encoding="utf-8")
        except zipfile.BadZipFile as exc:
            raise GazetteerError(f"{path}: not a zip file ({exc})") from exc
        return
    with path.open(encoding="utf-8") as fh:
        yield str(path), fh


def import_files(files: list[Path], index: Path) -> int:
    """Import GeoNames files into ``index`` (created if missing); returns places added."""
    if not index.exists():
        create_index(index).close()
    conn = sqlite3.connect(index)
    total = 0
    try:
        for path in files:
            if not path.exists():
                raise GazetteerError(f"{path}: no such file")
            for name, lines in dump_lines(path):
                if Path(name.split("!")[-1]).name.lower().startswith("admin1codes"):
                    continue  # names only: regions come with coordinates as ADM1 rows of the dumps
                with conn:
                    total += add_places(conn, parse_rows(lines, name))
        with conn:
            conn.execute("CREATE INDEX IF NOT EXISTS names_key ON names (key, kind)")
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"not UTF-8 text ({exc})") from exc
    finally:
        conn.close()
    open_gazetteer.cache_clear()
    return total


def full_index_path() -> Path:
    return default_index_path().with_name("gazetteer-full.sqlite")


def import_into_full_index(files: list[Path], index: Path | None = None) -> tuple[Path, int]:
    """Import into ``index`` (created from the dumps alone if missing), by default into the full
    index: a copy of the embedded index kept beside it and used from then on."""
    target = index or full_index_path()
    if index is None and not target.exists():
        embedded = open_gazetteer("").path
        shutil.copyfile(embedded, target)
    return target, import_files(files, target)


def build_index_from_tsv(path: Path, index: Path) -> Path:
    """A small index from one GeoNames-format file (the tests' tiny gazetteer)."""
    index.unlink(missing_ok=True)
    import_files([path], index)
    return index
