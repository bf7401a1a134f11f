"""Text clean-up keeps an offset map; sentences split by rule; boilerplate is marked."""

from __future__ import annotations

import spacy

from temoin.pipeline import add_stages
from temoin.stages.clean import boilerplate_ranges, clean_text, sentence_starts


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


def test_sentences_split_on_punctuation_and_new_lines() -> None:
    nlp = spacy.blank("fr")
    doc = nlp("Premier point. Deuxième point\nTroisième point ! M. Dupont parle.")
    starts = [t.text for t, s in zip(doc, sentence_starts(doc), strict=True) if s]
    assert starts == ["Premier", "Deuxième", "Troisième", "M."]


def test_boilerplate_marker_on_blank_pipeline() -> None:
    assert add_stages  # importing temoin.pipeline registers the factories
    nlp = spacy.blank("fr")
    nlp.add_pipe("temoin_boilerplate")
    doc = nlp("Texte.\nLire aussi : titre\n")
    assert [s.text for s in doc.spans["temoin_boilerplate"]] == ["Lire aussi : titre"]
