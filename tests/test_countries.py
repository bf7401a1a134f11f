"""Nationality adjectives as French news writes them (``temoin.countries``, ``data/actors/countries.tsv``)."""

from __future__ import annotations

import pytest

from temoin.countries import country_lexicon


@pytest.mark.parametrize(
    ("adjective", "iso3"),
    [
        ("syriennes", "SYR"),
        ("US", "USA"),
        ("américano-britannique", "USA"),  # a compound names its first country
        ("franco-maliennes", "FRA"),
        ("israélo-américaine", "ISR"),
        ("sud-soudanais", "SSD"),  # a compound country's own adjective is not split
    ],
)
def test_adjectives_name_their_country(adjective: str, iso3: str) -> None:
    country = country_lexicon().adjective(adjective)
    assert country is not None and country.iso3 == iso3


@pytest.mark.parametrize("word", ["nord-ouest", "anti-américain", "pro-russe"])
def test_words_that_are_no_nationality(word: str) -> None:
    assert country_lexicon().adjective(word) is None
