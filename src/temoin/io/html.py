"""Articles from HTML: saved web pages (.html, .htm, .mhtml) and fetched pages.

The main text is extracted with trafilatura, without comments; the title, date,
canonical URL and site name come from the page's metadata. A page over
``MAX_PAGE_BYTES`` (5 MiB), or nested deeper than ``MAX_HTML_DEPTH`` elements, or with
more than ``MAX_ELEMENTS`` elements, is refused with the reason before any
extraction runs, so a crafted page can neither exhaust the stack nor take minutes.
"""

from __future__ import annotations

import email
import email.policy
import logging
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html

from temoin.exceptions import InputError
from temoin.io.readers import parse_published
from temoin.records import Article

MAX_HTML_DEPTH = 200
MAX_ELEMENTS = 200_000

for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    # their messages on odd pages would reach stderr through logging's last resort; temoin reports its own
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str
    published: date | None
    url: str
    outlet: str


def parse_tree(data: bytes, source: str) -> HtmlElement:
    """The page as a tree, or an ``InputError`` for what is not HTML or is too deep or too big."""
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not HTML", source)
    try:
        tree = load_html(data.replace(b"\x00", b""))
    except (ValueError, TypeError, LookupError, etree.LxmlError) as exc:
        raise InputError(f"not readable as HTML ({type(exc).__name__})", source) from exc
    if tree is None or not isinstance(tree, HtmlElement):
        raise InputError("not readable as HTML", source)
    check_shape(tree, source)
    return tree


def check_shape(tree: HtmlElement, source: str) -> None:
    depth = elements = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        elements += 1
        if depth > MAX_HTML_DEPTH:
            raise InputError(f"HTML nested deeper than {MAX_HTML_DEPTH} levels; not read", source)
        if elements > MAX_ELEMENTS:
            raise InputError(f"HTML of more than {MAX_ELEMENTS} elements; not read", source)


def extract(data: bytes, source: str, url: str = "") -> Extracted:
    tree = parse_tree(data, source)
    try:
        document = bare_extraction(tree, url=url or None, with_metadata=True, include_comments=False)
    # trafilatura and its fallbacks (readability, jusText, htmldate) are third-party code run on hostile
    # markup: whatever they raise, the page is refused with the reason and the other inputs go on
    except Exception as exc:
        raise InputError(f"main text could not be extracted ({type(exc).__name__})", source) from exc
    if not isinstance(document, Document) or not (document.text or "").strip():
        raise InputError("no main text found in the page", source)
    return Extracted(
        text=document.text or "",
        title=document.title or "",
        published=_date(document.date),
        url=document.url or url,
        outlet=document.sitename or document.hostname or "",
    )


def _date(value: str | None) -> date | None:
    try:
        return parse_published(value, "")
    except InputError:
        return None


def article_from_html(data: bytes, source: str, article_id: str, published: date | None, url: str = "") -> Article:
    page = extract(data, source, url)
    return Article(
        id=article_id,
        text=page.text,
        published=page.published or published,
        title=page.title,
        url=page.url,
        outlet=page.outlet,
    )


def html_of_mhtml(data: bytes, source: str) -> tuple[bytes, str]:
    """The HTML part of a single-file saved page (MHTML), and its address."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html" and isinstance(part, EmailMessage):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload, str(part.get("content-location") or message.get("snapshot-content-location") or "")
    raise InputError("no HTML part in the saved page", source)
