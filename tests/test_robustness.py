"""Robustness: hostile, malformed and huge inputs never crash temoin, and every refusal is named.

Property-based (hypothesis) over the text pipeline (``clean_text``, ``find_dates``,
``find_tolls``, ``find_labels``, the full ``Analyzer``) and the readers (JSON Lines,
.txt, stdin), plus the limits: oversize lines, files and articles, deep JSON,
invalid encodings. docs/guarantees.md lists what each test shows; fuzz/ runs the
same properties under atheris for hundreds of thousands of inputs.
"""

from __future__ import annotations

import io
import json
import os
import re
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from temoin.api import MAX_CHARS, Analyzer, ArticleFailure, check_article
from temoin.exceptions import ArticleTooLargeError, EmptyArticleError, InputError, InvalidTextError, NotFrenchError
from temoin.io.readers import (
    MAX_BYTES,
    MAX_JSON_DEPTH,
    InputFailure,
    read_inputs,
    read_jsonl,
    read_path,
    read_stdin,
)
from temoin.records import Article
from temoin.stages.clean import CONTROL, SAME_LENGTH, clean_text
from temoin.stages.dates import find_dates
from temoin.stages.labels import find_labels
from temoin.stages.tolls import find_tolls

ANY_TEXT = st.text(st.characters(exclude_categories=()))  # every code point, lone surrogates included
# Pieces of French conflict reporting and of what the web and hostile writers add to it.
FRAGMENTS = [
    "Des hommes armés ont tué au moins 12 soldats",
    "mardi",
    "lundı dernier",
    "LUNDİ",
    "dans la nuit de samedi à dimanche",
    "hier",
    "avant-hier",
    "la veille",
    "le 3 mars 2024",
    "1er ſeptembre",
    "31/02/2024",
    "12/13/2024",
    "il y a 3 jours",
    "il y a ſix ſemaines",
    "il y a 99999999 jours",
    "l'an dernier",
    "la semaine dernière",
    "depuis le début de l'année",
    "mi-août",
    "au moins",
    "près de",
    "une dizaine de",
    "des dizaines de",
    "40 assaillants et 7 soldats tués",
    "1 000 000 000 000 morts",
    "9" * 40,
    " blessés",
    " morts",
    " civils",
    " tués",
    ", dont deux enfants",
    "terroristes",
    "forces d'occupation",
    "régime de Kiev",
    "lâche attaque",
    "sionistes",
    "Djibo",
    "Gao",
    "Ménaka",
    "Kidal",
    "Bamako",
    "Ouagadougou",
    "Niamey",
    "Gaza",
    "Kharkiv",
    "Goma",
    "au Burkina Faso",
    "près de Tombouctou",
    "selon une source sécuritaire",
    "a indiqué l'armée",
    "l'armée malienne",
    "des jihadistes du JNIM",
    "le M23",
    "Wagner",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "«",
    "»",
    "(",
    ")",
    '"',
    "'",
    "’",
    " - ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\u00a0",
    "\u202f",
    "\ufeff",
    "\u200b",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u2069",  # spaces, RTL marks
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\ud800",
    "\udfff",  # control characters, lone surrogates
    "💥",
    "🇲🇱",
    "👨‍👩‍👧",
    "e\u0301",
    "ﬁ",
    "ｄｉｍａｎｃｈｅ",
    "٣",
    "١٢ soldats tués",  # emoji, combining, wide, Arabic
    "<script>alert(1)</script>",
    "<b>",
    "&amp;",
    "&#x27;",
    "<!--",
    "]]>",
    "{{",
    "%s",
    "\\",
    "Lire aussi :",
    "inévitable.Escalade",
    "ab.Cd",
    "morts.Le",
]
FRENCHISH = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40).map(" ".join)
TEXTS = st.one_of(ANY_TEXT, FRENCHISH)
PUBLISHED = st.one_of(st.none(), st.dates())  # years 1 to 9999: relative dates near the edges overflow


def normalized(text: str) -> str:
    """``text`` after the same-length replacements of clean_text (its offsets unchanged)."""
    return CONTROL.sub(" ", text.translate(SAME_LENGTH))


def inserted(origin: tuple[int, ...]) -> set[int]:
    """Positions of characters clean_text inserted: each shares its origin with the next character."""
    return {i for i in range(len(origin) - 1) if origin[i] == origin[i + 1]}


def writable(value: str) -> bool:
    """Whether writers and the store can take ``value`` (UTF-8 cannot encode lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# -- the text pipeline --------------------------------------------------------------------------------


@given(TEXTS)
@example("inévitable.Escalade")
@example("\ud800ab.Cd")
def test_clean_text_keeps_every_character_and_maps_back(text: str) -> None:
    clean = clean_text(text)
    origin = clean.origin
    assert len(origin) == len(clean.text) >= len(text) and clean.original_length == len(text)
    assert list(origin) == sorted(origin) and set(origin) == set(range(len(text)))  # nothing lost, order kept
    added = inserted(origin)
    assert len(clean.text) - len(text) == len(added) and all(clean.text[i] == " " for i in added)
    same = normalized(text)
    assert all(clean.text[i] == same[origin[i]] for i in range(len(origin)) if i not in added)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f\ud800-\udfff]", clean.text)  # no control chars, no surrogates
    assert clean_text(clean.text).text == clean.text  # cleaning twice changes nothing more


@given(TEXTS, st.data())
def test_offset_map_always_points_inside_the_original(text: str, data: st.DataObject) -> None:
    clean = clean_text(text)
    end = data.draw(st.integers(0, len(clean.text)))
    start = data.draw(st.integers(0, end))
    first, last = clean.to_original(start, end)
    assert 0 <= first <= last <= len(text)
    if start < end and end - 1 not in inserted(clean.origin):
        kept = "".join(ch for i, ch in enumerate(clean.text[start:end], start) if i not in inserted(clean.origin))
        assert normalized(text)[first:last] == kept  # the same characters, before clean-up


@given(TEXTS, PUBLISHED)
@example("le 1er ſeptembre, LUNDİ, il y a 2 ſemaines", date(2024, 3, 6))
@example("hier", date(1, 1, 1))
@example("le 3 mars", date(9999, 12, 31))
@example("il y a " + "9" * 5000 + " jours", date(2024, 3, 6))
def test_find_dates_never_raises(text: str, published: date | None) -> None:
    found = find_dates(text, published)
    assert [f[0] for f in found] == sorted(f[0] for f in found)
    assert all(0 <= start < end <= len(text) and reading.precision in {1, 2, 3} for start, end, reading in found)
    assert all(a[1] <= b[0] for a, b in pairwise(found))  # never overlapping


@given(TEXTS)
@example("9" * 5000 + " morts")
@example("9 999 999 999 999 999 999 999 morts")
def test_find_tolls_never_raises(text: str) -> None:
    for toll in find_tolls(text):
        assert 0 <= toll.start < toll.end <= len(text)
        assert toll.outcome in {"KILLED", "INJURED"}
        assert 0 <= toll.count < 10**9  # fits any integer column


@given(TEXTS)
def test_find_labels_never_raises(text: str) -> None:
    found = find_labels(text)
    assert all(0 <= start <= end <= len(text) for start, end, _ in found)
    assert all(a[1] <= b[0] for a, b in pairwise(found))  # never overlapping


def test_case_folded_dates_resolve_as_their_plain_spelling() -> None:
    published = date(2024, 3, 6)
    plain = find_dates("le 1er septembre, lundi, il y a 2 semaines", published)
    folded = find_dates("le 1er ſeptembre, LUNDİ, il y a 2 ſemaines", published)
    assert [r for _, _, r in folded] == [r for _, _, r in plain]


@pytest.mark.parametrize(
    ("name", "run", "piece"),
    [
        ("clean_text", clean_text, "inévitable.Escalade "),
        ("find_dates", lambda t: find_dates(t, date(2024, 3, 6)), "lundi 3 mars hier "),
        ("find_labels", find_labels, "terroristes barbares "),
        ("find_tolls", find_tolls, "12 soldats et "),
    ],
)
def test_pathological_repetition_stays_linear(name: str, run, piece: str) -> None:  # type: ignore[no-untyped-def]
    """200,000 characters of matches: under the quadratic overlap checks this took minutes."""
    text = piece * (200_000 // len(piece))
    started = time.perf_counter()
    run(text)
    assert time.perf_counter() - started < 15, name


def test_sentence_marker_is_linear_on_long_texts() -> None:
    import spacy

    from temoin.stages.clean import sentence_starts

    nlp = spacy.blank("fr")
    nlp.add_pipe("temoin_sentences")
    text = "Des tirs à Gao. Le bilan est lourd.\nMardi, à Djibo ! « Non. » Oui ?! " * 4000  # 80,000 tokens
    started = time.perf_counter()
    doc = nlp(text)
    assert time.perf_counter() - started < 15  # token by token, each write scanned the doc: minutes
    assert [t.is_sent_start for t in doc] == sentence_starts(doc)


# -- check_article ---------------------------------------------------------------------------------------


@given(ANY_TEXT, st.text(max_size=20), st.integers(1, 200))
def test_check_article_refuses_only_with_a_named_reason(text: str, article_id: str, max_chars: int) -> None:
    try:
        check_article(Article(article_id, text), max_chars)
    except InputError as exc:
        assert isinstance(exc, EmptyArticleError | ArticleTooLargeError | NotFrenchError | InvalidTextError)
        assert str(exc).startswith(f"article {article_id}: ")
        assert text.strip() or isinstance(exc, EmptyArticleError)
        assert len(text) <= max_chars or isinstance(exc, EmptyArticleError | ArticleTooLargeError)
        if isinstance(exc, ArticleTooLargeError):
            assert str(exc) == f"article {article_id}: {len(text)} characters, over the limit of {max_chars}"
    else:
        assert text.strip() and len(text) <= max_chars


def test_oversize_article_is_refused_with_the_limit() -> None:
    with pytest.raises(ArticleTooLargeError, match=f"article big: {MAX_CHARS + 1} characters, over the limit"):
        check_article(Article("big", ("la " * MAX_CHARS)[: MAX_CHARS + 1]))
    check_article(Article("fits", ("de la " * MAX_CHARS)[:MAX_CHARS]))


# -- the full Analyzer ---------------------------------------------------------------------------------


def test_analyzer_limit_is_configurable(analyzer: Analyzer) -> None:
    small = Analyzer(nlp=analyzer.nlp, max_chars=60)
    text = "Des hommes armés ont tué au moins sept soldats mardi à Djibo, selon l'armée."
    [outcome] = small.analyze_articles([Article("long", text)])
    assert isinstance(outcome, ArticleFailure) and isinstance(outcome.error, ArticleTooLargeError)
    assert str(outcome.error) == f"article long: {len(text)} characters, over the limit of 60"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FRENCHISH, PUBLISHED)
@example("Des hommes armés ont tué au moins 12 soldats mardi à Djibo \ud800, selon l'armée.", date(2024, 3, 6))
@example("Lundı, des tirs à Gao \x00 ont fait 1 000 000 000 000 morts il y a 99999999 jours.", date(1, 1, 2))
def test_analyzer_never_crashes_and_offsets_stay_in_the_text(
    analyzer: Analyzer, text: str, published: date | None
) -> None:
    try:
        result = analyzer.analyze(text, published, "gen")
    except InputError as exc:  # empty, not French: refused with the reason
        assert str(exc).startswith("article gen: ")
        return
    for event in result.events:
        span = event.evidence
        assert 0 <= span.start <= span.end <= len(text) and span.text == text[span.start : span.end]
    for item in [*result.places, *result.attributions, *result.labels]:
        assert 0 <= item.start <= item.end <= len(text)


# -- JSON Lines --------------------------------------------------------------------------------------------


def expected_jsonl_items(data: bytes, max_bytes: int) -> list[int]:
    """The line numbers read_jsonl must answer for: every line but blank ones (an article or a failure each)."""
    numbers = []
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    for number, raw in enumerate(lines, 1):
        if len(raw) <= max_bytes and b"\x00" not in raw[:8192]:
            try:
                if not raw.decode("utf-8-sig").strip():
                    continue
            except UnicodeDecodeError:
                pass
        numbers.append(number)
    return numbers


def check_items(items: list[Article | InputFailure], name: str) -> None:
    """Each item an article or a failure; a failure says where and why; everything writable as UTF-8."""
    for item in items:
        if isinstance(item, InputFailure):
            assert isinstance(item.error, InputError) and str(item.error).startswith(item.source + ": ")
            assert item.source.startswith(name) and writable(str(item.error))
        else:
            assert isinstance(item, Article)
            assert all(writable(v) for v in (item.id, item.text, item.title, item.url, item.outlet, item.lang))


JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), ANY_TEXT)
JSON_VALUE = st.recursive(
    JSON_LEAF, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(), inner, max_size=3))
)
RECORD = st.fixed_dictionaries(
    {"id": st.one_of(st.text(), st.integers()), "text": st.one_of(ANY_TEXT, FRENCHISH)},
    optional={
        "published": st.one_of(st.dates().map(date.isoformat), st.text()),
        "title": JSON_VALUE,
        "url": st.text(),
        "outlet": JSON_VALUE,
    },
)


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    """Lines of JSON records, some cut, nested, mis-encoded or raw bytes."""
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["record", "value", "bytes", "cut", "deep", "latin1"]))
        if kind == "record":
            line = json.dumps(draw(RECORD), ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
        elif kind == "value":
            line = json.dumps(draw(JSON_VALUE)).encode()
        elif kind == "bytes":
            line = draw(st.binary(max_size=40))
        elif kind == "cut":
            whole = json.dumps(draw(RECORD)).encode()
            line = whole[: draw(st.integers(0, len(whole)))]
        elif kind == "deep":
            depth = draw(st.integers(MAX_JSON_DEPTH - 2, 3000))
            line = b'{"id": "d", "text": "x\\"", "n": ' + b"[" * depth + b"]" * depth + b"}"
        else:
            line = json.dumps({"id": "l", "text": "déjà"}, ensure_ascii=False).encode("latin-1")
        lines.append(line)
    return draw(st.sampled_from([b"\n", b"\r\n"])).join(lines) + draw(st.sampled_from([b"", b"\n"]))


@settings(max_examples=300)
@given(st.one_of(st.binary(), jsonl_bytes()), st.sampled_from([MAX_BYTES, 1, 16, 64]))
@example(b'{"a":"\\"", "b":' + b"[" * 5000 + b"]" * 5000 + b"}\n", MAX_BYTES)  # hid its depth from the scanner
@example(b'{"id": ' + b"9" * 5000 + b', "text": "x"}\n', MAX_BYTES)  # over Python's int digits limit
@example(b'{"id": "s", "text": "la \\ud800 de"}\n', MAX_BYTES)  # a lone surrogate no writer can encode
def test_read_jsonl_answers_every_line(data: bytes, max_bytes: int) -> None:
    items = list(read_jsonl(io.BytesIO(data), "in.jsonl", None, max_bytes))
    check_items(items, "in.jsonl:")
    numbers = [int(i.source.rsplit(":", 1)[1]) if isinstance(i, InputFailure) else -1 for i in items]
    expected = expected_jsonl_items(data, max_bytes)
    assert len(items) == len(expected)  # one answer per non-blank line: nothing dropped silently
    assert all(n in (-1, e) for n, e in zip(numbers, expected, strict=True))  # a failure names its own line


@given(RECORD)
def test_a_good_record_comes_back_with_its_text_unchanged(record: dict) -> None:  # type: ignore[type-arg]
    assume(writable(record["text"]) and writable(str(record["id"])))
    raw = json.dumps(record, ensure_ascii=False)
    line = (raw if writable(raw) else json.dumps(record)).encode() + b"\n"
    [item] = read_jsonl(io.BytesIO(line), "in.jsonl", None)
    if isinstance(item, InputFailure):  # only a bad date or a field no writer could encode is refused
        assert re.search(r"published .* is not an ISO date|is not valid Unicode", str(item.error))
    else:
        assert item.text == record["text"] and item.id == str(record["id"])


def test_nesting_limit_counts_brackets_outside_strings_only() -> None:
    def line(depth: int, inside: str = "") -> bytes:
        value: object = "v"
        for _ in range(depth):
            value = [value]
        return json.dumps({"id": "x", "text": inside + "x", "v": value}).encode()

    ok, deep = MAX_JSON_DEPTH - 1, MAX_JSON_DEPTH  # the record's own braces are one level
    items = list(read_jsonl(io.BytesIO(b"\n".join([line(ok), line(deep), line(0, '\\" [' * 20_000)])), "n", None))
    assert isinstance(items[0], Article) and isinstance(items[2], Article)
    assert str(items[1].error) == f"n:2: JSON nested deeper than {MAX_JSON_DEPTH} levels"  # type: ignore[union-attr]


def test_malformed_lines_are_named_and_the_rest_is_read() -> None:
    good = json.dumps({"id": "ok", "text": "Des tirs à Gao."}).encode()
    data = b"\n".join(
        [
            good,
            b"{not json",
            '{"id": "l1", "text": "déjà"}'.encode("latin-1"),
            b'{"id": 1, "text": ' + b"9" * 5000 + b"}",
            b'{"id": "s", "text": "\\udc80"}',
            b"[1, 2]",
            b'{"id": "p", "text": "t", "published": "' + b"x" * 1000 + b'"}',
            b'{"id": "n", "text": null}',
            b"",
            good,
        ]
    )
    items = list(read_jsonl(io.BytesIO(data), "m.jsonl", None))
    reasons = [str(i.error) if isinstance(i, InputFailure) else i.id for i in items]
    assert reasons == [
        "ok",
        "m.jsonl:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        "m.jsonl:3: not valid UTF-8 (byte 23)",
        "m.jsonl:4: not valid JSON (Exceeds the limit (4300 digits) for integer string conversion)",
        "m.jsonl:5: 'text' is not valid Unicode (unpaired surrogate at character 0)",
        "m.jsonl:6: each line must be a JSON object",
        f"m.jsonl:7: published {'x' * 1000!r:.40}... is not an ISO date (YYYY-MM-DD)",
        "m.jsonl:8: 'text' must be a string",
        "ok",
    ]


class EndlessLine:
    """A stream whose first line is ``size`` bytes long, produced on demand, then one good article."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.rest = io.BytesIO(b"\n" + json.dumps({"id": "after", "text": "Des tirs à Gao."}).encode() + b"\n")
        self.largest = 0

    def readline(self, size: int = -1, /) -> bytes:
        assert size > 0, "read_jsonl must always bound its reads"
        if self.left:
            chunk = b"x" * min(size, self.left)
            self.left -= len(chunk)
        else:
            chunk = self.rest.readline(size)
        self.largest = max(self.largest, len(chunk))
        return chunk


def test_a_line_over_the_limit_is_skipped_without_holding_it() -> None:
    stream = EndlessLine(3 * MAX_BYTES)  # 60 MiB of one line
    items = list(read_jsonl(stream, "huge.jsonl", None))
    assert str(items[0].error) == (  # type: ignore[union-attr]
        f"huge.jsonl:1: line longer than {MAX_BYTES} bytes, the input limit; skipped"
    )
    assert isinstance(items[1], Article) and items[1].id == "after"
    assert stream.largest <= MAX_BYTES + 1


def test_a_huge_jsonl_file_is_never_held_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"id": "big", "text": "')
        for _ in range(4):  # 80 MiB in one line
            fh.write(b"a" * MAX_BYTES)
        fh.write(b'"}\n')
        fh.write(json.dumps({"id": "after", "text": "Des tirs à Gao."}).encode() + b"\n")
    tracemalloc.start()
    try:
        items = list(read_inputs([str(path)]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(items[0].error).endswith(f"huge.jsonl:1: line longer than {MAX_BYTES} bytes, the input limit; skipped")
    assert isinstance(items[1], Article) and peak < 2.5 * MAX_BYTES  # the limit, read once and copied once


# -- text files, folders, stdin --------------------------------------------------------------------------------


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(), ANY_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))), st.integers(4, 400))
def test_a_text_file_is_read_whole_or_refused_with_the_reason(data: bytes, max_bytes: int) -> None:
    with TemporaryDirectory() as tmp:
        path = Path(tmp, "article.txt")
        path.write_bytes(data)
        [item] = read_path(path, None, max_bytes)
    try:
        text = data.decode("utf-8-sig")
        valid = b"\x00" not in data[:8192] and len(data) <= max_bytes
    except UnicodeDecodeError:
        valid = False
    if valid:
        assert isinstance(item, Article) and item.text == text and item.id == "article"  # never altered
    else:
        assert isinstance(item, InputFailure) and str(item.error).startswith(f"{path}: ")
        assert re.search(r": (binary file|not valid UTF-8 \(byte \d+\)|larger than \d+ bytes)", str(item.error))


@given(
    st.one_of(st.binary(), jsonl_bytes(), ANY_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.sampled_from([MAX_BYTES, 8, 100]),
)
def test_stdin_never_raises(data: bytes, max_bytes: int) -> None:
    items = list(read_stdin(None, io.BytesIO(data), max_bytes))
    check_items(items, "<stdin>")
    if data.lstrip()[:1] == b"{":
        assert len(items) == len(expected_jsonl_items(data, max_bytes))
    else:
        assert len(items) == 1


def test_stdin_jsonl_is_streamed_not_capped_as_a_whole() -> None:
    lines = [json.dumps({"id": str(i), "text": "Des tirs à Gao."}).encode() for i in range(50)]
    items = list(read_stdin(None, io.BytesIO(b"\n" * 5 + b"\n".join(lines)), max_bytes=100))
    assert [i.id for i in items if isinstance(i, Article)] == [str(i) for i in range(50)]


def test_text_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    sparse = tmp_path / "big.txt"
    with sparse.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    [item] = read_inputs([str(sparse)])
    assert isinstance(item, InputFailure)
    assert str(item.error) == f"{sparse}: larger than {MAX_BYTES} bytes, the input limit; not read"
    [item] = read_stdin(None, io.BytesIO(b"Des tirs. " * 20), max_bytes=100)
    assert str(item.error) == "<stdin>: larger than 100 bytes, the input limit; not read"  # type: ignore[union-attr]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_input_is_refused() -> None:
    [item] = read_path(Path("/dev/zero"), None)
    assert isinstance(item, InputFailure) and "larger than" in str(item.error)


def test_odd_paths_are_failures_not_crashes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsdecode(bytes(folder) + b"/caf\xe9.txt")  # a Latin-1 file name on a UTF-8 system
    Path(odd).write_text("Des tirs ont été entendus à Gao.", encoding="utf-8")
    (folder / "loop").symlink_to(folder)
    items = list(read_inputs([str(folder), "x" * 5000, str(tmp_path / "missing.txt")]))
    check_items(items, "")
    article, too_long, missing = items
    assert isinstance(article, Article) and article.id == "caf\\xe9"
    assert isinstance(too_long, InputFailure) and "File name too long" in str(too_long.error)
    assert str(missing.error).endswith("missing.txt: no such file or folder")  # type: ignore[union-attr]


def iter_items(items: Iterator[Article | InputFailure]) -> list[str]:
    return [i.id if isinstance(i, Article) else str(i.error) for i in items]


def test_bad_lines_on_stdin_are_named_with_their_line() -> None:
    data = b'\n{"id": "a", "text": "t"}\n{bad\n'
    assert iter_items(read_stdin(None, io.BytesIO(data))) == [
        "a",
        "<stdin>:3: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
    ]


def test_crafted_lines_never_stop_a_cli_run(tmp_path: Path) -> None:
    """Before the readers refused them, a lone surrogate crashed spaCy and the run, losing every article."""
    from click.testing import CliRunner

    from temoin.cli import cli

    good = {
        "id": "ok",
        "published": "2024-03-06",
        "text": "Des hommes armés ont tué au moins sept soldats mardi à Djibo, selon une source sécuritaire.",
    }
    path = tmp_path / "crafted.jsonl"
    path.write_bytes(
        b"\n".join(
            [
                b'{"id": "s", "text": "Des tirs \\ud800 ont fait deux morts \\u00e0 Gao."}',
                b'{"id": "d", "text": "\\"", "v": ' + b"[" * 5000 + b"]" * 5000 + b"}",
                b'{"id": ' + b"9" * 5000 + b', "text": "x"}',
                json.dumps(good).encode(),
            ]
        )
    )
    result = CliRunner().invoke(cli, ["analyze", str(path), "--no-store"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output  # no traceback
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ok"]
    assert "crafted.jsonl:1: 'text' is not valid Unicode (unpaired surrogate at character 9)" in result.stderr
    assert f"crafted.jsonl:2: JSON nested deeper than {MAX_JSON_DEPTH} levels" in result.stderr
    assert "crafted.jsonl:3: not valid JSON (Exceeds the limit (4300 digits)" in result.stderr
