"""The CLI: inputs of every kind, clear errors naming the input, stored results, documented commands."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from temoin.cli import cli

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "Mardi, des hommes armés ont attaqué le poste militaire de Djibo, au Burkina Faso, tuant au moins "
    "sept soldats, selon une source sécuritaire."
)


def run(*args: str, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=stdin)


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return str(tmp_path / "t.db")


def test_analyze_text_file_stores_and_lists(tmp_path: Path, db: str) -> None:
    src = tmp_path / "djibo.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("analyze", str(src), "--published", "2024-03-06", "-o", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["id"] == "djibo" and row["events"][0]["event_date"] == "2024-03-05"
    listed = run("events", "--db", db, "--country", "BF")
    assert "Djibo" in listed.output and "1 event(s)" in listed.output


def test_analyze_stdin(db: str) -> None:
    result = run("analyze", "-", "--published", "2024-03-06", "--db", db, stdin=ARTICLE.encode())
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["id"] == "stdin"


def test_bad_inputs_are_named_and_the_rest_goes_on(tmp_path: Path, db: str) -> None:
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text(
        json.dumps({"id": "ok", "text": ARTICLE, "published": "2024-03-06"})
        + "\n"
        + "{not json\n"
        + json.dumps({"id": "empty", "text": "  "})
        + "\n"
        + json.dumps(
            {
                "id": "english",
                "text": "The army said on Tuesday that the attack had been repelled "
                "and that the situation in the north of the country was now under control.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Des tirs ont été entendus à Ménaka.".encode("latin-1"))
    result = run("analyze", str(jsonl), str(binary), str(latin1), str(tmp_path / "missing.txt"), "--db", db)
    assert result.exit_code == 1
    err = result.stderr
    assert re.search(r"mixed\.jsonl:2: not valid JSON", err)
    assert "article empty: the article has no text" in err
    assert "article english: the text does not look French" in err
    assert "blob.txt: binary file" in err
    assert "latin1.txt: not valid UTF-8" in err
    assert "missing.txt: no such file" in err
    assert json.loads(result.stdout.splitlines()[0])["id"] == "ok"
    failures = run("failures", "--db", db)
    assert "6 failure(s)" in failures.stderr


def test_rerun_replaces_rather_than_duplicates(tmp_path: Path, db: str) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    for _ in range(2):
        assert run("analyze", str(src), "--published", "2024-03-06", "--db", db).exit_code == 0
    assert "1 event(s)" in run("events", "--db", db).stderr


def test_export_formats(tmp_path: Path, db: str) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    run("analyze", str(src), "--published", "2024-03-06", "--db", db)
    acled = run("export", "--db", db, "--format", "acled-csv").stdout
    assert acled.splitlines()[0].startswith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type")
    geo = json.loads(run("export", "--db", db, "--format", "geojson").stdout)
    assert geo["features"][0]["geometry"]["type"] == "Point"


def test_the_acled_export_writes_0_where_the_article_gives_no_figure(tmp_path: Path, db: str) -> None:
    src = tmp_path / "b.txt"
    src.write_text("Mardi, des hommes armés ont enlevé une vingtaine de passagers près de Kaduna.", encoding="utf-8")
    analyzed = run("analyze", str(src), "--published", "2024-03-06", "--db", db)
    assert json.loads(analyzed.stdout.splitlines()[0])["events"][0]["fatalities"] is None  # SCHEMA.md: null
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--format", "acled-csv").stdout)))
    assert [row["fatalities"] for row in rows] == ["0"]  # ACLED's convention


def test_unknown_database_error_is_clear(tmp_path: Path) -> None:
    not_db = tmp_path / "x.db"
    not_db.write_bytes(b"this is not sqlite at all" * 100)
    result = run("events", "--db", str(not_db))
    assert result.exit_code == 2 and "cannot open the database" in result.stderr


def commands(group, prefix: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    names = []
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        names += commands(command, f"{full} ") if hasattr(command, "commands") else [full]
    return names


@pytest.mark.parametrize("command", commands(cli))
def test_every_command_is_documented_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"temoin {command}" in readme, f"README does not document `temoin {command}`"


def test_events_merged_across_outlets(tmp_path: Path, db: str) -> None:
    articles = tmp_path / "two.jsonl"
    rows = [
        {"id": "a", "outlet": "Agence A", "published": "2024-03-06", "text": ARTICLE},
        {
            "id": "b",
            "outlet": "Journal B",
            "published": "2024-03-06",
            "text": "Des jihadistes ont attaqué mardi un poste de l'armée à Djibo, au Burkina Faso. "
            "Dix soldats ont été tués, selon l'AIB.",
        },
    ]
    articles.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    assert run("analyze", str(articles), "--db", db).exit_code == 0
    assert "2 event(s)" in run("events", "--db", db).stderr
    merged = run("events", "--db", db, "--merged")
    assert "1 merged event(s)" in merged.stderr
    assert "7-10" in merged.stdout and "Djibo" in merged.stdout
