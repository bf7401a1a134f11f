"""How inputs are read: CSV column names and the fetching policy, set from the command line.

Kept apart from the readers, and free of heavy imports, so that ``temoin analyze
article.txt`` never loads the HTTP client, the HTML extractor or the feed parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from temoin.exceptions import InputError

if TYPE_CHECKING:
    from temoin.io.fetch import Fetcher


def _user_agent() -> str:
    try:
        release = version("temoin")
    except PackageNotFoundError:  # run from a source tree that was never installed
        release = "0"
    return f"temoin/{release} (French conflict news to event records; respects robots.txt)"


USER_AGENT = _user_agent()
MAX_PAGE_BYTES = 5 * 1024 * 1024  # the largest page fetched or HTML file read (5 MiB): extraction time grows with it


@dataclass(frozen=True, slots=True)
class CsvColumns:
    """The CSV header name that holds each article field. ``id`` is optional: without it, rows are numbered."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    published: str = "published"
    url: str = "url"
    outlet: str = "outlet"

    @classmethod
    def parse(cls, spec: str) -> CsvColumns:
        """From ``"id=ID,text=body,published=date"``: FIELD=COLUMN pairs, the rest keep their default."""
        known = {f.name for f in fields(cls)}
        chosen: dict[str, str] = {}
        for pair in filter(None, (p.strip() for p in spec.split(","))):
            key, sep, column = (part.strip() for part in pair.partition("="))
            key = "published" if key == "date" else key
            if not sep or not column:
                raise InputError(f"{pair!r} is not FIELD=COLUMN")
            if key not in known:
                raise InputError(f"unknown field {key!r} (fields: {', '.join(sorted(known))})")
            chosen[key] = column
        return replace(cls(), **chosen)


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """What fetching may do. Private, loopback, link-local and reserved addresses are refused unless allowed."""

    enabled: bool = True
    allow_private: bool = False
    timeout: float = 20.0  # seconds to connect, and between two reads; a whole page gets 3 times this
    retries: int = 2  # more tries after a network error, a timeout, 429 or 5xx
    backoff: float = 1.0  # seconds before the first retry, doubled at each retry
    delay: float = 1.0  # seconds between two requests to the same host (more if robots.txt asks)
    max_bytes: int = MAX_PAGE_BYTES
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass
class ReadOptions:
    """Everything readers need beyond the input itself. One ``Fetcher`` is made on demand and kept, with its cache."""

    columns: CsvColumns = field(default_factory=CsvColumns)
    fetch: FetchPolicy = field(default_factory=FetchPolicy)
    _fetcher: Fetcher | None = field(default=None, init=False, repr=False, compare=False)

    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from temoin.io.fetch import Fetcher

            self._fetcher = Fetcher(self.fetch)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None
