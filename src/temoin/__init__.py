"""temoin: French-language conflict reporting in, geocoded ACLED-style event records out.

>>> import temoin
>>> result = temoin.analyze(text, published="2022-09-28")
>>> [e.sub_event_type for e in result.events]
"""

from __future__ import annotations

from temoin.api import Analyzer, ArticleFailure, analyze
from temoin.exceptions import (
    ArticleTooLargeError,
    EmptyArticleError,
    ExportError,
    GazetteerError,
    InputError,
    InvalidTextError,
    NotFrenchError,
    StoreError,
    TemoinError,
)
from temoin.records import (
    Actor,
    Article,
    ArticleResult,
    Attribution,
    Event,
    Evidence,
    Label,
    LanguageProfile,
    Location,
    Place,
)

__version__ = "0.1.0"

__all__ = [
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
]
