"""Articles from RSS and Atom feeds: a feed file, or a feed fetched from a URL.

Each entry's page is fetched (politely, see ``fetch``) and its main text
extracted; with fetching off (``--no-fetch``) the entry's own content or summary
is used when it holds at least ``MIN_SUMMARY_WORDS`` words. Each entry gives an
article or a failure named ``<feed> entry N``; a broken feed gives one failure.
The feed is given to feedparser as a stream, never as a string, which
feedparser would open as a file name or a URL.
"""

from __future__ import annotations

import html
import io
import re
import time
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from typing import Any

import feedparser

from temoin.exceptions import InputError
from temoin.io.options import ReadOptions
from temoin.io.readers import InputFailure, unicode_text
from temoin.records import Article

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
MIN_SUMMARY_WORDS = 20
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_TAG = re.compile(r"<[^>]*>")
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "article", "section"}


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """Whether ``data`` is RSS or Atom: by its content type, else by its root element near the start."""
    if content_type in FEED_TYPES:
        return True
    return bool(_FEED_ROOT.search(data[:4096]))


class _TextOf(HTMLParser):
    """The text of an HTML fragment, a line per block; linear in the input, never fetching anything."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def text_of_fragment(fragment: str) -> str:
    parser = _TextOf()
    try:
        parser.feed(fragment)
        parser.close()
        text = "".join(parser.parts)
    except AssertionError:  # how html.parser (_markupbase) rejects a malformed "<![...[" section
        text = html.unescape(_TAG.sub(" ", fragment))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def entry_summary(entry: Any) -> str:
    """The entry's full content if it has one, else its summary, as text."""
    for item in entry.get("content") or []:
        value = item.get("value") if isinstance(item, dict) else None
        if isinstance(value, str) and value.strip():
            return text_of_fragment(value)
    summary = entry.get("summary")
    return text_of_fragment(summary) if isinstance(summary, str) else ""


def entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = dict.get(entry, key)  # not entry.get: feedparser maps missing keys onto others, with a warning
        if isinstance(value, time.struct_time):
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None


def read_feed(data: bytes, name: str, published: date | None, options: ReadOptions) -> Iterator[Article | InputFailure]:
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    except (ValueError, TypeError, LookupError, RecursionError) as exc:  # feedparser's own guard misses some
        yield InputFailure(name, InputError(f"not a readable RSS or Atom feed ({type(exc).__name__})", name))
        return
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a readable RSS or Atom feed ({problem})" if problem else "the feed has no entries"
        yield InputFailure(name, InputError(reason, name))
        return
    outlet = str((parsed.get("feed") or {}).get("title") or "")
    for number, entry in enumerate(entries, 1):
        source = f"{name} entry {number}"
        try:
            yield checked(entry_article(entry, source, outlet, published, options), source)
        except InputError as exc:
            yield InputFailure(exc.source, exc)


def entry_article(entry: Any, source: str, outlet: str, published: date | None, options: ReadOptions) -> Article:
    link = str(entry.get("link") or "")
    article_id = str(entry.get("id") or link or source)
    title = text_of_fragment(str(entry.get("title") or ""))
    when = entry_date(entry)
    if options.fetch.enabled and link:
        from temoin.io.html import article_from_html

        page = options.fetcher().get(link, f"{source} ({link})")
        article = article_from_html(page.body, f"{source} ({link})", article_id, when or published, page.url)
        return Article(
            id=article.id,
            text=article.text,
            published=when or article.published,
            title=title or article.title,
            url=link,
            outlet=outlet or article.outlet,
        )
    summary = entry_summary(entry)
    if len(summary.split()) < MIN_SUMMARY_WORDS:
        why = "fetching is off (--no-fetch)" if link else "the entry has no link"
        raise InputError(f"no usable summary text (under {MIN_SUMMARY_WORDS} words) and {why}", source)
    return Article(article_id, summary, when or published, title, link, outlet)


def checked(article: Article, source: str) -> Article:
    for field in ("id", "text", "title", "url", "outlet"):
        unicode_text(getattr(article, field), field, source)
    return article
