"""Countries as French news names them: names, aliases and nationality adjectives.

Read from ``data/actors/countries.tsv``. Used by the places stage (country
mentions) and the actors stage ("l'armée syrienne", "les Russes").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from temoin.resources import read_tsv, split_variants
from temoin.stages.places.normalize import fold


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    name_fr: str
    name_en: str


@dataclass(frozen=True, slots=True)
class CountryLexicon:
    by_name: dict[str, Country]  # folded name or alias -> country
    by_adjective: dict[str, Country]  # folded adjective (any gender/number) -> country
    by_iso2: dict[str, Country]
    by_iso3: dict[str, Country]

    def named(self, text: str) -> Country | None:
        return self.by_name.get(fold(text))

    def adjective(self, text: str) -> Country | None:
        """The country of a nationality adjective; of a compound one (« américano-britannique »), the first's."""
        whole = self.by_adjective.get(fold(text))
        first, _, rest = text.partition("-")
        return whole if whole is not None or not rest else self.by_adjective.get(fold(first))


@cache
def country_lexicon() -> CountryLexicon:
    by_name: dict[str, Country] = {}
    by_adj: dict[str, Country] = {}
    by_iso2: dict[str, Country] = {}
    by_iso3: dict[str, Country] = {}
    for row in read_tsv("actors/countries.tsv"):
        country = Country(row["iso2"], row["iso3"], row["name_fr"], row["name_en"])
        by_iso2[country.iso2] = country
        by_iso3[country.iso3] = country
        for name in [row["name_fr"], row["name_en"], *split_variants(row.get("aliases", ""))]:
            by_name.setdefault(fold(name), country)
        for col in ("adj_ms", "adj_fs", "adj_mp", "adj_fp"):
            for adj in split_variants(row.get(col, "")):
                by_adj.setdefault(fold(adj), country)
    by_adj["us"] = by_iso3["USA"]  # "l'armée US", "forces US": the English abbreviation as adjective
    return CountryLexicon(by_name, by_adj, by_iso2, by_iso3)


@cache
def armies_on_the_ground() -> dict[str, str]:
    """Territory ISO alpha-3 → the ISO alpha-3 of the state whose army is there
    (``actors/armies_on_the_ground.tsv``)."""
    return {row["where"]: row["army"] for row in read_tsv("actors/armies_on_the_ground.tsv")}
