"""Articles from CSV files: a header row, then one article per row.

The columns that hold each field are named by ``CsvColumns`` (``--csv-columns
id=ID,text=body``). The delimiter (comma, semicolon, tab or bar) is the one that
splits the header into most columns. The file is streamed: a row may span
several lines (quoted line breaks) but never more than ``max_bytes``; a row that
cannot be read is a failure named ``file.csv:LINE`` (the line the row starts on)
with the reason, and the rows after it are still read.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import date
from typing import IO

from temoin.exceptions import InputError
from temoin.io.options import CsvColumns
from temoin.io.readers import InputFailure, parse_published
from temoin.records import Article

DELIMITERS = ",;\t|"
_QUOTED = re.compile(r'"[^"]*"')

# The csv module's own limit is global to the process; it is raised once, and ``_Lines``
# enforces temoin's per-row limit instead.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class _RowTooLong(Exception):
    pass


@dataclass
class _Lines:
    """Decoded lines for ``csv.reader``, remembering the bad lines, and a row never over ``max_bytes``."""

    stream: IO[bytes]
    max_bytes: int
    number: int = 0
    row_bytes: int = 0
    problems: dict[int, str] = field(default_factory=dict)

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        raw = self.stream.readline(self.max_bytes + 1)
        if not raw:
            raise StopIteration
        self.number += 1
        self.row_bytes += len(raw)
        if self.row_bytes > self.max_bytes:
            if not raw.endswith(b"\n"):
                while (chunk := self.stream.readline(1 << 20)) and not chunk.endswith(b"\n"):
                    pass
            raise _RowTooLong
        try:
            return raw.decode("utf-8-sig" if self.number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            self.problems[self.number] = f"not valid UTF-8 (byte {exc.start})"
            return raw.decode("utf-8", "replace")

    def problem_between(self, first: int, last: int) -> str | None:
        return next((self.problems[n] for n in range(first, last + 1) if n in self.problems), None)


def pick_delimiter(header: str) -> str:
    """The delimiter seen most often in the header outside quotes (a comma when none is)."""
    bare = _QUOTED.sub("", header)
    return max(DELIMITERS, key=lambda d: (bare.count(d), -DELIMITERS.index(d)))


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where each field sits in a row."""

    width: int
    index: dict[str, int]  # field -> column index, for the columns present


def layout(header: list[str], columns: CsvColumns, source: str) -> _Layout:
    names = [h.strip() for h in header]
    folded = {n.casefold(): i for i, n in reversed(list(enumerate(names)))}
    index: dict[str, int] = {}
    for name in (f.name for f in fields(CsvColumns)):
        wanted: str = getattr(columns, name)
        where = names.index(wanted) if wanted in names else folded.get(wanted.casefold())
        if where is not None:
            index[name] = where
        elif name == "text" or wanted != getattr(CsvColumns(), name):
            shown = ", ".join(repr(n) for n in names[:20])
            raise InputError(f"no column {wanted!r} for the {name} (columns: {shown}); see --csv-columns", source)
    return _Layout(len(names), index)


def read_csv(
    stream: IO[bytes], name: str, published: date | None, max_bytes: int, columns: CsvColumns
) -> Iterator[Article | InputFailure]:
    """One article per row; the id, when no column holds it, is ``<file stem>-<line the row starts on>``."""
    lines = _Lines(stream, max_bytes)
    head = stream.peek(8192)[:8192] if hasattr(stream, "peek") else b""
    if b"\x00" in head:
        yield InputFailure(name, InputError("binary file, not CSV", name))
        return
    try:
        first = next(lines, "")
    except _RowTooLong:
        yield InputFailure(name, InputError(f"header longer than {max_bytes} bytes, the input limit", name))
        return
    if not first.strip() or 1 in lines.problems:
        reason = lines.problems.get(1, "no header row")
        yield InputFailure(name, InputError(reason, name))
        return
    delimiter = pick_delimiter(first)
    try:
        header = next(csv.reader([first], delimiter=delimiter))
        shape = layout(header, columns, name)
    except (InputError, csv.Error) as exc:
        error = exc if isinstance(exc, InputError) else InputError(f"header not readable as CSV ({exc})", name)
        yield InputFailure(name, error)
        return
    yield from _rows(lines, delimiter, shape, name, published)


def _rows(
    lines: _Lines, delimiter: str, shape: _Layout, name: str, published: date | None
) -> Iterator[Article | InputFailure]:
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    while True:
        start = lines.number + 1
        lines.row_bytes = 0
        try:
            row = next(reader)
        except StopIteration:
            return
        except _RowTooLong:
            yield _failure(name, start, f"row longer than {lines.max_bytes} bytes, the input limit; skipped")
            continue
        except csv.Error as exc:
            yield _failure(name, start, f"not readable as CSV ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        try:
            yield _article(
                row, shape, f"{name}:{start}", lines.problem_between(start, lines.number), f"{stem}-{start}", published
            )
        except InputError as exc:
            yield InputFailure(exc.source, exc)


def _failure(name: str, line: int, reason: str) -> InputFailure:
    source = f"{name}:{line}"
    return InputFailure(source, InputError(reason, source))


def _article(
    row: list[str], shape: _Layout, source: str, problem: str | None, default_id: str, published: date | None
) -> Article:
    if problem:
        raise InputError(problem, source)
    if len(row) != shape.width:
        raise InputError(f"{len(row)} fields where the header has {shape.width}", source)

    def cell(name: str) -> str:
        return row[shape.index[name]].strip() if name in shape.index else ""

    article_id = cell("id") if "id" in shape.index else default_id
    if not article_id:
        raise InputError("the id is empty", source)
    return Article(
        id=article_id,
        text=row[shape.index["text"]],
        published=parse_published(cell("published"), source) or published,
        title=cell("title"),
        url=cell("url"),
        outlet=cell("outlet"),
    )
