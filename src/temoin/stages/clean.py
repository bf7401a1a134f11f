"""Stage 0: text clean-up.

``clean_text`` repairs what web copy does to text (glued sentences such as
"inévitable.Escalade", odd spaces and quotes) and keeps a map from every
character of the cleaned text back to the original, so evidence offsets always
point into the text the user gave. The ``temoin_boilerplate`` component marks
web boilerplate ("Lire aussi :" link lists, share buttons) so later stages skip it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import cast

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from temoin.countries import country_lexicon
from temoin.resources import read_lines, word_set
from temoin.stages import doc_text
from temoin.stages.dates import MONTH_FORMS, month_number
from temoin.stages.sources import is_known_source

SAME_LENGTH = str.maketrans(
    {
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\ufeff": " ",
        "\t": " ",
        "\r": " ",
    }
)
GLUED_SENTENCE = re.compile(r"(?<=[a-zà-ÿ0-9\)»\"]{2}[.!?])(?=[A-ZÀ-Ý][a-zà-ÿ])")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")  # and lone surrogates: spaCy cannot hash them


@dataclass(frozen=True, slots=True)
class CleanText:
    """Cleaned text and, for each of its characters, the offset in the original."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of the cleaned text back to the original."""
        if not self.origin:
            return 0, 0
        first = self.origin[min(start, len(self.origin) - 1)]
        last = self.origin[end - 1] + 1 if end > 0 else first
        return first, max(first, min(last, self.original_length))


def clean_text(text: str) -> CleanText:
    """Repair glued sentences and odd characters, keeping an offset map."""
    same = CONTROL.sub(" ", text.translate(SAME_LENGTH))
    out: list[str] = []
    origin: list[int] = []
    last = 0
    for match in GLUED_SENTENCE.finditer(same):
        out.append(same[last : match.start()])
        origin.extend(range(last, match.start()))
        out.append(" ")
        origin.append(match.start())  # the inserted space stands for the next character
        last = match.start()
    out.append(same[last:])
    origin.extend(range(last, len(same)))
    return CleanText("".join(out), tuple(origin), len(text))


def boilerplate_ranges(text: str, markers: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    """Character ranges of boilerplate lines: a marker line and the link list under it."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    in_block = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if any(m.match(stripped) for m in markers):
            in_block = True
        elif in_block and (not stripped or len(stripped.split()) > 25 or stripped.endswith(".")):
            in_block = False
        if in_block and stripped:
            ranges.append((offset, offset + len(line.rstrip())))
        offset += len(line)
    return ranges


LINK_COLON = r"(?:\s+sur\s+[^:.!?]{1,30}?)?\s*:\s*"
SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


@cache
def link_markers() -> re.Pattern[str]:
    """« Lire aussi : », « A surtout lire sur BBC Afrique : » inside a paragraph (``lexicons/link_markers.txt``)."""
    markers = "|".join(read_lines("lexicons/link_markers.txt"))
    return re.compile(rf"(?<=[.!?»\"] )(?:{markers}){LINK_COLON}", re.IGNORECASE)


@cache
def sentence_openers() -> re.Pattern[str]:
    openers = "|".join(re.escape(w) for w in read_lines("lexicons/sentence_openers.txt"))
    return re.compile(rf"(?<=\s)(?:{openers})(?=[\s,])|(?<=\s)(?:{openers})(?<=')")


@lru_cache(maxsize=8)  # asked by the sentence marker, then the boilerplate marker, of the same text
def link_headline_ranges(text: str) -> list[tuple[int, int]]:
    """Link headlines run into the news by flattened web copy: « Lire aussi : Niger : vingt migrants secourus en
    trois ans Le 26 avril dernier, le bureau a été attaqué. » The headline ends at the last sentence opener that
    follows a plain word before the sentence's end; with none, the marker alone is furniture and the news follows."""
    ranges = []
    for marker in link_markers().finditer(text):
        end = SENTENCE_END.search(text, marker.end())
        stop = end.start() if end else len(text)
        body = marker.end()
        for opener in sentence_openers().finditer(text, marker.end(), stop):
            before = text[marker.end() : opener.start()].split()
            if (
                before
                and before[-1].lower() not in word_set("lexicons/words_before_a_name.txt")
                and (before[-1][-1:].isalnum() or before[-1][-1:] in {'"', "»", ")"})
            ):
                body = opener.start()
        ranges.append((marker.start(), body))
    return ranges


def headline_breaks(text: str) -> set[int]:
    """Where the news resumes after an inline link marker or headline: a sentence starts there."""
    return {end for _, end in link_headline_ranges(text)}


_MONTH_NAMES = "|".join(MONTH_FORMS).replace("é", "[ée]").replace("û", "[uû]")
DATELINE = re.compile(
    r"(?P<city>[A-ZÀ-Ý][\w'’. -]{1,40}?)(?P<paren> \([^()\n]{1,30}\))?"
    rf"(?:, (?:le )?(?:\w+ )?(?P<day>\d{{1,2}})(?:er)? (?P<month>(?i:{_MONTH_NAMES}))\.?(?: (?P<year>\d{{4}}))?)?"
    r"(?P<agency> (?:\([^()\n]{1,30}\)|/[^/\n]{1,30}/))?"  # « (AFP) », Ukrinform's « /Ukrinform/ »
    r"(?P<tag>, [A-ZÀ-Ý][\w'’-]{1,25})? ?(?:--|[-–—]) ",
)


@dataclass(frozen=True, slots=True)
class Masthead:
    """The headline (a first line with no final full stop, above the body) and the dateline ("BAMAKO,
    5 février 2025 (AFP) - "): character ranges, and the dateline's date when it gives a year."""

    headline: tuple[int, int] | None
    dateline: tuple[int, int] | None
    dated: str | None  # ISO date of the dateline
    city: tuple[int, int] | None = None  # where it was filed: "BAMAKO"
    agency: tuple[int, int] | None = None  # the news agency that filed it: "AFP"


@lru_cache(maxsize=8)  # asked by the sentence marker, then the boilerplate marker, of the same text
def find_masthead(text: str) -> Masthead:
    """ "BAMAKO, 5 février (AFP) - ", "Yaoundé (AFP) - ", "Damas, SANA - ", "Bunia (RDC) - ", "MAPUTO – ": a dateline
    needs a date, an agency after it, a tag in capitals after the place or the place in capitals."""
    lines = text.split("\n")
    first = lines[0].strip()
    headline = None
    body_start = 0
    rest = "\n".join(lines[1:]).strip()
    if first and rest and len(first.split()) <= 40 and first[-1:] not in {".", "…", ":"}:
        headline = (text.index(first), text.index(first) + len(first))
        body_start = len(lines[0]) + 1
    for offset, line in _paragraphs(text, body_start)[:2]:
        m = DATELINE.match(line)
        if m is None:
            continue
        tagged = bool(m.group("paren")) and m.group("paren").strip(" ()").isupper() and names_a_place(m.group("city"))
        agency = _agency(m, offset)  # "Sanaa (Reuters) - "
        shouted = m.group("city").isupper() and len(m.group("city").strip()) >= 3  # "MAPUTO – Des insurgés"
        if m.group("day") or m.group("agency") or tagged or agency or shouted:
            city = (offset + m.start("city"), offset + m.end("city"))
            return Masthead(headline, (offset, offset + m.end()), _dateline_date(m), city, agency)
    return Masthead(headline, None, None)


def _agency(m: re.Match[str], offset: int) -> tuple[int, int] | None:
    """The known news agency in brackets: "(AFP)" in "BAMAKO, 5 février (AFP) - ", "Sanaa (Reuters) - "."""
    for group in ("agency", "paren"):
        if m.group(group) and is_known_source(m.group(group).strip(" ()/")):
            return offset + m.start(group) + 2, offset + m.end(group) - 1
    if m.group("tag") and is_known_source(m.group("tag")[2:]):  # "Damas, SANA - "
        return offset + m.start("tag") + 2, offset + m.end("tag")
    outlet = (m.group("agency") or "").strip(" ()")
    if m.group("day") and outlet[:1].isupper() and country_lexicon().named(outlet) is None:
        return offset + m.start("agency") + 2, offset + m.end("agency") - 1  # « Maroua, 8 janvier 2026 (L'Œil du
        # Sahel) – »: whatever outlet stands in brackets after the dateline's day filed the report
    return None


def names_a_place(words: str) -> bool:
    """ "Yaoundé", "Dar es Salaam", "Port-au-Prince"; not "Le président" (a lowercase word that is no particle)."""
    parts = words.split()
    return bool(parts) and parts[-1][:1].isupper() and all(w[:1].isupper() or w in PARTICLES for w in parts)


PARTICLES = {"de", "du", "des", "d'", "es", "el", "al", "la", "le", "les"}


def _paragraphs(text: str, start: int) -> list[tuple[int, str]]:
    out = []
    offset = start
    for line in text[start:].split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((offset + lead, line.lstrip()))
        offset += len(line) + 1
    return out


def _dateline_date(m: re.Match[str]) -> str | None:
    if not (m.group("day") and m.group("year")):
        return None
    try:
        return date(int(m.group("year")), month_number(m.group("month")), int(m.group("day"))).isoformat()
    except ValueError:
        return None


class BoilerplateMarker:
    """Marks web boilerplate in ``doc.spans["temoin_boilerplate"]``, and the headline and dateline in
    ``doc.spans["temoin_masthead"]`` (labels HEADLINE, DATELINE, CITY for the dateline's place and AGENCY for its news
    agency); a dateline's
    date becomes the publication date when the article has none."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.markers = [re.compile(p, re.IGNORECASE) for p in read_lines("lexicons/boilerplate.txt")]

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans = []
        for start, end in boilerplate_ranges(text, self.markers) + link_headline_ranges(text):
            span = doc.char_span(start, end, label="BOILERPLATE", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["temoin_boilerplate"] = spans
        masthead = find_masthead(text)
        marks = []
        parts = (
            ("HEADLINE", masthead.headline),
            ("DATELINE", masthead.dateline),
            ("CITY", masthead.city),
            ("AGENCY", masthead.agency),
        )
        for label, where in parts:
            span = doc.char_span(*where, label=label, alignment_mode="expand") if where else None
            if span is not None:
                marks.append(span)
        doc.spans["temoin_masthead"] = marks
        if doc._.published is None and masthead.dated is not None:
            doc._.published = masthead.dated
        return doc


@Language.factory("temoin_boilerplate", assigns=["doc.spans"], requires=[], default_config={})
def make_boilerplate_marker(nlp: Language, name: str) -> BoilerplateMarker:
    return BoilerplateMarker(nlp, name)


FINAL = {".", "!", "?", "…", "!?", "?!"}
CLOSERS = {"»", '"', ")", "”", "'"}


def sentence_starts(doc: Doc) -> list[bool]:
    """Rule-based French sentence starts: after final punctuation before a capital, and at every new line."""
    starts = [False] * len(doc)
    text = doc_text(doc)
    dateline = find_masthead(text).dateline  # « JUBA, 18 août (Xinhua) -- »: the news starts after it
    breaks = headline_breaks(text) | ({dateline[1]} if dateline else set())
    tokens = list(doc)  # one Token object each, not one per ``doc[i]``
    for i, token in enumerate(tokens):
        if i == 0 or token.idx in breaks:
            starts[i] = True
            continue
        prev = tokens[i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            starts[i] = not token.is_space
            continue
        if token.is_space:
            continue
        at = i - 1
        if prev.is_space and i >= 2:  # « raconte cet habitant.  Mardi matin »: a double space after the stop
            at, prev = i - 2, tokens[i - 2]
        before = tokens[at - 1] if at >= 1 else None
        final = prev.text in FINAL or (prev.text in CLOSERS and before is not None and before.text in FINAL)
        starts[i] = final and (token.text[:1].isupper() or token.text[:1] in {"«", '"', "-"} or token.is_digit)
    return starts


class SentenceMarker:
    """Sets sentence starts before the parser, which keeps them (news text: rules beat the parser here)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # One array write: each ``token.is_sent_start = ...`` scans the whole doc (quadratic on long texts).
        starts = numpy.array([[1 if start else -1] for start in sentence_starts(doc)], dtype="int64")
        doc.from_array([SENT_START], cast(Ints2d, starts.astype("uint64").reshape(-1, 1)))
        return doc


@Language.factory("temoin_sentences", assigns=["token.is_sent_start"], requires=[], default_config={})
def make_sentence_marker(nlp: Language, name: str) -> SentenceMarker:
    return SentenceMarker(nlp, name)


def in_masthead(span: Span, label: str) -> bool:
    marks = span.doc.spans.get("temoin_masthead", [])
    return any(m.label_ == label and m.start_char <= span.start_char < m.end_char for m in marks)


def in_boilerplate(span: Span) -> bool:
    return any(b.start_char <= span.start_char < b.end_char for b in span.doc.spans.get("temoin_boilerplate", []))
