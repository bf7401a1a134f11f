"""What every fuzz input must satisfy; a violated property raises AssertionError, which atheris reports as a crash.

The same properties as tests/test_robustness.py, written once more here so that the fuzz
targets need neither pytest nor hypothesis.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from temoin.exceptions import InputError
from temoin.io.readers import InputFailure
from temoin.records import Article
from temoin.stages.clean import CONTROL, SAME_LENGTH, clean_text
from temoin.stages.dates import find_dates
from temoin.stages.labels import find_labels
from temoin.stages.tolls import find_tolls

UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\ud800-\udfff]")


def writable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_items(items: list[Article | InputFailure]) -> None:
    """An article or a failure each; a failure starts with its source; everything can be written as UTF-8."""
    for item in items:
        if isinstance(item, InputFailure):
            assert isinstance(item.error, InputError), item
            assert str(item.error).startswith(item.source + ": "), item
            assert writable(str(item.error)), item
        else:
            assert isinstance(item, Article), item
            for value in (item.id, item.text, item.title, item.url, item.outlet, item.lang):
                assert writable(value), item


def answered_lines(data: bytes, max_bytes: int) -> int:
    """How many answers read_jsonl owes for ``data``: one per line that is not blank."""
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    count = 0
    for raw in lines:
        if len(raw) <= max_bytes and b"\x00" not in raw[:8192]:
            try:
                if not raw.decode("utf-8-sig").strip():
                    continue
            except UnicodeDecodeError:
                pass
        count += 1
    return count


def check_clean(text: str, start: int, end: int) -> None:
    clean = clean_text(text)
    origin = clean.origin
    assert len(origin) == len(clean.text) >= len(text)
    assert list(origin) == sorted(origin) and set(origin) == set(range(len(text)))
    added = {i for i in range(len(origin) - 1) if origin[i] == origin[i + 1]}
    assert len(clean.text) - len(text) == len(added)
    same = CONTROL.sub(" ", text.translate(SAME_LENGTH))
    for i, ch in enumerate(clean.text):
        assert ch == " " if i in added else ch == same[origin[i]], (text, i)
    assert not UNSAFE.search(clean.text)
    assert clean_text(clean.text).text == clean.text
    end = min(end, len(clean.text))
    start = min(start, end)
    first, last = clean.to_original(start, end)
    assert 0 <= first <= last <= len(text), (text, start, end)


def check_stages(text: str, published: date | None) -> None:
    dates = find_dates(text, published)
    assert all(0 <= s < e <= len(text) and r.precision in {1, 2, 3} for s, e, r in dates)
    assert all(a[1] <= b[0] for a, b in pairwise(dates))
    for toll in find_tolls(text):
        assert 0 <= toll.start < toll.end <= len(text) and 0 <= toll.count < 10**9, toll
    labels = find_labels(text)
    assert all(0 <= s <= e <= len(text) for s, e, _ in labels)
    assert all(a[1] <= b[0] for a, b in pairwise(labels))
