"""Articles from .txt files, JSON Lines files, folders and stdin.

Every unreadable input becomes an ``InputFailure`` naming the file (and line)
with the reason; the other inputs are still read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from temoin.exceptions import InputError
from temoin.records import Article

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_JSON_DEPTH = 20


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
        raise InputError(f"published {value!r} is not an ISO date (YYYY-MM-DD)", source) from exc


def decode(data: bytes, source: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text", source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {exc.start})", source) from exc


def article_from_record(record: Any, source: str, published: date | None) -> Article:
    if not isinstance(record, dict):
        raise InputError("each line must be a JSON object", source)
    if "id" not in record or "text" not in record:
        raise InputError("each article needs an 'id' and a 'text'", source)
    if not isinstance(record["text"], str):
        raise InputError("'text' must be a string", source)
    return Article(
        id=str(record["id"]),
        text=record["text"],
        published=parse_published(record.get("published"), source) or published,
        title=str(record.get("title") or ""),
        url=str(record.get("url") or ""),
        outlet=str(record.get("outlet") or ""),
        lang=str(record.get("lang") or "fr"),
    )


def read_jsonl(stream: IO[bytes], name: str, published: date | None) -> Iterator[Article | InputFailure]:
    for number, raw in enumerate(stream, 1):
        source = f"{name}:{number}"
        try:
            line = decode(raw, source).strip()
            if not line:
                continue
            if line.count("{") + line.count("[") > 10_000 or _depth(line) > MAX_JSON_DEPTH:
                raise InputError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels", source)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})", source) from exc
            yield article_from_record(record, source, published)
        except InputError as exc:
            yield InputFailure(source, exc)


def _depth(line: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for ch in line:
        if in_string:
            escaped = not escaped and ch == "\\"
            if ch == '"' and not escaped:
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "}]":
            depth -= 1
    return deepest


def read_text(data: bytes, name: str, article_id: str, published: date | None) -> Article:
    return Article(article_id, decode(data, name), published)


def read_path(path: Path, published: date | None) -> Iterator[Article | InputFailure]:
    name = str(path)
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                yield from read_path(child, published)
        return
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                yield from read_jsonl(fh, name, published)
            return
        yield read_text(path.read_bytes(), name, path.stem, published)
    except InputError as exc:
        yield InputFailure(name, exc)
    except OSError as exc:
        yield InputFailure(name, InputError(f"cannot read ({exc.strerror or exc})", name))


def read_stdin(published: date | None, stream: IO[bytes] | None = None) -> Iterator[Article | InputFailure]:
    data = (stream or sys.stdin.buffer).read()
    first = data.lstrip()[:1]
    if first == b"{":
        import io

        yield from read_jsonl(io.BytesIO(data), "<stdin>", published)
        return
    try:
        yield read_text(data, "<stdin>", "stdin", published)
    except InputError as exc:
        yield InputFailure("<stdin>", exc)


def read_inputs(inputs: list[str], published: date | None = None) -> Iterator[Article | InputFailure]:
    """Articles from each input in turn: a file, a folder, or '-' for stdin."""
    for item in inputs:
        if item == "-":
            yield from read_stdin(published)
        else:
            path = Path(item)
            if not path.exists():
                yield InputFailure(item, InputError("no such file or folder", item))
            else:
                yield from read_path(path, published)
