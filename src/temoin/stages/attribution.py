"""The ``temoin_attribution`` component: who the article says a claim comes from, and how sure it is.

Sources: "selon X", "d'après X", "citant X", and the subject of a reporting verb
("X a annoncé", "a annoncé X", "a déclaré X dans un tweet"). Anaphora ("la
source", "la même source", "l'agence") and "le groupe a affirmé" point back to
the last source or the last armed group. Writes ``doc.spans["temoin_sources"]``
(``kb_id_`` the normalised source name) and ``doc.spans["temoin_hedges"]``
(conditional mood, "probablement", "selon des informations non confirmées").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from temoin.resources import read_lines, read_tsv, split_variants
from temoin.stages.places.normalize import fold

SELON = {"selon", "d'après", "citant", "cité", "cités"}
_ANAPHORA = re.compile(
    r"^(la|cette) (même )?source|^l'agence$|^le média|^la chaîne|^le journal|"
    r"^le (tweet|communiqué|message|texte|post)$",
    re.I,
)
_GROUP_ANAPHORA = re.compile(r"^(le|ce) groupe\b", re.I)
_PRONOUNS = {"il", "elle", "ils", "elles", "celui-ci", "celle-ci", "ce dernier", "cette dernière"}
_NOT_SOURCES = re.compile(r"^(lesquels|lesquelles|lequel|laquelle|qui|que|nous|on|vous|je|tu|cela|ce|ceci)$", re.I)
HEDGE_WORDS = re.compile(
    r"\b(probablement|vraisemblablement|apparemment|"
    r"non confirmée?s?|non vérifiée?s?|semble-t-il|il semble|rumeurs?|prétendu(e|s|es)?|"
    r"aurai(en)?t|serai(en)?t|pourrai(en)?t)\b",
    re.I,
)


@cache
def reporting_verbs() -> frozenset[str]:
    return frozenset(read_lines("lexicons/reporting_verbs.txt"))


@cache
def known_sources() -> list[tuple[str, str]]:
    """(folded variant, display name) of news agencies, outlets and monitors, longest first."""
    rows = []
    for row in read_tsv("actors/news_sources.tsv"):
        for variant in {row["name"], *split_variants(row["variants"])}:
            rows.append((fold(variant), row["name"]))
    return sorted(rows, key=lambda r: -len(r[0]))


def normalise_source(phrase: str) -> str:
    """A short name for a source phrase: a known agency, a parenthesised acronym, or the phrase."""
    acronym = re.search(r"\(([A-Z][A-Za-z0-9\-]{1,12})\)", phrase)
    if acronym:
        return acronym.group(1)
    folded = f" {fold(phrase)} "
    for variant, name in known_sources():
        if len(variant) >= 2 and f" {variant} " in folded:
            return name
    words = phrase.strip(" ,«»\"'").split()
    while words and fold(words[0]) in {"l", "la", "le", "les", "un", "une", "des", "de", "du"}:
        words.pop(0)
    return " ".join(words)


def subject_of(verb: Token) -> Span | None:
    """The verb's subject, all of it ("L'agence d'information russe Sputnik" parsed as two subjects), or the
    subject of its auxiliary when an incise splits them ("La source a, de même, ajouté")."""
    found = direct_subject(verb)
    if found is not None:
        return found
    for token in reversed(verb.doc[max(verb.sent.start, verb.i - 8) : verb.i]):
        if token.lower_ in {"a", "ont", "avait", "avaient"}:
            return direct_subject(token)
    return None


def direct_subject(verb: Token) -> Span | None:
    subjects = [child for child in verb.children if child.dep_ in {"nsubj", "nsubj:pass"}]
    if not subjects:
        return None
    left = min(t.i for child in subjects for t in child.subtree)
    right = max(t.i for child in subjects for t in child.subtree)
    return verb.doc[left : right + 1]


def phrase_after(token: Token, limit: int = 12) -> Span | None:
    """The noun phrase after "selon": up to a comma, a verb or the end of the sentence."""
    doc = token.doc
    end = token.i + 1
    while end < min(token.sent.end, token.i + 1 + limit):
        t = doc[end]
        if (
            (t.is_punct and t.text not in {"(", ")", "-", "'"})
            or t.pos_ in {"VERB", "AUX"}
            or t.lower_ in {"que", "qui"}
        ):
            break
        end += 1
    return doc[token.i + 1 : end] if end > token.i + 1 else None


def inverted_subject(verb: Token) -> Span | None:
    """The source after an incise verb: "..., a rapporté l'agence SANA", "a déclaré la CSOJTF-L"."""
    doc = verb.doc
    i = verb.i - 1
    while (i >= verb.sent.start and doc[i].pos_ == "AUX") or (i >= 0 and doc[i].lower_ in {"-t-il", "-t-elle"}):
        i -= 1
    if i < verb.sent.start or doc[i].text not in {",", "»", '"', "«"}:
        return None
    phrase = phrase_after(verb)
    return phrase if phrase is not None and phrase[0].pos_ in {"DET", "PROPN", "NOUN"} else None


def names_a_source(span: Span) -> bool:
    """A source is a name, or a noun for a person, body or medium ("une source sécuritaire", "le ministère")."""
    if span[0].pos_ == "ADP":
        return False  # "Dans un communiqué publié mercredi": a place of publication, not a source
    if any(t.pos_ == "PROPN" or t.ent_type_ in {"PER", "ORG"} for t in span):
        return True
    if any(t.lower_ in _PRONOUNS for t in span) or _ANAPHORA.match(span.text.lower()):
        return True
    return any(t.lemma_.lower() in source_nouns() or t.lower_ in source_nouns() for t in span)


@cache
def source_nouns() -> frozenset[str]:
    return frozenset(read_lines("lexicons/source_nouns.txt"))


def trim_source(span: Span) -> Span:
    """Cut a subject phrase before a relative clause or a long apposition."""
    doc = span.doc
    end = span.start
    while end < span.end and not (doc[end].text == "," or doc[end].lower_ in {"qui", "dont", "que"}):
        end += 1
    return doc[span.start : max(end, span.start + 1)]


def reports(verb: Token) -> bool:
    """A reporting verb, even where the lemmatiser leaves the inflected form ("estime" for estimer)."""
    low = verb.lower_
    guesses = {verb.lemma_.lower(), low + "r", low[:-3] + "er", low[:-1] + "er", low[:-2] + "er"}
    return bool(guesses & reporting_verbs())


def apposed_names(subject: Span, trimmed: Span) -> list[Span]:
    """People, and known monitors or media, in apposition to a source: "Le ministre ..., Sergueï Lavrov, estime",
    "affirme le secrétaire général de l'OTAN, Jens Stoltenberg,", "Hugh Williamson, de Human Rights Watch"."""
    doc = subject.doc
    end = subject.end
    if end + 1 < subject.sent.end and doc[end].text == ",":
        end = min(subject.sent.end, end + 6)  # an inverted subject: its apposition follows it
    inside = [e for e in doc.ents if trimmed.end <= e.start and e.end <= end and len(e.text) >= 3]
    return [e for e in inside if e.label_ == "PER" or normalise_source(e.text) in known_source_names()]


@cache
def known_source_names() -> frozenset[str]:
    return frozenset(name for _, name in known_sources())


def told_to(verb: Token) -> Span | None:
    """The medium a statement was made to: "a déclaré à l'agence de presse AFP", "a dit à Reuters"."""
    doc = verb.doc
    for token in doc[verb.i + 1 : min(verb.sent.end, verb.i + 4)]:
        if token.lower_ in {"à", "au"}:
            phrase = phrase_after(token, limit=8)
            if phrase is not None and normalise_source(phrase.text) in known_source_names():
                return phrase
            return None
    return None


class AttributionFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        sources: list[Span] = []
        last = ""
        last_group = ""
        armed_groups = [
            a
            for a in doc.spans.get("temoin_actors", [])
            if a.label_ in {"REB", "UAF"} and a.kb_id_.startswith("named:")
        ]
        for sent in doc.sents:
            groups = [a for a in armed_groups if sent.start <= a.start < sent.end]
            found = self._sentence_sources(sent)
            for span in found + unnamed_sources(sent, found):
                name = self._resolve(span, last, last_group)
                if name:
                    sources.append(Span(doc, span.start, span.end, label="SOURCE", kb_id=name))
                    last = name
            if groups:
                last_group = groups[-1].text
        doc.spans["temoin_sources"] = sources
        doc.spans["temoin_hedges"] = hedges(doc)
        return doc

    @staticmethod
    def _sentence_sources(sent: Span) -> list[Span]:
        found = []
        for token in sent:
            if (
                token.lower_ in SELON
                and token.i + 1 < sent.end
                and token.nbor(1).lower_ not in {"lesquels", "lesquelles", "lequel", "laquelle"}
            ):
                phrase = phrase_after(token)
                if phrase is not None:
                    found.append(phrase)
            elif token.pos_ in {"VERB", "AUX"} and reports(token):
                subject = inverted_subject(token) or subject_of(token)
                if subject is not None and names_a_source(subject):
                    trimmed = trim_source(subject)
                    found.append(trimmed)
                    found.extend(apposed_names(subject, trimmed))
                medium = told_to(token)
                if medium is not None:
                    found.append(medium)
        return found

    @staticmethod
    def _resolve(span: Span, last: str, last_group: str) -> str:
        text = span.text.strip()
        low = text.lower()
        if _NOT_SOURCES.match(low):
            return ""
        named = any(t.pos_ == "PROPN" or (t.i > span.start and t.text[:1].isupper()) for t in span)
        if low in _PRONOUNS or (_ANAPHORA.match(low) and not named):  # "la chaîne Al-Masirah" is named
            return last
        if _GROUP_ANAPHORA.match(low) and len(low.split()) <= 4 and last_group:
            return last_group
        name = normalise_source(text)
        return name if 2 <= len(name) <= 80 else ""


UNNAMED_SOURCE = re.compile(
    r"\bsources? (?:sécuritaires?|locales?|militaires?|humanitaires?|médicales?|hospitalières?|diplomatiques?|"
    r"officielles?|policières?|administratives?|judiciaires?|concordantes?|proches? d[eu'] ?\w+)",
    re.I,
)


def unnamed_sources(sent: Span, found: list[Span]) -> list[Span]:
    """ "de sources sécuritaires", "une source locale": sources wherever they stand in the sentence."""
    out = []
    for m in UNNAMED_SOURCE.finditer(sent.text):
        span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is not None and not any(s.start <= span.start < s.end for s in found):
            out.append(span)
    return out


def hedges(doc: Doc) -> list[Span]:
    spans = []
    for m in HEDGE_WORDS.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), label="HEDGE", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    for token in doc:
        if (
            token.pos_ in {"AUX", "VERB"}
            and "Cnd" in token.morph.get("Mood", [])
            and not any(s.start <= token.i < s.end for s in spans)
        ):
            spans.append(doc[token.i : token.i + 1])
    return [Span(doc, s.start, s.end, label="HEDGE") for s in sorted(spans, key=lambda s: s.start)]


@Language.factory(
    "temoin_attribution", assigns=["doc.spans"], requires=["token.dep", "token.lemma", "token.morph"], default_config={}
)
def make_attribution_finder(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(nlp, name)
