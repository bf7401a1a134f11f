"""Naming the sources ``stages/attribution.py`` finds: which words name a source, and the name it is shown by.

The words: the noun phrase after "selon" or an incise verb, up to the circumstances ("sur Twitter"); a title and
the person who holds it as one source ("le porte-parole de la police, le colonel X"; "Mahamat Saleh, le ministre
de la justice"); people and known bodies in apposition ("Hugh Williamson, de Human Rights Watch"); coordinated
sources as two ("Des ONG et l'ambassadeur"); a name with its acronym in brackets. The name: the last source for
an anaphora ("la source", "il"), the last armed group for "le groupe", else the phrase as ``stages/sources.py``
normalises it (known outlets, acronyms, full names of people).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from temoin.resources import read_tsv, word_alternation, word_set
from temoin.stages import doc_ents, span_ents
from temoin.stages.actors import named_actors, stands_for_a_mission
from temoin.stages.sources import is_a_known_source, is_known_source, normalise_source, source_nouns, with_full_name

ANAPHORA = re.compile(
    r"^(la|cette) (même )?source|^(les|ces) mêmes sources|^ces sources$|^l'agence$|^le média|^la chaîne|^le journal|"
    r"^(le|ce) (même )?(tweet|communiqué|message|texte|post|bilan)$|^ce (même )?(bulletin|document|rapport)$",
    re.I,
)
STRESSED_PRONOUNS = {"lui", "eux"}  # only alone: not « plusieurs centaines d'entre eux »
GROUP_ANAPHORA = re.compile(  # « le groupe », « le mouvement jihadiste »: the armed group named last
    r"^(le|ce) (?:groupe|mouvement (?:jihadiste|djihadiste|terroriste|armé|rebelle|islamiste))\b", re.I
)
PRONOUNS = {"il", "elle", "ils", "elles", "celui-ci", "celle-ci", "ce dernier", "cette dernière"}


def bare_pronoun(word: str) -> str:
    """« -t-il » and « -elle », as the tokenizer cuts « a-t-il » and « précise-elle », are « il » and « elle »."""
    return re.sub(r"^-(?:t-)?", "", word.lower())


NOT_SOURCES = re.compile(r"^(lesquels|lesquelles|lequel|laquelle|qui|que|nous|on|vous|je|tu|cela|ce|ceci)$", re.I)
TITLE_MAX_WORDS = 9


REFLEXIVES = {"s'", "s’", "se"}  # « une source militaire s'exprimant depuis Port-Soudan »: the verb's, not the name's


def phrase_after(token: Token, limit: int = 12) -> Span | None:
    """The noun phrase after "selon": up to a comma, a verb or the end of the sentence."""
    doc = token.doc
    end = token.i + 1
    while end < min(token.sent.end, token.i + 1 + limit):
        t = doc[end]
        if (
            (t.is_punct and t.text not in {"(", ")", "-", "'"})
            or (
                t.pos_ in {"VERB", "AUX"}
                and t.lower_ not in {"unies", "unis"}
                and not t.text[:1].isupper()
                and not (
                    end > token.i + 1 and doc[end - 1].pos_ == "DET"  # « notre correspondant », tagged a participle
                )
            )
            or t.lower_ in {"que", "qui", "qu'", "qu’"}
            or (t.lower_ in REFLEXIVES and end + 1 < len(doc) and doc[end + 1].pos_ in {"VERB", "AUX"})
            or (
                t.lower_ in circumstance_words()
                and end > token.i + 1
                and not names_on(t, limit)
                and not agent_of(t, token)
            )
        ):
            break  # "a écrit M. Diallo sur Twitter", but "l'Institut de recherche sur la paix (IRP)"; "les Nations
            # unies" and a capitalised name read as a verb ("le gouverneur Oleh Synehoubov") go on
        end += 1
    return doc[token.i + 1 : end] if end > token.i + 1 else None


def medium_after(preposition: Token) -> Span | None:
    """The medium after "à": "à l'AFP", cut where a new phrase starts after the name ("a déclaré à l'AFP un
    responsable local", "à la radio locale un rescapé": the medium, then the speaker)."""
    phrase = phrase_after(preposition, limit=8)
    return None if phrase is None else the_medium_alone(up_to_a_new_phrase(phrase, {"DET", "NUM"}))


def the_medium_alone(phrase: Span) -> Span:
    """« a déclaré à l'AFP Nasrullah Baloch, le président de l'association »: the agency, then the speaker's name."""
    doc = phrase.doc
    for end in range(phrase.start + 1, phrase.end):
        person = all(t.ent_type_ == "PER" for t in doc[end : phrase.end])  # not « BBC Afrique », « BBC Sport »
        if person and is_a_known_source(doc[phrase.start : end].text):
            return doc[phrase.start : end]
    return phrase


def up_to_a_new_phrase(phrase: Span, openers: set[str], partitive: bool = True) -> Span:
    """A phrase cut where a determiner opens a new one right after a name: « à la radio locale un rescapé »,
    « selon l'armée israélienne un dépôt d'armes »; not « le quotidien Le Monde ». Without ``partitive``, « des »
    and « du » go on the name (« selon la Cellule des médias »)."""
    doc = phrase.doc

    def opens(t: Token) -> bool:
        if t.lower_ in {"des", "du"}:
            return partitive and (t.pos_ in openers or speakers_of(t))
        return t.pos_ in openers and not t.text[:1].isupper()

    cut = next((t.i for t in phrase[1:] if opens(t) and ends_a_name(doc[t.i - 1]) and not of_a_name(t)), None)
    return doc[phrase.start : cut] if cut is not None else phrase


def speakers_of(token: Token) -> bool:
    """« ont rapporté à l'AFP des sources locales »: « des » opening the speakers after the medium's name."""
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.lower_ == "des" and nxt is not None and is_source_noun(nxt)


def ends_a_name(token: Token) -> bool:
    """A word a new phrase may follow: « à la radio locale un rescapé », « à France 24 un responsable », « à SANA une
    source » (an acronym, whatever the tagger made of it)."""
    return token.pos_ in {"PROPN", "NOUN", "ADJ"} or token.text.isupper() or of_a_name(token)


def of_a_name(figure: Token) -> bool:
    """The figure of a name, « France 24 » in « a affirmé à France 24 un responsable »: a figure right after a
    capitalised word and before a determiner."""
    doc = figure.doc
    follows_a_name = figure.like_num and doc[figure.i - 1].text[:1].isupper()
    return follows_a_name and figure.i + 1 < len(doc) and doc[figure.i + 1].pos_ == "DET"


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


def agent_of(by: Token, opener: Token) -> bool:
    """« par » after a participle names who did it, still the source (« selon des rescapés interrogés par Amnesty
    International », « un élu joint par téléphone »), and so does a second « par » (« par téléphone par Human Rights
    Watch ») and « par intérim »; after a noun it opens a circumstance: « posé, selon l'armée, par des jihadistes »."""
    if by.lower_ != "par":
        return False
    before = by.doc[by.i - 1]
    after = by.doc[by.i + 1].lower_ if by.i + 1 < len(by.doc) else ""
    participle = before.pos_ in {"VERB", "ADJ"} or before.lower_ in word_set("lexicons/reached_verbs.txt")  # « joints »
    return opener.lower_ == "par" or participle or after == "intérim"


def circumstance_words() -> frozenset[str]:
    return word_set("lexicons/circumstance_words.txt")


def up_to_next_to(phrase: Span | None) -> Span | None:
    """A phrase cut before a second "à": "une source à l'AFP", "une source militaire à Maroua" are the source;
    not « le commissaire à la sécurité intérieure de l'Etat, Nasir Mu'azu »."""
    if phrase is None:
        return None
    end = next((t.i for t in phrase[1:] if t.lower_ in {"à", "au", "aux"} and not to_a_portfolio(t)), phrase.end)
    if any(t.text == "(" for t in phrase.doc[end : phrase.end]):
        return phrase  # « le Groupe de soutien à l'islam et aux musulmans (JNIM) »: a name with its acronym
    return phrase.doc[phrase.start : end]


def to_a_portfolio(preposition: Token) -> bool:
    """ "commissaire à la sécurité intérieure": the title's field (``lexicons/portfolio_titles.txt``)."""
    return preposition.i > 0 and preposition.nbor(-1).lower_ in word_set("lexicons/portfolio_titles.txt")


def is_source_noun(token: Token) -> bool:
    return token.lemma_.lower() in source_nouns() or token.lower_ in source_nouns()


def opens_partitive(span: Span) -> bool:
    """ "des habitants", tagged as a preposition: an indefinite noun phrase all the same."""
    return span[0].lower_ in {"des", "du"} and len(span) > 1 and span[1].pos_ in {"NOUN", "ADJ", "PROPN"}


def names_a_source(span: Span) -> bool:
    """A source is a name, or a noun for a person, body or medium ("une source sécuritaire", "le ministère")."""
    if span[0].pos_ == "ADP" and not opens_partitive(span):
        return False  # "Dans un communiqué publié mercredi": a place of publication, not a source
    if any(t.pos_ == "PROPN" or t.ent_type_ in {"PER", "ORG"} or is_acronym(t) for t in span):
        return True  # « les FSR ont affirmé », with FSR tagged as a pronoun
    if any(
        a.kb_id_.startswith("named:") and span.start <= a.start < span.end
        for a in span.doc.spans.get("temoin_actors", [])
    ):
        return True  # « Les wazalendo ont affirmé »
    if any(bare_pronoun(t.lower_) in PRONOUNS for t in span) or ANAPHORA.match(span.text.lower()):
        return True
    if span.text.lower() in STRESSED_PRONOUNS:
        return True  # « Selon lui, six drones ont frappé le district »
    return any(is_source_noun(t) for t in span)


def is_acronym(token: Token) -> bool:
    return len(token.text) >= 2 and token.text[0].isalpha() and token.text.isupper()


def trim_source(span: Span) -> Span:
    """Cut a subject phrase before a relative clause or a long apposition."""
    doc = span.doc
    end = span.start
    while end < span.end and not (doc[end].text == "," or doc[end].lower_ in {"qui", "dont", "que"}):
        end += 1
    return doc[span.start : max(end, span.start + 1)]


def apposed_names(subject: Span, trimmed: Span) -> list[Span]:
    """People, and known monitors or media, in apposition to a source: "Le ministre ..., Sergueï Lavrov, estime",
    "affirme le secrétaire général de l'OTAN, Jens Stoltenberg,", "Hugh Williamson, de Human Rights Watch"."""
    doc = subject.doc
    end = subject.end
    if end + 1 < subject.sent.end and doc[end].text == ",":
        end = min(subject.sent.end, end + 6)  # an inverted subject: its apposition follows it
    inside = [e for e in doc_ents(doc) if trimmed.end <= e.start and e.end <= end and len(e.text) >= 3]
    person = any(e.label_ == "PER" for e in span_ents(trimmed))  # "Kenza Ben Azzouz, chercheuse à Human Rights Watch"
    return [e for e in inside if e.label_ == "PER" or (person and e.label_ == "ORG") or is_known_source(e.text)]


def holder_between_commas(trimmed: Span) -> list[Span]:
    """ "Le directeur général de l'OMS, Tedros Adhanom Ghebreyesus, affirme": a run of two to four capitalised
    words set off by commas right after a title is the one who holds it, whatever NER calls it."""
    doc, start = trimmed.doc, trimmed.end + 1
    if start >= len(doc) or doc[trimmed.end].text != "," or any(e.label_ == "PER" for e in span_ents(trimmed)):
        return []
    if doc[start].lower_ in {"le", "la", "l'", "l’"}:  # "..., le général de brigade Yahya Saree,": a rank first
        rank = start + 1
        while rank < min(trimmed.sent.end, start + 6) and (doc[rank].is_lower or doc[rank].text == "-"):
            rank += 1
        start = rank if rank > start + 1 else start
    end = start
    while end < min(len(doc), start + 6) and is_a_name_word(doc, end):
        end += 1
    if len([t for t in doc[start:end] if t.text != "-"]) < 2 or (
        end < trimmed.sent.end and doc[end].text not in {",", "."}
    ):
        return []  # "selon le gouverneur régional, Oleh Synehoubov." ends its sentence
    return [Span(doc, start, end, label="HOLDER")]


def is_a_name_word(doc: Doc, i: int) -> bool:
    """A capitalised word of a person's name, or the dash inside one (« Michel - Ange Louis-Jeune »)."""
    text = doc[i].text
    if text == "-":
        return 0 < i < len(doc) - 1 and doc[i + 1].text[:1].isupper()
    return text[:1].isupper() and text.replace("-", "").isalpha()


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
    person and a body stay two, and the holder is also named alone, as readers cite them (« Lul Ruai Koang »)."""
    names = apposed_names(subject, trimmed) + holder_between_commas(trimmed)
    titled = [n for n in names if n.label_ in {"PER", "HOLDER"} and holds_the_title(trimmed, n)]
    if titled and not any(e.label_ == "PER" for e in span_ents(trimmed)):
        combined = subject.doc[trimmed.start : titled[0].end]
        return [combined, *names]
    title = title_after(trimmed)
    if title is not None:
        return [subject.doc[trimmed.start : title.end], *names]
    return [*conjuncts(trimmed), *names]


def holds_the_title(title: Span, name: Span) -> bool:
    """The name just after a title holds it, after a rank or two in lower case: « le porte-parole des forces
    armées, le général de brigade Yahya Saree »."""
    between = title.doc[title.end : name.start]
    return len(between) <= 3 or (len(between) <= 6 and all(t.is_lower or t.is_punct for t in between))


def title_after(person: Span) -> Span | None:
    """The title in apposition after a person's name: "Mahamat Saleh, le ministre tchadien de la justice", "Awa
    Sy, l'une des responsables du port", up to a comma, a verb or "à" ("Ali Ba, chercheur au Timbuktu Institute":
    the institute is a source of its own)."""
    doc, sent = person.doc, person.sent
    if not is_person(person) or person.end + 2 >= sent.end or doc[person.end].text != ",":
        return None
    start = person.end + 1
    noun = title_noun(doc, start, sent.end)
    if noun >= sent.end or not is_source_noun(doc[noun]):
        return None
    end = title_end(sent, start, noun + 1)
    return doc[start:end] if end is not None else None


def title_noun(doc: Doc, start: int, sent_end: int) -> int:
    """Where the noun of a title starting at ``start`` stands, past "le", "un des", "l'une des"."""
    i = start
    while i < min(sent_end, start + 3) and (doc[i].pos_ in {"DET", "PRON"} or doc[i].lower_ in {"des", "d'"}):
        i += 1
    return i


def title_end(sent: Span, start: int, end: int) -> int | None:
    """Where a title starting at ``start`` ends, looking on from ``end``: before a comma, a verb, "à" or a
    circumstance; None for a long apposition, or one that runs on into a clause."""
    doc = sent.doc
    while end < sent.end and end - start < TITLE_MAX_WORDS and not ends_a_title(doc[end]):
        end += 1
    runs_on = end < sent.end and not doc[end].is_punct and doc[end].lower_ not in {"à", "au", "aux"}
    return None if end - start >= TITLE_MAX_WORDS or runs_on else end


def ends_a_title(token: Token) -> bool:
    return (
        (token.is_punct and token.text not in {"-", "'"})
        or token.pos_ in {"VERB", "AUX"}
        or token.lower_ in {"à", "au", "aux", "qui", "que", "qu'", "et"} | circumstance_words()
    )


def is_person(span: Span) -> bool:
    """A person's name: a person entity, or two or more proper nouns and nothing else."""
    if any(e.label_ == "PER" and e.start <= span.start and span.end <= e.end for e in doc_ents(span.doc)):
        return True
    return len(span) >= 2 and all(t.pos_ == "PROPN" or t.text == "-" for t in span)


def conjuncts(span: Span) -> list[Span]:
    """ "Des ONG et l'ambassadeur d'Ukraine ont accusé": two sources; but "Groupe de soutien à l'islam et aux
    musulmans" is one name (what follows "et" starts with a preposition)."""
    doc = span.doc
    cuts = [
        t.i
        for t in span
        if t.lower_ in {"et", "ainsi"}
        and t.dep_ == "cc"
        and t.i > span.start
        and not (t.i + 1 < span.end and doc[t.i + 1].pos_ == "ADP" and doc[t.i + 1].lower_ != "des")
    ]
    bounds = [span.start, *cuts, span.end]
    parts = [doc[a + (a in cuts) : b] for a, b in pairwise(bounds)]
    return [p for p in parts if len(p)] or [span]


def name_at(token: Token) -> Span | None:
    """The name of a body or person that starts at this word, with its acronym in brackets; None for a place or a
    common noun."""
    doc = token.doc
    if not token.text[:1].isupper():
        return None
    entity = next((e for e in doc_ents(doc) if e.start == token.i), None)
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


@cache
def relay_participles() -> frozenset[tuple[str, str]]:
    return frozenset((row["lemma"], row["preposition"]) for row in read_tsv("lexicons/relay_participles.tsv"))


def before_its_relay(span: Span) -> Span:
    """ "une source sécuritaire jointe par l'AFP" is "une source sécuritaire": the medium is a source of its own."""
    for token, preposition in pairwise(span):
        if token.i > span.start and (token.lemma_.lower(), preposition.lower_) in relay_participles():
            return span.doc[span.start : token.i]
    return span


def name_of(span: Span, last: str, last_group: str) -> str:
    """The name a source phrase stands for: the last source for an anaphora ("la source", "il"), the last armed
    group for "le groupe", else the phrase normalised; "" for a relative pronoun or a phrase too short or long."""
    span = with_its_bracket(before_its_relay(span))
    text = told_by().sub("", span.text.strip())  # « le bilan communiqué mercredi par le ministère »: the ministry
    low = text.lower()
    if NOT_SOURCES.match(low):
        return ""
    named = any(t.pos_ == "PROPN" or (t.i > span.start and t.text[:1].isupper()) for t in span)
    if bare_pronoun(low) in PRONOUNS | STRESSED_PRONOUNS or (
        ANAPHORA.match(low) and not named
    ):  # "la chaîne Al-Masirah" is named
        return last
    if GROUP_ANAPHORA.match(low) and len(low.split()) <= 4 and last_group and not named:  # not « le mouvement
        # rebelle RED-Tabara »
        return last_group
    name = normalise_source(text)
    people = {t.text for t in span if t.ent_type_ == "PER"}
    if name.count(" ") and set(name.split()[1:]) <= people and is_known_source(name.split()[0]):
        name = name.split()[0]  # "la BBC, Paul Nagle": the outlet, not a service of it named Paul Nagle
    if len(name) > 80 and ", " in name:  # a person and a long title: the person
        name = name.split(", ")[0]
    return name if 2 <= len(name) <= 80 else ""


def with_its_bracket(span: Span) -> Span:
    """« le Front de libération de l'Azawad (FLA, coalition rebelle) » cut at its comma: up to the closing bracket."""
    if span.text.count("(") <= span.text.count(")"):
        return span
    ahead = span.doc[span.end : min(span.end + 8, span.sent.end)]
    close = next((t.i for t in ahead if t.text == ")"), None)
    return span.doc[span.start : close + 1] if close is not None else span


@cache
def told_by() -> re.Pattern[str]:
    """« Le bilan communiqué mercredi soir par » before whoever told it (``lexicons/publication_nouns.txt``)."""
    nouns = word_alternation(sorted(word_set("lexicons/publication_nouns.txt")))
    return re.compile(
        rf"^(?:[\w']+ ){{0,2}}(?:l'|l’)?(?:{nouns})s?\b[^,;]{{0,60}}?\bpar ",
        re.I,  # « Le bilan », « Un premier bilan »
    )


OF_AN_ORGANISATION = re.compile(
    r"^(?:(?:un |une |le |la |les |l')?[\w-]+ (?:du |de la |de l'|des ))?"  # « un porte-parole du » ...
    r"(?:le |la |l'|ce |cette |cet |son |sa |leur )?(?P<noun>.+)$"  # ... « leur parti »
)


@cache
def source_anaphora() -> dict[str, frozenset[str]]:
    return {row["noun"]: frozenset(row["points_to"].split("|")) for row in read_tsv("lexicons/source_anaphora.tsv")}


def pointed_back(span: Span, named: list[Span]) -> str:
    """The organisation named before that « le parti », « un communiqué du parti », « la mission onusienne » points
    back to (``lexicons/source_anaphora.tsv``): the text of its last mention, after the title that speaks for it
    (« porte-parole du mouvement (SPLM-IO) »), or ""."""
    found = OF_AN_ORGANISATION.match(span.text.strip().lower())
    kinds = source_anaphora().get(found.group("noun")) if found else None
    if not kinds or any(t.pos_ == "PROPN" or (t.i > span.start and t.text[:1].isupper()) for t in span):
        return ""
    earlier = [a for a in named if a.end <= span.start and (a.label_ in kinds or actor_country(a) in kinds)]
    earlier = [a for a in earlier if not stands_for_a_mission(a.kb_id_.partition(":")[2])]
    if not earlier:
        return ""
    said = span.text.strip()
    titled = OF_AN_ORGANISATION.match(said.lower()) and re.match(r"^(?:\S+ )?[\w-]+ (?:du|de la|de l'|des) ", said)
    return f"{normalise_source(said)} ({earlier[-1].text})" if titled else earlier[-1].text


def actor_country(actor: Span) -> str:
    known = named_actors().get(actor.kb_id_.partition(":")[2])
    return known.country if known is not None else ""


def shown_name(span: Span, last: str, last_group: str, acronyms: dict[str, str], people: list[Span]) -> str:
    """The name a source is shown by: ``name_of`` it, an acronym with the full name the article defines for it
    ("HRW" -> "Human Rights Watch (HRW)"), a surname with the person's full name ("M. Diallo" -> Amadou Diallo)."""
    name = name_of(span, last, last_group)
    if name in acronyms:
        name = f"{acronyms[name]} ({name})"
    return with_full_name(name, span.start, people) if name else name
