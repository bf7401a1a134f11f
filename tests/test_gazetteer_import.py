"""`temoin gazetteer import`: GeoNames dump files, plain or zipped, into an index."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from temoin.cli import cli
from temoin.exceptions import GazetteerError
from temoin.stages.places.gazetteer import SQLiteGazetteer
from temoin.stages.places.importer import import_files

FIXTURE = Path(__file__).parent / "fixtures" / "tiny_gazetteer.tsv"


def test_import_plain_dump(tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite"
    assert import_files([FIXTURE], index) == 8
    gaz = SQLiteGazetteer(index)
    place = gaz.place("gn:9000003")
    assert place is not None and place.name == "Djibo" and place.country == "BF"


def test_import_zipped_dump_like_geonames_country_files(tmp_path: Path) -> None:
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(FIXTURE, "SY.txt")
        zf.writestr("readme.txt", "not data")
    index = tmp_path / "index.sqlite"
    assert import_files([archive], index) == 8
    assert SQLiteGazetteer(index).candidates("Tell Tamer")[0].place.id == "gn:9000001"


def test_a_malformed_row_is_named_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("1\tonly\tthree\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad.txt:1: 3 columns"):
        import_files([bad], tmp_path / "index.sqlite")


def test_cli_import_into_a_chosen_index(tmp_path: Path) -> None:
    index = tmp_path / "full.sqlite"
    result = CliRunner().invoke(cli, ["gazetteer", "import", str(FIXTURE), "--index", str(index)])
    assert result.exit_code == 0, result.output
    assert "8 place(s) imported" in result.output
    missing = CliRunner().invoke(cli, ["gazetteer", "import", str(tmp_path / "nope.zip"), "--index", str(index)])
    assert missing.exit_code == 2 and "no such file" in missing.output
