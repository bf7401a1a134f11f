"""Naming sources: what a source phrase found by ``stages/attribution.py`` is shown as.

A known agency, outlet or monitor (``data/actors/news_sources.tsv``) by its short name ("l'agence AFP" → AFP), a
name with the acronym the article defines for it ("Human Rights Watch (HRW)"), a title with the person who holds it
("ministre de la Défense, Amadou Diallo"), a courtesy title and a surname with the full name the article gave
("M. Diallo" → Amadou Diallo); and the word lists that say what a source, a medium or a publication is. Which
words make the source phrase, and which anaphora it is, are read in ``stages/source_names.py``.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from temoin.resources import read_lines, read_tsv, split_variants, word_set
from temoin.stages import doc_ents, span_ents
from temoin.stages.places.normalize import fold


@cache
def known_sources() -> list[tuple[str, str]]:
    """(folded variant, display name) of news agencies, outlets and monitors, longest first."""
    return [(variant, name) for variant, name, _ in known_source_variants()]


@cache
def known_source_variants() -> list[tuple[str, str, str]]:
    """(folded variant, short name, the variant when it is a long form of the name, else ""), longest first:
    "Human Rights Watch" is shown as "Human Rights Watch (HRW)", "l'agence AFP" as "AFP"."""
    rows = []
    for row in read_tsv("actors/news_sources.tsv"):
        name = row["name"]
        for variant in dict.fromkeys([name, *split_variants(row["variants"])]):  # file order: the same on every run
            long_form = len(variant) > len(name) and not re.search(rf"\b{re.escape(fold(name))}\b", fold(variant))
            rows.append((fold(variant), name, variant if long_form else ""))
    return sorted(rows, key=lambda r: -len(r[0]))


ACRONYM = re.compile(r"[A-Z0-9][A-Za-z0-9\-]{1,12}")
GLOSSED_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9\-]{1,12}),[^()]*\)")
UNCLOSED_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9\-]{1,12})$")  # « (GSIM, ou JNIM selon ...) » cut at its comma


def normalise_source(phrase: str) -> str:
    """The name of a source phrase: a known agency ("AFP"; "Associated Press (AP)" where the article wrote the
    long form), a name with its parenthesised acronym ("Human Rights Watch (HRW)"), or the phrase itself."""
    phrase = GLOSSED_ACRONYM.sub(r"(\1)", phrase)  # « (JNIM, lié à Al-Qaïda) », « (ANI, officielle) »: the acronym
    phrase = UNCLOSED_ACRONYM.sub(r"(\1)", phrase)
    if ", " in phrase:  # a title and its holder: "porte-parole de l'ONU, Stéphane Dujarric"
        return ", ".join(normalise_source(part) for part in phrase.split(", ", 1))
    acronym = re.search(r"\(([A-Z][A-Za-z0-9\-]{1,12})\)", phrase)
    if acronym:
        full = without_determiners(phrase[: acronym.start()])
        return f"{full} ({acronym.group(1)})" if 0 < len(full) <= 70 else acronym.group(1)
    folded = fold(phrase)
    bare = fold(without_determiners(phrase))
    known = first_known_variant(folded)
    if known is not None:
        variant, name, written = known
        # "l'agence officielle SANA", "un communiqué de l'OSDH" are the known source; "l'ambassadeur d'Ukraine
        # aux Nations unies" is the ambassador
        headed = bare.startswith(variant) or bare.split()[0] in folded_medium_nouns()
        if not headed:
            return without_determiners(phrase)
        glossed = f"{written} ({name})" if ACRONYM.fullmatch(name) else written  # not « Défense civile
        return desk_of(without_determiners(phrase), variant) or (glossed if written else name)  # palestinienne »'s
        # other name in brackets: an article wrote one of them
    return without_determiners(phrase)


@cache
def variant_ranks() -> dict[str, int]:
    """Each known variant of two characters or more, and where it first stands in ``known_source_variants``."""
    ranks: dict[str, int] = {}
    for rank, (variant, _, _) in enumerate(known_source_variants()):
        if len(variant) >= 2:
            ranks.setdefault(variant, rank)
    return ranks


def first_known_variant(folded: str) -> tuple[str, str, str] | None:
    """The first row of ``known_source_variants`` whose variant stands between spaces in `` {folded} ``: one of the
    runs of its words, split at every single space."""
    words = folded.split(" ")
    ranks = variant_ranks()
    runs = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    found = [ranks[run] for run in runs if run in ranks]
    return known_source_variants()[min(found)] if found else None


def desk_of(bare: str, variant: str) -> str:
    """A known outlet followed by the name of one of its services keeps it: "BBC Sport", "BBC News Arabic" (one or
    two capitalised words right after the outlet's name)."""
    words = bare.split()
    size = len(variant.split())
    if fold(" ".join(words[:size])) != variant:
        return ""
    rest = words[size:]
    return bare if 1 <= len(rest) <= 2 and all(w[:1].isupper() for w in rest) else ""


# words before the name of a source: "la même ONG" is the NGO
LEADING_WORDS = {"l", "la", "le", "les", "un", "une", "des", "de", "du", "meme", "memes"}  # folded: no accents
POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}


INDEFINITE_DETERMINERS = {"un", "une", "des"}
DEFINITE_DETERMINERS = {"la", "le", "les"}


def written_form(phrase: str, name: str) -> str:
    """The source's name with the determiner the article wrote before it (« une source sécuritaire », « des
    habitants », « l'Agence nationale d'information (ANI) », « les Nations unies »), as SCHEMA.md's example gives
    it; not a definite article before a common noun (« le ministère » is a shortened name, not a new one)."""
    words = phrase.strip(" ,:;«»\"'").split()
    if not words or not name or is_a_known_source(name):
        return name  # « l'AFP » is AFP
    name = with_its_gloss(phrase, name)
    first, rest = words[0], " ".join(words[1:])
    named = name[:1].isupper()
    if first.lower().startswith(("l'", "l’")) and len(first) > 2:
        first, rest = first[:2], " ".join([first[2:], *words[1:]])
        definite = True
    else:
        definite = fold(first) in DEFINITE_DETERMINERS
    if not (fold(first) in INDEFINITE_DETERMINERS or (definite and named)) or not fold(rest).startswith(fold(name)):
        return name
    return f"{first.lower()}{name}" if first.endswith(("'", "’")) else f"{first.lower()} {name}"


def with_its_gloss(phrase: str, name: str) -> str:
    """« (ANI, officielle) », « (JNIM, lié à Al-Qaïda) » as the article wrote them, where the name keeps the bare
    acronym; not a longer explanation (« (GSIM, ou JNIM selon l'acronyme arabe) »)."""
    glossed = GLOSSED_ACRONYM.search(phrase)
    if glossed is None or not name.endswith(f"({glossed.group(1)})") or len(glossed.group(0).split()) > 4:
        return name
    return name[: -len(glossed.group(1)) - 2] + glossed.group(0)


def without_determiners(phrase: str) -> str:
    words = phrase.strip(" ,:;«»\"'").split()
    if len(words) > 1 and fold(words[0]) in {"un", "une", "l'un", "l'une"} and fold(words[1]) in {"des", "d'entre"}:
        return " ".join(words)  # "un des responsables du port"
    while words and fold(words[0]) in LEADING_WORDS:
        words.pop(0)
    if len(words) > 2 and fold(words[0]) in POSSESSIVES and any(w[:1].isupper() for w in words[2:]):
        words.pop(0)  # « son agence Amaq »: the agency, named; not « leur employeur »
    if words and words[0].lower().startswith(("l'", "l’", "d'", "d’")):
        words[0] = words[0][2:]
    return " ".join(words)


@cache
def source_nouns() -> frozenset[str]:
    return frozenset(read_lines("lexicons/source_nouns.txt"))


def is_known_source(phrase: str) -> bool:
    return known_source_pattern().search(f" {fold(phrase)} ") is not None


def is_a_known_source(phrase: str) -> bool:
    """The whole phrase, its determiner aside, is a known source: « l'AFP », not « l'AFP Nasrullah Baloch »."""
    return known_source_pattern().fullmatch(f" {fold(without_determiners(phrase))} ") is not None


@cache
def known_source_pattern() -> re.Pattern[str]:
    """Every known variant as one search (asked for each name in apposition and each medium)."""
    variants = sorted({v for v, _ in known_sources() if len(v) >= 2}, key=len, reverse=True)
    return re.compile(" (?:" + "|".join(re.escape(v) for v in variants) + ") ")


def names_a_medium(phrase: Span) -> bool:
    """A known outlet, an organisation, or a medium noun with its name ("la chaîne de télévision locale NTV")."""
    if is_known_source(phrase.text) or any(e.label_ == "ORG" for e in span_ents(phrase)):
        return True
    named = any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in phrase[1:])
    return named and any(t.lemma_.lower() in medium_nouns() for t in phrase)


def medium_nouns() -> frozenset[str]:
    return word_set("lexicons/medium_nouns.txt")


@cache
def folded_medium_nouns() -> frozenset[str]:
    return frozenset(fold(w) for w in medium_nouns())


def acronym_definitions(doc: Doc) -> dict[str, str]:
    """ "Human Rights Watch (HRW)", "les Nations unies (ONU)": acronym -> the name it stands for."""
    found: dict[str, str] = {}
    for token in doc[1:-2]:
        if token.text != "(":
            continue
        acronym = token.nbor(1)
        if token.nbor(2).text == ")" and ACRONYM.fullmatch(acronym.text):
            name = name_before(token)
            if name and fold(name) != fold(acronym.text):
                found.setdefault(acronym.text, name)
    return found


ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,9}")
_CONNECTORS = {"de", "du", "des", "d'", "la", "le", "l'", "et", "and", "of", "for", "the", "pour", "sur", "en", "aux"}


def name_before(paren: Token) -> str:
    """The capitalised name just before a bracket, with its lower-case adjectives and linked nouns
    ("Fonds monétaire international", "Forces de défense et de sécurité"); "" when there is none."""
    doc = paren.doc
    start = paren.i
    while start > max(paren.sent.start, paren.i - 10):
        t = doc[start - 1]
        linked = start - 2 >= 0 and doc[start - 2].lower_ in _CONNECTORS
        if t.text[:1].isupper() or t.lower_ in _CONNECTORS or t.pos_ == "ADJ" or (t.pos_ == "NOUN" and linked):
            start -= 1
        else:
            break
    while start < paren.i and not doc[start].text[:1].isupper():
        start += 1
    words = doc[start : paren.i]
    if len(words) and words[0].pos_ == "DET":
        words = doc[start + 1 : paren.i]
    return words.text if len(words) else ""


def full_names(doc: Doc) -> list[Span]:
    """The people the article names in full ("Amadou Diallo", "Aminata Sow Fall"), in order."""
    courtesy = courtesy_titles()
    return [
        e
        for e in doc_ents(doc)
        if e.label_ == "PER"
        and len(e) >= 2
        and e[0].text[:1].isupper()
        and e[-1].text[:1].isupper()
        and e[0].text.lower() not in courtesy
    ]


def with_full_name(name: str, at: int, people: list[Span]) -> str:
    """A source named by a title and a surname, or by the surname alone, shown with the full name the article
    gave that person: "M. Diallo", "le président Diallo", "Diallo" → Amadou Diallo (the nearest full mention
    before, else the first after). A title and its holder keep the title: "M. Diallo, chercheur"."""
    person, comma, rest = name.partition(", ")
    words = person.split()
    if not words or not words[-1][:1].isupper():
        return name
    courtesy = courtesy_titles()
    titles = words[:-1]
    if not all(w.lower() in courtesy or w.islower() for w in titles):
        return name  # "Amadou Diallo" is a full name already; "Radio Kivu" is not a title and a surname
    same = [p for p in people if fold(p[-1].text) == fold(words[-1]) and fold(p.text) != fold(person)]
    if not same:
        return name
    before = [p for p in same if p.start < at]
    full = (before[-1] if before else same[0]).text
    return f"{full}{comma}{rest}"


def courtesy_titles() -> frozenset[str]:
    return frozenset(w.lower() for w in word_set("lexicons/courtesy_titles.txt"))
