"""Fuzz the pure text stages: clean_text and its offset map, find_dates, find_tolls, find_labels, check_article.

    python fuzz/fuzz_text.py -runs=100000 -dict=fuzz/text.dict fuzz/seeds/text

The first two bytes pick the publication date (or none, or the first and last days
datetime knows) and a span to map back; the rest, decoded as UTF-8 with every invalid
byte kept as a lone surrogate, is the text.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

import atheris

with atheris.instrument_imports(include=["temoin"]):  # properties.py sits beside this script
    from properties import check_clean, check_stages

    from temoin.api import check_article
    from temoin.exceptions import InputError
    from temoin.records import Article

DATES = [None, date(2024, 3, 6), date.min, date.max, date(2000, 2, 29), date(1, 1, 7), date.max - timedelta(days=3)]


def test_one_input(data: bytes) -> None:
    if len(data) < 2:
        return
    published = DATES[data[0] % len(DATES)]
    text = data[2:].decode("utf-8", "surrogateescape")
    check_clean(text, data[1] % 16, data[1])
    check_stages(text, published)
    try:
        check_article(Article("fuzz", text), max_chars=1 + data[1])
    except InputError as exc:
        assert str(exc).startswith("article fuzz: "), exc


def main() -> None:
    atheris.enabled_hooks.add("RegEx")
    atheris.enabled_hooks.add("str")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
