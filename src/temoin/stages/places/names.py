"""Stage 1 of geoparsing: which spans of the text name places.

Three sources, because spaCy's French NER misses or mislabels many Middle-East
and Sahel names (as PER or MISC): gazetteer phrases over capitalised token
runs, NER LOC entities, and capitalised runs after a locative cue ("la localité
de ...", "le camp de ..."). Each mention keeps the cue before it, which the
ranking and the event location use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from spacy.lang.fr.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from temoin.countries import country_lexicon
from temoin.resources import read_lines, read_tsv, split_variants, word_alternation, word_set
from temoin.stages import doc_ents
from temoin.stages.dates import WEEKDAYS
from temoin.stages.places.gazetteer import LANDMARK_FILE, Candidate, Gazetteer
from temoin.stages.places.normalize import ARABIC_ARTICLES, fold, strict_key
from temoin.stages.places.respell import respelt_candidates

MAX_TOKENS = 8  # « Rostov-sur-le-Don » is seven tokens
# The longest landmark name, in tokens ("la prison centrale de Makala", "siège de l'ONU à New York").
LANDMARK_TOKENS = 10
LOCATIVE_PREPOSITIONS = {"à", "vers", "depuis", "près", "dans", "sur", "entre", "jusqu'à", "via", "d'", "de", "contre"}
TITLES = {
    "m",
    "mme",
    "mlle",
    "dr",
    "pr",
    "me",
    "président",
    "présidente",
    "général",
    "colonel",
    "lieutenant",
    "lieutenant-colonel",
    "capitaine",
    "commandant",
    "ministre",
    "sergent",
    "caporal",
    "maréchal",
    "imam",
    "cheikh",
    "abbé",
    "père",
    "saint",
    "sainte",
    "sir",
    "mgr",
    "monseigneur",
    "docteur",
    "professeur",
}
_ARTICLES = {"le", "la", "les", "l'"}
_NOT_NAME_START = {
    "à",
    "a",
    "au",
    "aux",
    "en",
    "dans",
    "sur",
    "vers",
    "et",
    "ou",
    "mais",
    "depuis",
    "selon",
    "pour",
    "par",
}
NOT_PERSON_TITLES = {"saint", "sainte", "père"}  # "Saint-Louis", "Père Lachaise": places, not people
# Name prefixes of place_stopwords.txt that are also a town alone: the prefix when a name follows
# ("Beni Suef", "les Beni Hilal"), the town when none does ("à Beni, dans le Nord-Kivu").
PREFIX_TOWNS = {"beni"}
FRENCH_STOP_WORDS = frozenset(fold(w) for w in STOP_WORDS)
_ORDINAL = re.compile(r"^[IVXLC]+(?:e|er|re|ème|ᵉ)$")  # "XXe siècle", "XIe arrondissement"
_LINKS = {"de", "d'", "du", "des", "la", "le", "l'", "les", "à", "au", "aux", "en", "dans"}
_APPOSITION_LINKS = {"au", "aux", "en", "dans"}
_JOINING_WORDS = {"et", "ou", "en"}
_CONTAINER_LINKS = {"en", "au", "aux", "dans"}
# what may stand between a place and the region or country it lies in: "dans la province du", "dans l'État de"
_CONTAINER_WORDS = _CONTAINER_LINKS | _ARTICLES | {"de", "du", "d'", "province", "région", "état", "préfecture"}
_ELISIONS = {"qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"}  # folded: the apostrophe is gone
_ORIENTATION = {
    "nord",
    "sud",
    "est",
    "ouest",
    "nord-est",
    "nord-ouest",
    "sud-est",
    "sud-ouest",
    "centre",
    "occidentale",
    "orientale",
    "septentrionale",
    "méridionale",
    "ouest-",
    "rurale",
    "environnante",
}
_NAME_PARTICLES = {
    "al",
    "el",
    "ash",
    "as",
    "ad",
    "at",
    "az",
    "ar",
    "an",
    "ech",
    "es",
    "ez",
    "ed",
    "et",
    "de",
    "du",
    "des",
    "la",
    "le",
    "d'",
    "l'",
    "ben",
    "bin",
    "bou",
    "abou",
    "abu",
    "oum",
    "umm",
    "-",
}


@dataclass(frozen=True, slots=True)
class Cue:
    words: str
    kind: str  # settlement | region | site | natural | relation | origin | vague
    precision: int


@dataclass(slots=True)
class Mention:
    start: int  # token offsets in the Doc
    end: int
    text: str
    ner: str  # NER label of the span, "" when none
    cue: Cue | None
    candidates: list[Candidate] = field(default_factory=list)
    after_preposition: bool = False  # "à X", "de X", "vers X", "X, au Mali": the grammar of a place
    person_word: bool = False  # a word the article also uses as a person's name ("Vladimir Poutine")
    container: int | None = None  # index of the mention named as the region or country it lies in ("X, au Mali")
    filed_at: bool = False  # the dateline's place ("NAIROBI, 3 mai (AFP) -"): no evidence of what the article is about
    focus_apart: dict[str, float] | None = None  # the article's countries as the other names vote (ranking.rank)


@dataclass(frozen=True, slots=True)
class Words:
    """The Doc's tokens as plain lists, read once per article: spaCy builds a new Token at each ``doc[i]``."""

    text: list[str]
    lower: list[str]
    space: list[str]
    punct: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> Words:
        tokens = list(doc)
        return cls(
            [t.text for t in tokens],
            [t.lower_ for t in tokens],
            [t.whitespace_ for t in tokens],
            [t.is_punct for t in tokens],
        )

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        if start >= end:
            return ""
        last = end - 1
        pieces = [t + s for t, s in zip(self.text[start:last], self.space[start:last], strict=True)]
        return "".join(pieces) + self.text[last]


@cache
def cue_table() -> dict[str, Cue]:
    return {
        row["cue"]: Cue(row["cue"], row["kind"], int(row["precision"])) for row in read_tsv("lexicons/place_cues.tsv")
    }


@cache
def stopwords() -> frozenset[str]:
    return frozenset(fold(w) for w in read_lines("lexicons/place_stopwords.txt"))


def cue_before(doc: Doc, start: int) -> Cue | None:
    """The locative cue just before token ``start`` ("la ville de", "au nord de", "près du")."""
    before = doc[max(0, start - 6) : start]
    return cue_ending([t.lower_ for t in before], [t.is_punct for t in before])


def cue_ending(lower: list[str], punct: list[bool]) -> Cue | None:
    """The locative cue that ends these words (six at most, lowercased), after the last punctuation but "-"."""
    words: list[str] = []
    for low, is_punct in zip(reversed(lower), reversed(punct), strict=True):
        if is_punct and low != "-":
            break
        words.insert(0, low)
    table = cue_table()
    while words:
        while words and words[-1] in _LINKS:
            words.pop()
        for n in range(min(3, len(words)), 0, -1):
            phrase = " ".join(words[-n:]).replace("l' ", "l'")
            if phrase in table:
                return table[phrase]
        if not words or (words[-1] not in _ORIENTATION and country_lexicon().adjective(words[-1]) is None):
            return None
        words.pop()  # "au nord de", "la région russe de": the cue is further back
    return None


def written_as_a_name(span: Span) -> bool:
    """A word of it capitalised ("al-Chadadi", "îles Canaries"): all-lowercase words are not names."""
    return any(_starts_name(t) or t.text[:1].isdigit() for t in span)


def _starts_name(token: Token) -> bool:
    return _name_start(token.text)


def _name_start(text: str) -> bool:
    if text[:1].isupper():
        return True
    return "-" in text and text.split("-", 1)[0].lower() in _NAME_PARTICLES and text.split("-", 1)[1][:1].isupper()


_CODE_NAME = re.compile(r"(?:KM|PK)\d{1,3}")  # « le PK5 » of Bangui, « le KM4 » of Mogadishu: kilometre posts


def _is_stopword_name(span: Span) -> bool:
    """Names made of function words, name prefixes ("Tall", "Deir"), acronyms or sentence-initial common words."""
    words = [fold(t.text) for t in span]
    if len(span) == 1 and words[0] in PREFIX_TOWNS:
        following = span.doc[span.end] if span.end < len(span.doc) else None
        return following is not None and (following.text == "-" or _starts_name(following))
    if all(w in stopwords() or w in FRENCH_STOP_WORDS for w in words):
        return True
    if fold(span[-1].text) in {"de", "d", "du", "des", "la", "le"}:
        return True
    if len(span) == 1:
        token = span[0]
        if token.text.isupper() and len(token.text) <= 5 and not _CODE_NAME.fullmatch(token.text):
            return country_lexicon().named(token.text) is None  # "en RDC" is a country; "le HCR" is no place
        if token.is_sent_start and token.pos_ not in {"PROPN", "X"} and token.ent_type_ not in {"LOC", "GPE"}:
            return True
    return False


def part_of_name(doc: Doc, start: int, end: int, ents: tuple[Span, ...] | None = None) -> bool:
    """Inside a longer person or organisation name ("Aung San Suu Kyi"), or after a title ("le colonel X")."""
    for ent in doc_ents(doc) if ents is None else ents:
        if (
            ent.label_ in {"PER", "ORG"}
            and ent.start <= start
            and end <= ent.end
            and (ent.end - ent.start) > (end - start)
            and not of_a_common_noun(doc, ent, start, end)
        ):
            return True
    return start > 0 and doc[start - 1].lower_.rstrip(".") in TITLES


def without_a_day(ent: Span) -> Span:
    """« Lalibela vendredi », a person to the parser: a name and the day after it, not a two-word name."""
    end = ent.end
    while end > ent.start + 1 and ent.doc[end - 1].lower_ in WEEKDAYS:  # the places stage runs before the dates'
        end -= 1
    return ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_)


def of_a_common_noun(doc: Doc, ent: Span, start: int, end: int) -> bool:
    """ "le club de Lubumbashi", "l'université de Kinshasa": an organisation the parser named by a common noun and
    the town it is of; the town is a place."""
    return end == ent.end and doc[ent.start].is_lower and start > ent.start and doc[start - 1].lower_ in {"de", "d'"}


def person_words(doc: Doc, tokens: Words) -> frozenset[str]:
    """Words the article uses as people's names: in PER entities of two words or more, or after a title."""
    words: set[str] = set()
    for ent in map(without_a_day, doc_ents(doc)):
        if ent.label_ == "PER" and len(ent) >= 2:
            words.update(fold(t.text) for t in ent if t.text[:1].isupper() and fold(t.text) not in _NAME_PARTICLES)
    for i in range(len(tokens.text) - 1):
        title = tokens.lower[i].rstrip(".")
        if title in TITLES and title not in NOT_PERSON_TITLES and tokens.text[i + 1][:1].isupper():
            words.add(fold(tokens.text[i + 1]))
    return frozenset(words)


def is_demonym_or_ordinal(span: Span) -> bool:
    """ "Le Nigérian", "Marocain", "les Russes" (people, not places); "XXe" (a century)."""
    last = span[-1].text
    if _ORDINAL.match(last):
        return True
    if span[-1].is_lower and span[0].lower_ not in _ARTICLES:
        return False  # « le Kurdistan irakien »: a name and its adjective, known whole
    lexicon = country_lexicon()
    return lexicon.named(span.text) is None and lexicon.adjective(last) is not None and len(span) <= 2


def acronym_prefix(span: Span) -> bool:
    """A club or party acronym before a name ("AS Vita", "ES Sahel"), not an Arabic article ("as-Sukhnah")."""
    first = span[0].text
    return len(span) > 1 and first.isupper() and first.lower() in ARABIC_ARTICLES and not span[1].text.isupper()


def capitalised_tail(span: Span) -> tuple[int, int] | None:
    """An entity that starts with a common noun ("aéroport de Moscou", "ville de Goma"): the name in it."""
    doc = span.doc
    for token in span:
        following = doc[token.i + 1] if token.i + 1 < span.end else None
        article = (
            token.lower_ in ARABIC_ARTICLES
            and following is not None
            and (following.text == "-" or _starts_name(following))
        )
        if _starts_name(token) or article:
            return (token.i, span.end) if token.i > span.start else None
    return None


def is_single_name(span: Span) -> bool:
    """Not a list ("la Russie et la France"), a phrase ("Parkland en Floride") or a clause ("Mais le Mozambique")."""
    if fold(span[0].text) in FRENCH_STOP_WORDS | stopwords() and fold(span[0].text) not in _NAME_PARTICLES:
        return False
    if span.text.islower() and span.text in cue_table():
        return False  # "le caza de Bint Jbeil": the kind word the parser took for a place
    inner = span[1:-1] if len(span) > 2 else span[1:]
    return (
        not any(
            (t.is_punct and t.text not in {"-", "'"}) or (t.is_lower and t.lower_ not in _NAME_PARTICLES) for t in inner
        )
        and not span[-1].is_punct
    )


def _inner_apostrophe(text: str, space: str) -> bool:
    """ "Ma'" of "Ma'rib": a name's first part, glued to what follows, not a French elision."""
    return len(text) >= 3 and text[-1] in "'’" and not space and fold(text) not in _ELISIONS


def gazetteer_runs(words: Words, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Longest token runs, starting on a capitalised word, that the gazetteer knows."""
    starts = [_name_start(text) or _split_particle(words, i) for i, text in enumerate(words.text)]
    # spaCy splits "Ma'rib", "Be'eri" like an elision ("Ma'" + "rib"): the glued lowercase part ends a name too
    # (not after a real elision: "L'unité", "D'avion", "Qu'il").
    ends = [
        starts[i] or (i > 0 and _inner_apostrophe(words.text[i - 1], words.space[i - 1])) for i in range(len(starts))
    ]
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(starts):
        if not starts[i] or words.lower[i] in _NOT_NAME_START:
            i += 1
            continue
        found = 0
        for n in range(name_window(words, i), 0, -1):
            if words.punct[i + n - 1]:
                continue
            if not ends[i + n - 1]:
                if n > 1 and known_with_its_adjective(words, i, i + n, gazetteer):
                    found = n  # « le Gojjam oriental », « le Plateau central »: known whole
                    break
                continue
            if gazetteer.has_name(words.span_text(i, i + n)):
                found = n
                break
        if found:
            runs.append((i, i + found))
            i += found
        else:
            i += 1
    return runs


def known_with_its_adjective(words: Words, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A name run that ends on a lowercase word of ``lexicons/trailing_name_words.txt`` the gazetteer knows whole."""
    if words.lower[end - 1] not in word_set("lexicons/trailing_name_words.txt"):
        return False
    return any(c.match in {"strict", "core"} for c in gazetteer.candidates(words.span_text(start, end)))


def _split_particle(words: Words, i: int) -> bool:
    """ "al" of « d'al-Far'a », split from its name by the tokenizer: « al », « - », « Far' », « a »."""
    return (
        words.lower[i] in _NAME_PARTICLES
        and i + 2 < len(words.text)
        and words.text[i + 1] == "-"
        and _name_start(words.text[i + 2])
    )


def name_window(words: Words, start: int) -> int:
    """How many tokens from ``start`` a name can span: no punctuation but "-" and "'", no line break."""
    end = start
    while end < len(words.text) and end - start < MAX_TOKENS:
        text = words.text[end]
        if (words.punct[end] and text not in {"-", "'"}) or "\n" in text:
            break
        if end > start and "\n" in words.space[end - 1]:
            break
        end += 1
    return end - start


def cue_after(doc: Doc, end: int) -> Cue | None:
    """An apposition after a name: "Dibilou, une localité située dans la commune de Pissila"."""
    return apposed_cue([t.lower_ for t in doc[end : end + 3]])


def apposed_cue(words: list[str]) -> Cue | None:
    """The cue of an apposition in these three lowercased words (", une localité")."""
    if len(words) < 3 or words[0] != "," or words[1] not in {"un", "une", "le", "la", "petit", "petite"}:
        return None
    cue = cue_table().get(words[2])
    return cue if cue is not None and cue.kind in {"settlement", "site", "region"} else None


def after_preposition(doc: Doc, start: int) -> bool:
    """ "à Goma", "dans le Donbas", "vers la Crimée": a locative preposition, with or without an article."""
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    if before and (before[-1] in LOCATIVE_PREPOSITIONS or doc[start - 1].text == "A"):  # "A Ségou", unaccented
        return True
    articles, prepositions = {"le", "la", "les", "l'"}, {"dans", "vers", "depuis", "sur"}
    return len(before) == 2 and before[1] in articles and before[0] in prepositions


def country_apposition(doc: Doc, end: int) -> bool:
    """ ", au Mali", ", en Ukraine", ", dans le nord-est du Nigeria" right after a name: the grammar of a place."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in _APPOSITION_LINKS:
        return False
    stop = min(len(doc), end + 12)
    for i in range(end + 2, stop):
        if doc[i].is_punct and doc[i].text != "-":
            return False
        if any(country_lexicon().named(doc[i : i + n].text) for n in (4, 3, 2, 1) if i + n <= stop):
            return True
    return False


def cued_runs(words: Words) -> list[tuple[int, int]]:
    """Capitalised runs after (or followed by) a settlement, site, region or natural-feature cue."""
    starts = [_name_start(text) or _split_particle(words, i) for i, text in enumerate(words.text)]
    size = len(starts)
    runs = []
    i = 0
    while i < size:
        cue = cue_ending(words.lower[max(0, i - 6) : i], words.punct[max(0, i - 6) : i]) if starts[i] else None
        if cue is None and starts[i] and i > 0 and words.lower[i - 1] in {"à", "de", "d'"}:
            j = i + 1
            while j < size and j - i < MAX_TOKENS and starts[j]:
                j += 1
            cue = apposed_cue(words.lower[j : j + 3])
        if cue and cue.kind in {"settlement", "site", "region", "natural"}:
            j = i + 1
            while (
                j < size
                and j - i < MAX_TOKENS
                and (starts[j] or (words.lower[j] in _NAME_PARTICLES and j + 1 < size and starts[j + 1]))
            ):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def building_nouns() -> frozenset[str]:
    return word_set("lexicons/building_nouns.txt")


def names_a_building(doc: Doc, start: int) -> bool:
    """ "la cathédrale Saint-Gilles", "l'hôpital Al-Shifa": the building's own name, not a town, here and wherever
    the article repeats it ("le corps reposera à Saint-Gilles")."""
    return start > 0 and doc[start - 1].lower_ in building_nouns()


@cache
def landmark_forms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The strict keys of the names in landmarks.tsv, their first words, and their openings (the first two words
    of each: "la maison", "palais de"), so that only a likely start is looked up further."""
    keys = {
        strict_key(form) for row in read_tsv(LANDMARK_FILE) for form in [row["name"], *split_variants(row["variants"])]
    }
    words = [key.split() for key in keys if key]
    return frozenset(keys), frozenset(w[0] for w in words), frozenset(" ".join(w[:2]) for w in words)


def landmark_runs(doc: Doc, words: Words, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Landmarks named with their kind word or their article ("le palais de Buckingham", "la prison d'Evin",
    "la place Tahrir", "la Maison-Blanche", "le palais apostolique"): the longest phrase of landmarks.tsv that
    starts at a token, within a sentence. The name alone may be a town's ("Buckingham", "Maison Blanche"); the
    phrase is not, and no run of capitalised words would find it."""
    keys, firsts, openings = landmark_forms()
    folded = [fold(text) for text in words.text]
    runs: list[tuple[int, int]] = []
    start = 0
    while start < len(doc):
        opening = " ".join(folded[start : start + 2]).split()
        opens = bool(opening) and opening[0] in firsts and (" ".join(opening[:2]) in openings or opening[0] in keys)
        end = _landmark_end(doc, start, keys, gazetteer) if opens else None
        if end is None:
            start += 1
            continue
        runs.append((start, end))
        start = end
    return runs


def _landmark_end(doc: Doc, start: int, keys: frozenset[str], gazetteer: Gazetteer) -> int | None:
    """Where the longest landmark name that starts at ``start`` ends, if one does."""
    stop = start + 1
    while stop < min(len(doc), start + LANDMARK_TOKENS):
        token = doc[stop]
        if (token.is_punct and token.text not in {"-", "'"}) or token.is_sent_start:
            break
        if "\n" in doc[stop - 1].whitespace_:
            break
        stop += 1
    for end in range(stop, start, -1):
        text = doc[start:end].text
        if strict_key(text) in keys and gazetteer.has_name(text):
            return end
    return None


SQUARE_WORDS = {"place"}  # « la place des Martyrs » is known by the kind word with its name, not « Martyrs »


def name_of_landmark(span: Span) -> tuple[int, Span]:
    """ "l'aéroport Ben Gourion", "le palais présidentiel de Khartoum": the landmark's name as the text gives it, from
    its first capitalised word (the place is the landmark's, found with its kind word)."""
    first = next((t.i for t in span if t.text[:1].isupper()), span.start)
    return first, span.doc[first : span.end]


def kind_word_landmark(doc: Doc, start: int, end: int, landmarks: set[tuple[int, int]]) -> Cue | None:
    """A landmark named with its kind word ("le palais de Buckingham"): the text says it is a place, like a cue."""
    head = doc[start]
    if (start, end) not in landmarks or not head.is_lower or head.lower_ in _ARTICLES:
        return None
    return Cue(head.lower_, "site", 1)


def known_tail(span: Span, gazetteer: Gazetteer) -> Span | None:
    """ "le parc Izmailovo de Moscou": no place has the whole name, but the name after the last "de" is one."""
    particles = [t.i for t in span[1:-1] if t.lower_ in {"de", "du", "d'", "des"}]
    if not particles:
        return None
    tail = span.doc[particles[-1] + 1 : span.end]
    return tail if any(c.match == "strict" for c in gazetteer.candidates(tail.text)) else None


def kind_word_before(doc: Doc, start: int, cue: Cue) -> bool:
    """A natural feature's kind word right before its name, with no "de": "le lac Tchad", "les monts Mandara"."""
    n = len(cue.words.split())
    return start - n >= 0 and doc[start - n : start].text.lower() == cue.words


def with_kind_word(
    doc: Doc, start: int, end: int, cue: Cue, candidates: list[Candidate], gazetteer: Gazetteer
) -> tuple[int, Span, list[Candidate]]:
    """The name with its kind word when the gazetteer knows that whole name ("lac Tchad", "monts Mandara"); else the
    name alone ("le fleuve Dnipro": Dnipro)."""
    whole = doc[start - len(cue.words.split()) : end]
    known = [c for c in gazetteer.candidates(whole.text) if c.match in {"strict", "core"}]
    return (whole.start, whole, known) if known else (start, doc[start:end], candidates)


@cache
def region_words() -> frozenset[str]:
    return frozenset(fold(words) for words, cue in cue_table().items() if cue.kind == "region")


def name_after_kind_word(span: Span) -> Span | None:
    """The name in a region known with its kind word: "Borno" in "État de Borno", "Haut-Nil" in "État du Haut-Nil",
    "Rakhine" in "État Rakhine"."""
    if len(span) < 2 or fold(span[0].text) not in region_words():
        return None
    if span[1].text[:1].isupper():
        return span[1:]
    return span[2:] if len(span) > 2 and span[1].lower_ in _LINKS and span[2].text[:1].isupper() else None


def with_the_cue(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> list[Candidate]:
    """Regions known with their kind word: "la province du Lac" (Chad's), where "Lac" alone names no region."""
    for back in (2, 3):
        if start - back >= 0:
            found = [
                c
                for c in gazetteer.candidates(doc[start - back : end].text)
                if c.match == "strict" and c.place.feature == "region"
            ]
            if found:
                return found
    return []


def joins_names(span: Span) -> bool:
    """ "et", "ou" or "en" between capitalised words of one span: two names, not one."""
    return any(
        t.lower_ in _JOINING_WORDS and t.is_lower and any(u.text[:1].isupper() for u in span.doc[t.i + 1 : span.end])
        for t in span[1:-1]
    )


def after_a_road_noun(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in word_set("lexicons/road_nouns.txt")


def pairs_places(span: Span, gazetteer: Gazetteer) -> bool:
    """ "la route Mora-Kousséri", "l'axe Bourzanga-Djibo", "la route Palmyre-Deir ez-Zor": two known places joined by a
    dash (either may hold dashes of its own), no place of that name."""

    def known(part: Span, whole: bool) -> bool:  # "Djibo samedi", as the parser gives it: a place, then more
        prefixes = [part.text] if whole else [part[:n].text for n in range(len(part), 0, -1)]
        return any(any(c.match == "strict" for c in gazetteer.candidates(text)) for text in prefixes)

    dashes = [t.i - span.start for t in span if t.text == "-"]
    return any(0 < k < len(span) - 1 and known(span[:k], True) and known(span[k + 1 :], False) for k in dashes)


def dateline_city(doc: Doc) -> tuple[int, int] | None:
    """The tokens of the place a dispatch was filed from ("BAMAKO" in "BAMAKO, 5 février (AFP) -")."""
    city = next((s for s in doc.spans.get("temoin_masthead", []) if s.label_ == "CITY"), None)
    return (city.start, city.end) if city is not None else None


def find_mentions(doc: Doc, gazetteer: Gazetteer, excluded: list[tuple[int, int]]) -> list[Mention]:
    """Toponym mentions, longest first where sources overlap; ``excluded`` are actor spans."""
    ner = {(e.start, e.end): e.label_ for e in doc_ents(doc)}
    words = Words.of(doc)
    landmarks = set(landmark_runs(doc, words, gazetteer))
    filed_at = dateline_city(doc)
    proposals = [*landmarks, *gazetteer_runs(words, gazetteer), *cued_runs(words), *([filed_at] if filed_at else [])]
    for ent in doc_ents(doc):
        if ent.label_ in {"LOC", "GPE"}:
            tail = capitalised_tail(ent)
            if tail is not None:
                proposals.append(tail)
            elif is_single_name(ent):
                proposals.append((ent.start, ent.end))
    if filed_at:  # "ISLAMABAD - Quatre policiers", one entity to the parser: the dateline's place is the name
        proposals = [r for r in proposals if r == filed_at or r[1] <= filed_at[0] or r[0] >= filed_at[1]]
    proposals.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    people = person_words(doc, words)
    in_landmark = {i for s, e in landmarks for i in range(s, e)}  # "l'hôpital al-Shifa": a landmark, not a name to drop
    buildings = {  # all through the article
        fold(doc[s:e].text) for s, e in proposals if names_a_building(doc, s) and s - 1 not in in_landmark
    }
    paired = [e for e in doc_ents(doc) if after_a_road_noun(e) and pairs_places(e, gazetteer)]  # « l'axe Bria-Ippy », a
    # "person" to the parser
    names = tuple(without_a_day(e) for e in doc_ents(doc) if e.label_ in {"PER", "ORG"} and e not in paired)
    taken: set[int] = set()
    for s, e in excluded:
        taken.update(range(s, e))
    mentions = []
    for start, end in proposals:
        if taken.intersection(range(start, end)):
            continue
        span = doc[start:end]
        cue = cue_before(doc, start) or kind_word_landmark(doc, start, end, landmarks)
        strong_cue = cue is not None and cue.kind not in {"relation", "origin"}  # not "depuis Richard Nixon"
        strong_cue = strong_cue or (start, end) == filed_at  # "KIEV, 12 mars (AFP) -": in capitals, still a place
        if (_is_stopword_name(span) or part_of_name(doc, start, end, names)) and not strong_cue:
            continue
        if is_demonym_or_ordinal(span) or fold(span.text) in buildings:
            continue
        label = ner.get((start, end)) or next((e.label_ for e in doc_ents(doc) if e.start <= start < e.end), "")
        in_a_pair = any(e.start <= start < e.end for e in paired)  # « l'axe Bria-Ippy »: two places, by grammar
        label = "LOC" if in_a_pair else label
        cue = cue or cue_after(doc, end)
        after = after_preposition(doc, start) or country_apposition(doc, end) or (start, end) == filed_at or in_a_pair
        candidates = list(gazetteer.candidates(span.text))
        if (start, end) in landmarks and end - start > 1 and span[0].lower_ in _ARTICLES:
            start, span = start + 1, doc[start + 1 : end]  # "la Maison-Blanche" finds the landmark "Maison-Blanche"
        elif end - start > 1 and span[0].lower_ in _ARTICLES and not any(c.match == "strict" for c in candidates):
            start, span = start + 1, doc[start + 1 : end]  # "La Sicile": the name is "Sicile"; "La Paz" stays
            candidates = list(gazetteer.candidates(span.text))
        elif (named := name_after_kind_word(span)) is not None:
            start, span = named.start, named  # "l'État de Borno" is known whole; the name is "Borno"
            cue = cue_before(doc, start) or cue  # « un village de l'État de Zamfara »: the state's cue
            if not any(c.place.feature == "region" for c in candidates):
                candidates = list(gazetteer.candidates(span.text))  # a state known by its name alone
        if not any(c.match in {"strict", "core"} for c in candidates) and (
            joins_names(span) or pairs_places(span, gazetteer)
        ):
            continue  # "la Russie et la France", "Parkland en Floride", "la route Mora-Kousséri": each on its own
        if cue is not None and cue.kind == "natural" and kind_word_before(doc, start, cue):
            start, span, candidates = with_kind_word(doc, start, end, cue, candidates, gazetteer)
        if not candidates and (known := known_tail(span, gazetteer)) is not None:
            start, span, candidates = known.start, known, list(gazetteer.candidates(known.text))
        if cue is not None and cue.kind == "region":
            candidates += with_the_cue(doc, start, end, gazetteer)
        if all(c.match == "loose" for c in candidates) and (after or cue is not None) and label != "PER":
            candidates += respelt_candidates(span.text, gazetteer)
        if acronym_prefix(span):
            taken.update(range(start, end))
            continue
        person = end - start == 1 and fold(span.text) in people
        if person and start > 0 and doc[start - 1].lower_ in {"de", "d'"}:
            after = False  # "la famille d'Angelina": of a person, not from a place
        taken.update(range(start, end))
        if (start, end) in landmarks and doc[start].lower_ not in SQUARE_WORDS:
            start, span = name_of_landmark(span)
        if not written_as_a_name(span):
            continue  # "ses paris", "le « pau a piqué »": a common word, whatever NER or an alternate name says
        filed = (start, end) == filed_at
        mentions.append(Mention(start, end, span.text, label, cue, candidates, after, person, filed_at=filed))
    return link_containers(doc, listed_with_places(doc, sorted(mentions, key=lambda m: m.start)))


def joiner(doc: Doc, a: Mention, b: Mention) -> str:
    """How two mentions are joined: "et" (or "ou"), ",", or "" when something else stands between them."""
    if a.end >= b.start:
        return ""
    words = set()
    for token in doc[a.end : b.start]:
        if token.lower_ not in {",", "et", "ou"}:
            return ""
        words.add(token.lower_)
    return "et" if words & {"et", "ou"} else ","


def listed_with_places(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Qumbu, Tsolo, Ugie et Maclear": a name listed after places is one, whatever NER made of it. A list has an
    "et" or goes on after the name ("le chef du parti de Shanghai, Ying Yong, a été nommé" is no list)."""
    links = [joiner(doc, a, b) for a, b in pairwise(mentions)]
    for i, (before, mention) in enumerate(pairwise(mentions)):
        listed = links[i] == "et" or (links[i] == "," and i + 1 < len(links) and links[i + 1] != "")
        if listed and (before.ner in {"LOC", "GPE"} or before.after_preposition) and mention.ner in {"PER", ""}:
            mention.ner = "LOC"
            mention.after_preposition = mention.after_preposition or before.after_preposition
    return mentions


def is_container_word(word: str) -> bool:
    """ "dans la province du", "dans le caza de": the words between a place and the region it lies in."""
    cue = cue_table().get(word)
    return word in _CONTAINER_WORDS or (cue is not None and cue.kind == "region") or word in region_cue_words()


@cache
def region_cue_words() -> frozenset[str]:
    """The words of the region cues of several words: « en république populaire de Donetsk »."""
    return frozenset(
        w for cue, entry in cue_table().items() if entry.kind == "region" and " " in cue for w in cue.split()
    )


def of_a_region(words: list[str]) -> bool:
    """ "le district de Korenevo de la région de Koursk": « de » then a word for a region."""
    cues = cue_table()
    return words[0] in {"de", "du"} and any(w in cues and cues[w].kind == "region" for w in words[1:])


def link_containers(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Parkland en Floride", "Kidal, au Mali", "Beni, dans la province du Nord-Kivu": the next mention contains
    this one."""
    for i, (mention, following) in enumerate(pairwise(mentions)):
        words = []
        for token in doc[mention.end : following.start]:
            if token.text != ",":
                words.append(token.lower_)
            if len(words) > 6:
                break  # too far apart for a container, whatever the words
        inside = [w for w in words if w not in _ORIENTATION]  # "Mambasa, dans l'est de la RDC"
        linked = bool(inside) and (inside[0] in _CONTAINER_LINKS or of_a_region(inside))
        if linked and len(words) <= 6 and all(is_container_word(w) for w in inside):
            mention.container = i + 1
    return with_the_opening_region(doc, mentions)


def opens_on_a_region(doc: Doc, start: int, end: int) -> bool:
    """The sentence opens on this region and a comma: « Dans la région de Koursk, ... »."""
    opening = doc[doc[start].sent.start : start]
    cue = cue_before(doc, start)
    if cue is None or cue.kind != "region" or not opening or opening[0].lower_ not in {"dans", "en"}:
        return False
    contained = all(is_container_word(t.lower_) for t in opening[1:])
    return contained and end < len(doc) and doc[end].text == ","


def with_the_opening_region(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """« Dans la région de Koursk, les unités ont repoussé ... près de Korenevo »: the region a sentence opens on
    contains the places the sentence names after it."""
    for i, region in enumerate(mentions):
        if not opens_on_a_region(doc, region.start, region.end):
            continue
        sentence_end = doc[region.start].sent.end
        for later in mentions[i + 1 :]:
            if later.start >= sentence_end:
                break
            if later.container is None:
                later.container = i
    return mentions


def name_head(text: str) -> str:
    """The feature noun that opens a place name as matched (« monts » in « monts Hamrin »), else ""."""
    found = NAME_HEADS.match(text)
    return found.group(0) if found and found.end() < len(text) else ""


NAME_HEADS = re.compile(r"(?:" + word_alternation(read_lines("lexicons/name_heads.txt")) + r")(?:(?<=')|\s+)", re.I)
