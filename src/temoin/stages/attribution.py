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
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from temoin.resources import read_lines, word_alternation, word_set
from temoin.stages.sources import (
    acronym_definitions,
    full_names,
    is_known_source,
    medium_nouns,
    names_a_medium,
    normalise_source,
    source_nouns,
    with_full_name,
)

SELON = {"selon", "d'après", "citant", "cité", "cités"}
_ANAPHORA = re.compile(
    r"^(la|cette) (même )?source|^l'agence$|^le média|^la chaîne|^le journal|"
    r"^le (tweet|communiqué|message|texte|post)$",
    re.I,
)
_GROUP_ANAPHORA = re.compile(r"^(le|ce) groupe\b", re.I)
_PRONOUNS = {"il", "elle", "ils", "elles", "celui-ci", "celle-ci", "ce dernier", "cette dernière"}
_NOT_SOURCES = re.compile(r"^(lesquels|lesquelles|lequel|laquelle|qui|que|nous|on|vous|je|tu|cela|ce|ceci)$", re.I)


@cache
def reporting_verbs() -> frozenset[str]:
    return frozenset(read_lines("lexicons/reporting_verbs.txt"))


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
    doc = verb.doc
    while left < right and doc[left].is_punct:  # ", les Forces armées de la RDC (FARDC) affirment"
        left += 1
    if doc[left].lower_ in {"et", "ou"}:  # "Des ONG locales et l'ambassadeur": the parser lost the first conjunct
        while left > verb.sent.start and doc[left - 1].pos_ in {"DET", "NOUN", "PROPN", "ADJ", "ADP"}:
            left -= 1
    return doc[left : right + 1]


def phrase_after(token: Token, limit: int = 12) -> Span | None:
    """The noun phrase after "selon": up to a comma, a verb or the end of the sentence."""
    doc = token.doc
    end = token.i + 1
    while end < min(token.sent.end, token.i + 1 + limit):
        t = doc[end]
        if (
            (t.is_punct and t.text not in {"(", ")", "-", "'"})
            or (t.pos_ in {"VERB", "AUX"} and t.lower_ not in {"unies", "unis"})  # les Nations unies
            or t.lower_ in {"que", "qui", "qu'", "qu’"}
            or (t.lower_ in circumstance_words() and end > token.i + 1 and not names_on(t, limit))
        ):
            break  # "a écrit M. Diallo sur Twitter", but "l'Institut de recherche sur la paix (IRP)"
        end += 1
    return doc[token.i + 1 : end] if end > token.i + 1 else None


def names_on(preposition: Token, limit: int) -> bool:
    """A preposition inside a long name: an acronym in brackets closes the name a few words on."""
    doc = preposition.doc
    ahead = doc[preposition.i + 1 : min(preposition.sent.end, preposition.i + limit)]
    for t in ahead:
        if t.text == "(":
            return True
        if t.is_punct and t.text not in {"-", "'"}:
            return False
    return False


def circumstance_words() -> frozenset[str]:
    return word_set("lexicons/circumstance_words.txt")


def inverted_subject(verb: Token) -> Span | None:
    """The source after an incise verb: "..., a rapporté l'agence SANA", "a déclaré la CSOJTF-L"."""
    doc = verb.doc
    i = verb.i - 1
    while (i >= verb.sent.start and doc[i].pos_ == "AUX") or (i >= 0 and doc[i].lower_ in {"-t-il", "-t-elle"}):
        i -= 1
    if i < verb.sent.start or doc[i].text not in {",", "»", '"', "«"}:
        return None
    phrase = up_to_next_to(phrase_after(after_the_medium(verb)))  # "a indiqué une source à l'AFP": the source
    when = next((d for d in doc.spans.get("temoin_dates", []) if phrase is not None and d.start == phrase.start), None)
    if phrase is not None and when is not None and when.end < phrase.end:
        phrase = doc[when.end : phrase.end]  # "a annoncé mardi le ministère": the ministry, not Tuesday
    return phrase if phrase is not None and phrase[0].pos_ in {"DET", "PROPN", "NOUN"} else None


def after_the_medium(verb: Token) -> Token:
    """Where an inverted subject starts: after "à l'AFP," in "..., a déclaré à l'AFP, Jean Mbala, un des
    responsables du port" (the medium, then the speaker)."""
    doc = verb.doc
    if verb.i + 1 >= verb.sent.end or doc[verb.i + 1].lower_ not in {"à", "au", "aux"}:
        return verb
    medium = phrase_after(doc[verb.i + 1], limit=8)
    if medium is None or medium.end >= verb.sent.end or doc[medium.end].text != "," or not names_a_medium(medium):
        return verb
    words = [t for t in medium if t.pos_ != "DET"]
    short = len(words) <= 2 or words[0].lemma_.lower() in medium_nouns()  # not "BBC Mundo Ana Ruiz," (two names)
    return doc[medium.end] if short else verb


def names_a_source(span: Span) -> bool:
    """A source is a name, or a noun for a person, body or medium ("une source sécuritaire", "le ministère")."""
    if span[0].pos_ == "ADP":
        return False  # "Dans un communiqué publié mercredi": a place of publication, not a source
    if any(t.pos_ == "PROPN" or t.ent_type_ in {"PER", "ORG"} for t in span):
        return True
    if any(t.lower_ in _PRONOUNS for t in span) or _ANAPHORA.match(span.text.lower()):
        return True
    return any(t.lemma_.lower() in source_nouns() or t.lower_ in source_nouns() for t in span)


def trim_source(span: Span) -> Span:
    """Cut a subject phrase before a relative clause or a long apposition."""
    doc = span.doc
    end = span.start
    while end < span.end and not (doc[end].text == "," or doc[end].lower_ in {"qui", "dont", "que"}):
        end += 1
    return doc[span.start : max(end, span.start + 1)]


def reports(verb: Token) -> bool:
    """A reporting verb, even where the lemmatiser leaves the inflected form ("estime" for estimer), or a verb of
    a reporting phrase with the words that make it one ("a mis en garde", "a appelé le gouvernement à")."""
    low = verb.lower_
    guesses = {verb.lemma_.lower(), low + "r", low[:-3] + "er", low[:-1] + "er", low[:-2] + "er"}
    if guesses & reporting_verbs():
        return True
    after: list[str] = []
    for t in verb.doc[verb.i + 1 : min(verb.sent.end, verb.i + 9)]:
        if t.is_punct or (t.pos_ == "VERB" and after):
            break
        after.append(t.lower_)
    return any(lemma in guesses and in_order(rest, after) for lemma, rest in reporting_phrases())


def in_order(words: tuple[str, ...], tokens: list[str]) -> bool:
    it = iter(tokens)
    return all(any(w == t for t in it) for w in words)


@cache
def reporting_phrases() -> list[tuple[str, tuple[str, ...]]]:
    """(verb lemma, the words that follow it in order) from ``lexicons/reporting_phrases.txt``."""
    rows = [line.split() for line in read_lines("lexicons/reporting_phrases.txt")]
    return [(row[0], tuple(row[1:])) for row in rows if len(row) > 1]


def apposed_names(subject: Span, trimmed: Span) -> list[Span]:
    """People, and known monitors or media, in apposition to a source: "Le ministre ..., Sergueï Lavrov, estime",
    "affirme le secrétaire général de l'OTAN, Jens Stoltenberg,", "Hugh Williamson, de Human Rights Watch"."""
    doc = subject.doc
    end = subject.end
    if end + 1 < subject.sent.end and doc[end].text == ",":
        end = min(subject.sent.end, end + 6)  # an inverted subject: its apposition follows it
    inside = [e for e in doc.ents if trimmed.end <= e.start and e.end <= end and len(e.text) >= 3]
    person = any(e.label_ == "PER" for e in trimmed.ents)  # "Kenza Ben Azzouz, chercheuse à Human Rights Watch"
    return [e for e in inside if e.label_ == "PER" or (person and e.label_ == "ORG") or is_known_source(e.text)]


def unconfirmed(phrase: Span) -> bool:
    """ "selon des informations non confirmées", "selon des rumeurs": a hedge, not a source."""
    named = any(t.pos_ == "PROPN" for t in phrase)
    return not named and phrase.root.lemma_.lower() in word_set("lexicons/hearsay_nouns.txt")


def outermost(spans: list[Span]) -> list[Span]:
    """Each source once: a span inside another one ("BBC" in "la BBC") is left out, unless it is a body named
    after the comma of a person's title ("Awa Sy, cheffe de mission de MSF": MSF stays a source of its own)."""
    unique = {(s.start, s.end): s for s in spans}
    return [
        s
        for (start, end), s in unique.items()
        if not any(
            o != (start, end) and o[0] <= start and end <= o[1] and not after_a_comma(unique[o], start) for o in unique
        )
    ]


def after_a_comma(outer: Span, start: int) -> bool:
    return any(t.text == "," for t in outer.doc[outer.start : start])


def with_apposition(subject: Span, trimmed: Span) -> list[Span]:
    """The source and the names in apposition to it. A title and the person who holds it make one source
    ("le porte-parole de la police, le colonel Katlego Mogale"; "Mahamat Saleh, le ministre de la justice"); a
    person and a body stay two."""
    names = apposed_names(subject, trimmed)
    titled = [n for n in names if n.label_ == "PER" and n.start <= trimmed.end + 3]
    if titled and not any(e.label_ == "PER" for e in trimmed.ents):
        combined = subject.doc[trimmed.start : titled[0].end]
        return [combined, *(n for n in names if n is not titled[0])]
    title = title_after(trimmed)
    if title is not None:
        return [subject.doc[trimmed.start : title.end], *names]
    return [*conjuncts(trimmed), *names]


def title_after(person: Span) -> Span | None:
    """The title in apposition after a person's name: "Mahamat Saleh, le ministre tchadien de la justice", "Awa
    Sy, l'une des responsables du port", up to a comma, a verb or "à" ("Ali Ba, chercheur au Timbuktu Institute":
    the institute is a source of its own)."""
    doc, sent = person.doc, person.sent
    if not is_person(person) or person.end + 2 >= sent.end or doc[person.end].text != ",":
        return None
    start = person.end + 1
    i = start
    while i < min(sent.end, start + 3) and (doc[i].pos_ in {"DET", "PRON"} or doc[i].lower_ in {"des", "d'"}):
        i += 1  # "le", "un des", "l'une des"
    if i >= sent.end or not (doc[i].lemma_.lower() in source_nouns() or doc[i].lower_ in source_nouns()):
        return None
    end = i + 1
    while end < sent.end and end - start < 9:
        t = doc[end]
        if (
            (t.is_punct and t.text not in {"-", "'"})
            or t.pos_ in {"VERB", "AUX"}
            or t.lower_ in {"à", "au", "aux", "qui", "que", "qu'", "et"} | circumstance_words()
        ):
            break
        end += 1
    if end - start >= 9 or (end < sent.end and not doc[end].is_punct and doc[end].lower_ not in {"à", "au", "aux"}):
        return None  # a long apposition, or one that runs on into a clause
    return doc[start:end]


def is_person(span: Span) -> bool:
    """A person's name: a person entity, or two or more proper nouns and nothing else."""
    if any(e.label_ == "PER" and e.start <= span.start and span.end <= e.end for e in span.doc.ents):
        return True
    return len(span) >= 2 and all(t.pos_ == "PROPN" or t.text == "-" for t in span)


def conjuncts(span: Span) -> list[Span]:
    """ "Des ONG et l'ambassadeur d'Ukraine ont accusé": two sources."""
    cuts = [t.i for t in span if t.lower_ in {"et", "ainsi"} and t.dep_ == "cc" and t.i > span.start]
    bounds = [span.start, *cuts, span.end]
    parts = [span.doc[a + (a in cuts) : b] for a, b in pairwise(bounds)]
    return [p for p in parts if len(p)] or [span]


def told_to(verb: Token) -> Span | None:
    """The medium a statement was made to: "a déclaré à l'agence de presse AFP", "a dit à Reuters", "a déclaré
    un résident, Jean Paluku, à l'agence Télam"; a place ("a déclaré à Bamako") is not one."""
    doc = verb.doc
    for token in doc[verb.i + 1 : min(verb.sent.end, verb.i + 12)]:
        if token.lower_ in {"que", "qu'", ":", '"', "«"}:
            return None
        if token.lower_ in {"à", "au"}:
            phrase = up_to_next_to(phrase_after(token, limit=8))
            if phrase is not None and names_a_medium(phrase):
                return phrase  # "a réagi à l'époque à l'agence AFP": the second "à" names the medium
    return None


def up_to_next_to(phrase: Span | None) -> Span | None:
    if phrase is None:
        return None
    end = next((t.i for t in phrase[1:] if t.lower_ in {"à", "au"}), phrase.end)
    return phrase.doc[phrase.start : end]


def interviewed_by(token: Token) -> Span | None:
    """ "dans une interview accordée à CNN", "un entretien au journal Le Monde": the medium."""
    if token.lemma_.lower() not in word_set("lexicons/interview_nouns.txt"):
        return None
    for nxt in token.doc[token.i + 1 : min(token.sent.end, token.i + 4)]:
        if nxt.lower_ in {"à", "au", "avec"}:
            phrase = phrase_after(nxt, limit=8)
            return phrase if phrase is not None and names_a_medium(phrase) else None
    return None


def publication_nouns() -> frozenset[str]:
    return word_set("lexicons/publication_nouns.txt")


def publication_authors(noun: Token) -> list[Span]:
    """Who a report, a statement or a video is by: "un rapport de la CNUCED", "les allégations de Human Rights
    Watch", "l'analyse par la BBC des données de l'Acled", "une vidéo postée sur Twitter par The New Times", "un
    livre écrit par les experts A et B". A name, never a place ("la déclaration d'Abuja")."""
    doc = noun.doc
    out = []
    for case in doc[noun.i + 1 : min(noun.sent.end, noun.i + 3)]:
        if case.lower_ in {"de", "du", "des", "d'", "par"}:
            author = name_at(next_word(case))
            out.extend([author] if author is not None else [])
            break
        if case.pos_ != "DET":
            break
    for participle in (c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"):
        by = next((t for t in participle.subtree if t.lower_ == "par" and t.i > participle.i), None)
        phrase = phrase_after(by) if by is not None else None
        if by is not None and phrase is not None:  # "écrit par les journalistes A et B": the people named
            named = [n for n in [name_at(doc[e.start]) for e in phrase.ents] or [name_at(next_word(by))] if n]
            out.extend(named or ([phrase] if names_a_medium(phrase) else []))  # "par la radio Kivu Lumière"
    return out


def next_word(token: Token) -> Token:
    """The word after a preposition, past a determiner ("de la CNUCED")."""
    doc = token.doc
    i = token.i + 1
    while i < token.sent.end - 1 and doc[i].pos_ == "DET":
        i += 1
    return doc[min(i, len(doc) - 1)]


def name_at(token: Token) -> Span | None:
    """The name of a body or person that starts at this word, with its acronym in brackets; None for a place or a
    common noun."""
    doc = token.doc
    if not token.text[:1].isupper():
        return None
    entity = next((e for e in doc.ents if e.start == token.i), None)
    if entity is not None and entity.label_ == "LOC" and not is_known_source(entity.text):
        return None
    if entity is None:
        end = token.i
        while end < token.sent.end and (doc[end].pos_ == "PROPN" or doc[end].text[:1].isupper()):
            end += 1
        if end == token.i or (not is_known_source(doc[token.i : end].text) and doc[token.i].pos_ != "PROPN"):
            return None
    else:
        end = entity.end
    if end + 2 < token.sent.end and doc[end].text == "(" and doc[end + 2].text == ")":
        end += 3  # "Armed Conflict Location and Event Data Project (Acled)"
    return doc[token.i : end]


def speaker(verb: Token) -> Span | None:
    """Who a reporting verb reports: its subject before it ("Le porte-parole, Ned Price, estime cette semaine"),
    else the subject of an incise after it ("..., a rapporté l'agence SANA", "..., dit un expert, ..."), else the
    subject of the verb it is coordinated with ("La délégation a rencontré le président et a annoncé que"), else
    the name the parser hung it on ("Aminata Sow, cheffe de mission de MSF, assure que")."""
    if any(c.dep_ == "aux:pass" for c in verb.children):  # "la Russie est accusée": the accused is no source
        agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
        if agent is None:
            return None
        start = next(t.i for t in agent.subtree if t.dep_ != "case")  # "par l'ONU": l'ONU
        return verb.doc[start : agent.right_edge.i + 1]
    direct = subject_of(verb)
    if direct is not None and direct.end <= verb.i and (names_a_source(direct) or not is_incise(verb)):
        return direct
    return inverted_subject(verb) or direct or shared_subject(verb) or subject_left_of(verb)


def is_incise(verb: Token) -> bool:
    """ "..., dit un expert" : the verb (or its auxiliary) right after a comma or a quotation mark."""
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and (doc[i].pos_ == "AUX" or doc[i].lower_ in {"-t-il", "-t-elle"}):
        i -= 1
    return i >= verb.sent.start and doc[i].text in {",", "»", '"', "«"}


def shared_subject(verb: Token) -> Span | None:
    """The subject of the verb a reporting verb is coordinated with ("X appelle à ... et indique que"), or the
    name a reporting verb with a "que" clause was parsed as modifying ("X, chef de mission, rassure que")."""
    head = verb.head
    active = any(c.dep_ == "nsubj" for c in head.children) and not any(c.dep_ == "nsubj:pass" for c in head.children)
    if verb.dep_ == "conj" and head.pos_ == "VERB" and active and head.i < verb.i and not subordinate(head):
        found = subject_of(head)
        finite = found is not None and any("Fin" in t.morph.get("VerbForm", []) for t in found)
        return found if found is not None and found.end <= head.i and not finite else None
    says_that = any(c.dep_ == "ccomp" for c in verb.children)
    if verb.dep_ == "acl" and says_that and head.i < verb.i and (head.pos_ == "PROPN" or head.ent_type_ == "PER"):
        entity = next((e for e in verb.doc.ents if e.start <= head.i < e.end), None)
        start = entity.start if entity is not None else head.i
        end = entity.end if entity is not None else head.i + 1
        return verb.doc[start:end]
    return None


def subject_left_of(verb: Token) -> Span | None:
    """A subject the parser did not attach: the noun phrase right before the verb ("... et les Nations unies (ONU)
    affirment que"), back to a conjunction, a comma or another verb."""
    doc = verb.doc
    end = verb.i
    while end > verb.sent.start and (doc[end - 1].pos_ == "AUX" or doc[end - 1].lower_ in {"ne", "n'"}):
        end -= 1
    start = end
    while start > verb.sent.start:
        t = doc[start - 1]
        if t.pos_ in {"DET", "NOUN", "PROPN", "ADJ"} or t.text in {"(", ")", "-"} or t.lower_ in {"de", "d'", "du"}:
            start -= 1
        else:
            break
    while start < end and (doc[start].pos_ == "ADP" or doc[start].text in {")", "-"}):
        start += 1
    opens = start == verb.sent.start or doc[start - 1].lower_ == "et"
    says_that = any(c.dep_ == "ccomp" for c in verb.children)
    if start == end or not (opens and says_that) or not any(t.ent_type_ in {"PER", "ORG"} for t in doc[start:end]):
        return None
    return doc[start:end]


def subordinate(verb: Token) -> bool:
    """A verb inside a clause that another verb governs ("a déclaré que ses forces avaient évacué ... et")."""
    return any(t.dep_ in {"ccomp", "advcl", "acl", "acl:relcl", "xcomp", "csubj"} for t in [verb, *verb.ancestors])


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
        acronyms = acronym_definitions(doc)
        people = full_names(doc)
        for sent in doc.sents:
            groups = [a for a in armed_groups if sent.start <= a.start < sent.end]
            found = outermost(self._sentence_sources(sent))
            for span in found + unnamed_sources(sent, found):
                name = self._resolve(span, last, last_group)
                if name in acronyms:
                    name = f"{acronyms[name]} ({name})"
                name = with_full_name(name, span.start, people) if name else name
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
                if phrase is not None and not unconfirmed(phrase):
                    found.extend(with_apposition(phrase, phrase))
            elif token.pos_ == "NOUN" and (medium := interviewed_by(token)) is not None:
                found.append(medium)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in publication_nouns():
                found.extend(publication_authors(token))
            elif token.pos_ in {"VERB", "AUX"} and reports(token):
                subject = speaker(token)
                inverted = subject is not None and subject.start > token.i  # "..., a indiqué leur employeur"
                if subject is not None and (names_a_source(subject) or (inverted and subject[0].pos_ == "DET")):
                    found.extend(with_apposition(subject, trim_source(subject)))
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
        people = {t.text for t in span if t.ent_type_ == "PER"}
        if name.count(" ") and set(name.split()[1:]) <= people and is_known_source(name.split()[0]):
            name = name.split()[0]  # "la BBC, Paul Nagle": the outlet, not a service of it named Paul Nagle
        if len(name) > 80 and ", " in name:  # a person and a long title: the person
            name = name.split(", ")[0]
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


@cache
def hedge_words() -> re.Pattern[str]:
    return re.compile(r"\b(" + word_alternation(read_lines("lexicons/hedge_words.txt")) + r")\b", re.I)


@cache
def doubt_adjectives() -> frozenset[str]:
    return frozenset(read_lines("lexicons/doubt_adjectives.txt"))


def doubts_an_event(token: Token, triggers: list[Span]) -> bool:
    """ "le massacre présumé", "l'attaque supposée": a doubting adjective next to an event noun."""
    if token.lower_ not in doubt_adjectives():
        return False
    return any(t.start - 1 <= token.i <= t.end for t in triggers)


def hedges(doc: Doc) -> list[Span]:
    spans = []
    triggers = list(doc.spans.get("temoin_triggers", []))
    for m in hedge_words().finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), label="HEDGE", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    for token in doc:
        if doubts_an_event(token, triggers) or (
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
