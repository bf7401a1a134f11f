"""The pipeline stages, in the order they run.

clean -> places -> actors -> triggers -> dates -> tolls -> attribution -> labels

Each stage is a spaCy component registered under ``temoin_<stage>`` that writes
span groups on the Doc (label and ``kb_id`` carry its reading), so docs survive
``nlp.pipe(n_process=2)`` and ``Doc.to_bytes``. ``temoin.coding`` then reads the
span groups and assembles typed event records.
"""

from __future__ import annotations

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
