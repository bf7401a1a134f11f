"""Articles from .txt, JSON Lines, CSV, HTML and feed files, URLs, folders of them and stdin.

Every unreadable input becomes an ``InputFailure`` naming the file (and line)
with the reason; the other inputs are still read. Nothing larger than
``MAX_BYTES`` (a JSONL line, a text file, text on stdin) is read into memory,
JSON nested deeper than ``MAX_JSON_DEPTH`` is not parsed, and text that cannot
be written back as UTF-8 (unpaired surrogates from JSON escapes) is refused.
The other formats have their own modules (``csv_reader``, ``html``, ``feeds``,
``urls``), imported only when an input needs them.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any, Protocol

from temoin.exceptions import InputError
from temoin.io.options import MAX_PAGE_BYTES, ReadOptions
from temoin.records import Article

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MHTML_SUFFIXES = {".mhtml", ".mht"}
FEED_SUFFIXES = {".rss", ".atom"}
URL_LIST_SUFFIXES = {".urls"}
READ_SUFFIXES = (
    TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES | MHTML_SUFFIXES | FEED_SUFFIXES | URL_LIST_SUFFIXES
)
MAX_JSON_DEPTH = 20
MAX_BYTES = 20 * 1024 * 1024  # the largest JSONL line, CSV row, text file or stdin text read (20 MiB)
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.S)  # a whole string, or one bracket
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_OPTIONS: ContextVar[ReadOptions | None] = ContextVar("read_options", default=None)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")  # any scheme: those not fetched are refused with the reason


class LineStream(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True, slots=True)
class InputFailure:
    source: str
    error: InputError


def parse_published(value: Any, source: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        shown = repr(value)
        shown = shown if len(shown) <= 40 else shown[:40] + "..."
        raise InputError(f"published {shown} is not an ISO date (YYYY-MM-DD)", source) from exc


def decode(data: bytes, source: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text", source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {exc.start})", source) from exc


def unicode_text(value: str, field: str, source: str) -> str:
    """``value``, unless it holds a lone surrogate (a JSON escape such as \\ud800) that no writer could encode."""
    bad = _SURROGATE.search(value)
    if bad:
        raise InputError(f"'{field}' is not valid Unicode (unpaired surrogate at character {bad.start()})", source)
    return value


def article_from_record(record: Any, source: str, published: date | None) -> Article:
    if not isinstance(record, dict):
        raise InputError("each line must be a JSON object", source)
    if "id" not in record or "text" not in record:
        raise InputError("each article needs an 'id' and a 'text'", source)
    if not isinstance(record["text"], str):
        raise InputError("'text' must be a string", source)
    article = Article(
        id=str(record["id"]),
        text=record["text"],
        published=parse_published(record.get("published"), source) or published,
        title=str(record.get("title") or ""),
        url=str(record.get("url") or ""),
        outlet=str(record.get("outlet") or ""),
        lang=str(record.get("lang") or "fr"),
    )
    for field in ("id", "text", "title", "url", "outlet", "lang"):
        unicode_text(getattr(article, field), field, source)
    return article


def read_jsonl(
    stream: LineStream, name: str, published: date | None, max_bytes: int = MAX_BYTES
) -> Iterator[Article | InputFailure]:
    """One article per line; a line over ``max_bytes`` is skipped, never held in memory whole."""
    number = 0
    while raw := stream.readline(max_bytes + 1):
        number += 1
        source = f"{name}:{number}"
        try:
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                _skip_line(stream)
                raise InputError(f"line longer than {max_bytes} bytes, the input limit; skipped", source)
            line = decode(raw, source).strip()
            if not line:
                continue
            if too_deep(line, MAX_JSON_DEPTH):
                raise InputError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels", source)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})", source) from exc
            except ValueError as exc:  # an integer over Python's 4300-digit limit
                raise InputError(f"not valid JSON ({str(exc).partition(':')[0]})", source) from exc
            except RecursionError as exc:  # too_deep should have caught it: never crash on it
                raise InputError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels", source) from exc
            yield article_from_record(record, source, published)
        except InputError as exc:
            yield InputFailure(source, exc)


def _skip_line(stream: LineStream) -> None:
    while (chunk := stream.readline(1 << 20)) and not chunk.endswith(b"\n"):
        pass


def too_deep(line: str, limit: int) -> bool:
    """Whether JSON ``line`` nests brackets deeper than ``limit`` (brackets inside strings do not count)."""
    depth = 0
    for m in _JSON_TOKEN.finditer(line):
        token = m.group()
        if token in "{[":
            depth += 1
            if depth > limit:
                return True
        elif token in "}]":
            depth -= 1
    return False


def read_text(data: bytes, name: str, article_id: str, published: date | None) -> Article:
    return Article(article_id, decode(data, name), published)


def read_limited(stream: IO[bytes], max_bytes: int, source: str, head: bytes = b"") -> bytes:
    """All of ``stream`` after ``head``, or an ``InputError`` once it passes ``max_bytes`` (nothing more is read)."""
    chunks, size = [head], len(head)
    while size <= max_bytes and (chunk := stream.read(max_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise InputError(f"larger than {max_bytes} bytes, the input limit; not read", source)
    return b"".join(chunks)


def printable(path: Path | str) -> str:
    """A path as text that can be written anywhere: undecodable bytes in file names become \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_path(
    path: Path, published: date | None, max_bytes: int = MAX_BYTES, options: ReadOptions | None = None
) -> Iterator[Article | InputFailure]:
    name = printable(path)
    options = options or ReadOptions()
    try:
        children = sorted(path.rglob("*")) if path.is_dir() else None
    except OSError as exc:
        yield InputFailure(name, InputError(f"cannot list ({exc.strerror or exc})", name))
        return
    if children is not None:
        for child in children:
            if child.is_file() and child.suffix.lower() in READ_SUFFIXES and not is_page_asset(child):
                yield from read_path(child, published, max_bytes, options)
        return
    try:
        with path.open("rb") as fh:
            yield from read_file(fh, path, name, published, max_bytes, options)
    except InputError as exc:
        yield InputFailure(name, exc)
    except OSError as exc:
        yield InputFailure(name, InputError(f"cannot read ({exc.strerror or exc})", name))


def read_file(
    fh: IO[bytes], path: Path, name: str, published: date | None, max_bytes: int, options: ReadOptions
) -> Iterator[Article | InputFailure]:
    """The articles of one open file, read as its suffix says (text when it says nothing known)."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(fh, name, published, max_bytes)
    elif suffix in CSV_SUFFIXES:
        from temoin.io.csv_reader import read_csv

        yield from read_csv(fh, name, published, max_bytes, options.columns)
    elif suffix in URL_LIST_SUFFIXES:
        from temoin.io.urls import read_url_list

        yield from read_url_list(fh, name, published, options)
    elif suffix in HTML_SUFFIXES | MHTML_SUFFIXES:
        yield read_page(read_limited(fh, min(max_bytes, MAX_PAGE_BYTES), name), path, name, published)
    elif suffix in FEED_SUFFIXES:
        from temoin.io.feeds import read_feed

        yield from read_feed(read_limited(fh, max_bytes, name), name, published, options)
    else:
        yield read_text(read_limited(fh, max_bytes, name), name, printable(path.stem), published)


def read_page(data: bytes, path: Path, name: str, published: date | None) -> Article:
    """A saved web page: .html, .htm, or a single-file .mhtml."""
    from temoin.io.html import article_from_html, html_of_mhtml

    url = ""
    if path.suffix.lower() in MHTML_SUFFIXES:
        data, url = html_of_mhtml(data, name)
    return article_from_html(data, name, printable(path.stem), published, url)


def is_page_asset(path: Path) -> bool:
    """Whether ``path`` lies in the ``NAME_files`` folder a browser saves beside ``NAME.html`` (frames, ads)."""
    for folder in path.parents:
        if folder.name.endswith("_files"):
            stem = folder.name[: -len("_files")]
            if any((folder.parent / (stem + suffix)).is_file() for suffix in HTML_SUFFIXES):
                return True
    return False


@contextmanager
def reading_with(options: ReadOptions) -> Iterator[ReadOptions]:
    """Make ``options`` the default of ``read_inputs`` within the block (for callers that do not pass them on)."""
    token = _OPTIONS.set(options)
    try:
        yield options
    finally:
        _OPTIONS.reset(token)


class _Prefixed:
    """Lines of ``head`` and then of ``stream``, as if ``head`` had not been read from it."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self.head = io.BytesIO(head)
        self.stream = stream

    def readline(self, size: int = -1, /) -> bytes:
        line = self.head.readline(size)
        if line.endswith(b"\n") or 0 <= size <= len(line):
            return line
        return line + self.stream.readline(size - len(line) if size >= 0 else -1)


def read_stdin(
    published: date | None, stream: IO[bytes] | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[Article | InputFailure]:
    """JSON Lines when the first non-blank byte is '{', else one text article; read as it comes, never whole."""
    source = stream or sys.stdin.buffer
    head = b""
    while not head.lstrip() and len(head) <= max_bytes and (chunk := source.read(1 << 16)):
        head += chunk
    if head.lstrip()[:1] == b"{":
        yield from read_jsonl(_Prefixed(head, source), "<stdin>", published, max_bytes)
        return
    try:
        yield read_text(read_limited(source, max_bytes, "<stdin>", head), "<stdin>", "stdin", published)
    except InputError as exc:
        yield InputFailure("<stdin>", exc)


def read_inputs(
    inputs: list[str], published: date | None = None, max_bytes: int = MAX_BYTES, options: ReadOptions | None = None
) -> Iterator[Article | InputFailure]:
    """Articles from each input in turn: a file, a folder, a URL, or '-' for stdin.

    ``options`` default to those set by ``reading_with``, else to ``ReadOptions()``.
    """
    options = options or _OPTIONS.get() or ReadOptions()
    for item in inputs:
        if item == "-":
            yield from read_stdin(published, max_bytes=max_bytes)
            continue
        if _URL.match(item):
            from temoin.io.urls import read_url

            yield from read_url(item, printable(item), published, options)
            continue
        path = Path(item)
        try:
            exists = path.exists()
        except (OSError, ValueError) as exc:  # a name too long, a NUL byte
            reason = getattr(exc, "strerror", None) or exc
            yield InputFailure(printable(item), InputError(f"cannot read ({reason})", printable(item)))
            continue
        if not exists:
            yield InputFailure(printable(item), InputError("no such file or folder", printable(item)))
        else:
            yield from read_path(path, published, max_bytes, options)
