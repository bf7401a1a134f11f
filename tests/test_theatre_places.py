"""Place names of every theatre French news covers, pinned to their GeoNames or curated id.

A sample of tests/fixtures/theatre_places.tsv (the names benchmarks/probe_theatre_places.py
measures), each in a sentence of our own, two to four a theatre: the Sahel, Lake Chad, the
eastern DRC, Sudan, South Sudan, Somalia, Ethiopia, Mozambique, the Central African Republic,
Ukraine, Yemen, Libya, Israel/Palestine/Lebanon. A change of the gazetteer, the curated files or
the ranking that moves one of them shows here. ``gn:`` ids are GeoNames cities500 records,
``cs:`` rows of conflict_sites.tsv (kept where they add the French spelling or a coordinate
cities500 lacks).
"""

from __future__ import annotations

import pytest

from temoin.stages.places.ranking import km_between

from .conftest import FIXTURES

PINNED = [
    ("Des grenades ont été lancées dans le quartier de Kamenge, à Bujumbura.", "Kamenge", "cs:bi-kamenge"),
    ("Un drone a visé le district de Khor Maksar, à Aden, au Yémen.", "Khor Maksar", "cs:ye-khor-maksar"),
    ("L'armée ukrainienne s'est retirée d'Izioum, dans la région de Kharkiv.", "Izioum", "gn:707292"),
    ("Des tirs d'artillerie ont visé Tchassiv Iar, près de Bakhmout, en Ukraine.", "Tchassiv Iar", "cs:ua-chasiv-yar"),
    (
        "Une centrale électrique a été frappée à Zaporijia, dans le sud de l'Ukraine.",
        "Zaporijia",
        "cs:ua-zaporizhzhia-city",
    ),
    ("Les Forces de soutien rapide ont pilonné El-Facher, au Darfour, selon l'ONU.", "El-Facher", "cs:sd-el-fasher"),
    ("Des obus sont tombés sur un marché d'Omdourman, au Soudan, tuant douze civils.", "Omdourman", "gn:365137"),
    ("Des déplacés sont arrivés à Oum Rouaba, au Kordofan-Nord, au Soudan.", "Oum Rouaba", "cs:sd-umm-ruwaba"),
    ("Le massacre de Solhan, au Burkina Faso, a fait au moins 160 morts en 2021.", "Solhan", "cs:bf-solhan"),
    ("Un convoi a été attaqué près de Boni, dans le centre du Mali.", "Boni", "cs:ml-boni"),
    ("Des soldats nigériens ont été tués près de Tillabéri, au Niger.", "Tillabéri", "gn:2438678"),
    ("Boko Haram a attaqué une base militaire à Monguno, dans l'État de Borno, au Nigeria.", "Monguno", "gn:2329946"),
    ("Une kamikaze s'est fait exploser à Kolofata, dans l'Extrême-Nord du Cameroun.", "Kolofata", "cs:cm-kolofata"),
    ("Des réfugiés nigérians sont arrivés à Baga Sola, au Tchad.", "Baga Sola", "cs:td-baga-sola"),
    ("Les ADF ont tué dix civils à Beni, au Nord-Kivu, en RDC.", "Beni", "gn:219057"),
    ("Le M23 a pris le contrôle de Kitshanga, dans le territoire de Masisi, en RDC.", "Kitshanga", "cs:cd-kitshanga"),
    ("Les rebelles ont occupé Bunagana, à la frontière ougandaise, en RDC.", "Bunagana", "cs:cd-bunagana"),
    ("Un attentat des shebab a frappé Beledweyne, en Somalie, selon la police.", "Beledweyne", "gn:64460"),
    ("L'armée somalienne a repris Bardera aux shebab, en Somalie.", "Bardera", "cs:so-baardheere"),
    (
        "Les insurgés ont attaqué Mocímboa da Praia, dans la province de Cabo Delgado, au Mozambique.",
        "Mocímboa da Praia",
        "gn:1024699",
    ),
    ("Les jihadistes ont pris Palma, au Mozambique, près du site gazier.", "Palma", "cs:mz-palma"),
    ("Des combats ont opposé rebelles et casques bleus à Kaga-Bandoro, en Centrafrique.", "Kaga-Bandoro", "gn:2386012"),
    ("Des civils ont fui Zémio, dans le sud-est de la Centrafrique.", "Zémio", "gn:235826"),
    ("Les forces fédérales sont entrées dans Mekele, la capitale du Tigré, en Éthiopie.", "Mekele", "gn:331180"),
    ("Des centaines de civils ont été tués à Axoum, dans le Tigré, en Éthiopie.", "Axoum", "cs:et-aksum"),
    ("Des affrontements ont éclaté à Malakal, au Soudan du Sud, selon la Minuss.", "Malakal", "gn:370737"),
    ("Des milliers de réfugiés sont arrivés à Renk, au Soudan du Sud.", "Renk", "cs:ss-renk"),
    ("Une frappe a visé le port de Hodeïda, au Yémen, tenu par les Houthis.", "Hodeïda", "gn:79415"),
    ("Des combats ont éclaté près de Seyoun, dans l'Hadramaout, au Yémen.", "Seyoun", "cs:ye-seiyun"),
    ("Les forces de Tripoli ont repris Syrte, en Libye, selon un porte-parole.", "Syrte", "gn:2210554"),
    ("Des milices de Zenten ont été déployées au sud de Tripoli, en Libye.", "Zenten", "cs:ly-zintan"),
    ("Une frappe israélienne a touché un immeuble à Khan Younès, dans la bande de Gaza.", "Khan Younès", "gn:281124"),
    ("Des raids ont visé le camp de Balata, à Naplouse, en Cisjordanie occupée.", "Naplouse", "gn:282615"),
    ("Une frappe a tué deux personnes à Tyr, dans le sud du Liban.", "Tyr", "gn:267008"),
    ("Le Hezbollah a tiré des roquettes sur Kiryat Shmona, dans le nord d'Israël.", "Kiryat Shmona", "gn:293825"),
    # Mombasa, a city of a million, has "Mambasa" as an alternate name: the country the text puts it in decides
    ("Des milliers d'habitants ont fui Mambasa, dans l'est de la RDC, après des attaques.", "Mambasa", "cs:cd-mambasa"),
    (
        "Des combats ont eu lieu à Malam Fatori, dans le nord-est du Nigeria, selon l'armée.",
        "Malam Fatori",
        "gn:2347033",
    ),
]


@pytest.mark.parametrize(("text", "mention", "place_id"), PINNED, ids=[m for _, m, _ in PINNED])
def test_theatre_place_is_pinned(analyzer, text: str, mention: str, place_id: str) -> None:  # type: ignore[no-untyped-def]
    found = {p.text: p.place_id for p in analyzer.analyze(text, "2024-03-01").places}
    assert found.get(mention) == place_id, found


def test_pinned_places_lie_near_the_fixture_point(analyzer) -> None:  # type: ignore[no-untyped-def]
    """The pinned ids resolve within 25 km of the point the probe's fixture gives for the name."""
    expected = {}
    with (FIXTURES / "theatre_places.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if line.startswith("#") or cells[0] == "theatre":
                continue
            expected[cells[1]] = (float(cells[4]), float(cells[5]))
    gazetteer = analyzer.gazetteer
    far = []
    for _, mention, place_id in PINNED:
        place = gazetteer.place(place_id)
        assert place is not None, place_id
        km = km_between(*expected[mention], place.latitude, place.longitude)
        if km > 25:
            far.append((mention, place_id, round(km)))
    assert not far


def test_the_fixture_points_are_their_sources() -> None:
    """Every fixture row names its source; a `geonames:` one carries that cities500 record's point."""
    from .test_curated_places import cities

    with (FIXTURES / "theatre_places.tsv").open(encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]
    assert rows[0] == ["theatre", "name", "country", "where", "latitude", "longitude", "source"]
    for _, name, country, _, lat, lon, source in rows[1:]:
        assert source.startswith(("geonames:", "airportsdata (", "Wikipedia infobox coordinate", "curated cs:")), name
        if source.startswith("geonames:"):
            city = cities()[int(source.removeprefix("geonames:"))]
            assert city["countrycode"] == country, name
            assert km_between(float(lat), float(lon), float(city["latitude"]), float(city["longitude"])) < 0.1, name
    theatres = {row[0] for row in rows[1:]}
    assert len(theatres) == 13 and all(15 <= sum(r[0] == t for r in rows[1:]) <= 35 for t in theatres)
