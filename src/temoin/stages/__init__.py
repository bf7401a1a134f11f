"""The pipeline stages, in the order they run.

clean -> places -> actors -> triggers -> dates -> tolls -> attribution -> labels

Each stage is a spaCy component registered under ``temoin_<stage>`` that writes
span groups on the Doc (label and ``kb_id`` carry its reading), so docs survive
``nlp.pipe(n_process=2)`` and ``Doc.to_bytes``. ``temoin.coding`` then reads the
span groups and assembles typed event records.
"""

from __future__ import annotations

from collections import OrderedDict
from weakref import ref

from spacy.tokens import Doc, Span

SPAN_KEYS = {
    "boilerplate": "temoin_boilerplate",
    "masthead": "temoin_masthead",
    "places": "temoin_places",
    "actors": "temoin_actors",
    "triggers": "temoin_triggers",
    "dates": "temoin_dates",
    "tolls": "temoin_tolls",
    "sources": "temoin_sources",
    "hedges": "temoin_hedges",
    "labels": "temoin_labels",
}

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)  # ISO date string or None


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy's ``Doc.text`` joins every token anew on each call."""
    text = doc.user_data.get("temoin_text")
    if text is None:
        text = doc.user_data["temoin_text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``, cut from the Doc's text instead of joined from its tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char]


RECENT_DOCS = 8  # docs whose entities are remembered: the stages read one doc at a time
ENTITIES: OrderedDict[int, tuple[ref[Doc], tuple[Span, ...]]] = OrderedDict()


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per doc: spaCy makes a Span for every entity on each call. Read only after the
    entity recognizer, which no later stage overrides. A few recent docs only: the spans hold their doc."""
    hit = ENTITIES.get(id(doc))
    if hit is not None and hit[0]() is doc:
        return hit[1]
    ents = tuple(doc.ents)
    ENTITIES[id(doc)] = (ref(doc), ents)
    if len(ENTITIES) > RECENT_DOCS:
        ENTITIES.popitem(last=False)
    return ents


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside the span, up to the first that runs past its end) from ``doc_ents``."""
    ents = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            ents.append(ent)
    return ents
