"""CSV input: named columns, delimiters, bad rows named file.csv:LINE with the rest read, limits, no crash."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from temoin.cli import cli
from temoin.exceptions import InputError
from temoin.io.csv_reader import read_csv
from temoin.io.options import CsvColumns, ReadOptions
from temoin.io.readers import InputFailure, read_inputs
from temoin.records import Article

FIXTURE = Path(__file__).parent / "fixtures" / "inputs" / "articles.csv"
MAPPING = "id=ref,text=corps,title=titre,date=date_pub,url=lien,outlet=journal"
TEXT = "Des tirs ont été entendus dans la nuit à Ménaka, selon des habitants de la ville."


def read(data: bytes, columns: CsvColumns | None = None, max_bytes: int = 1 << 20) -> list[Article | InputFailure]:
    return list(read_csv(io.BufferedReader(io.BytesIO(data)), "in.csv", None, max_bytes, columns or CsvColumns()))


def reasons(items: list[Article | InputFailure]) -> list[str]:
    return [str(i.error) for i in items if isinstance(i, InputFailure)]


def test_named_columns_map_to_article_fields_and_bad_rows_are_named() -> None:
    items = list(read_inputs([str(FIXTURE)], options=ReadOptions(columns=CsvColumns.parse(MAPPING))))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in articles] == ["g-1", "g-2", "g-6"]
    first = articles[0]
    assert first.title == "Combats près de Djibo" and first.published == date(2024, 3, 7)
    assert first.url == "https://exemple.example/g-1" and first.outlet == "La Gazette du Faso"
    assert "sécuritaire; au moins" in first.text  # the delimiter inside quotes stays text
    assert "\nLa police" in articles[1].text  # a quoted line break
    assert reasons(items) == [
        f"{FIXTURE}:5: 8 fields where the header has 6",
        f"{FIXTURE}:6: the id is empty",
        f"{FIXTURE}:7: published 'le 10 mars' is not an ISO date (YYYY-MM-DD)",
    ]


def test_default_columns_commas_and_a_byte_order_mark() -> None:
    data = ('\ufeffid,text,published\na,"' + TEXT + '",2024-01-02\n').encode()
    [article] = read(data)
    assert isinstance(article, Article) and article.id == "a" and article.text == TEXT
    assert article.published == date(2024, 1, 2)


def test_tabs_and_header_names_in_another_case() -> None:
    [article] = read(f"ID\tText\tTitle\nb\t{TEXT}\tTitre\n".encode())
    assert isinstance(article, Article) and (article.id, article.title) == ("b", "Titre")


def test_without_an_id_column_rows_are_named_by_their_line() -> None:
    items = read(f'text\n"{TEXT}"\n\n"{TEXT}"\n'.encode())
    assert [i.id for i in items if isinstance(i, Article)] == ["in-2", "in-4"]


def test_a_missing_column_fails_the_file_naming_the_columns() -> None:
    [failure] = read(b"ref,corps\n1,texte\n", CsvColumns.parse("id=ref,text=body"))
    assert str(failure.error if isinstance(failure, InputFailure) else "") == (
        "in.csv: no column 'body' for the text (columns: 'ref', 'corps'); see --csv-columns"
    )


def test_unknown_fields_in_the_column_option_are_refused() -> None:
    with pytest.raises(InputError, match="unknown field 'body'"):
        CsvColumns.parse("body=texte")
    with pytest.raises(InputError, match="is not FIELD=COLUMN"):
        CsvColumns.parse("text")


def test_bad_bytes_and_broken_quotes_are_named_and_the_rest_is_read() -> None:
    data = b'id,text\n1,"' + TEXT.encode() + b'"\n2,caf\xe9\n3,"ok "x" bad"\n4,"' + TEXT.encode() + b'"\n'
    items = read(data)
    assert [i.id for i in items if isinstance(i, Article)] == ["1", "4"]
    assert reasons(items)[0] == "in.csv:3: not valid UTF-8 (byte 5)"
    assert reasons(items)[1].startswith("in.csv:4: not readable as CSV")


def test_a_row_over_the_limit_is_skipped_and_the_next_rows_are_read() -> None:
    data = b"id,text\n1,short\n2," + b"x" * 500 + b'\n3,"never closed\n' + b"y" * 300 + b"\n"
    items = read(data, max_bytes=200)
    assert reasons(items) == [
        "in.csv:3: row longer than 200 bytes, the input limit; skipped",
        "in.csv:4: row longer than 200 bytes, the input limit; skipped",
    ]
    assert [i.id for i in items if isinstance(i, Article)] == ["1"]


def test_fields_longer_than_the_csv_module_default_are_read() -> None:
    long_text = (TEXT + " ") * 3000  # over 131,072 characters, the csv module's default field limit
    [article] = read(f'id,text\nlong,"{long_text}"\n'.encode(), max_bytes=1 << 22)
    assert isinstance(article, Article) and article.text == long_text


def test_a_binary_or_empty_file_is_one_failure() -> None:
    assert reasons(read(b"\x00\x01PK")) == ["in.csv: binary file, not CSV"]
    assert reasons(read(b"")) == ["in.csv: no header row"]


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.lists(
            st.lists(
                st.sampled_from(["id", "text", "a", '"', '""', ",", ";", "\t", "\r", "é", "\x00", "x" * 40]),
                max_size=12,
            ).map("".join),
            max_size=8,
        ).map(lambda rows: "\n".join(rows).encode("utf-8", "surrogatepass")),
    ),
    st.sampled_from([1, 16, 64, 1 << 20]),
)
def test_read_csv_never_raises_and_every_refusal_names_its_line(data: bytes, max_bytes: int) -> None:
    for item in read(data, max_bytes=max_bytes):
        if isinstance(item, InputFailure):
            assert isinstance(item.error, InputError)
            assert str(item.error).startswith(item.source + ": ") and item.source.startswith("in.csv")
            str(item.error).encode("utf-8")
        else:
            assert isinstance(item, Article)
            for value in (item.id, item.text, item.title, item.url, item.outlet):
                value.encode("utf-8")


def test_cli_analyze_and_batch_read_csv_with_named_columns(tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text(
        "ref;corps;date_pub\n"
        "k-1;Mardi, des hommes armés ont attaqué le poste militaire de Djibo, au Burkina Faso, tuant au moins "
        "sept soldats, selon une source sécuritaire.;2024-03-06\n"
        "k-2;The army said the attack had been repelled and that the situation was under control.;2024-03-06\n",
        encoding="utf-8",
    )
    options = ["--csv-columns", "id=ref,text=corps,date=date_pub"]
    result = CliRunner().invoke(cli, ["analyze", str(data), "--no-store", *options])
    assert result.exit_code == 1
    assert json.loads(result.stdout.splitlines()[0])["id"] == "k-1"
    assert "article k-2: the text does not look French: the language looks like English" in result.stderr
    db = tmp_path / "b.db"
    batch = CliRunner().invoke(cli, ["batch", str(data), "--db", str(db), "--workers", "0", "--no-progress", *options])
    assert batch.exit_code == 1 and "1 article(s) analysed, 1 failed" in batch.stderr
    bad = CliRunner().invoke(cli, ["analyze", str(data), "--csv-columns", "body=x"])
    assert bad.exit_code == 2 and "unknown field 'body'" in bad.output
