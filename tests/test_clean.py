"""Text clean-up keeps an offset map; sentences split by rule; boilerplate is marked."""

from __future__ import annotations

import pytest
import spacy

from temoin.pipeline import add_stages
from temoin.stages.clean import (
    boilerplate_ranges,
    clean_text,
    find_masthead,
    link_headline_ranges,
    sentence_starts,
)


def test_glued_sentence_is_split_and_offsets_map_back() -> None:
    original = "Le clash est inévitable.Escalade en Syrie\u00a0!"
    clean = clean_text(original)
    assert clean.text == "Le clash est inévitable. Escalade en Syrie !"
    start = clean.text.index("Escalade")
    s, e = clean.to_original(start, start + len("Escalade"))
    assert original[s:e] == "Escalade"


def test_abbreviations_and_numbers_are_not_glued_sentences() -> None:
    assert clean_text("M.Dupont a payé 3.5 millions.").text == "M.Dupont a payé 3.5 millions."


def test_boilerplate_block_is_found() -> None:
    text = "Des tirs ont eu lieu.\nLire aussi :\nUn autre titre\nEncore un titre\n\nLa suite du texte."
    ranges = boilerplate_ranges(text, [__import__("re").compile(r"lire aussi\b", 2)])
    marked = [text[s:e] for s, e in ranges]
    assert marked == ["Lire aussi :", "Un autre titre", "Encore un titre"]


@pytest.mark.parametrize(
    ("text", "headline", "news"),
    [
        (  # a headline run into the news: the news resumes at « Le » after a plain word
            "Le camp est calme. Lire aussi : Tchad : mille réfugiés accueillis en deux ans Le 3 mai, des "
            "hommes armés ont pillé le dépôt.",
            "Lire aussi : Tchad : mille réfugiés accueillis en deux ans ",
            "Le 3 mai",
        ),
        (  # two headlines in a row: the news resumes after the last one
            "Fin. À lire aussi sur Radio Exemple : Qui sont les Wazalendo Les milices se multiplient Dans la nuit, "
            "des tirs ont été entendus.",
            "À lire aussi sur Radio Exemple : Qui sont les Wazalendo Les milices se multiplient ",
            "Dans la nuit",
        ),
        (  # no headline left: the marker alone is furniture
            "Fin. A surtout lire sur Radio Exemple : Les assaillants ont fui vers la frontière.",
            "A surtout lire sur Radio Exemple : ",
            "Les assaillants",
        ),
        (  # « à La Haye »: a name, not a new sentence
            "Fin. Lire aussi : Le procès s'ouvre à La Haye contre un ancien chef de milice.",
            "Lire aussi : ",
            "Le procès",
        ),
    ],
)
def test_link_headline_run_into_the_news(text: str, headline: str, news: str) -> None:
    [(start, end)] = link_headline_ranges(text)
    assert text[start:end] == headline
    assert text[end:].startswith(news)
    nlp = spacy.blank("fr")
    doc = nlp(text)
    starts = [t.idx for t, s in zip(doc, sentence_starts(doc), strict=True) if s]
    assert end in starts


def test_a_link_marker_opening_a_line_is_left_to_the_line_rules() -> None:
    assert link_headline_ranges("Des tirs.\nLire aussi : Un titre\nLa suite.") == []


def test_sentences_split_on_punctuation_and_new_lines() -> None:
    nlp = spacy.blank("fr")
    doc = nlp("Premier point. Deuxième point\nTroisième point ! M. Dupont parle.")
    starts = [t.text for t, s in zip(doc, sentence_starts(doc), strict=True) if s]
    assert starts == ["Premier", "Deuxième", "Troisième", "M."]


def test_a_double_space_after_a_stop_still_ends_the_sentence() -> None:
    nlp = spacy.blank("fr")
    doc = nlp("« Ils étaient déchaînés », raconte un habitant.  Mardi, la police a arrêté dix personnes.")
    starts = [t.text for t, s in zip(doc, sentence_starts(doc), strict=True) if s]
    assert starts == ["«", "Mardi"]


def test_the_news_starts_a_sentence_after_its_dateline() -> None:
    nlp = spacy.blank("fr")
    doc = nlp("GOMA, 3 mars (Xinhua) -- Le M23 a accusé lundi l'armée d'avoir bombardé Sake.")
    starts = [t.text for t, s in zip(doc, sentence_starts(doc), strict=True) if s]
    assert starts == ["GOMA", "Le"]  # the parser no longer hangs the subject on « GOMA »


def test_boilerplate_marker_on_blank_pipeline() -> None:
    assert add_stages  # importing temoin.pipeline registers the factories
    nlp = spacy.blank("fr")
    nlp.add_pipe("temoin_boilerplate")
    doc = nlp("Texte.\nLire aussi : titre\n")
    assert [s.text for s in doc.spans["temoin_boilerplate"]] == ["Lire aussi : titre"]


@pytest.mark.parametrize(
    ("text", "dateline", "dated"),
    [
        ("KIDAL, 3 mars 2024 (AFP) - Des combats ont eu lieu.", "KIDAL, 3 mars 2024 (AFP) - ", "2024-03-03"),
        ("Beni, 12 Avril 2023 – Trois civils ont été tués.", "Beni, 12 Avril 2023 – ", "2023-04-12"),
        (
            "MAROUA (Cameroun), 1er juin 2022 (Reuters) - Le bilan",
            "MAROUA (Cameroun), 1er juin 2022 (Reuters) - ",
            "2022-06-01",
        ),
        ("NIAMEY, 17 décembre (AFP) - Dix soldats", "NIAMEY, 17 décembre (AFP) - ", None),  # no year: no date
        ("GAO (AFP) - Une explosion", "GAO (AFP) - ", None),
        ("NIAMEY, 5 sept. 2024 (AFP) - Douze soldats", "NIAMEY, 5 sept. 2024 (AFP) - ", "2024-09-05"),  # abbreviated
        ("KHARKIV, 2 mai 2025 /Ukrinform/ - Des civils", "KHARKIV, 2 mai 2025 /Ukrinform/ - ", "2025-05-02"),
    ],
)
def test_a_dateline_is_found_with_its_date(text: str, dateline: str, dated: str | None) -> None:
    masthead = find_masthead(text)
    assert masthead.dateline is not None
    assert text[slice(*masthead.dateline)] == dateline
    assert masthead.dated == dated


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre, lundi - a-t-il dit - a démenti.",  # a dash in a sentence
        "Le Hamas (mouvement islamiste) - qui contrôle Gaza - a réagi.",  # brackets, no capitals
        "Il y a deux jours, une frappe a visé Hama. Des analystes ont relevé la concomitance.",
    ],
)
def test_an_ordinary_first_sentence_is_no_dateline(text: str) -> None:
    assert find_masthead(text).dateline is None


def test_the_headline_is_a_first_line_without_a_full_stop_above_the_body() -> None:
    text = "Niger : dix soldats tués près de Téra\n\nNIAMEY, 2 mai 2024 (AFP) - Dix soldats ont été tués."
    assert text[slice(*find_masthead(text).headline)] == "Niger : dix soldats tués près de Téra"  # type: ignore[misc]
    assert find_masthead("Une phrase.\nUne autre phrase.").headline is None
    assert find_masthead("Escalade en Syrie! Les forces ont affronté un convoi.").headline is None  # one line


def test_the_masthead_marker_dates_an_undated_article(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mali : deux soldats tués près de Ménaka\n\n"
        "BAMAKO, 5 février 2025 (AFP) - Deux soldats ont été tués lundi près de Ménaka par des hommes armés."
    )
    events = analyzer.analyze(text).events
    assert len(events) == 1  # the headline repeats the lede
    assert events[0].event_date is not None and events[0].event_date.isoformat() == "2025-02-03"
    assert events[0].location is not None and events[0].location.name == "Ménaka"  # not Bamako, where it was filed


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Yaoundé (AFP) - Des combattants ont attaqué un village.", "Yaoundé"),
        ("Bunia (RDC) - Au moins dix civils ont été tués.", "Bunia"),
        ("Le président (PDG) - un homme discret, a quitté la réunion.", None),
        ("NIAMEY – Des hommes armés ont attaqué un poste.", "NIAMEY"),  # the place in capitals alone
        ("Ce – dit-on – fut un long hiver.", None),
        ("Damas, SANA - Une force ennemie a fait incursion.", "Damas"),  # a known agency after a comma
        ("Bamako, Mali - Des hommes armés ont attaqué.", None),  # a comma and a country are no agency
        ("JUBA, 17 juin (Xinhua) -- Au moins dix personnes ont été tuées.", "JUBA"),  # Xinhua's double dash
    ],
)
def test_a_place_and_a_tag_in_capitals_make_a_dateline(text: str, city: str | None) -> None:
    masthead = find_masthead(text)
    assert (text[masthead.city[0] : masthead.city[1]] if masthead.city else None) == city
