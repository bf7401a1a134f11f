"""Fuzz the CSV reader on arbitrary bytes.

    python fuzz/fuzz_csv.py -runs=100000 -dict=fuzz/csv.dict fuzz/seeds/csv

The first byte picks the row limit (small limits reach the oversize paths with short
inputs) and whether the columns are named. Every row must give an article or a failure
named ``file.csv:LINE``, never an exception (see properties.py).
"""

from __future__ import annotations

import io
import sys

import atheris

with atheris.instrument_imports(include=["temoin"]):  # properties.py sits beside this script
    from properties import check_items

    from temoin.io.csv_reader import read_csv
    from temoin.io.options import CsvColumns
    from temoin.io.readers import MAX_BYTES, InputFailure

LIMITS = [MAX_BYTES, 1, 7, 64, 300]
NAMED = CsvColumns.parse("id=ref,text=corps,date=quand")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    limit, columns = LIMITS[data[0] % len(LIMITS)], NAMED if data[0] & 0x80 else CsvColumns()
    items = list(read_csv(io.BufferedReader(io.BytesIO(data[1:])), "in.csv", None, limit, columns))
    check_items(items)
    for item in items:
        if isinstance(item, InputFailure):
            assert item.source.startswith("in.csv"), item


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
