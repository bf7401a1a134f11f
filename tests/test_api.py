"""The public Python API: a small surface, pinned; typed records; named errors."""

from __future__ import annotations

from datetime import date

import pytest

import temoin

PUBLIC = {
    "Actor",
    "Analyzer",
    "Article",
    "ArticleFailure",
    "ArticleResult",
    "ArticleTooLargeError",
    "Attribution",
    "EmptyArticleError",
    "Event",
    "Evidence",
    "ExportError",
    "GazetteerError",
    "InputError",
    "InvalidTextError",
    "Label",
    "LanguageProfile",
    "Location",
    "NotFrenchError",
    "Place",
    "StoreError",
    "TemoinError",
    "__version__",
    "analyze",
}


def test_public_api_is_pinned() -> None:
    assert set(temoin.__all__) == PUBLIC


def test_exception_hierarchy() -> None:
    for name in ("InputError", "GazetteerError", "StoreError", "ExportError"):
        assert issubclass(getattr(temoin, name), temoin.TemoinError)
    for name in ("EmptyArticleError", "NotFrenchError", "ArticleTooLargeError", "InvalidTextError"):
        assert issubclass(getattr(temoin, name), temoin.InputError)


def test_analyze_returns_typed_records(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Selon l'agence AIB, des hommes armés auraient tué une dizaine de civils jeudi dans le village "
        "de Solenzo, dans l'ouest du Burkina Faso."
    )
    result = analyzer.analyze(text, date(2024, 3, 16), "a1")
    assert isinstance(result, temoin.ArticleResult)
    event = result.events[0]
    assert isinstance(event, temoin.Event)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.fatalities == 10 and event.certainty == "hedged"
    assert event.event_date == date(2024, 3, 14)
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    assert event.notes.startswith("On 14 March 2024")


def test_errors_name_the_article(analyzer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(temoin.EmptyArticleError, match="article x"):
        analyzer.analyze("   ", None, "x")
    with pytest.raises(temoin.ArticleTooLargeError):
        temoin.Analyzer(analyzer.nlp, max_chars=10).analyze("Une phrase en français assez longue.", None)


def test_evidence_offsets_point_into_the_original_text(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Le calme est revenu.Mardi, des soldats ont été tués\u00a0lors d'une embuscade près de Ménaka."
    result = analyzer.analyze(text, "2024-05-16")
    for event in result.events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    for place in result.places:
        assert text[place.start : place.end] == place.text
