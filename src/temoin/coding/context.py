"""The article as the coder sees it: sentences with their annotations, paragraphs, focus country."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from temoin.countries import Country, country_lexicon
from temoin.stages import doc_text, span_text
from temoin.stages.clean import in_boilerplate, in_masthead
from temoin.stages.places.gazetteer import Gazetteer, GazPlace


@dataclass(slots=True)
class Sentence:
    index: int
    span: Span
    paragraph: int
    triggers: list[Span] = field(default_factory=list)
    actors: list[Span] = field(default_factory=list)
    places: list[Span] = field(default_factory=list)
    dates: list[Span] = field(default_factory=list)
    tolls: list[Span] = field(default_factory=list)
    sources: list[Span] = field(default_factory=list)
    hedges: list[Span] = field(default_factory=list)
    unplaced: list[Span] = field(default_factory=list)  # place names no gazetteer entry fits
    boilerplate: bool = False
    headline: bool = False  # the article's title: it repeats the lede and tells no event of its own

    def updates_a_toll(self) -> bool:
        """ "Lundi, le bilan est passé à 43 morts": its day is the update's, not an event's."""
        return any(t.kb_id_.endswith("|1") for t in self.tolls)

    def happens_elsewhere(self) -> bool:
        """Told at a place we cannot code ("près de Gorgadji"), and at no place we can: not the place of the event
        before."""
        elsewhere = [u for u in self.unplaced if u.label_ != "quarter"]  # a quarter lies in the town told around it
        return bool(elsewhere) and not any(p.label_ != "country" for p in self.places)

    def own_places(self) -> list[Span]:
        """The places below the country it names outside its sources (not « selon le préfet du Mayo-Sava »)."""
        sources = [(s.start, s.end) for s in self.sources]
        return [p for p in self.places if p.label_ != "country" and not any(a <= p.start < b for a, b in sources)]

    @property
    def text(self) -> str:
        return span_text(self.span)


@dataclass(slots=True)
class ArticleContext:
    doc: Doc
    sentences: list[Sentence]
    published: date | None
    focus: Country | None
    gazetteer: Gazetteer
    latest_year: int

    def before_in_paragraph(self, sentence: Sentence) -> Sentence | None:
        """The sentence before, when it is in the same paragraph."""
        before = self.sentences[sentence.index - 1] if sentence.index > 0 else None
        return before if before is not None and before.paragraph == sentence.paragraph else None

    def place(self, span: Span) -> GazPlace | None:
        place_id = span.kb_id_
        return self.gazetteer.place(place_id) if place_id else None


def _paragraph_starts(text: str) -> list[int]:
    """Where each line with text starts: paragraphs are counted in order, blank lines between them not."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n" and text[i + 1 : i + 2] not in {"\n", ""}:
            starts.append(i + 1)
    return starts


SENTENCE_ENDS = frozenset('.!?»:"…)')  # a line ending so is a sentence, not a heading


def is_subheading(sent: Span, text: str) -> bool:
    """A short paragraph of its own with no final punctuation, inside the article (``text``, the Doc's, built once):
    « Des engins explosifs de plus en plus fréquents » between two paragraphs of news is a heading, not news."""
    line = span_text(sent).rstrip()
    end = sent.start_char + len(line)
    whole = text[sent.start_char - 1 : sent.start_char] == "\n" and text[end : end + 1] in {"\n", ""}
    return whole and 0 < len(line.split()) <= 12 and line[-1:] not in SENTENCE_ENDS


def build_context(doc: Doc, gazetteer: Gazetteer) -> ArticleContext:
    text = doc_text(doc)
    para_starts = _paragraph_starts(text)
    sentences = []
    for i, sent in enumerate(doc.sents):
        paragraph = sum(1 for s in para_starts if s <= sent.start_char) - 1
        headline = in_masthead(sent, "HEADLINE") or is_subheading(sent, text)
        sentences.append(Sentence(i, sent, paragraph, boilerplate=in_boilerplate(sent), headline=headline))
    by_token = [0] * len(doc)
    for s in sentences:
        for t in range(s.span.start, s.span.end):
            by_token[t] = s.index
    groups = {
        "triggers": "temoin_triggers",
        "actors": "temoin_actors",
        "places": "temoin_places",
        "dates": "temoin_dates",
        "tolls": "temoin_tolls",
        "sources": "temoin_sources",
        "hedges": "temoin_hedges",
        "unplaced": "temoin_unplaced",
    }
    for attr, key in groups.items():
        for span in doc.spans.get(key, []):
            if not in_masthead(span, "DATELINE"):  # "BAMAKO, 5 février 2025 (AFP) -": where and when it was filed
                getattr(sentences[by_token[span.start]], attr).append(span)
    published = date.fromisoformat(doc._.published) if doc._.published else None
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text)]
    latest = published.year if published else max(years, default=0)
    return ArticleContext(doc, sentences, published, focus_country(doc, gazetteer), gazetteer, latest)


def focus_country(doc: Doc, gazetteer: Gazetteer) -> Country | None:
    """The country the article is mostly about: its places, then named countries and adjectives."""
    lexicon = country_lexicon()
    votes: defaultdict[str, float] = defaultdict(float)
    for span in doc.spans.get("temoin_places", []):
        place = gazetteer.place(span.kb_id_)
        if place is not None and not names_a_gang(span):
            votes[place.country] += 1.0 if place.feature == "country" else 1.5
    for token in doc:
        if token.is_lower and (country := lexicon.adjective(token.text)) is not None:
            votes[country.iso2] += 0.5
    if not votes:
        return None
    return lexicon.by_iso2.get(max(votes, key=lambda k: votes[k]))


GANG_NAME = re.compile(r"\b(?:gangs?|bandes?|clans?) (?:de|d'|du)\s*$", re.I)
GANGS_LISTED = re.compile(r"\b(?:gangs|bandes|clans) (?:de|d'|du)\s*[^,;.]{2,30}?(?:,| et) (?:de|d'|du)\s*$", re.I)


def names_a_gang(place: Span) -> bool:
    """« le gang de Brooklyn », « les gangs de Brooklyn et de Boston »: a gang named after its turf, which says
    neither where it acted nor the country."""
    doc = place.doc
    named = GANG_NAME.search(doc[max(place.start - 3, 0) : place.start].text) is not None
    return named or GANGS_LISTED.search(doc[max(place.start - 10, 0) : place.start].text) is not None
