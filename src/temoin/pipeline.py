"""The spaCy pipeline: ``fr_core_news_md`` followed by temoin's stages.

``add_stages`` adds the stages to any French ``nlp`` (a user's own pipeline, or
``spacy.blank("fr")`` in tests), each a registered factory with a default config.
"""

from __future__ import annotations

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from temoin.resources import read_lines

# Importing the stage modules registers their factories.
from temoin.stages import actors, attribution, clean, dates, labels, tolls, triggers  # noqa: F401
from temoin.stages.places import component  # noqa: F401

DEFAULT_MODEL = "fr_core_news_md"
STAGES = (
    "temoin_boilerplate",
    "temoin_actors",
    "temoin_places",
    "temoin_triggers",
    "temoin_dates",
    "temoin_tolls",
    "temoin_attribution",
    "temoin_labels",
)


def keep_compounds(nlp: Language) -> None:
    """Hyphenated nouns kept whole by the tokenizer (``lexicons/compound_words.txt``)."""
    if not isinstance(nlp.tokenizer, Tokenizer):
        return  # a user's own tokenizer function: left as it is
    for word in read_lines("lexicons/compound_words.txt"):
        for form in {word, word[:1].upper() + word[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def add_stages(nlp: Language, gazetteer_path: str = "") -> Language:
    """Add temoin's stages to a French pipeline: sentence rules before its parser, the rest at the end."""
    keep_compounds(nlp)
    if "temoin_sentences" not in nlp.pipe_names:
        first = next((n for n in ("tok2vec", "morphologizer", "parser", "senter") if n in nlp.pipe_names), None)
        if first is not None:
            nlp.add_pipe("temoin_sentences", before=first)
        else:
            nlp.add_pipe("temoin_sentences", first=True)
    for name in STAGES:
        if name in nlp.pipe_names:
            continue
        config = {"gazetteer_path": gazetteer_path} if name == "temoin_places" else {}
        nlp.add_pipe(name, config=config)
    return nlp


def build_pipeline(model: str = DEFAULT_MODEL, gazetteer_path: str = "") -> Language:
    """The full pipeline: the French model, then every temoin stage."""
    return add_stages(spacy.load(model), gazetteer_path)
