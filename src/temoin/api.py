"""The Python API: ``analyze`` one text, or ``Analyzer.analyze_articles`` for many."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.attrs import IS_ALPHA
from spacy.language import Language
from spacy.tokens import Doc

from temoin.coding.assemble import code_events, with_headline_toll
from temoin.coding.context import build_context
from temoin.coding.notes import add_notes
from temoin.exceptions import (
    ArticleTooLargeError,
    EmptyArticleError,
    InputError,
    InvalidTextError,
    NotFrenchError,
)
from temoin.io.language import not_french_reason
from temoin.pipeline import build_pipeline
from temoin.records import Article, ArticleResult, Attribution, Label, LanguageProfile, Place
from temoin.stages.clean import CleanText, clean_text
from temoin.stages.labels import label_rules
from temoin.stages.places.component import PlaceFinder
from temoin.stages.places.gazetteer import Gazetteer
from temoin.stages.places.names import name_head
from temoin.stages.source_names import with_its_bracket
from temoin.stages.sources import normalise_source, written_form

MAX_CHARS = 1_000_000
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
SURROGATE = re.compile("[\\ud800-\\udfff]")  # unpaired halves of a UTF-16 pair


@dataclass(frozen=True, slots=True)
class ArticleFailure:
    """An article that could not be analysed, and why."""

    article_id: str
    source: str
    error: InputError


def check_article(article: Article, max_chars: int = MAX_CHARS) -> None:
    """Raise an ``InputError`` for text temoin cannot analyse."""
    where = f"article {article.id}"
    if not article.text or not article.text.strip():
        raise EmptyArticleError("the article has no text", where)
    if not WORD.search(article.text):
        raise EmptyArticleError("the article has no words, only symbols or numbers", where)
    if len(article.text) > max_chars:
        raise ArticleTooLargeError(f"{len(article.text)} characters, over the limit of {max_chars}", where)
    if SURROGATE.search(article.text):
        raise InvalidTextError("the text holds unpaired surrogate characters (broken UTF-16)", where)
    reason = not_french_reason(article.text)
    if reason:
        raise NotFrenchError(reason, where)


def looks_french(text: str) -> bool:
    return not_french_reason(text) is None


class Analyzer:
    """The pipeline and gazetteer, loaded once, analysing article after article."""

    def __init__(self, nlp: Language | None = None, gazetteer_path: str = "", max_chars: int = MAX_CHARS) -> None:
        self.nlp = nlp or build_pipeline(gazetteer_path=gazetteer_path)
        self.max_chars = max_chars
        self.nlp.max_length = max(self.nlp.max_length, max_chars * 5 // 4 + 1)  # clean-up may add spaces

    @property
    def gazetteer(self) -> Gazetteer:
        finder = self.nlp.get_pipe("temoin_places")
        assert isinstance(finder, PlaceFinder)
        return finder.gazetteer

    def analyze(
        self, text: str, published: date | str | None = None, article_id: str = "article", title: str = ""
    ) -> ArticleResult:
        when = date.fromisoformat(published) if isinstance(published, str) else published
        article = Article(article_id, text, when, title)
        check_article(article, self.max_chars)
        clean = clean_text(article.text)
        return self.result(article, clean, self.nlp(self.make_doc(article, clean)))

    def analyze_articles(
        self, articles: Iterable[Article], batch_size: int = 8, n_process: int = 1
    ) -> Iterator[ArticleResult | ArticleFailure]:
        """Results in input order; an article that cannot be analysed gives an ``ArticleFailure``."""
        pending: list[tuple[Article, CleanText]] = []
        order: list[Article | ArticleFailure] = []
        for article in articles:
            try:
                check_article(article, self.max_chars)
            except InputError as exc:
                order.append(ArticleFailure(article.id, exc.source, exc))
                continue
            pending.append((article, clean_text(article.text)))
            order.append(article)
        docs = self.nlp.pipe((self.make_doc(a, c) for a, c in pending), batch_size=batch_size, n_process=n_process)
        done = iter(zip(pending, docs, strict=True))
        for item in order:
            if isinstance(item, ArticleFailure):
                yield item
            else:
                (article, clean), doc = next(done)
                yield self.result(article, clean, doc)

    def make_doc(self, article: Article, clean: CleanText) -> Doc:
        doc = self.nlp.make_doc(clean.text)
        doc.user_data["temoin_text"] = clean.text  # what ``doc_text`` would join from the tokens
        doc._.published = article.published.isoformat() if article.published else None
        return doc

    def result(self, article: Article, clean: CleanText, doc: Doc) -> ArticleResult:
        events = with_headline_toll(code_events(build_context(doc, self.gazetteer)), article.title)
        for event in events:
            start, end = clean.to_original(event.evidence.start, event.evidence.end)
            event.evidence = type(event.evidence)(start, end, article.text[start:end])
        named = attributions(doc, clean)
        agencies = [a.source for a in named if a.kind == "dateline"]
        for event in events:  # the agency that filed the report carries each event it tells, as the outlet does
            event.sources += [a for a in agencies if a not in event.sources]
        add_notes(events)
        result = ArticleResult(article, events, self.places(doc, clean), named, labels(doc, clean))
        result.profile = profile(result, doc)
        return result

    def places(self, doc: Doc, clean: CleanText) -> list[Place]:
        out = []
        for span in doc.spans.get("temoin_places", []):
            place = self.gazetteer.place(span.kb_id_)
            if place is None:
                continue
            head = len(name_head(span.text))  # « monts Hamrin »: « Hamrin »
            start, end = clean.to_original(span.start_char + head, span.end_char)
            feature = "near" if span.label_ == "near" else place.feature
            out.append(
                Place(
                    span.text[head:],
                    start,
                    end,
                    round(place.latitude, 5),
                    round(place.longitude, 5),
                    place.country,
                    feature,
                    place.name,
                    place.id,
                )
            )
        return out


def attributions(doc: Doc, clean: CleanText) -> list[Attribution]:
    out = []
    for span in doc.spans.get("temoin_masthead", []):
        if span.label_ == "AGENCY":  # "BAMAKO, 5 février (AFP) - ": the agency that filed the report
            start, end = clean.to_original(span.start_char, span.end_char)
            out.append(Attribution(normalise_source(span.text), start, end, kind="dateline"))
    for named in doc.spans.get("temoin_sources", []):
        span = with_its_bracket(named)  # « l'Agence nationale d'information (ANI, officielle) »
        start, end = clean.to_original(span.start_char, span.end_char)
        out.append(Attribution(written_form(span.text, named.kb_id_), start, end))
    return out


def labels(doc: Doc, clean: CleanText) -> list[Label]:
    rules = label_rules()
    out = []
    for span in doc.spans.get("temoin_labels", []):
        rule = rules[span.kb_id_]
        start, end = clean.to_original(span.start_char, span.end_char)
        out.append(Label(span.text, start, end, rule.kind, rule.technique, rule.neutral))
    return out


def profile(result: ArticleResult, doc: Doc) -> LanguageProfile:
    words = int(doc.to_array(IS_ALPHA).sum())
    claims = len(result.events)
    attributed = sum(e.certainty == "attributed" for e in result.events)
    hedged = sum(e.certainty == "hedged" for e in result.events)
    return LanguageProfile(
        words,
        claims,
        round(attributed / claims, 3) if claims else 0.0,
        round(hedged / claims, 3) if claims else 0.0,
        round(1000 * len(result.labels) / words, 2) if words else 0.0,
    )


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    return Analyzer()


def analyze(
    text: str, published: date | str | None = None, article_id: str = "article", title: str = ""
) -> ArticleResult:
    """Analyse one French article: events, places, attributions, labels and a language profile. The title, when
    given, lends its toll to the lead event that gives none."""
    return default_analyzer().analyze(text, published, article_id, title)
