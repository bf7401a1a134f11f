"""The stages as spaCy components: registered factories on small blank pipelines, surviving
serialisation and ``nlp.pipe(n_process=2)``."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from temoin.pipeline import STAGES, add_stages, keep_compounds

TEXT = (
    "Mardi, les terroristes du HTS ont attaqué une position de l'armée syrienne près de Tal Tamer. "
    "Au moins 12 soldats ont été tués, a annoncé l'agence SANA. Les forces d'occupation seraient en panique."
)


def blank_pipeline(tiny_gazetteer_path: str) -> Language:
    nlp = spacy.blank("fr")
    return add_stages(nlp, gazetteer_path=tiny_gazetteer_path)


def spans(doc: Doc, key: str) -> list[tuple[str, str, str]]:
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[key]]


def test_every_stage_is_a_registered_factory() -> None:
    for name in STAGES:
        assert name in Language.factories


def test_stages_on_a_blank_pipeline(tiny_gazetteer_path: str) -> None:
    doc = blank_pipeline(tiny_gazetteer_path)(TEXT)
    actors = spans(doc, "temoin_actors")
    assert ("HTS", "REB", "named:hts") in actors
    assert ("position de l'armée syrienne", "MIL", "state:SYR") in actors
    assert ("Tal Tamer", "village", "gn:9000001") in spans(doc, "temoin_places")
    assert [s[1] for s in spans(doc, "temoin_triggers")][:1] == ["attack"]
    assert spans(doc, "temoin_tolls")[0][2] == "12|soldats|0"
    assert {s[1] for s in spans(doc, "temoin_labels")} >= {"name_calling"}


def test_docs_survive_serialisation(tiny_gazetteer_path: str) -> None:
    nlp = blank_pipeline(tiny_gazetteer_path)
    doc = nlp(TEXT)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    for key in ("temoin_actors", "temoin_places", "temoin_triggers", "temoin_tolls", "temoin_labels"):
        assert spans(copy, key) == spans(doc, key)


def test_pipeline_config_round_trips(tiny_gazetteer_path: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    nlp = blank_pipeline(tiny_gazetteer_path)
    nlp.to_disk(tmp_path / "nlp")
    again = spacy.load(tmp_path / "nlp")
    assert [n for n in again.pipe_names if n.startswith("temoin_")] == [
        n for n in nlp.pipe_names if n.startswith("temoin_")
    ]
    assert spans(again(TEXT), "temoin_places") == spans(nlp(TEXT), "temoin_places")


def test_pipe_with_two_processes(tiny_gazetteer_path: str) -> None:
    nlp = blank_pipeline(tiny_gazetteer_path)
    texts = [TEXT, TEXT.replace("Tal Tamer", "Djibo")]
    single = [spans(d, "temoin_places") for d in nlp.pipe(texts)]
    multi = [spans(d, "temoin_places") for d in nlp.pipe(texts, n_process=2)]
    assert multi == single


def test_hyphenated_nouns_of_the_lexicon_stay_one_token() -> None:
    nlp = spacy.blank("fr")
    keep_compounds(nlp)
    assert "état-major" in [t.text for t in nlp("L'état-major a indiqué que les États-majors se réuniront.")]
    assert "États-majors" in [t.text for t in nlp("Les États-majors se réuniront.")]


def test_entities_read_once_are_spacys_own() -> None:
    from spacy.tokens import Span

    from temoin.stages import doc_ents, span_ents

    doc = spacy.blank("fr")("Des hommes armés ont attaqué Djibo et Arbinda, selon Human Rights Watch.")
    doc.ents = [Span(doc, 5, 6, label="LOC"), Span(doc, 7, 8, label="LOC"), Span(doc, 10, 13, label="ORG")]
    assert doc_ents(doc) == tuple(doc.ents)
    for start, end in [(0, len(doc)), (5, 8), (6, 11), (7, 12), (10, 13)]:
        assert span_ents(doc[start:end]) == list(doc[start:end].ents), (start, end)
