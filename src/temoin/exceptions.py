"""Every error temoin raises on purpose, in one hierarchy.

    TemoinError
    ├── InputError            an input cannot be read (names the input and, for JSONL, the line)
    │   ├── EmptyArticleError     the article has no text
    │   ├── NotFrenchError        the article is not in French
    │   ├── ArticleTooLargeError  the article is over the size limit
    │   ├── InvalidTextError      the article's text is not valid Unicode (unpaired surrogates)
    │   └── FetchError            a page, feed or robots.txt cannot be fetched, or may not be
    │                             (refused address or scheme, robots.txt, timeout, size, HTTP status)
    ├── GazetteerError        the gazetteer index cannot be built, loaded or imported into
    ├── StoreError            the database cannot be opened, migrated or written
    └── ExportError           an export format is unknown or cannot be written

The CLI turns each into a one-line message and a non-zero exit code; a failing
article never stops the others.
"""

from __future__ import annotations


class TemoinError(Exception):
    """Base class of every error temoin raises on purpose."""


class InputError(TemoinError):
    """An input cannot be read. ``source`` names the file (and line) it came from."""

    def __init__(self, message: str, source: str = "") -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class EmptyArticleError(InputError):
    """The article has no text to analyse."""


class NotFrenchError(InputError):
    """The article's text is not French."""


class ArticleTooLargeError(InputError):
    """The article is larger than the configured limit."""


class InvalidTextError(InputError):
    """The article's text holds unpaired surrogates (broken UTF-16): no writer could store it."""


class FetchError(InputError):
    """A URL cannot be fetched, or may not be: its scheme, address or robots.txt forbid it, or the server failed."""


class GazetteerError(TemoinError):
    """The gazetteer index cannot be built, loaded or imported into."""


class StoreError(TemoinError):
    """The database cannot be opened, migrated or written."""


class ExportError(TemoinError):
    """An export format is unknown or the export cannot be written."""
