"""Fuzz the HTML reader (trafilatura behind temoin's shape checks) on arbitrary bytes.

    fuzz/run.sh 100000 html     (seeds from tests/fixtures/inputs/*.html; a corpus folder of its own)

Every page must give an article with text or an ``InputError`` naming the page, never
another exception (see properties.py).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["temoin"]):
    from properties import check_items

    from temoin.exceptions import InputError
    from temoin.io.html import article_from_html
    from temoin.io.readers import InputFailure
    from temoin.records import Article


def test_one_input(data: bytes) -> None:
    item: Article | InputFailure
    try:
        item = article_from_html(data, "page.html", "page", None)
    except InputError as exc:
        item = InputFailure("page.html", exc)
    check_items([item])
    if isinstance(item, Article):
        assert item.text.strip(), item


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
