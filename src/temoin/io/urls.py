"""Articles from URLs: a URL given as an input, or a ``.urls`` file of them (one per line).

A URL is fetched (see ``fetch`` for what is refused) and read as what it turns
out to be: an RSS or Atom feed (each entry then gives an article), an HTML page
(its main text), or plain text. In a ``.urls`` file, blank lines and lines
starting with ``#`` are skipped; every other line gets an article or a failure
named ``file.urls:LINE``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from temoin.exceptions import InputError
from temoin.io.feeds import looks_like_feed, read_feed
from temoin.io.html import article_from_html
from temoin.io.options import ReadOptions
from temoin.io.readers import InputFailure, LineStream, decode
from temoin.records import Article

MAX_URL_LINE = 64 * 1024


def read_url(url: str, source: str, published: date | None, options: ReadOptions) -> Iterator[Article | InputFailure]:
    try:
        page = options.fetcher().get(url, source)
        if looks_like_feed(page.body, page.content_type):
            yield from read_feed(page.body, source, published, options)
        elif page.content_type == "text/plain":
            yield Article(url, decode(page.body, source), published, url=page.url)
        elif page.content_type in ("", "text/html", "application/xhtml+xml"):
            yield article_from_html(page.body, source, url, published, page.url)
        else:
            raise InputError(f"content type {page.content_type!r} is not HTML, a feed or text", source)
    except InputError as exc:
        yield InputFailure(exc.source, exc)


def read_url_list(
    stream: LineStream, name: str, published: date | None, options: ReadOptions
) -> Iterator[Article | InputFailure]:
    number = 0
    while raw := stream.readline(MAX_URL_LINE + 1):
        number += 1
        source = f"{name}:{number}"
        if len(raw) > MAX_URL_LINE and not raw.endswith(b"\n"):
            while (chunk := stream.readline(MAX_URL_LINE)) and not chunk.endswith(b"\n"):
                pass
            yield InputFailure(source, InputError(f"line longer than {MAX_URL_LINE} bytes; not a URL", source))
            continue
        try:
            line = decode(raw, source).strip()
        except InputError as exc:
            yield InputFailure(source, exc)
            continue
        if line and not line.startswith("#"):
            shown = line if len(line) <= 200 else line[:200] + "..."
            yield from read_url(line, f"{source} {shown}", published, options)
