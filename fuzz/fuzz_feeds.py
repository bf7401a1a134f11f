"""Fuzz the RSS/Atom reader on arbitrary bytes, fetching off (entries use their summaries).

    fuzz/run.sh 100000 feeds    (seeds from tests/fixtures/inputs/*.rss, *.atom; a corpus folder of its own)

Every entry must give an article or a failure named ``feed entry N``, a broken feed one
failure naming the feed, never an exception (see properties.py).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["temoin"]):
    from properties import check_items

    from temoin.io.feeds import read_feed
    from temoin.io.options import FetchPolicy, ReadOptions
    from temoin.io.readers import InputFailure

OFFLINE = ReadOptions(fetch=FetchPolicy(enabled=False))


def test_one_input(data: bytes) -> None:
    items = list(read_feed(data, "in.rss", None, OFFLINE))
    check_items(items)
    assert items, data
    for item in items:
        if isinstance(item, InputFailure):
            assert item.source.startswith("in.rss"), item


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
