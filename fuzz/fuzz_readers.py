"""Fuzz the input readers: JSON Lines, .txt files and stdin, on arbitrary bytes.

    python fuzz/fuzz_readers.py -runs=100000 -dict=fuzz/readers.dict fuzz/seeds/readers

The first byte picks the reader and the input limit (small limits reach the oversize paths
with short inputs). Every input must give an article or a named failure per line, never an
exception, and everything returned must be writable as UTF-8 (see properties.py).
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["temoin"]):  # properties.py sits beside this script
    from properties import answered_lines, check_items

    from temoin.io.readers import MAX_BYTES, read_jsonl, read_path, read_stdin
    from temoin.records import Article

LIMITS = [MAX_BYTES, 1, 7, 64, 300]
TMP = Path(tempfile.mkdtemp(prefix="temoin-fuzz-"))


def test_one_input(data: bytes) -> None:
    if not data:
        return
    mode, limit, body = data[0] % 3, LIMITS[data[0] // 3 % len(LIMITS)], data[1:]
    if mode == 0:
        items = list(read_jsonl(io.BytesIO(body), "in.jsonl", None, limit))
        check_items(items)
        assert len(items) == answered_lines(body, limit), (body, limit, items)
    elif mode == 1:
        items = list(read_stdin(None, io.BytesIO(body), limit))
        check_items(items)
        jsonl = body.lstrip()[:1] == b"{"
        assert len(items) == (answered_lines(body, limit) if jsonl else 1), (body, limit, items)
    else:
        path = TMP / "article.txt"
        path.write_bytes(body)
        [item] = read_path(path, None, limit)
        check_items([item])
        if isinstance(item, Article):
            assert item.text == body.decode("utf-8-sig"), body  # a text is never altered


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
